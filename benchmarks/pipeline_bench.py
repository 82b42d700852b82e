"""Benchmark read + mentions + resolution on ../shared/bench: documents/s, MB/s, peak memory.

Run ``python benchmarks/pipeline_bench.py [CORPUS.jsonl.gz ...]``; prints one line per corpus.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"


def main(paths: list[str]) -> None:
    from gazetteer import Gazetteer
    from geo.extract import run
    from geo.mentions import MentionFinder

    t = time.perf_counter()
    gaz = Gazetteer.load()
    MentionFinder.for_gazetteer(gaz)
    print(f"set-up (gazetteer + automaton): {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    warm = sum(1 for _ in run([str(EXAMPLES)], gazetteer=gaz))
    print(f"warm-up on {warm} example reports (fills lazy caches): {time.perf_counter() - t:.2f} s")
    for path in paths or sorted(str(p) for p in (SHARED / "bench").glob("*.jsonl.gz")):
        docs = chars = mentions = failed = 0
        t = time.perf_counter()
        for result in run([path], gazetteer=gaz):
            if hasattr(result, "document"):
                docs += 1
                chars += len(result.document.text.encode("utf-8"))
                mentions += len(result.places)
            else:
                failed += 1
        dt = time.perf_counter() - t
        print(f"{Path(path).name}: {docs:,} documents ({failed} failed), {chars / 1e6:.1f} MB, "
              f"{mentions:,} mentions in {dt:.2f} s -> {docs / dt:,.0f} docs/s, {chars / 1e6 / dt:.2f} MB/s "
              f"(one core)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
