"""Benchmark the engines as a user runs them: docs/s, MB/s and peak memory per process for one process,
``--workers 2`` and ``--engine dask`` (a local 2-worker cluster), on ../shared/bench and on a larger
corpus built from it.

Run ``python benchmarks/engines_bench.py [--docs N] [--format jsonl|parquet] [--engines NAME ...]``
(default 100,000 documents, JSONL records to /dev/null, every engine: ``process``, ``workers``,
``dask``). The large corpus is the bench reports cycled with fresh ids, written to a temporary
folder and removed afterwards. Each run is ``incidents extract`` in a
subprocess; the peak resident memory (VmHWM) of every process of the run is read from /proc while
it runs. docs/s and MB/s count the whole run; "set-up" is the same run on one document (imports, the
gazetteer, the cluster's start), and "steady" the rate without it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ENGINES = {"1 process": [], "2 processes": ["--workers", "2"], "Dask, local 2 workers": ["--engine", "dask"]}
CHOICES = dict(zip(("process", "workers", "dask"), ENGINES))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the built corpus")
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "parquet"],
                        help="what the runs write (jsonl: records to /dev/null; parquet: the table)")
    parser.add_argument("--engines", nargs="+", default=list(CHOICES), choices=list(CHOICES),
                        help="the engines to run (default: all)")
    args = parser.parse_args()
    engines = {CHOICES[e]: ENGINES[CHOICES[e]] for e in args.engines}
    bench = sorted((SHARED / "bench").glob("*.jsonl.gz"))
    with tempfile.TemporaryDirectory(prefix="engines-bench-") as tmp:
        tmp = Path(tmp)
        _build(bench, tmp / "one.jsonl", 1)
        corpora = [(f"../shared/bench ({', '.join(p.name for p in bench)})", [str(p) for p in bench],
                    _measure(bench)),
                   (f"built corpus of {args.docs:,} documents", [str(tmp / "big.jsonl")],
                    _build(bench, tmp / "big.jsonl", args.docs))]
        output = "/dev/null" if args.format == "jsonl" else str(tmp / "out.parquet")
        setup = {name: _run([str(tmp / "one.jsonl")], engine, output, args.format)[0] for name, engine in engines.items()}
        print(f"engines on {os.cpu_count()} cores, writing {args.format}"
              f"{' to /dev/null' if args.format == 'jsonl' else ''}; set-up (one document): "
              + ", ".join(f"{name} {s:.1f} s" for name, s in setup.items()))
        for label, paths, (docs, megabytes) in corpora:
            print(f"{label}: {docs:,} documents, {megabytes:.1f} MB of text")
            for name, engine in engines.items():
                seconds, peaks = _run(paths, engine, output, args.format)
                steady = max(seconds - setup[name], 1e-9)
                main_peak, others = peaks[0], peaks[1:]
                print(f"  {name:22s} {seconds:7.1f} s  {docs / seconds:6.0f} docs/s  {megabytes / seconds:5.2f} MB/s"
                      f"  (steady {docs / steady:5.0f} docs/s, {megabytes / steady:5.2f} MB/s)  peak memory: main "
                      f"{main_peak:.0f} MB" + (f", other processes {', '.join(f'{p:.0f}' for p in others)} MB"
                                               if others else ""))


def _measure(paths: list[Path]) -> tuple[int, float]:
    """(documents, MB of text) of JSONL corpora."""
    docs = size = 0
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                docs += 1
                size += len(json.loads(line)["text"].encode("utf-8"))
    return docs, size / 1e6


def _build(sources: list[Path], target: Path, n: int) -> tuple[int, float]:
    """Write ``n`` documents cycled from ``sources`` (fresh ids) to ``target``; (documents, MB of text)."""
    rows = [json.loads(line) for path in sources for line in gzip.open(path, "rt", encoding="utf-8")]
    size = 0
    with open(target, "w", encoding="utf-8") as fh:
        for i in range(n):
            row = dict(rows[i % len(rows)], id=f"doc-{i}")
            size += len(row["text"].encode("utf-8"))
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n, size / 1e6


def _run(paths: list[str], engine: list[str], output: str, fmt: str) -> tuple[float, list[float]]:
    """Seconds of one ``incidents extract`` run, and the peak MB of its main process then of every other one."""
    command = [sys.executable, "-m", "geo.cli", "extract", *paths, *engine, "--format", fmt, "-o", output, "-q"]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    peaks: dict[int, float] = {}
    while proc.poll() is None:
        for pid in [proc.pid, *_descendants(proc.pid)]:
            peak = _peak_mb(pid)
            if peak is not None:
                peaks[pid] = max(peak, peaks.get(pid, 0))
        time.sleep(0.25)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}): {proc.stderr.read()[-2000:]}")
    main_peak = peaks.pop(proc.pid, 0.0)
    return seconds, [main_peak, *sorted(peaks.values(), reverse=True)]


def _descendants(pid: int) -> list[int]:
    """Every process under ``pid`` (from /proc/PID/task/*/children)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found += children
            todo += children
    return found


def _peak_mb(pid: int) -> float | None:
    """The peak resident memory of ``pid`` so far, in MB (None once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


if __name__ == "__main__":
    main()
