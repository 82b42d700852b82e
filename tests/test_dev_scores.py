"""The accuracy floors on the development set, measured by ../shared/eval/score.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# What main measures on the 44-document dev set, rounded down; raised as the extractor improves.
FLOORS = {"f1": 0.96, "correct": 0.95, "admin1": 0.98, "doc-date": 1.0, "incident-f1": 0.91, "killed": 0.92}


@pytest.mark.shared
def test_dev_set_scores_hold_their_floors(shared, tmp_path):
    pred = tmp_path / "dev.jsonl"
    dev = shared / "eval" / "dev"
    texts = sorted(str(p) for p in dev.glob("*.txt"))
    run = subprocess.run([sys.executable, "-m", "geo.cli", "extract", *texts, "-o", str(pred), "-q"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    args = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(dev), "--pred", str(pred)]
    floors = [a for k, v in FLOORS.items() for a in (f"--min-{k}", str(v))]
    scored = subprocess.run(args + floors, capture_output=True, text=True, timeout=300)
    print(scored.stdout.splitlines()[-1])
    assert scored.returncode == 0, scored.stdout[-2000:]
    full = subprocess.run(args + ["--json"], capture_output=True, text=True).stdout
    result, _ = json.JSONDecoder().raw_decode(full)
    assert not result["documents_missing_from_predictions"]
