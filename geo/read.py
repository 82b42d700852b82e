"""Readers: text and Markdown files, JSONL and CSV corpora, folders and globs -> Documents."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
import warnings
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.budget import Budget
from geo.csvrows import csv_rows
from geo.document import Document, ReadFailure
from geo.errors import OverBudget, Unreadable, failure_reason
from geo.lang import languages
from geo.lines import bounded_lines
from geo.pages import blank_page_breaks
from geo.walk import expand, shown

__all__ = ["read", "iter_read", "read_files", "language_option", "input_files", "open_maybe_gzip", "Fields",
           "MAX_BYTES", "TEXT_SUFFIXES", "CORPUS_SUFFIXES"]


#: Files, corpus lines and CSV rows larger than this are refused rather than read (and never held whole).
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
         date: date | None = None, lang: str | None = None, follow_links: bool = False,
         budget: Budget = Budget()) -> list[Document]:
    """Read reports into Documents; inputs that cannot be read are warned about and skipped.

    Parameters
    ----------
    paths : files (``.txt``, ``.md``, ``.jsonl``, ``.csv``), folders (read recursively) or globs.
    fields : the id, text, date and title fields of JSONL and CSV corpora.
    date : the date of documents that give none themselves.
    lang : the language of every document ("en", "es"); None or "auto": a corpus row's ``lang``
        or ``language`` field, else the language detected from the text. Another code is a ValueError.
    follow_links : read files that links inside a folder point to outside it (skipped by default).
    budget : the most characters of a document, and seconds to read its structure (over it: warned, left out).
    """
    docs = []
    for item in iter_read(paths, fields=fields, date=date, lang=lang, follow_links=follow_links, budget=budget):
        if isinstance(item, ReadFailure):
            warnings.warn(f"{item.path}: {item.error}", stacklevel=2)
        else:
            for note in item.warnings:
                warnings.warn(note, stacklevel=2)
            docs.append(item)
    return docs


def iter_read(paths, *, fields: Fields = Fields(), date: date | None = None, lang: str | None = None,
              follow_links: bool = False, budget: Budget = Budget()) -> Iterator[Document | ReadFailure]:
    """Yield a Document or a ReadFailure for every input, in a stable order (options as in :func:`read`).

    Whatever goes wrong with one input (or one row of a corpus) makes it a ReadFailure with the
    reason, and reading goes on.
    """
    return read_files(input_files(paths, follow_links=follow_links), fields=fields, date=date, lang=lang,
                      budget=budget)


def read_files(files: Iterable[Path | ReadFailure], *, fields: Fields = Fields(), date: date | None = None,
               lang: str | None = None, budget: Budget = Budget()) -> Iterator[Document | ReadFailure]:
    """:func:`iter_read` of the files :func:`input_files` lists (a caller may look at each file first)."""
    return _iter_read(files, _Reading(fields, date, language_option(lang), budget))


def input_files(paths, *, follow_links: bool = False) -> Iterator[Path | ReadFailure]:
    """The files the inputs name (folders walked for the suffixes read), and what is skipped, refused or missing."""
    return expand(paths, TEXT_SUFFIXES + CORPUS_SUFFIXES, follow_links=follow_links)


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


def _iter_read(files, how: _Reading) -> Iterator[Document | ReadFailure]:
    for path in files:
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


_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0e, 0x20)])  # not tab, newline, vertical tab, form feed, return


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
    sample = text[:4096].encode("utf-8", "surrogatepass")  # a control character is one byte in UTF-8
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if controls > 0.1 * min(len(text), 4096):
        raise Unreadable("binary content: mostly control characters, not text")


def _read_text_file(path: Path, how: _Reading) -> Document:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise Unreadable(f"too large: {size / 2**20:.1f} MB (the limit is {MAX_BYTES // 2**20} MB)")
    if size == 0:
        raise Unreadable("empty file")
    with open(path, "rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise Unreadable(f"too large: over {MAX_BYTES // 2**20} MB (the limit)")
    text, notes = decode(data, str(path))
    _check_text(text)
    how.budget.check_size(text)
    doc = Document(id=path.stem, text=blank_page_breaks(text), path=str(path), warnings=notes)
    from geo.cable import annotate_structure  # its patterns are compiled by a run that reads a report

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
    from geo.cable import annotate_structure
    from geo.docdate import parse_date_text

    corpus_date = parse_date_text(str(raw_date)) if raw_date else None
    doc = Document(id=doc_id, text=blank_page_breaks(text), path=f"{path}:{n}")
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
    """Lines streamed one at a time: a line too large or broken is reported, and the others are read."""
    n = 0
    with open_maybe_gzip(path) as fh:
        lines = bounded_lines(fh, MAX_BYTES)
        while True:
            try:
                n, raw = next(lines)
            except StopIteration:
                return
            except (EOFError, OSError, zlib.error) as exc:
                yield ReadFailure(f"{path}:{n + 1}", f"cannot read past line {n}: {_broken_stream(exc)}; "
                                                     f"the rows before it are read")
                return
            if raw is None:
                yield ReadFailure(f"{path}:{n}", f"line too large: over {MAX_BYTES // 2**20} MB (the limit)")
            elif raw.strip():
                yield _row(raw, path, n, how)


def _row(raw: bytes, path: Path, n: int, how: _Reading) -> Document | ReadFailure:
    """The Document of one JSONL line, or a ReadFailure saying why it is none."""
    where = f"{path}:{n}"
    try:
        line, _ = decode(raw, where)
        row = _JSON.decode(line)
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


_JSON = json.JSONDecoder(parse_int=_json_int)  # one decoder for every row


def _broken_stream(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the compressed file is truncated (it ends before its end-of-stream marker)"
    return f"the compressed file is corrupt ({exc})"


def _read_csv(path: Path, how: _Reading) -> Iterator[Document | ReadFailure]:
    """Rows streamed one at a time: a row too large or broken is reported, and the others are read."""
    csv.field_size_limit(MAX_BYTES + 1)
    with _csv_stream(path) as fh:
        rows = csv_rows(fh, MAX_BYTES)
        header = next(rows, None)
        names = _csv_values(header.data, f"{path}:1")[0] if header and header.data else []
        if how.fields.text not in names:
            raise Unreadable(f"no {how.fields.text!r} column (columns: {', '.join(names) or 'none'})")
        for row in rows:
            where = f"{path}:{row.first}"
            try:
                if row.problem:
                    raise Unreadable(row.problem)
                values, notes = _csv_values(row.data, where)
                if values:  # a blank line is no row
                    doc = _row_document(dict(zip(names, values)), path, row.last, how)
                    doc.warnings += notes
                    yield doc
            except (Unreadable, OverBudget) as exc:
                yield ReadFailure(where, str(exc))
            except Exception as exc:  # noqa: BLE001 - one bad row is that row's failure, never the file's
                yield ReadFailure(where, failure_reason(exc, "read"))


def _is_unicode(text: str) -> bool:
    """Can ``text`` be written as UTF-8 (it holds no lone surrogate)?"""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _csv_stream(path: Path):
    """The CSV's bytes, lines ending in LF: the file itself, or (UTF-16, or old Mac CR line ends) a copy in memory."""
    fh = open(path, "rb")
    head = fh.read(8192)
    fh.seek(0)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        with fh:
            text, _ = decode(fh.read(), str(path))
        return io.BytesIO(text.encode("utf-8"))
    if b"\r" in head and b"\n" not in head:
        with fh:
            return io.BytesIO(fh.read().replace(b"\r", b"\n"))
    return fh


def _csv_values(data: bytes, where: str) -> tuple[list[str], list[str]]:
    """The fields of one CSV record, and the notes on its encoding."""
    text, notes = decode(data, where)
    try:
        return next(csv.reader([text]), []), notes
    except csv.Error as exc:
        raise Unreadable(f"malformed CSV: {exc}") from None


def open_maybe_gzip(path: Path):
    """``path`` opened for reading bytes, through gzip when its name ends in .gz."""
    if path.name.endswith(".gz"):
        import gzip

        return gzip.open(path, "rb")
    return open(path, "rb")
