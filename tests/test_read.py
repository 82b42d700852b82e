"""Readers: formats, encodings, bad inputs, cable structure and document dates."""

from __future__ import annotations

import codecs
import json
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

import geo
from geo.cable import parse_dtg
from geo.document import ReadFailure
from geo.read import Fields, iter_read

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = Path(__file__).parents[1] / "examples" / "reports"


def test_folder_is_read_recursively_in_order():
    docs = geo.read(REPORTS)
    assert [d.id for d in docs] == sorted(p.stem for p in REPORTS.glob("*.txt"))


def test_glob_and_missing_paths(tmp_path):
    items = list(iter_read([str(REPORTS / "cable-*.txt"), tmp_path / "nope.txt", str(tmp_path / "*.md")]))
    ok = [i for i in items if not isinstance(i, ReadFailure)]
    failed = [i for i in items if isinstance(i, ReadFailure)]
    assert len(ok) == 3
    assert {f.error for f in failed} == {"no such file or folder", "no file matches this pattern"}


def test_cable_date_time_group_and_structure():
    [doc] = geo.read(REPORTS / "cable-2007-11-huancavelica-ambush.txt")
    assert doc.kind == "cable"
    assert doc.datetime == datetime(2007, 11, 20, 15, 30, tzinfo=timezone.utc)
    assert doc.date == date(2007, 11, 20) and doc.date_source == "date-time group"
    assert doc.title == "POLICE CONVOY HIT IN HUANCAVELICA; SECOND ATTACK THIS MONTH"
    assert doc.metadata["tags"] == "PTER, SNAR, PE"
    assert [p[:2] for p in doc.metadata["paragraphs"]] == [(1, "SBU"), (2, "SBU"), (3, "U")]
    header_text = "".join(doc.text[s:e] for s, e in doc.header)
    for routing in ("AMEMBASSY LIMA", "AMEMBASSY BOGOTA", "LIMA 004410", "B. LIMA 4105", "DECL: 11/20/2017"):
        assert routing in header_text
    subject = doc.text.index("POLICE CONVOY")
    assert not doc.in_header(subject, subject + 5)
    assert doc.body and all(not doc.in_header(s, s + 1) for s, _ in doc.body)


def test_decl_line_dates_a_cable_without_date_time_group():
    [doc] = geo.read(REPORTS / "cable-2005-12-excerpt-decl-only.txt")
    assert doc.date == date(2005, 12, 9)
    assert doc.date_source.startswith("DECL minus 10 years")


def test_date_line_of_a_news_story_and_of_a_spanish_one():
    assert geo.read(REPORTS / "news-2012-04-la-convencion.txt")[0].date == date(2012, 4, 15)
    assert geo.read(REPORTS / "noticia-vraem-es.txt")[0].date == date(2009, 8, 12)


def test_every_document_has_a_language():
    docs = geo.read(REPORTS)
    assert {d.id: d.language for d in docs} == {d.id: "es" if d.id.endswith("-es") else "en" for d in docs}
    assert {d.language for d in iter_read(FIXTURES / "corpus.jsonl") if isinstance(d, geo.Document)} == {"en"}


@pytest.mark.parametrize("line,expected", [
    ("P 161454Z NOV 07", datetime(2007, 11, 16, 14, 54, tzinfo=timezone.utc)),
    ("O 172017Z MAY 85", datetime(1985, 5, 17, 20, 17, tzinfo=timezone.utc)),
    ("R 251857Z NOV 09", datetime(2009, 11, 25, 18, 57, tzinfo=timezone.utc)),
    ("P 311454Z FEB 07", None),
    ("SUBJECT: PERU", None),
])
def test_parse_dtg(line, expected):
    assert parse_dtg(line) == expected


def test_default_date_only_when_the_text_gives_none(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("Protesters blocked the road to Juliaca.", encoding="utf-8")
    assert geo.read(plain, date=date(2023, 1, 9))[0].date == date(2023, 1, 9)
    dated = geo.read(REPORTS / "news-2012-04-la-convencion.txt", date=date(2023, 1, 9))[0]
    assert dated.date == date(2012, 4, 15)


def test_jsonl_corpus_rows_and_failures():
    items = list(iter_read(FIXTURES / "corpus.jsonl"))
    ok = {i.id: i for i in items if not isinstance(i, ReadFailure)}
    failed = {i.path.rsplit(":", 1)[1]: i.error for i in items if isinstance(i, ReadFailure)}
    assert set(ok) == {"sitrep-001", "sitrep-002", "sitrep-006"}
    assert ok["sitrep-001"].date == date(2016, 4, 10) and ok["sitrep-001"].date_source == "corpus field"
    assert ok["sitrep-001"].title == "Patrol attacked in Santo Domingo de Acobamba"
    assert ok["sitrep-006"].date is None
    assert failed["3"].startswith("invalid JSON") and "list" in failed["4"] and "empty" in failed["5"]
    assert len(items) == 6  # every row accounted for


def test_configurable_fields(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"ref": "A-1", "when": "2010-05-02", "body": "Clash in Tocache."}) + "\n",
                      encoding="utf-8")
    [doc] = geo.read(corpus, fields=Fields(id="ref", text="body", date="when"))
    assert (doc.id, doc.date, doc.text) == ("A-1", date(2010, 5, 2), "Clash in Tocache.")
    [failure] = list(iter_read(corpus))
    assert isinstance(failure, ReadFailure) and "no text in field 'text'" in failure.error


def test_csv_corpus(tmp_path):
    docs = geo.read(FIXTURES / "corpus.csv")
    assert [d.id for d in docs] == ["csv-1", "csv-2"]
    assert docs[0].date == date(2005, 1, 2) and docs[1].date is None
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,x\n", encoding="utf-8")
    [failure] = list(iter_read(bad))
    assert "no 'text' column" in failure.error and str(bad) in failure.path


def test_cp1252_is_read_with_a_warning(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Ataque en Huancavelica, cerca de Pampas: ñandú".encode("cp1252"))
    with pytest.warns(UserWarning, match="read as cp1252"):
        [doc] = geo.read(f)
    assert "ñandú" in doc.text and doc.warnings and "read as cp1252" in doc.warnings[0]


def test_utf16_with_bom(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(codecs.BOM_UTF16_LE + "Emboscada en Pichari".encode("utf-16-le"))
    assert geo.read(f)[0].text == "Emboscada en Pichari"


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"   \n\t ", "empty"),
    (b"\x00\x01\x02\x03binary\x00" * 50, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_unreadable_files_are_reported_with_reason(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    [failure] = list(iter_read(f))
    assert isinstance(failure, ReadFailure) and reason in failure.error and failure.path == str(f)
    with pytest.warns(UserWarning, match=str(f.name)):
        assert geo.read(f) == []


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules["geo.read"], "MAX_BYTES", 1000)
    f = tmp_path / "big.txt"
    f.write_text("Lima " * 500, encoding="utf-8")
    [failure] = list(iter_read(f))
    assert "too large" in failure.error


def test_utf16_without_bom_is_read_but_binary_with_nuls_is_not(tmp_path):
    text = tmp_path / "u16.txt"
    text.write_bytes("Paro agrario en Puno".encode("utf-16-le"))
    with pytest.warns(UserWarning, match="UTF-16 without a byte-order mark"):
        assert geo.read(text)[0].text == "Paro agrario en Puno"
    noise = tmp_path / "noise.txt"
    noise.write_bytes(b"\x00\xff" * 100)
    [failure] = list(iter_read(noise))
    assert "binary" in failure.error
