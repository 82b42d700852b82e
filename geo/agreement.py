"""Make the readings of related names agree: a unit in apposition holds what it qualifies, names of one list or pair share a level."""

from __future__ import annotations

import re

from gazetteer import Place
from geo.evidence import enumerations, inside
from geo.kinds import ADMIN_KINDS, CUE_KINDS
from geo.lang import every
from geo.mentions import Mention
from geo.scoring import Choice

__all__ = ["holding_units", "parallel_lists", "parallel_pairs", "LIST_LEVELS"]

#: The levels a list or pair of names is read at together: the areas whose level changes the map.
LIST_LEVELS = ("department", "province")

_PAIRS = every("PAIR_WORDS")
_WORD = re.compile(r"[^\W\d_]+")
_GAP = re.compile(r"[\s\w-]*")  # what may stand between two paired names: words, no punctuation


def holding_units(mentions: list[Mention], choices: list[Choice], qualified: list[int]) -> list[Choice]:
    """A unit written after a place qualifies it, so it is read as the unit that holds the place,
    the largest of that name ("Chongos Alto (Huancayo)" is the province; "Ulcumayo, en Junín" the
    department), within what its own cue word admits. ``qualified`` lists the mentions whose next
    mention qualifies them."""
    choices = list(choices)
    for i in qualified:
        j, held = i + 1, choices[i].place
        if held is None or choices[j].place is None:
            continue
        admits = CUE_KINDS.get(mentions[j].cue_kind or "", ADMIN_KINDS)
        units = [p for p, _ in mentions[j].candidates if p.kind in ADMIN_KINDS and p.kind in admits and inside(held, p)]
        if not units:
            continue
        unit = min(units, key=lambda p: ADMIN_KINDS[p.kind])
        if unit is not choices[j].place:
            choices[j] = _switched(choices[j], unit, f"the {unit.kind} that holds {held.name}, written after it")
    return choices


def parallel_lists(text: str, mentions: list[Mention], choices: list[Choice]) -> list[Choice]:
    """Names in one enumeration are of one kind: in a list of three or more names where most are
    read at one level (department, province), each other name that can be read at it is
    ("Cusco, Moquegua, Tacna y Puno"; "(Huancavelica, Tayacaja, Churcampa)" are provinces)."""
    choices = list(choices)
    for group in enumerations(text, mentions):
        for level in LIST_LEVELS:
            at_level = [i for i in group if choices[i].place is not None and choices[i].place.kind == level]
            if 2 * len(at_level) <= len(group):
                continue
            names = ", ".join(mentions[i].text for i in at_level[:3])
            for i in group:
                unit = _reading(mentions[i], level)
                if unit is not None and i not in at_level:
                    choices[i] = _switched(choices[i], unit, f"one of a list of {level}s ({names}, ...)")
            break
    return choices


def parallel_pairs(text: str, mentions: list[Mention], choices: list[Choice]) -> list[Choice]:
    """Two names paired by "from ... to", "between ... and" ("de ... a", "entre ... y") are of one
    level when a cue word gives one of them its level: "from Tacna to the neighbouring region
    Moquegua" reads Tacna as the department too. A pair with no cue is left as read."""
    choices = list(choices)
    for i in range(len(mentions) - 1):
        if not _paired(text, mentions[i], mentions[i + 1]):
            continue
        for cued, other in ((i + 1, i), (i, i + 1)):
            level = _cued_level(mentions[cued], choices[cued])
            if level is None or mentions[other].cue_kind:
                continue
            unit = _reading(mentions[other], level)
            if unit is not None and (choices[other].place is None or choices[other].place.kind != level):
                choices[other] = _switched(choices[other], unit, f"paired with the {level} {mentions[cued].text}")
            break
    return choices


def _paired(text: str, a: Mention, b: Mention) -> bool:
    """Do ``a`` and ``b`` stand as "from A to B" / "entre A y B", with at most B's cue between?"""
    between = text[a.end:b.start]
    if not _GAP.fullmatch(between):
        return False
    gap = _WORD.findall(between.lower())
    if not gap or len(gap) > 5:
        return False
    before = _WORD.findall(text[max(0, a.start - 40):a.start].lower())[-5:]
    return any(gap[0] in _PAIRS.get(w, ()) for w in before)


def _cued_level(m: Mention, choice: Choice) -> str | None:
    """The list level a mention's cue word gives it, when its reading is at that level."""
    if m.cue_kind is None or choice.place is None:
        return None
    level = choice.place.kind
    return level if level in LIST_LEVELS and level in CUE_KINDS[m.cue_kind] else None


def _reading(m: Mention, level: str) -> Place | None:
    """The mention's candidate at ``level``, when its name has one."""
    return next((p for p, _ in m.candidates if p.kind == level), None)


def _switched(old: Choice, place: Place, reason: str) -> Choice:
    return Choice(place, 1.0, reason, [old.place.id] if old.place is not None else [], True)
