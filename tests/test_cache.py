"""``--cache DIR``: a rerun reuses each unchanged report's result, and its output is an uncached run's."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import geo
from geo import cache as cache_module
from geo.cache import CacheEntryError, ResultCache, StoredResult
from geo.cli import main
from geo.fingerprint import fingerprint
from geo.output import jsonl_line
from geo.pipeline import record
from geo.result import DocumentResult

REPORTS = Path(__file__).parents[1] / "examples" / "reports"

OWN = {
    "ambush.txt": "AYACUCHO, 14 March 2009 -- Three soldiers were killed and two injured when rebels ambushed an "
                  "army patrol near Pichari, in the province of La Convencion, Cusco, on 12 March.\n",
    "ataque.txt": "HUANCAYO, 3 de mayo de 2011 -- Dos policías murieron el 1 de mayo en un ataque contra la "
                  "comisaría de Pampas, en la provincia de Tayacaja, Huancavelica.\n",
    "bombing.txt": "LIMA, 20 June 2010 -- Police arrested four suspects in Huanta, Ayacucho, on 18 June after a "
                   "bombing that wounded five people in the town market.\n",
    "undated.txt": "Rebels attacked a police post in Pichari, Cusco, killing one officer and wounding two.\n",
}


@pytest.fixture
def folder(tmp_path) -> Path:
    """The example reports and four of our own, as files in a folder."""
    reports = tmp_path / "reports"
    shutil.copytree(REPORTS, reports)
    for name, text in OWN.items():
        (reports / name).write_text(text, encoding="utf-8")
    return reports


def extract(capsys, *args) -> tuple[int, str]:
    status = main(["extract", *map(str, args)])
    return status, capsys.readouterr().err


def cached_and_plain(capsys, tmp_path, inputs, *options, name="out.jsonl") -> dict:
    """Run once with the cache and once without; assert the outputs are the same; return the cache's counts."""
    status, err = extract(capsys, *inputs, *options, "--cache", tmp_path / "cache", "-o", tmp_path / f"cached-{name}",
                          "--report", tmp_path / "report.json")
    assert status == 0, err
    assert extract(capsys, *inputs, *options, "-o", tmp_path / f"plain-{name}")[0] == 0
    assert (tmp_path / f"cached-{name}").read_bytes() == (tmp_path / f"plain-{name}").read_bytes()
    return json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["cache"]


def test_changed_added_and_deleted_reports(capsys, tmp_path, folder):
    first = cached_and_plain(capsys, tmp_path, [folder])
    assert (first["hits"], first["misses"], first["stored"], first["ignored"]) == (0, 9, 9, 0)
    assert cached_and_plain(capsys, tmp_path, [folder])["hits"] == 9
    (folder / "bombing.txt").write_text(OWN["bombing.txt"].replace("five", "seven"), encoding="utf-8")
    (folder / "ataque.txt").unlink()
    (folder / "new.txt").write_text(OWN["ambush.txt"].replace("Three", "Four"), encoding="utf-8")
    again = cached_and_plain(capsys, tmp_path, [folder])
    assert (again["hits"], again["misses"], again["stored"]) == (7, 2, 2)
    records = [json.loads(line) for line in (tmp_path / "cached-out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert next(r for r in records if r["path"].endswith("new.txt"))["incidents"][0]["killed"] == 4
    assert not any(r["path"].endswith("ataque.txt") for r in records)


def test_merged_table_is_made_after_the_cache(capsys, tmp_path, folder):
    (folder / "retold.txt").write_text(OWN["ambush.txt"].replace("AYACUCHO", "CUSCO"), encoding="utf-8")
    cached_and_plain(capsys, tmp_path, [folder], name="t.csv")
    (folder / "retold.txt").unlink()  # the incident it shared with ambush.txt has one source again
    counts = cached_and_plain(capsys, tmp_path, [folder], name="t.csv")
    assert (counts["hits"], counts["misses"]) == (9, 0)
    assert "retold" not in (tmp_path / "cached-t.csv").read_text(encoding="utf-8")


def test_an_option_that_changes_results_makes_new_keys(capsys, tmp_path, folder):
    cached_and_plain(capsys, tmp_path, [folder])
    dated = cached_and_plain(capsys, tmp_path, [folder], "--date", "2020-02-03")
    assert (dated["hits"], dated["misses"]) == (0, 9)
    spanish = cached_and_plain(capsys, tmp_path, [folder], "--date", "2020-02-03", "--lang", "es")
    assert (spanish["hits"], spanish["misses"]) == (0, 9)
    budget = cached_and_plain(capsys, tmp_path, [folder], "--max-chars", "500")
    assert (budget["hits"], budget["misses"], budget["stored"]) == (0, 9, 7)  # two reports fail: not stored
    merged = cached_and_plain(capsys, tmp_path, [folder], "--no-merge", name="t.csv")  # after the cache: no new keys
    assert (merged["hits"], merged["misses"]) == (9, 0)


def test_corpus_rows_are_looked_up_one_by_one(capsys, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": name, "text": text, "date": "2012-01-0" + str(n)} for n, (name, text) in enumerate(OWN.items(), 1)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    cached_and_plain(capsys, tmp_path, [corpus])
    rows[1]["text"] = rows[1]["text"].replace("Dos", "Tres")
    rows.append({"id": "extra", "text": OWN["undated.txt"], "date": None})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    counts = cached_and_plain(capsys, tmp_path, [corpus])
    assert (counts["hits"], counts["misses"]) == (3, 2)


def test_unusable_entries_are_ignored_reported_and_written_again(capsys, tmp_path, folder):
    cached_and_plain(capsys, tmp_path, [folder])
    entries = sorted(p for p in (tmp_path / "cache" / "entries").glob("*/*"))
    cut, garbage, copied, hostile, link = entries[:5]
    cut.write_bytes(cut.read_bytes()[:-40])
    garbage.write_bytes(b"not an entry at all")
    copied.write_bytes(entries[6].read_bytes())  # another key's entry under this key's name
    # a well-formed entry (its own record and brief) whose pickled result names os.system
    summary, line, _ = cache_module._parts(cache_module._payload(hostile.read_bytes(), hostile.name))
    hostile.write_bytes(_entry(hostile.name, summary, line, pickle.dumps(_Hostile(tmp_path / "pwned"), protocol=5)))
    outside = tmp_path / "outside.txt"
    outside.write_text("not the cache's", encoding="utf-8")
    link.unlink()
    link.symlink_to(outside)
    counts = cached_and_plain(capsys, tmp_path, [folder])
    # JSONL records alone: the hostile entry's record is copied, its pickle never read
    assert (counts["hits"], counts["misses"], counts["stored"], counts["ignored"]) == (5, 4, 4, 4)
    reasons = {Path(e["entry"]).name: e["reason"] for e in counts["ignored_entries"]}
    assert "checksum" in reasons[cut.name] and "not an entry" in reasons[garbage.name]
    assert "another key" in reasons[copied.name] and "cannot read" in reasons[link.name]
    assert outside.read_text(encoding="utf-8") == "not the cache's" and not link.is_symlink()
    counts = cached_and_plain(capsys, tmp_path, [folder], name="t.csv")  # a table: every result is decoded
    assert (counts["hits"], counts["misses"], counts["stored"], counts["ignored"]) == (8, 1, 1, 1)
    [ignored] = counts["ignored_entries"]
    assert Path(ignored["entry"]).name == hostile.name
    assert "posix.system is not part of a result" in ignored["reason"]
    assert not (tmp_path / "pwned").exists()
    assert cached_and_plain(capsys, tmp_path, [folder])["hits"] == 9


def _entry(key: str, summary: dict, line: str, pickled: bytes) -> bytes:
    """An entry as the cache writes one, holding these parts."""
    payload = cache_module._pack(summary, line, pickled)
    return b"".join([cache_module._MAGIC, key.encode(), b"\n", cache_module._checksum(payload), b"\n", payload])


class _Hostile:
    def __init__(self, target: Path):
        self.target = target

    def __reduce__(self):
        return (os.system, (f"touch '{self.target}'",))


def test_library_runs_on_two_processes_with_the_cache(tmp_path, folder):
    plain = [record(r) for r in geo.run(folder)]
    cache = ResultCache(tmp_path / "cache")
    assert [record(r) for r in geo.run(folder, workers=2, cache=cache)] == plain
    (folder / "ambush.txt").write_text(OWN["ambush.txt"].replace("Three", "Six"), encoding="utf-8")
    plain = [record(r) for r in geo.run(folder)]
    cache = ResultCache(tmp_path / "cache")
    assert [record(r) for r in geo.run(folder, workers=2, cache=cache)] == plain
    assert (cache.hits, cache.misses) == (8, 1)
    docs = [r.document for r in geo.run(folder)]
    assert [record(r) for r in geo.run(docs, cache=cache)] == plain  # Documents are looked up by their content


def test_prune_removes_what_no_run_used(capsys, tmp_path, folder):
    cached_and_plain(capsys, tmp_path, [folder])
    old = time.time() - 40 * 86400
    for entry in (tmp_path / "cache" / "entries").glob("*/*"):
        os.utime(entry, (old, old))
    (folder / "ambush.txt").unlink()
    assert cached_and_plain(capsys, tmp_path, [folder])["hits"] == 8  # and their entries are touched
    assert main(["cache", "prune", str(tmp_path / "cache")]) == 0
    assert "removed 1 entry" in capsys.readouterr().err
    assert len(list((tmp_path / "cache" / "entries").glob("*/*"))) == 8
    (folder / "ambush.txt").write_text(OWN["ambush.txt"], encoding="utf-8")
    assert cached_and_plain(capsys, tmp_path, [folder])["misses"] == 1
    assert main(["cache", "prune", str(tmp_path / "cache"), "--unused-days", "0"]) == 0
    assert "removed 9 entries" in capsys.readouterr().err
    assert main(["cache", "prune", str(folder)]) == 2
    assert "not a cache of this tool" in capsys.readouterr().err


def test_a_folder_that_is_not_a_cache_is_refused(capsys, tmp_path, folder):
    status, err = extract(capsys, folder, "--cache", folder, "-o", tmp_path / "out.jsonl")
    assert status == 2 and f"--cache {folder}: the folder holds files and is not a cache" in err
    status, err = extract(capsys, folder, "--cache", tmp_path / "no" / "cache", "-o", tmp_path / "out.jsonl")
    assert status == 2 and "does not exist" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def test_the_fingerprint_follows_the_gazetteer_data(tmp_path):
    data = Path(geo.__file__).parents[1] / "gazetteer" / "data"
    first, second = tmp_path / "a", tmp_path / "b"
    for copy in (first, second):
        copy.mkdir()
        shutil.copy(data / "zones.json", copy)
    (second / "zones.json").write_bytes((second / "zones.json").read_bytes() + b"\n")
    assert fingerprint(first) != fingerprint(second) != fingerprint(data)


def test_a_report_changed_while_it_is_read_is_not_stored(tmp_path, folder, monkeypatch):
    from geo import incremental

    read_files = incremental.read_files

    def read_then_change(files, **options):
        items = list(read_files(files, **options))
        for f in files:
            if f.name == "ambush.txt":
                f.write_text(OWN["ambush.txt"].replace("Three", "Five"), encoding="utf-8")
        return iter(items)

    monkeypatch.setattr(incremental, "read_files", read_then_change)
    cache = ResultCache(tmp_path / "cache")
    assert len(list(geo.run(folder, cache=cache))) == 9
    assert (cache.misses, cache.stored) == (9, 8)


def test_map_shares_the_cache_of_extract(capsys, tmp_path, folder):
    cached_and_plain(capsys, tmp_path, [folder])
    assert main(["map", str(folder), "--cache", str(tmp_path / "cache"), "-o", str(tmp_path / "map.html")]) == 0
    err = capsys.readouterr().err
    assert "cache: 9 results reused, 0 computed" in err and "incidents from 9 reports" in err


#: Runs ``incidents extract`` in a new process, then prints which of these modules the run loaded.
_LOADED = """
import json, sys
from geo.cli import main
status = main(sys.argv[1:])
heavy = ["geo.pipeline", "geo.mentions", "gazetteer.lookup", "shapely", "pyarrow", "numpy", "geopandas"]
print(json.dumps({"status": status, "loaded": [m for m in heavy if m in sys.modules]}))
"""


def loaded_by(*args) -> tuple[int, list[str]]:
    """The exit status of ``incidents extract ARGS`` run in a new process, and the heavy modules it loaded."""
    done = subprocess.run([sys.executable, "-c", _LOADED, "extract", *map(str, args)], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.splitlines()[-1])
    return out["status"], out["loaded"]


def test_a_rerun_with_nothing_changed_loads_neither_pipeline_nor_gazetteer(capsys, tmp_path, folder):
    cached_and_plain(capsys, tmp_path, [folder])
    cache, out = tmp_path / "cache", tmp_path / "rerun.jsonl"
    status, loaded = loaded_by(folder, "--cache", cache, "-o", out, "--report", tmp_path / "rerun.json")
    assert (status, loaded) == (0, [])  # no mention automaton built, no gazetteer read, no shapely
    assert out.read_bytes() == (tmp_path / "plain-out.jsonl").read_bytes()
    assert json.loads((tmp_path / "rerun.json").read_text(encoding="utf-8"))["cache"]["hits"] == 9
    status, loaded = loaded_by(folder, "--cache", cache, "--workers", "2", "-o", out)  # no worker started either
    assert (status, loaded) == (0, [])
    # one report changed: the pipeline is loaded for it, and the output is an uncached run's
    (folder / "bombing.txt").write_text(OWN["bombing.txt"].replace("five", "six"), encoding="utf-8")
    status, loaded = loaded_by(folder, "--cache", cache, "-o", out, "--report", tmp_path / "rerun.json")
    assert status == 0 and {"geo.pipeline", "geo.mentions", "gazetteer.lookup"} <= set(loaded)
    counts = json.loads((tmp_path / "rerun.json").read_text(encoding="utf-8"))["cache"]
    assert (counts["hits"], counts["misses"], counts["stored"]) == (8, 1, 1)
    assert extract(capsys, folder, "-o", tmp_path / "plain.jsonl")[0] == 0
    assert out.read_bytes() == (tmp_path / "plain.jsonl").read_bytes()
    # a table needs the whole results: they are decoded, and the table is an uncached run's
    status, loaded = loaded_by(folder, "--cache", cache, "-o", tmp_path / "t.csv")
    assert status == 0 and "shapely" in loaded
    assert extract(capsys, folder, "-o", tmp_path / "plain.csv")[0] == 0
    assert (tmp_path / "t.csv").read_bytes() == (tmp_path / "plain.csv").read_bytes()


def test_stored_results_carry_their_record_and_decode_the_rest_when_asked(tmp_path, folder):
    plain = list(geo.run(folder))
    first = list(geo.run(folder, cache=ResultCache(tmp_path / "cache")))  # computed and stored
    cache = ResultCache(tmp_path / "cache", records_only=True)
    again = list(geo.run(folder, cache=cache))
    assert (cache.hits, cache.misses) == (9, 0)
    for p, f, a in zip(plain, first, again, strict=True):
        assert isinstance(f, StoredResult) and isinstance(a, StoredResult)
        assert f.line == a.line == jsonl_line(record(p))
        assert a.brief == {"path": p.document.path, "doc_id": p.document.id, "status": "ok", "error": None,
                           "warnings": p.document.warnings, "mentions": len(p.places),
                           "incidents": len(p.incidents)}
        assert record(a) == record(p)  # the rest decoded on first use
        copy = pickle.loads(pickle.dumps(a))  # sent to another process as a plain result
        assert type(copy) is DocumentResult and record(copy) == record(p)


def test_a_records_only_entry_that_cannot_be_decoded_says_so_when_asked(tmp_path, folder):
    list(geo.run(folder, cache=ResultCache(tmp_path / "cache")))
    for entry in (tmp_path / "cache" / "entries").glob("*/*"):
        summary, line, _ = cache_module._parts(cache_module._payload(entry.read_bytes(), entry.name))
        entry.write_bytes(_entry(entry.name, summary, line, pickle.dumps(_Hostile(tmp_path / "pwned"), protocol=5)))
    cache = ResultCache(tmp_path / "cache", records_only=True)
    [first, *_] = geo.run(folder, cache=cache)
    assert first.line.startswith("{")  # the record is there
    with pytest.raises(CacheEntryError, match="posix.system is not part of a result"):
        first.places
    assert not (tmp_path / "pwned").exists()


def test_concurrent_runs_share_the_cache(tmp_path, folder):
    cache = tmp_path / "cache"
    runs = [subprocess.Popen([sys.executable, "-m", "geo.cli", "extract", str(folder), "--cache", str(cache),
                              "-q", "-o", str(tmp_path / f"run{n}.jsonl")]) for n in range(3)]
    assert [r.wait(timeout=600) for r in runs] == [0, 0, 0]
    assert main(["extract", str(folder), "-q", "-o", str(tmp_path / "plain.jsonl")]) == 0
    plain = (tmp_path / "plain.jsonl").read_bytes()
    assert all((tmp_path / f"run{n}.jsonl").read_bytes() == plain for n in range(3))
    assert len(list((cache / "entries").glob("*/*"))) == 9  # no temporary file left
    cache_now = ResultCache(cache)
    assert [record(r) for r in geo.run(folder, cache=cache_now)] == [record(r) for r in geo.run(folder)]
    assert (cache_now.hits, cache_now.ignored_count) == (9, 0)
