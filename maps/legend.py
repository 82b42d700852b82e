"""Legend: a Leaflet control explaining colours (event types), sizes (fatalities), dashed areas and context layers."""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from maps.layout import NARROW
from maps.style import FATALITY_BINS, colour, radius

__all__ = ["Legend", "MapTitle"]


class Legend(MacroElement):
    """The map's legend, built from plain values (event types present, fatality bins), with a
    section for each context layer shown while that layer is on, under a line counting the
    incidents shown ("showing 12 of 40") that follows the date range and the layers. A button
    folds it away; it starts folded on maps narrower than ``NARROW`` pixels."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .incident-legend { background: rgba(255,255,255,0.92); padding: 6px 10px; border-radius: 4px;
                     font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 250px; }
  .incident-legend .legend-toggle { font: 600 12px sans-serif; background: none; border: 0; padding: 2px 0;
                                    cursor: pointer; width: 100%; text-align: left; }
  .incident-legend .legend-toggle::after { content: " \\25BE"; }
  .incident-legend.folded .legend-toggle::after { content: " \\25B8"; }
  .incident-legend.folded .legend-body { display: none; }
  .incident-legend .title { font-weight: 600; margin-top: 4px; }
  .incident-legend .legend-shown { color: #333; }
  .incident-legend i { display: inline-block; vertical-align: middle; margin-right: 6px; border-radius: 50%;
                       border: 1px solid #222; }
  .incident-legend i.area { border-radius: 0; border: 1.5px dashed #444; width: 16px; height: 12px; }
  .incident-legend i.square { border-radius: 0; border: 1px solid #777; width: 14px; height: 10px; }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var legend = L.control({position: {{ this.position|tojson }}});
  var entries = {{ this.entries|tojson }};
  var context = [{% for layer, section in this.context %}[{{ layer.get_name() }}, {{ section|tojson }}]{{ "," if not loop.last }}{% endfor %}];
  function draw(body) {
    body.textContent = "";
    var shown = entries.concat(context.filter(function (c) { return map.hasLayer(c[0]); })
                                      .map(function (c) { return c[1]; }));
    shown.forEach(function (section) {
      var title = L.DomUtil.create("div", "title", body);
      title.textContent = section.title;
      section.items.forEach(function (item) {
        var line = L.DomUtil.create("div", "", body);
        var swatch = L.DomUtil.create("i", item.area ? "area" : item.square ? "square" : "", line);
        if (!item.area) { swatch.style.background = item.colour; }
        if (!item.area && !item.square) { swatch.style.width = swatch.style.height = (2 * item.r) + "px"; }
        line.appendChild(document.createTextNode(item.label));
      });
    });
  }
  legend.onAdd = function () {
    var box = L.DomUtil.create("div", "incident-legend");
    var toggle = L.DomUtil.create("button", "legend-toggle", box);
    toggle.type = "button";
    toggle.textContent = "Legend";
    var shown = L.DomUtil.create("div", "legend-shown", box);
    var body = L.DomUtil.create("div", "legend-body", box);
    function fold(folded) {
      L.DomUtil[folded ? "addClass" : "removeClass"](box, "folded");
      toggle.setAttribute("aria-expanded", String(!folded));
      lift(folded);
    }
    function lift(folded) {  // on a narrow map the open legend stands above the date control and under the
      box.style.marginBottom = body.style.maxHeight = "";  // top controls, scrolling inside, never over them
      var container = map.getContainer(), time = container.querySelector(".incident-time");
      if (folded || !time || map.getSize().x >= {{ this.narrow }}) { return; }
      var bottom = container.getBoundingClientRect().bottom, floor = time.getBoundingClientRect().top - 10;
      var below = bottom - box.getBoundingClientRect().bottom;
      if (bottom - floor > below) { box.style.marginBottom = (10 + bottom - floor - below) + "px"; }
      var ceiling = Math.max.apply(null, [container.getBoundingClientRect().top].concat(Array.prototype.map.call(
        container.querySelectorAll(".leaflet-top .leaflet-control"), function (c) { return c.getBoundingClientRect().bottom; }))) + 10;
      var room = floor - ceiling - (box.offsetHeight - body.offsetHeight);
      body.style.maxHeight = Math.max(40, room) + "px";
    }
    fold(map.getSize().x < {{ this.narrow }});
    toggle.addEventListener("click", function () { fold(!L.DomUtil.hasClass(box, "folded")); });
    L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
    draw(body);
    map.on("overlayadd overlayremove", function () { draw(body); });
    function count(n, total) {
      shown.textContent = n === total ? total + (total === 1 ? " incident" : " incidents")
                                      : "showing " + n + " of " + total;
    }
    var api = window.incidentMaps && window.incidentMaps[{{ this._parent.get_name()|tojson }}];
    if (api) { count(api.count(), api.total()); }
    map.on("incidentschange", function (e) { count(e.shown, e.total); });
    return box;
  };
  legend.addTo(map);
})();
{% endmacro %}
""")

    def __init__(self, event_types: list[str], *, context: list[tuple[MacroElement, dict]] = (),
                 position: str = "bottomright"):
        super().__init__()
        self._name = "Legend"
        self.position = position
        self.narrow = NARROW
        self.context = list(context)
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
      "font:600 15px sans-serif;box-shadow:0 1px 4px rgba(0,0,0,0.3);overflow-wrap:anywhere";
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
