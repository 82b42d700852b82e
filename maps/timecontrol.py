"""TimeControl: a two-handled date range that shows only the incidents inside it."""

from __future__ import annotations

import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

__all__ = ["TimeControl"]

_EPOCH = pd.Timestamp("1970-01-01")


class TimeControl(MacroElement):
    """A Leaflet control with two range inputs (from, to) over the incidents' days.

    Moving either calls ``window.incidentMaps[<map>].setRange(from, to)``; it works offline.
    """

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .incident-time { background: rgba(255,255,255,0.92); padding: 6px 10px; border-radius: 4px;
                   font: 12px/1.4 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,0.3); width: 260px; }
  .incident-time input { width: 100%; margin: 2px 0; }
  .incident-time .label { font-weight: 600; }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }}, name = {{ this._parent.get_name()|tojson }};
  var lo = {{ this.first|tojson }}, hi = {{ this.last|tojson }};
  var control = L.control({position: {{ this.position|tojson }}});
  function day(t) { return new Date(t * 86400000).toISOString().slice(0, 10); }
  control.onAdd = function () {
    var box = L.DomUtil.create("div", "incident-time");
    var title = L.DomUtil.create("div", "label", box);
    title.textContent = "Dates shown";
    var from = L.DomUtil.create("input", "incident-time-from", box);
    var to = L.DomUtil.create("input", "incident-time-to", box);
    [from, to].forEach(function (input) {
      input.type = "range"; input.min = lo; input.max = hi; input.step = 1;
    });
    from.value = lo; to.value = hi;
    from.setAttribute("aria-label", "first date shown"); to.setAttribute("aria-label", "last date shown");
    var text = L.DomUtil.create("div", "incident-time-text", box);
    function update() {
      var a = Math.min(+from.value, +to.value), b = Math.max(+from.value, +to.value);
      text.textContent = day(a) + " to " + day(b);
      window.incidentMaps[name].setRange(a, b);
    }
    from.addEventListener("input", update); to.addEventListener("input", update);
    L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
    text.textContent = day(lo) + " to " + day(hi);
    return box;
  };
  control.addTo(map);
})();
{% endmacro %}
""")

    def __init__(self, first: pd.Timestamp, last: pd.Timestamp, position: str = "bottomleft"):
        super().__init__()
        self._name = "TimeControl"
        self.first = int((first - _EPOCH).days)
        self.last = int((last - _EPOCH).days)
        self.position = position
