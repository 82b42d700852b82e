"""The map as a person sees it, in headless Chromium with the network blocked."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import geo
import maps
from maps.timecontrol import PLAY_MS

ROOT = Path(__file__).parents[1]
HOSTILE = ("Ayacucho, 4 May 2010\n\nGunmen attacked a police post in Huanta on May 3, killing two officers "
           "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> and wounding one.\n")


@pytest.fixture(scope="module")
def incidents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    (folder / "hostile <b>report<script>.txt").write_text(HOSTILE, encoding="utf-8")
    return geo.extract([ROOT / "examples" / "reports", folder])


@pytest.fixture(scope="module")
def page_of(chromium, tmp_path_factory):
    """Open a map offline; return the page, the requests it tried and its errors."""
    pages = []

    def open_map(m, name="map.html", wait=True, size=(1200, 800)):
        path = tmp_path_factory.mktemp("maps") / name
        maps.to_html(m, path)
        page = chromium.new_page(viewport={"width": size[0], "height": size[1]})
        seen = {"requests": [], "errors": []}
        page.on("console", lambda msg: msg.type == "error" and seen["errors"].append(msg.text))
        page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))

        def route(r):
            seen["requests"].append(r.request.url)
            if r.request.url.startswith(("http://", "https://")):
                r.abort()
            else:
                r.continue_()

        page.route("**/*", route)
        page.goto(path.as_uri())
        if wait:
            page.wait_for_function("window.incidentMaps && Object.keys(window.incidentMaps).length > 0")
            page.wait_for_timeout(800)  # let the opening zoom animation finish
        pages.append(page)
        return page, seen

    yield open_map
    for p in pages:
        p.close()


def api(page, expr):
    return page.evaluate(f"(() => {{ const m = Object.values(window.incidentMaps)[0]; return {expr}; }})()")


def test_offline_map_draws_every_incident_and_fetches_nothing(incidents, page_of):
    page, seen = page_of(maps.incident_map(incidents))
    assert api(page, "m.count()") == len(incidents)
    remote = [u for u in seen["requests"] if u.startswith(("http://", "https://"))]
    assert remote == []
    assert seen["errors"] == []


def test_layer_control_lists_the_periods(incidents, page_of):
    page, _ = page_of(maps.incident_map(incidents, period="year"))
    labels = page.eval_on_selector_all(".leaflet-control-layers-overlays label span",
                                       "els => els.map(e => e.textContent.trim())")
    years = sorted({d.year for d in incidents.event_date.dropna()})
    for year in years:
        assert any(label.startswith(str(year)) for label in labels), (year, labels)
    assert any(label.startswith("Departments") for label in labels) or labels


def _periods(page, i, j):
    page.evaluate("""([i, j]) => { for (const [cls, v] of [['.incident-time-to', j], ['.incident-time-from', i]]) {
        const el = document.querySelector(cls); el.value = v; el.dispatchEvent(new Event('input')); } }""", [i, j])


def _layer_labels(page):
    return page.eval_on_selector_all(".leaflet-control-layers-overlays label", "els => els.map(e => e.textContent.trim())")


def test_time_control_filters_incidents(incidents, page_of):
    page, seen = page_of(maps.incident_map(incidents))
    total = api(page, "m.count()")
    page.eval_on_selector(".incident-time-from", "el => { el.value = el.max; el.dispatchEvent(new Event('input')); }")
    after = api(page, "m.count()")
    last_year = incidents.event_date.max().year
    assert after == sum(incidents.event_date.dt.year == last_year)  # the last period only; the undated go
    assert page.inner_text(".incident-time-text") == str(last_year)  # at the period's precision
    page.eval_on_selector(".incident-time-from", "el => { el.value = el.min; el.dispatchEvent(new Event('input')); }")
    assert api(page, "m.count()") == total
    assert seen["errors"] == []


def test_brushing_the_histogram_selects_periods_and_everything_follows(incidents, page_of, screenshots):
    page, seen = page_of(maps.incident_map(incidents), size=(1400, 900))
    located = incidents[incidents.latitude.notna()]
    undated = int((located.event_date.isna() & located.date_start.isna()).sum())
    assert undated and page.inner_text(".incident-time-undated").strip() == f"Undated ({undated})"
    assert not any(label.startswith("Undated") for label in _layer_labels(page))  # its toggle is the date control's
    bars = page.locator(".incident-histogram div")
    years = sorted({d.year for d in located.date_start.dropna()})
    assert bars.count() == years[-1] - years[0] + 1  # one bar a year, empty years too: a time axis
    first, last = bars.nth(2007 - years[0]).bounding_box(), bars.nth(2009 - years[0]).bounding_box()
    page.mouse.move(first["x"] + 1, first["y"] + first["height"] - 1)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] - 1, last["y"] + last["height"] - 1, steps=4)
    page.mouse.up()
    assert page.inner_text(".incident-time-text") == "2007 – 2009"
    inside = int(located.date_start.dt.year.between(2007, 2009).sum())
    assert api(page, "m.count()") == inside and not page.is_checked(".incident-time-undated input")
    assert page.inner_text(".legend-shown") == f"showing {inside} of {len(located)}"
    labels = _layer_labels(page)
    assert "May 1985 (0 of 1)" in labels and "Oct 2007 (1)" in labels, labels
    page.screenshot(path=str(screenshots / "brushed-2007-2009.png"))
    page.check(".incident-time-undated input")  # the analyst may still ask for the undated ones
    assert api(page, "m.count()") == inside + undated
    page.uncheck(".incident-time-undated input")
    _periods(page, 0, bars.count() - 1)  # the full span again: the undated come back with it
    assert page.is_checked(".incident-time-undated input") and api(page, "m.count()") == len(located)
    page.uncheck(".incident-time-undated input")
    assert api(page, "m.count()") == len(located) - undated
    assert seen["errors"] == [] and [u for u in seen["requests"] if u.startswith("http")] == []


def test_dragging_inside_the_range_moves_it_and_dragging_an_end_resizes_it(incidents, page_of, screenshots):
    page, seen = page_of(maps.incident_map(incidents), size=(1400, 900))
    located = incidents[incidents.latitude.notna()]
    first = int(located.date_start.dt.year.min())
    hist = page.locator(".incident-histogram").bounding_box()
    n = page.locator(".incident-histogram div").count()

    def at(year):  # the middle of a year's bar (empty years' bars have no height: place by the axis)
        return hist["x"] + (year - first + 0.5) * hist["width"] / n, hist["y"] + hist["height"] / 2

    def drag(start, end):
        page.mouse.move(*at(start))
        page.mouse.down()
        page.mouse.move(*at(end), steps=5)
        page.mouse.up()

    def shown(a, b):
        return int(located.date_start.dt.year.between(a, b).sum())

    _periods(page, 2007 - first, 2009 - first)
    page.mouse.move(*at(2008))
    assert page.eval_on_selector(".incident-histogram", "e => e.style.cursor") == "grab"
    page.mouse.move(*at(2009))
    assert page.eval_on_selector(".incident-histogram", "e => e.style.cursor") == "ew-resize"
    drag(2008, 2010)  # the window moves two years, keeping its width
    assert page.inner_text(".incident-time-text") == "2009 – 2011" and api(page, "m.count()") == shown(2009, 2011)
    assert page.input_value(".incident-time-mode") == "window"
    page.screenshot(path=str(screenshots / "dragged-2009-2011.png"))
    drag(2010, 2015)  # past the end: it stops there
    assert page.inner_text(".incident-time-text") == "2010 – 2012" and api(page, "m.count()") == shown(2010, 2012)
    drag(2010, 2004)  # its first bar: the start moves, the end stays
    assert page.inner_text(".incident-time-text") == "2004 – 2012" and api(page, "m.count()") == shown(2004, 2012)
    drag(2012, 2008)  # its last bar
    assert page.inner_text(".incident-time-text") == "2004 – 2008" and api(page, "m.count()") == shown(2004, 2008)
    drag(1990, 1986)  # outside it: a new range
    assert page.inner_text(".incident-time-text") == "1986 – 1990" and api(page, "m.count()") == 0
    assert seen["errors"] == []


def test_play_advances_the_window_and_steps_move_it(incidents, page_of, screenshots):
    page, seen = page_of(maps.incident_map(incidents))
    page.select_option(".incident-time-mode", "window")  # a window of one period, from the first
    assert page.inner_text(".incident-time-text") == "1985" and api(page, "m.count()") == 1
    page.click(".incident-time-next")
    assert page.inner_text(".incident-time-text") == "1986" and api(page, "m.count()") == 0
    page.click(".incident-time-play")
    page.wait_for_timeout(int(PLAY_MS * 3.5))
    page.screenshot(path=str(screenshots / "playing.png"))
    page.click(".incident-time-play")  # pause
    moved = int(page.input_value(".incident-time-from"))
    assert moved >= 3 and int(page.input_value(".incident-time-to")) == moved  # the window kept its width
    page.wait_for_timeout(int(PLAY_MS * 1.5))
    assert int(page.input_value(".incident-time-from")) == moved  # paused
    page.select_option(".incident-time-mode", "cumulative")  # everything up to the end date
    assert page.input_value(".incident-time-from") == "0"
    shown = api(page, "m.count()")
    assert shown == int((incidents.latitude.notna() & (incidents.date_start.dt.year <= 1985 + moved)).sum())
    page.click(".incident-time-back")
    assert int(page.input_value(".incident-time-to")) == moved - 1
    assert seen["errors"] == []


def test_filters_and_search_keep_what_they_say_and_the_csv_is_what_is_shown(incidents, page_of, screenshots):
    import csv
    import io

    page, seen = page_of(maps.incident_map(incidents), size=(1400, 900))
    located = incidents[incidents.latitude.notna()]
    page.select_option(".incident-filter-type", "Violence against civilians")
    kept = located[located.event_type == "Violence against civilians"]
    assert api(page, "m.count()") == len(kept) and page.inner_text(".legend-shown") == f"showing {len(kept)} of {len(located)}"
    page.select_option(".incident-filter-department", "Cusco")
    assert api(page, "m.count()") == int((kept.admin1 == "Cusco").sum()) > 0
    page.select_option(".incident-filter-type", "")
    page.select_option(".incident-filter-department", "")
    page.fill(".incident-search", "HUANTA")  # case and accents ignored; the admin chain counts
    huanta = located[located[["location", "admin3", "admin2"]].apply(
        lambda r: any("huanta" in str(v).lower() for v in r), axis=1)]
    assert api(page, "m.count()") == len(huanta) > 0
    page.fill(".incident-search", "apurimac")
    assert api(page, "m.count()") == int((located.admin1 == "Apurímac").sum()) > 0
    labels = _layer_labels(page)
    assert "Oct 2007 (1)" in labels and "Nov 2007 (0 of 1)" in labels, labels  # the period counts follow
    page.fill(".incident-search", "")
    page.screenshot(path=str(screenshots / "filters.png"))
    _periods(page, 2007 - 1985, 2012 - 1985)  # one bar a year from 1985; "hu": Huanta, Huancavelica...
    page.fill(".incident-search", "hu")
    shown = api(page, "m.shown().map(d => d.id)")
    assert page.inner_text(".incident-csv") == f"Download shown ({len(shown)}) as CSV"
    with page.expect_download() as download:
        page.click(".incident-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["incident_id"] for r in rows) == sorted(shown) and rows
    hostile = located[located.evidence.str.contains("<script>", regex=False)].iloc[0]
    assert hostile.incident_id in shown  # the hostile report's Huanta, May 2010: its text is data in the CSV
    row = next(r for r in rows if r["incident_id"] == hostile.incident_id)
    assert "<script>window.pwned = 1</script>" in row["evidence"] and page.evaluate("window.pwned") is None
    assert all(r["date"] for r in rows) and {r["event_type"] for r in rows} <= set(located.event_type)
    assert seen["errors"] == [] and [u for u in seen["requests"] if u.startswith("http")] == []


def _period_counts(page):
    """Shown incidents by the month labels of the layer control ("Oct 2007 (1)", "Nov 2007 (0 of 1)")."""
    found = (re.fullmatch(r"([A-Z][a-z]{2} \d{4}) \((\d+)(?: of \d+)?\)", label) for label in _layer_labels(page))
    return {m[1]: int(m[2]) for m in found if m}


def test_actor_and_death_toll_filters_keep_what_they_say_and_the_csv_follows(incidents, page_of, screenshots):
    page, seen = page_of(maps.incident_map(incidents), size=(1400, 900))
    located = incidents[incidents.latitude.notna()]
    dated = located.date_start.notna()
    actors = set(located.actor1.dropna()) | set(located.actor2.dropna())
    police = located[(located.actor1 == "Police Forces of Peru") | (located.actor2 == "Police Forces of Peru")]
    options = page.eval_on_selector_all(".incident-filter-actor option", "els => els.map(e => e.textContent)")
    assert options[0] == "every actor" and len(options) == len(actors) + 1
    assert f"Police Forces of Peru ({len(police)})" in options and len(police) >= 2  # either side counts
    page.select_option(".incident-filter-actor", "Police Forces of Peru")
    assert api(page, "m.count()") == len(police)
    assert page.inner_text(".legend-shown") == f"showing {len(police)} of {len(located)}"
    killed = located.fatalities.fillna(0)
    tolls = page.eval_on_selector_all(".incident-filter-killed option", "els => els.map(e => e.textContent)")
    assert tolls == ["any number killed", f"no deaths reported ({int((killed == 0).sum())})",
                     f"1 or more killed ({int((killed >= 1).sum())})"]  # none had 5 or more: no such choice
    page.select_option(".incident-filter-killed", "none")  # with the actor: the police incidents without deaths
    assert api(page, "m.count()") == int((police.fatalities.fillna(0) == 0).sum())
    page.select_option(".incident-filter-actor", "")
    assert api(page, "m.count()") == int((killed == 0).sum())
    months = _period_counts(page)
    assert sum(months.values()) == int(((killed == 0) & dated).sum())  # the layer control's counts follow
    page.select_option(".incident-filter-killed", "1")
    shown = api(page, "m.shown().map(d => d.id)")
    assert sorted(shown) == sorted(located[killed >= 1].incident_id) and shown
    assert sum(_period_counts(page).values()) == int(((killed >= 1) & dated).sum())
    assert page.inner_text(".incident-csv") == f"Download shown ({len(shown)}) as CSV"
    page.screenshot(path=str(screenshots / "filters-actor-killed.png"))
    with page.expect_download() as download:
        page.click(".incident-csv")
    rows = list(csv_rows(Path(download.value.path())))
    assert sorted(r["incident_id"] for r in rows) == sorted(shown) and all(int(r["fatalities"]) >= 1 for r in rows)
    page.select_option(".incident-filter-killed", "")
    assert api(page, "m.count()") == len(located)
    assert seen["errors"] == [] and [u for u in seen["requests"] if u.startswith("http")] == []


def test_the_csv_defuses_formulas_and_quotes(incidents, page_of):
    table = incidents[incidents.latitude.notna()].iloc[:1].copy()
    table["location"] = '=HYPERLINK("http://x","click")'
    table["actor1"] = 'He said "stop", then left'
    page, seen = page_of(maps.incident_map(table))
    with page.expect_download() as download:
        page.click(".incident-csv")
    row = next(csv_rows(Path(download.value.path())))
    assert row["location"] == "'" + table.location.iloc[0] and row["actor1"] == table.actor1.iloc[0]
    assert row["latitude"].startswith("-")  # numbers stay numbers
    assert seen["errors"] == []


def csv_rows(path):
    import csv

    return iter(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def _many(incidents, n):
    """The example table repeated with dates shifted by a week each time and fresh ids, to ``n`` rows."""
    import pandas as pd

    copies = []
    for k in range(-(-n // len(incidents))):
        c = incidents.copy()
        for col in ("event_date", "date_start", "date_end"):
            c[col] = c[col] + pd.Timedelta(weeks=k)
        c["incident_id"] = [f"{i}-{k}" for i in c.incident_id]
        copies.append(c)
    return pd.concat(copies, ignore_index=True).iloc[:n]


def test_many_incidents_make_one_grey_cluster_set_that_follows_the_range(incidents, page_of, screenshots):
    many = _many(incidents, 1200)
    page, seen = page_of(maps.incident_map(many, period="year"), size=(1400, 900))
    located = int(many.latitude.notna().sum())
    assert api(page, "m.count()") == located
    page.screenshot(path=str(screenshots / "clusters-1200.png"))
    assert page.eval_on_selector_all(".marker-cluster", "els => els.length") == 0  # not markercluster's colours
    icons = page.eval_on_selector_all(".incident-cluster", """els => els.map(e => {
        const r = e.getBoundingClientRect(), s = getComputedStyle(e.querySelector('span'));
        return {n: +e.textContent, x: r.left + r.width / 2, y: r.top + r.height / 2, bg: s.backgroundColor}; })""")
    assert len(icons) > 1
    assert {i["bg"] for i in icons} == {"rgba(85, 85, 85, 0.9)"}  # neutral grey: no clash with the event types
    # one cluster set: no two cluster icons drawn on top of each other (24 per-period sets would stack)
    assert not [(a, b) for k, a in enumerate(icons) for b in icons[k + 1:]
                if abs(a["x"] - b["x"]) < 20 and abs(a["y"] - b["y"]) < 20]
    assert sum(i["n"] for i in icons) <= located
    _periods(page, 0, 0)  # the first year only
    first = int((many.latitude.notna() & (many.date_start.dt.year == many.date_start.min().year)).sum())
    assert api(page, "m.count()") == first
    page.wait_for_timeout(500)
    assert sum(int(t) for t in page.eval_on_selector_all(".incident-cluster", "els => els.map(e => e.textContent)")) <= first
    _switch(page, str(many.date_start.min().year), False)  # a period's checkbox takes its markers out of the clusters
    assert api(page, "m.count()") == 0
    assert seen["errors"] == [] and [u for u in seen["requests"] if u.startswith("http")] == []


def _click_incident(page, incident_id):
    point = page.evaluate("""id => {
        const name = Object.keys(window.incidentMaps)[0], m = window.incidentMaps[name];
        const map = window[name], marker = m.marker(id);
        map.setView(marker.getLatLng(), 9, {animate: false});
        const p = map.latLngToContainerPoint(marker.getLatLng()), box = map.getContainer().getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""", incident_id)
    page.wait_for_timeout(300)
    page.mouse.click(*point)
    page.wait_for_selector(".leaflet-popup-content")
    return page.inner_text(".leaflet-popup-content")


def test_clicking_a_marker_opens_its_popup_with_the_evidence(incidents, page_of):
    page, seen = page_of(maps.incident_map(incidents))
    row = incidents[incidents.incident_type == "ambush"].iloc[0]
    text = _click_incident(page, row.incident_id)
    assert "Gunmen ambushed a police convoy" in text and "Killed" in text and "Huancavelica" in text
    assert page.eval_on_selector(".leaflet-popup-content mark", "e => e.textContent")  # place highlighted
    assert seen["errors"] == []


def test_hostile_text_is_shown_literally_and_runs_nothing(incidents, page_of):
    page, seen = page_of(maps.incident_map(incidents, title="<img src=x onerror=\"window.pwned=3\">"))
    row = incidents[incidents.evidence.str.contains("<script>", regex=False)].iloc[0]
    text = _click_incident(page, row.incident_id)
    assert "<script>window.pwned = 1</script>" in text and "onerror" in text
    assert page.evaluate("window.pwned") is None
    assert page.eval_on_selector_all(".leaflet-popup-content img, .leaflet-popup-content script", "els => els.length") == 0
    assert "<img" in page.inner_text(".incident-title")
    assert seen["errors"] == []


def test_with_unreachable_tiles_the_incidents_draw_over_the_offline_base(incidents, page_of):
    page, seen = page_of(maps.incident_map(incidents, tiles="OpenStreetMap.Mapnik"))
    hosts = {u.split("/")[2] for u in seen["requests"] if u.startswith("http")}
    assert hosts == {"tile.openstreetmap.org"}  # tiles only: every script is inlined
    assert api(page, "m.count()") == len(incidents)
    assert page.eval_on_selector_all(".place-label", "els => els.length") > 0
    assert [e for e in seen["errors"] if "ERR_FAILED" not in e] == []  # only the blocked tiles failed


SIZES = [(1400, 900), (1024, 768), (390, 844)]
_RECTS = """() => [...document.querySelectorAll('.leaflet-control')]
    .filter(e => e.offsetWidth > 0 && e.offsetHeight > 0)
    .map(e => { const r = e.getBoundingClientRect();
                return {name: e.className, left: r.left, top: r.top, right: r.right, bottom: r.bottom}; })"""


def _overlaps(rects):
    return [(a["name"], b["name"]) for i, a in enumerate(rects) for b in rects[i + 1:]
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]]


def _inside_viewport(rects, size):
    return all(r["left"] >= 0 and r["top"] >= 0 and r["right"] <= size[0] and r["bottom"] <= size[1] for r in rects)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    return tmp_path_factory.mktemp("screenshots")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_controls_never_collide_and_every_checkbox_can_be_clicked(incidents, page_of, screenshots, size):
    page, seen = page_of(maps.incident_map(incidents, title="Incidents in the example reports"), size=size)
    page.screenshot(path=str(screenshots / f"default-{size[0]}x{size[1]}.png"))
    rects = page.evaluate(_RECTS)
    names = " ".join(r["name"] for r in rects)
    for control in ("leaflet-control-layers", "incident-legend", "incident-time", "leaflet-control-scale",
                    "incident-title", "leaflet-control-zoom", "incident-filters", "incident-csv"):
        assert control in names, (control, names)
    assert _overlaps(rects) == [] and _inside_viewport(rects, size)
    for part in (".incident-histogram", ".incident-time-play", ".incident-time-mode", ".incident-time-undated input"):
        assert page.evaluate("""sel => { const e = document.querySelector(sel), r = e.getBoundingClientRect(),
            box = document.querySelector('.incident-time').getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return r.width > 0 && r.left >= box.left && r.right <= box.right && r.bottom <= box.bottom
                   && (top === e || e.contains(top)); }""", part), (part, size)
    narrow = size[0] < 700
    assert page.eval_on_selector(".incident-legend", "e => e.classList.contains('folded')") == narrow
    assert page.eval_on_selector(".incident-filters", "e => e.classList.contains('folded')") == narrow
    filters, toggle = (page.locator(sel).bounding_box() for sel in (".incident-filters", ".filters-toggle"))
    assert filters["width"] <= toggle["width"] + 24 if narrow else filters["width"] >= 200  # folded: the button alone
    if narrow:  # the layer control is an icon: open it as a person would (a pointer over it, or a tap)
        toggle = page.locator(".leaflet-control-layers-toggle").bounding_box()
        page.mouse.move(toggle["x"] + toggle["width"] / 2, toggle["y"] + toggle["height"] / 2)
        page.wait_for_selector(".leaflet-control-layers-expanded")
    boxes = page.eval_on_selector_all(".leaflet-control-layers-overlays input", "els => els.length")
    assert boxes >= len({d.strftime("%Y-%m") for d in incidents.event_date.dropna()}) + 3
    for i in range(boxes):
        hit = page.evaluate("""i => {
            const box = document.querySelectorAll('.leaflet-control-layers-overlays input')[i];
            box.scrollIntoView({block: 'nearest'});
            const r = box.getBoundingClientRect(), top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return top === box || box.closest('label').contains(top);
        }""", i)
        assert hit, f"checkbox {i} is covered at {size}"
    for i in range(boxes):  # every layer on: the legend grows with the context sections, and still fits
        page.evaluate("i => { const b = document.querySelectorAll('.leaflet-control-layers-overlays input')[i];"
                      " if (!b.checked) { b.click(); } }", i)
    page.evaluate("document.querySelector('.leaflet-control-layers').classList.remove('leaflet-control-layers-expanded')"
                  if narrow else "0")
    assert "Incidents per hexagon" in page.inner_text(".incident-legend") or narrow
    if narrow:  # the filters and the legend unfold, and still fit beside the others (the legend above the dates)
        page.click(".filters-toggle")
        assert page.is_visible(".incident-search")
        page.click(".legend-toggle")
        assert page.is_visible(".incident-legend .legend-body")
    rects = page.evaluate(_RECTS)
    assert _overlaps(rects) == [] and _inside_viewport(rects, size)
    page.screenshot(path=str(screenshots / f"all-layers-{size[0]}x{size[1]}.png"))
    assert seen["errors"] == [] and [u for u in seen["requests"] if u.startswith("http")] == []


def _hover(page, lat, lon, zoom):
    """Centre the map on (lat, lon) and move the pointer there; the tooltip's text, or None."""
    point = page.evaluate("""([lat, lon, zoom]) => {
        const name = Object.keys(window.incidentMaps)[0], map = window[name];
        map.setView([lat, lon], zoom, {animate: false});
        const p = map.latLngToContainerPoint([lat, lon]), box = map.getContainer().getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""", [lat, lon, zoom])
    page.wait_for_timeout(300)
    page.mouse.move(point[0] - 5, point[1] - 5)
    page.wait_for_timeout(100)  # Leaflet's canvas reads the pointer at most every 32 ms
    page.mouse.move(*point)
    page.wait_for_timeout(200)
    return page.evaluate("(() => [...document.querySelectorAll('.leaflet-tooltip')]"
                         ".map(t => t.textContent.trim()).join(' | ') || null)()")


def _switch(page, label, on):
    page.evaluate("""([label, on]) => {
        for (const l of document.querySelectorAll('.leaflet-control-layers-overlays label')) {
            const box = l.querySelector('input');
            if (l.textContent.trim().startsWith(label) && box.checked !== on) { box.click(); }
        }
    }""", [label, on])


def test_context_layers_explain_themselves_on_hover(incidents, page_of, gaz):
    page, seen = page_of(maps.incident_map(incidents))
    for label in ("VRAEM zone", "Incidents per department", "Incident density (hexagons)"):
        _switch(page, label, False)
    loreto = gaz.get("department:16")  # far from every incident
    _switch(page, "Incidents per department", True)
    text = _hover(page, loreto.rep_lat, loreto.rep_lon, 6)
    assert text and "Loreto" in text and "0" in text
    assert "Incidents per department" in page.inner_text(".incident-legend")
    _switch(page, "Incidents per department", False)
    assert "Incidents per department" not in page.inner_text(".incident-legend")
    _switch(page, "VRAEM zone", True)
    pichari = gaz.lookup("Pichari", kinds=["district"])[0]
    assert "VRAEM" in (_hover(page, pichari.rep_lat, pichari.rep_lon, 8) or "")
    _switch(page, "VRAEM zone", False)
    _switch(page, "Incident density (hexagons)", True)
    row = incidents[incidents.latitude.notna()].iloc[0]
    text = _hover(page, row.latitude + 0.06, row.longitude + 0.06, 10)  # beside the marker, inside its hexagon
    assert text and "in this hexagon" in text
    assert "Incidents per hexagon" in page.inner_text(".incident-legend")
    text = _hover(page, row.latitude, row.longitude, 10)  # the marker itself still wins the pointer
    assert text and row.event_type in text
    assert seen["errors"] == []


def test_tooltips_give_dates_at_their_precision(incidents, page_of):
    page, _ = page_of(maps.incident_map(incidents))
    for label in ("VRAEM zone",):
        _switch(page, label, False)
    for precision, shown in ((3, "{0.date_start:%b %Y}"), (2, "{0.date_start.day}–{0.date_end:%-d %b %Y}"),
                             (1, "{0.event_date:%-d %b %Y}")):  # the example's week runs Thursday to Wednesday
        row = incidents[(incidents.time_precision == precision) & incidents.latitude.notna()].iloc[0]
        text = page.evaluate("id => { const m = Object.values(window.incidentMaps)[0].marker(id); m.openTooltip();"
                             " return m.getTooltip().getElement().textContent; }", row.incident_id)
        assert text.startswith(shown.format(row)), (text, shown.format(row))


def test_a_week_is_short_where_room_is_short_and_whole_where_there_is_room(incidents, page_of):
    two = incidents[incidents.latitude.notna()].iloc[:2].copy()
    two["event_date"] = [pd.NaT, pd.Timestamp("2009-02-25")]
    two["time_precision"] = [2, 1]
    two["date_start"] = [pd.Timestamp("2009-02-09"), pd.Timestamp("2009-02-25")]
    two["date_end"] = [pd.Timestamp("2009-02-15"), pd.Timestamp("2009-02-25")]
    page, seen = page_of(maps.incident_map(two, period="week"))
    week = two.iloc[0]
    tooltip = page.evaluate("id => { const m = Object.values(window.incidentMaps)[0].marker(id); m.openTooltip();"
                            " return m.getTooltip().getElement().textContent; }", week.incident_id)
    assert tooltip.startswith("wk of 9 Feb 2009 · ")
    assert "wk of 9 Feb 2009 (1)" in _layer_labels(page) and "wk of 23 Feb 2009 (1)" in _layer_labels(page)
    assert page.inner_text(".incident-time-text") == "wk of 9 Feb 2009 – wk of 23 Feb 2009 (all dates)"
    assert page.locator(".incident-histogram div").first.get_attribute("title") == "week of 9 Feb 2009: 1 incident"
    _click_incident(page, week.incident_id)
    assert "week of 9 Feb 2009" in page.inner_text(".incident-popup")  # the popup has room for the whole form
    assert api(page, "m.shown().find(d => d.t !== null && d.ds).date") == "week of 9 Feb 2009"  # and the CSV
    assert seen["errors"] == []


def test_a_table_from_another_program_with_numbers_for_text_opens_every_popup(incidents, page_of):
    table = incidents.copy()
    table["incident_type"] = 7
    table["event_type"] = None
    table["evidence"] = 42
    page, seen = page_of(maps.incident_map(table))
    texts = [page.evaluate("id => { const m = Object.values(window.incidentMaps)[0].marker(id); m.openPopup();"
                           " return document.querySelector('.leaflet-popup-content').textContent; }", i)
             for i in table.incident_id]
    assert all("42" in t for t in texts) and seen["errors"] == []


@pytest.mark.browser
def test_chromium_dies_with_us_and_its_folder_is_cleaned_next_time(incidents, tmp_path, chromium, monkeypatch):
    import os
    import signal
    import subprocess
    import sys
    import tempfile
    import time

    from geo.table import write_table
    from maps.chromium import FOLDER_PREFIX, chromium_folder

    table = tmp_path / "t.parquet"
    write_table(incidents, table)
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    run = subprocess.Popen([sys.executable, "-m", "geo.cli", "report", str(table), "-o", str(tmp_path / "b.html"),
                            "--pdf", str(tmp_path / "b.pdf"), "-q"], env=env)

    def ours() -> list[str]:
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                cmd = open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace")
            except OSError:
                continue
            if str(temp) in cmd and pid != str(run.pid):
                found.append(pid)
        return found

    deadline, seen = time.time() + 120, []
    while not seen and time.time() < deadline and run.poll() is None:
        seen = ours()  # looked for often: a quick report may start and close Chromium within a second
        time.sleep(0.02)
    assert seen, "Chromium never started"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.time() + 10
    while ours() and time.time() < deadline:
        time.sleep(0.2)
    assert ours() == []
    assert [p.name.startswith(FOLDER_PREFIX) for p in temp.iterdir()] == [True]
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    with chromium_folder() as folder:
        assert [p.name for p in temp.iterdir()] == [Path(folder).name]
    assert list(temp.iterdir()) == []


def test_an_area_is_drawn_once_as_its_shown_periods_areas_stacked(incidents, page_of):
    row = incidents[incidents.footprint.notna() & incidents.latitude.notna()].iloc[[0, 0]].reset_index(drop=True)
    row["event_date"] = row["date_start"] = row["date_end"] = pd.to_datetime(["2009-01-10", "2009-03-10"])
    row["event_type"] = ["Battles", "Protests"]
    row["incident_id"] = ["PE-january", "PE-march"]
    page, seen = page_of(maps.incident_map(row, period="month"))
    battles, protests = (maps.style.colour(t) for t in row.event_type)
    [area] = api(page, "m.areas()")  # one layer for the two months' areas
    assert area["color"] == protests and area["fillOpacity"] == pytest.approx(1 - 0.94 ** 2)
    mix = [(int(b[i:i + 2], 16) * 0.06 * 0.94 + int(p[i:i + 2], 16) * 0.06) / (1 - 0.94 ** 2)
           for b, p in [(battles, protests)] for i in (1, 3, 5)]
    assert area["fillColor"] == "rgb(" + ",".join(str(round(v)) for v in mix) + ")"
    january = int((pd.Timestamp("2009-01-31") - pd.Timestamp("1970-01-01")).days)
    api(page, f"m.setRange(-Infinity, {january})")
    [area] = api(page, "m.areas()")
    assert area["color"] == battles and area["fillOpacity"] == pytest.approx(0.06)
    api(page, "m.setFilter(d => d.type === 'Protests')")
    assert api(page, "m.areas()") == [] and api(page, "m.count()") == 0
    api(page, "(m.setFilter(null), m.setRange(-Infinity, Infinity), m.areas().length)")
    assert len(api(page, "m.areas()")) == 1 and seen["errors"] == []
