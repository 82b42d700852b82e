"""IncidentLayers: every incident drawn from one data block into per-period layers, with popups."""

from __future__ import annotations

from collections import namedtuple
from functools import lru_cache

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps

from maps.areas import MapAreas
from maps.dates import date_at_precision
from maps.packed import UNPACK_JS, pack
from maps.style import colour, period_key, period_label, radius

__all__ = ["IncidentLayers", "incident_records"]

_EPOCH = pd.Timestamp("1970-01-01")
_WHERE = {1: "exact place", 2: "near a place (25 km)", 3: "district or province", 4: "department",
          5: "part of the country (zone, area or relative position)", 6: "country"}


def incident_records(incidents: gpd.GeoDataFrame, period: str) -> tuple[list[dict], list[dict], list[dict]]:
    """(incidents, footprints, periods) as plain values for the map's data block, in date order; each
    incident's ``f`` is the index of its area in footprints (looked up once per footprint id)."""
    frame = incidents[incidents.latitude.notna()].sort_values(["event_date", "incident_id"], na_position="last")
    areas = MapAreas()
    keys: dict[str, int] = {}
    periods: list[dict] = []
    in_period: dict = {}  # incidents share days, dates and places: each is written once
    dates: dict[tuple, tuple] = {}
    chains: dict[tuple, str] = {}
    records = []
    for row in _rows(frame):
        day = row.event_date if row.event_date is not None else row.date_start  # a month or a year: its first day
        if day not in in_period:
            in_period[day] = period_key(_timestamp(day), period)
        pkey = in_period[day]
        if pkey not in keys:
            keys[pkey] = len(periods)
            periods.append({"key": pkey, "label": period_label(pkey, period, short=True), "count": 0})
        periods[keys[pkey]]["count"] += 1
        fkey = areas.key(row.footprint_id, row.footprint)
        names = (row.location, row.admin3, row.admin2, row.admin1)
        if names not in chains:
            chains[names] = ", ".join(dict.fromkeys(str(x) for x in names if x is not None))
        chain = chains[names]
        when = (row.time_precision, row.event_date, row.date_start, row.date_end)
        if when not in dates:
            stamps = (when[0], *map(_timestamp, when[1:]))
            dates[when] = date_at_precision(*stamps), date_at_precision(*stamps, short=True)
        date, short = dates[when]
        where = _int(row.where_prec)
        records.append({
            "id": row.incident_id, "t": day, "date": date,
            **({"ds": short} if short != date else {}),  # the tooltip's shorter form, sent only when it differs
            "type": row.event_type, "sub": row.sub_event_type, "kind": row.incident_type,
            "lat": float(row.latitude), "lon": float(row.longitude), "r": _radius(row.fatalities),
            "c": colour(row.event_type), "k": _int(row.fatalities), "i": _int(row.injured),
            "a1": row.actor1, "a2": row.actor2, "loc": row.location, "chain": chain,
            "dept": row.admin1, "wp": where, "where": _WHERE.get(where, ""),
            "ev": row.evidence, "hl": row.place_text or row.location,
            "src": row.source, "docs": row.doc_ids, "paths": row.paths,
            "p": keys[pkey], "f": fkey,
        })
    periods.sort(key=lambda p: (p["key"] == "undated", p["key"]))
    order = {p["key"]: i for i, p in enumerate(periods)}
    remap = {keys[k]: order[k] for k in keys}
    for r in records:
        r["p"] = remap[r["p"]]
    return records, areas.shapes, periods


_COLUMNS = ("incident_id", "event_date", "date_start", "date_end", "time_precision", "event_type",
            "sub_event_type", "incident_type", "latitude", "longitude", "fatalities", "injured", "actor1", "actor2",
            "location", "admin1", "admin2", "admin3", "where_prec", "evidence", "place_text", "source", "doc_ids",
            "paths", "footprint_id", "footprint")
_Row = namedtuple("_Row", _COLUMNS)
#: Columns shown as text: a number in one (another program's table) is its digits.
_TEXT = frozenset({"incident_id", "event_type", "sub_event_type", "incident_type", "actor1", "actor2", "location",
                   "admin1", "evidence", "place_text", "source", "doc_ids", "paths"})
_DATES = ("event_date", "date_start", "date_end")


def _rows(frame: pd.DataFrame):
    """The columns the map reads, row by row, missing values as None and dates as days since 1970
    (a table written before footprint ids has no ``footprint_id``; only the places table has
    ``place_text``). Taken out of the frame a column at a time: much faster than iterating rows of
    Arrow-backed text, or than reckoning with timestamps row by row."""
    columns = [_column(frame[c]) if c in frame.columns else [None] * len(frame) for c in _COLUMNS]
    columns = [[v if v is None or type(v) is str else str(v) for v in col] if c in _TEXT else col
               for c, col in zip(_COLUMNS, columns)]
    return map(_Row._make, zip(*columns))


def _column(values: pd.Series) -> list:
    if values.name in _DATES:
        values = ((pd.to_datetime(values) - _EPOCH) // pd.Timedelta(days=1)).astype("Int64")
    return values.astype(object).where(values.notna(), None).tolist()


@lru_cache(maxsize=None)
def _timestamp(days: int | None) -> pd.Timestamp | None:
    return None if days is None else pd.Timestamp(int(days), unit="D")


@lru_cache(maxsize=None)
def _radius(fatalities) -> float:
    return radius(fatalities)


def _int(v) -> int | None:
    return None if v is None else int(v)


class IncidentLayers(MacroElement):
    """Draws the incidents into the period FeatureGroups, from one JSON data block.

    They share the map's canvas with the context layers, which stay behind them, so that the canvas
    finds the layer under the pointer: a marker, else the context polygon around it (its tooltip).

    Popups and tooltips are built when first opened, as DOM nodes with ``textContent``: text from
    documents is never parsed as HTML. Each area is one layer, styled as its shown periods' areas
    would look stacked, so that a department with incidents in 24 months is drawn once, not 24
    times. Above the cluster threshold every marker is in one grey cluster group, whatever its
    period. ``window.incidentMaps[<map name>]`` offers ``count()``, ``shown()``, ``total()``,
    ``periodCounts()``, ``setRange(a, b, undated)`` (days since 1970), ``setFilter(test)``,
    ``marker(id)`` and ``areas()`` to the controls and to tests; the map fires ``incidentschange``
    whenever what is shown changes.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var packed = JSON.parse(document.getElementById({{ this.data_id|tojson }}).textContent);
  var data = {incidents: ({{ this.unpack }})(packed.incidents), footprints: packed.footprints};
  var map = {{ this._parent.get_name() }};
  var groups = [{% for g in this.groups %}{{ g.get_name() }}{{ "," if not loop.last }}{% endfor %}];
  var clusters = {{ this.cluster|tojson }};
  var markers = [], byId = {}, areas = {}, areaList = [], AREA_FILL = 0.06;
  // One cluster group across every period, neutral grey icons: event-type colours keep their meaning.
  var cluster = clusters && L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false,
    iconCreateFunction: function (c) {
      var n = c.getChildCount(), size = n < 10 ? 30 : n < 100 ? 36 : 44;
      return L.divIcon({html: "<span>" + n + "</span>", className: "incident-cluster",
                        iconSize: L.point(size, size)});
    }});
  if (clusters) { map.addLayer(cluster); }
  var state = {a: -Infinity, b: Infinity, undated: true, filter: null};
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== null && text !== undefined) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function row(table, label, value) {
    if (value === null || value === undefined || value === "") { return; }
    var tr = el("tr"); tr.appendChild(el("th", label)); tr.appendChild(el("td", value)); table.appendChild(tr);
  }
  function evidence(d) {
    var p = el("p", null, "incident-evidence"), text = d.ev || "", at = d.hl ? text.indexOf(d.hl) : -1;
    if (at < 0) { p.textContent = text; return p; }
    p.appendChild(document.createTextNode(text.slice(0, at)));
    p.appendChild(el("mark", d.hl));
    p.appendChild(document.createTextNode(text.slice(at + d.hl.length)));
    return p;
  }
  function popup(d) {
    var box = el("div", null, "incident-popup");
    box.appendChild(el("h4", String(d.kind || d.type || "incident").replace(/_/g, " ") + (d.loc ? " — " + d.loc : "")));
    var t = el("table");
    row(t, "Date", d.date || "undated");
    row(t, "Type", d.type + " / " + d.sub);
    row(t, "Killed", d.k === null ? "not reported" : d.k);
    row(t, "Injured", d.i === null ? "not reported" : d.i);
    row(t, "Actors", [d.a1, d.a2].filter(Boolean).join(" vs. "));
    row(t, "Place", d.chain);
    row(t, "Location precision", d.where);
    box.appendChild(t);
    box.appendChild(evidence(d));
    var src = el("p", null, "incident-source");
    src.textContent = "Source: " + (d.src || d.docs || "") + (d.paths ? " (" + d.paths + ")" : "");
    box.appendChild(src);
    return box;
  }
  function tooltip(d) {
    return el("span", (d.ds || d.date || "undated") + " · " + d.type + (d.loc ? " · " + d.loc : ""));
  }
  // An area is drawn once, however many periods it has incidents in: as the outlines of each shown
  // period's area stacked (its first incident's colour, fill opacity AREA_FILL each) would look.
  function rgb(hex) { return [1, 3, 5].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); }); }
  function stacked(colours) {
    var mix = [0, 0, 0], clear = 1;
    colours.forEach(function (c) {
      var v = rgb(c);
      mix = mix.map(function (x, i) { return x * (1 - AREA_FILL) + v[i] * AREA_FILL; });
      clear *= 1 - AREA_FILL;
    });
    return {color: colours[colours.length - 1], fillOpacity: 1 - clear,
            fillColor: "rgb(" + mix.map(function (x) { return Math.round(x / (1 - clear)); }).join(",") + ")"};
  }
  data.incidents.forEach(function (d) {
    if (d.f !== null) {
      if (!areas[d.f]) {
        areas[d.f] = {layer: L.geoJSON(data.footprints[d.f], {interactive: false,
          style: {weight: 1.5, dashArray: "6 4", fill: true}}), f: d.f, periods: {}, style: null};
        areaList.push(areas[d.f]);
      }
      var periods = areas[d.f].periods;
      (periods[d.p] = periods[d.p] || {p: d.p, c: d.c, incidents: []}).incidents.push(d);
    }
    var m = L.circleMarker([d.lat, d.lon], {radius: d.r, color: "#222222", weight: 1,
      fillColor: d.c, fillOpacity: 0.85, dashArray: d.wp > 2 ? "3 3" : null});
    m.incident = d;
    markers.push(m);
    byId[d.id] = m;
  });
  // A marker's tooltip and popup are bound when the pointer first reaches it (or a tap or a caller
  // first asks for it), by its layer: binding 10,000 markers up front takes longer than drawing them.
  function bound(m) {
    if (m && !m.bound) {
      var d = m.incident;
      m.bindTooltip(function () { return tooltip(d); });
      m.bindPopup(function () { return popup(d); }, {maxWidth: 380});
      m.bound = true;
    }
    return m;
  }
  function firstTouch(e) {
    var m = e.layer;
    if (!m || !m.incident || m.bound) { return; }
    bound(m);
    if (e.type === "click") { m.openPopup(e.latlng); } else { m.openTooltip(); }
  }
  (clusters ? [cluster] : groups).forEach(function (g) { g.on("mouseover click", firstTouch); });
  function holder(m) { return clusters ? cluster : groups[m.incident.p]; }
  function inTime(t) { return t === null ? state.undated : t >= state.a && t <= state.b; }
  function kept(d) { return inTime(d.t) && (state.filter === null || state.filter(d)); }
  function isShown(m) { return map.hasLayer(groups[m.incident.p]) && holder(m).hasLayer(m); }
  function refresh() {
    var add = [], remove = [];
    markers.forEach(function (m) {
      var want = kept(m.incident) && (!clusters || map.hasLayer(groups[m.incident.p]));
      var has = holder(m).hasLayer(m);
      if (want && !has) { add.push(m); } else if (!want && has) { remove.push(m); }
    });
    if (clusters) { cluster.removeLayers(remove); cluster.addLayers(add); }
    else { add.forEach(function (m) { holder(m).addLayer(m); }); remove.forEach(function (m) { holder(m).removeLayer(m); }); }
    areaList.forEach(function (a2) {
      var colours = Object.keys(a2.periods).map(function (p) { return a2.periods[p]; }).filter(function (e) {
        return map.hasLayer(groups[e.p]) && e.incidents.some(kept);
      }).map(function (e) { return e.c; });
      var style = colours.length ? JSON.stringify(colours) : null;
      if (style && style !== a2.style) { a2.layer.setStyle(stacked(colours)); }
      if (style && !map.hasLayer(a2.layer)) { map.addLayer(a2.layer); }
      if (!style && map.hasLayer(a2.layer)) { map.removeLayer(a2.layer); }
      a2.style = style;
    });
    map.fire("incidentschange", {shown: api.count(), total: markers.length});
  }
  var api = {
    data: data,
    count: function () { return markers.filter(isShown).length; },
    shown: function () { return markers.filter(isShown).map(function (m) { return m.incident; }); },
    total: function () { return markers.length; },
    // Per period: how many of its incidents the date range, the undated toggle and the filters keep.
    periodCounts: function () {
      var n = groups.map(function () { return 0; });
      markers.forEach(function (m) { if (kept(m.incident)) { n[m.incident.p] += 1; } });
      return n;
    },
    // Days since 1970, both ends included; ``undated`` (when given) shows or hides the undated incidents.
    setRange: function (a, b, undated) {
      state.a = a; state.b = b;
      if (undated !== undefined) { state.undated = undated; }
      refresh();
    },
    // A test on an incident's data (or null for none): only the incidents it keeps are drawn.
    setFilter: function (f) { state.filter = f; refresh(); },
    marker: function (id) { return bound(byId[id]); },
    // The areas drawn: each footprint's index, and the style standing for its shown periods' areas.
    areas: function () {
      return areaList.filter(function (a2) { return map.hasLayer(a2.layer); }).map(function (a2) {
        var o = a2.layer.getLayers()[0].options;
        return {f: a2.f, color: o.color, fillColor: o.fillColor, fillOpacity: o.fillOpacity};
      });
    }
  };
  refresh();
  map.on("overlayadd overlayremove", refresh);
  window.incidentMaps = window.incidentMaps || {};
  window.incidentMaps[{{ this._parent.get_name()|tojson }}] = api;
})();
{% endmacro %}
{% macro header(this, kwargs) %}
<style>
  .incident-popup h4 { margin: 0 0 4px; font-size: 14px; text-transform: capitalize; }
  .incident-popup table { border-collapse: collapse; font-size: 12px; }
  .incident-popup th { text-align: left; padding-right: 6px; color: #555; font-weight: 600; vertical-align: top; }
  .incident-evidence { font-size: 12px; font-style: italic; margin: 6px 0; }
  .incident-evidence mark { background: #ffe08a; font-style: normal; }
  .incident-source { font-size: 11px; color: #555; margin: 0; }
  .incident-cluster { background: rgba(90,90,90,0.35); border-radius: 50%; }
  .incident-cluster span { margin: 4px; height: calc(100% - 8px); border-radius: 50%;
                           background: rgba(85,85,85,0.9); color: #fff; font: 600 12px/1 sans-serif;
                           display: flex; align-items: center; justify-content: center; }
</style>
{% endmacro %}
""")

    def render(self, **kwargs):
        """As MacroElement.render, but the data (megabytes) goes into the page as text: folium would
        compile it as a template, slowly, and read braces in documents' text as Jinja. The incidents
        go packed (maps.packed), as compact JSON made safe inside a script element, in a data block
        of its own (``<script type="application/json">``, before the map's script) that the page
        reads with JSON.parse: far faster for a browser than a script holding the same literal."""
        figure = self.get_root()
        packed = htmlsafe_json_dumps({"incidents": pack(self.payload["incidents"]),
                                      "footprints": self.payload["footprints"]}, separators=(",", ":"))
        self.data_id = f"{self.get_name()}_data"
        self.unpack = UNPACK_JS
        module = self._template.module
        figure.header.add_child(_Text(module.header(self, kwargs)), name=self.get_name())
        figure.html.add_child(_Text(f'<script type="application/json" id="{self.data_id}">{packed}</script>'),
                              name=self.data_id)
        figure.script.add_child(_Text(module.script(self, kwargs)), name=self.get_name())

    def __init__(self, records: list[dict], footprints: list[dict], groups: list[folium.FeatureGroup], *,
                 cluster: bool = False):
        super().__init__()
        self._name = "IncidentLayers"
        self.payload = {"incidents": records, "footprints": footprints}
        self.groups = groups
        self.cluster = cluster


class _Text(Element):
    """Text rendered into the page as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text
