"""Names the sources miss, made by rules over the whole gazetteer: initials, short names, capitals."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.aliases import capital_aliases, initials, short_names
from geo.cable import annotate_structure
from geo.document import Document
from geo.pipeline import process


def test_initials_of_a_persons_name():
    assert initials("Daniel Alcides Carrión") == ["daniel a. carrion", "d. a. carrion"]
    assert initials("José María Arguedas") == ["jose m. arguedas", "j. m. arguedas"]


@pytest.mark.parametrize("name", ["Buena Vista Alta", "Santiago de Chuco", "Víctor Fajardo", "Huanta"])
def test_no_initials_for_names_that_are_not_a_persons_three_words(name):
    assert initials(name) == []


@pytest.mark.parametrize(("name", "short"), [
    ("Vilcas Huamán", [("vilcas", "first_word")]),
    ("Víctor Fajardo", [("fajardo", "surname")]),
    ("Daniel Alcides Carrión", [("carrion", "surname")]),
])
def test_short_names(name, short):
    assert short_names(name) == short


@pytest.mark.parametrize("name", ["Mariscal Nieto", "Sánchez Carrión", "Alto Amazonas", "La Mar",
                                  "San Martín", "Dos de Mayo", "Huanta"])
def test_no_short_name_for_titles_surname_pairs_generic_words_and_particles(name):
    assert short_names(name) == []


def _place(pid, name, kind, *, ubigeo="0501", admin_code="050101", lat=-13.16, lon=-74.22, note=None):
    return {"id": pid, "name": name, "kind": kind, "ubigeo": ubigeo, "admin_code": admin_code,
            "lat": lat, "lon": lon, "note": note}


def test_a_capital_takes_its_provinces_name():
    places = [_place("province:0501", "Huamanga", "province", admin_code="0501", note="capital: Ayacucho"),
              _place("ccpp:1", "Ayacucho", "populated_place"),
              _place("ccpp:2", "Ayacucho", "populated_place", lat=-13.5)]  # same name, 40 km off
    assert capital_aliases(places) == [{"place": "ccpp:1", "alias": "Huamanga", "how": "capital_of"}]


def test_no_capital_alias_when_the_capital_has_the_provinces_name_or_is_not_found():
    places = [_place("province:0502", "Huanta", "province", admin_code="0502", note="capital: Huanta"),
              _place("province:0503", "La Mar", "province", admin_code="0503", note="capital: San Miguel"),
              _place("ccpp:1", "Huanta", "populated_place", admin_code="050201")]
    assert capital_aliases(places) == []


def test_the_built_gazetteer_records_how_each_alias_was_made():
    gaz = Gazetteer.load()
    hows = {(p.id, how) for p, how in gaz.places_for_key(gaz.key_id("d a carrion"))}
    assert hows == {("province:1902", "initials")}
    assert ("province:0511", "first_word") in {(p.id, h) for p, h in gaz.places_for_key(gaz.key_id("vilcas"))}
    assert gaz.key_id("sanchez") is None or all(h != "first_word" for _, h in gaz.places_for_key(gaz.key_id("sanchez")))


def places(text: str, lang: str):
    return process(annotate_structure(Document(id="t", text=text), language=lang)).places


@pytest.mark.parametrize(("text", "lang", "name", "place_id"), [
    ("Los senderistas fueron expulsados de la provincia de Daniel A. Carrión, en Pasco.", "es", "Daniel A. Carrión", "province:1902"),
    ("The column moved through D. A. Carrión province in Pasco.", "en", "D. A. Carrión", "province:1902"),
    ("Hubo ataques en Vilcas y en Cangallo, Ayacucho.", "es", "Vilcas", "province:0511"),
])
def test_short_and_abbreviated_forms_resolve_to_their_unit(text, lang, name, place_id):
    [found] = [r for r in places(text, lang) if r.mention.text == name]
    assert found.place.id == place_id


@pytest.mark.parametrize(("text", "lang"), [
    ("Llegaron a la ciudad de Huamanga al amanecer.", "es"),
    ("They reached the city of Huamanga at dawn.", "en"),
])
def test_the_city_of_a_provinces_name_is_its_capital(text, lang):
    [found] = [r for r in places(text, lang) if r.mention.text == "Huamanga"]
    assert found.place.kind == "populated_place" and found.place.name == "Ayacucho"


def test_a_province_named_alone_is_the_province():
    [found] = [r for r in places("Se declaró el estado de emergencia en Huamanga y Huanta.", "es")
               if r.mention.text == "Huamanga"]
    assert found.place.id == "province:0501"


@pytest.mark.parametrize(("text", "lang"), [
    ("Murieron tres comuneros cerca de la comunidad de Santa Bárbara, en Huancavelica.", "es"),
    ("Three villagers died near Santa Barbara, in Huancavelica.", "en"),
])
def test_a_name_of_two_words_is_never_split(text, lang):
    found = [r.mention.text for r in places(text, lang)]
    assert "Santa" not in found and "Bárbara" not in found and "Barbara" not in found
