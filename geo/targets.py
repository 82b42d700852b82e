"""Outputs checked before a run: each in an existing folder, none an input, and no two the same file."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from geo.errors import UsageError
from geo.output import writes_through

__all__ = ["check_outputs"]


def check_outputs(outputs: dict[str, str | os.PathLike | None], inputs: Iterable[str | os.PathLike]) -> None:
    """Raise UsageError if an output (by its flag) is one of ``inputs``, the same file as another output,
    or in a folder that does not exist.

    Standard output (``-``), devices and FIFOs are written through, never replaced, so they may repeat.
    """
    named: dict[tuple, str] = {}
    for flag, path in outputs.items():
        if path is None or str(path) == "-" or writes_through(path):
            continue
        _check_folder(flag, path)
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


def _check_folder(flag: str, path: str | os.PathLike) -> None:
    """The folder an output goes into must exist (the output is written beside it, then renamed)."""
    folder = Path(os.path.realpath(path) if os.path.islink(path) else path).parent  # a link: its file's folder
    if folder.is_dir():
        return
    if os.path.lexists(folder):
        raise UsageError(f"{flag} {path}: {folder} is not a folder (choose another {flag})")
    raise UsageError(f"{flag} {path}: the folder {folder} does not exist (create it or choose another {flag})")


def _identity(path: str | os.PathLike) -> tuple:
    """The file a path names: its device and inode when it exists, else its resolved path."""
    try:
        st = os.stat(path)
        return ("inode", st.st_dev, st.st_ino)
    except OSError:
        return ("path", os.path.realpath(Path(path)))
