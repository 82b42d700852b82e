"""Answers remembered by identity: an object asked again is answered from memory, an equal copy is not."""

from __future__ import annotations

import shapely

from geo.identity import by_identity


def test_a_text_is_remembered_by_identity_and_an_equal_copy_read_once():
    calls = []
    upper = by_identity(16)(lambda text: calls.append(text) or text.upper())
    report = "Emboscada en Vizcatán. " * 1_000
    copy = "".join(["Emboscada en Vizcatán. "] * 1_000)  # the same report read twice: equal, another object
    assert copy == report and copy is not report
    assert upper(report) == upper(report) == report.upper() and len(calls) == 1
    assert upper(copy) == upper(copy) == report.upper() and len(calls) == 2  # its own entry, not a comparison
    for n in range(16):  # sixteen other texts push the first out
        upper(f"report {n}")
    upper(report)
    assert len(calls) == 19


def test_each_question_about_a_shape_is_its_own_answer():
    calls = []
    buffered = by_identity(4)(lambda geom, km: calls.append(km) or geom.buffer(km))
    area = shapely.box(-75.0, -13.0, -74.0, -12.0)
    assert buffered(area, 0.1).equals(buffered(area, 0.1)) and calls == [0.1]
    assert buffered(area, 0.2).area > buffered(area, 0.1).area and calls == [0.1, 0.2]
    same_box = shapely.box(-75.0, -13.0, -74.0, -12.0)  # equal, another object: worked out for itself
    buffered(same_box, 0.1)
    assert calls == [0.1, 0.2, 0.1]
