"""The map's drawing of the packaged gazetteer, shipped ready (maps/basedata.json.gz): it is what
the map computes without it, and a gazetteer other than the one it was made from is drawn from its
own data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import shapely

import geo
import maps
from gazetteer import Gazetteer
from maps import areas, basedata, labels, shapes

REPORTS = Path(__file__).parents[1] / "examples" / "reports"


def _clear_caches() -> None:
    for cached in (basedata.shipped, shapes._admin_json, shapes._water_json, labels.place_labels, areas._display):
        cached.cache_clear()


@pytest.fixture
def without_shipped(monkeypatch):
    """Every drawing computed from the gazetteer, as for a gazetteer the file was not made from."""
    _clear_caches()
    monkeypatch.setattr(basedata, "PATH", Path("/nonexistent/basedata.json.gz"))
    yield
    monkeypatch.undo()
    _clear_caches()


def test_the_shipped_drawing_is_of_the_packaged_gazetteer_and_equals_what_the_map_computes():
    _clear_caches()
    data = basedata.shipped()
    assert data is not None, "maps/basedata.json.gz is missing or out of date: run python -m maps.basedata"
    assert data["fingerprint"] == basedata.fingerprint()
    for spec in basedata.ADMIN:
        assert data["admin"][basedata.admin_key(*spec)] == shapes._admin_json_of(*spec), spec
    for tolerance in basedata.WATER:
        assert data["water"][repr(tolerance)] == shapes._water_json_of(tolerance)
    for spec in basedata.ZONES:
        assert data["zones"][basedata.zone_key(*spec)] == json.dumps(shapes._zone_shape_of(*spec))
    assert tuple(data["labels"]["all"]) == labels._place_labels()
    gaz = Gazetteer.load()
    assert len(data["areas"]) > 2000  # every department, province, district, zone and the country
    for place_id in data["areas"]:
        assert areas._display(place_id) == areas._mapping(gaz.geometry(place_id)), place_id
    assert areas._display("department:05") is areas._display("department:05")  # read once


def test_a_gazetteer_other_than_the_shipped_ones_is_drawn_from_its_own_data(without_shipped, tmp_path):
    assert basedata.shipped() is None
    incidents = geo.extract(REPORTS)
    computed = maps.to_html(maps.incident_map(incidents))
    _clear_caches()
    basedata.PATH = Path(basedata.__file__).with_name("basedata.json.gz")
    assert basedata.shipped() is not None
    shipped = maps.to_html(maps.incident_map(incidents))
    names = re.compile(r"_[0-9a-f]{32}")  # folium's element names differ between two maps
    assert names.sub("", shipped) == names.sub("", computed)


def test_a_changed_gazetteer_file_makes_the_shipped_drawing_stale(tmp_path):
    from gazetteer.lookup import _data_dir

    for name in ("places.parquet", "boundaries.parquet", "natural.parquet", "zones.json"):
        (tmp_path / name).write_bytes((_data_dir() / name).read_bytes())
    assert basedata.fingerprint(tmp_path) == basedata.fingerprint()
    (tmp_path / "zones.json").write_text(json.dumps({"changed": True}))
    assert basedata.fingerprint(tmp_path) != basedata.fingerprint()


def test_an_outline_is_read_without_the_names_and_is_the_places_footprint():
    gaz = Gazetteer.load()
    for place_id in ("department:05", "district:050202", "zone:vraem", "country:PE"):
        assert shapely.equals_exact(Gazetteer.outline(place_id), gaz.geometry(place_id), 0), place_id
    town = gaz.of_kind("populated_place")[0]
    assert Gazetteer.outline(town.id) is None  # a point: geometry() gives it
    assert Gazetteer.outline("department:99") is None
