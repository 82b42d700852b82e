"""Incident density as hexagons: how many incidents fall within each hexagon of a regular grid."""

from __future__ import annotations

import math
from collections import Counter

import folium
import geopandas as gpd

from maps.classes import DENSITY_PALETTE, class_colour, class_label, count_classes

__all__ = ["density_layer"]

#: Degrees of longitude are shorter than degrees of latitude; at Peru's middle (10° S) by this factor.
_SQUASH = math.cos(math.radians(10))


def _hex_of(x: float, y: float, size: float) -> tuple[int, int]:
    """Axial coordinates of the pointy-top hexagon of circumradius ``size`` holding (x, y)."""
    q = (math.sqrt(3) / 3 * x - y / 3) / size
    r = (2 / 3 * y) / size
    fx, fr = q, r
    fy = -fx - fr
    rx, ry, rz = round(fx), round(fy), round(fr)
    dx, dy, dz = abs(rx - fx), abs(ry - fy), abs(rz - fr)
    if dx > dy and dx > dz:
        rx = -ry - rz
    elif dy <= dz:
        rz = -rx - ry
    return rx, rz


def _hexagon(q: int, r: int, size: float) -> list[list[float]]:
    """The hexagon's ring as [lon, lat] pairs."""
    cx, cy = size * math.sqrt(3) * (q + r / 2), size * 1.5 * r
    ring = []
    for k in range(7):
        a = math.radians(60 * k - 30)
        ring.append([round((cx + size * math.cos(a)) / _SQUASH, 4), round(cy + size * math.sin(a), 4)])
    return ring


def density_layer(incidents: gpd.GeoDataFrame, *, size: float = 0.2, show: bool = False) -> tuple[folium.GeoJson, dict]:
    """Hexagons of circumradius ``size`` degrees (about 22 km by default) coloured by the number of
    incidents inside, and the legend section explaining the colours."""
    pts = incidents[incidents.latitude.notna()]
    cells = Counter(_hex_of(lon * _SQUASH, lat, size) for lat, lon in zip(pts.latitude, pts.longitude))
    classes = count_classes(max(cells.values(), default=0))
    across = round(size * math.sqrt(3) * 111)
    features = [{"type": "Feature",
                 "properties": {"incidents": n, "colour": class_colour(n, classes, DENSITY_PALETTE),
                                "what": f"{n} incident{'s' if n != 1 else ''} in this hexagon (about {across} km across)"},
                 "geometry": {"type": "Polygon", "coordinates": [_hexagon(q, r, size)]}}
                for (q, r), n in sorted(cells.items())]
    layer = folium.GeoJson({"type": "FeatureCollection", "features": features}, name="Incident density (hexagons)",
                           show=show, tooltip=folium.GeoJsonTooltip(fields=["what"], labels=False) if features else None,
                           style_function=lambda f: {"color": "#253494", "weight": 0.6,
                                                     "fillColor": f["properties"]["colour"], "fillOpacity": 0.7})
    legend = {"title": f"Incidents per hexagon (about {across} km across)",
              "items": [{"label": class_label(lo, hi), "colour": class_colour(lo, classes, DENSITY_PALETTE),
                         "square": True} for lo, hi in classes]}
    return layer, legend
