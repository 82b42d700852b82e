"""The language of a document: detected from its body, or given by a corpus field, the API or --lang."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import warnings

import pytest

import geo
from geo.cable import annotate_structure
from geo.document import Document
from geo.lang import detect
from geo.read import iter_read

ENGLISH = ("Gunmen fired on a police patrol near the bridge on Tuesday night. Two officers were wounded "
           "and taken to the hospital in Huamanga, where they are in stable condition.")
SPANISH = ("Un grupo de desconocidos disparó contra una patrulla policial cerca del puente el martes por la "
           "noche. Dos agentes resultaron heridos y fueron trasladados al hospital de Huamanga.")
# An English report quoting a Spanish sign, and a Spanish report quoting an English statement.
MIXED_EN = (ENGLISH + ' A banner left at the scene read "muerte a los traidores del pueblo y a los que '
            'colaboran con las fuerzas del orden". The army said that it had sent more troops to the area.')
MIXED_ES = (SPANISH + ' Un comunicado en inglés decía "we will not leave the valley". La policía informó que '
            "la carretera fue reabierta por la tarde y que no hubo detenidos.")


@pytest.mark.parametrize("text,code", [(ENGLISH, "en"), (SPANISH, "es"), (MIXED_EN, "en"), (MIXED_ES, "es"),
                                       (ENGLISH.upper(), "en"), ("12 / 34 -- 2007", "en")])
def test_detect(text, code):
    assert detect(text) == code


def test_the_reader_detects_the_language_of_the_body(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SPANISH, encoding="utf-8")
    assert [(d.id, d.language) for d in geo.read(tmp_path)] == [("a", "en"), ("b", "es")]
    # routing and reference lines are header, not body: a Spanish body under English routing is Spanish
    ref = ("REF: A. LIMA 1234 (THE REPORT OF THE MISSION TO THE VALLEY AND THE TOWNS OF THE NORTH WITH THE "
           "ARMY, WHICH WAS SENT BY THE EMBASSY FOR THE VISIT OF THE AMBASSADOR)")
    assert detect(ref + SPANISH) == "en"
    cable = Document(id="c", text=f"FM AMEMBASSY LIMA\nTO SECSTATE WASHDC\n{ref}\nSUBJECT: PERU\n\n{SPANISH}")
    assert annotate_structure(cable).language == "es"


def test_a_language_given_to_the_reader_wins_over_detection():
    assert annotate_structure(Document(id="d", text=ENGLISH), language="es").language == "es"
    assert annotate_structure(Document(id="d", text=ENGLISH, language="es")).language == "es"
    with pytest.raises(ValueError, match="known: en, es"):
        annotate_structure(Document(id="d", text=ENGLISH), language="fr")


def _corpus(tmp_path, rows: list[dict]):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_corpus_field_and_api_override(tmp_path):
    path = _corpus(tmp_path, [
        {"id": "1", "text": ENGLISH, "lang": "es"},
        {"id": "2", "text": SPANISH, "language": "EN-us"},
        {"id": "3", "text": SPANISH},
        {"id": "4", "text": ENGLISH, "lang": "fr"},
    ])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = geo.read(path)
    assert [d.language for d in docs] == ["es", "en", "es", "en"]
    assert any("unknown language 'fr' in field 'lang'" in str(w.message) for w in caught)
    forced = [d.language for d in iter_read(path, lang="es") if isinstance(d, Document)]
    assert forced == ["es"] * 4
    assert [d.language for d in iter_read(path, lang="auto") if isinstance(d, Document)] == ["es", "en", "es", "en"]


def test_csv_corpus_language_column(tmp_path):
    path = tmp_path / "corpus.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ["id", "text", "lang"])
        writer.writeheader()
        writer.writerows([{"id": "a", "text": ENGLISH, "lang": "es"}, {"id": "b", "text": SPANISH, "lang": ""}])
    assert [d.language for d in geo.read(path)] == ["es", "es"]


def test_an_unknown_code_is_a_value_error_naming_the_known_codes(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    for call in (lambda: geo.read(tmp_path, lang="fr"), lambda: iter_read(tmp_path, lang="EN"),
                 lambda: geo.run(tmp_path, lang="xx"), lambda: geo.extract(tmp_path, lang="spanish")):
        with pytest.raises(ValueError, match=r"lang=.*known: auto, en, es"):
            call()


def test_run_forces_the_language_of_documents_given(gaz):
    doc = annotate_structure(Document(id="d", text=ENGLISH))
    [result] = geo.run([doc], lang="es", gazetteer=gaz)
    assert result.document.language == "es" and doc.language == "en"
    [result] = geo.run([doc], gazetteer=gaz)
    assert result.document.language == "en"


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "geo.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def test_the_record_reports_the_language_and_lang_overrides_it(tmp_path):
    path = _corpus(tmp_path, [{"id": "1", "text": SPANISH}, {"id": "2", "text": ENGLISH, "lang": "es"}])
    detected = _cli("extract", path, "-q")
    assert detected.returncode == 0, detected.stderr
    assert [json.loads(line)["language"] for line in detected.stdout.splitlines()] == ["es", "es"]
    forced = _cli("extract", path, "--lang", "en", "-q")
    assert [json.loads(line)["language"] for line in forced.stdout.splitlines()] == ["en", "en"]


@pytest.mark.parametrize("command", ["extract", "map", "report"])
def test_an_unknown_lang_is_a_usage_error(tmp_path, command):
    run = _cli(command, tmp_path / "x.txt", "--lang", "fr")
    assert run.returncode == 2
    assert "--lang" in run.stderr and "'en'" in run.stderr and "'es'" in run.stderr
