"""Relative locations ("about 200 kilometers east of Lima"): the expression read, and the area it names."""

from __future__ import annotations

import pytest
import shapely
from geopy.distance import geodesic

from geo.cable import annotate_structure
from geo.document import Document
from geo.pipeline import process
from geo.relative import find_relative, relative_area


def _relatives(text: str, lang: str):
    doc = annotate_structure(Document(id="t", text=text), language=lang)
    return find_relative(doc.text, process(doc).places)


@pytest.mark.parametrize("text, lang, km, bearing, approximate, written", [
    ("Troops clashed with rebels in Huanta, about 120 kilometers north of Ayacucho, on Monday.", "en",
     120, 0, True, "about 120 kilometers north of"),
    ("The patrol was ambushed in Pichari, 40 miles southeast of Huanta.", "en", 40 * 1.609344, 135, False,
     "40 miles southeast of"),
    ("Los atacantes huyeron hacia Tambo, a unos 30 km al sur de Huanta.", "es", 30, 180, True,
     "a unos 30 km al sur de"),
    ("Hallaron la pista de aterrizaje en Llochegua, 25 kilómetros al norte de Pichari.", "es", 25, 0, False,
     "25 kilómetros al norte de"),
])
def test_distance_bearing_and_words_of_approximation(text, lang, km, bearing, approximate, written):
    [rel] = _relatives(text, lang)
    assert rel.distance_km == pytest.approx(km) and rel.bearing == bearing
    assert rel.approximate is approximate and rel.text == written


@pytest.mark.parametrize("text, lang", [
    ("The march covered 120 kilometers in four days before reaching Ayacucho.", "en"),  # a distance, no anchor
    ("Recorrieron 30 km por la carretera central hasta llegar a Huanta.", "es"),
    ("Some 200 km to the southeast, troops found nothing.", "en"),  # no place named after it
])
def test_no_relative_location_without_an_anchor(text, lang):
    assert _relatives(text, lang) == []


def test_the_area_lies_at_the_stated_distance_around_the_bearing():
    lat, lon = -12.05, -77.04
    sector = relative_area(lat, lon, 200, 90)
    ring = relative_area(lat, lon, 200, None)
    assert sector.is_valid and ring.is_valid and sector.area < ring.area
    for geom in (sector, ring):
        shell = shapely.get_coordinates(geom.exterior if hasattr(geom, "exterior") else geom)
        distances = {round(geodesic((lat, lon), (y, x)).km, 3) for x, y in shell}
        assert distances <= {150.0, 250.0}  # 25% either side of 200 km, on the WGS 84 ellipsoid
    east = shapely.Point(*reversed(_destination(lat, lon, 200, 90)))
    west = shapely.Point(*reversed(_destination(lat, lon, 200, 270)))
    assert sector.contains(east) and not sector.contains(west) and ring.contains(west)


def _destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    p = geodesic(kilometers=km).destination((lat, lon), bearing)
    return p.latitude, p.longitude
