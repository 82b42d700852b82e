"""The committed package data is exactly what the build makes from ../shared/data."""

from __future__ import annotations

import pytest

from gazetteer.build import build
from gazetteer.lookup import _data_dir


@pytest.mark.shared
def test_build_reproduces_committed_data(shared, tmp_path):
    build(shared / "data", tmp_path)
    committed = _data_dir()
    for built in sorted(tmp_path.iterdir()):
        assert built.read_bytes() == (committed / built.name).read_bytes(), (
            f"{built.name} differs from the committed package data: run `python -m gazetteer.build`")
