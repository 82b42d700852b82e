"""The notebooks in notebooks/ run end to end (offline) in a Jupyter kernel of this interpreter."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
INCIDENTS_NOTEBOOK = NOTEBOOKS / "explore_incidents.ipynb"
INSTALL = "pip install nbformat nbclient ipykernel"
CELL_TIMEOUT = 600

# Appended to the executed copy (never to the file): which interpreter ran the kernel.
_PROBE = "import sys; print('KERNEL_PREFIX=' + sys.prefix)"


def _notebooks() -> list[Path]:
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


@pytest.fixture(scope="module")
def run_notebook(tmp_path_factory):
    """Execute a notebook once (cached for the module) and return the executed copy."""
    try:
        import ipykernel  # noqa: F401
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError
    except ImportError as exc:
        pytest.skip(f"notebook tests need nbformat, nbclient and ipykernel ({exc}): {INSTALL}")

    executed: dict[Path, object] = {}
    with pytest.MonkeyPatch.context() as mp:
        # This environment's kernel spec first (its "python" resolves to sys.executable), so the kernel
        # imports the same, editable-installed project as the tests rather than a user-wide kernel's.
        mp.setenv("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"), prepend=os.pathsep)
        # The kernel inherits the environment: the notebook's tempfile.mkdtemp() exports land here.
        mp.setenv("TMPDIR", str(tmp_path_factory.mktemp("notebook-tmp")))
        # Inline figures even if the caller's environment asks matplotlib for another backend.
        mp.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")

        def run(path: Path):
            if path not in executed:
                nb = nbformat.read(path, as_version=4)
                nb.cells.append(nbformat.v4.new_code_cell(_PROBE))
                client = NotebookClient(nb, kernel_name="python3", timeout=CELL_TIMEOUT,
                                        resources={"metadata": {"path": str(path.parent)}})
                failure = None
                try:
                    client.execute()
                except CellExecutionError as exc:
                    failure = re.sub(r"\x1b\[[0-9;]*m", "", str(exc))  # IPython's coloured traceback
                if failure:
                    pytest.fail(f"{path.name} failed:\n{failure}", pytrace=False)
                executed[path] = nb
            return executed[path]

        yield run


def _outputs(nb) -> list[dict]:
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.name)
def test_notebook_runs_without_errors(run_notebook, path):
    nb = run_notebook(path)
    errors = [o for o in _outputs(nb) if o.get("output_type") == "error"]
    assert not errors, f"{path.name}: {errors[0].get('ename')}: {errors[0].get('evalue')}"
    probe = "".join(o.get("text", "") for o in nb.cells[-1].get("outputs", []) if o.get("output_type") == "stream")
    assert f"KERNEL_PREFIX={sys.prefix}" in probe, (
        f"the kernel ran another Python ({probe.strip()!r}, tests run in {sys.prefix}): "
        f"python -m ipykernel install --sys-prefix --name python3")


def test_incidents_notebook_shows_a_map_a_timeline_and_exports(run_notebook):
    assert INCIDENTS_NOTEBOOK.is_file(), f"{INCIDENTS_NOTEBOOK} is missing"
    nb = run_notebook(INCIDENTS_NOTEBOOK)
    outputs = _outputs(nb)
    pages = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    pages = ["".join(p) if isinstance(p, list) else p for p in pages]
    assert any("incidentMaps" in p and "leaflet" in p.lower() for p in pages), "no inline incident map"
    assert any("image/png" in o.get("data", {}) for o in outputs), "no plot (timeline)"
    text = "\n".join(o.get("text", "") if o.get("output_type") == "stream" else
                     o.get("data", {}).get("text/plain", "") for o in outputs)
    for name in ("incidents.geojson", "incidents.parquet", "incidents-map.html", "VRAEM"):
        assert name in text, f"{name!r} not in the notebook's outputs"


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.name)
def test_notebook_is_saved_without_outputs(path):
    """Committed notebooks stay small and deterministic: no outputs, no execution counts."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, (
                f"{path.name}: cell {i} has outputs; clear them before committing "
                f"(jupyter nbconvert --clear-output --inplace {path.name})")
