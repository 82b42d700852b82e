"""The map as a person sees it, in headless Chromium with the network blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

import geo
import maps

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

    def open_map(m, name="map.html", wait=True):
        path = tmp_path_factory.mktemp("maps") / name
        maps.to_html(m, path)
        page = chromium.new_page(viewport={"width": 1200, "height": 800})
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
    page, seen = page_of(maps.incident_map(incidents, offline=True))
    assert api(page, "m.count()") == len(incidents)
    remote = [u for u in seen["requests"] if u.startswith(("http://", "https://"))]
    assert remote == []
    assert seen["errors"] == []


def test_layer_control_lists_the_periods(incidents, page_of):
    page, _ = page_of(maps.incident_map(incidents, offline=True, period="year"))
    labels = page.eval_on_selector_all(".leaflet-control-layers-overlays label span",
                                       "els => els.map(e => e.textContent.trim())")
    years = sorted({d.year for d in incidents.event_date.dropna()})
    for year in years:
        assert any(label.startswith(str(year)) for label in labels), (year, labels)
    assert any(label.startswith("Departments") for label in labels) or labels


def test_time_control_filters_incidents(incidents, page_of):
    page, _ = page_of(maps.incident_map(incidents, offline=True))
    total = api(page, "m.count()")
    page.eval_on_selector(".incident-time-from", "el => { el.value = el.max; el.dispatchEvent(new Event('input')); }")
    after = api(page, "m.count()")
    undated = int(incidents.event_date.isna().sum())
    assert after < total and after <= undated + sum(incidents.event_date == incidents.event_date.max())
    page.eval_on_selector(".incident-time-from", "el => { el.value = el.min; el.dispatchEvent(new Event('input')); }")
    assert api(page, "m.count()") == total


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
    page, seen = page_of(maps.incident_map(incidents, offline=True))
    row = incidents[incidents.incident_type == "ambush"].iloc[0]
    text = _click_incident(page, row.incident_id)
    assert "Gunmen ambushed a police convoy" in text and "Killed" in text and "Huancavelica" in text
    assert page.eval_on_selector(".leaflet-popup-content mark", "e => e.textContent")  # place highlighted
    assert seen["errors"] == []


def test_hostile_text_is_shown_literally_and_runs_nothing(incidents, page_of):
    page, seen = page_of(maps.incident_map(incidents, offline=True, title="<img src=x onerror=\"window.pwned=3\">"))
    row = incidents[incidents.evidence.str.contains("<script>", regex=False)].iloc[0]
    text = _click_incident(page, row.incident_id)
    assert "<script>window.pwned = 1</script>" in text and "onerror" in text
    assert page.evaluate("window.pwned") is None
    assert page.eval_on_selector_all(".leaflet-popup-content img, .leaflet-popup-content script", "els => els.length") == 0
    assert "<img" in page.inner_text(".incident-title")
    assert seen["errors"] == []


def test_online_map_asks_only_for_tiles_and_pinned_assets(incidents, page_of):
    page, seen = page_of(maps.incident_map(incidents), wait=False)  # the network is blocked: no Leaflet
    hosts = {u.split("/")[2] for u in seen["requests"] if u.startswith("http")}
    assert hosts <= {"cdn.jsdelivr.net", "tile.openstreetmap.org"}
    assert "cdn.jsdelivr.net" in hosts


def test_a_table_from_another_program_with_numbers_for_text_opens_every_popup(incidents, page_of):
    table = incidents.copy()
    table["incident_type"] = 7
    table["event_type"] = None
    table["evidence"] = 42
    page, seen = page_of(maps.incident_map(table, offline=True))
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
