"""``incidents extract``: one JSON record per input, failures included, written atomically."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = Path(__file__).parents[1] / "examples" / "reports"

MENTION_FIELDS = {"text", "start", "end", "place_id", "name", "kind", "admin1", "admin2", "admin3",
                  "lat", "lon", "where_prec", "geo_precision", "confidence", "role"}


def extract(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "geo.cli", "extract", *map(str, args)],
                          capture_output=True, text=True, timeout=300, cwd=cwd)


def test_jsonl_records_for_every_input(tmp_path):
    out = tmp_path / "out.jsonl"
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\xff" * 100)
    run = extract(REPORTS, FIXTURES / "corpus.jsonl", bad, "-o", out)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 + 6 + 1  # five reports, six corpus rows, one binary file
    failed = [r for r in records if r["status"] == "failed"]
    assert len(failed) == 4 and all(r["error"] for r in failed)
    assert any(r["path"] == str(bad) and "binary" in r["error"] for r in failed)
    assert "binary" in run.stderr and "12 inputs, 8 read, 4 failed" in run.stderr
    ok = [r for r in records if r["status"] == "ok"]
    for r in ok:
        assert {"path", "doc_id", "doc_date", "mentions", "incidents"} <= set(r)
        for m in r["mentions"]:
            assert MENTION_FIELDS <= set(m)
    cable = next(r for r in ok if r["doc_id"] == "cable-2007-11-huancavelica-ambush")
    assert cable["doc_date"] == "2007-11-20"
    assert any(m["role"] == "reference" and m["text"] == "Lima" for m in cable["mentions"])


def test_stdout_and_exit_status(tmp_path):
    run = extract(REPORTS / "noticia-vraem-es.txt", "-o", "-", "-q")
    assert run.returncode == 0 and run.stderr == ""
    [record] = [json.loads(line) for line in run.stdout.splitlines()]
    assert record["doc_date"] == "2009-08-12" and record["mentions"]
    nothing = extract(tmp_path / "missing.txt", "-o", tmp_path / "x.jsonl")
    assert nothing.returncode == 1 and "no such file" in nothing.stderr
    usage = extract("--date", "yesterday", "x")
    assert usage.returncode == 2


def test_output_replaced_atomically(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    blocked = tmp_path / "nodir" / "out.jsonl"
    run = extract(REPORTS, "-o", blocked)
    assert run.returncode == 2 and f"the folder {blocked.parent} does not exist" in run.stderr
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert extract(REPORTS, "-o", out, "-q").returncode == 0
    assert out.read_text(encoding="utf-8").count("\n") == 5
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left behind


def test_rerun_is_byte_identical(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    extract(FIXTURES, "-o", a, "-q")
    extract(FIXTURES, "-o", b, "-q")
    assert a.read_bytes() == b.read_bytes()
