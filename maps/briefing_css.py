"""The briefing's style sheet: the screen page, print on A4 without map controls, and the marking on every page."""

from __future__ import annotations

__all__ = ["briefing_css", "css_string", "pdf_layout_css"]

#: The printed page: A4 with these margins, the map this high.
_PAGE_MARGINS_MM = (16, 13)
_MAP_HEIGHT_MM = 105

_SCREEN = """
body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 24px auto;
       max-width: 1100px; padding: 0 16px; color: #222; }
h1 { font-size: 22px; margin: 8px 0 2px; } h2 { font-size: 16px; margin: 26px 0 8px; border-bottom: 1px solid #ddd; }
.prepared, .meta { color: #555; font-size: 12px; }
.summary { font-size: 15px; max-width: 60em; }
.marking { text-align: center; font-weight: 700; letter-spacing: .06em; padding: 3px; border: 1px solid #444; }
iframe.map { display: block; width: 100%; height: 560px; border: 1px solid #ccc; }
.map-key { display: none; font-size: 11px; margin: 4px 0 0; }
.key-item { margin-right: 14px; white-space: nowrap; }
.sw { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; border: 1px solid #333;
      vertical-align: -1px; }
.area { display: inline-block; width: 14px; height: 9px; border: 1px dashed #444; margin-right: 5px; vertical-align: -1px; }
figure.timeline { margin: 0; }
.timeline svg { display: block; width: 100%; height: auto; max-width: 900px; }
table { border-collapse: collapse; font-size: 12.5px; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f3f3f3; vertical-align: bottom; }
th.n, td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.counts th.n { max-width: 7.5em; white-space: normal; }
table.counts td.n { min-width: 3.2em; }
table.counts tfoot th, table.counts tfoot td, td.total { font-weight: 600; }
table.counts tfoot td, table.counts tfoot th { border-top: 1px solid #999; }
.zero { color: #bbb; }
table.incidents { width: 100%; table-layout: fixed; }
/* Names break between words only (slashes carry a <wbr>), in columns wide enough for the longest word
   of an event type or a place; only the evidence and sources may break a token too long for any line. */
table, th, td { overflow-wrap: normal; word-break: normal; hyphens: manual; }
table.incidents td:last-child { overflow-wrap: break-word; }
table.incidents .n + td, table.incidents .n + th { padding-left: 14px; }
col.c-date { width: 6.5em; } col.c-type { width: 9em; } col.c-place { width: 9em; } col.c-n { width: 4.4em; }
col.c-actors { width: 8.5em; } col.c-evidence { width: auto; }
q.evidence { font-style: italic; quotes: "\\201C" "\\201D"; }
.src { margin-top: 3px; font-size: 12px; } .src cite { font-style: normal; } .src .id { color: #666; }
.methods { font-size: 12px; color: #333; max-width: 75em; } .methods p { margin: 4px 0; }
"""

_PRINT = """
@media print {
  iframe.map { height: %(map)smm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  .marking { display: none; }
  .map-key { display: block; }
  h2 { break-after: avoid; } tr, .timeline, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  table.incidents { font-size: 8.5pt; }
}
"""


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: every character but letters, digits and spaces hex-escaped,
    so that no text can close the string or the style element."""
    return '"' + "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):x} " for c in text) + '"'


def briefing_css(marking: str | None = None) -> str:
    """The style sheet; with ``marking``, the text at the top and the bottom of every printed page."""
    page = ["size: A4;", "margin: {}mm {}mm;".format(*_PAGE_MARGINS_MM),
            '@bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #555; }']
    if marking:
        box = f"content: {css_string(marking)}; font: bold 10pt sans-serif; letter-spacing: .06em;"
        page += [f"@top-center {{ {box} }}", f"@bottom-center {{ {box} }}"]
    return _SCREEN + _PRINT % {"map": _MAP_HEIGHT_MM} + "@page { " + " ".join(page) + " }\n"


def pdf_layout_css() -> str:
    """The printed width and map height applied on screen too: the PDF run lays the page out at the size
    it prints, so that the map is drawn once, at that size, and printed as drawn."""
    width = 210 - 2 * _PAGE_MARGINS_MM[1]
    return (f"<style>body {{ width: {width}mm; max-width: none; margin: 0; padding: 0; }} "
            f"iframe.map {{ height: {_MAP_HEIGHT_MM}mm; }}</style>")
