"""The briefing's summary paragraph, written from the incidents table (plain text; the page escapes it)."""

from __future__ import annotations

import pandas as pd

__all__ = ["injured_range", "killed_range", "source_count", "summary_text"]

#: How many departments and event types the summary names.
_NAMED = 3


def summary_text(incidents: pd.DataFrame) -> str:
    """A few sentences: how many incidents from how many sources over which dates, how many killed
    and injured (low–high where sources disagree), and the departments and event types that dominate."""
    n = len(incidents)
    if not n:
        return "The reports tell of no incident."
    return " ".join(s for s in (_what_and_when(incidents), _casualties(incidents), _where(incidents),
                                _types(incidents)) if s)


def source_count(incidents: pd.DataFrame) -> int:
    """The number of distinct documents the incidents come from."""
    return len({d for ids in incidents.doc_ids.dropna() for d in str(ids).split("; ") if d})


def _total_range(low: pd.Series, high: pd.Series) -> tuple[int, int] | None:
    low = pd.to_numeric(low, errors="coerce")
    high = pd.to_numeric(high, errors="coerce").fillna(low)
    if low.notna().sum() == 0:
        return None
    return int(low.sum()), int(high.sum())


def killed_range(incidents: pd.DataFrame) -> tuple[int, int] | None:
    """The total killed, from the lowest to the highest figure reported; None when no incident gives one."""
    return _total_range(incidents.fatalities_low, incidents.fatalities_high)


def injured_range(incidents: pd.DataFrame) -> tuple[int, int] | None:
    """The total injured, from the lowest to the highest figure reported; None when no incident gives one."""
    return _total_range(incidents.injured_low, incidents.injured_high)


def _disputed(low: pd.Series, high: pd.Series) -> pd.Series:
    return pd.to_numeric(high, errors="coerce") > pd.to_numeric(low, errors="coerce")


def _what_and_when(incidents: pd.DataFrame) -> str:
    n = len(incidents)
    starts = pd.to_datetime(incidents.date_start.fillna(incidents.event_date))
    ends = pd.to_datetime(incidents.date_end.fillna(incidents.event_date))
    undated = int(starts.isna().sum())
    text = f"{_count(n, 'incident')} reported in {_count(source_count(incidents), 'document')}"
    if undated == n:
        return text + ", none of them dated."
    first, last = starts.min(), ends.max()
    span = f"on {first:%-d %B %Y}" if first == last else f"from {first:%-d %B %Y} to {last:%-d %B %Y}"
    if not undated:
        return text + f", {span}."
    return text + f"; {n - undated:,} dated, {span}, and {undated:,} undated."


def _casualties(incidents: pd.DataFrame) -> str:
    told = int(pd.to_numeric(incidents.fatalities_low, errors="coerce").notna().sum())
    parts = [_range_text(figures, word) for figures, word in ((killed_range(incidents), "killed"),
                                                              (injured_range(incidents), "injured")) if figures]
    if not parts:
        return "No report gives a number of dead or injured."
    text = "Reports give " + " and ".join(parts)
    disputed = int((_disputed(incidents.fatalities_low, incidents.fatalities_high)
                    | _disputed(incidents.injured_low, incidents.injured_high)).sum())
    if disputed:
        text += (f"; sources disagree on the toll of {_count(disputed, 'incident')}, so the lowest and the "
                 "highest figures reported are added up")
    if told < len(incidents):
        silent = len(incidents) - told
        text += f"; {_count(silent, 'incident')} {'gives' if silent == 1 else 'give'} no death toll"
    return text + "."


def _range_text(figures: tuple[int, int], word: str) -> str:
    low, high = figures
    return f"{low:,} {word}" if low == high else f"{low:,}–{high:,} {word}"


def _where(incidents: pd.DataFrame) -> str:
    counts = incidents.admin1.dropna().value_counts()
    if counts.empty:
        return "No incident could be placed in a department."
    named = _ranked(counts, "department")
    unplaced = int(incidents.admin1.isna().sum())
    text = f"Most took place in {named}" if len(counts) > 1 else f"All placed incidents were in {named}"
    if unplaced:
        text += f"; {_count(unplaced, 'incident')} could be placed only in a zone or the country"
    return text + "."


def _types(incidents: pd.DataFrame) -> str:
    counts = incidents.event_type.dropna().value_counts()
    if counts.empty:
        return ""
    if len(counts) == 1:
        return f"All were {counts.index[0]}."
    return f"The commonest event types were {_ranked(counts, 'type')}."


def _ranked(counts: pd.Series, noun: str) -> str:
    """The largest few counts as "Cusco (3), Lima (2) and 2 other departments (2)"; ties in name order."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = [f"{name} ({int(k):,})" for name, k in ordered[:_NAMED]]
    rest = len(ordered) - _NAMED
    if rest > 0:
        shown.append(f"{_count(rest, 'other ' + noun)} ({int(sum(k for _, k in ordered[_NAMED:])):,})")
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")
