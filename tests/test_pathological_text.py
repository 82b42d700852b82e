"""Pathological text is processed completely, in time linear in its length."""

from __future__ import annotations

import time

import pytest

import geo
from geo.cable import annotate_structure
from geo.document import Document


def run(text: str):
    return geo.process(annotate_structure(Document(id="t", text=text)))


def test_a_million_character_line():
    assert run("x" * 1_000_000).places == []


def test_ten_thousand_repeated_place_names():
    places = run("Ayacucho, " * 10_000).places
    assert len(places) == 10_000 and {r.place.id for r in places} == {"department:05"}


def test_mixed_scripts_around_place_names():
    places = run("Лима 利马 Lima ليما Cusco Κούσκο " * 200).places
    # Cyrillic "Лима" transliterates to Lima; the other scripts' forms are not gazetteer names
    assert [r.mention.text for r in places[:3]] == ["Лима", "Lima", "Cusco"] and len(places) == 600


def test_many_marked_places_and_links():
    places = run("Bomb in calle Tarata, Miraflores. See [Lima](http://example.org/lima). " * 2000).places
    assert sum(r.mention.marked_as == "street" for r in places) == 2000
    assert all(r.mention.text != "lima" for r in places)  # the link target is not read


#: Texts of n repetitions that once took time quadratic (or worse) in n.
GROWING = {
    "blank lines": lambda n: "Gunmen ambushed a patrol in Huanta." + "\n" * (20 * n) + "end",
    "short sentences": lambda n: "A b. " * (5 * n),
    "incident sentences": lambda n: "Attack in Huanta. " * (n // 2),
    "dates": lambda n: "May 3, 2009 " * (5 * n),
    "dates in one incident sentence": lambda n: "An ambush in Huanta on " + "May 3, 2009, " * n + "killed four.",
    "thousands": lambda n: "Rebels in Huanta killed 1" + ",000" * (10 * n) + " people.",
    "one": lambda n: "An ambush in Huanta involved " + "one " * n + "soldiers.",
    "two hundred and": lambda n: "An ambush in Huanta killed " + "two hundred and " * n + "soldiers.",
    "semicolons": lambda n: "An attack in Huanta" + "; a b c d e" * n + ".",
    "header lines": lambda n: "Attack in Huanta.\n" + "REF: LIMA 123\nAttack in Pichari http://x.y z.\n" * (n // 2),
    "places told before": lambda n: "Huanta. Attack. " * (n // 2),
    "relative dates": lambda n: "An ambush in Huanta on May 3, 2009. " + "The next day rebels attacked Pichari. " * (n // 4),
    "triggers and dates": lambda n: "Rebels " + "attacked Huanta on May 3, 2009 and " * (n // 2) + "left.",
    "rows on lines": lambda n: "An ambush in Huanta on May 3, 2009" + "\nAttack on May 4, 2009" * n + ".",
}


def _seconds(text: str) -> float:
    # this process's CPU time: other work on a busy machine (a CI runner's neighbours) does not count
    t = time.process_time()
    run(text)
    return time.process_time() - t


@pytest.mark.parametrize("name", GROWING)
def test_time_grows_linearly(name):
    make = GROWING[name]
    run(make(50))  # warm up
    small = min(_seconds(make(250)) for _ in range(3))
    large = min(_seconds(make(2000)) for _ in range(2))
    # 8 times the text: linear work takes about 8 times as long, quadratic 64 times; the margin is for a busy machine
    assert large < 24 * max(small, 0.02), f"{name}: 8x the text took {large / max(small, 1e-9):.1f}x the time"
