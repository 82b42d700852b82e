"""ShownCsv: a button that downloads the incidents shown on the map as CSV, written in the page."""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

__all__ = ["ShownCsv", "CSV_COLUMNS"]

#: (header, key in the map's incident data) for each column of the CSV.
CSV_COLUMNS = [("incident_id", "id"), ("date", "date"), ("event_type", "type"), ("sub_event_type", "sub"),
               ("incident_type", "kind"), ("fatalities", "k"), ("injured", "i"), ("actor1", "a1"),
               ("actor2", "a2"), ("location", "loc"), ("place", "chain"), ("admin1", "dept"),
               ("latitude", "lat"), ("longitude", "lon"), ("location_precision", "where"),
               ("source", "src"), ("evidence", "ev")]


class ShownCsv(MacroElement):
    """The button's CSV has a row per marker shown (date range, undated toggle, checkboxes and
    filters applied). Each cell is quoted, quotes doubled; text a spreadsheet would run as a formula
    (starting with = + - @, a tab or a carriage return) gets a leading apostrophe. Saved from a
    Blob: nothing is fetched."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }}, api = window.incidentMaps[{{ this._parent.get_name()|tojson }}];
  var columns = {{ this.columns|tojson }};
  function cell(v) {
    if (v === null || v === undefined) { return ""; }
    var s = String(v);
    if (typeof v === "string" && /^[=+\\-@\\t\\r]/.test(s)) { s = "'" + s; }
    return '"' + s.replace(/"/g, '""') + '"';
  }
  function csv() {
    var lines = [columns.map(function (c) { return cell(c[0]); }).join(",")];
    api.shown().forEach(function (d) { lines.push(columns.map(function (c) { return cell(d[c[1]]); }).join(",")); });
    return "\\ufeff" + lines.join("\\r\\n") + "\\r\\n";
  }
  var control = L.control({position: {{ this.position|tojson }}});
  control.onAdd = function () {
    var button = L.DomUtil.create("button", "incident-csv");
    button.type = "button";
    button.style.cssText = "font:12px sans-serif;padding:3px 8px;background:rgba(255,255,255,0.92);" +
      "border:0;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,0.3);cursor:pointer";
    function label() { button.textContent = "Download shown (" + api.count() + ") as CSV"; }
    label();
    map.on("incidentschange", label);
    button.addEventListener("click", function () {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([csv()], {type: "text/csv;charset=utf-8"}));
      link.download = "incidents-shown.csv";
      document.body.appendChild(link); link.click(); link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
    L.DomEvent.disableClickPropagation(button);
    return button;
  };
  control.addTo(map);
})();
{% endmacro %}
""")

    def __init__(self, position: str = "topleft"):
        super().__init__()
        self._name = "ShownCsv"
        self.columns = CSV_COLUMNS
        self.position = position
