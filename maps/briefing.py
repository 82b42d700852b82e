"""The briefing report: one offline HTML page (map, timeline, counts, incident table), and its PDF."""

from __future__ import annotations

import html
import io
import os
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.output import atomic_writer
from maps.chromium import chromium_folder, headless_chromium
from maps.export import embed_html, find_browser
from maps.draw import incident_map
from maps.style import colour, shown_date

__all__ = ["briefing_html", "write_briefing", "briefing_pdf"]

_CSS = """
body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px auto; max-width: 1100px; color: #222; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f5f5f5; } td.n { text-align: right; }
.sw { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; border: 1px solid #333; }
.evidence { font-style: italic; } .meta { color: #555; font-size: 12px; }
@media print { iframe { height: 520px !important; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
"""


def _e(value) -> str:
    """Escape anything for HTML; missing values become an empty cell."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _timeline_svg(incidents: gpd.GeoDataFrame) -> str:
    """Incidents and fatalities per month, as an inline SVG chart (matplotlib)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dated = incidents.assign(event_date=incidents.event_date.fillna(incidents.date_start)).dropna(subset=["event_date"])
    fig, ax = plt.subplots(figsize=(10, 2.8))
    if len(dated):
        months = dated.set_index("event_date").resample("MS")
        counts = months.size()
        killed = months["fatalities"].sum(min_count=1).fillna(0)
        ax.bar(counts.index, counts.values, width=25, color="#0072B2", label="incidents")
        ax2 = ax.twinx()
        ax2.plot(killed.index, killed.values, color="#D55E00", marker="o", markersize=3, label="killed")
        ax2.set_ylabel("killed")
        ax.set_ylabel("incidents")
        ax.legend(loc="upper left", fontsize=8)
        ax2.legend(loc="upper right", fontsize=8)
    ax.set_title("Incidents and fatalities per month", fontsize=10)
    fig.tight_layout()
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _counts_table(incidents: gpd.GeoDataFrame) -> str:
    if not len(incidents):
        return "<p>No incidents.</p>"
    pivot = pd.crosstab(incidents.admin1.fillna("(country or zone)"), incidents.event_type)
    killed = incidents.groupby(incidents.admin1.fillna("(country or zone)"))["fatalities"].sum(min_count=1)
    head = "".join(f'<th><span class="sw" style="background:{colour(t)}"></span>{_e(t)}</th>' for t in pivot.columns)
    rows = []
    for dep, row in pivot.sort_values(by=list(pivot.columns), ascending=False).iterrows():
        cells = "".join(f'<td class="n">{int(v) or ""}</td>' for v in row.values)
        k = killed.get(dep)
        rows.append(f"<tr><th>{_e(dep)}</th>{cells}<td class='n'>{int(row.sum())}</td>"
                    f"<td class='n'>{'' if pd.isna(k) else int(k)}</td></tr>")
    return (f"<table><tr><th>Department</th>{head}<th>Total</th><th>Killed</th></tr>{''.join(rows)}</table>")


def _incident_table(incidents: gpd.GeoDataFrame) -> str:
    rows = []
    for r in incidents.sort_values(["event_date", "incident_id"], na_position="last").itertuples():
        date = shown_date(r.event_date, r.date_start, r.date_end) or "undated"
        place = ", ".join(dict.fromkeys(_e(x) for x in (r.location, r.admin3, r.admin2, r.admin1) if _e(x)))
        actors = " vs. ".join(_e(a) for a in (r.actor1, r.actor2) if _e(a))
        rows.append(
            f"<tr><td>{date}</td><td><span class='sw' style='background:{colour(r.event_type)}'></span>"
            f"{_e(r.event_type)}<div class='meta'>{_e(r.sub_event_type)}</div></td><td>{place}"
            f"<div class='meta'>precision {_e(r.where_prec)}</div></td><td class='n'>{_e(r.fatalities)}</td>"
            f"<td class='n'>{_e(r.injured)}</td><td>{actors}</td><td><span class='evidence'>{_e(r.evidence)}</span>"
            f"<div class='meta'>{_e(r.source)} — {_e(r.doc_ids)}</div></td></tr>")
    return ("<table><tr><th>Date</th><th>Type</th><th>Place</th><th>Killed</th><th>Injured</th><th>Actors</th>"
            f"<th>Evidence and source</th></tr>{''.join(rows)}</table>")


def briefing_html(incidents: gpd.GeoDataFrame, *, title: str = "Incident briefing", period: str = "month") -> str:
    """The briefing as one offline HTML page: summary, map, timeline, counts and the incident table."""
    dates = incidents.event_date.fillna(incidents.date_start).dropna()
    span = f"{dates.min():%d %B %Y} to {dates.max():%d %B %Y}" if len(dates) else "no dated incidents"
    killed = incidents.fatalities.sum(min_count=1)
    docs = {d for ids in incidents.doc_ids.dropna() for d in str(ids).split("; ") if d}
    summary = (f"{len(incidents)} incidents from {len(docs)} reports, {span}; "
               f"{0 if pd.isna(killed) else int(killed)} killed (lowest reported figures).")
    m = incident_map(incidents, period=period, offline=True)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>
<body>
<h1>{_e(title)}</h1>
<p class="meta">{_e(summary)}</p>
<h2>Map</h2>
{embed_html(m, height="560px", offline=True)}
<h2>Timeline</h2>
{_timeline_svg(incidents)}
<h2>Incidents by department and type</h2>
{_counts_table(incidents)}
<h2>Incidents</h2>
{_incident_table(incidents)}
<p class="meta">Places: offline Peru gazetteer (INEI via mapsPERU, GPL-3.0; castagnetto, MIT; GeoNames, CC-BY 4.0).
Event types follow ACLED; precision codes follow UCDP (where) and ACLED (time).</p>
</body></html>
"""


def write_briefing(incidents: gpd.GeoDataFrame, path: str | os.PathLike, **kwargs) -> Path:
    """Write the briefing page atomically."""
    with atomic_writer(path) as fh:
        fh.write(briefing_html(incidents, **kwargs))
    return Path(path)


def briefing_pdf(html_path: str | os.PathLike, pdf_path: str | os.PathLike, *, browser: str | None = None) -> Path:
    """Print the briefing page to PDF with headless Chromium (network off)."""
    exe = browser or find_browser()
    target = Path(pdf_path)
    with chromium_folder() as tmp:
        out = Path(tmp) / "briefing.pdf"
        headless_chromium(exe, tmp, Path(html_path), ["--virtual-time-budget=5000", "--no-pdf-header-footer",
                                                      f"--print-to-pdf={out}"], out)
        with atomic_writer(target, "wb") as fh:
            fh.write(out.read_bytes())
    return target
