"""TimeControl: a histogram of incidents per period over a range slider, with play, step and an undated toggle."""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

__all__ = ["TimeControl", "PLAY_MS"]

#: Milliseconds between two steps while playing.
PLAY_MS = 700


class TimeControl(MacroElement):
    """A Leaflet control over the histogram bins of :func:`maps.timebins.time_bins`.

    Two range inputs (from, to) pick whole bins; brushing the histogram picks the bins under the
    drag; dragging inside the selection moves it along the histogram, keeping its width, and
    dragging its first or last bar resizes it. Play steps forward one period at a time, either cumulative (everything from the first
    period to the current one) or as a sliding window of the chosen width. Undated incidents have
    their own toggle, switched off whenever the range is narrower than the full span. Each change
    calls ``window.incidentMaps[<map>].setRange(first day, last day, undated)``; it works offline.
    """

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .incident-time { background: rgba(255,255,255,0.92); padding: 6px 10px; border-radius: 4px;
                   font: 12px/1.4 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,0.3); width: 260px; }
  .incident-time input[type=range] { width: 100%; margin: 2px 0; }
  .incident-time .label { font-weight: 600; }
  .incident-histogram { display: flex; align-items: flex-end; height: 36px; cursor: crosshair;
                        border-bottom: 1px solid #999; touch-action: none; margin-top: 2px; position: relative; }
  .incident-histogram .incident-brush { position: absolute; top: 0; bottom: 0; pointer-events: none;
                                        background: rgba(74,74,74,0.12); border: 1px solid rgba(74,74,74,0.5);
                                        border-width: 0 1px; box-sizing: border-box; }
  .incident-histogram div { flex: 1 1 0; background: #c8c8c8; margin: 0 0.5px; min-width: 0; }
  .incident-histogram div.in { background: #4a4a4a; }
  .incident-time-buttons { display: flex; gap: 4px; align-items: center; margin-top: 2px; }
  .incident-time-buttons button { font: 12px sans-serif; min-width: 26px; padding: 1px 4px; cursor: pointer; }
  .incident-time-buttons select { font: 12px sans-serif; margin-left: auto; }
  .incident-time-undated { display: block; margin-top: 2px; }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }}, api = window.incidentMaps[{{ this._parent.get_name()|tojson }}];
  var bins = {{ this.bins|tojson }}, undated = {{ this.undated|tojson }}, last = bins.length - 1;
  var control = L.control({position: {{ this.position|tojson }}});
  var from, to, text, bars = [], band, undatedBox = null, mode, play, timer = null, wasFull = true;
  function el(tag, cls, parent, content) {
    var e = L.DomUtil.create(tag, cls || "", parent);
    if (content !== undefined) { e.textContent = content; }
    return e;
  }
  function span(i, j) { return i === j ? bins[i].short : bins[i].short + " – " + bins[j].short; }
  function select(i, j) {
    i = Math.max(0, Math.min(i, last)); j = Math.max(i, Math.min(j, last));
    from.value = i; to.value = j;
    var full = i === 0 && j === last;
    if (undatedBox && full !== wasFull) { undatedBox.checked = full; }
    wasFull = full;
    bars.forEach(function (b, k) { b.className = k >= i && k <= j ? "in" : ""; });
    band.style.left = (100 * i / bins.length) + "%"; band.style.width = (100 * (j - i + 1) / bins.length) + "%";
    text.textContent = span(i, j) + (full ? " (all dates)" : "");
    api.setRange(bins[i].t0, bins[j].t1, undatedBox ? undatedBox.checked : true);
  }
  function range() { var a = +from.value, b = +to.value; return [Math.min(a, b), Math.max(a, b)]; }
  function step(by) {
    var r = range();
    if (mode.value === "cumulative") { select(0, r[1] + by); return; }
    if (r[0] + by < 0 || r[1] + by > last) { return; }
    select(r[0] + by, r[1] + by);
  }
  function stop() {
    if (timer !== null) { clearInterval(timer); timer = null; }
    play.textContent = "\\u25B6"; play.setAttribute("aria-label", "play");
  }
  function start() {
    var r = range();
    if (r[1] === last) { select(0, mode.value === "cumulative" ? 0 : r[1] - r[0]); }  // from the start again
    play.textContent = "||"; play.setAttribute("aria-label", "pause");
    timer = setInterval(function () {
      if (range()[1] >= last) { stop(); return; }
      step(1);
    }, {{ this.play_ms }});
  }
  control.onAdd = function () {
    var box = el("div", "incident-time");
    el("div", "label", box, "Dates shown");
    var hist = el("div", "incident-histogram", box);
    var most = Math.max.apply(null, bins.map(function (b) { return b.n; }).concat([1]));
    bins.forEach(function (b) {
      var bar = el("div", "", hist);
      bar.style.height = (b.n ? Math.max(2, Math.round(34 * b.n / most)) : 0) + "px";
      bar.title = b.label + ": " + b.n + (b.n === 1 ? " incident" : " incidents");
      bars.push(bar);
    });
    band = el("span", "incident-brush", hist);  // the selection's extent, over empty periods too
    from = el("input", "incident-time-from", box); to = el("input", "incident-time-to", box);
    [from, to].forEach(function (input) { input.type = "range"; input.min = 0; input.max = last; input.step = 1; });
    from.setAttribute("aria-label", "first period shown"); to.setAttribute("aria-label", "last period shown");
    text = el("div", "incident-time-text", box);
    var buttons = el("div", "incident-time-buttons", box);
    var back = el("button", "incident-time-back", buttons, "\\u2039");
    play = el("button", "incident-time-play", buttons);
    var next = el("button", "incident-time-next", buttons, "\\u203A");
    back.setAttribute("aria-label", "previous period"); next.setAttribute("aria-label", "next period");
    mode = el("select", "incident-time-mode", buttons);
    [["cumulative", "cumulative"], ["window", "sliding window"]].forEach(function (o) {
      var option = el("option", "", mode, o[1]); option.value = o[0];
    });
    mode.setAttribute("aria-label", "how playing moves the range");
    [back, play, next].forEach(function (b) { b.type = "button"; });
    if (undated) {
      var label = el("label", "incident-time-undated", box);
      undatedBox = el("input", "", label);
      undatedBox.type = "checkbox"; undatedBox.checked = true;
      label.appendChild(document.createTextNode(" Undated (" + undated + ")"));
      undatedBox.addEventListener("change", function () { var r = range(); select(r[0], r[1]); });
    }
    stop();
    from.addEventListener("input", function () {
      stop(); if (+from.value > 0) { mode.value = "window"; } var r = range(); select(r[0], r[1]);
    });
    to.addEventListener("input", function () { stop(); var r = range(); select(r[0], r[1]); });
    back.addEventListener("click", function () { stop(); step(-1); });
    next.addEventListener("click", function () { stop(); step(1); });
    play.addEventListener("click", function () { if (timer === null) { start(); } else { stop(); } });
    mode.addEventListener("change", function () {
      stop(); var r = range();
      if (mode.value === "cumulative") { select(0, r[1]); } else if (r[0] === 0 && r[1] === last) { select(0, 0); }
    });
    // A press outside the selection (or anywhere while it is the full span) brushes a new range;
    // on its first or last bar it resizes it from the other end; inside it, it drags the window along.
    var anchor = null, grab = null;
    function binAt(e) {
      var r = hist.getBoundingClientRect();
      return Math.floor(Math.max(0, Math.min(0.9999, (e.clientX - r.left) / r.width)) * bins.length);
    }
    function grip(k) {
      var r = range(), wide = r[1] - r[0] >= 2;
      if (k < r[0] || k > r[1] || (r[0] === 0 && r[1] === last)) { return "brush"; }
      if (wide && (k === r[0] || k === r[1])) { return "edge"; }
      return "move";
    }
    function brush(e) {
      var k = binAt(e), i = Math.min(anchor, k), j = Math.max(anchor, k);
      if (i > 0) { mode.value = "window"; }
      select(i, j);
    }
    function drag(e) {
      var width = grab.j - grab.i, i = Math.max(0, Math.min(grab.i + binAt(e) - grab.k, last - width));
      if (i > 0) { mode.value = "window"; }
      select(i, i + width);
    }
    hist.addEventListener("pointerdown", function (e) {
      stop();
      var k = binAt(e), how = grip(k), r = range();
      hist.setPointerCapture(e.pointerId); e.preventDefault();
      if (how === "move") { grab = {k: k, i: r[0], j: r[1]}; hist.style.cursor = "grabbing"; return; }
      anchor = how === "edge" ? (k === r[0] ? r[1] : r[0]) : k;
      brush(e);
    });
    hist.addEventListener("pointermove", function (e) {
      if (grab !== null) { drag(e); } else if (anchor !== null) { brush(e); }
      else { hist.style.cursor = {brush: "crosshair", edge: "ew-resize", move: "grab"}[grip(binAt(e))]; }
    });
    function release() { anchor = null; grab = null; hist.style.cursor = ""; }
    hist.addEventListener("pointerup", release);
    hist.addEventListener("pointercancel", release);
    L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  control.addTo(map);
  select(0, last);
})();
{% endmacro %}
""")

    def __init__(self, bins: list[dict], undated: int = 0, position: str = "bottomleft"):
        super().__init__()
        self._name = "TimeControl"
        self.bins = bins
        self.undated = undated
        self.position = position
        self.play_ms = PLAY_MS
