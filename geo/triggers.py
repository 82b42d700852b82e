"""Words that report an incident, in English and Spanish, with ACLED's event types."""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

__all__ = ["Trigger", "find_triggers", "EVENT_TYPES", "is_not_an_event"]

#: Our incident kinds -> ACLED (event_type, sub_event_type).
EVENT_TYPES = {
    "ambush": ("Battles", "Armed clash"),
    "clash": ("Battles", "Armed clash"),
    "attack": ("Violence against civilians", "Attack"),
    "attack_on_forces": ("Battles", "Armed clash"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "kidnapping": ("Violence against civilians", "Abduction/forced disappearance"),
    "seizure": ("Strategic developments", "Looting/property destruction"),
    "arrest": ("Strategic developments", "Arrests"),
    "drug_seizure": ("Strategic developments", "Other"),
    "eradication_attack": ("Violence against civilians", "Attack"),
    "protest": ("Protests", "Peaceful protest"),
    "blockade": ("Protests", "Protest with intervention"),
    "riot": ("Riots", "Violent demonstration"),
}

# (kind, pattern): the first kind whose pattern matches a sentence names the incident.
_LEXICON: list[tuple[str, str]] = [
    ("ambush", r"ambush(?:ed|es|ing)?|emboscad[ao]s?|emboscaron"),
    ("bombing", r"bomb(?:s|ed|ing|ings)?|car[ -]bomb|coche[ -]bomba|explosives?|explosions?|dynamite|"
                r"dinamita|blasts?|IEDs?|grenades?|detonat\w+|explosivos?|explosi[oó]n|estall\w+|"
                r"artefactos? explosivos?"),
    ("clash", r"clash(?:ed|es)?|firefights?|gun ?battles?|shoot-?outs?|exchange of fire|enfrentamientos?|"
              r"combates?|outbreak of violence|violent (?:clash|confrontation)|confrontation"),
    ("kidnapping", r"kidnap\w*|abduct\w*|hostages?|secuestr\w+|rehenes"),
    ("attack", r"attack(?:s|ed|ing)?|assault(?:s|ed)?|raid(?:s|ed)?|massacres?|massacred|murder(?:s|ed)?|"
               r"assassinat\w+|executed|execution|fired on|opened fire|killed|killing|slain|"
               r"seiz(?:e|ed|es) (?:a |the )?police station|took over|"
               r"ataques?|atac(?:ó|aron|ando)|asaltos?|asesin\w+|matanzas?|masacres?|incursi[oó]n|"
               r"primera acci[oó]n|acciones armadas|acci[oó]n armada"),
    ("arrest", r"captur(?:e|ed|es|ing)|arrest(?:s|ed)?|detained|apprehended|captura(?:do|dos|ron)?|"
               r"detenid[oa]s?|detuvieron"),
    ("drug_seizure", r"seiz(?:ed|ure|ures) of (?:drugs|cocaine|precursor)|interdiction operations?|"
                     r"seiz(?:e|ed|es|ing)\b[^.;]{0,40}?\b(?:cocaine|drugs|marijuana|coca paste|precursors?)|"
                     r"(?:destroy|destroyed) cocaine|incautaci[oó]n|decomis\w+"),
    ("riot", r"riots?|rioting|looting|saqueos?|disturbios"),
    ("blockade", r"block(?:ed|ing|ade|ades) (?:major |the )?(?:roads?|highways?|streets)|road ?blocks?|"
                 r"bloqueos?|bloque(?:aron|ando)"),
    ("protest", r"protest(?:s|ed|ing|ers)?|strikes?|demonstrat\w+|marched|protest march(?:es)?|mobiliz\w+|"
                r"protestas?|huelgas?|paros?|movilizaci\w+|marchas?|toma de lima|manifestaci\w+"),
]
# One pass over a sentence: a named group per kind; results are ordered by the lexicon's order.
_ALL = re.compile("|".join(rf"(?P<{kind}_{i}>\b(?:{pattern})\b)" for i, (kind, pattern) in enumerate(_LEXICON)),
                  re.IGNORECASE)
_ORDER = {f"{kind}_{i}": i for i, (kind, _) in enumerate(_LEXICON)}

# Sentences that speak of incidents without reporting one.
_NOT_EVENT = re.compile(
    r"\b(?:could|would|might|may|will|plans? to|threat(?:en)?s?|risks?|warn(?:s|ed)?|vowed|"
    r"condemn\w*|prevent\w*|counter-?terrorism|anti-?terrorism|capabilit\w+|strateg\w+|"
    r"agreement|cooperation|training|programs?|funding|legislation|law enforcement|"
    r"podría|podrían|amenaza\w*|acuerdo|cooperación)\b", re.IGNORECASE)
_AGGREGATE = re.compile(r"\b\d+\s+(?:terrorist\s+|violent\s+|armed\s+)?(?:acts|attacks|incidents|actions|"
                        r"ataques|acciones|atentados)\b|"
                        r"\b(?:in|during|throughout)\s+(?:19|20)\d\d,\s+(?:there\s+were|"
                        r"\w+\s+(?:carried out|conducted|committed))", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that reports an incident: its kind and offsets in the sentence."""

    kind: str
    start: int
    end: int
    text: str


def _stem_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for stem in _STEMS:
        auto.add_word(stem, stem)
    auto.make_automaton()
    return auto


# Every trigger word contains one of these stems: a C-speed test before the patterns.
_STEMS = ("ambush", "embosc", "bomb", "explos", "dynam", "dinam", "blast", "ied", "grenad", "detonat", "estall",
          "artefact", "clash", "firefight", "battle", "shoot", "exchange of fire", "enfrent", "combat", "violen",
          "confront", "kidnap", "abduct", "hostage", "secuestr", "rehen", "attack", "assault", "raid", "massacr",
          "murder", "assassin", "execut", "fire", "kill", "slain", "seiz", "took over", "ataq", "atac", "asalt",
          "asesin", "matanz", "masacr", "incursi", "acci", "captur", "arrest", "detain", "apprehend", "detenid",
          "detuv", "interdict", "cocaine", "incautac", "decomis", "riot", "loot", "saqueo", "disturbio", "block",
          "bloque", "protest", "strike", "demonstr", "marched", "mobiliz", "huelga", "paro", "moviliz", "marcha",
          "toma de lima", "manifestac")
_STEM_AUTOMATON = _stem_automaton()


def find_triggers(sentence: str) -> list[Trigger]:
    """The incident words of a sentence, most specific kind first."""
    if next(_STEM_AUTOMATON.iter(sentence.lower()), None) is None:
        return []
    found = [(_ORDER[m.lastgroup], m) for m in _ALL.finditer(sentence)]
    found.sort(key=lambda f: (f[0], f[1].start()))
    return [Trigger(m.lastgroup.rsplit("_", 1)[0], m.start(), m.end(), m.group(0)) for _, m in found]


def is_not_an_event(sentence: str) -> bool:
    """Does the sentence speak of incidents in general (plans, threats, totals) rather than report one?"""
    return bool(_AGGREGATE.search(sentence))


def hedged(sentence: str) -> bool:
    """Is the sentence about what could happen, policy or cooperation rather than what happened?"""
    return bool(_NOT_EVENT.search(sentence))
