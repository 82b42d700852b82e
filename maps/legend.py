"""Legend: a Leaflet control explaining colours (event types), sizes (fatalities) and dashed areas."""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from maps.style import FATALITY_BINS, colour, radius

__all__ = ["Legend", "MapTitle"]


class Legend(MacroElement):
    """The map's legend, built from plain values (event types present, fatality bins)."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .incident-legend { background: rgba(255,255,255,0.92); padding: 6px 10px; border-radius: 4px;
                     font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 250px; }
  .incident-legend .title { font-weight: 600; margin-top: 4px; }
  .incident-legend i { display: inline-block; vertical-align: middle; margin-right: 6px; border-radius: 50%;
                       border: 1px solid #222; }
  .incident-legend i.area { border-radius: 0; border: 1.5px dashed #444; width: 16px; height: 12px; }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var legend = L.control({position: {{ this.position|tojson }}});
  var entries = {{ this.entries|tojson }};
  legend.onAdd = function () {
    var box = L.DomUtil.create("div", "incident-legend");
    entries.forEach(function (section) {
      var title = L.DomUtil.create("div", "title", box);
      title.textContent = section.title;
      section.items.forEach(function (item) {
        var line = L.DomUtil.create("div", "", box);
        var swatch = L.DomUtil.create("i", item.area ? "area" : "", line);
        if (!item.area) {
          swatch.style.width = swatch.style.height = (2 * item.r) + "px";
          swatch.style.background = item.colour;
        }
        line.appendChild(document.createTextNode(item.label));
      });
    });
    return box;
  };
  legend.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}
""")

    def __init__(self, event_types: list[str], position: str = "bottomright"):
        super().__init__()
        self._name = "Legend"
        self.position = position
        self.entries = [
            {"title": "Event type (colour)",
             "items": [{"label": t, "colour": colour(t), "r": 6} for t in event_types]},
            {"title": "Killed (size)",
             "items": [{"label": label, "colour": "#bbbbbb", "r": radius(n)} for label, n in FATALITY_BINS]},
            {"title": "Location precision",
             "items": [{"label": "point: the town or place is known", "colour": "#888888", "r": 6},
                       {"label": "dashed area: district, department, zone or relative position; "
                                 "the marker is a point inside it", "area": True}]},
        ]


class MapTitle(MacroElement):
    """A title box at the top of the map (its text is set with textContent)."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var c = L.control({position: "topleft"});
  c.onAdd = function () {
    var box = L.DomUtil.create("div", "incident-title");
    box.textContent = {{ this.text|tojson }};
    box.style.cssText = "background:rgba(255,255,255,0.92);padding:4px 10px;border-radius:4px;" +
      "font:600 15px sans-serif;box-shadow:0 1px 4px rgba(0,0,0,0.3)";
    return box;
  };
  c.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}
""")

    def __init__(self, text: str):
        super().__init__()
        self._name = "MapTitle"
        self.text = text
