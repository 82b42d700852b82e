"""Benchmark the pipeline on ../shared/bench: documents/s and MB/s for places alone and with
incidents, and peak memory.

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
    from geo.read import iter_read
    from geo.resolve import resolve

    t = time.perf_counter()
    gaz = Gazetteer.load()
    MentionFinder.for_gazetteer(gaz)
    print(f"set-up (gazetteer + automaton): {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    warm = sum(1 for _ in run([str(EXAMPLES)], gazetteer=gaz))
    print(f"warm-up on {warm} example reports (fills lazy caches): {time.perf_counter() - t:.2f} s")
    finder = MentionFinder.for_gazetteer(gaz)
    corpora = paths or sorted(str(p) for p in (SHARED / "bench").glob("*.jsonl.gz"))
    print("read + mentions + resolution (places only; best and median of 3 runs, this VM's timing is noisy):")
    for path in corpora:
        times = []
        for _ in range(3):
            docs = chars = mentions = 0
            t = time.perf_counter()
            for doc in iter_read([path]):
                if hasattr(doc, "text"):
                    docs += 1
                    chars += len(doc.text.encode("utf-8"))
                    mentions += len(resolve(doc, finder.find(doc), gaz))
            times.append(time.perf_counter() - t)
        best, median = min(times), sorted(times)[1]
        print(f"  {Path(path).name}: {docs:,} documents, {chars / 1e6:.1f} MB, {mentions:,} mentions in {best:.2f} s"
              f" -> {docs / best:,.0f} docs/s best, {docs / median:,.0f} median, {chars / 1e6 / best:.2f} MB/s"
              f" (one core)")
    print("full pipeline (places and incidents):")
    for path in corpora:
        docs = chars = mentions = failed = incidents = 0
        t = time.perf_counter()
        for result in run([path], gazetteer=gaz):
            if hasattr(result, "document"):
                docs += 1
                chars += len(result.document.text.encode("utf-8"))
                mentions += len(result.places)
                incidents += len(result.incidents)
            else:
                failed += 1
        dt = time.perf_counter() - t
        print(f"  {Path(path).name}: {docs:,} documents ({failed} failed), {mentions:,} mentions, "
              f"{incidents:,} incidents in {dt:.2f} s -> {docs / dt:,.0f} docs/s, {chars / 1e6 / dt:.2f} MB/s "
              f"(one core)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
