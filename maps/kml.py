"""KML and KMZ of the incidents table, for Google Earth: folders by event type, styles, balloons and time spans."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import geopandas as gpd
import pandas as pd

from geo.output import atomic_writer
from maps.balloon import balloon_html, balloon_title
from maps.style import EVENT_COLOURS, colour, radius

__all__ = ["kml_bytes", "write_kml"]

KML_NS = "http://www.opengis.net/kml/2.2"
#: Google Earth's white circle, tinted by each style's colour (Google Earth ships it; other viewers fetch it).
ICON = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"
#: Columns kept as ExtendedData, which QGIS and Google Earth list as the placemark's attributes.
DATA_COLUMNS = ("incident_id", "event_date", "time_precision", "event_type", "sub_event_type", "incident_type",
                "actor1", "actor2", "admin1", "admin2", "admin3", "location", "where_prec", "fatalities",
                "fatalities_low", "fatalities_high", "injured", "source", "doc_ids")
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


def _kml_colour(hex_colour: str) -> str:
    """"#D55E00" as KML writes it: opaque alpha, then blue, green, red ("ff005ed5")."""
    rgb = hex_colour.lstrip("#").lower()
    return "ff" + rgb[4:6] + rgb[2:4] + rgb[0:2]


def _style_id(event_type: str | None, scale: float) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (event_type or "other").lower()).strip("-")
    return f"{slug}-{round(scale * 10)}"


def _style(doc: ET.Element, style_id: str, event_type: str | None, scale: float) -> None:
    style = _sub(doc, "Style", id=style_id)
    icon_style = _sub(style, "IconStyle")
    _sub(icon_style, "color", _kml_colour(colour(event_type)))
    _sub(icon_style, "scale", f"{scale:g}")
    _sub(_sub(icon_style, "Icon"), "href", ICON)
    _sub(_sub(style, "LabelStyle"), "scale", "0")  # names in the list, not over a thousand markers
    _sub(_sub(style, "BalloonStyle"), "text", "$[description]")


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


def _placemark(folder: ET.Element, row, style_id: str) -> None:
    placemark = _sub(folder, "Placemark", id=_text(row.incident_id))
    _sub(placemark, "name", balloon_title(row))
    _sub(placemark, "description", balloon_html(row))  # HTML as escaped text: KML's own way, like CDATA
    _time(placemark, row)
    _sub(placemark, "styleUrl", f"#{style_id}")
    data = _sub(placemark, "ExtendedData")
    for col in DATA_COLUMNS:
        _sub(_sub(data, "Data", name=col), "value", getattr(row, col))
    if row.geometry is not None and not row.geometry.is_empty:
        _sub(_sub(placemark, "Point"), "coordinates", f"{row.geometry.x:.5f},{row.geometry.y:.5f}")


def _type_order(event_type: str | None) -> tuple:
    known = list(EVENT_COLOURS)
    return (known.index(event_type), "") if event_type in known else (len(known), event_type or "")


def kml_bytes(table: gpd.GeoDataFrame, *, name: str = "Incidents") -> bytes:
    """The incidents as one KML document (UTF-8): a folder per event type, a placemark per incident."""
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
        _style(doc, style_id, event_type, scale)
    rows = list(table.itertuples(index=False))
    for event_type in sorted(set(types), key=_type_order):
        members = [i for i, t in enumerate(types) if t == event_type]
        folder = _sub(doc, "Folder")
        _sub(folder, "name", f"{event_type or 'Other'} ({len(members)})")
        for i in members:
            _placemark(folder, rows[i], _style_id(event_type, scales[i]))
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_kml(table: gpd.GeoDataFrame, path: str | os.PathLike, *, zipped: bool = False,
              name: str = "Incidents") -> Path:
    """Write the incidents as KML, or (``zipped``) as KMZ holding ``doc.kml``; atomically, like every output."""
    document = kml_bytes(table, name=name)
    if zipped:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as kmz:
            entry = zipfile.ZipInfo("doc.kml", date_time=(1980, 1, 1, 0, 0, 0))  # the same bytes on every run
            entry.compress_type = zipfile.ZIP_DEFLATED
            kmz.writestr(entry, document)
        document = buffer.getvalue()
    with atomic_writer(path, "wb") as fh:
        fh.write(document)
    return Path(path)
