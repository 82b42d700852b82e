"""The event-type registry, the language modules, triggers, framing and actor roles."""

from __future__ import annotations

import re

import pytest

from geo import events, lang
from geo.actors import ACTORS, find_actors
from geo.framing import framing
from geo.roles import roles
from geo.triggers import find_triggers

ACLED_TYPES = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Protests", "Riots",
               "Strategic developments"}


@pytest.mark.parametrize("record", events.EVENT_TYPES.values(), ids=lambda r: r.kind)
def test_every_event_type_record_is_complete(record):
    assert record.event_type in ACLED_TYPES and record.sub_event_type and record.label
    assert record.family in {"violence", "protest", "seizure"}
    assert record.doer and all(1 <= i <= 8 for i in record.doer + record.target)
    if record.trigger_kind:
        for code in lang.languages():
            assert record.triggers(code), f"{record.kind} has no trigger words in {code}"


def test_precedence_orders_the_registry_without_ties():
    ranks = [r.precedence for r in events.EVENT_TYPES.values()]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_every_language_module_has_what_english_has():
    wanted = {k for k in vars(lang.lexicon("en")) if k.isupper()}
    for code in lang.languages():
        module = lang.lexicon(code)
        assert wanted <= {k for k in vars(module) if k.isupper()}, code
        assert set(module.TRIGGERS) <= {r.trigger_kind for r in events.EVENT_TYPES.values()}
        assert set(module.ACTOR_WORDS) <= set(ACTORS)
        for patterns in module.TRIGGERS.values():
            for p in patterns:
                re.compile(p)


def test_unknown_language_is_an_error_naming_the_known_ones():
    with pytest.raises(ValueError, match="en, es"):
        lang.lexicon("pt")


@pytest.mark.parametrize("text, code, kinds", [
    ("Rebels ambushed an army patrol near the river.", "en", ["ambush"]),
    ("A car bomb exploded outside the police station.", "en", ["bombing"]),
    ("Una columna senderista emboscó a una patrulla militar.", "es", ["ambush"]),
    ("Los vecinos bloquearon la carretera durante el paro.", "es", ["blockade", "protest"]),
    ("Police seized 200 kilos of cocaine in the port.", "en", ["drug_seizure"]),
    ("The minister visited the region and met local leaders.", "en", []),
    ("El ministro visitó la región y se reunió con dirigentes.", "es", []),
])
def test_triggers_by_language(text, code, kinds):
    assert [t.kind for t in find_triggers(text, code)] == kinds


def test_trigger_offsets_are_into_the_text_searched():
    text = "Intro. Rebels ambushed a patrol."
    [t] = find_triggers(text, "en", 7, len(text))
    assert text[t.start:t.end] == "ambushed"


@pytest.mark.parametrize("text, code, cue", [
    ("The trial for the massacre opened in the capital.", "en", "not_incident"),
    ("El juicio por la masacre comenzó en la capital.", "es", "not_incident"),
    ("The rebels could attack the base next week.", "en", "hedge"),
    ("Los senderistas podrían atacar la base.", "es", "hedge"),
    ("There were 64 terrorist attacks in the region.", "en", "aggregate"),
    ("Se registraron 64 ataques terroristas en la región.", "es", "aggregate"),
    ("Years earlier a car bomb had exploded there.", "en", "historical"),
    ("Años antes, un coche bomba había estallado allí.", "es", "historical"),
])
def test_framing_cues(text, code, cue):
    assert getattr(framing(code), cue).search(text)


@pytest.mark.parametrize("text, code, cue", [
    ("Rebels attacked the base on Monday.", "en", "not_incident"),
    ("Los rebeldes atacaron la base el lunes.", "es", "hedge"),
    ("Two soldiers died in the attack.", "en", "aggregate"),
])
def test_framing_negatives(text, code, cue):
    assert not getattr(framing(code), cue).search(text)


@pytest.mark.parametrize("text, code, doer, target", [
    ("Shining Path rebels ambushed a police patrol near Pichari.", "en",
     "Sendero Luminoso", "Police Forces of Peru"),
    ("A police patrol was ambushed by Shining Path rebels near Pichari.", "en",
     "Sendero Luminoso", "Police Forces of Peru"),
    ("Police officers were ambushed on the road.", "en", None, "Police Forces of Peru"),
    ("Gunmen attacked a group of villagers.", "en", "Unidentified Armed Group (Peru)", "Civilians (Peru)"),
    ("Los narcoterroristas emboscaron a una patrulla del ejército.", "es",
     "Sendero Luminoso", "Military Forces of Peru"),
    ("La patrulla militar fue emboscada por remanentes de Sendero Luminoso.", "es",
     "Sendero Luminoso", "Military Forces of Peru"),
    ("The Quispe Palomino clan attacked soldiers in the valley.", "en",
     "Sendero Luminoso", "Military Forces of Peru"),
])
def test_attacker_and_target_are_different_roles(text, code, doer, target):
    [trigger, *_] = find_triggers(text, code)
    found = roles(text, find_actors(text, code), trigger, trigger.kind, code)
    assert (found[0].name if found[0] else None, found[1].name if found[1] else None) == (doer, target)


def test_capitalised_actor_names_match_only_as_names_except_in_all_caps():
    assert not find_actors("Tomaron el sendero hacia el río.", "es")
    assert [a.name for a in find_actors("SENDERO LUMINOSO ATACÓ", "es")] == ["Sendero Luminoso"]


@pytest.mark.parametrize("code", lang.languages())
def test_every_trigger_holds_literal_text_for_the_fast_prefilter(code):
    from geo.triggers import _prefilter

    assert _prefilter(code) is not None, "a trigger pattern holds no literal run of 3+ characters"


@pytest.mark.parametrize(("text", "code"), [
    ("Un soldado disparó contra los comuneros en la plaza.", "es"),
    ("Los policías abrieron fuego contra los manifestantes.", "es"),
    ("Un sicario baleó al alcalde en la puerta de su casa.", "es"),
    ("Soldiers opened fire on the villagers in the square.", "en"),
])
def test_shooting_at_people_is_an_attack_in_both_languages(text, code):
    assert "attack" in {t.kind for t in find_triggers(text, code)}


def test_prices_that_shoot_up_are_no_shooting():
    assert find_triggers("Los precios de la hoja de coca se dispararon en mayo.", "es") == []


@pytest.mark.parametrize(("text", "is_bombing"), [
    ("Una mina antipersonal estalló al paso de la patrulla.", True),
    ("Los senderistas sembraron minas terrestres en el camino a Pichari.", True),
    ("El campo minado cerca del puesto fue señalizado.", True),
    ("Los comuneros protestaron contra la mina en Cajamarca.", False),   # a mining site
    ("Dos estudiantes de Ingeniería de Minas desaparecieron en 1990.", False),
    ("La empresa minera cerró la mina por los bloqueos.", False),
])
def test_a_spanish_mine_is_an_explosive_only_as_a_landmine(text, is_bombing):
    kinds = {t.kind for t in find_triggers(text, "es")}
    assert ("bombing" in kinds) is is_bombing


@pytest.mark.parametrize("code, sentence, actor", [
    ("en", "A navy patrol was ambushed near the river.", "Military Forces of Peru"),
    ("en", "Two SL columns raided the hamlet.", "Sendero Luminoso"),
    ("es", "Efectivos de las FF.AA. repelieron el ataque.", "Military Forces of Peru"),
    ("es", "Una columna del SL incursionó en el poblado.", "Sendero Luminoso"),
])
def test_actors_screened_by_their_literals_are_still_found(code, sentence, actor):
    # the literal screen (one word of "(?:army|military|navy) patrols?", two-letter "SL") lets these through
    assert actor in {a.name for a in find_actors(sentence, code)}


@pytest.mark.parametrize("code, sentence", [
    ("en", "The slow ferry left the island at dawn."),  # holds "sl", not the name SL
    ("es", "El café llegó a la isla al amanecer."),
])
def test_actor_literals_in_other_words_name_no_actor(code, sentence):
    assert find_actors(sentence, code) == []
