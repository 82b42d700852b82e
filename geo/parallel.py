"""Run the pipeline on N local processes; results come back in input order, as from one process."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from functools import partial

from geo.budget import Budget
from geo.document import Document, ReadFailure
from geo.pipeline import DocumentResult, outcome

__all__ = ["process_many"]


def process_many(items: Iterable[Document | ReadFailure], workers: int = 1, chunksize: int = 8,
                 budget: Budget = Budget()) -> Iterator[DocumentResult | ReadFailure]:
    """Process documents (passing read failures through) on ``workers`` processes, in order.

    A document that fails, or goes over ``budget``, comes back as a ReadFailure with the reason.
    """
    work = partial(outcome, budget=budget)
    if workers <= 1:
        yield from (work(i) for i in items)
        return
    ctx = mp.get_context("fork" if os.name == "posix" else "spawn")
    with ctx.Pool(workers) as pool:
        yield from pool.imap(work, items, chunksize=chunksize)
