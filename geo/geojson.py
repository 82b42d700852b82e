"""The incidents table as compact GeoJSON: one feature a line, and no property a feature leaves empty but in the first."""

from __future__ import annotations

import json
import math

import pandas as pd

__all__ = ["geojson_bytes"]

_CRS84 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}


def geojson_bytes(frame, name: str = "incidents") -> bytes:
    """A FeatureCollection of the frame's rows (its ``geometry`` points, the other columns as properties,
    dates already text). The first feature lists every property (null where empty) so that readers
    (GDAL, geopandas) see every column; the others leave out their empty ones, which read as null."""
    columns = [c for c in frame.columns if c != "geometry"]
    values = [_cells(frame[c]) for c in columns]
    lines = []
    for i, (point, *cells) in enumerate(zip(frame.geometry.array, *values)):
        properties = dict(zip(columns, cells)) if i == 0 else {
            c: v for c, v in zip(columns, cells) if v is not None}
        feature = {"type": "Feature", "properties": properties, "geometry": _geometry(point)}
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":"), allow_nan=False))
    head = json.dumps({"type": "FeatureCollection", "name": name, "crs": _CRS84}, separators=(",", ":"))
    return (head[:-1] + ',"features":[\n' + ",\n".join(lines) + "\n]}\n").encode("utf-8")


def _cells(column: pd.Series) -> list:
    """The column's cells as JSON values: missing ones (and numbers that are no number) as None."""
    cells = column.astype(object).where(column.notna(), None).tolist()
    return [None if isinstance(v, float) and not math.isfinite(v) else v.item() if hasattr(v, "item") else v
            for v in cells]


def _geometry(geom) -> dict | None:
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type == "Point":
        return {"type": "Point", "coordinates": [geom.x, geom.y]}
    return geom.__geo_interface__
