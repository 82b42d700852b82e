"""Score a mention's candidate places by named features, weighted by one table, and choose one."""

from __future__ import annotations

import math
from dataclasses import dataclass

from gazetteer import Gazetteer, Place
from geo import place_weights
from geo.candidates import Candidate, prominent_reading
from geo.evidence import Evidence, in_zone, inside
from geo.kinds import CUE_KINDS
from geo.mentions import Mention

__all__ = ["Features", "Choice", "measure", "total", "choose"]

_LOCAL = ("district", "populated_place")
_PROMINENCE = {"country": "the country", "department": "department", "region": "region",
               "populated_place": "the well-known town", "district": "the well-known district"}


@dataclass(slots=True)
class Features:
    """The features of one candidate place, as measured in the document (weights apply in :func:`total`)."""

    place: Place
    how: str
    #: The candidate's prior score (kind, size, alias; see geo/candidates.py).
    prior: float = 0.0
    #: Other sure places of the document in the candidate's department.
    department_hits: int = 0
    #: Another sure place of the document is in the candidate's province (towns and districts).
    province_named: bool = False
    #: The name of a zone the document names that holds the candidate (towns and districts).
    zone: str | None = None
    #: A sure place in the same paragraph is in the candidate's department.
    same_passage: bool = False
    #: Distance to the nearest other place of the document (towns and districts), km.
    distance_km: float = math.inf
    #: The unit written in apposition that holds the candidate.
    qualified_by: str | None = None
    #: The cue word, when it announces the candidate's kind.
    cue: str | None = None


@dataclass(slots=True)
class Choice:
    """The place chosen for a mention, how far ahead of the runner-up, why, and the others."""

    place: Place | None
    margin: float
    reason: str
    alternatives: list[str]
    placed_here: bool  # the document itself points to the place (support or a qualifier)


def measure(m: Mention, candidates: list[Candidate], qualifier: Place | None, ev: Evidence,
            gaz: Gazetteer, passage: int) -> list[Features]:
    """The features of each candidate (the likeliest five and those the context points to)."""
    here = ev.passage_departments(passage, m.key)
    if len(candidates) > 8:  # "Santa Rosa": only the likeliest and those the context points to
        relevant = here | set(ev.departments) | ev.zone_departments(gaz)
        index = _by_department(candidates)
        candidates = candidates[:5] + [candidates[i] for i in sorted(i for d in relevant for i in index.get(d, ()))]
    local = [p for p, _, _ in candidates if p.kind in _LOCAL]
    near = dict(zip((id(p) for p in local), ev.nearest_km(local, m.key).tolist())) \
        if len(ev.keys) and len(candidates) > 1 else {}
    departments, provinces = ev.others(m.key)
    zones = [z for key, z in ev.zones if key != m.key]
    cued = CUE_KINDS[m.cue_kind] if m.cue_kind else ()
    out = []
    for p, how, base in candidates:
        f = Features(p, how, base)
        if p.kind not in ("region", "country"):
            f.department_hits = departments.get(p.admin1, 0)
            f.same_passage = bool(p.admin1) and p.admin1 in here
        if p.kind in _LOCAL:
            f.province_named = provinces.get((p.admin1, p.admin2), 0) > 0
            if zones:
                f.zone = next((z.name for z in zones if in_zone(p, z, gaz)), None)
            f.distance_km = near.get(id(p), math.inf)
        if qualifier is not None and inside(p, qualifier):
            f.qualified_by = qualifier.name
        if p.kind in cued:
            f.cue = m.cue
        out.append(f)
    return out


#: Long candidate lists (remembered by geo.candidates: "Santa Rosa" has 180) by id, each held so that its
#: id stays its own, with the positions of its candidates after the fifth by department.
_BY_DEPARTMENT: dict[int, tuple[list[Candidate], dict[str, list[int]]]] = {}
_BY_DEPARTMENT_HELD = 10_000


def _by_department(candidates: list[Candidate]) -> dict[str, list[int]]:
    """The positions of the candidates after the fifth, by department."""
    held = _BY_DEPARTMENT.get(id(candidates))
    if held is not None and held[0] is candidates:
        return held[1]
    index: dict[str, list[int]] = {}
    for i in range(5, len(candidates)):
        index.setdefault(candidates[i][0].admin1, []).append(i)
    if len(_BY_DEPARTMENT) >= _BY_DEPARTMENT_HELD:
        _BY_DEPARTMENT.clear()
    _BY_DEPARTMENT[id(candidates)] = (candidates, index)
    return index


def _support(f: Features) -> list[tuple[float, str]]:
    """What the document's other places say for the candidate: (weight, which), strongest first."""
    w = place_weights.TABLE
    support = []
    if f.department_hits > 0:
        support.append((w.department_named + w.department_mentions * min(f.department_hits, 5), "department"))
    if f.province_named:
        support.append((w.province_named, "province"))
    if f.zone:
        support.append((w.zone_member, "zone"))
    if len(support) > 1:
        support.sort(key=lambda s: -s[0])
    return support


def _described(f: Features, which: str) -> str:
    p = f.place
    if which == "department":
        return (f"department {p.admin1} named in the document" if p.kind != "department"
                else f"department of {f.department_hits} other places in the document")
    return f"province {p.admin2} named in the document" if which == "province" else f"inside the {f.zone} named in the document"


def total(f: Features, describe: bool = True) -> tuple[float, list[str], bool]:
    """The candidate's score under the weight table, the features that raised it (described, unless
    ``describe`` is false: most candidates lose, and their reasons are never read), and whether the
    document itself points to it."""
    w = place_weights.TABLE
    score = f.prior
    support = _support(f)
    if support:
        score += support[0][0] + w.extra_support * (len(support) - 1)
    if f.same_passage:
        score += w.same_passage
    if f.distance_km < w.near_km:
        score += w.near_place
    if f.qualified_by:
        score += w.qualified
    if f.cue:
        score += w.cue_compatible
    return score, _reasons(f, support) if describe else [], bool(support) or f.qualified_by is not None


def _reasons(f: Features, support: list[tuple[float, str]]) -> list[str]:
    """The features that raised the candidate's score, described, strongest support first."""
    why = [_described(f, which) for _, which in support]
    if f.same_passage:
        why.append(f"{f.place.admin1} named in the same passage")
    if f.distance_km < place_weights.TABLE.near_km:
        why.append(f"{f.distance_km:.0f} km from another place in the document")
    if f.qualified_by:
        why.append(f"qualified by {f.qualified_by}")
    if f.cue:
        why.append(f"cue word '{f.cue}'")
    return why


def choose(m: Mention, candidates: list[Candidate], qualifier: Place | None, ev: Evidence,
           gaz: Gazetteer, passage: int) -> Choice:
    """The best-scoring candidate; a department, its capital or a famous district keeps its
    reading against candidates elsewhere unless a qualifier holds one of them."""
    if not candidates:
        return Choice(None, 0.0, "no gazetteer place", [], False)
    if len(candidates) == 1 and not m.foreign and qualifier is None:
        return Choice(candidates[0][0], 5.0, "the only candidate", [], False)
    feats = measure(m, candidates, qualifier, ev, gaz, passage)
    scored = [(*total(f, describe=False), f.place, f) for f in feats]
    anchor = prominent_reading(m, candidates, gaz)
    kept_anchor = False
    if anchor is not None and not any(f.qualified_by for f in feats):
        kept = [s for s in scored if s[3] is anchor or (anchor.admin1 and s[3].admin1 == anchor.admin1)]
        kept_anchor = len(kept) < len(scored)
        scored = kept if kept_anchor else scored
    scored.sort(key=lambda s: -s[0])
    best_score, _, placed_here, best, best_features = scored[0]
    why = total(best_features)[1]
    if kept_anchor and best is anchor:
        why.append(f"{_PROMINENCE[anchor.kind]} {anchor.name}: the context does not qualify it")
    reason = "; ".join(why) or ("the only candidate" if len(scored) == 1 else f"most likely {best.kind} of that name")
    if len(scored) > 1:
        runner = scored[1][3]
        reason += f" (over the {runner.kind} {runner.name}, {runner.admin1 or 'Peru'}: {best_score:.1f} to {scored[1][0]:.1f})"
    margin = best_score - scored[1][0] if len(scored) > 1 else 5.0
    return Choice(best, margin, reason, [s[3].id for s in scored[1:4]], placed_here)
