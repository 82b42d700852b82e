"""The review page: one offline HTML file where an analyst checks places and incidents and saves corrections."""

from __future__ import annotations

import html
import json
import os
from importlib.resources import files
from pathlib import Path

from gazetteer import Gazetteer
from geo.corrections import FORMAT, VERSION, Corrections
from geo.output import atomic_writer
from geo.pipeline import DocumentResult
from maps.assets import local_asset, script_safe
from maps.review_data import review_payload

__all__ = ["review_html", "write_review", "page_json"]


def page_json(data) -> str:
    """``data`` as JSON that can sit inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left to end it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def review_html(results: list[DocumentResult], *, gazetteer: Gazetteer | None = None,
                corrections: Corrections | None = None, title: str = "Review places and incidents") -> str:
    """The review page for these results (as extracted, without corrections), offline.

    ``corrections`` (from an earlier review) are loaded as the page's first decisions. Document text
    reaches the page only as JSON data, set into it with ``textContent``.
    """
    gaz = gazetteer or Gazetteer.load()
    data = review_payload(results, gaz, corrections)
    data["format"], data["version"] = FORMAT, VERSION
    here = files("maps")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>/* leaflet_css */
{local_asset("leaflet_css")}</style>
<style>{here.joinpath("review.css").read_text(encoding="utf-8")}</style>
</head>
<body>
<header class="bar"><h1>{html.escape(title)}</h1><span class="counts" id="counts"></span>
<button id="save" type="button">Save corrections</button></header>
<main id="reports"></main>
<aside id="panel"><div id="map"></div><div id="detail"><p class="hint">Click a highlighted place or an
incident card. Select text in a report to add a place or an incident.</p></div></aside>
<script type="application/json" id="review-data">{page_json(data)}</script>
<script>/* leaflet */
{script_safe(local_asset("leaflet"))}</script>
<script>{script_safe(here.joinpath("review.js").read_text(encoding="utf-8"))}</script>
</body></html>
"""


def write_review(results: list[DocumentResult], path: str | os.PathLike, **kwargs) -> Path:
    """Write the review page atomically; keywords as :func:`review_html`."""
    page = review_html(results, **kwargs)
    with atomic_writer(path) as fh:
        fh.write(page)
    return Path(path)
