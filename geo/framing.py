"""How a sentence frames the incidents it names: reported, hedged, said, totalled, past, or not an event."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from geo import lang
from geo.screen import Screened

__all__ = ["Framing", "framing"]


@dataclass(frozen=True, slots=True)
class Framing:
    """The cues of one language, compiled: each attribute is a pattern over a sentence, screened by its literals."""

    hedge: Screened
    statement: Screened
    not_incident: Screened
    series: Screened
    aggregate: Screened
    background: Screened
    historical: Screened
    separate: Screened
    anaphora: Screened
    same_day: Screened
    period_opener: Screened
    agent: Screened
    passive: Screened
    determiner: Screened
    retold: Screened
    drugs: Screened
    list_joiner: Screened
    locative: Screened
    distributive: Screened
    range_closer: Screened
    range_before: Screened
    office: Screened
    relative_locative: Screened
    verb_endings: tuple[str, ...]
    incident_nouns: frozenset[str]
    since_event: Screened
    #: Another group's figure follows ("48 wounded civilians, as well as 29 injured police"): a sum.
    another_group: Screened
    #: The words before an incident noun that make it another's complement ("victims of the", "aniversario del").
    complement: Screened
    #: Accidents and disasters ("a bus fell into a ravine", "huaicos"): no incident unless an armed group is named.
    mishap: Screened
    #: Captives set free ("the hostages were released"): the end of a kidnapping, not another one.
    release: Screened
    #: The victim nouns (lower case): an incident word that is one names the captives, not the act ("hostages").
    captives: frozenset[str]
    #: Words that give a figure as a toll of the figures before it ("the death toll rose to 14").
    toll: Screened
    #: Words by which a later count adds to one told ("two more", "another", "a fourth").
    adds: Screened


def _words(items, *, literal: bool = True) -> str:
    parts = sorted((re.escape(w) if literal else w for w in items), key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"


def _cue(pattern: str, flags: int = 0) -> Screened:
    return Screened(re.compile(pattern, flags))


@cache
def framing(code: str) -> Framing:
    """The compiled framing cues of language ``code``."""
    lx = lang.lexicon(code)
    flags = re.IGNORECASE
    anaphora = (rf"(?<!\w)(?:{'|'.join(map(re.escape, lx.ANAPHORA_DETERMINERS))})\s+(?:\w+\s+)?"
                rf"(?P<noun>{'|'.join(sorted(map(re.escape, lx.ANAPHORA_NOUNS), key=len, reverse=True))})(?!\w)")
    return Framing(
        hedge=_cue(_words(lx.HEDGES), flags),
        statement=_cue(_words(lx.STATEMENT_VERBS), flags),
        not_incident=_cue(_words(lx.NOT_INCIDENTS, literal=False), flags),
        series=_cue(_words(lx.SERIES, literal=False), flags),
        aggregate=_cue(_words(lx.AGGREGATES, literal=False), flags),
        background=_cue(_words(lx.BACKGROUND), flags),
        historical=_cue(_words(lx.HISTORICAL), flags),
        separate=_cue(_words(lx.SEPARATE), flags),
        anaphora=_cue(anaphora, flags),
        same_day=_cue(_words(lx.SAME_DAY), flags),
        period_opener=_cue(_words(lx.PERIOD_OPENERS) + r"\s*$", flags),
        agent=_cue(_words(lx.AGENT_MARKERS), flags),
        passive=_cue(_words(lx.PASSIVE_AUXILIARIES) + r"\s+$", flags),
        determiner=_cue(_words(lx.ANAPHORA_DETERMINERS) + r"\s+$", flags),
        retold=_cue(_words(lx.RETOLD_MARKERS) + r"\s+$", flags),
        drugs=_cue(_words(lx.DRUG_WORDS), flags),
        list_joiner=_cue(rf"\s*,\s*(?:{'|'.join(lx.LIST_JOINERS)}\s+)?|\s+(?:{'|'.join(lx.LIST_JOINERS)})\s+", flags),
        locative=_cue(_words(lx.LOCATIVES) + rf"\s+(?:(?:{'|'.join(lx.ANAPHORA_DETERMINERS)})\s+)?$", flags),
        distributive=_cue(_words(lx.DISTRIBUTIVES), flags),
        range_closer=_cue(r"\s*,?\s*" + _words(lx.RANGE_CLOSERS) + r"\s+(?:(?:el|la|the)\s+)?", flags),
        range_before=_cue(_words(lx.PERIOD_OPENERS) + r"\s+(?:[\w.]+\s+){0,3}?" + _words(lx.RANGE_CLOSERS)
                                + r"\s+(?:(?:el|la|the)\s+)?$", flags),
        office=_cue(_words(lx.OFFICE_OF) + r"\s+(?:(?:el|la|los|the)\s+)?$", flags),
        relative_locative=_cue(r"\s*,?\s*" + _words(lx.RELATIVE_LOCATIVES), flags),
        verb_endings=tuple(lx.VERB_ENDINGS),
        incident_nouns=frozenset(w.lower() for w in lx.ANAPHORA_NOUNS),
        since_event=_cue(_words(lx.PERIOD_OPENERS) + rf"\s+(?:(?:{'|'.join(lx.ANAPHORA_DETERMINERS)})\s+)?$", flags),
        another_group=_cue(r"[^\W\d]*(?:\s+[^\W\d]+){0,3}\s*,?\s*" + _words(lx.COUNT_CONJUNCTIONS) + r"\s*$", flags),
        complement=_cue(_words(lx.COMPLEMENT_LINKS) + rf"\s+(?:(?:{'|'.join(lx.ANAPHORA_DETERMINERS)})\s+)?"
                        r"(?:[\w'’-]+\s+){0,3}$", flags),
        mishap=_cue(_words(lx.MISHAPS), flags),
        release=_cue(_words(lx.RELEASES), flags),
        captives=frozenset(w.lower() for w in lx.VICTIM_NOUNS),
        toll=_cue(_words(lx.COUNT_LINKS) + "|" + _words(lx.TOLL_WORDS), flags),
        adds=_cue(_words([*lx.ADDED_MARKERS, *lx.ORDINALS]), flags),
    )
