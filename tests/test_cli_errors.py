"""Usage errors name the flag or file and the fix, exit with status 2, and leave nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.cli import main
from geo.output import atomic_writer

ROOT = Path(__file__).parents[1]
REPORT = ROOT / "examples" / "reports" / "cable-2007-11-huancavelica-ambush.txt"
UNDATED = "Gunmen ambushed an army patrol near Pichari, killing three soldiers.\n"


def run(capsys, *args) -> tuple[int, str]:
    """Exit status and standard error of ``incidents ARGS`` (argparse's own errors included)."""
    try:
        status = main([str(a) for a in args])
    except SystemExit as exc:
        status = exc.code
    return status, capsys.readouterr().err


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


OUTPUTS = [
    ("extract", "-o", "x.jsonl"),
    ("extract", "--report", "run.json"),
    ("map", "-o", "map.html"),
    ("map", "--png", "map.png"),
    ("map", "--embed", "snippet.html"),
    ("map", "--static", "map.svg"),
    ("report", "-o", "briefing.html"),
    ("report", "--pdf", "briefing.pdf"),
]


@pytest.mark.parametrize("command,flag,name", OUTPUTS)
def test_an_output_in_a_missing_folder_names_the_flag_and_the_folder(capsys, tmp_path, command, flag, name):
    missing = tmp_path / "missing" / "dir"
    args = [command, REPORT, flag, missing / name, "-q"]
    if flag != "-o":
        args += ["-o", tmp_path / f"main.{'jsonl' if command == 'extract' else 'html'}"]
    status, err = run(capsys, *args)
    assert status == 2, err
    assert f"{flag} {missing / name}: the folder {missing} does not exist" in err
    assert f"create it or choose another {flag}" in err
    assert "Errno" not in err and ".tmp" not in err
    assert listing(tmp_path) == []  # nothing written, not even the other output


def test_an_output_under_a_file_says_that_is_not_a_folder(capsys, tmp_path):
    (tmp_path / "notes").write_text("a file\n")
    status, err = run(capsys, "map", REPORT, "-o", tmp_path / "notes" / "map.html", "-q")
    assert status == 2 and f"{tmp_path / 'notes'} is not a folder (choose another -o)" in err
    assert listing(tmp_path) == ["notes"]


def test_a_write_that_fails_names_the_target_not_its_temporary_file(tmp_path):
    target = tmp_path / "gone" / "out.jsonl"
    with pytest.raises(FileNotFoundError) as caught, atomic_writer(target) as fh:
        fh.write("never\n")
    assert caught.value.filename == str(target)


@pytest.mark.parametrize("command", ["extract", "map", "report"])
@pytest.mark.parametrize("value", ["13/11/2007", "2007-02-30", "yesterday"])
def test_a_bad_date_names_the_flag_and_its_form(capsys, tmp_path, command, value):
    status, err = run(capsys, command, REPORT, "--date", value, "-o", tmp_path / "out.html", "-q")
    assert status == 2
    assert "argument --date" in err and "YYYY-MM-DD" in err and repr(value) in err
    assert "isoformat" not in err
    assert listing(tmp_path) == []


def test_a_good_date_dates_the_reports_that_give_none(capsys, tmp_path):
    report = tmp_path / "undated.txt"
    report.write_text(UNDATED)
    out = tmp_path / "out.jsonl"
    assert run(capsys, "extract", report, "--date", "2010-03-12", "-o", out, "-q")[0] == 0
    assert json.loads(out.read_text())["doc_date"] == "2010-03-12"
    status, err = run(capsys, "map", report, "--date", "2010-03-12", "-o", tmp_path / "map.html", "-q")
    assert status == 0, err


@pytest.mark.parametrize("name", ["out.xlsx", "out.jsonl.gz", "out.txt"])
def test_an_output_suffix_that_names_no_format_is_refused_with_the_formats(capsys, tmp_path, name):
    status, err = run(capsys, "extract", REPORT, "-o", tmp_path / name, "-q")
    assert status == 2
    assert f"-o {tmp_path / name}: .{name.rsplit('.', 1)[1]} is not a format" in err
    for fmt in ("jsonl (.jsonl", "geojson (.geojson", "gpkg", "parquet", "csv", "kml (.kml)", "kmz (.kmz)"):
        assert fmt in err
    assert listing(tmp_path) == []


def test_format_and_suffix_must_agree(capsys, tmp_path):
    status, err = run(capsys, "extract", REPORT, "--format", "geojson", "-o", tmp_path / "out.csv", "-q")
    assert status == 2 and "names a csv file but --format says geojson" in err
    assert listing(tmp_path) == []
    status, err = run(capsys, "extract", REPORT, "--format", "csv", "-q")
    assert status == 2 and "--format csv needs a file (-o FILE)" in err


def test_format_given_writes_a_file_of_any_name(capsys, tmp_path):
    out = tmp_path / "run.log"
    assert run(capsys, "extract", REPORT, "--format", "jsonl", "-o", out, "-q")[0] == 0
    assert json.loads(out.read_text())["status"] == "ok"


def test_an_empty_folder_says_it_holds_no_files(capsys, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    status, err = run(capsys, "extract", empty, "-o", tmp_path / "out.jsonl")
    assert status == 1
    assert f"{empty}: skipped: the folder holds no files" in err and ".txt" in err
    status, err = run(capsys, "map", empty, "-o", tmp_path / "map.html")
    assert status == 1 and "the folder holds no files" in err and "no report could be read" in err
    assert not (tmp_path / "map.html").exists()


def test_a_folder_of_other_kinds_says_what_it_found_and_what_is_read(capsys, tmp_path):
    folder = tmp_path / "word"
    (folder / "annex").mkdir(parents=True)
    for name in ("a.docx", "b.DOCX", "annex/c.pdf"):
        (folder / name).write_bytes(b"PK\x03\x04")
    status, err = run(capsys, "report", folder, "-o", tmp_path / "b.html")
    assert status == 1
    assert "the folder holds 3 files, none of a readable kind (.docx ×2, .pdf)" in err
    assert "readable kinds are .txt, .md" in err and ".jsonl" in err and ".csv" in err
    assert "the reason for each input is above" in err
    (folder / "annex" / "d.txt").write_text(UNDATED)  # one readable file: read, and no complaint
    status, err = run(capsys, "extract", folder, "-o", tmp_path / "out.jsonl")
    assert status == 0 and "readable kind" not in err


@pytest.mark.parametrize("command,flag,name", [("report", "--pdf", "briefing.pdf"), ("map", "--png", "map.png")])
def test_a_pdf_or_png_without_chromium_names_the_flag_before_any_work(capsys, tmp_path, monkeypatch,
                                                                     command, flag, name):
    monkeypatch.setattr("shutil.which", lambda exe: None)
    status, err = run(capsys, command, REPORT, "-o", tmp_path / "page.html", flag, tmp_path / name, "-q")
    assert status == 2
    assert f"{flag} {tmp_path / name}: " in err and "Chromium" in err
    assert "apt-get install chromium" in err and f"or leave out {flag}" in err
    assert listing(tmp_path) == []  # not even the HTML page
