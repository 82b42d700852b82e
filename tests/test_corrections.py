"""The corrections file: its schema and errors, what applying it does to a run, and the gold export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import geo
from geo.cli import main
from geo.corrected import Tally, apply_corrections, check_places
from geo.corrections import FORMAT, VERSION, Corrections, parse_date, text_hash
from geo.errors import CorrectionsError

REPORTS = Path(__file__).parent / "fixtures" / "review"
AYACUCHO = (REPORTS / "ayacucho-2010-03.txt").read_text(encoding="utf-8")
CUSCO = (REPORTS / "cusco-2011-06.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def results():
    return {r.document.id: r for r in geo.run(REPORTS)}


def _file(*documents) -> dict:
    return {"format": FORMAT, "version": VERSION, "documents": list(documents)}


def _doc(text: str, doc_id: str, places=(), incidents=(), reviewed=False) -> dict:
    return {"text_sha256": text_hash(text), "doc_id": doc_id, "path": f"{doc_id}.txt", "reviewed": reviewed,
            "places": list(places), "incidents": list(incidents)}


def _span(text: str, words: str, action: str, **more) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words, "action": action, **more}


def _incident_at(result, kind):
    inc = next(i for i in result.incidents if i.kind == kind)
    return {"start": inc.start, "end": inc.end, "place_start": inc.place.mention.start}


def _apply(results, data):
    tally = Tally()
    out = {r.document.id: r for r in apply_corrections(list(results.values()), Corrections.from_dict(data), tally)}
    return out, tally


def test_a_file_round_trips_through_its_record(results):
    data = _file(_doc(AYACUCHO, "ayacucho-2010-03", [_span(AYACUCHO, "Ocobamba", "place", place_id="district:030605")],
                      [{**_incident_at(results["ayacucho-2010-03"], "protest"), "action": "reject"},
                       {"start": 0, "end": 10, "place_start": None, "action": "add",
                        "set": {"type": "protest", "date": "2010-03"}}], reviewed=True))
    again = Corrections.from_dict(json.loads(json.dumps(Corrections.from_dict(data).record())))
    assert again.record() == Corrections.from_dict(data).record() and len(again) == 3


@pytest.mark.parametrize("data, message", [
    ({"version": 1, "documents": []}, "not a corrections file"),
    ({"format": FORMAT, "version": 2, "documents": []}, "corrections of version 2; this tool reads version 1"),
    (_file({"doc_id": "x"}), "documents[0]: missing field 'text_sha256'"),
    (_file(_doc("t", "x", [{"start": 0, "end": 1, "text": "t", "action": "move"}])),
     "places[0]: action 'move' is not one of accept, place, not_place, add"),
    (_file(_doc("t", "x", [{"start": 0, "end": 1, "text": "t", "action": "place"}])), "needs the place_id"),
    (_file(_doc("t", "x", [], [{"start": 5, "end": 2, "action": "reject"}])), "start <= end"),
    (_file(_doc("t", "x", [], [{"start": 0, "end": 1, "action": "edit", "set": {"type": "picnic"}}])),
     "type 'picnic' is not one of ambush"),
    (_file(_doc("t", "x", [], [{"start": 0, "end": 1, "action": "edit", "set": {"killed": -1}}])),
     "killed must be a whole number of 0 or more"),
    (_file(_doc("t", "x", [], [{"start": 0, "end": 1, "action": "edit", "set": {"date": "13/11/2007"}}])),
     "a date is YYYY-MM-DD, YYYY-MM or YYYY"),
    (_file(_doc("t", "x", [], [{"start": 0, "end": 1, "action": "edit", "set": {"where": "here"}}])),
     "cannot set where"),
    (_file(_doc("t", "x", [], [{"start": 0, "end": 1, "action": "split", "into": [{}]}])), "two parts or more"),
    (_file(_doc("t", "x"), _doc("t", "y")), "documents[1]: a second entry for the text"),
])
def test_a_bad_file_is_one_clear_error(data, message):
    with pytest.raises(CorrectionsError, match="review.json") as caught:
        Corrections.from_dict(data, "review.json")
    assert message in str(caught.value)


def test_reading_errors_name_the_file(tmp_path):
    bad = tmp_path / "saved.json"
    bad.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"saved.json: not JSON .* at line 1"):
        Corrections.load(bad)
    with pytest.raises(CorrectionsError, match="missing.json: no such file"):
        Corrections.load(tmp_path / "missing.json")


def test_an_unknown_place_id_is_found_before_the_run(gaz):
    data = _file(_doc(AYACUCHO, "a", [_span(AYACUCHO, "Ocobamba", "place", place_id="district:999999")]))
    with pytest.raises(CorrectionsError, match="a.txt: no place 'district:999999' in the gazetteer"):
        check_places(Corrections.from_dict(data), gaz)


def test_dates_at_their_precision():
    assert parse_date("2010-03-12")[3] == 1
    _, start, end, precision = parse_date("2010-02")
    assert (start.isoformat(), end.isoformat(), precision) == ("2010-02-01", "2010-02-28", 3)
    assert [d.isoformat() for d in parse_date("1984")[1:3]] == ["1984-01-01", "1984-12-31"]
    with pytest.raises(ValueError, match="not a day of the calendar"):
        parse_date("2010-02-30")


def test_places_re_resolved_dropped_and_added_move_the_incidents(results):
    a = results["ayacucho-2010-03"]
    bombing = next(i for i in a.incidents if i.kind == "bombing")
    assert bombing.place.place.admin1 == "Cusco"
    added = _file(_doc(AYACUCHO, "ayacucho-2010-03", [_span(AYACUCHO, "market of Ocobamba", "add", place_id=None)]))
    out, _ = _apply(results, added)  # a span over a mention: the analyst's span wins
    names = [r.mention.text for r in out["ayacucho-2010-03"].places]
    assert "market of Ocobamba" in names and "Ocobamba" not in names
    data = _file(_doc(AYACUCHO, "ayacucho-2010-03", [
        _span(AYACUCHO, "Ocobamba", "place", place_id="district:030605"),
        _span(AYACUCHO, "VRAE", "not_place"),
        _span(AYACUCHO, "Pichari", "accept")]))
    out, tally = _apply(results, data)
    corrected = out["ayacucho-2010-03"]
    assert "VRAE" not in [r.mention.text for r in corrected.places]
    ocobamba = next(r for r in corrected.places if r.mention.text == "Ocobamba")
    assert (ocobamba.place.id, ocobamba.reason, ocobamba.confidence) == ("district:030605", "set by the analyst", 1.0)
    bombing = next(i for i in corrected.incidents if i.kind == "bombing")
    assert bombing.place.place.admin_chain == "Ocobamba, Chincheros, Apurímac"
    assert (tally.applied, tally.stale, tally.unused) == (3, [], [])
    assert out["cusco-2011-06"] is results["cusco-2011-06"]  # documents without corrections pass untouched


def test_a_missed_place_is_resolved_in_context():
    text = "Satipo, 31 May 2011\n\nVillagers in Pangoa said armed men had taken their cattle on May 30.\n"
    result = next(iter(geo.run(geo.Document("satipo", text, path="satipo.txt"))))
    assert [r.mention.text for r in result.places] == ["Satipo"]
    out, tally = _apply({"satipo": result}, _file(_doc(text, "satipo", [_span(text, "Pangoa", "add")])))
    pangoa = out["satipo"].places[1]
    assert (pangoa.mention.text, pangoa.place.admin_chain) == ("Pangoa", "Pangoa, Satipo, Junín")  # beside Satipo
    assert tally.applied == 1


def test_incidents_edited_rejected_added_merged_and_split(results):
    a, c = results["ayacucho-2010-03"], results["cusco-2011-06"]
    sentence = "Armed men burned the community hall of Kepashiato that night."
    at = CUSCO.index(sentence)
    data = _file(
        _doc(AYACUCHO, "ayacucho-2010-03", [], [
            {**_incident_at(a, "ambush"), "action": "edit", "set": {"killed": 4, "date": "2010-03-11", "actor1": "Rebels"}},
            {**_incident_at(a, "protest"), "action": "reject"},
            {**_incident_at(a, "bombing"), "action": "split",
             "into": [{"injured": 3}, {"injured": 2, "place_id": "district:080902"}, {"injured": 0}]}]),
        _doc(CUSCO, "cusco-2011-06", [], [
            {"start": at, "end": at + len(sentence), "place_start": None, "action": "add",
             "set": {"type": "attack", "date": "2011-06-01", "killed": 0, "place_id": "ccpp:0809020097"}},
            {**_incident_at(c, "blockade"), "action": "merge", "with": [_incident_at(c, "arrest")],
             "set": {"type": "riot"}}]))
    out, tally = _apply(results, data)
    kinds = [(i.kind, i.killed, i.injured, i.place.place.name) for i in out["ayacucho-2010-03"].incidents]
    assert kinds == [("ambush", 4, 2, "Pichari"), ("bombing", None, 3, "Ocobamba"), ("bombing", None, 2, "Echarate"),
                     ("bombing", None, 0, "Ocobamba")]
    assert out["ayacucho-2010-03"].incidents[3].evidence_spans[0][0] == "ayacucho-2010-03#3"  # a part of its own
    ambush = out["ayacucho-2010-03"].incidents[0]
    assert (ambush.event_date.isoformat(), ambush.actor1, ambush.time_precision) == ("2010-03-11", "Rebels", 1)
    cusco = out["cusco-2011-06"].incidents
    assert [(i.kind, i.event_date.isoformat()) for i in cusco] == [("riot", "2011-06-01"), ("attack", "2011-06-01")]
    assert len(cusco[0].evidence_spans) == 2  # the merged incident keeps both tellings
    added = cusco[1]
    assert (added.evidence, added.killed, added.place.mention.text) == (sentence, 0, "Kepashiato")
    assert (tally.applied, tally.unused) == (5, [])
    table = geo.incidents_table(out.values())
    assert len(table) == 6 and table.incident_id.is_unique


def test_stale_and_unused_corrections_are_reported_not_applied(results):
    edited = geo.Document("ayacucho-2010-03", AYACUCHO.replace("five", "six"), path="ayacucho-2010-03.txt")
    changed = {**results, "ayacucho-2010-03": next(iter(geo.run(edited)))}
    data = _file(_doc(AYACUCHO, "ayacucho-2010-03", [], [{**_incident_at(results["ayacucho-2010-03"], "protest"),
                                                          "action": "reject"}]),
                 _doc("a report of another run", "elsewhere", [{"start": 0, "end": 1, "text": "a", "action": "not_place"}]),
                 _doc(CUSCO, "cusco-2011-06", [], [{"start": 0, "end": 4, "place_start": None, "action": "reject"}]))
    out, tally = _apply(changed, data)
    assert "protest" in [i.kind for i in out["ayacucho-2010-03"].incidents]
    record = tally.record()
    assert (record["applied"], record["stale"], record["unused"]) == (0, 1, 2)
    assert record["stale_documents"][0]["path"] == "ayacucho-2010-03.txt"
    assert [u["reason"] for u in record["unused_corrections"]] == [
        "this run finds no such incident in the document", "no document of this run has the reviewed text"]
    assert tally.messages()[0] == ("ayacucho-2010-03.txt: its text changed since the review: 1 corrections not "
                                   "applied (review it again)")


def test_cli_reports_corrections_and_rejects_a_bad_file(results, tmp_path, capsys):
    saved = tmp_path / "corrections.json"
    saved.write_text(json.dumps(_file(_doc(AYACUCHO, "ayacucho-2010-03", [], [
        {**_incident_at(results["ayacucho-2010-03"], "protest"), "action": "reject"}]))), encoding="utf-8")
    out, report = tmp_path / "out.jsonl", tmp_path / "run.json"
    assert main(["extract", str(REPORTS), "-o", str(out), "--corrections", str(saved), "--report", str(report), "-q"]) == 0
    assert json.loads(report.read_text())["corrections"]["applied"] == 1
    assert "incidents extract: corrections: 1 applied, 0 stale, 0 unused" in capsys.readouterr().err
    kinds = [i["incident_type"] for line in out.read_text().splitlines() for i in json.loads(line)["incidents"]]
    assert "protest" not in kinds and len(kinds) == 4
    saved.write_text("[]", encoding="utf-8")
    assert main(["extract", str(REPORTS), "-o", str(out), "--corrections", str(saved)]) == 2
    assert f"--corrections {saved}: not a corrections file" in capsys.readouterr().err
    assert main(["map", str(REPORTS), "-o", str(tmp_path / "m.html"), "--corrections", str(tmp_path / "no.json")]) == 2
    assert "--corrections" in capsys.readouterr().err


def test_corrections_with_a_saved_table_are_an_error_whatever_its_format(results, tmp_path, capsys):
    saved = tmp_path / "corrections.json"
    saved.write_text(json.dumps(_file(_doc(AYACUCHO, "ayacucho-2010-03", [], [
        {**_incident_at(results["ayacucho-2010-03"], "protest"), "action": "reject"}]))), encoding="utf-8")
    for suffix in ("parquet", "csv"):  # a CSV may be a corpus of reports or a table: read, it is a table
        table = tmp_path / f"incidents.{suffix}"
        assert main(["extract", str(REPORTS), "-o", str(table), "-q"]) == 0
        assert main(["map", str(table), "-o", str(tmp_path / "m.html"), "--corrections", str(saved)]) == 2
        assert "--corrections applies to reports, not to a saved table" in capsys.readouterr().err


def test_export_writes_reviewed_reports_in_the_gold_format(results, tmp_path, capsys):
    a = results["ayacucho-2010-03"]
    saved = tmp_path / "corrections.json"
    saved.write_text(json.dumps(_file(
        _doc(AYACUCHO, "ayacucho-2010-03", [_span(AYACUCHO, "Ocobamba", "place", place_id="district:030605")],
             [{**_incident_at(a, "protest"), "action": "reject"}], reviewed=True),
        _doc(CUSCO, "cusco-2011-06", [_span(CUSCO, "Echarate", "accept")]))), encoding="utf-8")
    out = tmp_path / "gold"
    assert main(["corrections", "export", str(saved), "--reports", str(REPORTS), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["ayacucho-2010-03.json", "ayacucho-2010-03.txt"]  # reviewed only
    gold = json.loads((out / "ayacucho-2010-03.json").read_text(encoding="utf-8"))
    text = (out / "ayacucho-2010-03.txt").read_text(encoding="utf-8")
    assert text == AYACUCHO
    assert all(text[p["start"]:p["end"]] == p["text"] for p in gold["places"])
    ocobamba = next(p for p in gold["places"] if p["text"] == "Ocobamba")
    assert {k: ocobamba[k] for k in ("kind", "department", "province", "district", "ubigeo", "precision")} == {
        "kind": "district", "department": "APURIMAC", "province": "CHINCHEROS", "district": "OCOBAMBA",
        "ubigeo": "030605", "precision": "district"}
    assert [i["type"] for i in gold["incidents"]] == ["ambush", "bombing"]
    for i in gold["incidents"]:
        assert text[i["sentence_start"]:i["sentence_end"]] == i["sentence"]
        assert text[i["place_start"]:i["place_end"]] == i["place_text"]
    assert gold["incidents"][1]["department"] == "APURIMAC"
    assert "1 reviewed reports" in capsys.readouterr().err
