"""IncidentFilters: a control that keeps only the incidents of an event type, a department or a searched place."""

from __future__ import annotations

from collections import Counter

from branca.element import MacroElement
from jinja2 import Template

from maps.layout import NARROW

__all__ = ["IncidentFilters"]


def _choices(records: list[dict], key: str) -> list[list]:
    """[value, count] for each value of ``key`` in the records, most frequent first."""
    counts = Counter(r[key] for r in records if r[key])
    return [[v, n] for v, n in sorted(counts.items(), key=lambda vn: (-vn[1], vn[0]))]


class IncidentFilters(MacroElement):
    """Event type and department lists and a place search (accents and case ignored, over the place,
    its admin chain and the incident id), combined with the date range through
    ``window.incidentMaps[<map>].setFilter``. Names reach the page as JSON and are set as text.
    Folded behind a button on maps narrower than ``NARROW`` pixels."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .incident-filters { background: rgba(255,255,255,0.92); padding: 4px 10px 6px; border-radius: 4px;
                      font: 12px/1.4 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
  .incident-filters .filters-toggle { font: 600 12px sans-serif; background: none; border: 0; padding: 2px 0;
                                      cursor: pointer; width: 100%; text-align: left; }
  .incident-filters .filters-toggle::after { content: " \\25BE"; }
  .incident-filters.folded .filters-toggle::after { content: " \\25B8"; }
  .incident-filters.folded .filters-body { display: none; }
  .incident-filters input, .incident-filters select { display: block; width: 100%; box-sizing: border-box;
                                                      margin: 2px 0; font: 12px sans-serif; }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }}, api = window.incidentMaps[{{ this._parent.get_name()|tojson }}];
  var types = {{ this.types|tojson }}, departments = {{ this.departments|tojson }};
  function fold(s) { return String(s || "").normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase(); }
  function list(parent, cls, label, everything, values) {
    var s = L.DomUtil.create("select", cls, parent);
    s.setAttribute("aria-label", label);
    [["", everything]].concat(values.map(function (v) { return [v[0], v[0] + " (" + v[1] + ")"]; }))
      .forEach(function (v) { var o = L.DomUtil.create("option", "", s); o.value = v[0]; o.textContent = v[1]; });
    return s;
  }
  var control = L.control({position: {{ this.position|tojson }}});
  control.onAdd = function () {
    var box = L.DomUtil.create("div", "incident-filters");
    var toggle = L.DomUtil.create("button", "filters-toggle", box);
    toggle.type = "button"; toggle.textContent = "Filters";
    var body = L.DomUtil.create("div", "filters-body", box);
    var search = L.DomUtil.create("input", "incident-search", body);
    search.type = "search"; search.placeholder = "place or incident id";
    search.setAttribute("aria-label", "search a place or an incident id");
    var type = list(body, "incident-filter-type", "event type", "every event type", types);
    var dept = list(body, "incident-filter-department", "department", "every department", departments);
    function apply() {
      var q = fold(search.value.trim()), t = type.value, dp = dept.value;
      api.setFilter(!q && !t && !dp ? null : function (d) {
        return (!t || d.type === t) && (!dp || d.dept === dp) &&
               (!q || fold([d.loc, d.chain, d.id].join(" ")).indexOf(q) >= 0);
      });
    }
    search.addEventListener("input", apply);
    type.addEventListener("change", apply); dept.addEventListener("change", apply);
    function folded(f) {
      L.DomUtil[f ? "addClass" : "removeClass"](box, "folded"); toggle.setAttribute("aria-expanded", String(!f));
    }
    folded(map.getSize().x < {{ this.narrow }});
    toggle.addEventListener("click", function () { folded(!L.DomUtil.hasClass(box, "folded")); });
    L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  control.addTo(map);
})();
{% endmacro %}
""")

    def __init__(self, records: list[dict], position: str = "topleft"):
        super().__init__()
        self._name = "IncidentFilters"
        self.types = _choices(records, "type")
        self.departments = _choices(records, "dept")
        self.position = position
        self.narrow = NARROW
