"""The result cache of ``--cache DIR``: one file per document result, named by a hash of all that made it.

``DIR/CACHEDIR.TAG`` marks the folder as a cache (backup tools skip it; this tool refuses a folder
that holds other files); ``DIR/entries/KK/KEY`` holds the result whose key is KEY. A key is a hash
of the document (or the file it was read from) with the options that shape its result, and of the
package's fingerprint: a new version, rule, word list or gazetteer makes new keys, and the entries
of the old ones are left unused. An entry is written to a temporary file beside it and renamed into
place, and carries a checksum: one that is cut short, corrupt, written for another key or by
another program is ignored (counted, with the reason) and its result computed and written again.
Entries are not synced to disk one by one (a sync per document would double the time of a cold
run): an entry lost or torn by a crash fails its checksum and is computed again.

Reading an entry touches its time (if it is more than an hour old); ``prune`` removes the entries
no run has used for some days.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
import time
import zlib
from pathlib import Path

from gazetteer import Gazetteer
from geo.cache_codec import dumps, loads
from geo.errors import UsageError
from geo.fingerprint import fingerprint
from geo.pipeline import DocumentResult

__all__ = ["ResultCache", "prune"]

_MAGIC = b"peru-incidents result 1\n"
_TAG = "CACHEDIR.TAG"
_TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
             "# This file is a cache directory tag created by peru-incidents (incidents --cache).\n"
             "# For information about cache directory tags, see https://bford.info/cachedir/\n")
#: How many ignored entries a run's summary lists (all are counted).
_LISTED = 100
#: A temporary file older than this was left by a run that died.
_STALE_SECONDS = 3600
#: An entry's time says when a run last used it, to within this.
_TOUCHED_SECONDS = 3600


class ResultCache:
    """The cached results in one folder, and this run's counts of hits, misses and ignored entries."""

    def __init__(self, directory: str | os.PathLike, gazetteer: Gazetteer | None = None):
        self.dir = _open_folder(Path(directory))
        self._entries = str(self.dir / "entries")
        self.gazetteer = gazetteer or Gazetteer.load()
        self._place = functools.cache(self.gazetteer.get)  # the places of the entries, looked up once each
        self._salt = f"{_MAGIC.decode().strip()}\0{fingerprint(self.gazetteer.data_dir)}\0".encode()
        self.hits = self.misses = self.stored = 0
        self.ignored: list[dict] = []
        self.ignored_count = 0
        self.write_error: str | None = None

    def key(self, *parts: str | bytes) -> str:
        """The key of a result made from ``parts`` (the document, or its file, and the options)."""
        digest = hashlib.blake2b(self._salt, digest_size=32)
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> DocumentResult | None:
        """The result stored under ``key``, or None (a miss) when there is none or it cannot be used."""
        path = self._entry(key)
        try:
            with os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as fh:  # never a link out of DIR
                data = fh.read()
                used = os.fstat(fh.fileno()).st_mtime
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            return self._ignore(path, f"cannot read: {exc.strerror or exc}")
        try:
            result = loads(_payload(data, key), self._place)
        except Exception as exc:  # noqa: BLE001 - whatever is wrong with an entry, the result is computed again
            return self._ignore(path, str(exc) if isinstance(exc, _BadEntry) else
                                f"unreadable result ({type(exc).__name__}: {exc})")
        if used < time.time() - _TOUCHED_SECONDS:
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: kept by prune
        self.hits += 1
        return result

    def put(self, key: str, result: DocumentResult) -> None:
        """Store ``result`` under ``key`` (replacing an entry); a failure is noted in the summary, not raised."""
        payload = zlib.compress(dumps(result), 1)
        data = b"".join([_MAGIC, key.encode(), b"\n", _checksum(payload), b"\n", payload])
        path = self._entry(key)
        folder = os.path.dirname(path)
        tmp = None
        try:
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
            except FileNotFoundError:  # the first entry of its folder
                os.makedirs(folder, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
            self.stored += 1
        except OSError as exc:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            self.write_error = self.write_error or f"cannot write {exc.filename or path}: {exc.strerror or exc}"

    def summary(self) -> dict:
        """This run's figures, for the run report."""
        return {"dir": str(self.dir), "hits": self.hits, "misses": self.misses, "stored": self.stored,
                "ignored": self.ignored_count, "ignored_entries": self.ignored, "write_error": self.write_error}

    def _entry(self, key: str) -> str:
        return os.path.join(self._entries, key[:2], key)

    def _ignore(self, path: str, reason: str) -> None:
        self.misses += 1
        self.ignored_count += 1
        if len(self.ignored) < _LISTED:
            self.ignored.append({"entry": path, "reason": reason})
        return None


class _BadEntry(Exception):
    """An entry that is not one this cache wrote for the key it is stored under."""


def _payload(data: bytes, key: str) -> bytes:
    """The pickled result an entry holds, once its header and checksum are checked."""
    if not data.startswith(_MAGIC):
        raise _BadEntry("not an entry of this cache (another program's file, or an older format)")
    head, _, rest = data[len(_MAGIC):].partition(b"\n")
    if head != key.encode():
        raise _BadEntry("written for another key (a file copied or renamed into the cache)")
    checksum, _, payload = rest.partition(b"\n")
    if checksum != _checksum(payload):
        raise _BadEntry("checksum mismatch (cut short or corrupt)")
    return zlib.decompress(payload)


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=16).hexdigest().encode()


def _open_folder(folder: Path) -> Path:
    """The cache folder, made (with its tag) if it is new; UsageError if it cannot be one."""
    flag = f"--cache {folder}"
    if folder.is_dir():
        tag = folder / _TAG
        if tag.is_file():
            if "peru-incidents" not in tag.read_text(encoding="utf-8", errors="replace"):
                raise UsageError(f"{flag}: this is another program's cache (its {_TAG} does not name "
                                 f"peru-incidents): give a folder of its own")
            return folder
        if any(folder.iterdir()):
            raise UsageError(f"{flag}: the folder holds files and is not a cache of this tool (no {_TAG}): "
                             f"give a new or empty folder")
    elif os.path.lexists(folder):
        raise UsageError(f"{flag}: not a folder: give a new or empty folder")
    elif not folder.parent.is_dir():
        raise UsageError(f"{flag}: the folder {folder.parent} does not exist (create it, or choose another --cache)")
    try:
        folder.mkdir(exist_ok=True)
        (folder / "entries").mkdir(exist_ok=True)
        (folder / _TAG).write_text(_TAG_TEXT, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{flag}: cannot make the cache there: {exc.strerror or exc}") from None
    return folder


def prune(directory: str | os.PathLike, unused_days: float) -> dict:
    """Remove the entries of the cache in ``directory`` that no run has used for ``unused_days`` days
    (0: every entry), and the temporary files left by runs that died; return the counts and sizes.

    UsageError if ``directory`` is not a cache of this tool.
    """
    folder = Path(directory)
    if not (folder / _TAG).is_file():
        raise UsageError(f"{folder}: not a cache of this tool (no {_TAG}): nothing pruned")
    now = time.time()
    before = now - unused_days * 86400
    counts = {"removed": 0, "removed_bytes": 0, "kept": 0, "kept_bytes": 0}
    for path in sorted((folder / "entries").glob("*/*")):
        try:
            st = path.lstat()
            stale = st.st_mtime < now - _STALE_SECONDS if path.name.endswith(".tmp") else st.st_mtime <= before
            if stale:
                path.unlink()
        except OSError:
            continue
        side = "removed" if stale else "kept"
        counts[side] += 1
        counts[f"{side}_bytes"] += st.st_size
    return counts
