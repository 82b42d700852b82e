"""Reverse lookup: the district, province and department containing a point."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gazetteer import CoordinateError


def test_locate_lima(gaz):
    found = gaz.locate(-12.05, -77.04)
    assert found.department.name == "Lima" and found.province.name == "Lima"
    assert found.district.kind == "district" and found.district.admin1 == "Lima"


def test_point_in_bolivia_is_none(gaz):
    assert gaz.locate(-16.5, -68.15) is None  # La Paz


def test_point_at_sea_is_none(gaz):
    assert gaz.locate(-12.0, -80.0) is None


def test_swapped_coordinates_warn(gaz):
    with pytest.warns(UserWarning, match="swapped"):
        assert gaz.locate(-77.04, -12.05) is None


@pytest.mark.parametrize("lat,lon", [(math.nan, -77.0), (-12.0, math.inf), (-120.0, -77.0), ("a", "b"), (None, 1)])
def test_bad_coordinates_raise(gaz, lat, lon):
    with pytest.raises(CoordinateError):
        gaz.locate(lat, lon)


def test_every_district_locates_its_own_inside_point(gaz):
    districts = [p for p in gaz if p.kind == "district"]
    found = gaz.district_ids([d.rep_lat for d in districts], [d.rep_lon for d in districts])
    assert list(found) == [d.id for d in districts]


def test_batch_matches_single(gaz):
    rng = np.random.default_rng(7)
    lat, lon = rng.uniform(-18, 0, 300), rng.uniform(-81, -69, 300)
    batch = gaz.locate_many(lat, lon)
    single = [gaz.locate(a, b) for a, b in zip(lat, lon)]
    assert [None if x is None else x.district.id for x in batch] == \
        [None if x is None else x.district.id for x in single]
    assert any(x is None for x in batch) and any(x is not None for x in batch)


def test_empty_batch(gaz):
    assert list(gaz.district_ids([], [])) == []
