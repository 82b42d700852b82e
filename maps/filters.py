"""IncidentFilters: in-page filters by event type, department, actor and death toll, and a place search."""

from __future__ import annotations

from collections import Counter

from branca.element import MacroElement
from jinja2 import Template

from maps.layout import NARROW

__all__ = ["FATALITY_THRESHOLDS", "IncidentFilters"]

#: "At least N killed" choices: the lower bounds of the legend's fatality bins.
FATALITY_THRESHOLDS = (1, 5, 20)


def _choices(records: list[dict], *keys: str) -> list[list]:
    """[value, count] for each value of the ``keys`` in the records (a record counted once per value),
    most frequent first."""
    counts = Counter(v for r in records for v in {r[k] for k in keys} if v)
    return [[v, n] for v, n in sorted(counts.items(), key=lambda vn: (-vn[1], vn[0]))]


def _death_tolls(records: list[dict]) -> list[list]:
    """[value, label, count] of each death-toll choice that keeps an incident: none reported, then
    at least N killed."""
    none = sum(1 for r in records if not r["k"])
    tolls = [["none", "no deaths reported", none]] if none else []
    for n in FATALITY_THRESHOLDS:
        count = sum(1 for r in records if (r["k"] or 0) >= n)
        if count:
            tolls.append([str(n), f"{n} or more killed", count])
    return tolls


class IncidentFilters(MacroElement):
    """Event type, department and actor lists (an actor: either side of an incident), a death-toll
    list (none reported, or at least 1, 5 or 20 killed) and a place search (accents and case
    ignored, over the place, its admin chain and the incident id), combined with the date range through
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
  var actors = {{ this.actors|tojson }}, tolls = {{ this.tolls|tojson }};
  function fold(s) { return String(s || "").normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase(); }
  function list(parent, cls, label, everything, values) {
    var s = L.DomUtil.create("select", cls, parent);
    s.setAttribute("aria-label", label);
    [["", everything]].concat(values.map(function (v) {
      return [v[0], (v.length > 2 ? v[1] : v[0]) + " (" + v[v.length - 1] + ")"];
    }))
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
    var actor = list(body, "incident-filter-actor", "actor", "every actor", actors);
    var toll = list(body, "incident-filter-killed", "deaths", "any number killed", tolls);
    function killed(d, v) { return v === "none" ? !d.k : (d.k || 0) >= +v; }
    function apply() {
      var q = fold(search.value.trim()), t = type.value, dp = dept.value, a = actor.value, k = toll.value;
      api.setFilter(!q && !t && !dp && !a && !k ? null : function (d) {
        return (!t || d.type === t) && (!dp || d.dept === dp) && (!a || d.a1 === a || d.a2 === a) &&
               (!k || killed(d, k)) && (!q || fold([d.loc, d.chain, d.id].join(" ")).indexOf(q) >= 0);
      });
    }
    search.addEventListener("input", apply);
    [type, dept, actor, toll].forEach(function (s) { s.addEventListener("change", apply); });
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
        self.actors = _choices(records, "a1", "a2")
        self.tolls = _death_tolls(records)
        self.position = position
        self.narrow = NARROW
