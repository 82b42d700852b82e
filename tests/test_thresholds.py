"""The incident stage's thresholds: one table, read at call time, changed only within ``using``."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from geo import thresholds
from geo.casualties import find_casualties


def test_every_threshold_is_a_positive_number():
    table = asdict(thresholds.TABLE)
    assert table and all(isinstance(v, (int, float)) and v > 0 for v in table.values())
    assert thresholds.TABLE.names() == list(table)


def test_the_casualty_window_bounds_how_far_a_list_of_victims_is_read():
    sentence = "The rebels killed Ana Quispe Mamani, Luis Rojas Huaman, Pedro Huaman Condori and Rosa Ccori Yupanqui."
    assert [c.value for c in find_casualties(sentence, "en")] == [4]
    with thresholds.using(casualty_window=20):
        assert [c.value for c in find_casualties(sentence, "en")] == [1]
    assert [c.value for c in find_casualties(sentence, "en")] == [4]  # restored


def test_using_restores_the_table_after_an_error_and_refuses_unknown_names():
    before = thresholds.TABLE
    with pytest.raises(RuntimeError), thresholds.using(merge_km=1.0):
        assert thresholds.TABLE.merge_km == 1.0
        raise RuntimeError
    assert thresholds.TABLE is before
    with pytest.raises(TypeError), thresholds.using(no_such_threshold=1):
        pass
