"""Readers: text and Markdown files, JSONL and CSV corpora, folders and globs -> Documents."""

from __future__ import annotations

import codecs
import csv
import glob
import io
import json
import os
import re
import stat
import sys
import warnings
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.budget import Budget
from geo.cable import annotate_structure
from geo.docdate import parse_date_text
from geo.document import Document, ReadFailure
from geo.errors import OverBudget, Unreadable, failure_reason
from geo.lang import languages

__all__ = ["read", "iter_read", "language_option", "count_rows", "shown", "Fields", "MAX_BYTES", "TEXT_SUFFIXES",
           "CORPUS_SUFFIXES"]


#: Files (and corpus rows) larger than this are refused rather than read.
MAX_BYTES = 20 * 2**20
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
CORPUS_SUFFIXES = JSONL_SUFFIXES + (".csv",)
#: The fields of a JSONL or CSV row that may give its language ("es", "en-US").
LANGUAGE_FIELDS = ("lang", "language")


@dataclass(frozen=True)
class Fields:
    """Which fields of a JSONL or CSV corpus hold the id, date, text and title."""

    id: str = "id"
    text: str = "text"
    date: str = "date"
    title: str = "subject"


def read(paths: str | os.PathLike | Iterable[str | os.PathLike], *, fields: Fields = Fields(),
         date: date | None = None, lang: str | None = None) -> list[Document]:
    """Read reports into Documents; inputs that cannot be read are warned about and skipped.

    Parameters
    ----------
    paths : files (``.txt``, ``.md``, ``.jsonl``, ``.csv``), folders (read recursively) or globs.
    fields : the id, text, date and title fields of JSONL and CSV corpora.
    date : the date of documents that give none themselves.
    lang : the language of every document ("en", "es"); None or "auto": a corpus row's ``lang``
        or ``language`` field, else the language detected from the text. Another code is a ValueError.
    """
    docs = []
    for item in iter_read(paths, fields=fields, date=date, lang=lang):
        if isinstance(item, ReadFailure):
            warnings.warn(f"{item.path}: {item.error}", stacklevel=2)
        else:
            for note in item.warnings:
                warnings.warn(note, stacklevel=2)
            docs.append(item)
    return docs


def iter_read(paths, *, fields: Fields = Fields(), date: date | None = None, lang: str | None = None,
              budget: Budget = Budget()) -> Iterator[Document | ReadFailure]:
    """Yield a Document or a ReadFailure for every input, in a stable order (``lang`` as in :func:`read`).

    Whatever goes wrong with one input (or one row of a corpus) makes it a ReadFailure with the
    reason, and reading goes on; ``budget`` bounds each document's size and the time spent
    reading its structure.
    """
    return _iter_read(paths, _Reading(fields, date, language_option(lang), budget))


def language_option(value: str | None) -> str | None:
    """The language code a caller asks for, None for "auto" (or None); ValueError for an unknown code."""
    if value is None or value == "auto":
        return None
    if value not in languages():
        raise ValueError(f"lang={value!r}: unknown language; known: auto, {', '.join(languages())}")
    return value


@dataclass(frozen=True)
class _Reading:
    """What every reader needs: the corpus fields, the fallback date, the language, the budget."""

    fields: Fields
    date: date | None
    language: str | None
    budget: Budget


def _iter_read(paths, how: _Reading) -> Iterator[Document | ReadFailure]:
    for path in _expand(paths):
        if isinstance(path, ReadFailure):
            yield path
            continue
        if not _is_unicode(str(path)):
            yield ReadFailure(shown(path), "the file name is not valid UTF-8 (shown with \\x escapes): "
                                           "rename the file to read it")
            continue
        name = path.name.lower()
        try:
            if name.endswith(JSONL_SUFFIXES):
                yield from _read_jsonl(path, how)
            elif name.endswith(".csv"):
                yield from _read_csv(path, how)
            else:
                yield _read_text_file(path, how)
        except (Unreadable, OverBudget) as exc:
            yield ReadFailure(str(path), str(exc))
        except OSError as exc:
            yield ReadFailure(str(path), f"cannot read: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - one bad input is that input's failure, never the run's
            yield ReadFailure(str(path), failure_reason(exc, "read"))


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _expand(paths) -> Iterator[Path | ReadFailure]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*")
                           if f.is_file() and f.name.lower().endswith(TEXT_SUFFIXES + CORPUS_SUFFIXES))
        elif p.exists():
            if not p.is_file():
                yield ReadFailure(shown(raw), f"not a regular file but {_kind_of(p)}: refused, as reading it "
                                              f"could block or never end; give a regular file")
                continue
            found = [p]
        elif glob.has_magic(str(raw)):
            found = sorted(Path(f) for f in glob.glob(str(raw), recursive=True) if Path(f).is_file())
            if not found:
                yield ReadFailure(shown(raw), "no file matches this pattern")
        else:
            yield ReadFailure(shown(raw), "no such file or folder")
            continue
        for f in found:
            if f not in seen:
                seen.add(f)
                yield f


def _kind_of(path: Path) -> str:
    """What a path that is neither a folder nor a regular file is ("a FIFO (named pipe)", "a socket")."""
    mode = path.stat().st_mode
    kinds = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def decode(data: bytes, where: str) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM), falling back to cp1252 then latin-1."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise Unreadable(f"broken UTF-16: {exc.reason} at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        if _looks_utf16(data):
            text = data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
            sample = text[:2000]
            if sum(c.isascii() and (c.isprintable() or c.isspace()) for c in sample) >= 0.7 * len(sample):
                return text, [f"{where}: UTF-16 without a byte-order mark"]
        raise Unreadable("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        bad = f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    for encoding in ("cp1252", "latin-1"):
        try:
            return data.decode(encoding), [f"{where}: {bad}; read as {encoding}"]
        except UnicodeDecodeError:
            continue
    raise Unreadable(bad)  # latin-1 never fails; kept for clarity of intent


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)


def _check_text(text: str) -> None:
    if not text.strip():
        raise Unreadable("empty: no text")
    controls = len(_CONTROL.findall(text, 0, 4096))
    if controls > 0.1 * min(len(text), 4096):
        raise Unreadable("binary content: mostly control characters, not text")


def _read_text_file(path: Path, how: _Reading) -> Document:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise Unreadable(f"too large: {size / 2**20:.1f} MB (the limit is {MAX_BYTES // 2**20} MB)")
    if size == 0:
        raise Unreadable("empty file")
    text, notes = decode(path.read_bytes(), str(path))
    _check_text(text)
    how.budget.check_size(text)
    doc = Document(id=path.stem, text=text, path=str(path), warnings=notes)
    with how.budget.clock("reading its structure"):
        return annotate_structure(doc, fallback_date=how.date, language=how.language)


def _row_document(row: dict, path: Path, n: int, how: _Reading) -> Document:
    fields = how.fields
    text = row.get(fields.text)
    if not isinstance(text, str):
        raise Unreadable(f"no text in field {fields.text!r}")
    if len(text) > MAX_BYTES:
        raise Unreadable(f"text too large: {len(text):,} characters")
    _check_text(text)
    how.budget.check_size(text)
    doc_id = row.get(fields.id)
    doc_id = str(doc_id) if doc_id not in (None, "") else f"{path.stem}:{n}"
    raw_date = row.get(fields.date)
    title = row.get(fields.title)
    for field, value in ((fields.text, text), (fields.id, doc_id), (fields.date, raw_date), (fields.title, title)):
        if isinstance(value, str) and not _is_unicode(value):
            raise Unreadable(f"field {field!r} holds a lone surrogate (such as \\ud800), which is not "
                             f"valid Unicode: fix the program that wrote this corpus")
    corpus_date = parse_date_text(str(raw_date)) if raw_date else None
    doc = Document(id=doc_id, text=text, path=f"{path}:{n}")
    language = how.language or _row_language(row, doc)
    with how.budget.clock("reading its structure"):
        annotate_structure(doc, fallback_date=how.date, corpus_date=corpus_date, language=language)
    if isinstance(title, str) and title.strip():
        doc.title = title.strip()
    return doc


def _row_language(row: dict, doc: Document) -> str | None:
    """The language a corpus row gives ("ES", "es-PE" are "es"); an unknown one is warned about and ignored."""
    for key in LANGUAGE_FIELDS:
        value = row.get(key)
        if isinstance(value, str) and value.strip():
            code = re.split(r"[-_]", value.strip().lower())[0]
            if code in languages():
                return code
            doc.warnings.append(f"{doc.path}: unknown language {value!r} in field {key!r}; "
                                f"detected from the text")
            return None
    return None


def _read_jsonl(path: Path, how: _Reading) -> Iterator[Document | ReadFailure]:
    n = 0
    with _open_maybe_gzip(path) as fh:
        lines = enumerate(fh, 1)
        while True:
            try:
                n, raw = next(lines)
            except StopIteration:
                return
            except (EOFError, OSError, zlib.error) as exc:
                yield ReadFailure(f"{path}:{n + 1}", f"cannot read past line {n}: {_broken_stream(exc)}; "
                                                     f"the rows before it are read")
                return
            if raw.strip():
                yield _row(raw, path, n, how)


def _row(raw: bytes, path: Path, n: int, how: _Reading) -> Document | ReadFailure:
    """The Document of one JSONL line, or a ReadFailure saying why it is none."""
    where = f"{path}:{n}"
    try:
        line, _ = decode(raw, where)
        row = json.loads(line, parse_int=_json_int)
        if not isinstance(row, dict):
            raise Unreadable(f"a JSON {type(row).__name__}, not an object")
        return _row_document(row, path, n, how)
    except json.JSONDecodeError as exc:
        return ReadFailure(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return ReadFailure(where, "JSON nested too deeply")
    except (Unreadable, OverBudget) as exc:
        return ReadFailure(where, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad row is that row's failure, never the file's
        return ReadFailure(where, failure_reason(exc, "read"))


def _json_int(digits: str) -> int:
    """A JSON integer; Unreadable when it has more digits than Python converts (4,300 by default)."""
    limit = sys.get_int_max_str_digits()
    if limit and len(digits.lstrip("-")) > limit:
        raise Unreadable(f"a JSON integer of {len(digits.lstrip('-')):,} digits (more than {limit:,}, "
                         f"the most Python reads): write it as a string")
    return int(digits)


def _broken_stream(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the compressed file is truncated (it ends before its end-of-stream marker)"
    return f"the compressed file is corrupt ({exc})"


def _read_csv(path: Path, how: _Reading) -> Iterator[Document | ReadFailure]:
    data = path.read_bytes()
    text, notes = decode(data, str(path))
    csv.field_size_limit(MAX_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or how.fields.text not in reader.fieldnames:
        raise Unreadable(f"no {how.fields.text!r} column (columns: {', '.join(reader.fieldnames or []) or 'none'})")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadFailure(f"{path}:{reader.line_num}", f"malformed CSV: {exc}")
            return
        try:
            doc = _row_document(row, path, reader.line_num, how)
            doc.warnings += notes  # the file's encoding fallback holds for every row
            yield doc
        except (Unreadable, OverBudget) as exc:
            yield ReadFailure(f"{path}:{reader.line_num}", str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad row is that row's failure, never the file's
            yield ReadFailure(f"{path}:{reader.line_num}", failure_reason(exc, "read"))


def count_rows(path: Path) -> int:
    """How many non-blank lines a corpus file holds, one more when it cannot be read to the end
    (the line that fails is an input too)."""
    n = 0
    try:
        with _open_maybe_gzip(path) as fh:
            n = sum(1 for line in fh if line.strip())
    except (EOFError, OSError, zlib.error):
        n += 1
    return n


def shown(path: str | os.PathLike) -> str:
    """A path as text that is always valid UTF-8: bytes of a non-UTF-8 name as \\x escapes."""
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that no file-system byte stands for
        raw = os.fspath(path).encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def _is_unicode(text: str) -> bool:
    """Can ``text`` be written as UTF-8 (it holds no lone surrogate)?"""
    return not _SURROGATE.search(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _open_maybe_gzip(path: Path):
    if path.name.endswith(".gz"):
        import gzip

        return gzip.open(path, "rb")
    return open(path, "rb")
