"""One result whatever the engine: one process, --workers 2 and a Dask cluster write the same output in every format."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

import geo.parallel
from geo.cable import annotate_structure
from geo.cli import main
from geo.dataset import write_dataset
from geo.document import Document, ReadFailure
from geo.parallel import DIED, process_many
from geo.table import read_table

#: Reports we wrote for these tests: each is told again in documents far apart in the corpus, so
#: that the cross-document merge has to join partitions; one tells nothing.
TEXTS = [
    "On May 3, 2009 gunmen ambushed an army patrol near Pichari, in the province of La Convención, Cusco, "
    "killing two soldiers.",
    "Two soldiers died on May 3, 2009 when rebels ambushed a patrol in Pichari, Cusco.",
    "El 12 de junio de 2008 una columna armada atacó la comisaría de Tocache, en San Martín; murieron tres policías.",
    "On 9 October 2008 a bomb exploded at a power pylon outside Huanta, Ayacucho; nobody was hurt.",
    "The weather in Lima was mild all week and the markets were calm.",
]
#: Each format and the output it is written to.
OUTPUTS = {"jsonl": "out.jsonl", "geojson": "out.geojson", "gpkg": "out.gpkg", "parquet": "out.parquet",
           "csv": "out.csv", "parquet-dataset": "out-parts/"}

#: Runs the CLI on a local 2-worker Dask cluster started once, for every format (given as JSON).
DASK_DRIVER = """
import json, sys
from dask.distributed import LocalCluster
from geo.cli import main
inputs, outputs, root = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
    for fmt, name in outputs.items():
        args = ["extract", *inputs, "--engine", "dask", "--scheduler", cluster.scheduler_address,
                "--partition-size", "2", "--format", fmt, "-o", f"{root}/{name}", "-q"]
        if fmt == "jsonl":
            args += ["--report", f"{root}/report.json"]
        assert main(args) == 0, fmt
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps({"id": f"r{i:02d}", "date": f"2009-0{1 + i % 9}-15", "text": f"{TEXTS[i % len(TEXTS)]} "
                         f"Report {i}."}, ensure_ascii=False) for i in range(21)]
    lines.insert(9, "{not json")  # a bad row fails alone, in its place
    (root / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "notes").mkdir()
    (root / "notes" / "a.txt").write_text("Rebels ambushed a patrol in Pichari, Cusco, on May 3, 2009, killing two "
                                          "soldiers.\n", encoding="utf-8")
    (root / "notes" / "b.txt").write_text("Nothing happened in Huancayo.\n", encoding="utf-8")
    return [str(root / "notes"), str(root / "corpus.jsonl")]


def _local(root: Path, corpus: list[str], *engine: str) -> Path:
    root.mkdir()
    for fmt, name in OUTPUTS.items():
        assert main(["extract", *corpus, *engine, "--format", fmt, "-o", str(root / name), "-q"]) == 0, fmt
    return root


@pytest.fixture(scope="module")
def one_process(tmp_path_factory, corpus) -> Path:
    return _local(tmp_path_factory.mktemp("engines") / "one", corpus)


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory, corpus) -> Path:
    return _local(tmp_path_factory.mktemp("engines") / "two", corpus, "--workers", "2")


@pytest.fixture(scope="module")
def on_dask(tmp_path_factory, corpus) -> Path:
    pytest.importorskip("distributed", reason="pip install 'dask[distributed]'")
    root = tmp_path_factory.mktemp("engines") / "dask"
    root.mkdir()
    run = subprocess.run([sys.executable, "-c", DASK_DRIVER, json.dumps(corpus), json.dumps(OUTPUTS), str(root)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    return root


def _content(path: Path, fmt: str):
    """What an output holds: its bytes; a GeoPackage's tables without the time it was written
    (gpkg_contents.last_change); a dataset's part names and bytes."""
    if fmt == "parquet-dataset":
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    if fmt != "gpkg":
        return path.read_bytes()
    with sqlite3.connect(path) as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        dump = {t: db.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
        columns = [c[1] for c in db.execute("PRAGMA table_info(gpkg_contents)")]
    at = columns.index("last_change")
    dump["gpkg_contents"] = [row[:at] + row[at + 1:] for row in dump["gpkg_contents"]]
    return dump


@pytest.mark.parametrize("fmt", OUTPUTS)
def test_every_engine_writes_the_same_output(one_process, two_workers, on_dask, fmt):
    single = _content(one_process / OUTPUTS[fmt], fmt)
    assert _content(two_workers / OUTPUTS[fmt], fmt) == single
    assert _content(on_dask / OUTPUTS[fmt], fmt) == single


def test_incidents_are_merged_across_partitions_and_the_bad_row_kept_in_place(one_process, on_dask):
    table = read_table(on_dask / "out.parquet")
    [ambush] = table[table.location == "Pichari"].doc_ids
    assert ambush.split("; ") == ["a", "r00", "r01", "r05", "r06", "r10", "r11", "r15", "r16", "r20"]
    records = [json.loads(line) for line in (on_dask / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in records][:4] == ["a", "b", "r00", "r01"] and len(records) == 2 + 22
    assert records[2 + 9]["status"] == "failed" and "invalid JSON" in records[2 + 9]["error"]
    report = json.loads((on_dask / "report.json").read_text(encoding="utf-8"))
    assert (report["engine"], report["read"], report["failed"], report["failed_partitions"]) == ("dask", 23, 1, [])


def test_the_dataset_reads_back_as_the_table(one_process, tmp_path):
    table = read_table(one_process / "out.parquet")
    for frame in (gpd.read_parquet(one_process / OUTPUTS["parquet-dataset"]),
                  read_table(one_process / OUTPUTS["parquet-dataset"])):
        pd.testing.assert_frame_equal(pd.DataFrame(frame[table.columns]), pd.DataFrame(table))
    parts = tmp_path / "parts"
    assert write_dataset(table, parts, rows_per_part=10) == 1
    # the table read back holds simplified shapes already: written again, they are kept as they are
    assert write_dataset(table, parts, rows_per_part=2, footprints="full") == len(range(0, len(table), 2)) > 1
    assert sorted(p.name for p in parts.iterdir()) == [f"part-{n:05d}.parquet" for n in range(len(table) // 2 + 1)]
    pd.testing.assert_frame_equal(read_table(parts), table)
    assert write_dataset(table, parts, rows_per_part=10) == 1  # the old parts go with the old dataset
    assert [p.name for p in parts.iterdir()] == ["part-00000.parquet"]
    assert main(["map", f"{parts}/", "-o", str(tmp_path / "map.html"), "-q"]) == 0
    assert "Pichari" in (tmp_path / "map.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "says"), [
    (["-o", "{tmp}/folder/"], "is a folder: give --format parquet-dataset"),
    (["-o", "{tmp}"], "is a folder: give --format parquet-dataset"),
    (["-o", "{tmp}", "--format", "csv"], "is a folder: --format csv writes a file"),
    (["-o", "{tmp}/out.csv", "--format", "parquet-dataset"], "names a csv file but --format parquet-dataset"),
    (["--format", "parquet-dataset"], "--format parquet-dataset needs a folder (-o DIR/)"),
    (["-o", "{tmp}/held", "--format", "parquet-dataset"], "holds files that are not parts of a dataset (mine.txt)"),
    (["-o", "{tmp}/out.jsonl", "--partition-size", "2"], "--partition-size needs --engine dask"),
])
def test_a_format_that_cannot_be_honoured_is_an_error(corpus, tmp_path, capsys, args, says):
    (tmp_path / "held").mkdir()
    (tmp_path / "held" / "mine.txt").write_text("keep me\n")
    before = sorted(tmp_path.rglob("*"))
    assert main(["extract", corpus[0], *(a.format(tmp=tmp_path) for a in args)]) == 2
    assert says in capsys.readouterr().err
    assert sorted(tmp_path.rglob("*")) == before


def _doc(doc_id: str) -> Document:
    return annotate_structure(Document(id=doc_id, text=f"Rebels ambushed a patrol in Huanta. ({doc_id})",
                                       path=f"{doc_id}.txt"))


def test_a_worker_process_killed_under_a_document_fails_that_document_only(monkeypatch):
    real = geo.parallel.outcome

    def deadly(item, *args, **kwargs):
        if isinstance(item, Document) and item.id == "poison":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(item, *args, **kwargs)

    monkeypatch.setattr(geo.parallel, "outcome", deadly)  # the worker processes are forked with it
    docs = [_doc(f"d{i}") for i in range(30)]
    docs.insert(11, _doc("poison"))
    results = list(process_many(docs, workers=2, chunksize=4))
    assert [r.id if isinstance(r, ReadFailure) else r.document.id for r in results] == [d.id for d in docs]
    failed = [r for r in results if isinstance(r, ReadFailure)]
    assert [(f.id, f.error) for f in failed] == [("poison", DIED)]
    assert all(r.incidents for r in results if not isinstance(r, ReadFailure))


#: Runs 30 documents through dask_run's own local cluster in partitions of two; prints the logs'
#: lengths of recent messages kept by the client and by the scheduler (one per worker).
LOG_DRIVER = """
import json, sys
from geo.dask_engine import LOG_LENGTH, dask_run
from geo.read import iter_read
with dask_run(None, partition_docs=2) as run:
    done = list(run.process(iter_read([sys.argv[1]])))
    logs = [run.client.scheduler_comm.recent_message_log,
            *(b.recent_message_log for b in run.client.cluster.scheduler.stream_comms.values())]
    print(json.dumps({"done": len(done), "bound": LOG_LENGTH, "kept": [len(log) for log in logs],
                      "maxlen": [log.maxlen for log in logs]}))
"""


def test_a_dask_run_keeps_no_growing_log_of_the_documents_it_sent(tmp_path):
    pytest.importorskip("distributed", reason="pip install 'dask[distributed]'")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"r{i}", "text": f"{TEXTS[i % len(TEXTS)]} Report {i}."}) + "\n"
                              for i in range(30)), encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", LOG_DRIVER, str(corpus)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    # fifteen partitions went out, each in messages Dask would keep (1,000 of them by default)
    assert seen["done"] == 30 and len(seen["kept"]) == 3
    assert set(seen["maxlen"]) == {seen["bound"]} and max(seen["kept"]) <= seen["bound"] < 15
