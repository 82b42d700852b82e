"""KML and KMZ of the incidents table, for Google Earth: folders by event type, styles, areas, balloons and time spans."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import geopandas as gpd
import pandas as pd
import shapely

from geo.output import atomic_writer
from maps.areas import row_area
from maps.balloon import balloon_html, balloon_title
from maps.kml_icon import ICON_PATH, circle_png
from maps.style import AREA_TOLERANCE, EVENT_COLOURS, colour, radius

__all__ = ["incident_outline", "kml_bytes", "write_kml"]

KML_NS = "http://www.opengis.net/kml/2.2"
#: Opacity of an area's fill (its outline is opaque), as KML's alpha byte: about 15 %, like the map's.
AREA_FILL_ALPHA = "26"
#: Columns kept as ExtendedData, which QGIS and Google Earth list as the placemark's attributes.
DATA_COLUMNS = ("incident_id", "event_date", "time_precision", "event_type", "sub_event_type", "incident_type",
                "actor1", "actor2", "admin1", "admin2", "admin3", "location", "where_prec", "fatalities",
                "fatalities_low", "fatalities_high", "injured", "injured_low", "injured_high", "source", "doc_ids")
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return _NOT_XML.sub("", str(value))


def _sub(parent: ET.Element, tag: str, text=None, **attrib) -> ET.Element:
    el = ET.SubElement(parent, tag, attrib)
    if text is not None:
        el.text = _text(text)
    return el


def _kml_colour(hex_colour: str, alpha: str = "ff") -> str:
    """"#D55E00" as KML writes it: alpha (opaque by default), then blue, green, red ("ff005ed5")."""
    rgb = hex_colour.lstrip("#").lower()
    return alpha + rgb[4:6] + rgb[2:4] + rgb[0:2]


def _style_id(event_type: str | None, scale: float) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (event_type or "other").lower()).strip("-")
    return f"{slug}-{round(scale * 10)}"


def _style(doc: ET.Element, style_id: str, event_type: str | None, scale: float, icon: str | None) -> None:
    """The style of a point (an icon tinted in the type's colour, scaled by fatalities; ``icon`` None:
    Google Earth's default one) and of an area (its outline in the colour, faintly filled)."""
    style = _sub(doc, "Style", id=style_id)
    icon_style = _sub(style, "IconStyle")
    _sub(icon_style, "color", _kml_colour(colour(event_type)))
    _sub(icon_style, "scale", f"{scale:g}")
    if icon is not None:
        _sub(_sub(icon_style, "Icon"), "href", icon)
    _sub(_sub(style, "LabelStyle"), "scale", "0")  # names in the list, not over a thousand markers
    line = _sub(style, "LineStyle")
    _sub(line, "color", _kml_colour(colour(event_type)))
    _sub(line, "width", "1.5")
    _sub(_sub(style, "PolyStyle"), "color", _kml_colour(colour(event_type), AREA_FILL_ALPHA))
    _sub(_sub(style, "BalloonStyle"), "text", "$[description]")


def incident_outline(row):
    """The area an incident is known only to (its district, department or zone), by the row's
    footprint id (or, in an older table, its footprint): a Polygon or MultiPolygon, or None for an
    incident at a point."""
    geom = row_area(getattr(row, "footprint_id", None), getattr(row, "footprint", None))
    if geom is None or geom.is_empty:
        return None
    return geom if geom.geom_type in ("Polygon", "MultiPolygon") else None


def _ring(coords) -> str:
    return " ".join(f"{x:.4f},{y:.4f}" for x, y, *_ in coords)  # 11 m: finer than the simplification


def _polygons(geom) -> list[tuple[str, list[str]]]:
    """(outer ring, inner rings) of each polygon of an area, simplified as the map draws it, as KML
    coordinate text."""
    geom = shapely.simplify(geom, AREA_TOLERANCE, preserve_topology=True)
    parts = geom.geoms if geom.geom_type == "MultiPolygon" else [geom]
    return [(_ring(p.exterior.coords), [_ring(r.coords) for r in p.interiors]) for p in parts]


def _geometry(placemark: ET.Element, row, areas: dict) -> None:
    """The incident's point, and its area's outline when it has one (a MultiGeometry holding both)."""
    point = row.geometry is not None and not row.geometry.is_empty
    outline = incident_outline(row)
    if outline is not None and id(outline) not in areas:  # areas are shared by many incidents: written once
        areas[id(outline)] = _polygons(outline)
    polygons = [] if outline is None else areas[id(outline)]
    parent = _sub(placemark, "MultiGeometry") if polygons else placemark
    if point:
        _sub(_sub(parent, "Point"), "coordinates", f"{row.geometry.x:.5f},{row.geometry.y:.5f}")
    for outer, inners in polygons:
        polygon = _sub(parent, "Polygon")
        _sub(polygon, "tessellate", "1")  # the outline follows the ground, over the Andes too
        _sub(_sub(_sub(polygon, "outerBoundaryIs"), "LinearRing"), "coordinates", outer)
        for inner in inners:
            _sub(_sub(_sub(polygon, "innerBoundaryIs"), "LinearRing"), "coordinates", inner)


def _time(placemark: ET.Element, row) -> None:
    """A TimeStamp for an incident of one day, a TimeSpan for one known only to a week, month or year."""
    start, end = row.date_start, row.date_end
    start = None if pd.isna(start) else start
    end = None if pd.isna(end) else end
    if start is None and end is None:
        return
    if start is not None and (end is None or end == start):
        _sub(_sub(placemark, "TimeStamp"), "when", start)
        return
    span = _sub(placemark, "TimeSpan")
    if start is not None:
        _sub(span, "begin", start)
    _sub(span, "end", end)


def _placemark(folder: ET.Element, row, style_id: str, areas: dict) -> None:
    placemark = _sub(folder, "Placemark", id=_text(row.incident_id))
    _sub(placemark, "name", balloon_title(row))
    _sub(placemark, "description", balloon_html(row))  # HTML as escaped text: KML's own way, like CDATA
    _time(placemark, row)
    _sub(placemark, "styleUrl", f"#{style_id}")
    data = _sub(placemark, "ExtendedData")
    for col in DATA_COLUMNS:
        _sub(_sub(data, "Data", name=col), "value", getattr(row, col))
    _geometry(placemark, row, areas)


def _type_order(event_type: str | None) -> tuple:
    known = list(EVENT_COLOURS)
    return (known.index(event_type), "") if event_type in known else (len(known), event_type or "")


def kml_bytes(table: gpd.GeoDataFrame, *, name: str = "Incidents", icon: str | None = None) -> bytes:
    """The incidents as one KML document (UTF-8): a folder per event type, a placemark per incident
    (with its area's outline for an incident known only to an area).

    ``icon`` is the placemark icon's address relative to the document (a KMZ's bundled circle); with
    None the styles name no icon, so the KML refers to nothing outside itself, and Google Earth draws
    its default placemark, tinted.
    """
    root = ET.Element("kml", xmlns=KML_NS)
    doc = _sub(root, "Document")
    _sub(doc, "name", name)
    _sub(doc, "open", "1")
    types = [None if pd.isna(t) else str(t) for t in table["event_type"]]
    scales = [radius(f) / 10 for f in table["fatalities"]]
    styles = {}
    for event_type, scale in zip(types, scales):
        styles.setdefault(_style_id(event_type, scale), (event_type, scale))
    for style_id, (event_type, scale) in sorted(styles.items()):
        _style(doc, style_id, event_type, scale, icon)
    rows = list(table.itertuples(index=False))
    areas: dict = {}
    for event_type in sorted(set(types), key=_type_order):
        members = [i for i, t in enumerate(types) if t == event_type]
        folder = _sub(doc, "Folder")
        _sub(folder, "name", f"{event_type or 'Other'} ({len(members)})")
        for i in members:
            _placemark(folder, rows[i], _style_id(event_type, scales[i]), areas)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_kml(table: gpd.GeoDataFrame, path: str | os.PathLike, *, zipped: bool = False,
              name: str = "Incidents") -> Path:
    """Write the incidents as KML, or (``zipped``) as KMZ holding ``doc.kml`` and the circle icon its
    styles name (``files/circle.png``); atomically, like every output."""
    document = kml_bytes(table, name=name, icon=ICON_PATH if zipped else None)
    if zipped:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as kmz:
            for entry_name, data in (("doc.kml", document), (ICON_PATH, circle_png())):  # doc.kml first
                entry = zipfile.ZipInfo(entry_name, date_time=(1980, 1, 1, 0, 0, 0))  # the same bytes every run
                entry.compress_type = zipfile.ZIP_DEFLATED
                kmz.writestr(entry, data)
        document = buffer.getvalue()
    with atomic_writer(path, "wb") as fh:
        fh.write(document)
    return Path(path)
