"""One incident told twice in a document (a headline and its body, a summary and its detail) becomes one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import islice

from shapely.geometry import Point

from geo import thresholds
from geo.events import family, precedence
from geo.framing import framing
from geo.incident import Incident
from geo.kinds import kind
from geo.merge import km
from geo.resolve import ResolvedMention

__all__ = ["merge_told_twice", "LOOK_BACK"]



#: How many of the incidents told last a telling may tell again (bounds the work on long documents).
LOOK_BACK = 200


def merge_told_twice(incidents: list[Incident], code: str, paragraph: Callable[[int], int] = lambda offset: 0,
                     row: Callable[[int], int | None] = lambda offset: None) -> list[Incident]:
    """Merge the same incident told again in the document into its first telling (one of the
    ``LOOK_BACK`` incidents told last); ``paragraph`` gives the paragraph of an offset (an incident
    named again, "the clashes", is the one just told there), ``row`` the table row (two rows of a
    table are two incidents)."""
    out: list[Incident] = []
    for inc in incidents:
        own = row(inc.start)
        target = None if own is not None else _earlier_telling(out, inc, code, paragraph)
        if target is None:
            out.append(inc)
        else:
            i = next(i for i in range(len(out) - 1, -1, -1) if out[i] is target)
            out[i] = _combine(target, inc)
    return out


def _earlier_telling(out: list[Incident], inc: Incident, code: str, paragraph: Callable[[int], int]) -> Incident | None:
    """The incident already found that ``inc`` tells again, if any."""
    cues = framing(code)
    if cues.separate.search(inc.evidence[:thresholds.TABLE.opening_chars]):
        return None  # told as another incident
    anaphora = cues.anaphora.search(inc.evidence)
    if cues.historical.search(inc.evidence) and not (anaphora and not inc.dated and out):
        return None  # told as one long before ("years earlier a car bomb had exploded"), not "the attacks were
        # the deadliest in ten years"
    if len(out) == 1 and out[0].headline and family(out[0].kind) == family(inc.kind) and _dates_agree(out[0], inc):
        return out[0]  # the title names the incident the body then tells
    if anaphora and not inc.dated:
        noun = anaphora.group("noun").lower()[:5]
        for o in islice(reversed(out), LOOK_BACK):
            if noun in o.trigger and not _places_apart(o, inc):
                return o
        if out and paragraph(out[-1].start) == paragraph(inc.start) and not _places_apart(out[-1], inc):
            return out[-1]  # "... protesters attacked two police stations. The clashes left two dead"
        same = next((o for o in islice(reversed(out), LOOK_BACK)
                     if family(o.kind) == family(inc.kind) and not _places_apart(o, inc)), None)
        if same is not None:
            return same
    if not inc.dated and not inc.placed and out:
        return out[-1]  # neither its own date nor its own place: the incident just told, told on
    if not inc.dated:
        return next((o for o in islice(reversed(out), LOOK_BACK) if _same_event(o, inc, any_family=True)), None)
    return next((o for o in islice(reversed(out), LOOK_BACK) if _same_event(o, inc)), None)


def _same_event(a: Incident, b: Incident, any_family: bool = False) -> bool:
    families = {family(a.kind)} if any_family else {family(a.kind), family(b.kind)}
    same_day = a.dated and b.dated and a.time_precision == 1 and b.time_precision == 1 \
        and a.event_date == b.event_date
    if len(families) > 1 and not (families == {"violence", "protest"} and same_day):
        return False
    return _dates_agree(a, b) and not _places_apart(a, b)


def _places_apart(a: Incident, b: Incident) -> bool:
    """Are two tellings' places too far apart to be one incident's (two departments, two districts
    apart, two villages)?"""
    pa, pb = a.place.place if a.place else None, b.place.place if b.place else None
    if pa and pb and pa.kind != "country" and pb.kind != "country" and pa.admin1 and pb.admin1 \
            and pa.admin1 != pb.admin1:
        return True
    if pa and pb and pa.admin3 and pb.admin3 and pa.admin3 != pb.admin3 and km(pa, pb) > thresholds.TABLE.merge_km:
        return True  # two districts apart: two incidents
    # two villages named, each its own: two incidents ("en Tambillo ...", "en Huallamayo ...")
    return bool(pa and pb and pa.kind == pb.kind == "populated_place" and km(pa, pb) > thresholds.TABLE.same_town_km)


def _dates_agree(a: Incident, b: Incident) -> bool:
    """Can two tellings' dates be one incident's? (Undated tellings agree with any.)"""
    if not (a.dated and b.dated):
        return True
    if a.date_start is None or b.date_start is None:
        return a.date_start is None and b.date_start is None and a.date_text == b.date_text
    if a.time_precision == 1 and b.time_precision == 1 and a.date_start != b.date_start:
        return False  # one document, two days: two incidents
    return (a.date_start - b.date_end).days <= 1 and (b.date_start - a.date_end).days <= 1  # no overflow at year 9999


def _combine(a: Incident, b: Incident) -> Incident:
    """One incident from two tellings: the more precise date and place, the first telling's counts."""
    dated = a if (a.dated, -(a.time_precision or 9)) >= (b.dated, -(b.time_precision or 9)) else b
    return replace(
        a, kind=min(a.kind, b.kind, key=precedence), event_date=dated.event_date,
        date_start=dated.date_start, date_end=dated.date_end, time_precision=dated.time_precision,
        date_text=dated.date_text, dated=a.dated or b.dated, place=finer_place(a.place, b.place),
        killed=_first(a.killed, b.killed), injured=_first(a.injured, b.injured),
        disappeared=_first(a.disappeared, b.disappeared), captured=_first(a.captured, b.captured),
        actor1=a.actor1 or b.actor1, actor2=a.actor2 or b.actor2, inter1=a.inter1 or b.inter1,
        inter2=a.inter2 or b.inter2, confidence=min(1.0, max(a.confidence, b.confidence) + 0.1),
        evidence_spans=a.evidence_spans + b.evidence_spans, explanation=a.explanation + b.explanation,
        notes=f"{a.notes}; told again: {b.notes}")


def finer_place(pa: ResolvedMention | None, pb: ResolvedMention | None) -> ResolvedMention | None:
    """The more specific of two tellings' places, when it lies inside the other."""
    if pa is None or pb is None:
        return pa or pb
    a, b = pa.place, pb.place
    if kind(b.kind).specificity >= kind(a.kind).specificity:
        return pa
    if a.kind == "country":
        return pb
    if pa.footprint is not None and pb.lat is not None:
        return pb if pa.footprint.contains(Point(pb.lon, pb.lat)) else pa
    inside = a.admin1 == b.admin1 and (a.kind in ("department", "region") or a.admin2 == b.admin2)
    return pb if inside else pa


def _first(x: int | None, y: int | None) -> int | None:
    """The count of the first telling that gives one (a summary's consolidated figure)."""
    return y if x is None else x
