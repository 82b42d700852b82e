"""Pathological text is processed completely (its speed is measured in benchmarks/, not here)."""

from __future__ import annotations

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
