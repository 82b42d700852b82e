"""Keep a map fitted to its incidents: once its frame is laid out, and whenever the frame is resized on screen."""

from __future__ import annotations

import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

__all__ = ["FitToIncidents", "incident_bounds"]

#: Peru's extent, fitted when no incident has coordinates.
_PERU = [[-18.4, -81.4], [0.0, -68.6]]
#: Half the side, in degrees, of the box fitted around a single place (about 100 km across).
_ONE_PLACE = 0.45


def incident_bounds(incidents: pd.DataFrame) -> list[list[float]]:
    """[[south, west], [north, east]] of the incidents' points, or Peru's when none has coordinates."""
    lat = pd.to_numeric(incidents.latitude, errors="coerce")
    lon = pd.to_numeric(incidents.longitude, errors="coerce")
    placed = lat.notna() & lon.notna()
    if not placed.any():
        return _PERU
    south, north, west, east = lat[placed].min(), lat[placed].max(), lon[placed].min(), lon[placed].max()
    pad_lat, pad_lon = max(0.0, _ONE_PLACE - (north - south) / 2), max(0.0, _ONE_PLACE - (east - west) / 2)
    return [[float(south - pad_lat), float(west - pad_lon)], [float(north + pad_lat), float(east + pad_lon)]]


class FitToIncidents(MacroElement):
    """Fit the map to ``bounds`` (with ``padding`` pixels) without animation once it has a size, and again
    whenever that size changes on screen (printing keeps the view), so that every incident stays in view."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var bounds = L.latLngBounds({{ this.bounds|tojson }});
  var box = map.getContainer();
  function fit() {
    // A frame may run its scripts before it is laid out: fitting a map of no size would zoom to the limit.
    if (!box.clientWidth || !box.clientHeight || (window.matchMedia && window.matchMedia("print").matches)) { return; }
    map.invalidateSize({animate: false});
    map.fitBounds(bounds, {padding: [{{ this.padding|tojson }}, {{ this.padding|tojson }}], animate: false});
  }
  fit();
  if (window.ResizeObserver) { new ResizeObserver(fit).observe(box); } else { window.addEventListener("resize", fit); }
})();
{% endmacro %}
""")

    def __init__(self, bounds: list[list[float]], *, padding: int = 28):
        super().__init__()
        self._name = "FitToIncidents"
        self.bounds = bounds
        self.padding = padding
