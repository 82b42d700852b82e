"""Run the pipeline on a Dask cluster: documents sent in partitions, results back in input order."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from geo.budget import Budget
from geo.document import Document, ReadFailure
from geo.errors import GeoError
from geo.parallel import batches, outcomes
from geo.result import DocumentResult

__all__ = ["DaskRun", "dask_run", "SchedulerUnreachable", "CONNECT_SECONDS", "PARTITION_DOCS", "AHEAD", "LOG_LENGTH"]

#: How long to try reaching a given scheduler before giving up.
CONNECT_SECONDS = 3
#: Documents in one partition (one Dask task): about 0.6 MB of cable-length text, a second of work.
PARTITION_DOCS = 200
#: Partitions sent per worker before the first comes back (the rest of the corpus is not yet read).
AHEAD = 2
#: The length of the logs Dask keeps for its developers (``distributed.admin.low-level-log-length``):
#: among them every recent message under 1 MB, a partition's documents or results each, 1,000 by
#: default (about 400 MB of cable-length documents held in the client, as much in the scheduler).
LOG_LENGTH = 8


class SchedulerUnreachable(GeoError):
    """The --scheduler address given answers nothing (or not as a Dask scheduler)."""


class DaskRun:
    """Documents processed on a Dask cluster, a partition a task, yielded in input order.

    The cluster retries a partition whose worker dies (Dask's ``allowed-failures``); a partition
    lost all the same is listed in ``failed_partitions`` and its documents are retried one a task,
    and one lost again is a ReadFailure saying so: never a silently missing document.
    """

    def __init__(self, client, budget: Budget = Budget(), partition_docs: int = PARTITION_DOCS):
        self.client, self.budget, self.partition_docs = client, budget, partition_docs
        self.failed_partitions: list[dict] = []

    def process(self, items: Iterable[Document | ReadFailure]) -> Iterator[DocumentResult | ReadFailure]:
        """The outcome of every item, in order; at most ``AHEAD`` partitions a worker in hand at a time."""
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        parts = enumerate(batches(items, self.partition_docs))
        pending = deque(self._submit(n, part) for n, part in islice(parts, AHEAD * workers))
        while pending:
            n, part, future = pending.popleft()
            try:
                done = future.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker, or whatever else lost the partition
                done = self._lost(n, part, exc)
            finally:
                future.release()
            pending.extend(self._submit(n, part) for n, part in islice(parts, 1))
            yield from done

    def _submit(self, n: int, part: list):
        return n, part, self.client.submit(outcomes, part, self.budget, pure=False, key=f"geo-partition-{n}")

    def _lost(self, n: int, part: list, exc: BaseException) -> list[DocumentResult | ReadFailure]:
        """A lost partition's documents retried one a task; one lost again is a ReadFailure saying so."""
        reason = _reason(exc)
        alone = [self.client.submit(outcomes, [item], self.budget, pure=False, key=f"geo-partition-{n}-{i}")
                 for i, item in enumerate(part)]
        done = []
        for item, future in zip(part, alone):
            try:
                [result] = future.result()
            except Exception as again:  # noqa: BLE001 - as above
                result = ReadFailure(item.path, f"lost with Dask partition {n} ({reason}), and again when "
                                                f"retried alone ({_reason(again)})", item.id)
            finally:
                future.release()
            done.append(result)
        self.failed_partitions.append({"partition": n, "documents": len(part), "first": part[0].path,
                                       "last": part[-1].path, "error": reason,
                                       "lost_again": sum(isinstance(r, ReadFailure) and r.error.startswith(
                                           f"lost with Dask partition {n} ") for r in done)})
        return done


def _reason(exc: BaseException) -> str:
    """The type and first line of what lost a task."""
    return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}".rstrip(": ")


@contextmanager
def dask_run(scheduler: str | None, budget: Budget = Budget(), partition_docs: int = PARTITION_DOCS):
    """A DaskRun on the cluster at ``scheduler``, or on a local cluster of two single-threaded worker
    processes started (and stopped) for the run. SchedulerUnreachable if ``scheduler`` does not
    answer within CONNECT_SECONDS; SystemExit saying how to install Dask if it is missing."""
    try:
        import dask
        import dask.distributed  # noqa: F401 - what _connected imports
    except ImportError:
        raise SystemExit("--engine dask needs Dask: pip install 'dask[distributed]'") from None
    with dask.config.set({"distributed.admin.low-level-log-length": LOG_LENGTH}):  # read as each part starts
        with _connected(scheduler) as client:
            yield DaskRun(client, budget, partition_docs)


@contextmanager
def _connected(scheduler: str | None):
    """A client of the cluster at ``scheduler``, or of a local one started (and stopped) for the run."""
    from dask.distributed import Client, LocalCluster

    if scheduler is None:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
        return
    quiet = logging.getLogger("distributed")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # a refused connection is one message here, not three tracebacks
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerUnreachable(f"--scheduler {scheduler}: no Dask scheduler answers there "
                                   f"within {CONNECT_SECONDS} s ({type(exc).__name__})") from None
    finally:
        quiet.setLevel(level)
    with client:
        yield client
