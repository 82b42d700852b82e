"""Incidents in our own sample reports, the incidents table and its exports."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

import geo
from geo.table import INCIDENT_COLUMNS, write_table

ROOT = Path(__file__).parents[1]
REPORTS = ROOT / "examples" / "reports"
FIXTURES = Path(__file__).parent / "fixtures"


def incidents(name: str):
    [result] = list(geo.run(REPORTS / name))
    return result.incidents


def test_summary_and_detail_are_one_incident():
    found = incidents("cable-2007-11-huancavelica-ambush.txt")
    ambush = [i for i in found if i.kind == "ambush"]
    assert len(ambush) == 1
    [a] = ambush
    assert (a.event_date, a.time_precision) == (date(2007, 11, 18), 1)
    assert (a.killed, a.injured) == (3, 2)  # counts told in the next sentence
    assert a.place.place.id == "department:09"  # not Lima (a reference) nor Junín (where they returned)
    assert a.event_type == "Battles" and a.sub_event_type == "Armed clash"
    text = (REPORTS / "cable-2007-11-huancavelica-ambush.txt").read_text(encoding="utf-8")
    assert text[a.start:a.end].startswith("(SBU) Summary: Gunmen ambushed")


def test_an_earlier_attack_told_in_passing_is_its_own_incident():
    found = incidents("cable-2007-11-huancavelica-ambush.txt")
    [october] = [i for i in found if i.date_start and i.date_start.month == 10]
    assert october.place.place.admin1 == "Apurímac" and october.time_precision == 3
    assert october.event_date is None  # the month is known, not the day
    assert not any("working group" in i.evidence for i in found)  # a meeting is not an incident


def test_no_one_hurt_and_the_event_date_not_the_cable_date():
    [bombs] = incidents("cable-1985-05-all-caps.txt")
    assert bombs.event_date == date(1985, 5, 19) and bombs.injured == 0 and bombs.kind == "bombing"


def test_spanish_report():
    found = incidents("noticia-vraem-es.txt")
    attack = next(i for i in found if i.place and i.place.place.name == "Pichiwilca")
    assert attack.event_type in ("Battles", "Violence against civilians")
    old = next(i for i in found if i.kind == "bombing")
    assert old.event_date is None  # "años antes": long before the report, no day to give


def test_actors_and_counts_from_a_corpus():
    results = {r.document.id: r for r in geo.run(FIXTURES / "corpus.jsonl") if hasattr(r, "document")}
    [convoy] = results["sitrep-001"].incidents
    assert (convoy.killed, convoy.event_date) == (10, date(2016, 4, 10))
    assert (convoy.actor1, convoy.inter1, convoy.actor2, convoy.inter2) == (
        "Sendero Luminoso", 2, "Military Forces of Peru", 1)
    [ambushes] = results["sitrep-002"].incidents
    assert ambushes.killed == 13 and ambushes.place.place.id == "department:05"
    [blockade] = results["sitrep-006"].incidents
    assert blockade.event_type == "Protests" and blockade.actor1 == "Cocaleros"


def test_table_columns_and_types():
    table = geo.extract(REPORTS)
    assert list(table.columns) == INCIDENT_COLUMNS
    assert table.crs.to_epsg() == 4326 and len(table) >= 6
    assert table.incident_id.is_unique
    assert pd.api.types.is_datetime64_any_dtype(table.event_date)
    row = table[table.incident_type == "ambush"].iloc[0]
    assert row.fatalities == 3 and row.injured == 2 and row.admin1 == "Huancavelica"
    assert row.geometry.x == row.longitude and row.footprint is not None
    assert "cable-2007-11-huancavelica-ambush" in row.doc_ids


def test_the_same_incident_in_two_documents_is_one_row(tmp_path):
    for name, body in (("a.txt", "Lima, 14 April 2016\n\nGunmen ambushed an army patrol on April 9 near "
                                 "Santo Domingo de Acobamba, Huancayo province, killing eight soldiers.\n"),
                       ("b.txt", "Huancayo, 12 April 2016\n\nTen people died on Saturday, April 9, when "
                                 "insurgents ambushed a convoy at Santo Domingo de Acobamba.\n")):
        (tmp_path / name).write_text(body, encoding="utf-8")
    merged = geo.extract(tmp_path)
    assert len(merged) == 1
    row = merged.iloc[0]
    assert row.doc_ids == "a; b" and (row.fatalities_low, row.fatalities_high) == (8, 10)
    assert row.fatalities == 8
    assert len(geo.extract(tmp_path, merge=False)) == 2


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "parquet", "csv"])
def test_exports_round_trip(tmp_path, fmt):
    table = geo.extract(REPORTS)
    out = tmp_path / f"incidents.{fmt}"
    write_table(table, out)
    back = pd.read_csv(out) if fmt == "csv" else (
        gpd.read_parquet(out) if fmt == "parquet" else gpd.read_file(out))
    assert len(back) == len(table) and set(back.incident_id) == set(table.incident_id)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # written atomically, nothing left over


def test_cli_formats(tmp_path):
    out = tmp_path / "incidents.geojson"
    run = subprocess.run([sys.executable, "-m", "geo.cli", "extract", str(REPORTS), "-o", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert features and {"event_date", "event_type", "fatalities", "evidence"} <= set(features[0]["properties"])
    jsonl = subprocess.run([sys.executable, "-m", "geo.cli", "extract", str(REPORTS / "cable-1985-05-all-caps.txt"),
                            "-q"], capture_output=True, text=True, timeout=300)
    [record] = [json.loads(line) for line in jsonl.stdout.splitlines()]
    [incident] = record["incidents"]
    for field in ("date", "lat", "lon", "killed", "injured", "event_type", "location", "admin1", "evidence",
                  "start", "end"):
        assert field in incident


@pytest.mark.parametrize("text", ["On May 3, 2009 gunmen in Huanta killed 9999999999 soldiers.",
                                  "An ambush in Huanta, May 3, 2009, killed 9999999999 soldiers.",
                                  "May 3, 2009 killed 9999999999 soldiers in Huanta."])
def test_a_count_too_large_to_be_one_is_no_count_and_the_year_is_not_read_as_one(text):
    from geo.cable import annotate_structure
    from geo.document import Document

    [incident] = geo.process(annotate_structure(Document(id="t", text=text))).incidents
    assert incident.killed is None and incident.event_date == date(2009, 5, 3)


@pytest.mark.parametrize("text", ["On May 3, 2009 ... killed four in an ambush in Huanta.",
                                  "On May 3, 2009 gunmen ambushed a patrol in Huanta and killed four soldiers.",
                                  "On May 3, 2009 there was an ambush in Huanta. It killed four."])
def test_a_full_date_before_the_incident_word_dates_it_to_the_day(text):
    from geo.cable import annotate_structure
    from geo.document import Document

    [incident] = geo.process(annotate_structure(Document(id="t", text=text))).incidents
    assert (incident.event_date, incident.time_precision, incident.killed) == (date(2009, 5, 3), 1, 4)
