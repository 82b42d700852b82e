"""A run through the result cache: each input's stored result when it has one, the pipeline's otherwise.

A report file is looked up by its bytes, its path and the reading options before it is read, so a
hit costs one read of the file and of its entry; a row of a JSONL or CSV corpus (and a Document
given in code) is looked up by the Document read from it. Only results are stored: a failure is
computed again on every run, as the time budget may not fail it again.

The pipeline, and the gazetteer and mention automaton it needs, are loaded at the first input that
is not in the cache: a rerun where nothing changed never loads them.
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
from geo.cache import ResultCache, StoredResult
from geo.document import Document, ReadFailure
from geo.read import CORPUS_SUFFIXES, MAX_BYTES, Fields, input_files, read_files
from geo.result import DocumentResult

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
    file_key = cache.keys("file", *options)  # then the file's path and bytes

    def lookups():
        for f in input_files(paths, follow_links=follow_links):
            if isinstance(f, ReadFailure) or f.name.lower().endswith(CORPUS_SUFFIXES):
                for item in read_files([f], **reading):
                    yield _document_lookup(item, cache, budget)
                continue
            data = _file_bytes(f)
            key = None if data is None else file_key(str(f), data)
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


def _document_lookup(item: Document | ReadFailure, cache: ResultCache, budget: Budget) -> StoredResult | _ToDo:
    if isinstance(item, ReadFailure):
        return _ToDo(None, item)
    key = cache.key("document", _budget_key(budget), repr(item))  # the repr holds every field of the Document
    return cache.get(key) or _ToDo(key, item)


def _results(lookups: Iterator[StoredResult | _ToDo], cache: ResultCache, workers: int,
             budget: Budget) -> Iterator[DocumentResult | ReadFailure]:
    """Hits as they are, the others processed (on ``workers`` processes) and stored, all in input order."""
    if workers <= 1:
        for found in lookups:
            if isinstance(found, _ToDo):
                from geo.pipeline import outcome

                found = _stored(found, outcome(found.item, cache.gazetteer, budget), cache)
            yield found
        return
    from geo.parallel import process_many

    # The pool reads the lookups in its own thread: each input's place in the order is queued
    # before a document is sent, and the hits before it are given out when its result comes back.
    queued: deque[StoredResult | _ToDo] = deque()

    def todo():
        for found in lookups:
            queued.append(found)
            if isinstance(found, _ToDo):
                cache.gazetteer  # noqa: B018 - loaded before the workers start: they are forked with it
                yield found.item

    for result in process_many(todo(), workers, budget=budget):
        while not isinstance(found := queued.popleft(), _ToDo):
            yield found
        yield _stored(found, result, cache)
    yield from queued


def _stored(todo: _ToDo, result: DocumentResult | ReadFailure, cache: ResultCache) -> DocumentResult | ReadFailure:
    if todo.key and isinstance(result, DocumentResult):
        return cache.put(todo.key, result)
    return result


def _budget_key(budget: Budget) -> str:
    return f"{budget.chars}:{budget.seconds!r}"


def _file_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file the reader would read whole; None for anything else (the reader says why)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or not 0 < st.st_size <= MAX_BYTES:
            return None
        fd = os.open(path, os.O_RDONLY)
        try:
            chunks = [os.read(fd, st.st_size + 1)]
            while chunks[-1] and sum(map(len, chunks)) <= MAX_BYTES:
                chunks.append(os.read(fd, MAX_BYTES + 1 - sum(map(len, chunks))))
        finally:
            os.close(fd)
    except OSError:
        return None
    data = b"".join(chunks)
    return data if len(data) <= MAX_BYTES else None
