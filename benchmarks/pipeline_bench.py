"""Benchmark the pipeline on ../shared/bench: documents/s and MB/s for places alone and with
incidents, the CPU seconds of each stage on cable-length reports, and peak memory.

Run ``python benchmarks/pipeline_bench.py [CORPUS.jsonl.gz ...]``; prints one line per corpus, then
the stages (read, find mentions, resolve, annotate, incidents; the least CPU time of 4 passes each) on
the bench's reports other than the truth commission's paragraphs (cables, State Department reports,
encyclopaedia and news articles, ids not starting "cvr-"), cycled to 1,000 documents.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import tempfile
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
    stages(gaz, sorted((SHARED / "bench").glob("*.jsonl.gz")))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")


def stages(gaz, bench: list[Path], n: int = 1_000, passes: int = 4) -> None:
    """Print each stage's least CPU seconds over ``passes`` passes on ``n`` cable-length reports."""
    from geo.annotate import annotate
    from geo.incidents import extract_incidents
    from geo.mentions import MentionFinder
    from geo.read import iter_read
    from geo.resolve import resolve

    rows = [row for path in bench for line in gzip.open(path, "rt", encoding="utf-8")
            if not (row := json.loads(line))["id"].startswith("cvr-")]
    if not rows:
        return
    finder = MentionFinder.for_gazetteer(gaz)
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "reports.jsonl"
        with open(corpus, "w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps(dict(rows[i % len(rows)], id=f"report-{i}"), ensure_ascii=False) + "\n")
        for _ in range(passes):
            spent = dict.fromkeys(("read", "find", "resolve", "annotate", "incidents"), 0.0)
            clock = time.process_time()
            docs = [d for d in iter_read([str(corpus)]) if hasattr(d, "text")]
            spent["read"] = time.process_time() - clock
            for doc in docs:
                t0 = time.process_time()
                mentions = finder.find(doc)
                t1 = time.process_time()
                places = resolve(doc, mentions, gaz)
                t2 = time.process_time()
                annotations = annotate(doc)
                t3 = time.process_time()
                extract_incidents(doc, places, annotations=annotations)
                t4 = time.process_time()
                for stage, seconds in zip(("find", "resolve", "annotate", "incidents"), (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                    spent[stage] += seconds
            best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    size = sum(len(d.text.encode("utf-8")) for d in docs) / len(docs) / 1e3
    total = sum(best.values())
    print(f"stages on {len(docs):,} cable-length reports ({len(rows)} distinct, {size:.1f} KB average), CPU s, "
          f"least of {passes}: " + ", ".join(f"{k} {v:.2f}" for k, v in best.items())
          + f"; total {total:.2f} -> {len(docs) / total:,.0f} docs/s (one core)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", help="JSONL corpora (default: every ../shared/bench/*.jsonl.gz)")
    main(parser.parse_args().corpora)
