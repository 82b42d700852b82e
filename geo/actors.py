"""The Peru actor lexicon: who acts in a sentence, named as ACLED names actors, with inter codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Actor", "find_actors", "INTER"]

#: ACLED interaction codes.
INTER = {1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
         5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces"}

_LEXICON: list[tuple[str, int, str]] = [
    ("Police Forces of Peru", 1,
     r"PNP|DIRANDRO|DINOES|GOES|DIRCOTE|police(?:men)?|policías?|polic[ií]a nacional|officers|"
     r"Peruvian National Police|National Police|polic[ií]as"),
    ("Military Forces of Peru", 1,
     r"army|ejército|armed forces|fuerzas armadas|soldiers|soldados|military|militares|navy|marines|"
     r"security forces|fuerzas del orden|patrol|patrulla|troops|captain|capitán"),
    ("Sendero Luminoso", 2,
     r"Sendero Luminoso|Shining Path|SL|PCP-SL|PCP|senderistas?|terrorists?|terroristas?|rebels?|"
     r"guerrill(?:a|as|eros?)|narco-?terrorists?|subversiv\w+|insurgents?|Comrade Artemio|Artemio"),
    ("MRTA", 2, r"MRTA|Túpac Amaru|Tupac Amaru"),
    ("Drug traffickers", 3,
     r"drug[ -]traffickers?|narco-?traffickers?|narco-?trafficking interests|narcotraficantes?|narco-?thugs?|"
     r"traffickers?|drug gangs?"),
    ("Etnocaceristas", 3, r"Etnocacerista\w*|reservists|reservistas"),
    ("Self-defence committees (Peru)", 3, r"Comités de Autodefensa|ronderos|rondas campesinas|self-defen[cs]e committees?"),
    ("Cocaleros", 6, r"cocaleros|coca growers|coca farmers|productores de coca"),
    ("Protesters (Peru)", 6,
     r"protest(?:e|o)rs|demonstrators|strikers|manifestantes|huelguistas|marchers|indigenous protestors|"
     r"indígenas|union and student leaders|students|estudiantes"),
    ("Rioters (Peru)", 5, r"rioters|mobs?|saqueadores"),
    ("Civilians (Peru)", 7,
     r"civilians|civiles|villagers|pobladores|campesinos|residents|comuneros|peasants|farmers|"
     r"people|personas|prosecutor|fiscal|eradicators|erradicadores|workers|trabajadores|hostages"),
]
_PATTERNS = [(name, inter, re.compile(rf"\b(?:{p})\b", re.IGNORECASE if name not in ("Sendero Luminoso",) else 0))
             for name, inter, p in _LEXICON]
_CASE_FREE_SL = re.compile(r"\b(?:shining path|sendero luminoso|senderistas?|terroristas?|terrorists?|"
                           r"rebels?|guerrill\w+|insurgents?|subversiv\w+|narco-?terrorists?)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor named in a sentence, at an offset, with its ACLED inter code."""

    name: str
    inter: int
    start: int


def find_actors(sentence: str) -> list[Actor]:
    """Actors named in a sentence, in order of appearance, each once."""
    found: dict[str, Actor] = {}
    for name, inter, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if name not in found or m.start() < found[name].start:
                found[name] = Actor(name, inter, m.start())
    m = _CASE_FREE_SL.search(sentence)
    if m and ("Sendero Luminoso" not in found or m.start() < found["Sendero Luminoso"].start):
        found["Sendero Luminoso"] = Actor("Sendero Luminoso", 2, m.start())
    return sorted(found.values(), key=lambda a: a.start)
