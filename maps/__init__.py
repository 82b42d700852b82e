"""Folium maps of incidents: layers, styles, legends, time controls and exports."""

__all__ = ["incident_map", "to_html", "embed_html", "to_png", "static_map", "BrowserNotFound"]

#: Where each name lives: imported on first use, so that the command line starts without folium
#: (or matplotlib, for static maps) when it draws no map.
_HOMES = {"incident_map": "maps.draw", "to_html": "maps.export", "embed_html": "maps.export",
          "to_png": "maps.export", "BrowserNotFound": "maps.export", "static_map": "maps.static"}


def __getattr__(name: str):
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'maps' has no attribute {name!r}")
