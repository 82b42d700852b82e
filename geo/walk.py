"""Inputs (files, folders, globs) expanded into the files to read, with what is skipped and why."""

from __future__ import annotations

import glob
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from geo.document import ReadFailure

__all__ = ["expand", "skipped", "shown"]


def skipped(path: str | os.PathLike, reason: str) -> ReadFailure:
    """An input that is listed but never opened (a FIFO, a link out of the folder...)."""
    return ReadFailure(shown(path), f"skipped: {reason}", skipped=True)


def shown(path: str | os.PathLike) -> str:
    """A path as text that is always valid UTF-8: bytes of a non-UTF-8 name as \\x escapes."""
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that no file-system byte stands for
        raw = os.fspath(path).encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def expand(paths: str | os.PathLike | Iterable[str | os.PathLike], suffixes: tuple[str, ...], *,
           follow_links: bool = False) -> Iterator[Path | ReadFailure]:
    """Every file to read (once each, in a stable order), and a ReadFailure for what is not read.

    A file named on its own, or matched by a glob, is read whatever its name; in folders (walked
    recursively), regular files ending in one of ``suffixes`` are. Walking a folder never opens a FIFO, socket or
    device, nor follows a link out of the folder (unless ``follow_links``); those, dangling links and
    folders that cannot be listed are skipped, each with its reason. A FIFO, socket or device named
    on its own (or through a link) is refused: a ReadFailure naming it, as reading it could block or
    never end.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = _walk(p, suffixes, follow_links) or [_nothing_to_read(p, suffixes)]
        elif os.path.lexists(p):
            if (kind := _special(p)) is not None:
                yield ReadFailure(shown(raw), f"not a regular file but {kind}: refused, as reading it could "
                                              f"block or never end; give a regular file")
                continue
            found = [p]
        elif glob.has_magic(str(raw)):
            found = [item for f in sorted(glob.glob(str(raw), recursive=True))
                     if (item := _entry(Path(f), ("",), None, follow_links)) is not None]
            if not found:
                yield ReadFailure(shown(raw), "no file matches this pattern")
        else:
            yield ReadFailure(shown(raw), "no such file or folder")
            continue
        for f in found:
            if isinstance(f, ReadFailure):
                yield f
            elif f not in seen:
                seen.add(f)
                yield f


def _nothing_to_read(root: Path, suffixes: tuple[str, ...]) -> ReadFailure:
    """A folder in which nothing is read, skipped with what it holds: no file, or files of other kinds."""
    kinds: Counter[str] = Counter()
    for _, _, names in os.walk(root, onerror=lambda exc: None):
        kinds.update(Path(n).suffix.lower() or "(no suffix)" for n in names)
    readable = ", ".join(suffixes)
    if not kinds:
        return skipped(root, f"the folder holds no files; in folders, files named {readable} are read")
    total = sum(kinds.values())
    shown_kinds = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in kinds.most_common(6))
    more = ", ..." if len(kinds) > 6 else ""
    return skipped(root, f"the folder holds {total} file{'s' if total > 1 else ''}, none of a readable kind "
                         f"({shown_kinds}{more}); readable kinds are {readable}: convert the reports to text "
                         f"(.txt) or to a JSONL or CSV corpus")


def _special(path: Path) -> str | None:
    """What a path that is neither a folder nor a regular file is ("a FIFO (named pipe)"); None otherwise
    (a regular file, or a dangling link, which its reader reports)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else _KINDS.get(stat.S_IFMT(mode), "a special file")


def _walk(root: Path, suffixes: tuple[str, ...], follow_links: bool) -> list[Path | ReadFailure]:
    """The files under ``root`` and the entries skipped there, sorted by path."""
    out: list[tuple[Path, Path | ReadFailure]] = []
    real_root = os.path.realpath(root)
    visited = {real_root}
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            out.append((folder, skipped(folder, f"cannot list this folder: {exc.strerror or exc}")))
            continue
        for e in entries:
            path = Path(e.path)
            if e.is_dir(follow_symlinks=False):
                folders.append(path)
                continue
            if e.is_file(follow_symlinks=False):  # a regular file, not a link: known from the listing, no stat
                if e.name.lower().endswith(suffixes):
                    out.append((path, path))
                continue
            item = _entry(path, suffixes, real_root, follow_links)
            if isinstance(item, Path) and item.is_dir():
                real = os.path.realpath(item)
                if real in visited:
                    out.append((path, skipped(path, f"a link to a folder already read ({real})")))
                else:
                    visited.add(real)
                    folders.append(item)
            elif item is not None:
                out.append((path, item))
    return [item for _, item in sorted(out, key=lambda pair: pair[0].parts)]  # as paths sort, compared in C


def _entry(path: Path, suffixes: tuple[str, ...], root: str | None,
           follow_links: bool) -> Path | ReadFailure | None:
    """A file to read, a skipped entry with its reason, or None for a file of another kind (not ours)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return skipped(path, f"a dangling link (to {os.readlink(path)})") if path.is_symlink() else None
    except OSError as exc:
        return skipped(path, f"cannot look at it: {exc.strerror or exc}")
    if path.is_symlink() and root is not None and not follow_links:
        real = os.path.realpath(path)
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            return skipped(path, f"a link out of the input folder (to {real}); --follow-links reads it")
    if stat.S_ISDIR(st.st_mode):
        return path if root is not None and path.is_symlink() and follow_links else None
    if not stat.S_ISREG(st.st_mode):
        return skipped(path, f"{_KINDS.get(stat.S_IFMT(st.st_mode), 'not a regular file')}, never opened")
    return path if path.name.lower().endswith(suffixes) else None


_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device"}
