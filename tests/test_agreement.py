"""Related names agree: a unit in apposition holds what it qualifies, a village the gazetteer lacks
inside its unit is located at the unit, and names of one list or pair share a level."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.names import doubled_consonants
from resolved import places


@pytest.mark.parametrize(("text", "lang", "unit", "kind"), [
    ("La patrulla fue emboscada en Chongos Alto (Huancayo) al amanecer.", "es", "Huancayo", "province"),
    ("The patrol was ambushed near Chongos Alto (Huancayo) at dawn.", "en", "Huancayo", "province"),
    ("Los comuneros de Ulcumayo, en Junín, denunciaron el ataque.", "es", "Junín", "department"),
    ("A bomb went off in Pichari, Cusco, on Monday.", "en", "Cusco", "department"),
])
def test_a_unit_written_after_a_place_is_the_largest_unit_of_that_name_holding_it(text, lang, unit, kind):
    found = places(text, lang)
    held = next(r for name, r in found.items() if name != unit)
    assert found[unit].place.kind == kind
    assert held.place.admin1 == found[unit].place.admin1
    if kind == "province":
        assert held.place.admin2 == found[unit].place.admin2


@pytest.mark.parametrize(("text", "lang"), [
    ("Strikes were called in Cusco, Puno on Monday.", "en"),
    ("Se convocaron paros en Cusco, Puno el lunes.", "es"),
])
def test_two_units_side_by_side_that_do_not_hold_each_other_keep_their_readings(text, lang):
    found = places(text, lang)
    assert found["Cusco"].place.admin1 == "Cusco" and found["Puno"].place.admin1 == "Puno"


@pytest.mark.parametrize(("text", "lang", "village", "unit"), [
    ("Los senderistas llegaron a la comunidad de Tama, en el distrito de Huasahuasi.", "es", "Tama", "Huasahuasi"),
    ("Rebels entered the hamlet of Tama, in the district of Huasahuasi.", "en", "Tama", "Huasahuasi"),
])
def test_a_village_known_only_outside_the_unit_that_qualifies_it_is_located_at_the_unit(text, lang, village, unit):
    r = places(text, lang)[village]
    assert r.place.kind == "district" and r.place.name == unit
    assert r.where_prec == 3 and "located at it" in r.reason


@pytest.mark.parametrize(("text", "lang"), [
    ("Campesinos de Socos, distrito de Chupuro, denunciaron el robo.", "es"),
    ("Farmers from Socos, district of Chupuro, reported the theft.", "en"),
])
def test_a_village_found_inside_the_unit_that_qualifies_it_is_that_village(text, lang):
    r = places(text, lang)["Socos"]
    assert r.place.kind == "populated_place" and r.place.admin3 == "Chupuro"


@pytest.mark.parametrize(("text", "lang"), [
    ("Villagers in Lima (Arequipa) reported the theft.", "en"),
    ("Comuneros de Lima (Arequipa) denunciaron el robo.", "es"),
])
def test_a_name_that_is_also_a_unit_is_never_located_at_its_qualifier(text, lang):
    lima = places(text, lang)["Lima"]
    assert lima.place.kind == "populated_place" and lima.place.admin1 == "Arequipa"


@pytest.mark.parametrize(("text", "lang", "names"), [
    ("Sendero controlaba las provincias del norte (Huancavelica, Tayacaja, Churcampa).", "es",
     ["Huancavelica", "Tayacaja", "Churcampa"]),
    ("The northern provinces (Huancavelica, Tayacaja and Churcampa) were the most affected.", "en",
     ["Huancavelica", "Tayacaja", "Churcampa"]),
])
def test_a_list_mostly_of_provinces_reads_every_name_as_a_province(text, lang, names):
    found = places(text, lang)
    assert [found[n].place.kind for n in names] == ["province"] * 3


@pytest.mark.parametrize(("text", "lang"), [
    ("Congress moved royalties from Tacna to the neighbouring region of Moquegua.", "en"),
    ("Congress moved royalties from Tacna to neighboring region Moquegua.", "en"),
    ("El Congreso trasladó regalías de Tacna a la vecina región de Moquegua.", "es"),
    ("Hubo choques entre Tacna y la región Moquegua.", "es"),
])
def test_a_pair_with_one_cued_level_shares_it(text, lang):
    found = places(text, lang)
    assert found["Moquegua"].place.kind == "department"
    assert found["Tacna"].place.kind == "department" and "paired with" in found["Tacna"].reason


@pytest.mark.parametrize(("text", "lang"), [
    ("Protesters marched from Tacna to Moquegua.", "en"),            # no cue: read as written
    ("The road from the city of Tacna to the region of Moquegua was blocked.", "en"),  # its own cue
    ("Marcharon de Tacna a Moquegua.", "es"),
    ("Tacna y la región Moquegua pidieron más regalías.", "es"),    # no opening word: not a pair
])
def test_pairs_without_one_cue_or_without_their_words_keep_their_readings(text, lang):
    assert places(text, lang)["Tacna"].place.kind == "populated_place"


def test_a_doubled_consonant_is_a_spelling_of_a_unit_name():
    assert doubled_consonants("socos") == {"soccos"}
    assert doubled_consonants("pacucha") == {"paccucha"}
    assert doubled_consonants("chalhuanca") == set()   # c between consonants: written once
    assert doubled_consonants("cusco") == set()        # word-initial and after a consonant
    assert doubled_consonants("acocro") >= {"accocro"}
    found = {p.id for p in Gazetteer.load().lookup("Soccos")}
    assert "district:050112" in found   # the district Socos, Huamanga


@pytest.mark.parametrize(("text", "lang"), [
    ("The archaeologist Rafael Larco wrote about it. The bank on Larco Avenue in Miraflores was bombed.", "en"),
    ("El arqueólogo Rafael Larco escribió sobre ello. Estalló una bomba en la avenida Larco, en Miraflores.", "es"),
])
def test_a_street_the_text_marks_stays_a_mention_when_its_name_is_a_surname(text, lang):
    found = places(text, lang)
    assert found["Larco"].mention.marked_as == "street"
    assert found["Larco"].place.name == "Miraflores"
