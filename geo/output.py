"""Write results atomically: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_writer", "write_jsonl"]


@contextmanager
def atomic_writer(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8"):
    """Open a temporary file next to ``path``; on success rename it over ``path``.

    If the run dies midway, ``path`` keeps its previous content and the temporary file is removed.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; give it the usual mode
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_jsonl(records: Iterable[dict], path: str | os.PathLike) -> int:
    """Write one JSON object a line to ``path`` (``-`` for standard output); return the count."""
    n = 0
    if str(path) == "-":
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
            n += 1
        sys.stdout.flush()
        return n
    with atomic_writer(path) as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n
