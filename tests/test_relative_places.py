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


def _incidents(text: str, lang: str, when: str = "2008-12-20"):
    from datetime import date

    doc = annotate_structure(Document(id="t", text=text, date=date.fromisoformat(when)), language=lang)
    return process(doc).incidents


@pytest.mark.parametrize("text, lang, anchor, km, bearing", [
    ("Rebels ambushed an army truck about 30 kilometers south of Tocache on December 18, killing two soldiers.",
     "en", "Tocache", 30, 180),
    ("Gunmen fired on a police post some 15 km west of Pichari on Thursday.", "en", "Pichari", 15, 270),
    ("Desconocidos emboscaron una camioneta policial a unos 40 kilómetros al norte de Huanta el 18 de diciembre.",
     "es", "Huanta", 40, 0),
])
def test_an_incident_placed_only_by_distance_lies_in_that_area(text, lang, anchor, km, bearing):
    [inc] = _incidents(text, lang)
    assert inc.place.place.name == anchor and inc.place.mention.text == anchor
    assert inc.place.footprint_id.startswith("country:PE|rel:")
    here = (inc.place.lat, inc.place.lon)
    origin = next(p for p in _places(text, lang) if p.mention.text == anchor)
    assert geodesic((origin.lat, origin.lon), here).km == pytest.approx(km, rel=0.3)
    assert inc.place.where_prec == (2 if km <= 25 else 5)
    assert inc.place.footprint.contains(shapely.Point(*reversed(_destination(origin.lat, origin.lon, km, bearing))))
    # the mention itself still names the anchor's own place, as a reference
    assert (origin.role, origin.lat, origin.lon) == ("reference", origin.place.lat, origin.place.lon)


@pytest.mark.parametrize("text, lang, where", [
    # a place named before the distance is where it happened; the anchor only locates it
    ("Rebels ambushed an army truck in Aucayacu, about 30 kilometers south of Tingo Maria, on December 18.",
     "en", "Aucayacu"),
    ("Emboscaron una patrulla en Llochegua, a unos 25 km al norte de Pichari, el 18 de diciembre.", "es", "Llochegua"),
])
def test_a_place_named_before_the_distance_keeps_the_incident(text, lang, where):
    [inc] = _incidents(text, lang)
    assert inc.place.mention.text == where and not (inc.place.footprint_id or "").startswith("country:")


def _places(text: str, lang: str):
    return process(annotate_structure(Document(id="t", text=text), language=lang)).places
