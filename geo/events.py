"""The event-type registry: one record per incident kind, from which every stage derives its tables."""

from __future__ import annotations

from dataclasses import dataclass

from geo import lang

__all__ = ["EventType", "EVENT_TYPES", "event_type", "family", "precedence", "triggers"]


@dataclass(frozen=True, slots=True)
class EventType:
    """An incident kind: ACLED's types, its family for merging, its precedence and actor roles.

    ``precedence``: when two tellings name one incident differently, the lower wins (the more
    specific word: "ambushed ... killing" is an ambush). ``doer``/``target``: the ACLED inter
    codes the attacker and the target most often have, used when the sentence does not say.
    ``trigger_kind``: the kind whose trigger words announce it (kinds derived from another by
    context, such as an attack on state forces, have none of their own). ``captive``: it holds
    people, whose release ends it ("the hostages were released" tells no new one). ``outcome``: a
    clause may tell it as what followed another incident ("...; 50 were arrested").
    """

    kind: str
    event_type: str
    sub_event_type: str
    family: str
    precedence: int
    doer: tuple[int, ...]
    target: tuple[int, ...]
    label: str
    trigger_kind: str | None = None
    captive: bool = False
    outcome: bool = False

    def triggers(self, code: str) -> tuple[str, ...]:
        """This kind's trigger patterns in language ``code`` (empty for derived kinds)."""
        return lang.lexicon(code).TRIGGERS.get(self.trigger_kind or "", ())


_RECORDS = [
    EventType("ambush", "Battles", "Armed clash", "violence", 0, (2, 3), (1,), "ambush", "ambush"),
    EventType("bombing", "Explosions/Remote violence", "Remote explosive/landmine/IED", "violence", 1,
              (2, 3), (1, 7), "bombing", "bombing"),
    EventType("kidnapping", "Violence against civilians", "Abduction/forced disappearance", "violence", 2,
              (2, 3), (7,), "kidnapping", "kidnapping", captive=True),
    EventType("clash", "Battles", "Armed clash", "violence", 3, (1, 2), (2, 1), "armed clash", "clash"),
    EventType("attack_on_forces", "Battles", "Armed clash", "violence", 4, (2, 3), (1,), "attack on state forces"),
    EventType("attack", "Violence against civilians", "Attack", "violence", 5, (2, 3, 1), (7,), "attack", "attack"),
    EventType("riot", "Riots", "Violent demonstration", "protest", 6, (5,), (1,), "riot", "riot"),
    EventType("blockade", "Protests", "Protest with intervention", "protest", 7, (6,), (), "road blockade",
              "blockade"),
    EventType("protest", "Protests", "Peaceful protest", "protest", 8, (6,), (), "protest", "protest"),
    EventType("drug_seizure", "Strategic developments", "Other", "seizure", 9, (1,), (3,), "drug seizure",
              "drug_seizure"),
    EventType("arrest", "Strategic developments", "Arrests", "seizure", 10, (1,), (2, 3), "arrest or capture",
              "arrest", captive=True, outcome=True),
]
#: Every incident kind by name, in order of precedence.
EVENT_TYPES: dict[str, EventType] = {r.kind: r for r in sorted(_RECORDS, key=lambda r: r.precedence)}


def event_type(kind: str) -> EventType:
    """The record of an incident kind."""
    return EVENT_TYPES[kind]


def family(kind: str) -> str:
    """The family of kinds that can be one incident told twice ("violence", "protest", "seizure")."""
    return EVENT_TYPES[kind].family


def precedence(kind: str) -> int:
    """Lower is more specific."""
    return EVENT_TYPES[kind].precedence


def triggers(code: str) -> list[tuple[str, str]]:
    """(kind, pattern) of every trigger in language ``code``, most specific kind first."""
    return [(r.kind, p) for r in EVENT_TYPES.values() for p in r.triggers(code)]
