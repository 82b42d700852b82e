"""A static map for slides and PDFs, drawn with geopandas and matplotlib (no browser needed)."""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pandas as pd

from gazetteer import Gazetteer
from geo.output import atomic_writer
from maps.areas import row_area
from maps.coordinates import on_earth
from maps.style import EVENT_COLOURS, FATALITY_BINS, colour, radius

__all__ = ["static_map"]


def static_map(incidents: gpd.GeoDataFrame, path: str | os.PathLike, *, title: str | None = None,
               dpi: int = 200) -> Path:
    """Draw the incidents over department boundaries, with the web map's colours and a legend,
    and save as PNG, SVG or PDF (by the file's suffix). Impossible coordinates are dropped with a warning."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    target = Path(path)
    fmt = target.suffix.lstrip(".").lower()
    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"{target}: a static map is PNG, SVG or PDF, not {fmt!r}")
    fig, ax = plt.subplots(figsize=(8, 10))
    departments = Gazetteer.load().shapes(["department"])
    departments["geometry"] = departments.geometry.simplify(0.005)
    departments.plot(ax=ax, color="#f3efe4", edgecolor="#7a7a7a", linewidth=0.6)
    incidents = on_earth(incidents)
    located = incidents[incidents.latitude.notna()]
    areas = located[located.where_prec.fillna(6).between(3, 5)]
    ids = areas["footprint_id"] if "footprint_id" in areas.columns else [None] * len(areas)
    footprints = gpd.GeoSeries([row_area(i, g) for i, g in zip(ids, areas.footprint)], index=areas.index, crs=4326)
    if footprints.notna().any():
        footprints.dropna().plot(ax=ax, facecolor="none", linestyle="--", linewidth=0.9,
                                 edgecolor=[colour(t) for t in areas.event_type[footprints.notna()]])
    if len(located):
        sizes = [(2 * radius(k)) ** 2 / 2 for k in located.fatalities]
        ax.scatter(located.longitude, located.latitude, s=sizes, c=[colour(t) for t in located.event_type],
                   edgecolors="#222222", linewidths=0.5, alpha=0.9, zorder=3)
        xmin, _, xmax, _ = located.total_bounds
        ax.set_xlim(min(xmin, -81.5) if len(located) > 1 else xmin - 3, max(xmax, -68.5) if len(located) > 1 else xmax + 3)
    present = [t for t in EVENT_COLOURS if t in set(incidents.event_type)]
    handles = [Patch(facecolor=colour(t), edgecolor="#222222", label=t) for t in present]
    handles += [Line2D([], [], marker="o", linestyle="", markerfacecolor="#bbbbbb", markeredgecolor="#222222",
                       markersize=radius(n) * 0.9, label=f"killed: {label}") for label, n in FATALITY_BINS]
    handles.append(Patch(facecolor="none", edgecolor="#444444", linestyle="--",
                         label="area: district, department or zone"))
    ax.legend(handles=handles, loc="lower left", fontsize=7, framealpha=0.9)
    dates = pd.to_datetime(incidents.event_date.fillna(incidents.date_start)).dropna()
    span = f"{dates.min():%d %b %Y} to {dates.max():%d %b %Y}" if len(dates) else "undated"
    ax.set_title(title or f"{len(incidents)} incidents, {span}", fontsize=12)
    ax.set_axis_off()
    ax.set_aspect("equal")
    fig.text(0.01, 0.01, "Boundaries: mapsPERU (GPL-3.0), after INEI. Places: GeoNames (CC-BY 4.0), INEI.",
             fontsize=6, color="#555555")
    with atomic_writer(target, "wb") as fh:
        fig.savefig(fh, format=fmt, dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return target
