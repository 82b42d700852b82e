"""The date control's histogram bins: every period from the first incident's to the last's, coarser when too many."""

from __future__ import annotations

import pandas as pd

from maps.style import PERIODS, period_key, period_label

__all__ = ["time_bins", "MAX_BINS"]

#: More bars than this would be thinner than 3 px in the date control: a coarser period is used.
MAX_BINS = 80
_EPOCH = pd.Timestamp("1970-01-01")
_FREQ = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def time_bins(days: list[int], period: str) -> list[dict]:
    """Bins over ``days`` (days since 1970): ``{"t0", "t1", "label", "short", "n"}``, first and last day
    included; ``short`` is the label where room is short ("wk of 9 Feb 2009" for "week of 9 Feb 2009").

    Every period between the first and the last is a bin, empty ones too, so that the bars read as a
    time axis; by ``period`` or the finest coarser period giving at most MAX_BINS bins.
    """
    if not days:
        return []
    stamps = _EPOCH + pd.to_timedelta(pd.Series(days), unit="D")
    for p in PERIODS[PERIODS.index(period):]:
        spans = pd.period_range(stamps.min(), stamps.max(), freq=_FREQ[p])
        if len(spans) <= MAX_BINS:
            break
    counts = stamps.dt.to_period(_FREQ[p]).value_counts()
    return [{"t0": (s.start_time - _EPOCH).days, "t1": (s.end_time.normalize() - _EPOCH).days,
             "label": period_label(period_key(s.start_time, p), p),
             "short": period_label(period_key(s.start_time, p), p, short=True), "n": int(counts.get(s, 0))}
            for s in spans]
