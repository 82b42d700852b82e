"""Footprints by reference: each area's footprint_id gives its shape again; --footprints full,
simplified or none; maps drawn from a table without shapes, and from tables older than the ids."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import shapely

import geo
import maps
from geo.errors import FootprintError
from geo.footprints import FOOTPRINT_TOLERANCE, footprint_shape
from geo.table import FOOTPRINTS, FORMATS, read_table, write_table
from maps.layers import IncidentLayers

REPORTS = Path(__file__).parents[1] / "examples" / "reports"


@pytest.fixture(scope="module")
def incidents():
    return geo.extract(REPORTS)


def payload(m) -> dict:
    return next(c for c in m._children.values() if isinstance(c, IncidentLayers)).payload


def drawn_areas(table) -> list[tuple[str, dict]]:
    """(incident id, the shape drawn around it) for every incident the map draws with an area."""
    data = payload(maps.incident_map(table))
    return sorted((d["id"], data["footprints"][d["f"]]) for d in data["incidents"] if d["f"] is not None)


def test_every_area_has_a_footprint_id_giving_its_shape_again(incidents):
    areas = incidents[incidents.footprint.notna()]
    assert len(areas) >= 3 and areas.footprint_id.notna().all()
    assert incidents.footprint_id[incidents.footprint.isna()].isna().all()
    # "about 190 kilometers east of Lima" narrows Huancavelica: its id keeps the step
    [narrowed] = [f for f in areas.footprint_id if "|rel:" in f]
    assert narrowed.startswith("department:09|rel:")
    for fid, geom in zip(areas.footprint_id, areas.footprint):
        assert shapely.equals_exact(footprint_shape(fid), geom, 0), fid
    assert footprint_shape(narrowed).area < footprint_shape("department:09").area


def test_a_footprint_id_naming_nothing_is_an_error_saying_what_ids_look_like():
    with pytest.raises(FootprintError, match=r"'department:99'.*'department:05'"):
        footprint_shape("department:99")
    with pytest.raises(FootprintError, match=r"rel:LAT,LON,KM,BEARING"):
        footprint_shape("department:05|rel:east")
    with pytest.raises(FootprintError, match=r"unknown footprint step 'buffer:3'"):
        footprint_shape("department:05|buffer:3")


@pytest.mark.parametrize("fmt", FORMATS)
def test_full_simplified_and_none_keep_the_ids_and_hold_the_shapes_asked_for(incidents, tmp_path, fmt):
    areas = incidents.footprint.notna()
    sizes, shapes = {}, {}
    for mode in FOOTPRINTS:
        path = tmp_path / f"{mode}.{fmt}"
        write_table(incidents, path, footprints=mode)
        back = read_table(path)
        sizes[mode], shapes[mode] = path.stat().st_size, back.footprint
        assert list(back.footprint_id.fillna("")) == list(incidents.footprint_id.fillna(""))
    assert shapes["none"].isna().all() and shapes["simplified"].notna().sum() == areas.sum()
    for full, simple, original in zip(shapes["full"][areas], shapes["simplified"][areas], incidents.footprint[areas]):
        assert full.equals_exact(original, 1e-6)
        assert shapely.get_num_coordinates(simple) < shapely.get_num_coordinates(full)
        assert shapely.hausdorff_distance(simple, full) < FOOTPRINT_TOLERANCE + 0.01
    assert sizes["none"] <= sizes["simplified"] < sizes["full"]  # a GeoPackage grows by whole pages
    with pytest.raises(ValueError, match="footprints must be one of full, simplified, none"):
        write_table(incidents, tmp_path / f"x.{fmt}", footprints="tiny")


def test_a_table_saved_without_shapes_still_maps_its_areas(incidents, tmp_path):
    path = tmp_path / "incidents.parquet"
    made = subprocess.run([sys.executable, "-m", "geo.cli", "extract", str(REPORTS), "-o", str(path),
                           "--footprints", "none", "-q"], capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    back = read_table(path)
    assert back.footprint.isna().all() and back.footprint_id.notna().sum() == incidents.footprint.notna().sum()
    drawn = drawn_areas(back)
    assert drawn == drawn_areas(incidents) and len(drawn) == incidents.footprint.notna().sum()
    bad = subprocess.run([sys.executable, "-m", "geo.cli", "extract", str(REPORTS), "-o", str(path),
                          "--footprints", "some"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "--footprints" in bad.stderr and "simplified" in bad.stderr


def test_tables_written_before_footprint_ids_still_read_and_draw(incidents, tmp_path):
    path = tmp_path / "old.geojson"  # as they were written: every row's whole footprint as WKT, no id
    old = incidents.drop(columns="footprint_id").assign(footprint=incidents.footprint.to_wkt())
    for col in ("event_date", "date_start", "date_end"):
        old[col] = old[col].dt.strftime("%Y-%m-%d")
    old.to_file(path, driver="GeoJSON")
    back = read_table(path)
    assert back.footprint_id.isna().all() and back.footprint.notna().sum() == incidents.footprint.notna().sum()
    assert [i for i, _ in drawn_areas(back)] == [i for i, _ in drawn_areas(incidents)]
    incidents.drop(columns="footprint_id").to_parquet(tmp_path / "old.parquet")
    assert drawn_areas(read_table(tmp_path / "old.parquet")) == drawn_areas(incidents)
