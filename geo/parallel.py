"""Run the pipeline on N local processes; results come back in input order, as from one process."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from geo.budget import Budget
from geo.document import Document, ReadFailure
from geo.result import DocumentResult

__all__ = ["process_many", "batches", "outcomes", "AHEAD", "DIED"]

#: Chunks handed out per worker before the first comes back: enough to keep every worker busy,
#: few enough that the documents read ahead (and the results waiting) stay a bounded number.
AHEAD = 4
#: The reason given for a document whose worker process died under it, twice.
DIED = ("the worker process died while processing it (killed, out of memory, or crashed), "
        "and again when it was retried alone")


def process_many(items: Iterable[Document | ReadFailure], workers: int = 1, chunksize: int = 8,
                 budget: Budget = Budget()) -> Iterator[DocumentResult | ReadFailure]:
    """Process documents (passing read failures through) on ``workers`` processes, in order.

    A document that fails, or goes over ``budget``, comes back as a ReadFailure with the reason.
    At most ``AHEAD * workers`` chunks of ``chunksize`` documents are in hand at a time, so memory
    does not grow with the corpus. When a worker process dies, the documents in hand are retried
    one at a time on new processes; one whose process dies again is a ReadFailure (``DIED``).
    """
    if workers <= 1:
        yield from (outcome(i, budget=budget) for i in items)
        return
    chunks = batches(items, chunksize)
    first = next(chunks, None)
    if first is None:  # nothing to process (every input came from the cache): no workers started
        return
    import geo.pipeline  # noqa: F401 - imported before the workers start: they are forked with it

    chunks = chain([first], chunks)
    pool = _Pool(workers, budget)
    try:
        pending = deque(pool.submit(chunk) for chunk in islice(chunks, AHEAD * workers))
        while pending:
            chunk, future = pending.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:
                lost = [chunk, *(c for c, _ in pending)]
                pending.clear()
                pool.restart()
                for item in (i for c in lost for i in c):
                    yield pool.alone(item)
                pending.extend(pool.submit(chunk) for chunk in islice(chunks, AHEAD * workers))
                continue
            pending.extend(pool.submit(chunk) for chunk in islice(chunks, 1))
            yield from done
    finally:
        pool.close()


class _Pool:
    """Worker processes that can be replaced when one dies (which breaks them all)."""

    def __init__(self, workers: int, budget: Budget):
        self.workers, self.budget = workers, budget
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=mp.get_context("fork" if os.name == "posix" else "spawn"))

    def submit(self, chunk: list):
        return chunk, self.executor.submit(outcomes, chunk, self.budget)

    def restart(self) -> None:
        self.close()
        self.executor = self._start()

    def alone(self, item: Document | ReadFailure) -> DocumentResult | ReadFailure:
        """One item processed on its own (after a death); its process dying again fails it."""
        try:
            [result] = self.executor.submit(outcomes, [item], self.budget).result()
            return result
        except BrokenProcessPool:
            self.restart()
            return ReadFailure(item.path, DIED, item.id)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def outcome(item: Document | ReadFailure, gazetteer=None, budget: Budget = Budget()) -> DocumentResult | ReadFailure:
    """:func:`geo.pipeline.outcome`, its module imported at the first document (not by a run that processes none)."""
    from geo.pipeline import outcome as process_one

    return process_one(item, gazetteer, budget)


def batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter), read as they are asked for."""
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def outcomes(chunk: list[Document | ReadFailure], budget: Budget) -> list[DocumentResult | ReadFailure]:
    """The outcome of every item of one chunk, in order (what a worker process or a Dask task runs)."""
    return [outcome(item, budget=budget) for item in chunk]
