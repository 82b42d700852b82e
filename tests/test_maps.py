"""Map structure and exports (no browser needed)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import folium
import pandas as pd
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
                  "VRAEM zone", "Incident density (hexagons)", "Incidents per hexagon", "legend-toggle",
                  "incident-histogram", "incident-time-play", "incident-filters", "incident-csv"):
        assert piece in html
    assert html.count("L.circleMarker(") == 1  # one script draws every incident, not one per marker


def test_every_map_is_offline_by_default(incidents):
    import html as html_lib

    for page in (maps.to_html(maps.incident_map(incidents)),
                 html_lib.unescape(maps.embed_html(maps.incident_map(incidents)))):
        assert not re.search(r'<(?:script|link|img)\b[^>]*(?:src|href)="https?://', page)
        assert "/* leaflet */" in page and "cdn.jsdelivr.net" not in page
        assert "tile.openstreetmap.org" not in page


def test_linked_assets_are_pinned(incidents):
    html = maps.to_html(maps.incident_map(incidents), offline=False)
    fetched = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
    assert fetched and all(re.search(r"@\d+\.\d+\.\d+/", url) for url in fetched)


@pytest.mark.parametrize("tiles, host", [("OpenStreetMap.Mapnik", "tile.openstreetmap.org"),
                                         ("openstreetmap mapnik", "tile.openstreetmap.org"),
                                         ("https://tiles.example.org/{z}/{x}/{y}.png", "tiles.example.org")])
def test_tiles_are_the_only_thing_fetched(incidents, tiles, host):
    html = maps.to_html(maps.incident_map(incidents, tiles=tiles))
    assert host in html and "/* leaflet */" in html  # the assets stay inlined under online tiles
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', html)
    assert _label_pane_z(html) == 160  # names under the tiles, which carry their own


def _label_pane_z(html: str) -> int:
    return int(re.search(r'createPane\(\s*"labels"\);\s*\S+\.style\.zIndex = (\d+)', html).group(1))


def test_old_offline_false_still_means_openstreetmap_and_the_default_names_places_on_top(incidents):
    assert "tile.openstreetmap.org" in maps.to_html(maps.incident_map(incidents, offline=False))
    assert _label_pane_z(maps.to_html(maps.incident_map(incidents))) == 450  # above the context layers


def test_an_unknown_tile_name_is_refused_naming_the_flag(incidents, capsys):
    from geo.cli import main

    with pytest.raises(ValueError, match=r"--tiles.*'No\.Such'.*OpenStreetMap\.Mapnik.*xyzservices"):
        maps.incident_map(incidents, tiles="No.Such")
    with pytest.raises(SystemExit):
        main(["map", str(REPORTS), "--tiles", "No.Such"])
    err = capsys.readouterr().err
    assert "argument --tiles: no tile provider named 'No.Such'" in err and "p.flatten()" in err


def test_offline_base_map_has_boundaries_water_labels_and_the_vraem(incidents):
    from maps.labels import TIER_ZOOM, place_labels

    html = maps.to_html(maps.incident_map(incidents))
    labels = place_labels()
    tiers = {t: [p["name"] for p in labels if p["tier"] == t] for t in TIER_ZOOM}
    assert len(tiers["department"]) == 25 and "Ayacucho" in tiers["department"]
    assert {"Chachapoyas", "Puerto Maldonado", "Cerro de Pasco"} <= set(tiers["capital"]) and len(tiers["capital"]) == 25
    assert {"Juliaca", "Chimbote", "Tingo María"} <= set(tiers["town"])
    assert "Santiago de Surco" not in tiers["town"]  # a Lima district, too close to the capital to be named
    for piece in ("Lago Titicaca", "R\\u00edo Ucayali", "Tingo Mar\\u00eda", "Lucanas", "VRAEM zone"):
        assert piece in html, piece
    assert len(html) < 1_000_000  # simplified: a page that opens fast and mails easily


def test_density_is_hexagons_counting_the_incidents(incidents):
    from maps.density import density_layer

    layer, legend = density_layer(incidents)
    cells = layer.data["features"]
    assert all(len(f["geometry"]["coordinates"][0]) == 7 for f in cells)  # hexagons, closed
    assert sum(f["properties"]["incidents"] for f in cells) == incidents.latitude.notna().sum()
    twice = density_layer(pd.concat([incidents.iloc[:1]] * 3))[0].data["features"]
    assert [f["properties"]["incidents"] for f in twice] == [3]
    assert legend["items"] and legend["title"].startswith("Incidents per hexagon")


def test_count_classes_cover_every_count():
    from maps.classes import DENSITY_PALETTE, PALETTE, class_colour, count_classes

    assert count_classes(0) == []
    assert count_classes(3) == [(1, 1), (2, 2), (3, 3)]
    assert count_classes(12) == [(1, 3), (4, 6), (7, 9), (10, 12)]
    classes = count_classes(97)
    assert classes[0][0] == 1 and classes[-1][1] == 97 and len(classes) == 5
    assert all(class_colour(n, classes) for n in range(1, 98)) and class_colour(0, classes) is None
    two = count_classes(2)  # few classes are told apart: the palette's ends, not two neighbours
    assert [class_colour(n, two) for n in (1, 2)] == [PALETTE[0], PALETTE[-1]]
    assert class_colour(2, two, DENSITY_PALETTE) == DENSITY_PALETTE[-1]


@pytest.mark.parametrize("precision, day, start, end, shown, short", [
    (1, "2007-11-13", "2007-11-13", "2007-11-13", "13 Nov 2007", "13 Nov 2007"),
    (2, "2009-02-15", "2009-02-09", "2009-02-15", "week of 9 Feb 2009", "wk of 9 Feb 2009"),
    (2, None, "2009-08-06", "2009-08-12", "6–12 Aug 2009", "6–12 Aug 2009"),
    (3, None, "2007-10-01", "2007-10-31", "Oct 2007", "Oct 2007"),
    (3, None, "1984-01-01", "1984-12-31", "1984", "1984"),
    (3, None, "2008-03-01", "2008-05-31", "Mar–May 2008", "Mar–May 2008"),
    (None, None, None, None, None, None),
])
def test_dates_are_shown_at_their_precision_and_only_weeks_shorten(precision, day, start, end, shown, short):
    from maps.dates import date_at_precision

    as_time = [None if v is None else pd.Timestamp(v) for v in (day, start, end)]
    assert date_at_precision(precision, *as_time) == shown
    assert date_at_precision(precision, *as_time, short=True) == short


def test_periods_are_named_by_the_same_formatter():
    from maps.style import period_label

    assert [period_label(k, p) for k, p in (("2007-11-13", "day"), ("2009-W07", "week"), ("2008-02", "month"),
                                            ("2007", "year"), ("undated", "month"))] == \
        ["13 Nov 2007", "week of 9 Feb 2009", "Feb 2008", "2007", "Undated"]
    assert period_label("2009-W07", "week", short=True) == "wk of 9 Feb 2009"


def test_popup_dates_follow_the_table(incidents):
    from maps.layers import incident_records

    records, _, _ = incident_records(incidents, "month")
    by_id = {r["id"]: r["date"] for r in records}
    month = incidents[incidents.time_precision == 3].iloc[0]
    assert by_id[month.incident_id] == f"{month.date_start:%b %Y}"
    week = incidents[incidents.time_precision == 2].iloc[0]
    shown = by_id[week.incident_id]  # a week from Monday is "week of ...", other days "6–12 Aug 2009"
    assert shown == (f"week of {week.date_start:%-d %b %Y}" if week.date_start.weekday() == 0
                     else f"{week.date_start.day}–{week.date_end:%-d %b %Y}")


def test_document_text_reaches_the_page_only_as_json(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Lima, 2 May 2010\n\nA bomb exploded in Huanta on May 1 </script><script>alert(1)</script>, "
                      "killing two.\n", encoding="utf-8")
    html = maps.to_html(maps.incident_map(geo.extract(report)))
    assert "<script>alert(1)" not in html and "\\u003c/script\\u003e" in html


def test_many_incidents_are_clustered(incidents):
    many = pd.concat([incidents] * 80, ignore_index=True)
    many["incident_id"] = [f"x{i}" for i in range(len(many))]
    html = maps.to_html(maps.incident_map(many))
    assert html.count("L.markerClusterGroup(") == 1 and "/* markercluster */" in html  # one set across periods
    assert "incident-cluster" in html and "MarkerCluster.Default" not in html  # grey icons, not its colours


def test_time_bins_cover_the_span_and_coarsen():
    from maps.timebins import MAX_BINS, time_bins

    def day(s):
        return (pd.Timestamp(s) - pd.Timestamp("1970-01-01")).days

    bins = time_bins([day("2007-10-01"), day("2007-11-18"), day("2007-11-20"), day("2008-02-03")], "month")
    assert [b["label"] for b in bins] == ["Oct 2007", "Nov 2007", "Dec 2007", "Jan 2008", "Feb 2008"]
    assert [b["n"] for b in bins] == [1, 2, 0, 0, 1]
    assert bins[0]["t0"] == day("2007-10-01") and bins[0]["t1"] == day("2007-10-31")
    assert all(a["t1"] + 1 == b["t0"] for a, b in zip(bins, bins[1:]))  # no gap: every day is in a bin
    weeks = time_bins([day("2009-02-11")], "week")
    assert weeks == [{"t0": day("2009-02-09"), "t1": day("2009-02-15"), "label": "week of 9 Feb 2009",
                      "short": "wk of 9 Feb 2009", "n": 1}]
    years = time_bins([day("1985-05-19"), day("2012-04-15")], "month")  # 324 months: by year
    assert len(years) == 28 <= MAX_BINS and years[0]["label"] == "1985" and sum(b["n"] for b in years) == 2
    assert time_bins([], "month") == []


def test_filter_lists_name_what_is_present_most_frequent_first(incidents):
    from maps.filters import IncidentFilters
    from maps.layers import incident_records

    records, _, _ = incident_records(incidents, "month")
    f = IncidentFilters(records)
    assert sum(n for _, n in f.types) == len(records) and f.types == sorted(f.types, key=lambda vn: -vn[1])
    assert {d for d, _ in f.departments} == set(incidents[incidents.latitude.notna()].admin1.dropna())


def test_the_undated_have_the_date_controls_toggle_not_a_period_layer(incidents):
    m = maps.incident_map(incidents)
    names = [c.layer_name for c in m._children.values() if isinstance(c, folium.FeatureGroup) and c.control]
    assert not any(n.startswith("Undated") for n in names)
    only_undated = incidents[incidents.event_date.isna() & incidents.date_start.isna()]
    m = maps.incident_map(only_undated)  # no date control: the period layer is their toggle
    assert [c.layer_name for c in m._children.values() if isinstance(c, folium.FeatureGroup)] == ["Undated (1)"]
    assert "incident-time-from" not in maps.to_html(m)


def test_embed_snippet(incidents):
    snippet = maps.embed_html(maps.incident_map(incidents))
    assert snippet.startswith("<iframe srcdoc=") and "<script" not in snippet.split("srcdoc=")[1][:200]
    assert "/* leaflet */" in snippet and "cdn.jsdelivr.net" not in snippet
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
    assert "incidentMaps" in maps.to_html(maps.incident_map(incidents.iloc[:1]))
    assert "incidentMaps" in maps.to_html(maps.incident_map(incidents.iloc[:0]))


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
