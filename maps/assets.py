"""The map's scripts and style sheets: pinned CDN links online, files from installed packages offline."""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from importlib import import_module
from pathlib import Path

__all__ = ["JS", "CSS", "local_asset", "inline_assets", "script_safe", "OfflineAssetError"]

LEAFLET = "1.9.3"
MARKERCLUSTER = "1.4.1"
#: Scripts by stable name: (pinned URL, xstatic package, file in it).
JS = {
    "leaflet": (f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET}/dist/leaflet.js",
                "xstatic.pkg.leaflet", "leaflet.js"),
    "markercluster": (f"https://cdn.jsdelivr.net/npm/leaflet.markercluster@{MARKERCLUSTER}/dist/leaflet.markercluster.js",
                      "xstatic.pkg.leaflet_markercluster", "leaflet.markercluster.js"),
}
#: Style sheets by stable name: (pinned URL, xstatic package, file in it).
CSS = {
    "leaflet_css": (f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET}/dist/leaflet.css",
                    "xstatic.pkg.leaflet", "leaflet.css"),
    "markercluster_css": (f"https://cdn.jsdelivr.net/npm/leaflet.markercluster@{MARKERCLUSTER}/dist/MarkerCluster.css",
                          "xstatic.pkg.leaflet_markercluster", "MarkerCluster.css"),
}


class OfflineAssetError(RuntimeError):
    """An asset the offline map needs is not installed."""


@lru_cache(maxsize=None)
def local_asset(name: str) -> str:
    """The text of a named asset from its installed xstatic package."""
    url, package, filename = {**JS, **CSS}[name]
    try:
        base = Path(import_module(package).BASE_DIR)
    except ImportError:
        raise OfflineAssetError(f"the offline map needs {package}: pip install "
                                f"{package.replace('xstatic.pkg.', 'xstatic-').replace('_', '-')}") from None
    text = (base / filename).read_text(encoding="utf-8")
    if name == "leaflet_css":  # Leaflet's CSS names its images by relative URL: inline them too
        text = re.sub(r"url\((images/[\w.-]+)\)", lambda m: f"url({_data_uri(base / m.group(1))})", text)
    return text


def _data_uri(path: Path) -> str:
    mime = "image/svg+xml" if path.suffix == ".svg" else f"image/{path.suffix.lstrip('.')}"
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def inline_assets(html: str) -> str:
    """Replace every declared asset link in ``html`` by the asset itself (for offline use)."""
    for name, (url, _, _) in JS.items():
        tag = re.compile(r'<script src="' + re.escape(url) + r'"></script>')
        html = tag.sub(lambda _m, n=name: f"<script>/* {n} */\n{script_safe(local_asset(n))}\n</script>", html)
    for name, (url, _, _) in CSS.items():
        tag = re.compile(r'<link rel="stylesheet" href="' + re.escape(url) + r'"/>')
        html = tag.sub(lambda _m, n=name: f"<style>/* {n} */\n{local_asset(n)}\n</style>", html)
    return html


def script_safe(js: str) -> str:
    """A script's text that cannot end the ``<script>`` element holding it."""
    return js.replace("</script", "<\\/script")
