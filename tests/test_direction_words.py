"""Direction words before a place name a part of it, matched as whole words in English and Spanish."""

import pytest
import shapely

from geo.relative import narrow_direction

SQUARE = shapely.box(0, 0, 2, 2)


def _part(sentence: str):
    """The label and the bounds of the part of a 2x2 square that the words before "X" name."""
    found = narrow_direction(sentence, sentence.index("X"))
    if found is None:
        return None
    label, part = found
    return label, part(SQUARE).bounds


@pytest.mark.parametrize(("sentence", "label", "bounds"), [
    ("Rebels attacked in western X.", "western", (0, 0, 1, 2)),
    ("Rebels attacked in eastern X.", "eastern", (1, 0, 2, 2)),
    ("Patrols in north-eastern X.", "north-eastern", (1, 1, 2, 2)),
    ("Patrols in the south of X.", "southern", (0, 0, 2, 1)),
    ("Patrols in central X.", "central", (0.5, 0.5, 1.5, 1.5)),
    ("Atacaron en el oeste de X.", "western", (0, 0, 1, 2)),
    ("Atacaron en el este de X.", "eastern", (1, 0, 2, 2)),
    ("Atacaron en el suroeste de X.", "south-western", (0, 0, 1, 1)),
    ("Atacaron en el noreste del X.", "north-eastern", (1, 1, 2, 2)),
    ("Patrullas en la zona sur de X.", "southern", (0, 0, 2, 1)),
    ("Patrullas en el centro de X.", "central", (0.5, 0.5, 1.5, 1.5)),
])
def test_direction_words_name_the_part(sentence, label, bounds):
    assert _part(sentence) == (label, bounds)


@pytest.mark.parametrize("sentence", [
    "Rebels came from the west to X.",       # no direction word right before the name
    "They drove north of X.",                # outside the place, a relative location
    "Llegaron al norte de X.",               # "al norte de": beside it, not a part of it
    "Llegaron desde Oeste X.",               # no article: a name, not a part
    "Los comuneros del sureste X.",          # no link word
    "Fueron a la Westernport X.",            # a direction inside a longer word
    "Vinieron del Poniente X.",              # no direction word at all
])
def test_no_part_without_whole_direction_words(sentence):
    assert _part(sentence) is None
