"""Run the hostile corpus (tests/hostile_corpus.py) and print: inputs, crashes, hangs, lost documents,
and the slowest file's time and peak memory; then the hostile outputs and inputs of the command line
(devices, FIFOs, links, outputs that are inputs, foreign tables, a gz bomb, bad options).

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
from hostile_corpus import count_inputs, write_hostile_corpus  # noqa: E402


def run(args: list[str], timeout: int = 1800) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run the command line; return what it did, its wall time and its own peak memory (MB)."""
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
            raise subprocess.TimeoutExpired(args, timeout)
        out.seek(0)
        err.seek(0)
        done = subprocess.CompletedProcess(args, proc.returncode, out.read(), err.read())
    return done, seconds, usage.ru_maxrss / 1024


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
        try:
            done, seconds, case_peak = run([*args, "-q"], timeout=300)
        except subprocess.TimeoutExpired:
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
