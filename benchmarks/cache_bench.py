"""Benchmark ``incidents extract --cache``: a cold run, a warm rerun, and a rerun with 1% of the reports changed.

Writes N reports (default 2,000) of ../shared/bench/reports-5k.jsonl.gz as text files into a
temporary folder (past 5,000 the corpus is taken again, each copy under its own name), then times
the command as a user runs it (a new process each time, start-up included) and checks that every
cached run writes the output of an uncached run. Each run's CPU time is given beside its wall time:
on a shared machine it is the steadier figure, and the ratios are of CPU times: to the uncached
run's, and, for the reruns, to the cold run's.

Run ``python benchmarks/cache_bench.py [N]``; prints one line per run.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "bench" / "reports-5k.jsonl.gz"


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        reports = tmp / "reports"
        reports.mkdir()
        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh]
        for i, text in zip(range(n), itertools.cycle(texts)):
            (reports / f"report-{i:05d}.txt").write_text(text, encoding="utf-8")
        size = sum(p.stat().st_size for p in reports.iterdir()) / 2**20
        print(f"{n:,} reports ({size:.1f} MB) from {CORPUS.name}, one process each run, start-up included")
        one = tmp / "one"
        one.mkdir()
        (one / "report.txt").write_bytes((reports / "report-00000.txt").read_bytes())
        extract(one, tmp / "c1.jsonl", cache=tmp / "cache-one")
        seconds, cpu, _ = extract(one, tmp / "c1.jsonl", cache=tmp / "cache-one")
        print(f"  start-up (a warm run over one report): {seconds:.2f} s, {cpu:.2f} s CPU")
        _, plain, _ = extract(reports, tmp / "plain.jsonl", show="uncached run")
        cache, cold = tmp / "cache", None
        for label, changed in (("cold run, empty cache", 0), ("warm rerun, nothing changed", 0),
                               ("rerun, 1% of the reports changed", n // 100)):
            for i in range(changed):  # every hundredth report gets a sentence more
                path = reports / f"report-{i * 100:05d}.txt"
                path.write_text(path.read_text(encoding="utf-8") + "\nThe situation remains calm.\n", encoding="utf-8")
            if changed:
                _, plain, _ = extract(reports, tmp / "plain.jsonl", show="uncached run after the change")
            seconds, cpu, counts = extract(reports, tmp / "cached.jsonl", cache=cache)
            same = (tmp / "cached.jsonl").read_bytes() == (tmp / "plain.jsonl").read_bytes()
            of_cold = f", {cpu / cold:.1%} of the cold run's" if cold else ""
            cold = cold or cpu
            print(f"  {label}: {seconds:.2f} s, {cpu:.2f} s CPU ({cpu / plain:.0%} of the uncached run's{of_cold}); "
                  f"{counts['hits']:,} reused, {counts['misses']:,} computed; output identical: {same}")
        entries = [p for p in (cache / "entries").glob("*/*")]
        print(f"  cache: {len(entries):,} entries, {sum(p.stat().st_size for p in entries) / 2**20:.1f} MB")


def extract(folder: Path, output: Path, cache: Path | None = None, show: str = "") -> tuple[float, float, dict]:
    """The wall and CPU seconds ``incidents extract`` takes, and its cache counts (printed, if ``show``)."""
    report = output.with_suffix(".report.json")
    args = [sys.executable, "-m", "geo.cli", "extract", str(folder), "-o", str(output), "-q", "--report", str(report)]
    if cache:
        args += ["--cache", str(cache)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed package runs: compiled once, then read from .pyc
    before, t = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(args, check=True, env=env)
    seconds, after = time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if show:
        print(f"  {show}: {seconds:.2f} s, {cpu:.2f} s CPU ({n_inputs(folder) / cpu:,.0f} reports per CPU second)")
    return seconds, cpu, json.loads(report.read_text(encoding="utf-8")).get("cache", {})


def n_inputs(folder: Path) -> int:
    return sum(1 for _ in folder.iterdir())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=2000, help="reports in the folder (default 2,000)")
    main(parser.parse_args().n)
