"""PeriodCounts: the layer control's period labels follow the date range ("Oct 2007 (3 of 5)")."""

from __future__ import annotations

import folium
from branca.element import MacroElement
from jinja2 import Template

__all__ = ["PeriodCounts", "period_name"]


def period_name(label: str, total: int) -> str:
    """A period's name in the layer control before any range is chosen: "Oct 2007 (5)"."""
    return f"{label} ({total})"


class PeriodCounts(MacroElement):
    """Renames each period layer in ``control`` on every ``incidentschange``: its incidents inside
    the range, "of" its total when some are outside. Labels are our own period names, never document text."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }}, control = {{ this.control.get_name() }};
  var api = window.incidentMaps[{{ this._parent.get_name()|tojson }}];
  var periods = {{ this.periods|tojson }};
  var groups = [{% for g in this.groups %}{{ g.get_name() }}{{ "," if not loop.last }}{% endfor %}];
  function name(p, n) { return p.label + " (" + (n === p.count ? n : n + " of " + p.count) + ")"; }
  function relabel() {
    var counts = api.periodCounts();
    groups.forEach(function (g, i) {
      var obj = control._getLayer(L.Util.stamp(g));
      if (obj) { obj.name = name(periods[i], counts[i]); }
    });
    (control._layerControlInputs || []).forEach(function (input) {
      var obj = control._getLayer(input.layerId);
      if (obj && groups.indexOf(obj.layer) >= 0) { input.nextSibling.textContent = " " + obj.name; }
    });
  }
  map.on("incidentschange", relabel);
  relabel();
})();
{% endmacro %}
""")

    def __init__(self, control: folium.LayerControl, groups: list[folium.FeatureGroup], periods: list[dict]):
        super().__init__()
        self._name = "PeriodCounts"
        self.control = control
        self.groups = groups
        self.periods = [{"label": p["label"], "count": p["count"]} for p in periods]
