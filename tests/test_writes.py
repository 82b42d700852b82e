"""Writes: devices, FIFOs and links are written through, regular files replaced from unique locked temp files."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from geo.output import atomic_writer, clean_stale

ROOT = Path(__file__).parents[1]
REPORTS = ROOT / "examples" / "reports"
GOOD = "Lima, 12 March 2010\n\nGunmen ambushed an army patrol near Pichari on March 10, killing three soldiers.\n"


def cli(*args, timeout=600, **kwargs):
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device made here like /dev/null (minor 3) or /dev/full (7): the real ones stay safe."""
    path = tmp_path / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        with open(path, "wb") as fh:
            fh.write(b"")
    except OSError as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    """A small incidents table, as Parquet."""
    import geo
    from geo.table import write_table

    path = tmp_path_factory.mktemp("table") / "incidents.parquet"
    write_table(geo.extract(REPORTS), path)
    return path


def test_a_device_is_written_through_and_disk_full_is_an_error(tmp_path, table):
    null, full = device(tmp_path, "null", 3), device(tmp_path, "full", 7)
    report = tmp_path / "report.json"
    ok = cli("extract", REPORTS, "-o", null, "--report", report, "-q")
    assert ok.returncode == 0, ok.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert json.loads(report.read_text())["read"] == 5
    for args in (["extract", REPORTS, "-o", full], ["extract", REPORTS, "--format", "gpkg", "-o", full],
                 ["extract", REPORTS, "-o", null, "--report", full], ["map", table, "-o", full]):
        run = cli(*args, "-q")
        assert run.returncode == 2, (args, run.stderr)
        assert f"cannot write {full}: No space left on device" in run.stderr, run.stderr
        assert "Traceback" not in run.stderr
        assert stat.S_ISCHR(os.lstat(full).st_mode)
    listed = cli("extract", REPORTS, "-o", full, "--report", report, "-q")  # the report still lists every input
    summary = json.loads(report.read_text())
    assert listed.returncode == 2 and summary["read"] == summary["inputs"] == 5
    assert "No space left on device" in summary["output_error"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "null", "report.json"]


def test_standard_output_and_a_fifo_are_written_through(tmp_path, table):
    run = cli("extract", REPORTS, "--format", "geojson", "-o", "/dev/stdout", "--report", "/dev/stderr", "-q")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["type"] == "FeatureCollection"
    assert '"command": "extract"' in run.stderr
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    run = cli("map", table, "-o", fifo, "-q")
    reader.join(60)
    assert run.returncode == 0, run.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and b"incidentMaps" in got[0]


def test_a_link_to_a_file_stays_a_link_and_its_file_is_replaced(tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    with atomic_writer(link) as fh:
        fh.write("new\n")
    assert link.is_symlink() and real.read_text() == "new\n"


def test_temporary_names_are_unique_so_concurrent_writers_do_not_race(tmp_path):
    target = tmp_path / "out.geojson"
    with atomic_writer(target) as a, atomic_writer(target) as b:
        assert a.name != b.name
        a.write("a")
        b.write("b")
    assert target.read_text() in ("a", "b")
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]


@pytest.mark.parametrize("fmt", ["gpkg", "geojson", "parquet", "csv"])
def test_two_table_writers_on_one_file_both_succeed_whole(tmp_path, table, fmt):
    from geo.table import read_table, write_table

    frame = read_table(table)
    target = tmp_path / f"out.{fmt}"
    errors = []

    def write(rows):
        try:
            for _ in range(3):
                write_table(frame.iloc[:rows], target)
        except Exception as exc:  # noqa: BLE001 (the test reports any failure)
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in (2, len(frame))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(read_table(target)) in (2, len(frame))
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_stale_temporary_files_of_a_killed_writer_are_cleaned(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("previous\n")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\nfrom geo.output import atomic_writer\n"
        f"with atomic_writer({str(target)!r}) as fh:\n"
        "    fh.write('partial'); fh.flush(); print('ready', flush=True); time.sleep(600)\n")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(temps) == 1
    assert clean_stale(target) == []  # its writer is alive: its file is left alone
    holder.kill()
    holder.wait()
    assert temps[0].exists() and target.read_text() == "previous\n"
    other = tmp_path / ".other.jsonl.abcd1234.tmp"  # another target's: not ours to clean here
    other.write_text("x")
    with atomic_writer(target) as fh:
        fh.write("next\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.jsonl.abcd1234.tmp", "out.jsonl"]
    assert target.read_text() == "next\n"


def test_an_output_that_is_an_input_or_another_output_is_refused(tmp_path, table):
    corpus = tmp_path / "in" / "corpus.jsonl"
    corpus.parent.mkdir()
    corpus.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n")
    before = corpus.read_bytes()
    cases = [
        (["extract", corpus, "-o", corpus], "-o", corpus),
        (["extract", corpus.parent, "-o", corpus], "-o", corpus),
        (["extract", corpus.parent, "--engine", "dask", "-o", corpus.parent], "-o", corpus.parent),
        (["extract", corpus, "-o", tmp_path / "out.jsonl", "--report", tmp_path / "out.jsonl"], "--report",
         tmp_path / "out.jsonl"),
        (["map", table, "-o", table], "-o", table),
        (["map", corpus, "-o", tmp_path / "m.html", "--embed", tmp_path / "m.html"], "--embed", tmp_path / "m.html"),
        (["report", corpus, "-o", tmp_path / "b.html", "--pdf", corpus], "--pdf", corpus),
    ]
    for args, flag, path in cases:
        run = cli(*args, "-q")
        assert run.returncode == 2, (args, run.stderr)
        assert flag in run.stderr and str(path) in run.stderr, run.stderr
        assert "Traceback" not in run.stderr
    assert corpus.read_bytes() == before
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "m.html").exists()


def test_the_temporary_file_of_a_killed_run_is_removed_by_the_next_run(tmp_path):
    import signal
    import time

    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    run = subprocess.Popen([sys.executable, "-m", "geo.cli", "extract", str(REPORTS), "-o", str(out), "-q"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while not list(tmp_path.glob(".out.jsonl.*.tmp")) and time.time() < deadline and run.poll() is None:
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert len(list(tmp_path.glob(".out.jsonl.*.tmp"))) == 1, "the run ended before it could be killed"
    assert out.read_text() == "previous\n"
    again = cli("extract", REPORTS, "-o", out, "-q")
    assert again.returncode == 0 and [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    assert out.read_text().count("\n") == 5
