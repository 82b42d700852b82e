"""KML and KMZ for Google Earth, and GeoJSON with simplestyle properties, from `incidents extract`."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pandas as pd
import pytest

from geo.cli import main
from geo.table import read_table
from maps.kml import kml_bytes
from maps.style import AREA_TOLERANCE, EVENT_COLOURS, colour

ROOT = Path(__file__).parents[1]
REPORTS = ROOT / "examples" / "reports"
NS = {"k": "http://www.opengis.net/kml/2.2"}
HOSTILE = "]]></description><script>alert(1)</script> & <b>"
REPORT = ("Lima, 12 March 2010\n\nGunmen ambushed an army patrol near Pichari on March 10 " + HOSTILE
          + ", killing three soldiers.\n")


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    """The example reports and one hostile report, written once as GeoJSON, KML and KMZ."""
    folder = tmp_path_factory.mktemp("exports")
    (folder / "in").mkdir()
    (folder / "in" / "hostile.txt").write_text(REPORT, encoding="utf-8")
    out = {fmt: folder / f"incidents.{fmt}" for fmt in ("geojson", "kml", "kmz")}
    for path in out.values():
        assert main(["extract", str(REPORTS), str(folder / "in"), "-o", str(path), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def table(written):
    return read_table(written["geojson"])


def placemarks(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//k:Placemark", NS)


def data(placemark: ET.Element, name: str) -> str | None:
    return placemark.findtext(f"k:ExtendedData/k:Data[@name='{name}']/k:value", namespaces=NS)


def test_one_placemark_per_incident_at_its_coordinates(written, table):
    root = ET.parse(written["kml"]).getroot()
    marks = {p.get("id"): p for p in placemarks(root)}
    assert len(placemarks(root)) == len(marks) == len(table) >= 7
    for row in table.itertuples():
        mark = marks[row.incident_id]
        if pd.isna(row.latitude):
            assert mark.find(".//k:Point", NS) is None
            continue
        lon, lat = map(float, mark.findtext(".//k:Point/k:coordinates", namespaces=NS).split(","))
        assert (lon, lat) == pytest.approx((row.longitude, row.latitude), abs=1e-5)
        assert data(mark, "event_type") == row.event_type and data(mark, "location") == row.location


def test_styles_follow_the_event_type_palette(written, table):
    root = ET.parse(written["kml"]).getroot()
    styles = {s.get("id"): s for s in root.findall("k:Document/k:Style", NS)}
    types = dict(zip(table.incident_id, table.event_type))
    for mark in placemarks(root):
        style = styles[mark.findtext("k:styleUrl", namespaces=NS).lstrip("#")]
        kml_colour = style.findtext("k:IconStyle/k:color", namespaces=NS)
        rgb = colour(types[mark.get("id")]).lstrip("#").lower()
        assert kml_colour == "ff" + rgb[4:6] + rgb[2:4] + rgb[0:2]  # KML writes aabbggrr
        assert style.findtext("k:BalloonStyle/k:text", namespaces=NS) == "$[description]"
    biggest = max(float(s.findtext("k:IconStyle/k:scale", namespaces=NS)) for s in styles.values())
    assert biggest > min(float(s.findtext("k:IconStyle/k:scale", namespaces=NS)) for s in styles.values())


def _rings(mark: ET.Element, boundary: str) -> list[list[tuple[float, float]]]:
    return [[tuple(map(float, xy.split(","))) for xy in ring.text.split()]
            for ring in mark.findall(f"k:MultiGeometry/k:Polygon/k:{boundary}/k:LinearRing/k:coordinates", NS)]


def test_an_incident_known_only_to_an_area_carries_its_outline_with_its_point(written, table):
    import shapely

    from maps.areas import row_area

    marks = {p.get("id"): p for p in placemarks(ET.parse(written["kml"]).getroot())}
    areas = table[table.footprint.notna() & table.latitude.notna()]
    # the area each row names by its footprint id, at full resolution: what the KML outlines
    shapes = {row.incident_id: row_area(row.footprint_id, row.footprint) for row in areas.itertuples()}
    assert len(areas) >= 3 and {"Polygon", "MultiPolygon"} <= {g.geom_type for g in shapes.values()}
    for row in areas.itertuples():
        area = shapes[row.incident_id]
        mark = marks[row.incident_id]
        assert mark.find("k:Point", NS) is None  # the point moves into the MultiGeometry, beside the area
        lon, lat = map(float, mark.findtext("k:MultiGeometry/k:Point/k:coordinates", namespaces=NS).split(","))
        assert (lon, lat) == pytest.approx((row.longitude, row.latitude), abs=1e-5)
        outers, inners = _rings(mark, "outerBoundaryIs"), _rings(mark, "innerBoundaryIs")
        parts = list(getattr(area, "geoms", [area]))
        assert len(outers) == len(parts) and len(inners) == sum(len(p.interiors) for p in parts)
        drawn = shapely.MultiLineString(outers + inners)  # every ring, simplified as the map draws it
        assert shapely.hausdorff_distance(drawn, area.boundary) < 2 * AREA_TOLERANCE
        assert all(ring[0] == ring[-1] for ring in outers)  # KML rings close on themselves
    for row in table[table.footprint.isna() & table.latitude.notna()].itertuples():
        assert marks[row.incident_id].find("k:MultiGeometry", NS) is None  # a point is a Point


def test_areas_are_outlined_and_faintly_filled_in_the_type_colour(written):
    for style in ET.parse(written["kml"]).getroot().findall("k:Document/k:Style", NS):
        icon = style.findtext("k:IconStyle/k:color", namespaces=NS)
        assert style.findtext("k:LineStyle/k:color", namespaces=NS) == icon
        assert style.findtext("k:PolyStyle/k:color", namespaces=NS) == "26" + icon[2:]


def test_no_style_refers_to_the_network_and_the_kmz_carries_its_icon(written):
    import struct

    kml = ET.parse(written["kml"]).getroot()
    assert kml.findall(".//k:Icon", NS) == [] and kml.findall(".//k:href", NS) == []  # nothing outside the file
    raw = written["kml"].read_text(encoding="utf-8")
    assert raw.count("http") == 1 and 'xmlns="http://www.opengis.net/kml/2.2"' in raw  # the namespace only
    with zipfile.ZipFile(written["kmz"]) as kmz:
        assert kmz.namelist() == ["doc.kml", "files/circle.png"]
        inner = ET.fromstring(kmz.read("doc.kml"))
        png = kmz.read("files/circle.png")
    hrefs = {e.text for e in inner.findall("k:Document/k:Style/k:IconStyle/k:Icon/k:href", NS)}
    assert hrefs == {"files/circle.png"} and len(inner.findall("k:Document/k:Style", NS)) > 1
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    assert struct.unpack(">IIBB", png[16:26]) == (64, 64, 8, 6)  # 64 px square, 8-bit RGBA


def test_folders_by_event_type_in_the_legend_order(written, table):
    root = ET.parse(written["kml"]).getroot()
    folders = root.findall("k:Document/k:Folder", NS)
    names = [f.findtext("k:name", namespaces=NS) for f in folders]
    counts = table.event_type.value_counts()
    expected = [f"{t} ({counts[t]})" for t in EVENT_COLOURS if t in counts]
    assert names == expected
    for folder in folders:
        kind = folder.findtext("k:name", namespaces=NS).rsplit(" (", 1)[0]
        assert {data(p, "event_type") for p in folder.findall("k:Placemark", NS)} == {kind}


def test_time_stamps_and_spans_from_the_dates(written, table):
    marks = {p.get("id"): p for p in placemarks(ET.parse(written["kml"]).getroot())}
    seen = set()
    for row in table.itertuples():
        mark = marks[row.incident_id]
        if pd.isna(row.date_start):
            assert mark.find("k:TimeStamp", NS) is None and mark.find("k:TimeSpan", NS) is None
            seen.add("undated")
        elif row.date_start == row.date_end:
            assert mark.findtext("k:TimeStamp/k:when", namespaces=NS) == f"{row.date_start:%Y-%m-%d}"
            seen.add("day")
        else:
            assert mark.findtext("k:TimeSpan/k:begin", namespaces=NS) == f"{row.date_start:%Y-%m-%d}"
            assert mark.findtext("k:TimeSpan/k:end", namespaces=NS) == f"{row.date_end:%Y-%m-%d}"
            seen.add("span")
    assert seen == {"undated", "day", "span"}


def test_the_balloon_says_date_type_place_toll_actors_evidence_sources(written):
    marks = placemarks(ET.parse(written["kml"]).getroot())
    month = next(p for p in marks if data(p, "location") == "Ocobamba")
    balloon = month.findtext("k:description", namespaces=NS)
    for label in ("Date", "Type", "Place", "Killed", "Injured", "Actors", "Evidence", "Sources"):
        assert f"<th align=\"left\" valign=\"top\">{label}</th>" in balloon
    assert "Oct 2007 (to the month or vaguer)" in balloon and "Apurímac" in balloon
    assert "cable-2007-11-huancavelica-ambush" in balloon
    ambush = next(p for p in marks if data(p, "location") == "Huancavelica")
    assert "<td>3</td>" in ambush.findtext("k:description", namespaces=NS)


def test_hostile_evidence_stays_text(written):
    raw = written["kml"].read_text(encoding="utf-8")
    assert "<script" not in raw and "]]>" not in raw
    marks = placemarks(ET.fromstring(raw.encode("utf-8")))
    hostile = [p for p in marks if "alert(1)" in p.findtext("k:description", namespaces=NS)]
    assert hostile, "the hostile report gave no incident"
    for mark in hostile:
        balloon = mark.findtext("k:description", namespaces=NS)
        assert "]]&gt;&lt;/description&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in balloon
        assert "<script" not in balloon and "<b>" not in balloon


def _a_week(table: pd.DataFrame) -> pd.DataFrame:
    """The first incident, known only to the week from Monday 9 Feb 2009."""
    week = table.head(1).copy()
    week["event_date"], week["time_precision"] = pd.NaT, 2
    week["date_start"], week["date_end"] = pd.Timestamp("2009-02-09"), pd.Timestamp("2009-02-15")
    return week


def test_a_week_is_short_in_the_placemark_name_and_whole_in_its_balloon(table):
    mark = placemarks(ET.fromstring(kml_bytes(_a_week(table))))[0]
    assert mark.findtext("k:name", namespaces=NS).endswith(", wk of 9 Feb 2009")
    assert "week of 9 Feb 2009 (to the week)" in mark.findtext("k:description", namespaces=NS)
    assert [mark.findtext(f"k:TimeSpan/k:{t}", namespaces=NS) for t in ("begin", "end")] == ["2009-02-09", "2009-02-15"]


def test_characters_xml_cannot_hold_are_dropped_not_fatal(table):
    odd = table.head(2).copy()
    odd["evidence"] = ["a bell \x07 and a form feed \x0c", "a NUL \x00 and a tab \t stay apart"]
    root = ET.fromstring(kml_bytes(odd))
    texts = " ".join(p.findtext("k:description", namespaces=NS) for p in placemarks(root))
    assert "a bell  and a form feed " in texts and "a NUL  and a tab \t stay apart" in texts


def test_kmz_is_a_zip_of_the_kml_with_its_icon(written, tmp_path):
    with zipfile.ZipFile(written["kmz"]) as kmz:
        assert kmz.testzip() is None
        style = "<IconStyle>\n    <color>"  # the KML's styles name no icon; the KMZ's name its own
        inner = kmz.read("doc.kml").decode("utf-8")
        assert inner.replace("</scale>\n    <Icon>\n     <href>files/circle.png</href>\n    </Icon>", "</scale>") \
            == written["kml"].read_text(encoding="utf-8") and style in inner
    again = tmp_path / "again.kmz"
    assert main(["extract", str(REPORTS), str(written["kml"].parent / "in"), "-o", str(again), "-q"]) == 0
    assert again.read_bytes() == written["kmz"].read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["again.kmz"]  # no temporary file left


def test_format_option_writes_kml_to_a_name_without_suffix(tmp_path):
    out = tmp_path / "incidents"
    assert main(["extract", str(REPORTS / "cable-2007-11-huancavelica-ambush.txt"), "--format", "kml",
                 "-o", str(out), "-q"]) == 0
    assert ET.parse(out).getroot().tag == "{http://www.opengis.net/kml/2.2}kml"


@pytest.mark.parametrize("fmt", ["kml", "kmz"])
def test_mapping_a_kml_export_says_it_is_an_export(written, tmp_path, capsys, fmt):
    status = main(["map", str(written[fmt]), "-o", str(tmp_path / "map.html")])
    err = capsys.readouterr().err
    assert status == 2 and f"{written[fmt]}: {fmt.upper()} is an export for Google Earth" in err
    assert "-o incidents.geojson" in err and not (tmp_path / "map.html").exists()


def test_geojson_features_carry_simplestyle_properties(written, table):
    features = json.loads(written["geojson"].read_text(encoding="utf-8"))["features"]
    assert len(features) == len(table)
    symbols = set()
    for f in features:
        p = f["properties"]
        assert p["marker-color"] == colour(p["event_type"])
        killed = p.get("fatalities") or 0
        assert p["marker-size"] == ("small" if killed < 1 else "medium" if killed < 20 else "large")
        symbols.add((p["event_type"], p["marker-symbol"]))
        assert p["location"] in p["title"]
        lines = p["description"].splitlines()  # the title names the incident; the evidence is in notes, once
        assert [line.split(":", 1)[0] for line in lines] == ["Killed", "Injured", "Actors"]
        toll = "not reported" if p.get("fatalities") is None else str(p["fatalities"])
        assert lines[0].startswith(f"Killed: {toll}")
        assert p["notes"] and p.get("evidence") is None and p["notes"] not in p["description"]
        assert p["incident_id"].startswith("PE-")  # the table's own properties are kept
    assert table.evidence.notna().all() and (table.evidence == table.notes).all()  # read back whole
    assert len({s for _, s in symbols}) == len({t for t, _ in symbols})  # one symbol per event type
    sizes = {f["properties"]["marker-size"] for f in features}
    assert {"small", "medium"} <= sizes
