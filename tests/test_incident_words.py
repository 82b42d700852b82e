"""Incident words and the place an incident is put at, in sentences of our own, in English and Spanish."""

from __future__ import annotations

from datetime import date

import pytest

from geo.cable import annotate_structure
from geo.document import Document
from geo.events import family
from geo.pipeline import process


def _incidents(text: str, lang: str):
    doc = annotate_structure(Document(id="t", text=text, date=date(2012, 8, 14)), language=lang)
    return process(doc).incidents


@pytest.mark.parametrize("text, lang, kind, killed", [
    ("A police officer and two soldiers died on Monday when their helicopter was shot down over the VRAEM.",
     "en", "violence", 3),
    ("Un policía y dos militares murieron el lunes cuando su helicóptero fue derribado en el VRAEM.",
     "es", "violence", 3),
    ("A mob lynched a suspected cattle thief in Huanta on Sunday.", "en", "violence", 1),
    ("Una turba linchó a un presunto abigeo en Huanta el domingo.", "es", "violence", 1),
    ("Gunmen shot dead a police officer in Tingo María on Sunday.", "en", "violence", 1),
    ("Las fuerzas del orden abatieron a dos senderistas en Llochegua el domingo.", "es", "violence", 2),
    ("Sicarios acribillaron a un dirigente en Pichari el domingo.", "es", "violence", 1),
    ("Gunmen set fire to three houses in Mazamari on Sunday, killing two people.", "en", "violence", 2),
    ("Cinco soldados murieron el domingo cuando su patrulla pisó una mina cerca de Aucayacu.", "es", "violence", 5),
])
def test_words_for_killings_tell_an_incident(text, lang, kind, killed):
    [inc] = _incidents(text, lang)
    assert (family(inc.kind), inc.killed) == (kind, killed)


@pytest.mark.parametrize("text, lang", [
    ("The helicopter landed in Pichari on Monday with supplies.", "en"),
    ("El helicóptero aterrizó en Pichari el lunes con víveres.", "es"),
    ("El viejo puente de Huanta fue derribado el lunes para construir uno nuevo.", "es"),  # not an aircraft
    ("Los dirigentes se mostraron abatidos tras la reunión en Huanta el lunes.", "es"),  # "dejected"
])
def test_no_incident_without_one(text, lang):
    assert _incidents(text, lang) == []


@pytest.mark.parametrize("text, lang, where", [
    # the area named right after a victim's office only says where that place lies
    ("A mob lynched the mayor of Ilave, Puno, on Sunday.", "en", "Ilave"),
    ("Una turba linchó al alcalde de Ilave, Puno, el domingo.", "es", "Ilave"),
    # an area told as where it happened stays the place
    ("Gunmen killed the mayor of Huanta in Ayacucho city on Sunday.", "en", "Ayacucho"),
    ("Asesinaron al alcalde de Huanta en la ciudad de Ayacucho el domingo.", "es", "Ayacucho"),
])
def test_the_place_of_a_victims_office(text, lang, where):
    [inc] = _incidents(text, lang)
    assert inc.place.place.name == where and inc.killed == 1


@pytest.mark.parametrize("text, lang, day", [
    # a day written as a possessive dates what follows it and opens no period ("from Sunday's ambush")
    ("The death toll from Sunday's ambush in Pichari rose to five.", "en", date(2012, 8, 12)),
    ("La cifra de muertos por la emboscada del domingo en Pichari se elevó a cinco.", "es", date(2012, 8, 12)),
])
def test_a_toll_from_a_days_incident(text, lang, day):
    [inc] = _incidents(text, lang)
    assert (inc.event_date, inc.killed, inc.place.place.name) == (day, 5, "Pichari")


def test_a_period_from_a_day_is_still_a_period():
    assert _incidents("From Sunday to Thursday, protesters blocked roads in Pichari.", "en") == []


@pytest.mark.parametrize("text, lang", [
    ("Farmers blocked the Central Highway at La Oroya on Sunday.", "en"),
    ("Farmers blocked the main road to Huanta on Sunday.", "en"),
])
def test_a_named_road_blocked(text, lang):
    [inc] = _incidents(text, lang)
    assert inc.kind == "blockade"
