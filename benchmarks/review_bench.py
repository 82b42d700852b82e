"""Benchmark the review page and corrections: build time, page size and its parts, opening time in Chromium,
and what applying corrections costs a run.

Run ``python benchmarks/review_bench.py [N]``: the bundled examples, then the first N reports (default 200) of
../shared/bench/reports-5k.jsonl.gz when it is there.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import shutil
import tempfile
import time
from pathlib import Path

import geo
from gazetteer import Gazetteer
from geo.corrected import Tally, apply_corrections
from geo.corrections import FORMAT, VERSION, Corrections, text_hash
from maps.review import page_json, review_html
from maps.review_data import review_payload

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "reports-5k.jsonl.gz"


def _kb(text: str) -> str:
    return f"{len(text.encode('utf-8')) / 1024:,.0f} KB"


def _opened_ms(page_path: Path) -> float | None:
    """Milliseconds from navigation until the page has drawn every report, in headless Chromium (network off)."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.abort() if r.request.url.startswith("http") else r.continue_())
        start = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_function("window.incidentReview")
        elapsed = (time.perf_counter() - start) * 1000
        browser.close()
    return elapsed


def _every_place_accepted_and_one_changed(results) -> Corrections:
    """A file touching every report: each mention accepted, the first with runners-up re-resolved, each incident accepted."""
    docs = []
    for r in results:
        places = [{"start": m.mention.start, "end": m.mention.end, "text": m.mention.text, "action": "accept"}
                  for m in r.places]
        moved = next((n for n, m in enumerate(r.places) if m.alternatives), None)
        if moved is not None:
            places[moved].update(action="place", place_id=r.places[moved].alternatives[0])
        incidents = [{"start": i.start, "end": i.end, "place_start": i.place.mention.start if i.place else None,
                      "action": "accept"} for i in r.incidents]
        docs.append({"text_sha256": text_hash(r.document.text), "doc_id": r.document.id, "places": places,
                     "incidents": incidents})
    return Corrections.from_dict({"format": FORMAT, "version": VERSION, "documents": docs})


def bench(name: str, source) -> None:
    gaz = Gazetteer.load()
    start = time.perf_counter()
    results = [r for r in geo.run(source, gazetteer=gaz) if isinstance(r, geo.DocumentResult)]
    extracted = time.perf_counter() - start
    start = time.perf_counter()
    page = review_html(results, gazetteer=gaz)
    built = time.perf_counter() - start
    data = review_payload(results, gaz)
    parts = {k: _kb(page_json(data[k])) for k in ("documents", "units", "departments")}
    mentions = sum(len(r.places) for r in results)
    incidents = sum(len(r.incidents) for r in results)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "review.html"
        path.write_text(page, encoding="utf-8")
        opened = _opened_ms(path)
    corrections = _every_place_accepted_and_one_changed(results)
    start = time.perf_counter()
    tally = Tally()
    list(apply_corrections(results, corrections, tally, gaz))
    applied = time.perf_counter() - start
    print(f"{name}: {len(results)} reports, {mentions} mentions, {incidents} incidents")
    print(f"  extraction {extracted:.2f} s; page built in {built:.2f} s; page {_kb(page)} "
          f"(documents {parts['documents']}, unit list {parts['units']}, department outlines {parts['departments']})")
    print("  opened in Chromium (every report drawn): " + (f"{opened:.0f} ms" if opened is not None else "no Chromium"))
    print(f"  {len(corrections)} corrections over every report: applied in {applied:.2f} s "
          f"({tally.summary()}; {applied / max(extracted, 1e-9):.0%} of the extraction time)")


def _first_rows(n: int) -> list[geo.Document]:
    with gzip.open(BENCH, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, n)]
    return [geo.Document(str(r.get("id", i)), r["text"], path=f"row {i}") for i, r in enumerate(rows) if r.get("text")]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=200, help="bench reports to review (default 200)")
    n = parser.parse_args().n
    Gazetteer.load()
    list(geo.run(geo.Document("warm-up", "Ayacucho, 1 May 2009. An ambush in Huanta killed two.")))
    bench("examples/reports", str(ROOT / "examples" / "reports"))
    if BENCH.exists():
        bench(f"first {n} rows of {BENCH.name}", _first_rows(n))
