"""The briefing report: one offline page with the map, a timeline, counts and the incident table."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


def test_briefing_page(tmp_path):
    hostile = tmp_path / "r.txt"
    hostile.write_text("Lima, 2 May 2010\n\nA bomb exploded in Huanta on May 1 <script>alert(1)</script>, "
                       "killing two.\n", encoding="utf-8")
    out = tmp_path / "briefing.html"
    run = cli("report", ROOT / "examples" / "reports", hostile, "-o", out, "--title", "Weekly <b>brief</b>")
    assert run.returncode == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    for section in ("<h2>Map</h2>", "<h2>Timeline</h2>", "<svg", "Incidents by department and type", "<h2>Incidents</h2>"):
        assert section in page
    assert "Weekly &lt;b&gt;brief&lt;/b&gt;" in page and "<b>brief</b>" not in page
    assert "<script>alert(1)" not in page.split("<iframe")[0] + page.split("</iframe>")[-1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', page)
    assert "Huancavelica" in page and "Gunmen ambushed a police convoy" in page


def test_briefing_pdf(tmp_path, chromium):
    out, pdf = tmp_path / "b.html", tmp_path / "b.pdf"
    run = cli("report", ROOT / "examples" / "reports", "-o", out, "--pdf", pdf)
    assert run.returncode == 0, run.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000


REPORTS = {
    "huanta.txt": "Police post attacked in Huanta\n\nAyacucho, 12 March 2009\n\nGunmen attacked a police post in "
                  "Huanta on March 10, killing two officers and wounding three.\n",
    "la-mar.txt": "Bomb in San Miguel\n\nAyacucho, 30 March 2009\n\nA bomb exploded in San Miguel, La Mar, on "
                  "March 28. Nobody was hurt.\n",
    "cable.txt": "UNCLAS LIMA 000777\nP 081400Z APR 09\nFM AMEMBASSY LIMA\nTO SECSTATE WASHDC PRIORITY 1111\n"
                 "SUBJECT: SOLDIERS AMBUSHED NEAR PICHARI <script>window.pwned = 1</script>\n"
                 "REF: A. LIMA 0601\nB. LIMA 0650\n\n1. (SBU) On April 6 gunmen ambushed an army patrol near "
                 "Pichari, Cusco, killing four soldiers.\n",
}
MARKING = "SENSITIVE BUT UNCLASSIFIED"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("briefing-reports")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def briefing(reports, tmp_path_factory):
    """The incidents of the three reports and their briefing page, written to a temporary folder."""
    import geo
    from maps.briefing import write_briefing

    incidents = geo.extract([reports])
    path = tmp_path_factory.mktemp("briefing") / "briefing.html"
    write_briefing(incidents, path, title="VRAEM <weekly>", marking=MARKING, prepared=date(2009, 4, 10))
    return incidents, path


@pytest.fixture
def opened(briefing, chromium, tmp_path):
    """The briefing open in Chromium with the network blocked: (page, map frame, requests, errors)."""
    _, path = briefing
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    seen = {"requests": [], "errors": []}
    page.on("console", lambda msg: msg.type == "error" and seen["errors"].append(msg.text))
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))

    def route(r):
        seen["requests"].append(r.request.url)
        r.abort() if r.request.url.startswith(("http://", "https://")) else r.continue_()

    page.route("**/*", route)
    page.goto(path.as_uri())
    frame = next(f for f in page.frames if f is not page.main_frame)
    frame.wait_for_function("window.incidentMaps && Object.keys(window.incidentMaps).length > 0")
    page.wait_for_timeout(500)
    yield page, frame, seen
    page.close()


_LEAFLET_MAP = "(() => { for (const k of Object.keys(window)) { try { if (window[k] instanceof L.Map) return window[k]; } " \
               "catch (e) {} } })()"


def test_briefing_summary_and_marking_in_the_browser(briefing, opened, tmp_path):
    page, _, seen = opened
    summary = page.inner_text(".summary")
    assert summary.startswith("3 incidents reported in 3 documents, from 10 March 2009 to 6 April 2009.")
    assert "6 killed and 3 injured" in summary and "Ayacucho (2)" in summary
    assert page.inner_text(".prepared").startswith("Prepared 10 April 2009")
    markings = page.locator(".marking")
    assert markings.count() == 2 and all(markings.nth(i).is_visible() for i in range(2))
    assert markings.first.inner_text() == MARKING
    assert page.inner_text("h1") == "VRAEM <weekly>"
    assert "SOLDIERS AMBUSHED NEAR PICHARI <script>" in page.inner_text("table.incidents")
    assert "[cable]" in page.inner_text("table.incidents") and "LIMA 0650" not in page.inner_text("table.incidents")
    assert page.evaluate("window.pwned") is None
    assert [u for u in seen["requests"] if u.startswith(("http://", "https://"))] == [] and seen["errors"] == []
    page.screenshot(path=tmp_path / "briefing-screen.png", full_page=True)


def test_briefing_map_is_fitted_to_every_incident(briefing, opened):
    incidents, _ = briefing
    _, frame, _ = opened
    points = [[lat, lon] for lat, lon in zip(incidents.latitude, incidents.longitude)]
    zoom, min_zoom, inside = frame.evaluate(
        "(points) => { const m = " + _LEAFLET_MAP + "; const b = m.getBounds(); "
        "return [m.getZoom(), m.getMinZoom(), points.map(p => b.contains(L.latLng(p[0], p[1])))]; }", points)
    assert all(inside), inside
    assert zoom >= min_zoom + 4, (zoom, min_zoom)  # three places some 60 km apart, not Peru at its smallest


def test_print_drops_the_map_controls_and_shows_a_key(opened, tmp_path):
    page, frame, _ = opened
    controls = [".leaflet-control-zoom", ".leaflet-control-layers", "input[type=range]", "input[type=checkbox]"]
    shown = "(sel) => [...document.querySelectorAll(sel)].map(e => e.getClientRects().length > 0)"
    assert all(any(frame.evaluate(shown, s)) for s in controls[:3])  # on screen they are there
    page.emulate_media(media="print")
    page.wait_for_timeout(200)
    for selector in controls:
        assert not any(frame.evaluate(shown, selector)), selector
    assert frame.evaluate("getComputedStyle(document.querySelector('.leaflet-control-zoom')).display") == "none"
    assert frame.evaluate(shown, ".leaflet-control-scale") == [True]
    assert page.locator(".map-key").is_visible() and not page.locator(".marking").first.is_visible()
    page.screenshot(path=tmp_path / "briefing-print.png", full_page=True)
    page.emulate_media(media="screen")


def test_briefing_pdf_with_marking_on_every_page(reports, chromium, tmp_path):
    import shutil

    out, pdf = tmp_path / "b.html", tmp_path / "b.pdf"
    run = cli("report", ROOT / "examples" / "reports", reports, "-o", out, "--pdf", pdf, "--marking", MARKING)
    assert run.returncode == 0, run.stderr
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-"
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages >= 2
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed: the marking on each page is not read back")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    for number, page_text in enumerate(text.split("\f")[:pages], 1):
        assert page_text.count(MARKING) == 2, (number, page_text[:300])
        assert f"Page {number} of {pages}" in page_text
    if shutil.which("pdftoppm"):  # the pages as pictures, for a reviewer; the first must show the map drawn
        from PIL import Image

        subprocess.run(["pdftoppm", "-r", "70", "-png", pdf, tmp_path / "briefing-pdf"], check=True)
        first = Image.open(min(tmp_path.glob("briefing-pdf-*.png"))).convert("L")
        inked = sum(n for level, n in enumerate(first.histogram()) if level < 250) / (first.width * first.height)
        assert inked > 0.15, f"page 1 is {inked:.0%} ink: the map was not drawn"


def test_report_pdf_without_chromium_says_so_before_reading(reports, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    out = tmp_path / "b.html"
    run = subprocess.run([sys.executable, "-m", "geo.cli", "report", reports, "-o", out, "--pdf", tmp_path / "b.pdf"],
                         capture_output=True, text=True, timeout=600, env={**os.environ, "PATH": str(empty)},
                         check=False)
    assert run.returncode == 2
    assert "--pdf" in run.stderr and "PDF" in run.stderr and "Chromium" in run.stderr and "PNG" not in run.stderr
    assert "apt-get install chromium" in run.stderr and str(empty) in run.stderr
    assert not out.exists()


_BROKEN_WORDS = """() => {
    const broken = [], overflowing = [];
    for (const cell of document.querySelectorAll('table.incidents td:not(:last-child), table.counts th')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), box = cell.getBoundingClientRect();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of node.data.matchAll(/[^\\s\\/]+\\/?/g)) {  // words; a slash ends one
                const r = document.createRange();
                r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
                if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) { broken.push(m[0]); }
                if (r.getBoundingClientRect().right > box.right + 0.5) { overflowing.push(m[0]); }
            }
        }
    }
    return [broken, overflowing];
}"""


def test_printed_tables_break_names_between_words_only(chromium, tmp_path):
    import geo
    from maps.briefing import write_briefing

    incidents = geo.extract(ROOT / "examples" / "reports")
    assert {"Explosions/Remote violence", "Violence against civilians"} <= set(incidents.event_type)
    path = tmp_path / "briefing.html"
    write_briefing(incidents, path, prepared=date(2012, 5, 1))
    page = chromium.new_page(viewport={"width": 695, "height": 900})  # A4 less its margins, as printed
    page.route("**/*", lambda r: r.abort() if r.request.url.startswith(("http://", "https://")) else r.continue_())
    page.goto(path.as_uri())
    page.emulate_media(media="print")
    page.wait_for_timeout(300)
    assert "Explosions/<wbr>Remote violence" in path.read_text(encoding="utf-8")  # a break after the slash
    assert page.evaluate(_BROKEN_WORDS) == [[], []]
    page.locator("table.incidents").screenshot(path=tmp_path / "briefing-print-incidents.png")
    page.close()
