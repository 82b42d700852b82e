"""Reads: walking a folder stays in it and lists what it skips; lines and CSV rows are streamed and capped."""

from __future__ import annotations

import csv
import importlib
import gzip
import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geo.walk
from geo.csvrows import csv_rows
from geo.document import ReadFailure
from geo.read import iter_read
from geo.workers import cap_workers

reader = importlib.import_module("geo.read")  # geo.read is also the name of the function read

GOOD = "Lima, 12 March 2010\n\nGunmen ambushed an army patrol near Pichari on March 10, killing three soldiers.\n"
LINE = "Gunmen ambushed an army patrol near Pichari on March 10, 2010, killing three soldiers."
SECRET = "root:$6$secret-hash-that-must-never-be-read:19000:0:99999:7:::"


def cli(*args, timeout=600):
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def hostile_folder(tmp_path):
    """An input folder holding a good report, links in and out of it, a FIFO, a socket and a dangling link."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "shadow.txt").write_text(SECRET)
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD)
    (root / "sub" / "also-good.md").write_text(GOOD)
    (root / "inside-link.txt").symlink_to(root / "good.txt")
    (root / "x.md").symlink_to(outside / "shadow.txt")
    (root / "up").symlink_to(outside)
    (root / "z.jsonl").symlink_to("/dev/zero")
    (root / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(root / "fifo.jsonl")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock.txt"))
    yield root
    sock.close()


def by_name(items) -> dict[str, object]:
    return {Path(i.path if isinstance(i, ReadFailure) else i.path).name: i for i in items}


def test_a_walk_stays_in_the_folder_and_lists_what_it_skips(hostile_folder):
    items = by_name(iter_read(hostile_folder))
    assert {"good.txt", "also-good.md", "inside-link.txt"} <= {n for n, i in items.items()
                                                               if not isinstance(i, ReadFailure)}
    reasons = {n: i.error for n, i in items.items() if isinstance(i, ReadFailure)}
    assert all(items[n].skipped for n in reasons)
    assert "a link out of the input folder" in reasons["x.md"] and "--follow-links" in reasons["x.md"]
    assert "a link out of the input folder" in reasons["up"]
    assert "a link out of the input folder" in reasons["z.jsonl"]
    assert "a dangling link" in reasons["gone.txt"]
    assert "a FIFO" in reasons["fifo.jsonl"] and "never opened" in reasons["fifo.jsonl"]
    assert "a socket" in reasons["sock.txt"]
    assert not any(SECRET in i.text for i in items.values() if not isinstance(i, ReadFailure))


def test_follow_links_reads_out_of_the_folder_but_never_opens_a_device(hostile_folder):
    items = by_name(iter_read(hostile_folder, follow_links=True))
    assert SECRET in items["x.md"].text
    assert "shadow.txt" in items  # through the link to the outside folder
    assert "a character device" in items["z.jsonl"].error and items["z.jsonl"].skipped
    assert "a FIFO" in items["fifo.jsonl"].error


def test_a_folder_that_cannot_be_listed_is_skipped_with_the_reason(hostile_folder, monkeypatch):
    real = os.scandir

    def scandir(path):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(geo.walk.os, "scandir", scandir)
    items = by_name(iter_read(hostile_folder))
    assert items["sub"].skipped and "cannot list this folder: Permission denied" in items["sub"].error
    assert "good.txt" in items and "also-good.md" not in items


def test_the_cli_lists_skipped_inputs_in_its_report(hostile_folder, tmp_path):
    bad_csv = hostile_folder / "rows.csv"
    big = "x" * (reader.MAX_BYTES + 10)
    bad_csv.write_text("id,text\n"
                       f'r1,"{LINE}"\n'
                       f'r2,"{big}"\n'
                       f'r3,"{LINE}"\n'
                       'r4,"an unterminated quote\n'
                       'r5,Police attacked in Huanta on May 5 2009\n')
    with gzip.open(hostile_folder / "long.jsonl.gz", "wb", compresslevel=1) as fh:
        fh.write(b'{"id": "long", "text": "' + b"y" * (reader.MAX_BYTES + 10) + b'"}\n')
        fh.write(json.dumps({"id": "after-long", "text": GOOD}).encode() + b"\n")
    report = tmp_path / "report.json"
    run = cli("extract", hostile_folder, "-o", tmp_path / "out.jsonl", "--report", report, "-q")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    docs = {d["path"]: d for d in json.loads(report.read_text())["documents"]}
    status = {Path(p).name: d["status"] for p, d in docs.items()}
    assert status["fifo.jsonl"] == status["sock.txt"] == status["x.md"] == status["gone.txt"] == "skipped"
    assert status["good.txt"] == status["also-good.md"] == "ok"
    assert status["rows.csv:2"] == status["rows.csv:4"] == status["rows.csv:6"] == "ok"
    assert status["rows.csv:3"] == status["rows.csv:5"] == "failed"
    assert "row too large" in docs[f"{bad_csv}:3"]["error"]
    assert "unterminated quote" in docs[f"{bad_csv}:5"]["error"] and "line 5" in docs[f"{bad_csv}:5"]["error"]
    gz = str(hostile_folder / "long.jsonl.gz")
    assert "line too large" in docs[f"{gz}:1"]["error"] and docs[f"{gz}:2"]["status"] == "ok"
    assert SECRET not in (tmp_path / "out.jsonl").read_text()
    assert f"{hostile_folder / 'fifo.jsonl'}: skipped: a FIFO" in run.stderr


def test_a_csv_row_over_the_cap_is_reported_and_the_others_read(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", 2000)
    path = tmp_path / "c.csv"
    rows = [f'r{i},"{GOOD}"' for i in range(100)]
    rows[40] = 'r40,"' + "many lines\n" * 400 + '"'
    path.write_text("id,text\n" + "\n".join(rows) + "\n")
    items = list(iter_read(path))
    failed = [i for i in items if isinstance(i, ReadFailure)]
    assert len(items) == 100 and len(failed) == 1
    assert "row too large" in failed[0].error and failed[0].path.endswith(":" + str(2 + 40 * 4))


def test_an_unterminated_quote_is_reported_where_it_opened_and_reading_goes_on(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,text\nr1,"Bomb in Lima on May 3, 2009."\nr2,"oops, never closed\n'
                    'r3,Ambush in Huanta on May 4 2009\nr4,Attack in Cusco on May 5 2009\n')
    items = list(iter_read(path))
    assert [getattr(i, "id", None) for i in items] == ["r1", None, "r3", "r4"]
    assert items[1].path.endswith(":3") and "unterminated quote" in items[1].error and "line 3" in items[1].error


@given(st.text(alphabet='ab ,"\n', max_size=60))
def test_csv_rows_split_as_the_csv_module(text):
    try:
        expected = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error:
        return  # the unterminated quotes, checked above
    rows = list(csv_rows(io.BytesIO(text.encode()), 10**6))
    assert [next(csv.reader([r.data.decode()]), []) for r in rows] == expected


def peak_rss_mb(code: str) -> float:
    run = subprocess.run([sys.executable, "-c", code + "\nimport resource\n"
                          "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return float(run.stdout.split()[-1])


def test_a_gz_line_that_inflates_to_hundreds_of_mb_is_read_in_bounded_memory(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as fh:
        for _ in range(300):
            fh.write(b"x" * 2**20)  # 300 MB, one line
        fh.write(b"\n" + json.dumps({"id": "after", "text": GOOD}).encode() + b"\n")
    assert path.stat().st_size < 5 * 2**20
    code = (f"from geo.read import iter_read\nitems = list(iter_read({str(path)!r}))\n"
            "assert 'line too large' in items[0].error and items[1].id == 'after', items")
    baseline = peak_rss_mb("import geo.read")
    assert peak_rss_mb(code) - baseline < 120


def test_a_large_csv_is_streamed(tmp_path):
    path = tmp_path / "big.csv"
    row = ('r,"' + "Police seized cocaine in Tocache. " * 30 + '"\n').encode()
    with open(path, "wb") as fh:
        fh.write(b"id,text\n")
        for _ in range(150 * 2**20 // len(row)):
            fh.write(row)
    code = (f"from geo.csvrows import csv_rows\nn = sum(1 for _ in csv_rows(open({str(path)!r}, 'rb'), 2**20))\n"
            "assert n > 100000")
    assert peak_rss_mb(code) - peak_rss_mb("import geo.csvrows") < 40


def test_workers_are_capped_by_cores_and_memory_with_a_message():
    n, note = cap_workers(10_000)
    assert 1 <= n <= (os.cpu_count() or 1) and "--workers 10000 capped at" in note and "cores" in note
    assert cap_workers(1) == (1, None)
    for bad in ("0", "-5", "many"):
        run = cli("extract", "x", "--workers", bad)
        assert run.returncode == 2 and "--workers" in run.stderr and "Traceback" not in run.stderr


def test_a_csv_with_old_mac_line_ends_is_read_row_by_row(tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes(b"id,text\rr1,Bomb in Lima on May 3 2009\rr2,Ambush in Huanta on May 4 2009\r")
    assert [d.id for d in iter_read(path)] == ["r1", "r2"]


def test_a_device_or_fifo_named_as_an_input_is_refused_and_never_opened(hostile_folder, tmp_path):
    named = [hostile_folder / "z.jsonl", hostile_folder / "fifo.jsonl", hostile_folder / "good.txt"]
    items = by_name(iter_read(named))
    for name, kind in (("z.jsonl", "a character device"), ("fifo.jsonl", "a FIFO (named pipe)")):
        assert f"not a regular file but {kind}: refused" in items[name].error and not items[name].skipped
    assert "Pichari" in items["good.txt"].text
    run = cli("extract", *named, "-o", tmp_path / "out.jsonl", "-q", timeout=120)  # /dev/zero: no endless read
    assert run.returncode == 0 and f"{named[0]}: not a regular file but a character device" in run.stderr


def test_a_truncated_gz_is_counted_up_to_its_break(tmp_path):
    from geo.lines import count_lines

    whole = gzip.compress(b"".join(b'{"id": %d}\n' % i for i in range(200_000)))  # no text: each fails
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[:len(whole) // 2])
    with gzip.open(path, "rb") as fh:
        counted = count_lines(fh)
    items = list(iter_read(path))  # every whole line (rows without text fail), then the break
    assert "truncated" in items[-1].error and len(items) > 90_000
    assert len(items) <= counted <= len(items) + 1  # Dask's row ranges cover every input
