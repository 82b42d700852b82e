"""How a sentence frames the incidents it names: reported, hedged, said, totalled, past, or not an event."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from geo import lang

__all__ = ["Framing", "framing"]


@dataclass(frozen=True, slots=True)
class Framing:
    """The cues of one language, compiled: each attribute is a pattern over a sentence."""

    hedge: re.Pattern
    statement: re.Pattern
    not_incident: re.Pattern
    series: re.Pattern
    aggregate: re.Pattern
    background: re.Pattern
    historical: re.Pattern
    separate: re.Pattern
    anaphora: re.Pattern
    same_day: re.Pattern
    period_opener: re.Pattern
    agent: re.Pattern
    passive: re.Pattern
    determiner: re.Pattern
    retold: re.Pattern
    drugs: re.Pattern
    list_joiner: re.Pattern
    locative: re.Pattern
    distributive: re.Pattern
    range_closer: re.Pattern
    range_before: re.Pattern
    office: re.Pattern
    relative_locative: re.Pattern
    verb_endings: tuple[str, ...]
    incident_nouns: frozenset[str]
    since_event: re.Pattern
    #: Another group's figure follows ("48 wounded civilians, as well as 29 injured police"): a sum.
    another_group: re.Pattern
    #: Words that give a figure as a toll of the figures before it ("the death toll rose to 14").
    toll: re.Pattern


def _words(items, *, literal: bool = True) -> str:
    parts = sorted((re.escape(w) if literal else w for w in items), key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"


@cache
def framing(code: str) -> Framing:
    """The compiled framing cues of language ``code``."""
    lx = lang.lexicon(code)
    flags = re.IGNORECASE
    anaphora = (rf"(?<!\w)(?:{'|'.join(map(re.escape, lx.ANAPHORA_DETERMINERS))})\s+(?:\w+\s+)?"
                rf"(?P<noun>{'|'.join(sorted(map(re.escape, lx.ANAPHORA_NOUNS), key=len, reverse=True))})(?!\w)")
    return Framing(
        hedge=re.compile(_words(lx.HEDGES), flags),
        statement=re.compile(_words(lx.STATEMENT_VERBS), flags),
        not_incident=re.compile(_words(lx.NOT_INCIDENTS, literal=False), flags),
        series=re.compile(_words(lx.SERIES, literal=False), flags),
        aggregate=re.compile(_words(lx.AGGREGATES, literal=False), flags),
        background=re.compile(_words(lx.BACKGROUND), flags),
        historical=re.compile(_words(lx.HISTORICAL), flags),
        separate=re.compile(_words(lx.SEPARATE), flags),
        anaphora=re.compile(anaphora, flags),
        same_day=re.compile(_words(lx.SAME_DAY), flags),
        period_opener=re.compile(_words(lx.PERIOD_OPENERS) + r"\s*$", flags),
        agent=re.compile(_words(lx.AGENT_MARKERS), flags),
        passive=re.compile(_words(lx.PASSIVE_AUXILIARIES) + r"\s+$", flags),
        determiner=re.compile(_words(lx.ANAPHORA_DETERMINERS) + r"\s+$", flags),
        retold=re.compile(_words(lx.RETOLD_MARKERS) + r"\s+$", flags),
        drugs=re.compile(_words(lx.DRUG_WORDS), flags),
        list_joiner=re.compile(rf"\s*,\s*(?:{'|'.join(lx.LIST_JOINERS)}\s+)?|\s+(?:{'|'.join(lx.LIST_JOINERS)})\s+", flags),
        locative=re.compile(_words(lx.LOCATIVES) + rf"\s+(?:(?:{'|'.join(lx.ANAPHORA_DETERMINERS)})\s+)?$", flags),
        distributive=re.compile(_words(lx.DISTRIBUTIVES), flags),
        range_closer=re.compile(r"\s*,?\s*" + _words(lx.RANGE_CLOSERS) + r"\s+(?:(?:el|la|the)\s+)?", flags),
        range_before=re.compile(_words(lx.PERIOD_OPENERS) + r"\s+(?:[\w.]+\s+){0,3}?" + _words(lx.RANGE_CLOSERS)
                                + r"\s+(?:(?:el|la|the)\s+)?$", flags),
        office=re.compile(_words(lx.OFFICE_OF) + r"\s+(?:(?:el|la|los|the)\s+)?$", flags),
        relative_locative=re.compile(r"\s*,?\s*" + _words(lx.RELATIVE_LOCATIVES), flags),
        verb_endings=tuple(lx.VERB_ENDINGS),
        incident_nouns=frozenset(w.lower() for w in lx.ANAPHORA_NOUNS),
        since_event=re.compile(_words(lx.PERIOD_OPENERS) + rf"\s+(?:(?:{'|'.join(lx.ANAPHORA_DETERMINERS)})\s+)?$", flags),
        another_group=re.compile(r"[^\W\d]*(?:\s+[^\W\d]+){0,3}\s*,?\s*" + _words(lx.COUNT_CONJUNCTIONS) + r"\s*$", flags),
        toll=re.compile(_words(lx.COUNT_LINKS) + "|" + _words(lx.TOLL_WORDS), flags),
    )
