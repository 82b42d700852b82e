"""Context layers: boundaries, the VRAEM, incidents per department and an incident density layer."""

from __future__ import annotations

import json
from functools import lru_cache

import branca.colormap as cm
import folium
import geopandas as gpd
import numpy as np
import shapely

from gazetteer import Gazetteer

__all__ = ["boundaries", "zone_layer", "department_counts", "density_layer"]


@lru_cache(maxsize=8)
def _shapes_json(kind: str, tolerance: float) -> str:
    """A kind's polygons, simplified for display, as GeoJSON text with name properties only."""
    shapes = Gazetteer.load().shapes([kind])[["id", "name", "admin1", "geometry"]]
    shapes["geometry"] = shapely.set_precision(
        shapely.simplify(shapes.geometry.values, tolerance, preserve_topology=True), 1e-4)
    return shapes.to_json(drop_id=True)


def boundaries(kind: str, *, name: str, show: bool, base: bool = False, tolerance: float = 0.01) -> folium.GeoJson:
    """Department or province outlines; as ``base`` (offline), also a light fill standing in for tiles."""
    fill = {"fillColor": "#f3efe4", "fillOpacity": 1.0} if base else {"fillOpacity": 0.0}
    style = {"color": "#7a7a7a", "weight": 1.0 if kind == "department" else 0.5, **fill}
    return folium.GeoJson(json.loads(_shapes_json(kind, tolerance)), name=name, show=show,
                          style_function=lambda _f, s=style: s, control=not base,
                          tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False) if kind == "department" else None,
                          smooth_factor=1.0, overlay=not base)


def zone_layer(zone_id: str = "zone:vraem", *, show: bool = False) -> folium.GeoJson:
    """A zone's dissolved polygon, dashed, with its provenance (an unofficial district list)."""
    gaz = Gazetteer.load()
    zone = gaz.get(zone_id)
    geom = shapely.simplify(zone.geometry, 0.005, preserve_topology=True)
    feature = {"type": "Feature", "properties": {"name": f"{zone.name}: {zone.note}"},
               "geometry": shapely.geometry.mapping(shapely.set_precision(geom, 1e-4))}
    return folium.GeoJson(feature, name=f"{zone.name} zone", show=show,
                          style_function=lambda _f: {"color": "#6a3d9a", "weight": 2, "dashArray": "8 5",
                                                     "fillColor": "#6a3d9a", "fillOpacity": 0.05},
                          tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False))


def department_counts(incidents: gpd.GeoDataFrame, *, show: bool = False) -> folium.GeoJson:
    """A choropleth of incident counts per department."""
    counts = incidents.groupby("admin1").size().to_dict()
    shapes = json.loads(_shapes_json("department", 0.01))
    top = max(counts.values(), default=1)
    scale = cm.linear.YlOrRd_09.scale(0, max(top, 1))
    for f in shapes["features"]:
        f["properties"]["incidents"] = int(counts.get(f["properties"]["admin1"], 0))

    def style(feature):
        n = feature["properties"]["incidents"]
        return {"color": "#666666", "weight": 0.8, "fillColor": scale(n) if n else "#ffffff",
                "fillOpacity": 0.65 if n else 0.1}

    return folium.GeoJson(shapes, name="Incidents per department", show=show, style_function=style,
                          tooltip=folium.GeoJsonTooltip(fields=["name", "incidents"],
                                                        aliases=["Department", "Incidents"]))


def density_layer(incidents: gpd.GeoDataFrame, *, cell: float = 0.25, show: bool = False) -> folium.GeoJson:
    """Incident density on a grid of ``cell`` degrees, smoothed over neighbouring cells (a heat map
    drawn without any plug-in, so it works offline)."""
    pts = incidents[incidents.latitude.notna()]
    x0, y0 = -81.5, -18.5
    nx, ny = int(13.5 / cell) + 1, int(18.6 / cell) + 1
    grid = np.zeros((ny, nx))
    ix = np.clip(((pts.longitude.to_numpy() - x0) / cell).astype(int), 0, nx - 1)
    iy = np.clip(((pts.latitude.to_numpy() - y0) / cell).astype(int), 0, ny - 1)
    np.add.at(grid, (iy, ix), 1.0)
    padded = np.pad(grid, 1)
    smooth = sum(padded[1 + dy:1 + dy + ny, 1 + dx:1 + dx + nx] * (1.0 if dx == dy == 0 else 0.5)
                 for dy in (-1, 0, 1) for dx in (-1, 0, 1))
    top = smooth.max() or 1.0
    features = []
    for j, i in zip(*np.nonzero(smooth)):
        x, y = x0 + i * cell, y0 + j * cell
        features.append({"type": "Feature", "properties": {"d": round(float(smooth[j, i] / top), 3)},
                         "geometry": {"type": "Polygon", "coordinates": [[[x, y], [x + cell, y],
                                                                          [x + cell, y + cell], [x, y + cell],
                                                                          [x, y]]]}})
    return folium.GeoJson({"type": "FeatureCollection", "features": features},
                          name="Incident density (heat map)", show=show,
                          style_function=lambda f: {"stroke": False, "fillColor": "#b30000",
                                                    "fillOpacity": 0.15 + 0.6 * f["properties"]["d"]})
