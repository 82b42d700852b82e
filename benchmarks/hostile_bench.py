"""Run the hostile corpus (tests/hostile_corpus.py) and print: inputs, crashes, hangs, lost documents,
and the slowest file's time and peak memory.

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
from hostile_corpus import count_inputs, write_hostile_corpus  # noqa: E402


def run(args: list[str], timeout: int = 1800) -> tuple[subprocess.CompletedProcess, float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "geo.cli", *args], capture_output=True, text=True, timeout=timeout)
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return done, time.perf_counter() - t, peak


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        made = write_hostile_corpus(root / "in")
        done, seconds, peak = run(["extract", str(root / "in"), "-o", str(root / "out.jsonl"),
                                   "--report", str(root / "report.json"), "-q"])
        report = json.loads((root / "report.json").read_text(encoding="utf-8"))
        records = (root / "out.jsonl").read_text(encoding="utf-8").splitlines()
        crashes = int(done.returncode not in (0, 1) or "Traceback" in done.stderr)
        files = count_inputs(made)
        slowest = max(report["documents"], key=lambda d: d["seconds"])
        alone, alone_s, alone_peak = run(["extract", slowest["path"].split(".jsonl:")[0], "-o",
                                          str(root / "slow.jsonl"), "-q"])
        print(f"files written                 {files}")
        print(f"inputs tried (files and rows) {report['inputs']} ({report['read']} read, {report['failed']} failed "
              f"with a reason)")
        print(f"crashes                       {crashes}")
        print(f"hangs                         0 (the run finished in {seconds:.1f} s)")
        print(f"lost documents                {report['inputs'] - len(records)}")
        print(f"slowest input                 {Path(slowest['path']).name}: {slowest['seconds']:.2f} s in the run; "
              f"alone {alone_s:.2f} s wall (with start-up), peak {alone_peak:.0f} MB")
        print(f"peak memory, whole run        {peak:.0f} MB")


if __name__ == "__main__":
    main()
