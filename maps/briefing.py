"""The briefing report: one offline HTML page (summary, map, timeline, tables, methods), and its PDF."""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path

import geopandas as gpd

from geo.output import atomic_writer
from maps.briefing_css import briefing_css, pdf_layout_css
from maps.briefing_map import briefing_map, map_key_html
from maps.briefing_tables import counts_table, incident_table
from maps.chromium import chromium_folder, headless_chromium
from maps.coordinates import on_earth
from maps.export import BROWSER_NAMES, BrowserNotFound, find_browser, to_html
from maps.precision import methods_html
from maps.summary import source_count, summary_text
from maps.timeline import timeline_svg

__all__ = ["briefing_html", "briefing_pdf", "write_briefing"]


def briefing_html(incidents: gpd.GeoDataFrame, *, title: str = "Incident briefing", period: str = "month",
                  marking: str | None = None, prepared: date | None = None) -> str:
    """The briefing as one offline HTML page.

    Parameters
    ----------
    incidents : the incidents table (from :func:`geo.extract`).
    title : the page's title.
    period : the map's layers, one per ``day``, ``week``, ``month`` or ``year``.
    marking : a handling marking ("UNCLASSIFIED") shown at the top and bottom of the page and of every printed page.
    prepared : the preparation date shown under the title (default today).
    """
    incidents = on_earth(incidents)
    prepared = prepared or date.today()
    banner = f'<div class="marking">{html.escape(marking)}</div>' if marking else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{briefing_css(marking)}</style></head>
<body>
{banner}
<h1>{html.escape(title)}</h1>
<p class="prepared">Prepared {prepared:%-d %B %Y} from {source_count(incidents):,} documents.</p>
<p class="summary">{html.escape(summary_text(incidents))}</p>
<h2>Map</h2>
{_map_frame(briefing_map(incidents, period=period))}
{map_key_html(incidents)}
<h2>Timeline</h2>
<figure class="timeline">{timeline_svg(incidents)}</figure>
<h2>Incidents by department and type</h2>
{counts_table(incidents)}
<h2>Incidents</h2>
{incident_table(incidents)}
<h2>Methods</h2>
<div class="methods">{methods_html()}</div>
{banner}
</body></html>
"""


def _map_frame(m) -> str:
    """The map as an iframe holding its whole page (loaded at once, so that a PDF printed right away shows it)."""
    return (f'<iframe class="map" srcdoc="{html.escape(to_html(m, offline=True), quote=True)}" '
            'sandbox="allow-scripts" title="Map of the incidents"></iframe>')


def write_briefing(incidents: gpd.GeoDataFrame, path: str | os.PathLike, **kwargs) -> Path:
    """Write the briefing page atomically; keywords as :func:`briefing_html`."""
    page = briefing_html(incidents, **kwargs)
    with atomic_writer(path) as fh:
        fh.write(page)
    return Path(path)


def briefing_pdf(html_path: str | os.PathLike, pdf_path: str | os.PathLike, *, browser: str | None = None) -> Path:
    """Print the briefing page to an A4 PDF with headless Chromium (network off).

    Without Chromium or Chrome, BrowserNotFound says where it was looked for and how to install it.
    """
    exe = browser or pdf_browser()
    target = Path(pdf_path)
    page = Path(html_path).read_text(encoding="utf-8").replace("</head>", pdf_layout_css() + "</head>", 1)
    with chromium_folder() as tmp:
        laid_out, out = Path(tmp) / "briefing.html", Path(tmp) / "briefing.pdf"
        laid_out.write_text(page, encoding="utf-8")
        headless_chromium(exe, tmp, laid_out, ["--virtual-time-budget=5000", "--no-pdf-header-footer",
                                               f"--print-to-pdf={out}"], out)
        with atomic_writer(target, "wb") as fh:
            fh.write(out.read_bytes())
    return target


def pdf_browser() -> str:
    """The Chromium or Chrome that prints the PDF; BrowserNotFound names what to install."""
    try:
        return find_browser()
    except BrowserNotFound:
        raise BrowserNotFound(
            "the briefing's PDF is printed by headless Chromium or Chrome, and none was found on PATH "
            f"(looked for {', '.join(BROWSER_NAMES)} in {os.environ.get('PATH', '')}); install Debian's 'chromium' package (apt-get install chromium), "
            "or leave out --pdf to write the HTML page only") from None
