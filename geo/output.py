"""Write results: regular files atomically (a locked temporary file renamed into place), anything else through."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_writer", "jsonl_line", "write_jsonl", "write_lines", "writes_through", "clean_stale", "umask"]


def writes_through(path: str | os.PathLike) -> bool:
    """Is ``path`` (after its links) something other than a regular file or nothing: a device or a FIFO?

    Such a target is opened and written, never replaced: ``-o /dev/null`` must not turn the device
    into a file, and ``-o /dev/full`` must fail with "no space left".
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:  # nothing there, or a path through a file: not written through, and its writer says why
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


@contextmanager
def atomic_writer(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8"):
    """Open ``path`` for writing; a regular file is replaced only once everything is written.

    A regular target (or a link to one: the file it points at is replaced, the link kept) is written
    to a temporary ``.NAME.XXXXXXXX.tmp`` beside it, locked while it lives, and renamed over it at the
    end; if the run dies midway the target keeps its previous content, and a later run writing the
    same target removes the stale temporary file. A device or FIFO is written straight through.
    Errors are OSErrors naming ``path``.
    """
    encoding = encoding if "b" not in mode else None
    try:
        if writes_through(path):
            with open(path, mode, encoding=encoding) as fh:
                yield fh
            return
        target = Path(os.path.realpath(path))
        clean_stale(target)
        fd, tmp = _locked_temp(target)
        try:
            with os.fdopen(fd, mode, encoding=encoding) as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
                os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes the file private; give it the usual mode
                os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        if exc.errno is not None and (exc.filename is None or _is_temp_of(exc.filename, path)):
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def _is_temp_of(name: str | os.PathLike, path: str | os.PathLike) -> bool:
    """Is ``name`` a temporary file (or the would-be one) of ``path``? Its errors are the target's."""
    name = os.path.basename(os.fsdecode(name))
    return name.startswith(f".{os.path.basename(os.path.realpath(path))}.") and name.endswith(".tmp")


def _locked_temp(target: Path) -> tuple[int, str]:
    """A new temporary file beside ``target``, exclusively locked (the lock dies with the process)."""
    while True:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:  # a cleaner may have taken it for stale between mkstemp and flock: then make another
            if os.stat(tmp).st_ino == os.fstat(fd).st_ino:
                return fd, tmp
        except FileNotFoundError:
            pass
        os.close(fd)


def clean_stale(target: str | os.PathLike) -> list[Path]:
    """Remove the temporary files of ``target`` (``.NAME.XXXXXXXX.tmp``) whose writer is gone; return them."""
    target = Path(target)
    ours = re.compile(re.escape(f".{target.name}.") + r"[A-Za-z0-9_]{8}\.tmp")
    try:
        names = [n for n in os.listdir(target.parent) if ours.fullmatch(n)]
    except OSError:
        return []
    return [p for p in (target.parent / n for n in names) if remove_if_unlocked(p)]


def remove_if_unlocked(path: Path) -> bool:
    """Remove the regular file or folder ``path`` unless a live process holds its lock; True if removed.

    A folder's lock is its ``.lock`` file; a folder without one is never removed.
    """
    lock = path / ".lock" if path.is_dir() and not path.is_symlink() else path
    try:
        fd = os.open(lock, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if lock is path:  # removed while locked, so that a writer that just made it sees it gone
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def umask() -> int:
    """The process's file-mode creation mask (read without changing it for good)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def jsonl_line(rec: dict) -> str:
    """One record as a line of JSONL, as :func:`write_jsonl` writes it (the cache stores these lines)."""
    return json.dumps(rec, ensure_ascii=False, default=str) + "\n"


def write_jsonl(records: Iterable[dict], path: str | os.PathLike) -> int:
    """Write one JSON object a line to ``path`` (``-`` for standard output); return the count."""
    return write_lines(map(jsonl_line, records), path)


def write_lines(lines: Iterable[str], path: str | os.PathLike) -> int:
    """Write lines of JSONL (each ending in a newline, as :func:`jsonl_line` makes them) to ``path``
    (``-`` for standard output); return the count."""
    n = 0
    if str(path) == "-":
        for line in lines:
            sys.stdout.write(line)
            n += 1
        sys.stdout.flush()
        return n
    with atomic_writer(path) as fh:
        for line in lines:
            fh.write(line)
            n += 1
    return n
    with atomic_writer(path) as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n
