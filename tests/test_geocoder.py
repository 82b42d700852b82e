"""PeruGazetteer speaks geopy's Geocoder interface offline."""

from __future__ import annotations

import geopandas
import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from gazetteer import PeruGazetteer, QueryError


@pytest.fixture(scope="module")
def coder():
    return PeruGazetteer()


def test_geocode_returns_location_with_raw_record(coder):
    loc = coder.geocode("Ocobamba")
    assert isinstance(loc, Location)
    assert loc.raw["id"] == "district:030605" and loc.raw["ubigeo"] == "030605"
    assert loc.raw["admin1"] == "Apurímac" and loc.raw["kind"] == "district"
    assert loc.address == "Ocobamba, Chincheros, Apurímac, Perú"
    assert (loc.latitude, loc.longitude) == (loc.raw["lat"], loc.raw["lon"])


def test_geocode_many_and_none(coder):
    both = coder.geocode("Ocobamba", exactly_one=False, kinds=["district"])
    assert [x.raw["admin1"] for x in both] == ["Apurímac", "Cusco"]
    assert coder.geocode("Nowhereville Xq") is None


def test_structured_query(coder):
    assert coder.geocode({"city": "Ocobamba", "state": "Cusco"}).raw["id"] == "district:080905"


def test_reverse(coder):
    loc = coder.reverse("-12.05, -77.04")
    assert loc.raw["kind"] == "district" and loc.raw["admin1"] == "Lima"
    chain = coder.reverse((-12.05, -77.04), exactly_one=False)
    assert [x.raw["kind"] for x in chain] == ["district", "province", "department"]
    assert coder.reverse((-16.5, -68.15)) is None
    with pytest.raises(QueryError):
        coder.reverse("not a point")


def test_rate_limiter_wraps_it(coder):
    geocode = RateLimiter(coder.geocode, min_delay_seconds=0)
    assert geocode("VRAE").raw["id"] == "zone:vraem"


def test_geopandas_geocode_with_provider_class():
    df = geopandas.tools.geocode(["Pichari", "Huanta", "Nowhereville Xq"], provider=PeruGazetteer)
    assert df.address.iloc[0].startswith("Pichari")
    assert df.geometry.iloc[2].is_empty
