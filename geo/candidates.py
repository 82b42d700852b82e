"""The candidate places of a mention: what its cue word and the capitals leave, with priors."""

from __future__ import annotations

import math
from functools import lru_cache

from gazetteer import Gazetteer, Place, fold
from geo import place_weights
from geo.kinds import ADMIN_KINDS, CUE_KINDS, kind
from geo.mentions import Mention

__all__ = ["Candidate", "admissible", "ranked", "certain", "prior", "prominent_reading", "FAMOUS_POPULATION"]

#: A candidate: the place, how its alias was made, and its prior score.
Candidate = tuple[Place, str, float]
#: A district or town is famous when this many people live there, and twice as many as in any namesake.
FAMOUS_POPULATION = 100_000

_ADMISSIBLE: dict[tuple, tuple[list[Candidate], bool]] = {}


def admissible(m: Mention) -> list[Candidate]:
    """The candidates the cue words and capitals leave, as (place, how, prior score), best first."""
    return ranked(m)[0]


def ranked(m: Mention) -> tuple[list[Candidate], bool]:
    """The mention's admissible candidates and whether they make its department :func:`certain`,
    both worked out once per name, cue word and alias."""
    if m.marked_as and m.marked_as not in ("town",):
        return [], False  # a street, bridge or area named like a place elsewhere
    key = (m.key, m.cue_kind, len(m.candidates), m.candidates[0][1] if m.candidates else None,
           place_weights.TABLE)
    found = _ADMISSIBLE.get(key)
    if found is None:
        if len(_ADMISSIBLE) > 100_000:
            _ADMISSIBLE.clear()
        cands = _rank(m)
        found = _ADMISSIBLE[key] = (cands, certain(cands))
    return found


def _rank(m: Mention) -> list[Candidate]:
    cands = m.candidates
    kept = [c for c in cands if c[0].kind in CUE_KINDS[m.cue_kind]] if m.cue_kind else []
    if not kept:
        kept = _collapse_capitals([c for c in cands if c[0].kind != "zone_variant"])
    return sorted(((p, how, prior(p, how)) for p, how in kept), key=lambda c: -c[2])


def prior(p: Place, how: str) -> float:
    """How likely the place is meant before the document says anything: its kind's prior, its
    size, and what its alias's making costs (weights in geo/place_weights.py)."""
    w = place_weights.TABLE
    score = kind(p.kind).prior - place_weights.HOW_PENALTY.get(how, 0.0)
    if p.kind in ("populated_place", "district"):
        score += w.population * math.log10((p.population or 0) + 1)
        score += w.urban if (p.note or "").endswith("urban") else 0.0
    return score


def certain(candidates: list[Candidate]) -> bool:
    """Is the mention's department beyond doubt: one department, or one candidate far ahead?"""
    if len({p.admin1 for p, _, _ in candidates}) == 1:
        return True
    priors = sorted((c[2] for c in candidates), reverse=True)
    return len(priors) > 1 and priors[0] - priors[1] >= 1.5


def _collapse_capitals(cands: list[tuple[Place, str]]) -> list[tuple[Place, str]]:
    """Drop the same-named units and town that share a unit's capital: "Ayacucho" is the
    department whose capital is Ayacucho, unless the town holds most of the unit's people
    (a metropolis such as Lima is meant as the city)."""
    units = sorted((c for c in cands if c[0].kind in ADMIN_KINDS), key=lambda c: ADMIN_KINDS[c[0].kind])
    if not units:
        return cands
    top = units[0][0]
    seat = [c for c in cands if c[0] is not top and c[0].admin1 == top.admin1
            and abs(c[0].lat - top.lat) < 0.05 and abs(c[0].lon - top.lon) < 0.05]
    metropolis = [c for c in seat if c[0].kind == "populated_place" and c[1] != "capital_of"
                  and (c[0].population or 0) > 0.5 * (top.population or 1)]
    drop = {id(c) for c in seat} | ({id(units[0])} if metropolis else set())
    return [c for c in cands if id(c) not in drop] + metropolis[:1]


def prominent_reading(m: Mention, candidates: list[Candidate], gaz: Gazetteer) -> Place | None:
    """The likeliest candidate when it is a department, a department's capital or a famous
    district, and no cue word asks for a small place ("el caserío de Lima")."""
    if m.cue_kind == "village" or not candidates:
        return None
    top = candidates[0][0]
    if top.kind in ("country", "department", "region") or top.id in department_capitals(gaz):
        return top
    if top.kind in ("district", "populated_place") and (top.population or 0) >= FAMOUS_POPULATION:
        rest = [p.population or 0 for p, _, _ in candidates[1:] if p.admin1 != top.admin1]
        if 2 * max(rest, default=0) <= top.population:
            return top
    return None


@lru_cache(maxsize=4)
def department_capitals(gaz: Gazetteer) -> frozenset[str]:
    """The ids of each department's capital: the town and district of its name at its seat."""
    out = set()
    for dep in gaz.of_kind("department"):
        capital = (dep.note or "").removeprefix("capital: ")
        k = gaz.key_id(fold(capital)) if capital else None
        for p, _ in gaz.places_for_key(k) if k is not None else ():
            if p.kind in ("populated_place", "district") and p.admin1 == dep.admin1 \
                    and abs(p.lat - dep.lat) < 0.05 and abs(p.lon - dep.lon) < 0.05:
                out.add(p.id)
    return frozenset(out)
