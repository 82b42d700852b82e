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

An entry holds the result three ways: its JSONL record as ``incidents extract`` writes it, the few
figures of that record a run's report counts, and the whole result (pickled, see
:mod:`geo.cache_codec`). A run that only writes records (``records_only``) copies the stored record
and never decodes the rest, so a rerun where nothing changed loads neither the pipeline nor the
gazetteer; any other run decodes each result as it reads it.

Reading an entry touches its time (if it is more than an hour old); ``prune`` removes the entries
no run has used for some days.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import GeoError, UsageError
from geo.fingerprint import fingerprint
from geo.output import jsonl_line
from geo.result import DocumentResult, brief, record

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Place

__all__ = ["ResultCache", "StoredResult", "prune"]

_MAGIC = b"peru-incidents result 2\n"
#: An entry's payload is the length of its head, its head (the brief and the JSONL record, as they are:
#: copying a record costs no decompression) and its body (the pickled result, compressed).
_LENGTH = struct.Struct("<I")
_TAG = "CACHEDIR.TAG"
_TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
             "# This file is a cache directory tag created by peru-incidents (incidents --cache).\n"
             "# For information about cache directory tags, see https://bford.info/cachedir/\n")
#: How an entry's temporary file is opened: made new (never one that exists, nor through a link), for writing.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
#: How many ignored entries a run's summary lists (all are counted).
_LISTED = 100
#: A temporary file older than this was left by a run that died.
_STALE_SECONDS = 3600
#: An entry's time says when a run last used it, to within this.
_TOUCHED_SECONDS = 3600


class StoredResult(DocumentResult):
    """A result with its JSONL record ready-made (``line``) and that record's ``brief`` (:func:`geo.result.brief`).

    The results a cached run gives are of this kind: read back from an entry, or just computed and
    stored. The document, places and incidents of one read back for a ``records_only`` run are
    decoded when first asked for (and a CacheEntryError raised if the entry cannot give them).
    """

    def __init__(self, line: str, brief: dict, result: DocumentResult | None = None,
                 decode: Callable[[], DocumentResult] | None = None):
        self.line = line
        self.brief = brief
        self._result = result
        self._decode = decode

    def _full(self) -> DocumentResult:
        if self._result is None:
            self._result, self._decode = self._decode(), None
        return self._result

    @property
    def document(self):
        return self._full().document

    @property
    def places(self):
        return self._full().places

    @property
    def incidents(self):
        return self._full().incidents

    def __reduce__(self):  # sent to another process as the plain result it stands for
        return DocumentResult, (self.document, self.places, self.incidents)


class CacheEntryError(GeoError):
    """An entry whose record was used but whose whole result cannot be read back."""


class ResultCache:
    """The cached results in one folder, and this run's counts of hits, misses and ignored entries."""

    def __init__(self, directory: str | os.PathLike, gazetteer: Gazetteer | None = None, *,
                 records_only: bool = False):
        """The cache in ``directory`` (made if new), for results made with ``gazetteer`` (the package's
        by default, loaded when a result needs it). ``records_only``: the run only writes each result's
        JSONL record (``StoredResult.line``), so a hit's whole result is decoded only if asked for."""
        self.dir = _open_folder(Path(directory))
        self._entries = str(self.dir / "entries")
        self._gazetteer = gazetteer
        self._places: dict[str, Place] = {}  # the places of the entries, looked up once each
        data_dir = gazetteer.data_dir if gazetteer is not None else _package_data()
        self._salt = f"{_MAGIC.decode().strip()}\0{fingerprint(data_dir)}\0".encode()
        self.records_only = records_only
        self.hits = self.misses = self.stored = 0
        self._token, self._temporaries = f"{os.getpid()}-{os.urandom(6).hex()}", 0
        self.ignored: list[dict] = []
        self.ignored_count = 0
        self.write_error: str | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer of the results (loaded on first use: a run where every result is a hit may never need it)."""
        if self._gazetteer is None:
            from gazetteer import Gazetteer

            self._gazetteer = Gazetteer.load()
        return self._gazetteer

    def key(self, *parts: str | bytes) -> str:
        """The key of a result made from ``parts`` (the document, or its file, and the options)."""
        return self.keys()(*parts)

    def keys(self, *first: str | bytes) -> Callable[..., str]:
        """``key`` with its first parts given once: ``keys(*a)(*b) == key(*a, *b)`` (a run's options, hashed once)."""
        start = _hashed(hashlib.blake2b(self._salt, digest_size=32), first)

        def key(*parts: str | bytes) -> str:
            return _hashed(start.copy(), parts).hexdigest()

        return key

    def get(self, key: str) -> StoredResult | None:
        """The result stored under ``key``, or None (a miss) when there is none or it cannot be used."""
        path = self._entry(key)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)  # never a link out of DIR
            try:
                st = os.fstat(fd)
                data, used = _read_all(fd, st.st_size), st.st_mtime
            finally:
                os.close(fd)
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            return self._ignore(path, f"cannot read: {exc.strerror or exc}")
        try:
            summary, line, body = _parts(_payload(data, key))
            if self.records_only:
                result = StoredResult(line, summary, decode=lambda: self._decode_later(body, path))
            else:
                result = StoredResult(line, summary, self._decode(body))
        except Exception as exc:  # noqa: BLE001 - whatever is wrong with an entry, the result is computed again
            return self._ignore(path, str(exc) if isinstance(exc, _BadEntry) else
                                f"unreadable result ({type(exc).__name__}: {exc})")
        if used < time.time() - _TOUCHED_SECONDS:
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: kept by prune
        self.hits += 1
        return result

    def put(self, key: str, result: DocumentResult) -> StoredResult:
        """Store ``result`` under ``key`` (replacing an entry) and return it with its record ready-made;
        a failure to write is noted in the summary, not raised."""
        from geo.cache_codec import dumps

        rec = record(result)
        stored = StoredResult(jsonl_line(rec), brief(rec), result)
        payload = _pack(stored.brief, stored.line, dumps(result))
        data = b"".join([_MAGIC, key.encode(), b"\n", _checksum(payload), b"\n", payload])
        path = self._entry(key)
        self._temporaries += 1
        # A name no other writer uses (this process's token and count): made new, never a link followed.
        tmp = f"{os.path.dirname(path)}{os.sep}.{key}.{self._token}.{self._temporaries}.tmp"
        made = False
        try:
            try:
                fd = os.open(tmp, _NEW_FILE, 0o600)
            except FileNotFoundError:  # the first entry of its folder
                os.makedirs(os.path.dirname(path), exist_ok=True)
                fd = os.open(tmp, _NEW_FILE, 0o600)
            made = True
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
            os.replace(tmp, path)
            self.stored += 1
        except OSError as exc:
            if made:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            self.write_error = self.write_error or f"cannot write {exc.filename or path}: {exc.strerror or exc}"
        return stored

    def _decode(self, body: bytes) -> DocumentResult:
        from geo.cache_codec import loads

        return loads(zlib.decompress(body), self._place)

    def _decode_later(self, body: bytes, path: str) -> DocumentResult:
        try:
            return self._decode(body)
        except Exception as exc:
            raise CacheEntryError(f"{path}: the cached result cannot be read back ({type(exc).__name__}: {exc}); "
                                  f"run without records_only to have it ignored and computed again") from exc

    def _place(self, place_id: str) -> Place:
        try:
            return self._places[place_id]
        except KeyError:
            place = self._places[place_id] = self.gazetteer.get(place_id)
            return place

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
    """The payload an entry holds, once its header and checksum are checked."""
    if not data.startswith(_MAGIC):
        raise _BadEntry("not an entry of this cache (another program's file, or an older format)")
    head, _, rest = data[len(_MAGIC):].partition(b"\n")
    if head != key.encode():
        raise _BadEntry("written for another key (a file copied or renamed into the cache)")
    checksum, _, payload = rest.partition(b"\n")
    if checksum != _checksum(payload):
        raise _BadEntry("checksum mismatch (cut short or corrupt)")
    return payload


def _hashed(digest, parts):
    """``digest`` updated with each part (UTF-8 for text), each preceded by its length."""
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest


def _pack(summary: dict, line: str, pickled: bytes) -> bytes:
    """An entry's payload: the brief and record line (its head), then the pickled result, compressed."""
    summary_bytes = json.dumps(summary, ensure_ascii=False).encode()
    head = b"".join([_LENGTH.pack(len(summary_bytes)), summary_bytes, line.encode()])
    return b"".join([_LENGTH.pack(len(head)), head, zlib.compress(pickled, 1)])


def _parts(payload: bytes) -> tuple[dict, str, bytes]:
    """The brief, the JSONL record line and the (still compressed) pickled result of a payload."""
    try:
        n_head = _LENGTH.unpack_from(payload)[0]
        body = payload[_LENGTH.size + n_head:]
        head = payload[_LENGTH.size:_LENGTH.size + n_head]
        n_brief = _LENGTH.unpack_from(head)[0]
        summary = json.loads(head[_LENGTH.size:_LENGTH.size + n_brief])
        line = head[_LENGTH.size + n_brief:].decode()
        fits = isinstance(summary, dict) and line.endswith("\n") and bool(body)
    except (struct.error, ValueError):  # ValueError: JSON, and UTF-8, that do not decode
        fits = False
    if not fits:
        raise _BadEntry("not an entry of this cache (its parts do not fit together)")
    return summary, line, body


def _read_all(fd: int, size: int) -> bytes:
    """The whole of an open file of about ``size`` bytes (to its end, should it have grown)."""
    chunks = [os.read(fd, size + 1)]
    while chunks[-1]:
        chunks.append(os.read(fd, 1 << 16))
    return b"".join(chunks)


def _package_data() -> Path:
    """The package's gazetteer data folder (found without loading the gazetteer)."""
    import gazetteer

    return Path(gazetteer.__file__).parent / "data"


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
