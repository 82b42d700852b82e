"""The geo package's exceptions, all under one root: GeoError."""

from __future__ import annotations

import traceback
from pathlib import Path

__all__ = ["GeoError", "TableError", "UsageError", "FootprintError", "Unreadable", "OverBudget", "CorrectionsError",
           "failure_reason"]


class GeoError(Exception):
    """The root of the errors the geo package raises on purpose."""


class TableError(GeoError, ValueError):
    """A file that is not an incidents table written by this tool (unreadable, or missing columns)."""


class UsageError(GeoError, ValueError):
    """Options that cannot be honoured together (an output that is an input, two outputs in one file)."""


class FootprintError(GeoError, ValueError):
    """A footprint id that names no place of the gazetteer, or a narrowing step that cannot be read."""


class Unreadable(GeoError):
    """An input (a file, or a row of a corpus) that cannot be read; the message says why."""


class OverBudget(GeoError):
    """A document went over its budget of time or size; the message says which and how to raise it."""


class CorrectionsError(GeoError, ValueError):
    """A corrections file that cannot be used: unreadable, of another version, or a correction that says nothing."""


def failure_reason(exc: BaseException, doing: str = "processed") -> str:
    """What went wrong, and where in the package, for an input that could not be read or processed."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if Path(f.filename).parent.name in ("geo", "lang", "gazetteer")]
    where = f" in {Path(frames[-1].filename).stem}.{frames[-1].name}" if frames else ""
    return (f"could not be {doing} ({type(exc).__name__}{where}: {exc}); the other inputs are not "
            f"affected: please report this one as a bug")
