"""One bad document never stops a run: it is failed with its reason, listed, and every other input is processed."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

import geo
import geo.pipeline
from geo.budget import Budget, check
from geo.cable import annotate_structure
from geo.document import Document, ReadFailure
from geo.errors import OverBudget
from hostile_corpus import ISOLATION_REASONS, write_isolation_cases


def cli(*args, timeout=600):
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def by_name(docs: list[dict]) -> dict[str, dict]:
    return {Path(d["path"]).name: d for d in docs}


def reason(docs: dict[str, dict], key: str) -> str:
    [doc] = [d for name, d in docs.items() if name.startswith(key) and d.get("status", "failed") == "failed"]
    return doc["error"]


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    root = tmp_path_factory.mktemp("isolation")
    made = write_isolation_cases(root)
    args = (root / "in", made["x.jsonl"], "--date", "0001-01-01", "-q")
    local = cli("extract", *args, "-o", root / "one.jsonl", "--report", root / "one.json")
    workers = cli("extract", *args, "--workers", "2", "-o", root / "two.jsonl", "--report", root / "two.json")
    return root, made, local, workers


def test_each_bad_input_fails_alone_with_its_reason(cases):
    root, _, local, _ = cases
    assert local.returncode == 0 and "Traceback" not in local.stderr, local.stderr[-2000:]
    report = json.loads((root / "one.json").read_text(encoding="utf-8"))
    docs = by_name(report["documents"])
    for key, words in ISOLATION_REASONS.items():
        assert words in reason(docs, key), key
        assert key.split(":")[0] in local.stderr  # named on standard error too
    assert report["failed"] == len(ISOLATION_REASONS)
    assert {docs[n]["status"] for n in ("good-report.txt", "good-corpus.jsonl:1", "dtg-9999.txt",
                                        "blank-lines.txt", "surrogate-id.jsonl:2", "huge-integer.jsonl:2")} == {"ok"}
    assert sum(d["status"] == "ok" for d in report["documents"] if "truncated" in d["path"]) == 23


def test_output_is_valid_utf8_with_one_record_per_input(cases):
    root, _, _, _ = cases
    lines = (root / "one.jsonl").read_bytes().decode("utf-8").splitlines()  # strict: no surrogate written
    report = json.loads((root / "one.json").read_text(encoding="utf-8"))
    assert len(lines) == report["inputs"] == len(report["documents"])
    assert any(d["path"].endswith("/caf\\xe9.txt") for d in report["documents"])  # the name's byte, escaped


def test_workers_give_the_same_records(cases):
    root, _, _, workers = cases
    assert workers.returncode == 0, workers.stderr[-2000:]
    assert (root / "two.jsonl").read_bytes() == (root / "one.jsonl").read_bytes()


def test_dates_at_the_edge_of_the_calendar_are_dropped_with_a_warning(cases):
    root, _, _, _ = cases
    docs = by_name(json.loads((root / "one.json").read_text(encoding="utf-8"))["documents"])
    assert any("9999-12-31 (date-time group) is outside the years 1800 to 2099" in w
               for w in docs["dtg-9999.txt"]["warnings"])
    assert any("0001-01-01 (--date) is outside" in w for w in docs["dtg-9999.txt"]["warnings"])
    records = [json.loads(line) for line in (root / "one.jsonl").read_text(encoding="utf-8").splitlines()]
    [dtg] = [r for r in records if r["doc_id"] == "dtg-9999"]
    assert dtg["doc_date"] is None and dtg["incidents"]  # undated, still mapped


def test_dask_fails_the_same_inputs_and_reads_the_others(cases, tmp_path):
    root, made, _, _ = cases
    run = cli("extract", root / "in", made["x.jsonl"], "--date", "0001-01-01", "--engine", "dask",
              "-o", tmp_path / "out.jsonl", "--report", tmp_path / "report.json", "-q")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert (tmp_path / "out.jsonl").read_bytes() == (root / "one.jsonl").read_bytes()
    summary = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    local = json.loads((root / "one.json").read_text(encoding="utf-8"))
    docs = by_name(summary["documents"])
    for key, words in ISOLATION_REASONS.items():
        assert words in reason(docs, key), key
    assert (summary["read"], summary["failed_partitions"]) == (local["read"], [])


@pytest.mark.parametrize("command", ["map", "report"])
def test_map_and_report_go_on_past_bad_inputs(cases, tmp_path, command):
    root, made, _, _ = cases
    run = cli(command, root / "in", made["x.jsonl"], "--date", "9999-12-31", "-o", tmp_path / "page.html")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert "FIFO" in run.stderr and "lone surrogate" in run.stderr and (tmp_path / "page.html").stat().st_size


def test_only_bad_inputs_exit_1_and_usage_errors_exit_2(cases, tmp_path):
    root, made, _, _ = cases
    bad = cli("extract", made["x.jsonl"], made["caf\\xe9.txt"], "-o", tmp_path / "out.jsonl", "-q")
    assert bad.returncode == 1 and "x.jsonl" in bad.stderr
    for flag, value in (("--max-chars", "-1"), ("--max-seconds", "soon"), ("--max-seconds", "inf")):
        usage = cli("extract", made["good-report.txt"], flag, value)
        assert usage.returncode == 2 and flag in usage.stderr


def test_the_size_budget_fails_only_longer_documents(cases, tmp_path):
    root, made, _, _ = cases
    size = len(made["blank-lines.txt"].read_text(encoding="utf-8"))
    run = cli("extract", root / "in", "--max-chars", "500", "-o", tmp_path / "out.jsonl",
              "--report", tmp_path / "report.json", "-q")
    docs = by_name(json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["documents"])
    assert run.returncode == 0
    assert f"over the size budget: {size:,} characters (the limit is 500; raise it with --max-chars)" \
        in reason(docs, "blank-lines.txt")
    assert docs["good-report.txt"]["status"] == "ok"


def _doc(doc_id: str, text: str = "Gunmen ambushed a patrol in Huanta on May 3, 2009, killing two.") -> Document:
    return annotate_structure(Document(id=doc_id, text=text, path=f"{doc_id}.txt"))


@pytest.fixture
def boom(monkeypatch):
    """The incident stage raises on the document with id "boom" (a stand-in for any bug)."""
    real = geo.pipeline.extract_incidents

    def stage(doc, places):
        if doc.id == "boom":
            raise OverflowError("date value out of range")
        return real(doc, places)
    monkeypatch.setattr(geo.pipeline, "extract_incidents", stage)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_exception_in_a_stage_fails_that_document_only(boom, workers):
    results = list(geo.run([_doc("before"), _doc("boom"), _doc("after")], workers=workers))
    assert [type(r).__name__ for r in results] == ["DocumentResult", "ReadFailure", "DocumentResult"]
    failed = results[1]
    assert failed.path == "boom.txt" and failed.id == "boom"
    assert "OverflowError" in failed.error and "date value out of range" in failed.error
    assert "report this one as a bug" in failed.error
    assert geo.pipeline.record(failed)["status"] == "failed"


def test_the_time_budget_stops_a_slow_document(monkeypatch):
    def slow(doc, places):
        if doc.id == "slow":
            time.sleep(30)
        return []
    monkeypatch.setattr(geo.pipeline, "extract_incidents", slow)
    t = time.perf_counter()
    results = list(geo.run([_doc("slow"), _doc("fast")], budget=Budget(seconds=0.5)))
    assert time.perf_counter() - t < 10
    assert isinstance(results[0], ReadFailure) and "over the time budget" in results[0].error
    assert "--max-seconds" in results[0].error and not isinstance(results[1], ReadFailure)


def test_the_time_budget_holds_outside_the_main_thread():
    """Dask runs documents in worker threads, where the pipeline's own checks stop a slow one."""
    caught: list[BaseException] = []

    def work():
        try:
            with Budget(seconds=0.2).clock("a test"):
                while True:
                    check()
        except OverBudget as exc:
            caught.append(exc)
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert not thread.is_alive() and "over the time budget: a test took more than 0.2 s" in str(caught[0])


def test_relative_dates_past_year_9999_are_dropped_with_a_warning():
    doc = Document(id="t", text="Gunmen ambushed a patrol in Huanta on December 31. The next day rebels attacked "
                                "a police post in Pichari.", path="t.txt", date=date(9999, 12, 31))
    result = geo.process(annotate_structure(doc))
    assert any("'The next day' from 9999-12-31 steps past the calendar" in w for w in result.document.warnings)
    assert all(i.date_start is None or i.date_start.year == 9999 for i in result.incidents)


@pytest.mark.parametrize("day", [date.min, date.max])
def test_a_fallback_date_at_the_edge_of_the_calendar_is_not_used(day):
    doc = annotate_structure(Document(id="t", text="Gunmen ambushed a patrol in Huanta, killing two."),
                             fallback_date=day)
    assert doc.date is None and "is outside the years 1800 to 2099" in doc.warnings[0]
    [incident] = geo.process(doc).incidents
    assert incident.killed == 2
