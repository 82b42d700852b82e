"""Extract dated incidents from a document whose places are resolved: what, when, where, who, how many."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from shapely.geometry import Point

from geo.actors import find_actors
from geo.casualties import injured_in, killed_in
from geo.dates import DateMention, find_dates, years_in
from geo.document import Document
from geo.resolve import ResolvedMention
from geo.sentences import Sentence, split_sentences
from geo.triggers import EVENT_TYPES, Trigger, find_triggers, hedged, is_not_an_event

__all__ = ["Incident", "extract_incidents", "FAMILY"]

#: Kinds that can be the same incident told twice.
FAMILY = {"ambush": "violence", "clash": "violence", "attack": "violence", "attack_on_forces": "violence",
          "bombing": "violence", "kidnapping": "violence", "eradication_attack": "violence",
          "protest": "protest", "blockade": "protest", "riot": "protest",
          "arrest": "seizure", "drug_seizure": "seizure", "seizure": "seizure"}
_STATEMENT = re.compile(r"\b(?:said|says|stated|discounted|suggest(?:s|ed)?|described|told|claimed|denied|"
                        r"refused|announced|declared|believe[sd]?|expects?|suspect(?:s|ed)?|continue[sd]? to|"
                        r"dijo|afirmó|señaló|declaró|"
                        r"informó|negó|anunció)\b", re.IGNORECASE)
_SEPARATE = re.compile(r"\b(?:separate|second|another (?:attack|incident|ambush)|otro ataque|otra|"
                       r"in addition to|además de|years (?:earlier|before|ago)|años antes|hace años)\b",
                       re.IGNORECASE)
_YEARS_AGO = re.compile(r"\b(?:years (?:earlier|before|ago)|años antes|hace años|decades ago)\b", re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:the|this|that|el|la|este|esta)\s+$", re.IGNORECASE)
_KEY_VALUE = re.compile(r"^\s*[-*•]\s*[\w ]{2,30}:\s")
_SINCE = re.compile(r"\b(?:since|desde)\s*$", re.IGNORECASE)
_SINCE_WORD = re.compile(r"(?:since|desde)\b", re.IGNORECASE)
_SERIES = re.compile(r"\b(?:series|wave|campaign|serie|ola) of (?:\w+ )?(?:attacks|bombings|ataques)\b", re.IGNORECASE)
_BACKGROUND = re.compile(r"\b(?:in the context of|en el contexto de|amid|against the backdrop)\b", re.IGNORECASE)
_ALREADY_TOLD = re.compile(r"\b(?:mencionad[oa]|aforementioned|above-mentioned|said)\s+$", re.IGNORECASE)
# "the attack", "the capture", "el ataque": a later telling of an incident already told.
_ANAPHORA = re.compile(r"\b(?:the|this|that|these|el|la|este|esta|dicho|dicha)\s+(?:\w+\s+)?"
                       r"(?P<noun>attacks?|ambush|bombing|blast|explosion|capture|violence|clash|massacre|"
                       r"incident|killings?|ataque|emboscada|atentado|captura|matanza|masacre)\b", re.IGNORECASE)
_SAME_DAY = re.compile(r"\b(?:the same day|that day|el mismo día|ese día|the same night)\b", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"(?<![–-])\b((?:19|20)\d\d)\s+(?:[A-Z][\w-]+\s+){0,2}$")
_STATE_TARGET = re.compile(r"\b(?:police|PNP|soldiers|army|military|patrol|convoy|base|station|troops|"
                           r"DIRANDRO|policías|soldados|patrulla|puesto)\b", re.IGNORECASE)


@dataclass
class Incident:
    """One incident as a document reports it (or as several documents do, once merged)."""

    doc_id: str
    kind: str
    event_date: date | None
    date_start: date | None
    date_end: date | None
    time_precision: int | None
    place: ResolvedMention | None
    killed: int | None
    injured: int | None
    evidence: str
    start: int
    end: int
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    date_text: str | None = None
    confidence: float = 0.5
    path: str = ""
    sources: list[str] = field(default_factory=list)
    evidence_spans: list[tuple[str, int, int]] = field(default_factory=list)
    notes: str = ""
    trigger: str = ""
    dated: bool = True  # False when the date is only the report's own date
    placed: bool = True  # False when the place comes from the sentences around

    @property
    def event_type(self) -> str:
        return EVENT_TYPES[self.kind][0]

    @property
    def sub_event_type(self) -> str:
        return EVENT_TYPES[self.kind][1]

    def record(self) -> dict:
        """The JSONL record (the fields ../shared/eval/score.py reads, and more)."""
        p = self.place.place if self.place else None
        return {
            "date": self.event_date.isoformat() if self.event_date else None,
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "time_precision": self.time_precision, "date_text": self.date_text,
            "event_type": self.event_type, "sub_event_type": self.sub_event_type, "incident_type": self.kind,
            "location": p.name if p else None, "place_id": p.id if p else None,
            "admin1": p.admin1 if p else None, "admin2": p.admin2 if p else None,
            "admin3": p.admin3 if p else None,
            "lat": None if not self.place or self.place.lat is None else round(self.place.lat, 5),
            "lon": None if not self.place or self.place.lon is None else round(self.place.lon, 5),
            "where_prec": self.place.where_prec if self.place else 6,
            "geo_precision": self.place.geo_precision if self.place else 3,
            "killed": self.killed, "injured": self.injured,
            "actor1": self.actor1, "actor2": self.actor2, "inter1": self.inter1, "inter2": self.inter2,
            "evidence": self.evidence, "start": self.start, "end": self.end,
            "confidence": round(self.confidence, 3), "notes": self.notes,
        }


def extract_incidents(doc: Document, places: list[ResolvedMention]) -> list[Incident]:
    """The incidents a document reports, one per event (a summary and its detail are one)."""
    sentences = [c for s in split_sentences(doc) for c in _clauses(doc, s)]
    years = years_in(doc.text, doc.in_header)
    located = sorted((r for r in places if r.place is not None), key=lambda r: r.mention.start)
    found: list[Incident] = []
    for i, s in enumerate(sentences):
        incident = _incident_in(doc, s, sentences, i, years, located, found)
        if incident is not None:
            found.append(incident)
        elif found and found[-1].end <= s.start:
            _add_counts(doc, s, found[-1], sentences)
    return _merge_told_twice(found)


def _clauses(doc: Document, s: Sentence) -> list[Sentence]:
    """A sentence listing incidents with semicolons gives each clause its own chance."""
    text = s.text(doc)
    parts, pos = [], 0
    for m in re.finditer(r";\s*", text):
        if len(text[pos:m.start()].split()) >= 4 and len(text[m.end():].split()) >= 4:
            parts.append(Sentence(s.start + pos, s.start + m.start(), s.paragraph))
            pos = m.end()
    parts.append(Sentence(s.start + pos, s.end, s.paragraph))
    return parts


def _add_counts(doc: Document, s: Sentence, last: Incident, sentences: list[Sentence]) -> None:
    """ "Two officers were injured in the process.": counts told after the incident, in its paragraph."""
    para = next((x.paragraph for x in sentences if x.start <= last.start < x.end), None)
    if para != s.paragraph or _SEPARATE.search(doc.text[s.start:s.end]):
        return
    text = s.text(doc)
    if last.killed is None:
        last.killed = killed_in(text)
    if last.injured is None:
        last.injured = injured_in(text)


def _incident_in(doc: Document, s: Sentence, sentences: list[Sentence], i: int, years: list[tuple[int, int]],
                 located: list[ResolvedMention], earlier: list[Incident]) -> Incident | None:
    text = s.text(doc)
    triggers = find_triggers(text)
    if not triggers or _KEY_VALUE.match(text) or is_not_an_event(text):
        return None  # no incident word; or an infobox field; or totals over a period
    here = [d for d in find_dates(doc.text, doc.date, skip=doc.in_header, span=(s.start, s.end), years=years)
            if not _is_period(doc.text, d)]
    if _SERIES.search(text) and not any(d.time_precision <= 2 for d in here):
        return None  # a campaign over months or years, not one incident
    if _BACKGROUND.search(text) and not any(d.time_precision <= 2 for d in here):
        return None
    trigger = _main_trigger(text, triggers, here, s)
    killed, injured = killed_in(text), injured_in(text)
    where = [r for r in located if s.start <= r.mention.start and r.mention.end <= s.end]
    event_places = [r for r in where if r.role == "event"]
    local = [r for r in event_places if r.place.kind != "country"]
    same_day = _SAME_DAY.search(text)
    counted = killed is not None or injured is not None
    anaphora = _ANAPHORA.search(text)
    if not (here or counted or local or same_day or (anaphora and earlier)):
        return None
    if (hedged(text) or _STATEMENT.search(text)) and not (here or counted):
        return None
    kind = _kind(_most_specific(text, triggers, trigger), text)
    when = _when(doc, s, text, here, trigger, same_day, earlier)
    place = _where(event_places, trigger, s, sentences, located, doc)
    if place is None:
        return None  # no place in Peru: not an incident for this map
    actors = find_actors(text)
    actor1, actor2 = _roles(actors, text, trigger, kind)
    if not counted:
        killed, injured = _counts_nearby(doc, s, sentences, i)
    confidence = 0.4 + 0.2 * bool(here) + 0.2 * counted + 0.2 * bool(local)
    return Incident(
        doc_id=doc.id, path=doc.path, kind=kind, event_date=when[0], date_start=when[1], date_end=when[2],
        time_precision=when[3], date_text=when[4], place=place, killed=killed, injured=injured,
        evidence=" ".join(text.split()), start=s.start, end=s.end,
        actor1=actor1.name if actor1 else None, actor2=actor2.name if actor2 else None,
        inter1=actor1.inter if actor1 else None, inter2=actor2.inter if actor2 else None,
        confidence=min(confidence, 1.0), sources=[doc.id], evidence_spans=[(doc.id, s.start, s.end)],
        notes=f"'{trigger.text}'" + (f", dated by '{when[4]}'" if when[4] else ""),
        trigger=trigger.text.lower(), dated=when[4] is not None,
        placed=place is not None and s.start <= place.mention.start < s.end)


def _main_trigger(text: str, triggers: list[Trigger], here: list[DateMention], s: Sentence) -> Trigger:
    """The incident word the sentence reports: not one "already mentioned", and the nearest a date."""
    fresh = [t for t in triggers if not _ALREADY_TOLD.search(text, max(0, t.start - 16), t.start)] or triggers
    if not here:
        return fresh[0]
    def gap(t: Trigger, d: DateMention) -> int:  # characters between the trigger and the date
        ds, de = d.start - s.start, d.end - s.start
        return t.start - de if t.start >= de else ds - t.end if t.end <= ds else 0
    return min(fresh, key=lambda t: min(abs(gap(t, d)) for d in here))


def _most_specific(text: str, triggers: list[Trigger], chosen: Trigger) -> Trigger:
    """The most specific incident word of the chosen one's family in the sentence ("ambushed ...
    killing"), leaving out words that refer back to an incident told before ("the ambush")."""
    family = FAMILY[chosen.kind] if chosen.kind in FAMILY else None
    same = [t for t in triggers if t is chosen or (FAMILY.get(t.kind) == family
                                                  and not _DETERMINER.search(text, max(0, t.start - 5), t.start))]
    return min(same, key=lambda t: _PRECEDENCE.index(t.kind) if t.kind in _PRECEDENCE else 99)


def _is_period(text: str, d: DateMention) -> bool:
    """A date that opens a period ("since July 1984", "desde 1980") dates no event."""
    return bool(_SINCE.search(text, max(0, d.start - 8), d.start) or _SINCE_WORD.match(d.text))


def _counts_nearby(doc: Document, s: Sentence, sentences: list[Sentence], i: int) -> tuple[int | None, int | None]:
    """Counts from the next sentences of the paragraph, when the incident's own sentence has none."""
    for nxt in sentences[i + 1:i + 4]:
        if nxt.paragraph != s.paragraph:
            break
        text = nxt.text(doc)
        if _SEPARATE.search(text):
            break
        killed, injured = killed_in(text), injured_in(text)
        if killed is not None or injured is not None:
            return killed, injured
    return None, None


def _kind(trigger: Trigger, text: str) -> str:
    if trigger.kind == "attack" and _STATE_TARGET.search(text):
        return "attack_on_forces"
    if trigger.kind == "arrest" and re.search(r"\b(?:drugs?|cocaine|cocaína|precursor)\b", text, re.I):
        return "drug_seizure"
    return trigger.kind


def _when(doc, s, text, here, trigger, same_day, earlier):
    """(event date, start, end, ACLED time_precision, date text) of the incident in this sentence."""
    if here:
        # the date nearest the trigger word; a year written just before the trigger wins
        # ("the 1992 Tarata bombing")
        year = _YEAR_BEFORE.search(text[:trigger.start])
        if year and not any(d.start - s.start <= trigger.start <= d.end - s.start for d in here):
            y = int(year.group(1))
            return date(y, 1, 1), date(y, 1, 1), date(y, 12, 31), 3, year.group(1)
        def key(d):
            background = bool(doc.date) and (doc.date - d.date_end).days > 400  # years before the report
            return d.precision == "year", background, abs((d.start - s.start) - trigger.start)
        d = min(here, key=key)
        return d.date_start, d.date_start, d.date_end, d.time_precision, d.text
    if _YEARS_AGO.search(text):
        return None, None, None, None, None  # "years earlier": long before the report, day unknown
    if same_day and earlier and earlier[-1].event_date:
        e = earlier[-1]
        return e.event_date, e.date_start, e.date_end, e.time_precision, same_day.group(0)
    year = _YEAR_BEFORE.search(text[:trigger.start])
    if year:
        y = int(year.group(1))
        return date(y, 1, 1), date(y, 1, 1), date(y, 12, 31), 3, year.group(1)
    if doc.date:
        # no date written: the report's own date, the day it tells of the incident
        return doc.date, doc.date - timedelta(days=6), doc.date, 2, None
    return None, None, None, None, None


# When two tellings name the incident differently, the more specific kind wins.
_PRECEDENCE = ["ambush", "bombing", "kidnapping", "clash", "attack_on_forces", "attack", "eradication_attack",
               "riot", "blockade", "protest", "drug_seizure", "arrest", "seizure"]
_SPECIFIC = {"populated_place": 0, "district": 1, "mountain": 1, "province": 2, "zone": 3, "river": 3,
             "department": 4, "region": 4, "lake": 4, "natural_region": 5, "zone_variant": 5, "country": 6}


def _where(event_places, trigger, s, sentences, located, doc) -> ResolvedMention | None:
    """The place the sentence ties to the event: the most specific named near the trigger word;
    else the last place named in the paragraph before; else the title's; else the country."""
    if event_places:
        def rank(r):
            gap = abs(r.mention.start - s.start - trigger.start)
            return r.place.kind == "country", gap // 60, _SPECIFIC.get(r.place.kind, 5), gap
        return min(event_places, key=rank)
    para = [r for r in located if r.role == "event" and r.mention.start < s.start
            and any(x.paragraph == s.paragraph and x.start <= r.mention.start < x.end for x in sentences)]
    if para:
        return min(para[-3:], key=lambda r: _SPECIFIC.get(r.place.kind, 5))
    title = [r for r in located if r.role == "event" and r.place.kind != "country"
             and not any(x.start <= r.mention.start < x.end for x in sentences if x.start > 0)]
    if title:
        return title[0]
    country = [r for r in located if r.place.kind == "country"]
    return country[0] if country else None


def _roles(actors, text, trigger, kind):
    """(actor1, actor2): who did it and to whom. "by X" names the doer of a passive verb."""
    if not actors:
        return None, None
    by = re.search(r"\bby\s+(?:\w+\s+){0,3}", text[trigger.end:])
    doer = None
    if by:
        after = trigger.end + by.end()
        doer = next((a for a in actors if a.start >= trigger.end and a.start <= after + 30), None)
    if doer is None:
        if kind in ("protest", "blockade", "riot"):
            doer = next((a for a in actors if a.inter in (5, 6)), actors[0])
        elif kind in ("arrest", "drug_seizure", "seizure"):
            doer = next((a for a in actors if a.inter == 1), actors[0])
        else:
            doer = next((a for a in actors if a.inter in (2, 3)), actors[0])
    other = next((a for a in actors if a is not doer and a.name != doer.name), None)
    return doer, other


def _merge_told_twice(incidents: list[Incident]) -> list[Incident]:
    """Merge the same incident told again in the document (a summary and its detail)."""
    out: list[Incident] = []
    for inc in incidents:
        target = _earlier_telling(out, inc)
        if target is None:
            out.append(inc)
            continue
        out[out.index(target)] = _combine(target, inc)
    return out


def _earlier_telling(out: list[Incident], inc: Incident) -> Incident | None:
    """The incident already found that ``inc`` tells again, if any."""
    if _SEPARATE.search(inc.evidence):
        return None
    anaphora = _ANAPHORA.search(inc.evidence)
    if anaphora and not inc.dated:
        noun = anaphora.group("noun").lower()[:5]
        for o in reversed(out):
            if noun in o.trigger:
                return o
        same = [o for o in out if FAMILY[o.kind] == FAMILY[inc.kind]]
        if same:
            return same[-1]
    if not inc.dated and not inc.placed and out:
        return out[-1]  # neither its own date nor its own place: the incident just told, told on
    if not inc.dated:
        return next((o for o in reversed(out) if _same_event(o, inc, any_family=True)), None)
    return next((o for o in reversed(out) if _same_event(o, inc)), None)


def _same_event(a: Incident, b: Incident, any_family: bool = False) -> bool:
    families = {FAMILY[a.kind], FAMILY[b.kind]} if not any_family else {FAMILY[a.kind]}
    same_day = a.dated and b.dated and a.time_precision == 1 and b.time_precision == 1 \
        and a.event_date == b.event_date
    if len(families) > 1 and not (families == {"violence", "protest"} and same_day):
        return False
    if a.dated and b.dated:
        if a.time_precision == 1 and b.time_precision == 1 and abs((a.event_date - b.event_date).days) > 1:
            return False
        if a.date_start > b.date_end + timedelta(days=1) or b.date_start > a.date_end + timedelta(days=1):
            return False
    pa, pb = a.place.place if a.place else None, b.place.place if b.place else None
    if pa and pb and pa.kind != "country" and pb.kind != "country" and pa.admin1 and pb.admin1 \
            and pa.admin1 != pb.admin1:
        return False
    if pa and pb and pa.admin3 and pb.admin3 and pa.admin3 != pb.admin3 and _km(pa, pb) > 25:
        return False  # two districts apart: two incidents
    return True


def _km(a, b) -> float:
    return math.hypot((a.lat - b.lat) * 110.6, (a.lon - b.lon) * 111.3 * math.cos(math.radians(a.lat)))


def _combine(a: Incident, b: Incident) -> Incident:
    """One incident from two tellings: the more precise date and place, the first telling's counts."""
    dated = a if (a.dated, -(a.time_precision or 9)) >= (b.dated, -(b.time_precision or 9)) else b
    place = _finer_place(a.place, b.place)
    return replace(
        a, kind=min(a.kind, b.kind, key=_PRECEDENCE.index), event_date=dated.event_date,
        date_start=dated.date_start, date_end=dated.date_end, time_precision=dated.time_precision,
        date_text=dated.date_text, dated=a.dated or b.dated, place=place,
        killed=_first(a.killed, b.killed), injured=_first(a.injured, b.injured),
        actor1=a.actor1 or b.actor1, actor2=a.actor2 or b.actor2, inter1=a.inter1 or b.inter1,
        inter2=a.inter2 or b.inter2, confidence=min(1.0, max(a.confidence, b.confidence) + 0.1),
        evidence_spans=a.evidence_spans + b.evidence_spans, notes=f"{a.notes}; told again: {b.notes}")


def _finer_place(pa: ResolvedMention | None, pb: ResolvedMention | None) -> ResolvedMention | None:
    """The more specific of two tellings' places, when it lies inside the other."""
    if pa is None or pb is None:
        return pa or pb
    a, b = pa.place, pb.place
    if _SPECIFIC.get(b.kind, 5) >= _SPECIFIC.get(a.kind, 5):
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
