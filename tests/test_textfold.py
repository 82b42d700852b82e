"""Folding text keeps a map back to the original offsets (property-based)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gazetteer import fold
from geo.textfold import fold_text


@given(st.text(max_size=300))
def test_offsets_map_back_into_the_text(text):
    folded, offsets = fold_text(text)
    assert len(folded) == len(offsets)
    assert folded.isascii() and "  " not in folded
    assert all(0 <= o < len(text) for o in offsets)
    assert list(offsets) == sorted(set(offsets))


@given(st.lists(st.sampled_from(["Junín", "Ñaña", "San Martín", "Cusco", "Apurímac", "río Ene", "x"]),
                min_size=1, max_size=8), st.sampled_from([" ", "\n", " - ", ", ", "\t\t"]))
def test_every_name_is_found_at_its_original_place(names, sep):
    text = sep.join(names)
    folded, offsets = fold_text(text)
    pos = 0
    for name in names:
        key = fold(name)
        found = folded.find(key, pos)
        assert found >= 0
        start = offsets[found]
        end = offsets[found + len(key) - 1] + 1
        assert fold(text[start:end]) == key
        pos = found + len(key)


def test_lower_keeps_every_offset_and_lower_patterns_keep_their_syntax():
    from geo.textfold import lower, lower_pattern

    text = "İSTANBUL, Ñuñoa ÁREA ſan Kelvin"  # str.lower() would make "İ" two characters
    assert len(lower(text)) == len(text) and lower("ÑUÑOA Área") == "ñuñoa área"
    assert lower_pattern(r"(?P<Day>\d+)\W+IEDs?") == r"(?P<day>\d+)\W+ieds?"
    import re
    assert re.compile(lower_pattern(r"(?P<x>Ambush(?:ed)?)\S")).search(lower("AMBUSHED!"))
