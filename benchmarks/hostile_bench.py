"""Run the hostile corpus (tests/hostile_corpus.py) and issue 14's cases, and print: inputs tried, crashes,
hangs, lost documents, the slowest input and peak memory.

Issue 14's cases: dates at the edge of the calendar, a lone surrogate, a huge JSON integer, a truncated
.jsonl.gz, a non-UTF-8 file name, an explicit FIFO, and texts that once took quadratic time (25,000 blank
lines, 60,000 short sentences, 100,000 dates, "1" + ",000" x 100,000, "one " x 800, "two hundred and " x 400),
each read locally, on two workers and on Dask, and drawn by ``map`` and ``report``.

Run ``python benchmarks/hostile_bench.py``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from hostile_corpus import count_inputs, write_hostile_corpus, write_isolation_cases  # noqa: E402

#: A run taking longer than this is a hang.
HANG_SECONDS = 600
#: Texts that once took quadratic time or never finished, at the sizes the issue names.
SLOW_TEXTS = {
    "blank-lines.txt": "Gunmen ambushed a patrol in Huanta." + "\n" * 25_000 + "end",
    "short-sentences.txt": "A b. " * 60_000,
    "dates.txt": "Attack in Huanta. " + "May 3, 2009 " * 100_000,
    "thousands.txt": "Rebels in Huanta killed 1" + ",000" * 100_000 + " people.",
    "one.txt": "An ambush in Huanta involved " + "one " * 800 + "soldiers.",
    "two-hundred-and.txt": "An ambush in Huanta killed " + "two hundred and " * 400 + "soldiers.",
}


def run(args: list[str]) -> tuple[subprocess.CompletedProcess | None, float, float]:
    """(the finished run or None when it hung, its seconds, the peak memory in MB of any run so far)."""
    t = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                              timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        done = None
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return done, time.perf_counter() - t, peak


def crashed(done: subprocess.CompletedProcess | None) -> bool:
    return done is not None and (done.returncode not in (0, 1) or "Traceback" in done.stderr)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        made = write_hostile_corpus(root / "in")
        for name, text in SLOW_TEXTS.items():
            (root / "in" / "slow").mkdir(exist_ok=True)
            (root / "in" / "slow" / name).write_text(text, encoding="utf-8")
        cases = write_isolation_cases(root / "iso")
        fifo = cases["x.jsonl"]
        runs: list[tuple[str, subprocess.CompletedProcess | None, float]] = []
        lost = 0

        def extract(label: str, *args) -> dict | None:
            nonlocal lost
            out, report = root / f"{label}.jsonl", root / f"{label}.json"
            done, seconds, _ = run(["extract", *args, "-o", out, "--report", report, "-q"])
            runs.append((label, done, seconds))
            if done is None or not report.exists():
                return None
            summary = json.loads(report.read_text(encoding="utf-8"))
            lost += summary["inputs"] - len(out.read_text(encoding="utf-8").splitlines())
            return summary

        corpus = extract("corpus", root / "in")
        iso = [extract(f"iso-{d}", root / "iso" / "in", fifo, "--date", d) for d in ("0001-01-01", "9999-12-31")]
        extract("iso-workers", root / "iso" / "in", fifo, "--workers", "2")
        done, seconds, _ = run(["extract", root / "iso" / "in", fifo, "--engine", "dask", "-o", root / "parts",
                                "--report", root / "dask.json", "-q"])
        runs.append(("iso-dask", done, seconds))
        if done is not None and iso[0]:
            dask = json.loads((root / "dask.json").read_text(encoding="utf-8"))
            lost += iso[0]["inputs"] - dask["read"] - len(dask["failed"])
        for command in ("map", "report"):
            done, seconds, _ = run([command, root / "iso" / "in", fifo, root / "in" / "slow", "-o",
                                    root / f"{command}.html", "-q"])
            runs.append((command, done, seconds))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        tried = (corpus["inputs"] if corpus else 0) + sum(s["inputs"] for s in iso if s)
        slowest = max(corpus["documents"], key=lambda d: d["seconds"]) if corpus else None
        print(f"files written                 {count_inputs(made) + len(SLOW_TEXTS) + len(cases)}")
        print(f"inputs tried (files and rows) {tried} in {len(runs)} runs (extract local, workers and Dask; "
              f"map; report)")
        print(f"crashes                       {sum(crashed(d) for _, d, _ in runs)}")
        print(f"hangs                         {sum(d is None for _, d, _ in runs)} (none over {HANG_SECONDS} s; "
              f"slowest run {max(runs, key=lambda r: r[2])[0]}, {max(s for *_, s in runs):.1f} s)")
        print(f"lost documents                {lost}")
        if slowest:
            print(f"slowest input                 {Path(slowest['path']).name}: {slowest['seconds']:.2f} s")
        print(f"peak memory, any run          {peak:.0f} MB")


if __name__ == "__main__":
    main()
