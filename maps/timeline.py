"""Incidents over time for the briefing: bins of a week, a month or a year chosen from the span of dates,
drawn as an inline SVG with whole-number axes."""

from __future__ import annotations

import io
import math

import pandas as pd

__all__ = ["timeline_counts", "timeline_svg", "timeline_unit"]

#: Spans up to this many days are drawn by week, up to the second by month, longer ones by year.
_WEEKS_UP_TO, _MONTHS_UP_TO = 183, 4 * 366
_FREQ = {"week": "W-SUN", "month": "M", "year": "Y"}
_MAX_TICKS = 12


def timeline_unit(days: pd.Series) -> str:
    """"week", "month" or "year": the bin that gives a readable number of bars for these dates."""
    days = pd.to_datetime(days).dropna()
    span = (days.max() - days.min()).days if len(days) else 0
    return "week" if span <= _WEEKS_UP_TO else "month" if span <= _MONTHS_UP_TO else "year"


def timeline_counts(incidents: pd.DataFrame, unit: str | None = None) -> pd.DataFrame:
    """Incidents and killed (lowest reported figure) per bin, every bin from the first to the last
    (empty ones as 0), indexed by the bin's label ("9 Feb 2009", "Feb 2009", "2009").

    An incident known only to a week, month or year counts in the bin of its first possible day;
    undated incidents are left out.
    """
    days = pd.to_datetime(incidents.event_date.fillna(incidents.date_start))
    unit = unit or timeline_unit(days)
    dated = days.notna()
    periods = days[dated].dt.to_period(_FREQ[unit])
    killed = pd.to_numeric(incidents.fatalities_low[dated], errors="coerce").fillna(0)
    if periods.empty:
        return pd.DataFrame({"incidents": [], "killed": []}, dtype="int64")
    every = pd.period_range(periods.min(), periods.max(), freq=_FREQ[unit])
    frame = pd.DataFrame({
        "incidents": periods.value_counts().reindex(every, fill_value=0),
        "killed": killed.groupby(periods).sum().reindex(every, fill_value=0),
    }).astype("int64")
    frame.index = [_label(p, unit) for p in every]
    return frame


def _label(period: pd.Period, unit: str) -> str:
    if unit == "week":
        return f"{period.start_time:%-d %b %Y}"
    if unit == "month":
        return f"{period.start_time:%b %Y}"
    return str(period.year)


def timeline_svg(incidents: pd.DataFrame) -> str:
    """Two bar charts, incidents and killed per bin, sharing the time axis, as an ``<svg>`` element."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    unit = timeline_unit(incidents.event_date.fillna(incidents.date_start))
    counts = timeline_counts(incidents, unit)
    with plt.rc_context({"svg.fonttype": "none", "font.size": 8, "axes.spines.top": False,
                         "axes.spines.right": False}):
        fig, (top, bottom) = plt.subplots(2, 1, figsize=(7.2, 2.6), sharex=True,
                                          gridspec_kw={"height_ratios": [3, 2]})
        x = range(len(counts))
        top.bar(x, counts.incidents, width=0.8, color="#0072B2")
        bottom.bar(x, counts.killed, width=0.8, color="#D55E00")
        for ax, label in ((top, f"incidents per {unit}"), (bottom, f"killed per {unit}")):
            ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4, min_n_ticks=1))
            ax.set_ylim(0, max(1, ax.get_ylim()[1]))
            ax.set_ylabel(label, rotation=0, ha="right", va="center")
            ax.grid(axis="y", color="#e4e4e4", linewidth=0.6)
            ax.set_axisbelow(True)
        step = max(1, math.ceil(len(counts) / _MAX_TICKS))
        bottom.set_xticks(list(x)[::step], list(counts.index)[::step])
        bottom.set_xlim(-0.6, max(len(counts), 1) - 0.4)
        fig.tight_layout(h_pad=0.4)
        buf = io.StringIO()
        fig.savefig(buf, format="svg")
        plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]
