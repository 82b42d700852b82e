"""The packages depend one way: gazetteer <- geo <- maps; geo's data never runs back up into maps."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
#: The command line joins every package's commands; it is the one geo module that may name maps.
COMPOSITION_ROOT = ROOT / "geo" / "cli.py"


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_geo_module_imports_maps():
    offenders = {str(p.relative_to(ROOT)): sorted(n for n in _imported(p) if n.split(".")[0] == "maps")
                 for p in sorted((ROOT / "geo").rglob("*.py")) if p != COMPOSITION_ROOT}
    assert {p: names for p, names in offenders.items() if names} == {}
    assert "maps.table_export" in _imported(COMPOSITION_ROOT)  # the check reads real imports


def test_writing_every_geo_table_format_loads_nothing_of_maps(tmp_path):
    code = f"""
import sys, pkgutil, importlib
import geo
for m in pkgutil.walk_packages(geo.__path__, "geo."):
    if m.name != "geo.cli":
        importlib.import_module(m.name)
from geo.table import FORMATS, write_table
table = geo.extract([{str(ROOT / 'examples' / 'reports' / 'cable-2007-11-huancavelica-ambush.txt')!r}])
for fmt in FORMATS:
    write_table(table, {str(tmp_path)!r} + "/t." + fmt)
print(sorted(n for n in sys.modules if n == "maps" or n.startswith("maps.")))
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT,
                         check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv", "t.geojson", "t.gpkg", "t.parquet"]
