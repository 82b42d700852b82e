"""Map structure and exports (no browser needed)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import folium
import pytest

import geo
import maps
from maps.export import BrowserNotFound

ROOT = Path(__file__).parents[1]
REPORTS = ROOT / "examples" / "reports"


@pytest.fixture(scope="module")
def incidents():
    return geo.extract(REPORTS)


def test_incident_map_structure(incidents):
    m = maps.incident_map(incidents, period="year", title="Examples")
    assert isinstance(m, folium.Map)
    html = maps.to_html(m)
    names = [c.layer_name for c in m._children.values() if isinstance(c, folium.FeatureGroup)]
    years = sorted({f"{d.year}" for d in incidents.event_date.dropna()})
    assert [n.split(" (")[0] for n in names][:len(years)] == years
    for piece in ("incidentMaps", "incident-time-from", "incident-legend", "Incidents per department",
                  "VRAEM zone", "Incident density (heat map)", "Provinces"):
        assert piece in html
    assert html.count("L.circleMarker(") == 1  # one script draws every incident, not one per marker


def test_online_assets_are_pinned_and_tiles_attributed(incidents):
    html = maps.to_html(maps.incident_map(incidents))
    fetched = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
    assert fetched and all(re.search(r"@\d+\.\d+\.\d+/", url) for url in fetched)
    assert "tile.openstreetmap.org" in html and "OpenStreetMap" in html


def test_offline_html_has_no_remote_resource(incidents):
    html = maps.to_html(maps.incident_map(incidents, offline=True))
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', html)
    assert "tile.openstreetmap.org" not in html
    assert "leaflet" in html and "/* leaflet */" in html


def test_document_text_reaches_the_page_only_as_json(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Lima, 2 May 2010\n\nA bomb exploded in Huanta on May 1 </script><script>alert(1)</script>, "
                      "killing two.\n", encoding="utf-8")
    html = maps.to_html(maps.incident_map(geo.extract(report), offline=True))
    assert "<script>alert(1)" not in html and "\\u003c/script\\u003e" in html


def test_many_incidents_are_clustered(incidents):
    import pandas as pd

    many = pd.concat([incidents] * 80, ignore_index=True)
    many["incident_id"] = [f"x{i}" for i in range(len(many))]
    html = maps.to_html(maps.incident_map(many, offline=True))
    assert "markerClusterGroup" in html and "/* markercluster */" in html


def test_embed_snippet(incidents):
    snippet = maps.embed_html(maps.incident_map(incidents, offline=True))
    assert snippet.startswith("<iframe srcdoc=") and "<script" not in snippet.split("srcdoc=")[1][:200]
    assert 'sandbox="allow-scripts allow-popups"' in snippet


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_static_map(incidents, tmp_path, suffix):
    out = maps.static_map(incidents, tmp_path / f"map.{suffix}", title="Examples")
    head = out.read_bytes()[:8]
    assert {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}[suffix] in head or head.startswith(b"<svg")


def test_png_without_a_browser_names_it(incidents, tmp_path, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(BrowserNotFound, match="chromium"):
        maps.to_png(maps.incident_map(incidents), tmp_path / "x.png")


def test_bad_input_is_refused_clearly(incidents):
    with pytest.raises(ValueError, match="period"):
        maps.incident_map(incidents, period="decade")
    with pytest.raises(ValueError, match="not an incidents table"):
        maps.incident_map(incidents.drop(columns=["evidence"]))


def test_one_incident_and_none(incidents):
    assert "incidentMaps" in maps.to_html(maps.incident_map(incidents.iloc[:1], offline=True))
    assert "incidentMaps" in maps.to_html(maps.incident_map(incidents.iloc[:0], offline=True))


def test_map_command_from_reports_and_from_a_table(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True,
                              text=True, timeout=300)
    out = tmp_path / "map.html"
    made = run("map", REPORTS, "-o", out, "--offline", "--static", tmp_path / "m.svg", "--embed", tmp_path / "e.html")
    assert made.returncode == 0, made.stderr
    assert out.stat().st_size > 1000 and (tmp_path / "m.svg").exists() and (tmp_path / "e.html").exists()
    assert run("extract", REPORTS, "-o", tmp_path / "t.gpkg", "-q").returncode == 0
    again = run("map", tmp_path / "t.gpkg", "-o", tmp_path / "again.html", "--period", "year")
    assert again.returncode == 0, again.stderr
    assert run("map", tmp_path / "missing", "-o", tmp_path / "x.html").returncode == 1
