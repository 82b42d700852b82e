"""A department, its capital or a famous district keeps its reading unless the text qualifies it;
names in one enumeration are of one kind."""

from __future__ import annotations

import pytest

from geo.cable import annotate_structure
from geo.document import Document
from geo.pipeline import process
from resolved import places


@pytest.mark.parametrize(("text", "lang"), [
    ("Protests spread from Lima to Arequipa.", "en"),
    ("Las protestas se extendieron de Lima a Arequipa.", "es"),
])
def test_weak_context_does_not_move_the_capital(text, lang):
    lima = places(text, lang)["Lima"]
    assert lima.place.admin1 == "Lima" and "does not qualify" in lima.reason


@pytest.mark.parametrize(("text", "lang"), [
    ("Rebels ambushed a patrol in the VRAEM. A week later a car bomb exploded in Miraflores.", "en"),
    ("Los senderistas atacaron en el VRAEM. Una semana después estalló un coche bomba en Miraflores.", "es"),
])
def test_a_famous_district_keeps_its_reading(text, lang):
    assert places(text, lang)["Miraflores"].place.admin1 == "Lima"


@pytest.mark.parametrize(("text", "lang"), [
    ("Los comuneros del caserío de Lima, en Arequipa, denunciaron el robo.", "es"),
    ("Comuneros de Lima (Arequipa) denunciaron el robo.", "es"),
    ("Villagers of the hamlet of Lima, in Arequipa, reported the theft.", "en"),
    ("Villagers in Lima (Arequipa) reported the theft.", "en"),
])
def test_a_cue_word_or_a_qualifier_does_move_it(text, lang):
    lima = places(text, lang)["Lima"]
    assert lima.place.admin1 == "Arequipa" and lima.place.kind == "populated_place"


@pytest.mark.parametrize(("text", "lang", "names"), [
    ("Strikes broke out in Cusco, Moquegua, Tacna, Cajamarca and San Martín.", "en",
     ["Cusco", "Moquegua", "Tacna", "Cajamarca", "San Martín"]),
    ("Hubo huelgas en Cusco, Moquegua, Tacna y Cajamarca.", "es", ["Cusco", "Moquegua", "Tacna", "Cajamarca"]),
])
def test_an_enumeration_of_departments_is_all_departments(text, lang, names):
    found = places(text, lang)
    assert [found[n].place.kind for n in names] == ["department"] * len(names)
    assert all(found[n].place.admin1 == found[n].place.name for n in names)


@pytest.mark.parametrize(("text", "lang", "name", "kind"), [
    ("Rebels attacked Huanta, Tambo and San Miguel in Ayacucho.", "en", "Tambo", "district"),
    ("Los presos fueron llevados a Lima y Callao.", "es", "Lima", "populated_place"),
])
def test_enumerations_of_towns_and_short_lists_keep_their_readings(text, lang, name, kind):
    assert places(text, lang)[name].place.kind == kind


@pytest.mark.parametrize(("text", "lang"), [
    ("Hubo reuniones en Andahuaylas. Luego atacaron los distritos de Andahuaylas y Talavera.", "es"),
    ("Rebels held meetings in Andahuaylas. Later the districts of Andahuaylas and Talavera were attacked.", "en"),
])
def test_a_plural_unit_word_before_a_list_gives_every_name_its_level(text, lang):
    doc = annotate_structure(Document(id="t", text=text), language=lang)
    listed = [r for r in process(doc).places if r.mention.start > text.index("istr")]
    assert [(r.mention.text, r.place.kind) for r in listed] == [("Andahuaylas", "district"), ("Talavera", "district")]
    assert all(r.mention.cue_kind == "district" for r in listed)


@pytest.mark.parametrize(("text", "lang"), [
    ("Recuperar el control de las provincias de Huancavelica fue difícil.", "es"),
    ("The provinces of Huancavelica saw many attacks that year.", "en"),
])
def test_a_plural_unit_word_before_one_name_names_the_unit_that_holds_them(text, lang):
    huancavelica = places(text, lang)["Huancavelica"]
    assert huancavelica.place.kind == "department" and huancavelica.mention.cue_kind is None
