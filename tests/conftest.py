"""Shared fixtures: the gazetteer, and the ../shared folder that CI requires."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from gazetteer import Gazetteer

# Lazy set-up (the gazetteer, the automaton) makes a first example slow: no per-example deadline.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

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


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium driven by Playwright; skipped on a user's machine, required in CI."""
    import shutil

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        exe = None
    if not exe:
        if os.environ.get("INCIDENTS_REQUIRE_BROWSER"):
            pytest.fail("no chromium (or playwright) but INCIDENTS_REQUIRE_BROWSER is set")
        pytest.skip("no headless Chromium: apt-get install chromium; pip install playwright")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()
