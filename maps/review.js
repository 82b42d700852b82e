/* The review page: decisions kept per report in the browser, saved as a corrections file. Text only via textContent. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var places = data.places, STORE = "incidents-review:";
  var units = {};
  data.units.forEach(function (u) { units[u[0]] = {name: u[1].split(", ")[0], kind: u[2], chain: u[1], lat: u[3], lon: u[4]}; });
  var kindLabel = {};
  data.kinds.forEach(function (k) { kindLabel[k.kind] = k.label; });
  var state = {}, cps = {}, selected = null, added = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function button(text, onclick, cls) {
    var b = el("button", cls, text);
    b.type = "button";
    b.addEventListener("mousedown", function (ev) { ev.preventDefault(); });  // keep the text selection
    b.addEventListener("click", function (ev) { ev.stopPropagation(); onclick(ev); });
    return b;
  }
  function place(id) { return id ? (places[id] || units[id] || null) : null; }
  function chain(id) { var p = place(id); return p ? p.chain : "(no place)"; }
  function mkey(m) { return m.start + "-" + m.end; }
  function ikey(c) { return c.start + "-" + c.end + "-" + c.place_start; }

  // ---- state: the browser's copy, seeded from a corrections file given to `incidents review --corrections`
  function fromFile(rec) {
    var s = {reviewed: !!rec.reviewed, places: {}, incidents: {}};
    rec.places.forEach(function (p) { s.places[mkey(p)] = p; });
    rec.incidents.forEach(function (c) { s.incidents[c.action === "add" ? "add:" + (added++) : ikey(c)] = c; });
    return s;
  }
  data.documents.forEach(function (d) {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(STORE + d.key) || "null"); } catch (e) { saved = null; }
    state[d.key] = saved || (data.corrections[d.key] ? fromFile(data.corrections[d.key])
                                                      : {reviewed: false, places: {}, incidents: {}});
    Object.keys(state[d.key].incidents).forEach(function (k) {
      if (k.indexOf("add:") === 0) added = Math.max(added, +k.slice(4) + 1);
    });
  });
  function keep(d) {
    try { localStorage.setItem(STORE + d.key, JSON.stringify(state[d.key])); } catch (e) { /* private mode: memory only */ }
    counts();
  }
  function codepoints(d) { return cps[d.key] || (cps[d.key] = Array.from(d.text)); }

  // ---- what the decisions make of the extractor's output
  function mentions(d) {
    var s = state[d.key], out = d.mentions.slice(), have = {};
    out.forEach(function (m) { have[mkey(m)] = true; });
    Object.keys(s.places).forEach(function (k) {
      var c = s.places[k];
      if (!have[k] && (c.action === "add" || c.action === "place")) {
        out.push({start: c.start, end: c.end, text: c.text, place: null, candidates: [], added: true,
                  reason: "marked as a place by the analyst"});
      }
    });
    return out.sort(function (a, b) { return a.start - b.start; });
  }
  function mentionPlace(d, m) {
    var c = state[d.key].places[mkey(m)];
    if (!c) return m.place;
    if (c.action === "not_place") return null;
    return (c.action === "place" || c.action === "add") && c.place_id ? c.place_id : m.place;
  }
  function mentionStatus(d, m) {
    var c = state[d.key].places[mkey(m)];
    if (!c) return "";
    return {accept: "accepted", place: "changed", not_place: "not-place", add: "added"}[c.action];
  }
  function cards(d) {
    var s = state[d.key], out = d.incidents.map(function (inc) { return {inc: inc, key: ikey(inc)}; });
    Object.keys(s.incidents).forEach(function (k) {
      if (k.indexOf("add:") === 0) out.push({inc: null, key: k});
    });
    out.forEach(function (c) { c.start = c.inc ? c.inc.start : s.incidents[c.key].start; });
    return out.sort(function (a, b) { return a.start - b.start; });
  }
  function mergedInto(d, key) {
    var s = state[d.key];
    return Object.keys(s.incidents).filter(function (k) {
      var c = s.incidents[k];
      return c.action === "merge" && c["with"].some(function (w) { return ikey(w) === key; });
    })[0];
  }
  function view(d, card) {
    var c = state[d.key].incidents[card.key], inc = card.inc, v;
    if (inc) {
      v = {kind: inc.kind, date: inc.date_label, place: inc.place, killed: inc.killed, injured: inc.injured,
           actor1: inc.actor1, actor2: inc.actor2, evidence: inc.evidence, start: inc.start, end: inc.end};
      var m = d.mentions.filter(function (x) { return x.start === inc.place_start; })[0];
      if (m) v.place = mentionPlace(d, m);
    } else {
      var text = codepoints(d).slice(c.start, c.end).join("");
      v = {kind: "attack", date: null, place: null, killed: null, injured: null, actor1: null, actor2: null,
           evidence: text.replace(/\s+/g, " ").trim(), start: c.start, end: c.end};
    }
    applySet(v, c && c.set ? c.set : {});
    v.status = !c ? "" : c.action === "add" ? "added" : c.action === "edit" ? "edited" : c.action === "accept" ?
      "accepted" : c.action === "reject" ? "rejected" : c.action === "merge" ? "merged" : c.action;
    if (mergedInto(d, card.key)) v.status = "merged-away";
    return v;
  }

  function applySet(v, set) {
    if ("type" in set) v.kind = set.type;
    if ("date" in set) v.date = set.date;
    if ("place_id" in set) v.place = set.place_id;
    ["killed", "injured", "actor1", "actor2"].forEach(function (f) { if (f in set) v[f] = set[f]; });
    return v;
  }

  // ---- the page
  var main = document.getElementById("reports"), detail = document.getElementById("detail");
  var list = el("datalist");
  list.id = "units-list";
  Object.keys(units).forEach(function (id) { var o = el("option"); o.value = units[id].chain + " [" + id + "]"; list.appendChild(o); });
  document.body.appendChild(list);

  function renderAll() {
    main.textContent = "";
    data.documents.forEach(function (d, n) { main.appendChild(renderReport(d, n)); });
    counts();
  }
  function renderReport(d, n) {
    var sec = el("section", "report");
    sec.dataset.key = d.key;
    sec.dataset.n = n;
    var head = el("header");
    head.appendChild(el("h2", null, d.title || d.doc_id));
    head.appendChild(el("span", "meta", [d.path, d.date, d.language].filter(Boolean).join(" · ")));
    var tools = el("span", "tools");
    tools.appendChild(button("Add place from selection", function () { addMention(d); }, "add-mention"));
    tools.appendChild(button("Add incident from selection", function () { addIncident(d); }, "add-incident"));
    var label = el("label", "reviewed"), box = el("input");
    box.type = "checkbox";
    box.checked = state[d.key].reviewed;
    box.addEventListener("change", function () { state[d.key].reviewed = box.checked; keep(d); });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" Reviewed"));
    tools.appendChild(label);
    head.appendChild(tools);
    sec.appendChild(head);
    var body = el("div", "report-body"), text = el("div", "text"), list = el("div", "cards");
    body.appendChild(text);
    body.appendChild(list);
    sec.appendChild(body);
    renderText(d, text);
    renderCards(d, list);
    return sec;
  }
  function rerender(d) {
    var old = main.querySelector('section[data-key="' + d.key + '"]');
    old.replaceWith(renderReport(d, +old.dataset.n));
    counts();
  }
  function renderText(d, box) {
    var cp = codepoints(d), pos = 0;
    function seg(tag, a, b) { var e = el(tag, null, cp.slice(a, b).join("")); e.dataset.start = a; return e; }
    mentions(d).forEach(function (m) {
      if (m.start < pos) return;
      if (m.start > pos) box.appendChild(seg("span", pos, m.start));
      var mk = seg("mark", m.start, m.end);
      mk.className = mentionStatus(d, m) + (selected && selected.d === d && selected.m === mkey(m) ? " selected" : "");
      mk.dataset.m = mkey(m);
      mk.addEventListener("click", function () { selectMention(d, m); });
      box.appendChild(mk);
      pos = m.end;
    });
    if (pos < cp.length) box.appendChild(seg("span", pos, cp.length));
  }
  function renderCards(d, box) {
    var all = cards(d);
    if (!all.length) box.appendChild(el("p", "hint", "No incident found. Select a sentence to add one."));
    all.forEach(function (card, i) { box.appendChild(renderCard(d, card, i, all)); });
  }
  function renderCard(d, card, i, all) {
    var v = view(d, card), c = state[d.key].incidents[card.key];
    var art = el("article", "card " + v.status + (selected && selected.d === d && selected.i === card.key ? " selected" : ""));
    art.dataset.i = card.key;
    var head = el("div", "card-head");
    head.appendChild(el("span", "num", "#" + (i + 1)));
    head.appendChild(el("span", "type", kindLabel[v.kind] || v.kind));
    head.appendChild(el("span", "date", v.date || "undated"));
    var into = mergedInto(d, card.key);
    head.appendChild(el("span", "status", into ? "merged into #" + (all.map(function (x) { return x.key; }).indexOf(into) + 1) : v.status));
    art.appendChild(head);
    var split = c && c.action === "split";
    if (!split) art.appendChild(fields(v));
    art.appendChild(el("blockquote", null, v.evidence));
    if (split) {
      c.into.forEach(function (set, k) {
        var part = el("div", "part"), pv = applySet(Object.assign({}, v), set);
        pv.set = set;
        part.appendChild(el("div", "part-head", "Part " + (k + 1) + ": " + (kindLabel[pv.kind] || pv.kind) + ", " + (pv.date || "undated")));
        part.appendChild(fields(pv));
        part.appendChild(button("Edit part", function () {
          part.appendChild(editForm(d, card, pv, function (changed) {
            c.into[k] = changed;
            decide(d, card, c);
          }));
        }, "edit-part"));
        art.appendChild(part);
      });
    }
    var act = el("div", "actions");
    if (into) {
      act.appendChild(button("Undo", function () { undo(d, card); }, "undo"));
      art.appendChild(act);
      art.addEventListener("click", function () { selectCard(d, card); });
      return art;
    }
    if (card.inc) {
      act.appendChild(button("Accept", function () { decide(d, card, {action: "accept"}); }, "accept"));
      act.appendChild(button("Reject", function () { decide(d, card, {action: "reject"}); }, "reject"));
    }
    if (!split) act.appendChild(button("Edit", function () { art.appendChild(editForm(d, card, v)); }, "edit"));
    if (card.inc) {
      act.appendChild(button(split ? "Add a part" : "Split", function () {
        decide(d, card, {action: "split", into: (split ? c.into : [{}]).concat([{}])});
      }, "split"));
    }
    var others = all.filter(function (x) { return x.key !== card.key && x.inc; });
    if (card.inc && others.length) {
      var pick = el("select", "merge-with");
      pick.appendChild(el("option", null, "Merge with…"));
      others.forEach(function (x) {
        var o = el("option", null, "#" + (all.indexOf(x) + 1) + " " + (kindLabel[view(d, x).kind] || ""));
        o.value = x.key;
        pick.appendChild(o);
      });
      pick.addEventListener("click", function (ev) { ev.stopPropagation(); });
      pick.addEventListener("change", function () { if (pick.value) merge(d, card, all.filter(function (x) { return x.key === pick.value; })[0]); });
      act.appendChild(pick);
    }
    if (c) act.appendChild(button("Undo", function () { undo(d, card); }, "undo"));
    art.appendChild(act);
    art.addEventListener("click", function () { selectCard(d, card); });
    return art;
  }
  function fields(v) {
    var dl = el("dl", "fields");
    [["Place", chain(v.place)], ["Killed", v.killed], ["Injured", v.injured],
     ["Actors", [v.actor1, v.actor2].filter(Boolean).join(" vs ")]].forEach(function (f) {
      dl.appendChild(el("dt", null, f[0]));
      dl.appendChild(el("dd", null, f[1] === null || f[1] === undefined || f[1] === "" ? "—" : f[1]));
    });
    return dl;
  }
  function editForm(d, card, v, save) {
    var form = el("form", "edit-form"), inputs = {};
    function row(label, input) { form.appendChild(el("label", null, label)); form.appendChild(input); return input; }
    inputs.date = row("Date", el("input"));
    inputs.date.placeholder = "YYYY-MM-DD, YYYY-MM or YYYY";
    inputs.date.value = /^\d{4}(-\d\d){0,2}$/.test(v.date || "") ? v.date : (card.inc && card.inc.date) || "";
    inputs.type = row("Type", el("select"));
    data.kinds.forEach(function (k) { var o = el("option", null, k.label); o.value = k.kind; inputs.type.appendChild(o); });
    inputs.type.value = v.kind;
    inputs.killed = row("Killed", el("input"));
    inputs.injured = row("Injured", el("input"));
    ["killed", "injured"].forEach(function (f) { inputs[f].type = "number"; inputs[f].min = 0; inputs[f].value = v[f] === null ? "" : v[f]; });
    inputs.place = row("Place", el("select"));
    var seen = {};
    function option(id) {
      if (!id || seen[id]) return;
      seen[id] = true;
      var o = el("option", null, chain(id));
      o.value = id;
      inputs.place.appendChild(o);
    }
    var none = el("option", null, "(no place)");
    none.value = "";
    inputs.place.appendChild(none);
    option(v.place);
    mentions(d).forEach(function (m) { option(mentionPlace(d, m)); });
    d.mentions.forEach(function (m) { m.candidates.forEach(function (c) { option(c.id); }); });
    inputs.place.value = v.place || "";
    inputs.unit = row("or unit", el("input"));
    inputs.unit.setAttribute("list", "units-list");
    inputs.unit.placeholder = "search a department, province, district";
    inputs.actor1 = row("Actor 1", el("input"));
    inputs.actor2 = row("Actor 2", el("input"));
    inputs.actor1.value = v.actor1 || "";
    inputs.actor2.value = v.actor2 || "";
    var bar = el("div", "actions");
    function values() {
      return {type: inputs.type.value, date: inputs.date.value.trim() || null,
              killed: inputs.killed.value === "" ? null : Math.max(0, Math.round(+inputs.killed.value)),
              injured: inputs.injured.value === "" ? null : Math.max(0, Math.round(+inputs.injured.value)),
              place_id: unitId(inputs.unit.value) || inputs.place.value || null,
              actor1: inputs.actor1.value.trim() || null, actor2: inputs.actor2.value.trim() || null};
    }
    var before = values(), c = state[d.key].incidents[card.key];
    var prior = (save ? v.set : c && c.set) || {};
    bar.appendChild(button("Save", function () {
      var now = values(), set = {};
      if (now.date && !/^\d{4}(-\d\d(-\d\d)?)?$/.test(now.date)) {
        inputs.date.setCustomValidity("YYYY-MM-DD, YYYY-MM or YYYY");
        inputs.date.reportValidity();
        return;
      }
      // only what the analyst changed (an untouched date of a month stays the month)
      Object.keys(now).forEach(function (f) { if (now[f] !== before[f] || f in prior || (!card.inc && f === "type")) set[f] = now[f]; });
      if (save) save(set);
      else decide(d, card, c && (c.action === "add" || c.action === "merge") ? Object.assign({}, c, {set: set}) : {action: "edit", set: set});
    }, "save-edit"));
    bar.appendChild(button("Cancel", function () { form.remove(); }, "cancel"));
    form.appendChild(bar);
    form.addEventListener("click", function (ev) { ev.stopPropagation(); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    return form;
  }
  function unitId(value) { var m = /\[([^\]]+)\]$/.exec(value || ""); return m && units[m[1]] ? m[1] : null; }

  // ---- decisions
  function decide(d, card, c) {
    var inc = card.inc, old = state[d.key].incidents[card.key];
    var key = inc ? {start: inc.start, end: inc.end, place_start: inc.place_start} : {start: old.start, end: old.end, place_start: null};
    state[d.key].incidents[card.key] = Object.assign(key, c);
    unselect();
    selected = {d: d, i: card.key};
    keep(d);
    rerender(d);
    showCard(d, card);
  }
  function merge(d, card, other) {
    var s = state[d.key], c = s.incidents[card.key] || {};
    var withs = (c.action === "merge" ? c["with"] : []).concat([{start: other.inc.start, end: other.inc.end, place_start: other.inc.place_start}]);
    decide(d, card, {action: "merge", "with": withs, set: c.set || {}});
  }
  function undo(d, card) {
    var s = state[d.key], into = mergedInto(d, card.key);
    if (into) {
      var m = s.incidents[into];
      m["with"] = m["with"].filter(function (w) { return ikey(w) !== card.key; });
      if (!m["with"].length) delete s.incidents[into];
    } else {
      delete s.incidents[card.key];
    }
    keep(d);
    rerender(d);
  }
  function decideMention(d, m, c) {
    var s = state[d.key];
    if (c === null) delete s.places[mkey(m)];
    else s.places[mkey(m)] = Object.assign({start: m.start, end: m.end, text: m.text}, c);
    keep(d);
    rerender(d);
    var still = mentions(d).filter(function (x) { return mkey(x) === mkey(m); })[0];
    if (still) selectMention(d, still); else detail.textContent = "";
  }
  function selection(d) {
    var sel = window.getSelection(), box = main.querySelector('section[data-key="' + d.key + '"] .text');
    if (!sel.rangeCount || sel.isCollapsed || !box.contains(sel.anchorNode) || !box.contains(sel.focusNode)) {
      note("Select some text of this report first.");
      return null;
    }
    var r = sel.getRangeAt(0), a = offset(box, r.startContainer, r.startOffset), b = offset(box, r.endContainer, r.endOffset);
    var cp = codepoints(d);
    while (a < b && /\s/.test(cp[a])) a++;
    while (b > a && /\s/.test(cp[b - 1])) b--;
    return a < b ? {start: a, end: b, text: cp.slice(a, b).join("")} : null;
  }
  function offset(box, node, off) {
    if (node === box) {
      var child = box.childNodes[off];
      return child ? +child.dataset.start : codepoints(data.documents.filter(function (d) { return d.key === box.parentNode.parentNode.dataset.key; })[0]).length;
    }
    var seg = node.nodeType === 3 ? node.parentNode : node, base = +seg.dataset.start;
    if (node.nodeType !== 3) return base + (off ? Array.from(seg.textContent).length : 0);
    return base + Array.from(node.data.slice(0, off)).length;
  }
  function addMention(d) {
    var span = selection(d);
    if (!span) return;
    var clash = mentions(d).filter(function (m) { return m.start < span.end && span.start < m.end; })[0];
    if (clash) { note("The selection overlaps the place “" + clash.text + "”: mark that one not a place first."); return; }
    var m = {start: span.start, end: span.end, text: span.text, place: null, candidates: [], added: true};
    window.getSelection().removeAllRanges();
    decideMention(d, m, {action: "add", place_id: null});
  }
  function addIncident(d) {
    var span = selection(d);
    if (!span) return;
    var inside = mentions(d).filter(function (m) { return span.start <= m.start && m.end <= span.end && mentionPlace(d, m); })[0];
    var key = "add:" + (added++);
    state[d.key].incidents[key] = {start: span.start, end: span.end, place_start: null, action: "add",
                                   set: {type: "attack", date: null, killed: null, injured: null,
                                         place_id: inside ? mentionPlace(d, inside) : null}};
    window.getSelection().removeAllRanges();
    selected = {d: d, i: key};
    keep(d);
    rerender(d);
    var card = cards(d).filter(function (c) { return c.key === key; })[0];
    var art = main.querySelector('section[data-key="' + d.key + '"] article[data-i="' + key + '"]');
    art.appendChild(editForm(d, card, view(d, card)));
    showCard(d, card);
  }

  // ---- the selected mention or card, and the map
  function note(text) { detail.textContent = ""; detail.appendChild(el("p", "hint", text)); }
  function unselect() {
    main.querySelectorAll("mark.selected, .card.selected").forEach(function (e) { e.classList.remove("selected"); });
  }
  function selectMention(d, m) {
    selected = {d: d, m: mkey(m)};
    unselect();
    var mk = main.querySelector('section[data-key="' + d.key + '"] mark[data-m="' + mkey(m) + '"]');
    if (mk) mk.classList.add("selected");
    var now = mentionPlace(d, m), status = mentionStatus(d, m);
    detail.textContent = "";
    detail.appendChild(el("h3", null, m.text));
    detail.appendChild(el("p", "now", status === "not-place" ? "Not a place" : chain(now) + (place(now) ? " (" + place(now).kind + ")" : "")));
    if (m.reason) detail.appendChild(el("p", "reason", m.reason));
    var act = el("div", "actions");
    if (!m.added) act.appendChild(button("Accept", function () { decideMention(d, m, {action: "accept"}); }, "accept-place"));
    act.appendChild(button("Not a place", function () { decideMention(d, m, {action: "not_place"}); }, "not-place"));
    if (status) act.appendChild(button("Undo", function () { decideMention(d, m, null); }, "undo-place"));
    detail.appendChild(act);
    var action = m.added ? "add" : "place";
    if (m.candidates.length) {
      detail.appendChild(el("h4", null, "Other candidates"));
      var ul = el("ul", "candidates");
      m.candidates.forEach(function (c) {
        var li = el("li"), p = place(c.id);
        li.appendChild(el("span", null, p.chain + " · " + p.kind + (c.km === null ? "" : " · " + c.km + " km away")));
        li.appendChild(button("Use", function () { decideMention(d, m, {action: action, place_id: c.id}); }, "use-candidate"));
        ul.appendChild(li);
      });
      detail.appendChild(ul);
    }
    detail.appendChild(el("h4", null, m.added ? "Its place (empty: the resolver chooses on the next run)" : "Another unit"));
    var search = el("input", "unit-search");
    search.setAttribute("list", "units-list");
    search.placeholder = "search a department, province, district";
    detail.appendChild(search);
    detail.appendChild(button("Use", function () {
      var id = unitId(search.value);
      if (id) decideMention(d, m, {action: action, place_id: id});
    }, "use-unit"));
    show(now, m.text);
  }
  function selectCard(d, card) {
    selected = {d: d, i: card.key};
    unselect();
    var art = main.querySelector('section[data-key="' + d.key + '"] article[data-i="' + card.key + '"]');
    if (art) art.classList.add("selected");
    showCard(d, card);
  }
  function showCard(d, card) {
    var v = view(d, card);
    detail.textContent = "";
    detail.appendChild(el("h3", null, (kindLabel[v.kind] || v.kind) + ", " + (v.date || "undated")));
    detail.appendChild(el("p", "now", chain(v.place)));
    detail.appendChild(el("p", "reason", v.evidence));
    highlight(d, v.start, v.end);
    show(v.place, kindLabel[v.kind] || v.kind);
  }
  function highlight(d, a, b) {
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    var box = main.querySelector('section[data-key="' + d.key + '"] .text'), r = document.createRange();
    function point(pos, end) {
      var segs = box.children;
      for (var i = 0; i < segs.length; i++) {
        var s = +segs[i].dataset.start, t = Array.from(segs[i].textContent);
        if (pos < s + t.length || (end && pos === s + t.length)) return [segs[i].firstChild, t.slice(0, pos - s).join("").length];
      }
      return null;
    }
    var from = point(a, false), to = point(b, true);
    if (!from || !to) return;
    r.setStart(from[0], from[1]);
    r.setEnd(to[0], to[1]);
    CSS.highlights.set("evidence", new Highlight(r));
  }

  var map = L.map("map", {attributionControl: false, zoomSnap: 0.5, fadeAnimation: false}).setView([-9.3, -75.0], 4.5), marker = null;
  L.geoJSON(data.departments, {style: function () { return {color: "#8c8577", weight: 1, fillColor: "#f3efe4", fillOpacity: 1}; },
                               interactive: false}).addTo(map);
  function show(id, label) {
    if (marker) { marker.remove(); marker = null; }
    var p = place(id);
    if (!p || p.lat === null || p.lat === undefined) return;
    marker = L.circleMarker([p.lat, p.lon], {radius: 8, color: "#d9480f", weight: 2, fillOpacity: 0.6}).addTo(map);
    marker.bindTooltip(el("span", null, label + " — " + p.chain), {permanent: true, direction: "top"});
    map.setView([p.lat, p.lon], Math.max(map.getZoom(), 6), {animate: false});
  }

  // ---- counts and the corrections file
  function corrections() {
    var docs = [];
    data.documents.forEach(function (d) {
      var s = state[d.key], ps = Object.keys(s.places).map(function (k) { return s.places[k]; });
      var cs = Object.keys(s.incidents).map(function (k) { return s.incidents[k]; });
      if (s.reviewed || ps.length || cs.length) {
        docs.push({text_sha256: d.key, doc_id: d.doc_id, path: d.path, reviewed: s.reviewed, places: ps, incidents: cs});
      }
    });
    return {format: data.format, version: data.version, saved: new Date().toISOString(), documents: docs};
  }
  function counts() {
    var c = corrections(), n = 0;
    c.documents.forEach(function (d) { n += d.places.length + d.incidents.length; });
    document.getElementById("counts").textContent = n + (n === 1 ? " decision in " : " decisions in ") + c.documents.length + " of " +
      data.documents.length + " reports";
  }
  document.getElementById("save").addEventListener("click", function () {
    var blob = new Blob([JSON.stringify(corrections(), null, 1)], {type: "application/json"});
    var a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = "corrections.json";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  });
  window.incidentReview = {state: state, corrections: corrections, data: data};
  renderAll();
})();
