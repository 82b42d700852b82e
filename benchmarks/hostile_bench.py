"""Run the hostile corpus (tests/hostile_corpus.py) and issue 14's cases, and print: inputs tried, crashes,
hangs, lost documents, the slowest input and peak memory; then the hostile outputs and inputs of the command
line (devices, FIFOs, links, outputs that are inputs, foreign tables, a gz bomb, bad options).

Issue 14's cases: dates at the edge of the calendar, a lone surrogate, a huge JSON integer, a truncated
.jsonl.gz, a non-UTF-8 file name, an explicit FIFO, and texts that once took quadratic time (25,000 blank
lines, 60,000 short sentences, 100,000 dates, "1" + ",000" x 100,000, "one " x 800, "two hundred and " x 400),
each read locally, on two workers and on Dask, and drawn by ``map`` and ``report``.

Run ``python benchmarks/hostile_bench.py``.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import stat
import subprocess
import sys
import tempfile
import threading
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


def run(args: list, timeout: int = HANG_SECONDS) -> tuple[subprocess.CompletedProcess | None, float, float]:
    """Run the command line; return what it did (None when it hung), its wall time and its own peak memory (MB)."""
    args = [str(a) for a in args]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "geo.cli", *args], stdout=out, stderr=err, text=True)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)  # wait4: this child's own peak, not the largest so far
        proc.returncode = os.waitstatus_to_exitcode(status)
        timer.cancel()
        seconds = time.perf_counter() - t
        if seconds >= timeout:
            return None, seconds, usage.ru_maxrss / 1024
        out.seek(0)
        err.seek(0)
        done = subprocess.CompletedProcess(args, proc.returncode, out.read(), err.read())
    return done, seconds, usage.ru_maxrss / 1024


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
        lost, peak = 0, 0.0

        def extract(label: str, *args) -> dict | None:
            nonlocal lost, peak
            out, report = root / f"{label}.jsonl", root / f"{label}.json"
            done, seconds, used = run(["extract", *args, "-o", out, "--report", report, "-q"])
            runs.append((label, done, seconds))
            peak = max(peak, used)
            if done is None or not report.exists():
                return None
            summary = json.loads(report.read_text(encoding="utf-8"))
            lost += summary["inputs"] - len(out.read_text(encoding="utf-8").splitlines())
            return summary

        corpus = extract("corpus", root / "in")
        iso = [extract(f"iso-{d}", root / "iso" / "in", fifo, "--date", d) for d in ("0001-01-01", "9999-12-31")]
        extract("iso-workers", root / "iso" / "in", fifo, "--workers", "2")
        done, seconds, used = run(["extract", root / "iso" / "in", fifo, "--engine", "dask", "-o", root / "parts",
                                   "--report", root / "dask.json", "-q"])
        runs.append(("iso-dask", done, seconds))
        peak = max(peak, used)
        if done is not None and iso[0]:
            dask = json.loads((root / "dask.json").read_text(encoding="utf-8"))
            lost += iso[0]["inputs"] - dask["read"] - len(dask["failed"])
        for command in ("map", "report"):
            done, seconds, used = run([command, root / "iso" / "in", fifo, root / "in" / "slow", "-o",
                                       root / f"{command}.html", "-q"])
            runs.append((command, done, seconds))
            peak = max(peak, used)
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
        io_cases(root)


def io_cases(root: Path) -> None:
    """Hostile outputs, folders, tables and options: each must end with the expected status, no traceback."""
    good = root / "in" / "good"
    io = root / "io"
    io.mkdir()
    table = io / "t.parquet"
    run(["extract", str(good), "-o", str(table), "-q"])
    (io / "walk").mkdir()
    (io / "walk" / "good.txt").write_bytes((good / "good-report.txt").read_bytes())
    (io / "walk" / "x.md").symlink_to("/etc/passwd")
    (io / "walk" / "z.jsonl").symlink_to("/dev/zero")
    (io / "walk" / "gone.txt").symlink_to(io / "nowhere")
    os.mkfifo(io / "walk" / "fifo.jsonl")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(io / "walk" / "sock.txt"))
    with gzip.open(io / "bomb.jsonl.gz", "wb", compresslevel=1) as fh:
        for _ in range(1024):
            fh.write(b"x" * 2**20)  # 1 GB on one line
        fh.write(b"\n" + (good / "good-corpus.jsonl").read_bytes())
    (io / "other.geojson").write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                                      '"properties": {"name": "Huanta"}, "geometry": {"type": "Point", '
                                      '"coordinates": [-74.2, -12.9]}}]}')
    (io / "text.parquet").write_text("An ambush in Huanta on May 3, 2009 killed four soldiers.\n")
    devices = {}
    for name, minor in (("null", 3), ("full", 7)):
        try:
            os.mknod(io / name, stat.S_IFCHR | 0o666, os.makedev(1, minor))
            devices[name] = str(io / name)
        except OSError:
            pass
    cases = [
        (["extract", str(io / "walk"), "-o", str(io / "w.jsonl"), "--report", str(io / "w.json")], 0),
        (["extract", str(io / "bomb.jsonl.gz"), "-o", str(io / "b.jsonl")], 0),
        (["extract", str(io / "walk" / "z.jsonl"), "-o", str(io / "z.jsonl")], 1),  # /dev/zero named: refused
        (["extract", str(good), "--format", "geojson", "-o", "/dev/stdout", "--report", "/dev/stderr"], 0),
        (["extract", str(good / "good-corpus.jsonl"), "-o", str(good / "good-corpus.jsonl")], 2),
        (["extract", str(good), "-o", str(io / "same"), "--report", str(io / "same")], 2),
        (["map", str(io / "other.geojson"), "-o", str(io / "m.html")], 2),
        (["map", str(io / "text.parquet"), "-o", str(io / "m.html")], 2),
        (["map", str(table), "-o", str(table)], 2),
        (["extract", str(good), "--workers", "0"], 2),
        (["extract", str(good), "--workers", "-5"], 2),
        (["extract", str(good), "--scheduler", "tcp://127.0.0.1:8786"], 2),
        (["extract", str(good), "--engine", "dask", "--scheduler", "not a url", "-o", str(io / "p")], 2),
        (["extract", str(good), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "-o", str(io / "p")], 2),
    ]
    if devices:
        cases += [(["extract", str(good), "-o", devices["null"]], 0), (["extract", str(good), "-o", devices["full"]], 2),
                  (["map", str(table), "-o", devices["full"]], 2)]
    crashes, hangs, wrong, slowest, peak, bomb = 0, 0, [], (0.0, ""), 0.0, 0.0
    for args, want in cases:
        done, seconds, case_peak = run([*args, "-q"], timeout=300)
        if done is None:
            hangs += 1
            continue
        crashes += "Traceback" in done.stderr
        if done.returncode != want:
            wrong.append(f"{' '.join(args[:2])}... exit {done.returncode}, not {want}")
        slowest = max(slowest, (seconds, " ".join(a if len(a) < 40 else "..." for a in args)))
        peak = max(peak, case_peak)
        if args[1].endswith("bomb.jsonl.gz"):
            bomb = case_peak
    sock.close()
    still = all(stat.S_ISCHR(os.lstat(p).st_mode) for p in devices.values())
    walked = json.loads((io / "w.json").read_text(encoding="utf-8"))
    print(f"command-line cases tried      {len(cases)} (devices: {'yes' if devices else 'no, not root'})")
    print(f"crashes / hangs / wrong exit  {crashes} / {hangs} / {len(wrong)} {'; '.join(wrong)}")
    print(f"devices still devices         {'yes' if still else 'NO'}")
    print(f"walk: skipped with a reason   {walked['skipped']} of {walked['inputs']} "
          f"({walked['read']} read, {walked['failed']} failed)")
    print(f"slowest case                  {slowest[0]:.1f} s: {slowest[1]}")
    print(f"peak memory, cases            {peak:.0f} MB; a gz line inflating to 1 GB: {bomb:.0f} MB")


if __name__ == "__main__":
    main()
