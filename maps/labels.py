"""PlaceLabels: department, capital and town names from the gazetteer, each shown from its zoom level."""

from __future__ import annotations

import math
from functools import lru_cache

from branca.element import MacroElement
from jinja2 import Template

from gazetteer import Gazetteer
from maps import basedata
from maps.basemap import LABEL_PANE

__all__ = ["PlaceLabels", "place_labels", "TIER_ZOOM"]

#: The zoom from which each tier of names is shown: departments, their capitals, larger towns.
TIER_ZOOM = {"department": 5, "capital": 6, "town": 8}
#: A town is a populated place of at least this many people ...
TOWN_POPULATION = 15000
#: ... and at least this far (degrees) from a capital or a larger town already named.
TOWN_SPACING = 0.15


@lru_cache(maxsize=1)
def place_labels() -> tuple[dict, ...]:
    """Every label as ``{"name", "lat", "lon", "tier"}``: departments at a point inside them,
    capitals and towns at the town."""
    shipped = basedata.lookup("labels", "all")
    return tuple(shipped) if shipped is not None else _place_labels()


def _place_labels() -> tuple[dict, ...]:
    gaz = Gazetteer.load()
    labels, named = [], []
    for dep in gaz.of_kind("department"):
        labels.append({"name": dep.name, "lat": dep.rep_lat, "lon": dep.rep_lon, "tier": "department"})
        capital = (dep.note or "").removeprefix("capital: ") or dep.name
        labels.append({"name": capital, "lat": dep.lat, "lon": dep.lon, "tier": "capital"})
        named.append((dep.lat, dep.lon))
    towns = sorted(gaz.of_kind("populated_place", min_population=TOWN_POPULATION), key=lambda p: -p.population)
    for town in towns:
        if all(math.hypot(town.lat - a, town.lon - b) >= TOWN_SPACING for a, b in named):
            labels.append({"name": town.name, "lat": town.lat, "lon": town.lon, "tier": "town"})
            named.append((town.lat, town.lon))
    return tuple(labels)


class PlaceLabels(MacroElement):
    """Names on the base map, drawn in the label pane (never under the pointer), by zoom level.

    Each tier is a layer group added while the zoom is at least its ``TIER_ZOOM``.
    """

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .place-label { white-space: nowrap; font: 11px/1.2 sans-serif; color: #333;
                 text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; transform: translate(-50%, -50%); }
  .place-label.department { font-size: 11px; letter-spacing: 0.12em; text-transform: uppercase; color: #6b6357; }
  .place-label.capital { font-weight: 700; font-size: 12px; }
  .place-label.town { font-size: 11px; color: #444; }
  .place-label.capital::before, .place-label.town::before { content: ""; display: inline-block; width: 5px;
    height: 5px; margin-right: 3px; border-radius: 50%; background: #444; vertical-align: middle; }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var labels = {{ this.labels|tojson }}, from = {{ this.tiers|tojson }}, tiers = {};
  Object.keys(from).forEach(function (tier) { tiers[tier] = L.layerGroup(); });
  labels.forEach(function (p) {
    var text = document.createElement("span");
    text.className = "place-label " + p.tier;
    text.textContent = p.name;
    L.marker([p.lat, p.lon], {pane: {{ this.pane|tojson }}, interactive: false, keyboard: false,
      icon: L.divIcon({html: text, className: "", iconSize: null})}).addTo(tiers[p.tier]);
  });
  function show() {
    var z = map.getZoom();
    Object.keys(tiers).forEach(function (tier) {
      if (z >= from[tier]) { map.addLayer(tiers[tier]); } else { map.removeLayer(tiers[tier]); }
    });
  }
  map.on("zoomend", show);
  map.whenReady(show);
})();
{% endmacro %}
""")

    def __init__(self):
        super().__init__()
        self._name = "PlaceLabels"
        self.labels = list(place_labels())
        self.tiers = TIER_ZOOM
        self.pane = LABEL_PANE
