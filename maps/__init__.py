"""Folium maps of incidents: layers, styles, legends, time controls and exports."""

from maps.export import BrowserNotFound, embed_html, to_html, to_png
from maps.incident_map import incident_map

__all__ = ["incident_map", "to_html", "embed_html", "to_png", "static_map", "BrowserNotFound"]


def __getattr__(name: str):
    # matplotlib is imported only for static maps
    if name == "static_map":
        from maps.static import static_map

        return static_map
    raise AttributeError(f"module 'maps' has no attribute {name!r}")
