"""ControlLayout: where the map's controls sit and how they shrink, so that none covers another."""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

__all__ = ["ControlLayout", "NARROW"]

#: Maps narrower than this (pixels) start with the legend and the layer control collapsed.
NARROW = 700


class ControlLayout(MacroElement):
    """Style sheet for the four corners: layer control (top right) and legend (bottom right) each
    take at most half the height and scroll inside; the title, the filters and the CSV button (top
    left, under the zoom buttons) and the date control (bottom left) leave room for the controls
    beside them."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .leaflet-right .leaflet-control-layers-list { max-height: calc(50vh - 44px); overflow-y: auto; }
  .leaflet-right .leaflet-control-layers-expanded { max-width: 260px; }
  .incident-legend .legend-body { max-height: calc(50vh - 92px); overflow-y: auto; }
  .incident-time { width: min(260px, calc(100vw - 150px)); box-sizing: border-box; }
  .incident-title { max-width: calc(100vw - 340px); box-sizing: border-box; }
  .incident-filters { width: min(220px, calc(100vw - 110px)); box-sizing: border-box; }
  .incident-filters.folded { width: auto; }  /* its button alone: no box over the names beside it */
  .leaflet-control-attribution { max-width: calc(100vw - 160px); }
  @media (max-width: {{ this.narrow - 1 }}px) {
    .incident-title { max-width: calc(100vw - 110px); }
    .leaflet-right .leaflet-control-layers-expanded { max-width: calc(100vw - 30px); }
  }
</style>
{% endmacro %}
""")

    def __init__(self):
        super().__init__()
        self._name = "ControlLayout"
        self.narrow = NARROW
