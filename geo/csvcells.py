"""Text cells of CSV exports made inert for spreadsheets (OWASP CSV injection), and read back as they were."""

from __future__ import annotations

import pandas as pd

__all__ = ["neutralise", "restore"]

#: A cell starting with one of these is a formula to a spreadsheet (OWASP); a quote is escaped too,
#: so that reading back is exact.
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells starting with = + - @ tab CR or ' get a leading quote.

    Numeric columns are left alone: a negative latitude stays a number.
    """
    out = frame.copy()
    for col in _text_columns(out):
        out[col] = out[col].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(_TRIGGERS) else v)
    return out


def restore(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`neutralise` on a table read back from CSV (in place; returns it)."""
    for col in _text_columns(frame):
        frame[col] = frame[col].map(
            lambda v: v[1:] if isinstance(v, str) and v.startswith("'") and v[1:2] and v[1:].startswith(_TRIGGERS)
            else v)
    return frame


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if pd.api.types.is_object_dtype(frame[c]) or pd.api.types.is_string_dtype(frame[c])]
