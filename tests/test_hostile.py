"""Hostile input: nothing crashes, nothing is lost, nothing runs, nothing is written elsewhere."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile_corpus import GOOD_CORPUS_ROW, GOOD_REPORT, count_inputs, write_hostile_corpus


def cli(*args, timeout=900):
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    made = write_hostile_corpus(root / "in")
    out = root / "out"
    out.mkdir()
    run = cli("extract", root / "in", "-o", out / "records.jsonl", "--report", out / "report.json", "-q")
    return root, made, run


def test_every_input_is_accounted_for(corpus):
    root, made, run = corpus
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    report = json.loads((root / "out" / "report.json").read_text(encoding="utf-8"))
    docs = report["documents"]
    assert report["inputs"] == len(docs) >= 200 and count_inputs(made) >= 180
    files = {str(p) for paths in made.values() for p in paths}
    reported = {d["path"].rsplit(":", 1)[0] if not Path(d["path"]).exists() else d["path"] for d in docs}
    assert files <= reported | {d["path"] for d in docs}
    assert all(d["status"] in ("ok", "failed") for d in docs)
    assert all(d["error"] for d in docs if d["status"] == "failed")
    records = [json.loads(line) for line in (root / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(docs)


def test_reasons_name_the_problem(corpus):
    root, _, _ = corpus
    docs = json.loads((root / "out" / "report.json").read_text(encoding="utf-8"))["documents"]
    by_name = {Path(d["path"].split(".jsonl:")[0]).name: d for d in docs}
    assert "too large" in by_name["fifty-mb-line.txt"]["error"]
    assert "binary" in by_name["binary-0.txt"]["error"]
    assert by_name["hundred-thousand-names.txt"]["mentions"] == 100_000
    assert by_name["bom-0.txt"]["status"] == "ok" and by_name["latin-0.txt"]["warnings"]
    deep = [d for d in docs if "malformed.jsonl" in d["path"] and d["status"] == "failed"]
    assert any("nested too deeply" in d["error"] for d in deep) and any("invalid JSON" in d["error"] for d in deep)


def test_good_documents_give_what_they_give_alone(corpus, tmp_path):
    root, made, _ = corpus
    mixed = {r["doc_id"]: r for r in map(json.loads, (root / "out" / "records.jsonl").read_text("utf-8").splitlines())}
    (tmp_path / "good-report.txt").write_text(GOOD_REPORT, encoding="utf-8")
    (tmp_path / "good-corpus.jsonl").write_text(json.dumps(GOOD_CORPUS_ROW) + "\n", encoding="utf-8")
    alone = cli("extract", tmp_path / "good-report.txt", tmp_path / "good-corpus.jsonl", "-q")
    for rec in map(json.loads, alone.stdout.splitlines()):
        assert rec["mentions"] == mixed[rec["doc_id"]]["mentions"]
        assert rec["incidents"] == mixed[rec["doc_id"]]["incidents"] and rec["incidents"]


def test_nothing_is_written_outside_the_given_paths(corpus):
    root, _, _ = corpus
    assert sorted(p.name for p in (root / "out").iterdir()) == ["records.jsonl", "report.json"]
    assert not list(Path("/tmp").glob("evil-*"))


def test_rerun_gives_byte_identical_output(corpus, tmp_path):
    root, _, _ = corpus
    for fmt in ("jsonl", "geojson", "csv"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        cli("extract", root / "in" / "text", root / "in" / "names", "-o", a, "-q")
        cli("extract", root / "in" / "text", root / "in" / "names", "-o", b, "-q")
        assert a.read_bytes() == b.read_bytes(), fmt


def test_a_killed_run_leaves_the_previous_output(corpus, tmp_path):
    root, _, _ = corpus
    out = tmp_path / "records.jsonl"
    out.write_text("previous output\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "geo.cli", "extract", str(root / "in"), "-o", str(out), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)  # well into the run: the automaton is built and documents are being written
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert out.read_text(encoding="utf-8") == "previous output\n"


def test_hostile_text_runs_nothing_in_the_map(corpus, chromium, tmp_path):
    root, _, _ = corpus
    page_path = tmp_path / "map.html"
    made = cli("map", root / "in" / "text", root / "in" / "names", root / "in" / "csv", "-o", page_path,
               "--offline", "-q")
    assert made.returncode == 0, made.stderr[-2000:]
    page = chromium.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.route("**/*", lambda r: r.abort() if r.request.url.startswith("http") else r.continue_())
    page.goto(page_path.as_uri())
    page.wait_for_function("window.incidentMaps && Object.keys(window.incidentMaps).length > 0")
    ids = page.evaluate("Object.values(window.incidentMaps)[0].data.incidents.map(d => d.id)")
    for incident_id in ids:  # open every popup
        page.evaluate("id => { const m = Object.values(window.incidentMaps)[0].marker(id); m.openPopup(); }",
                      incident_id)
    assert ids and page.evaluate("window.pwned") is None
    assert page.eval_on_selector_all("[onerror], [onload], .leaflet-popup-content script", "e => e.length") == 0
    assert errors == []
    page.close()
