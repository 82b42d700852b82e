"""Run the pipeline on N local processes; results come back in input order, as from one process."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator

from geo.document import Document, ReadFailure
from geo.pipeline import DocumentResult, process

__all__ = ["process_many"]


def _work(item: Document | ReadFailure) -> DocumentResult | ReadFailure:
    return item if isinstance(item, ReadFailure) else process(item)


def process_many(items: Iterable[Document | ReadFailure], workers: int = 1,
                 chunksize: int = 8) -> Iterator[DocumentResult | ReadFailure]:
    """Process documents (passing read failures through) on ``workers`` processes, in order."""
    if workers <= 1:
        yield from (_work(i) for i in items)
        return
    ctx = mp.get_context("fork" if os.name == "posix" else "spawn")
    with ctx.Pool(workers) as pool:
        yield from pool.imap(_work, items, chunksize=chunksize)
