"""Exports for briefings: a standalone HTML file, an embeddable snippet, and a PNG through Chromium."""

from __future__ import annotations

import html as html_lib
import os
import re
import shutil
from pathlib import Path

import folium

from geo.output import atomic_writer
from maps.assets import inline_assets
from maps.chromium import chromium_folder, headless_chromium

__all__ = ["to_html", "embed_html", "to_png", "find_browser", "BrowserNotFound", "BROWSER_NAMES"]

#: The programs :func:`find_browser` looks for on PATH, in order.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

# A resource the page would fetch: a script, a style sheet, an image or a CSS url().
_REMOTE = re.compile(r"""<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\ssrc\s*=\s*["']?https?://|"""
                     r"""<link\b[^>]*\shref\s*=\s*["']?https?://|url\(\s*["']?https?://|@import\s+["']https?://""",
                     re.IGNORECASE)


class BrowserNotFound(RuntimeError):
    """No headless Chromium or Chrome to render a PNG with."""


#: A JSON data block (the incidents): text for a script to read, never fetched, and holding no "<".
_DATA_BLOCK = re.compile(r'<script type="application/json"[^>]*>[^<]*</script>')


def _html(m: folium.Map, offline: bool) -> str:
    page = m.get_root().render()
    if offline:
        page = inline_assets(page)
        remote = _REMOTE.search(_DATA_BLOCK.sub("", page))  # megabytes of data: fetch nothing, need no look
        if remote:
            raise ValueError(f"the offline map still refers to a remote resource near "
                             f"{remote.string[remote.start():remote.start() + 80]!r}")
    return page


def to_html(m: folium.Map, path: str | os.PathLike | None = None, *, offline: bool = True) -> str:
    """The map as one standalone HTML page; written atomically to ``path`` when given.

    Every script and style sheet is inlined from installed packages, so the page fetches nothing
    (but the tiles of a map drawn with ``tiles=``); ``offline=False`` links them from their pinned
    CDN addresses instead, for a smaller page that needs the network.
    """
    page = _html(m, offline)
    if path is not None:
        with atomic_writer(path) as fh:
            fh.write(page)
    return page


def embed_html(m: folium.Map, *, width: str = "100%", height: str = "600px", offline: bool = True) -> str:
    """A snippet that drops into another page: an ``<iframe srcdoc>`` holding the whole map, its
    scripts inlined (``offline=False``: linked, as in :func:`to_html`)."""
    page = _html(m, offline)
    return (f'<iframe srcdoc="{html_lib.escape(page, quote=True)}" style="width:{width};height:{height};'
            f'border:0" sandbox="allow-scripts allow-popups" title="Incident map" loading="lazy"></iframe>')


def find_browser() -> str:
    """The path of a Chromium or Chrome able to run headless; BrowserNotFound names what to install."""
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFound("a headless Chromium or Chrome is needed (for a PNG or a PDF) and none was found "
                          "on PATH (install Debian's 'chromium' package: apt-get install chromium)")


def to_png(m: folium.Map, path: str | os.PathLike, *, width: int = 1400, height: int = 900,
           wait_ms: int = 4000, browser: str | None = None) -> Path:
    """A screenshot of the map taken by headless Chromium, with the network off."""
    exe = browser or find_browser()
    target = Path(path)
    with chromium_folder() as tmp:
        page = Path(tmp) / "map.html"
        page.write_text(_html(m, offline=True), encoding="utf-8")
        shot = Path(tmp) / "shot.png"
        headless_chromium(exe, tmp, page, [f"--window-size={width},{height}", f"--virtual-time-budget={wait_ms}",
                                           f"--screenshot={shot}"], shot)
        with atomic_writer(target, "wb") as fh:
            fh.write(shot.read_bytes())
    return target
