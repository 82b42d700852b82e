"""Names that are not places here: peoples, organisations, people and operations, cable references."""

from __future__ import annotations

import pytest

from geo.cable import annotate_structure
from geo.document import Document
from geo.pipeline import process


def names(text: str, lang: str = "en") -> list[str]:
    """The texts of the place mentions resolved in ``text``."""
    doc = annotate_structure(Document(id="t", text=text), language=lang)
    return [r.mention.text for r in process(doc).places]


@pytest.mark.parametrize(("text", "lang", "gone"), [
    ("Indigenous Aguaruna tribesmen held two hostages near Bagua. The Aguaruna agreed to talk.", "en", "Aguaruna"),
    ("Aymara farmers blocked the road to Puno.", "en", "Aymara"),
    ("Los dirigentes aimaras y aguaruna marcharon hacia Puno.", "es", "aguaruna"),
    ("Los Awajún bloquearon la carretera cerca de Bagua.", "es", "Awajún"),
])
def test_peoples_and_their_languages_are_not_places(text, lang, gone):
    found = names(text, lang)
    assert gone not in found and ("Bagua" in found or "Puno" in found)


@pytest.mark.parametrize(("text", "lang", "kept"), [
    ("The rebels attacked the district of Awajun in San Martin.", "en", "Awajun"),
    ("Atacaron el caserío de Aguaruna, en Pasco.", "es", "Aguaruna"),
])
def test_a_cue_word_makes_a_peoples_name_a_place(text, lang, kept):
    assert kept in names(text, lang)


@pytest.mark.parametrize(("text", "lang", "gone", "kept"), [
    ("Workers of Minera Yanacocha struck in Cajamarca.", "en", "Yanacocha", "Cajamarca"),
    ("Los obreros de Cementos Pacasmayo marcharon en Trujillo.", "es", "Pacasmayo", "Trujillo"),
    ("La Federación de Comunidades Nativas del Pangoa denunció un ataque en Satipo.", "es", "Pangoa", "Satipo"),
    ("Un dirigente de la central Asháninka del Río Tambo habló en Satipo.", "es", "Río Tambo", "Satipo"),
    ("Las tropas de la Operación Chavín de Huántar entraron a la residencia en Lima.", "es", "Chavín de Huántar", "Lima"),
    ("Commandos of Operation Chavin de Huantar freed the hostages in Lima.", "en", "Chavin de Huantar", "Lima"),
])
def test_names_inside_organisation_and_operation_names_are_not_places(text, lang, gone, kept):
    found = names(text, lang)
    assert not any(gone in f for f in found) and kept in found


@pytest.mark.parametrize(("text", "lang", "kept"), [
    ("Se agravó la crisis en la selva central del Perú.", "es", "Perú"),
    ("The government of Peru sent troops to Ayacucho.", "en", "Peru"),
    ("Los mineros bloquearon la carretera en Pacasmayo.", "es", "Pacasmayo"),
    ("Chavín de Huántar está en Áncash.", "es", "Chavín de Huántar"),
])
def test_places_beside_common_nouns_stay_places(text, lang, kept):
    assert kept in names(text, lang)


@pytest.mark.parametrize(("text", "lang", "gone", "kept"), [
    # a verb of the past opening a sentence, written with the mark the place's name lacks
    ("Una columna atacó el puesto de Pichari. Mató al menos a tres policías.", "es", "Mató", "Pichari"),
    ("Los senderistas llegaron a Pichari. Mató a dos ronderos la columna.", "es", "Mató", "Pichari"),
])
def test_a_verb_opening_a_sentence_is_not_the_place_spelt_without_its_mark(text, lang, gone, kept):
    found = names(text, lang)
    assert gone not in found and kept in found


@pytest.mark.parametrize(("text", "lang", "kept"), [
    ("Hubo un enfrentamiento en Mato, en Huaylas.", "es", "Mato"),
    ("Mato es un distrito de Huaylas.", "es", "Mato"),
    ("Ñuñoa fue atacada por una columna.", "es", "Ñuñoa"),  # the name is written "Nuñoa": marks the text adds
    ("Vizcatán fue bombardeado.", "es", "Vizcatán"),  # elsewhere than a final stressed vowel are kept
])
def test_a_place_spelt_with_or_without_its_marks_stays_a_place(text, lang, kept):
    assert kept in names(text, lang)


@pytest.mark.parametrize(("text", "lang", "gone"), [
    ("Los atentados fueron contra el régimen de Alan García en Lima.", "es", "Alan García"),
    ("Politicians such as Alan Garcia spoke in Lima.", "en", "Alan Garcia"),
    ("The protests under the government of Alan Garcia spread to Lima.", "en", "Alan Garcia"),
])
def test_a_given_name_and_a_surname_are_a_person_not_the_village_named_after_them(text, lang, gone):
    found = names(text, lang)
    assert gone not in found and "Lima" in found


def test_a_cued_village_named_after_a_person_is_a_place():
    assert "Alan García" in names("Atacaron el caserío de Alan García, en Piura.", "es")


def test_cable_reference_lines_flattened_onto_the_subject_give_no_places():
    text = ("SUBJECT: PERU: STRIKES SPREAD TO CUSCO REF: A) LIMA 1234 B) LIMA 1240\n\n"
            "1. (U) Strikers blocked roads in Cusco on Monday.\n")
    found = names(text)
    assert "LIMA" not in found and "Lima" not in found and "Cusco" in found


def test_a_reference_list_on_its_own_lines_gives_no_places():
    text = ("SUBJECT: STRIKES IN CUSCO\nREF: A) LIMA 1234\nB) LIMA 1240\n\n"
            "1. (U) Strikers blocked roads in Cusco and in Lima on Monday.\n")
    found = names(text)
    assert "LIMA" not in found and found.count("Lima") == 1


def test_a_surname_after_the_regime_of_is_a_person():
    found = names("Hubo protestas contra el gobierno de Leguía en Ayacucho.", "es")
    assert "Leguía" not in found and "Ayacucho" in found


def test_a_village_named_like_a_surname_is_a_place_without_the_regime_of():
    assert "Leguía" in names("Los senderistas llegaron al caserío de Leguía, en San Martín.", "es")


@pytest.mark.parametrize(("text", "lang", "name", "kind"), [
    ("Eradicators worked in the Tocache area last week; later they moved on in Tocache itself.", "en", "Tocache", "province"),
    ("Killings in the Santa Province of the Ancash Region were reported.", "en", "Santa", "province"),
])
def test_an_area_or_a_cued_unit_named_by_a_place_is_that_place(text, lang, name, kind):
    found = [r for r in names_resolved(text, lang) if r.mention.text == name]
    assert found and all(r.place is not None and r.place.kind == kind for r in found)


def test_a_street_named_like_a_place_is_still_a_street():
    found = [r for r in names_resolved("A bomb exploded on Tarata Street in Miraflores.", "en") if r.mention.text == "Tarata"]
    assert found and all(r.mention.marked_as == "street" for r in found)


def names_resolved(text: str, lang: str):
    doc = annotate_structure(Document(id="t", text=text), language=lang)
    return process(doc).places


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The killings at Putis, December 1984Putis, Ayacucho", "en", ["Putis", "Putis", "Ayacucho"]),
    ("Attack sites LocationPutis, Ayacucho", "en", ["Putis", "Ayacucho"]),
    ("Two bombings 1992Tarata St., Miraflores, Lima25 dead", "en", ["Miraflores", "Lima"]),
    ("La matanza de Accomarca, agosto de 1985Accomarca, Ayacucho", "es", ["Accomarca", "Accomarca", "Ayacucho"]),
])
def test_names_at_the_edge_of_cells_run_together_are_found(text, lang, expected):
    assert [n for n in names(text, lang) if n in expected] == expected


@pytest.mark.parametrize(("text", "lang", "absent"), [
    ("Prisons in Lima and CallaoAt least 200 died", "en", "Calla"),
    ("Los presos de CallaoMurieron doscientos", "es", "Calla"),
])
def test_a_name_cut_short_where_cells_meet_is_not_another_place(text, lang, absent):
    assert absent not in names(text, lang)


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Carried out by Shining Path Cayara massacre, 1988", "en", "Cayara"),
    ("Title: Putis Massacre - Part of the war", "en", "Putis"),
    ("Las Fuerzas Armadas y la masacre de Cayara, 1988", "es", "Cayara"),
])
def test_a_name_before_an_event_noun_is_the_events_place(text, lang, place):
    assert place in names(text, lang)


def test_a_surname_before_a_reporting_verb_is_still_a_person():
    assert "Cayara" not in names("Commander Luis Cayara said the attack failed.", "en")


def test_a_possessor_before_a_name_is_no_given_name():
    assert "Miraflores" in names("Police in Lima's Miraflores district arrested two suspects.")


def test_the_words_marking_a_place_the_gazetteer_lacks_name_no_place_of_their_own():
    found = names("Los manifestantes bloquearon la Curva del Diablo, cerca de Bagua.", "es")
    assert "la Curva" not in found and "Diablo" in found and "Bagua" in found
