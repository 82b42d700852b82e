"""Run the pipeline on Dask: corpora read in partitions, incidents written as partitioned GeoParquet."""

from __future__ import annotations

import json
import os
from pathlib import Path

from geo.budget import Budget
from geo.read import Fields

__all__ = ["run_dask"]


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
    from geo.read import CORPUS_SUFFIXES, count_rows

    specs = []
    for f in files:
        if not f.name.lower().endswith(CORPUS_SUFFIXES):
            specs.append((str(f), None, None))
            continue
        rows = count_rows(f)
        specs += [(str(f), start, start + rows_per_part) for start in range(0, max(rows, 1), rows_per_part)]
    return specs


def run_dask(paths: list[str], output: str | os.PathLike, *, fields: Fields = Fields(), date=None,
             scheduler: str | None = None, partitions: int | None = None, rows_per_part: int = 500,
             budget: Budget = Budget()) -> dict:
    """Process inputs as a Dask bag of file partitions; write ``output``/part-N.parquet per partition.

    A document that cannot be read or processed, or goes over ``budget``, is listed in ``failed``
    with the reason; the others go on.
    ``scheduler`` is the address of an existing cluster; without it a local cluster is started.
    Incidents are not merged across documents (each partition is independent).
    """
    try:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise SystemExit("--engine dask needs Dask: pip install 'dask[distributed]'") from None
    from geo.read import _expand

    expanded = list(_expand(paths))
    missing = [{"path": p.path, "doc_id": None, "error": p.error} for p in expanded if hasattr(p, "error")]
    specs = _specs([p for p in expanded if not hasattr(p, "error")], rows_per_part)
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("part-*.parquet"):
        stale.unlink()
    n = partitions or max(1, min(len(specs), 4 * (os.cpu_count() or 1)))
    chunks = [specs[i::n] for i in range(n) if specs[i::n]]
    cluster = None if scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                                 dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        bag = db.from_sequence(chunks, npartitions=len(chunks)).map_partitions(
            lambda part: [r for chunk in part for r in _partition(chunk, fields.__dict__, date, budget)])
        parts = bag.compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary = {"partitions": len(parts), "read": 0, "failed": missing, "mentions": 0, "incidents": 0}
    for i, part in enumerate(parts):
        table = part["table"]
        if len(table):
            from geo.table import write_table

            write_table(table, out / f"part-{i:05d}.parquet")
        summary["read"] += part["read"]
        summary["failed"] += part["failed"]
        summary["mentions"] += part["mentions"]
        summary["incidents"] += len(table)
    (out / "_summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary
