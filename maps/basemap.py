"""The offline base map: land, department and province lines, rivers and Lake Titicaca, in their own panes."""

from __future__ import annotations

import folium
from folium.map import CustomPane

from maps.shapes import admin_shapes, water_shapes

__all__ = ["add_base_map", "LAND_PANE", "LABEL_PANE"]

#: Below Leaflet's tiles (z-index 200): online tiles, when they load, cover the offline base.
LAND_PANE = "land"
#: Place names: above the context layers (400) when there are no tiles, below the tiles when there are.
LABEL_PANE = "labels"
_SEA = "#dfe8ee"
_LAND = "#f3efe4"
_WATER = "#9cc0dc"


def add_base_map(m: folium.Map, *, under_tiles: bool) -> None:
    """Add the base layers (not listed in the layer control, never under the pointer) to ``m``."""
    CustomPane(LAND_PANE, z_index=150, pointer_events=False).add_to(m)
    CustomPane(LABEL_PANE, z_index=160 if under_tiles else 450, pointer_events=False).add_to(m)
    m.get_root().header.add_child(folium.Element(
        f"<style>.leaflet-container {{ background: {_SEA}; }}</style>"), name="base_map_background")
    _layer(admin_shapes("department", tolerance=0.01, grid=1e-3), "base departments",
           {"color": "#8c8577", "weight": 1.1, "fillColor": _LAND, "fillOpacity": 1.0}).add_to(m)
    _layer(admin_shapes("province", tolerance=0.02, grid=1e-3), "base provinces",
           {"color": "#b9b1a2", "weight": 0.5, "fill": False}).add_to(m)
    _layer(water_shapes(tolerance=0.01), "base water",
           {"color": _WATER, "weight": 1.2, "fillColor": _WATER, "fillOpacity": 1.0}).add_to(m)


def _layer(data: dict, name: str, style: dict) -> folium.GeoJson:
    return folium.GeoJson(data, name=name, control=False, style_function=lambda _f, s=style: s,
                          pane=LAND_PANE, interactive=False, smooth_factor=1.0)
