"""Workers, Dask and progress: the same output however the work is spread, and progress on terminals."""

from __future__ import annotations

import fcntl
import glob
import os
import pty
import struct
import termios
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

import geo

ROOT = Path(__file__).parents[1]
INPUTS = [str(ROOT / "examples" / "reports"), str(Path(__file__).parent / "fixtures" / "corpus.jsonl"),
          str(Path(__file__).parent / "fixtures" / "corpus.csv")]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


def test_two_workers_give_byte_identical_output(tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert cli("extract", *INPUTS, "-o", one, "-q").returncode == 0
    assert cli("extract", *INPUTS, "-o", two, "-q", "--workers", "2").returncode == 0
    assert one.read_bytes() == two.read_bytes()


def test_dask_engine_on_a_local_cluster_equals_one_process(tmp_path):
    pytest.importorskip("distributed", reason="pip install 'dask[distributed]'")
    out = tmp_path / "parts"
    run = cli("extract", *INPUTS, "--engine", "dask", "-o", out, "-q")
    assert run.returncode == 0, run.stderr[-2000:]
    parts = sorted(glob.glob(str(out / "part-*.parquet")))
    assert len(parts) > 1
    dask_table = pd.concat([gpd.read_parquet(p) for p in parts]).sort_values("incident_id").reset_index(drop=True)
    single = geo.extract(INPUTS, merge=False).sort_values("incident_id").reset_index(drop=True)
    columns = ["incident_id", "event_date", "event_type", "location", "admin1", "fatalities", "injured",
               "evidence", "doc_ids", "latitude", "longitude"]
    for frame in (dask_table, single):
        frame["event_date"] = pd.to_datetime(frame["event_date"]).dt.strftime("%Y-%m-%d")
    pd.testing.assert_frame_equal(dask_table[columns], single[columns], check_dtype=False)


def test_progress_on_a_terminal_and_quiet_otherwise(tmp_path):
    out = tmp_path / "o.jsonl"
    piped = cli("extract", *INPUTS, "-o", out)
    assert "doc/s" not in piped.stderr and "it/s" not in piped.stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100x24 terminal
    proc = subprocess.Popen([sys.executable, "-m", "geo.cli", "extract", *INPUTS, "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=600)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "doc/s" in shown and "13/13" in shown.replace(" ", "")  # every input counted, with a rate
