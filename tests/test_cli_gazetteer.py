"""The ``incidents gazetteer`` commands, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys


def run(*args):
    return subprocess.run([sys.executable, "-m", "geo.cli", "gazetteer", *args],
                          capture_output=True, text=True, timeout=120)


def test_lookup_table_and_json():
    out = run("lookup", "Ocobamba", "--kind", "district")
    assert out.returncode == 0
    assert "Chincheros, Apurímac" in out.stdout and "La Convención, Cusco" in out.stdout
    records = json.loads(run("lookup", "Huancavelica", "--json").stdout)
    assert [r["kind"] for r in records][:3] == ["department", "province", "district"]


def test_lookup_unknown_suggests():
    out = run("lookup", "Ayacuho")
    assert out.returncode == 1 and "did you mean Ayacucho" in out.stderr


def test_lookup_blank_is_an_error():
    out = run("lookup", " ")
    assert out.returncode == 2 and "empty place name" in out.stderr


def test_reverse():
    out = run("reverse", "-12.05", "-77.04", "--json")
    assert json.loads(out.stdout)["department"]["name"] == "Lima"
    assert run("reverse", "-16.5", "-68.15").returncode == 1


def test_info_shows_licences():
    out = run("info")
    assert "CC-BY 4.0" in out.stdout and "GPL-3.0" in out.stdout and "MIT" in out.stdout
    info = json.loads(run("info", "--json").stdout)
    assert info["counts"]["district"] == 1891
