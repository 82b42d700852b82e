"""Outputs checked before a run: none may be an input, and no two may be the same file."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from geo.errors import UsageError
from geo.output import writes_through

__all__ = ["check_outputs"]


def check_outputs(outputs: dict[str, str | os.PathLike | None], inputs: Iterable[str | os.PathLike]) -> None:
    """Raise UsageError if an output (by its flag) is one of ``inputs`` or the same file as another output.

    Standard output (``-``), devices and FIFOs are written through, never replaced, so they may repeat.
    """
    named: dict[tuple, str] = {}
    for flag, path in outputs.items():
        if path is None or str(path) == "-" or writes_through(path):
            continue
        key = _identity(path)
        if key in named:
            raise UsageError(f"{flag} {path} is the same file as {named[key]}: give each output its own file")
        named[key] = f"{flag} {path}"
    if not named:
        return
    for item in inputs:
        key = _identity(item)
        if key in named:
            raise UsageError(f"{named[key]} is an input: refusing to overwrite it")


def _identity(path: str | os.PathLike) -> tuple:
    """The file a path names: its device and inode when it exists, else its resolved path."""
    try:
        st = os.stat(path)
        return ("inode", st.st_dev, st.st_ino)
    except OSError:
        return ("path", os.path.realpath(Path(path)))
