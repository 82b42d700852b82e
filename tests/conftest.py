"""Shared fixtures: the gazetteer, and the ../shared folder that CI requires."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gazetteer import Gazetteer

SHARED = Path(os.environ.get("INCIDENTS_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout; skipped on a user's machine, required in CI."""
    if not (SHARED / "data").is_dir():
        if os.environ.get("INCIDENTS_REQUIRE_SHARED"):
            pytest.fail(f"{SHARED} is missing but INCIDENTS_REQUIRE_SHARED is set (CI needs ../shared)")
        pytest.skip(f"{SHARED} not found (set INCIDENTS_SHARED to run)")
    return SHARED
