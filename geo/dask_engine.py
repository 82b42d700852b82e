"""Run the pipeline on Dask: corpora read in partitions, incidents written as partitioned GeoParquet."""

from __future__ import annotations

import json
import logging
import os
from contextlib import contextmanager
from pathlib import Path

from geo.budget import Budget
from geo.errors import GeoError
from geo.output import atomic_writer
from geo.read import Fields

__all__ = ["run_dask", "SchedulerUnreachable", "CONNECT_SECONDS"]

#: How long to try reaching a given scheduler before giving up.
CONNECT_SECONDS = 3


class SchedulerUnreachable(GeoError):
    """The --scheduler address given answers nothing (or not as a Dask scheduler)."""


def _partition(specs: list[tuple[str, int, int]], fields: dict, default_date, budget: Budget) -> list[dict]:
    """Read and process one partition (files, or row ranges of corpora); return its incidents table."""
    from itertools import islice

    from geo.document import ReadFailure
    from geo.parallel import process_many
    from geo.read import Fields, iter_read
    from geo.table import incidents_table

    def items():
        for path, first, last in specs:
            yield from islice(iter_read([path], fields=Fields(**fields), date=default_date, budget=budget),
                              first, last)

    results, failed, mentions = [], [], 0
    for item in process_many(items(), budget=budget):
        if isinstance(item, ReadFailure):
            failed.append({"path": item.path, "doc_id": item.id, "error": item.error})
        else:
            results.append(item)
            mentions += len(item.places)
    table = incidents_table(results, merge=False)
    return [{"table": table, "read": len(results), "failed": failed, "mentions": mentions}]


def _specs(files: list[Path], rows_per_part: int) -> list[tuple[str, int | None, int | None]]:
    """One spec per text file; corpora (JSONL, CSV) cut into ranges of ``rows_per_part`` rows."""
    from geo.lines import count_lines
    from geo.read import CORPUS_SUFFIXES, open_maybe_gzip

    specs = []
    for f in files:
        if not f.name.lower().endswith(CORPUS_SUFFIXES):
            specs.append((str(f), None, None))
            continue
        try:
            with open_maybe_gzip(f) as fh:
                rows = count_lines(fh)
        except OSError:
            rows = 1  # the reader reports what is wrong with it
        specs += [(str(f), start, start + rows_per_part) for start in range(0, max(rows, 1), rows_per_part)]
    return specs


def run_dask(paths: list[str], output: str | os.PathLike, *, fields: Fields = Fields(), date=None,
             scheduler: str | None = None, partitions: int | None = None, rows_per_part: int = 500,
             follow_links: bool = False, budget: Budget = Budget()) -> dict:
    """Process inputs as a Dask bag of file partitions; write ``output``/part-N.parquet per partition.

    A document that cannot be read or processed, or goes over ``budget``, is listed in ``failed``
    with the reason; the others go on.
    ``scheduler`` is the address of an existing cluster (SchedulerUnreachable if it does not answer
    within CONNECT_SECONDS); without it a local cluster is started. Incidents are not merged across
    documents (each partition is independent). The previous parts are replaced only once every
    partition is done.
    """
    try:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise SystemExit("--engine dask needs Dask: pip install 'dask[distributed]'") from None
    from geo.read import input_files
    from geo.table import write_table

    expanded = list(input_files(paths, follow_links=follow_links))
    missing = [{"path": p.path, "doc_id": None, "error": p.error} for p in expanded if not isinstance(p, Path)]
    specs = _specs([p for p in expanded if isinstance(p, Path)], rows_per_part)
    n = partitions or max(1, min(len(specs), 4 * (os.cpu_count() or 1)))
    chunks = [specs[i::n] for i in range(n) if specs[i::n]]
    with _client(scheduler, client_class=Client, cluster_class=LocalCluster) as client:
        bag = db.from_sequence(chunks, npartitions=len(chunks)).map_partitions(
            lambda part: [r for chunk in part for r in _partition(chunk, fields.__dict__, date, budget)])
        parts = client.compute(bag).result()
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    summary = {"partitions": len(parts), "read": 0, "failed": missing, "mentions": 0, "incidents": 0}
    written = set()
    for i, part in enumerate(parts):
        table = part["table"]
        if len(table):
            write_table(table, out / f"part-{i:05d}.parquet")
            written.add(f"part-{i:05d}.parquet")
        summary["read"] += part["read"]
        summary["failed"] += part["failed"]
        summary["mentions"] += part["mentions"]
        summary["incidents"] += len(table)
    for stale in out.glob("part-*.parquet"):
        if stale.name not in written:
            stale.unlink()
    with atomic_writer(out / "_summary.json") as fh:
        json.dump(summary, fh, ensure_ascii=False, indent=1)
    return summary


@contextmanager
def _client(scheduler: str | None, *, client_class, cluster_class):
    """A client of the scheduler at ``scheduler``, or of a local cluster started (and stopped) for the run
    (the classes are Dask's, imported where their absence is reported)."""
    if scheduler is None:
        with cluster_class(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                client_class(cluster) as client:
            yield client
        return
    quiet = logging.getLogger("distributed")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # a refused connection is one message here, not three tracebacks
    try:
        client = client_class(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerUnreachable(f"--scheduler {scheduler}: no Dask scheduler answers there "
                                   f"within {CONNECT_SECONDS} s ({type(exc).__name__})") from None
    finally:
        quiet.setLevel(level)
    with client:
        yield client
