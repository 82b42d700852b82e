"""A run through the result cache: each input's stored result when it has one, the pipeline's otherwise.

A report file is looked up by its bytes, its path and the reading options before it is read, so a
hit costs one read of the file and of its entry; a row of a JSONL or CSV corpus (and a Document
given in code) is looked up by the Document read from it. Only results are stored: a failure is
computed again on every run, as the time budget may not fail it again.
"""

from __future__ import annotations

import os
import stat
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.budget import Budget
from geo.cache import ResultCache
from geo.document import Document, ReadFailure
from geo.parallel import process_many
from geo.pipeline import DocumentResult, outcome
from geo.read import CORPUS_SUFFIXES, MAX_BYTES, Fields, input_files, read_files

__all__ = ["cached_path_results", "cached_document_results"]


@dataclass(frozen=True, slots=True)
class _ToDo:
    """An input to process, with the key to store its result under (None: not stored)."""

    key: str | None
    item: Document | ReadFailure


def cached_path_results(paths, cache: ResultCache, *, fields: Fields, date: date | None, lang: str | None,
                        follow_links: bool, budget: Budget, workers: int = 1
                        ) -> Iterator[DocumentResult | ReadFailure]:
    """The result (or failure) of every input of ``paths``, in input order, as :func:`geo.run` gives them."""
    options = (date.isoformat() if date else "", lang or "", _budget_key(budget))
    reading = {"fields": fields, "date": date, "lang": lang, "budget": budget}

    def lookups():
        for f in input_files(paths, follow_links=follow_links):
            if isinstance(f, ReadFailure) or f.name.lower().endswith(CORPUS_SUFFIXES):
                for item in read_files([f], **reading):
                    yield _document_lookup(item, cache, budget)
                continue
            data = _file_bytes(f)
            key = None if data is None else cache.key("file", str(f), *options, data)
            hit = cache.get(key) if key else None
            if hit is not None:
                yield hit
                continue
            items = list(read_files([f], **reading))
            if data is not None and _file_bytes(f) != data:
                key = None  # changed while it was read: what was read is not what the key says
            for item in items:
                yield _ToDo(key if isinstance(item, Document) else None, item)

    return _results(lookups(), cache, workers, budget)


def cached_document_results(items: Iterable[Document | ReadFailure], cache: ResultCache, *, budget: Budget,
                            workers: int = 1) -> Iterator[DocumentResult | ReadFailure]:
    """The result (or failure) of every Document of ``items``, in order."""
    return _results((_document_lookup(item, cache, budget) for item in items), cache, workers, budget)


def _document_lookup(item: Document | ReadFailure, cache: ResultCache, budget: Budget) -> DocumentResult | _ToDo:
    if isinstance(item, ReadFailure):
        return _ToDo(None, item)
    key = cache.key("document", _budget_key(budget), repr(item))  # the repr holds every field of the Document
    return cache.get(key) or _ToDo(key, item)


def _results(lookups: Iterator[DocumentResult | _ToDo], cache: ResultCache, workers: int,
             budget: Budget) -> Iterator[DocumentResult | ReadFailure]:
    """Hits as they are, the others processed (on ``workers`` processes) and stored, all in input order."""
    if workers <= 1:
        for found in lookups:
            if isinstance(found, _ToDo):
                found = _stored(found, outcome(found.item, cache.gazetteer, budget), cache)
            yield found
        return
    # The pool reads the lookups in its own thread: each input's place in the order is queued
    # before a document is sent, and the hits before it are given out when its result comes back.
    queued: deque[DocumentResult | _ToDo] = deque()

    def todo():
        for found in lookups:
            queued.append(found)
            if isinstance(found, _ToDo):
                yield found.item

    for result in process_many(todo(), workers, budget=budget):
        while not isinstance(found := queued.popleft(), _ToDo):
            yield found
        yield _stored(found, result, cache)
    yield from queued


def _stored(todo: _ToDo, result: DocumentResult | ReadFailure, cache: ResultCache) -> DocumentResult | ReadFailure:
    if todo.key and isinstance(result, DocumentResult):
        cache.put(todo.key, result)
    return result


def _budget_key(budget: Budget) -> str:
    return f"{budget.chars}:{budget.seconds!r}"


def _file_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file the reader would read whole; None for anything else (the reader says why)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or not 0 < st.st_size <= MAX_BYTES:
            return None
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_BYTES else None
