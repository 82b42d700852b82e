"""Extract dated incidents from an annotated document whose places are resolved: what, when, where, who, how many."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice
from datetime import date

from geo import thresholds
from geo.annotate import Annotations, Clause, annotate
from geo.budget import check
from geo.casualties import Casualty
from geo.dates import DateMention, shift
from geo.document import Document
from geo.events import event_type, family, precedence
from geo.evidence import inside
from geo.framing import Framing, framing
from geo.incident import Incident
from geo.located import CHAIN, Located
from geo.mentions import CUE_AFTER, CUE_BEFORE, POSSESSIVES
from geo.narrowing import located_from
from geo.resolve import ResolvedMention
from geo.kinds import KINDS, kind as place_kind
from geo.retelling import LOOK_BACK, merge_told_twice
from geo.roles import roles
from geo.tables import row_year
from geo.triggers import Trigger

__all__ = ["Incident", "extract_incidents"]

_KEY_VALUE = re.compile(r"^\s*[-*•]\s*[\w ]{2,30}:\s")
# "the 1992 Tarata Street car bombing": a year written just before the incident word dates it.
_YEAR_BEFORE = re.compile(r"(?<![–-])\b((?:1[5-9]|20)\d\d)\s+(?:[\w-]+\s+){0,3}$")
_COLUMNS = ("killed", "injured", "disappeared", "captured")
_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_LETTERS = re.compile(r"[^\W\d_]+")
#: Words that may join place names told together: prepositions, articles and kinds of place.
_JOINING = frozenset({w for cue in (*CUE_BEFORE, *CUE_AFTER) for w in cue.split()} | {"in", "en", "of", "de", "del",
                                                                                  "the", "el", "la", "los", "las"})


@dataclass(frozen=True, slots=True)
class _When:
    """An incident's date: the day (or None), its range, ACLED precision, the phrase, and whether the text gave it."""

    day: date | None
    start: date | None
    end: date | None
    precision: int | None
    text: str | None
    span: tuple[int, int] | None = None
    told: bool = True


_UNDATED = _When(None, None, None, None, None, told=False)


def extract_incidents(doc: Document, places: list[ResolvedMention],
                      annotations: Annotations | None = None) -> list[Incident]:
    """The incidents a document reports, one per event (a summary and its detail are one)."""
    ann = annotations or annotate(doc)
    located = Located(places, ann)
    found: list[Incident] = []
    day_told: tuple[int, date] | None = None  # (offset, day) of the incident told last at day precision
    for i, clause in enumerate(ann.clauses):
        check()
        if found and _tells_an_outcome(ann, i, located, found[-1]):
            _add_counts(doc, ann, clause, found[-1], _OUTCOME_COLUMNS)  # "...; 35 people were injured and 50 arrested"
            continue
        made = _incidents_in(doc, ann, i, located, found, day_told)
        if made:
            found.extend(made)
            told = [(e.start, e.date_start) for e in made if e.time_precision == 1 and e.date_start and e.dated]
            day_told = max(told + ([day_told] if day_told else []), default=None)
        elif found and found[-1].end <= clause.start and not clause.triggers:
            _add_counts(doc, ann, clause, found[-1])  # a clause with its own incident word keeps its counts
    merged = merge_told_twice(_with_fact_date(ann, found), ann.language,
                              lambda offset: c.paragraph if (c := ann.clause_at(offset)) else -1, ann.row_of)
    return _with_fact_counts(doc.text, ann, merged)


def _with_fact_date(ann: Annotations, found: list[Incident]) -> list[Incident]:
    """An infobox or fact box ("- Date: 13 November 1983") dates the report's main incident (its
    first), when its sentences do not."""
    span = ann.facts.get("date")
    told = next((d for d in ann.dates if span[0] <= d.start < span[1]), None) if span else None
    if told is not None and found and not found[0].dated:
        main = found[0]
        main.event_date = told.date_start if told.time_precision <= 2 else None
        main.date_start, main.date_end, main.time_precision = told.date_start, told.date_end, told.time_precision
        main.date_text, main.dated = told.text, True
        main.explanation.append(("date", told.text, told.start, told.end))
    return found


def _with_fact_counts(text: str, ann: Annotations, found: list[Incident]) -> list[Incident]:
    """The fact box's toll ("- Fatalities: 32"; "Deaths 9 soldiers" over "2 civilians", the sum of its
    lines) gives the main incident the counts its sentences left unsaid."""
    if not found:
        return found
    main = found[0]
    for col in ("killed", "injured"):
        span = ann.facts.get(col)
        if span is None or getattr(main, col) is not None:
            continue
        lines = text[span[0]:span[1]].split("\n")
        figures = [f for f in (_FIGURE.match(line.strip()) or _FIGURE.search(line) for line in lines) if f]
        if figures:
            setattr(main, col, sum(int(f.group(0).replace(",", "")) for f in figures))
            main.explanation.append(("count", text[span[0]:span[1]].strip(), *span))
    return found


def _incidents_in(doc: Document, ann: Annotations, i: int, located: Located, earlier: list[Incident],
                  day_told: tuple[int, date] | None) -> list[Incident]:
    """The incidents clause ``i`` reports: none, one, or one per place when it lists several."""
    c = ann.clauses[i]
    text = doc.text
    cues = framing(ann.language)
    sentence = text[c.start:c.end]
    triggers = c.triggers or _elided(ann, i, earlier)
    field = _KEY_VALUE.match(sentence)
    if not triggers or (field and not any(d.start < c.start + field.end() for d in c.dates)) \
            or cues.aggregate.search(sentence):
        return []  # no incident word; or an infobox field (a day before the colon is a chronology's entry); or totals
    periods = _periods(text, c.dates, cues)
    bounding = set(periods)
    here = [d for d in c.dates if d not in bounding]
    day_known = any(d.time_precision <= 2 for d in here)
    if periods and not here:
        return []  # dated only by a period ("between January and July"): a tally, not an incident
    if (cues.series.search(sentence) or cues.background.search(sentence)) and not day_known:
        return []  # a campaign over months or years, or the background of something else
    trigger = _main_trigger(text, triggers, here, cues)
    where = located.within(c.start, c.end)
    event_places = [r for r in where if r.role == "event"]
    local = [r for r in event_places if r.place.kind != "country"]
    if not local:  # "ambushed a convoy about 30 km south of Tocache": placed by distance from a reference
        local = [p for r in where if r.role == "reference" and (p := located_from(r)) is not None]
        event_places += local
    same_day = cues.same_day.search(text, c.start, c.end)
    anaphora = cues.anaphora.search(sentence)
    place = _where(text, event_places, trigger, c, ann, located, cues, earlier, retold=bool(anaphora))
    if place is None:
        return []  # no place in Peru: not an incident for this map
    # the clause's casualty figures are read only when a decision needs them (the slowest reading)
    if not (here or local or same_day or c.relative or (anaphora and earlier) or _counted(ann, c)):
        return []
    asserted = _is_verb(trigger, cues)
    if not asserted and _generic(trigger, cues) and not day_known and not c.relative and not _counted(ann, c) \
            and not (anaphora and earlier):
        return []  # "attacks", "los ataques": incidents in general, not one ("both attacks" tells one again)
    if not day_known and cues.since_event.search(text, max(c.start, trigger.start - thresholds.TABLE.since_chars), trigger.start):
        return []  # "since the capture of ...", "desde la captura de ...": a time, not an incident
    when = _when(doc, ann, i, here, trigger, same_day, day_told, cues)
    own_date = _dates_trigger(text, c, trigger, when)
    if (cues.hedge.search(sentence) or cues.statement.search(sentence)) and not own_date \
            and (not here or (not asserted and _dates_a_statement(text, here, cues))) and not _counted(ann, c):
        return []  # what could happen, or what was said (on that day) of an incident
    if cues.not_incident.search(sentence) and not asserted and not own_date:
        return []  # a trial, an anniversary, an inquiry: about an incident, not one
    if cues.not_incident.search(text, max(c.start, trigger.start - thresholds.TABLE.agent_chars), trigger.start) \
            and _complement(text, trigger, cues) and not _YEAR_BEFORE.search(text, c.start, trigger.start):
        return []  # "the 25th anniversary of the Tarata bombing was commemorated on ...": the day is the anniversary's
    if trigger.kind == "attack" and cues.mishap.search(sentence) and not any(a.inter in _ARMED for a in ann.actors(c)):
        return []  # "a bus fell into a ravine, killing 24": an accident's dead, no attack, unless an armed group is named
    if event_type(trigger.kind).captive and trigger.text.lower() in cues.captives and cues.release.search(sentence) \
            and cues.determiner.search(text, max(c.start, trigger.start - 12), trigger.start):
        return []  # "the hostages were released": the end of a kidnapping told before (not "el secuestro de ...")
    if here and all(d.precision == "year" for d in here) and (not local or (
            len({r.place.id for r in local}) > 1 and all(place_kind(r.place.kind).where_prec >= 4 for r in local))):
        return []  # "In 2007, the rebels killed 11 police officers (in the VRAE and the Upper Huallaga)": a year's tally
    counts = _tally(ann.casualties(c), text, cues)
    counted = _counted(ann, c)
    if not any(counts[k] is not None for k in _COLUMNS):
        counts = _counts_nearby(doc, ann, i) or counts
    parts = _per_place(ann.casualties(c), local) if len(local) > 1 else None
    if not parts and not any(k.value for k in ann.casualties(c)):
        parts = _listed(text, c, local, trigger, cues)
    if parts:
        return [_incident(doc, ann, c, trigger, when, p, _tally(cs, text, cues), here, counted, bool(local), cues, span)
                for p, cs, span in parts]
    return [_incident(doc, ann, c, trigger, when, place, counts, here, counted, bool(local), cues, None)]


def _incident(doc: Document, ann: Annotations, c: Clause, trigger: Trigger, when: _When, place: ResolvedMention,
              counts: dict, here: list[DateMention], counted: bool, local: bool, cues: Framing,
              span: tuple[int, int] | None) -> Incident:
    text = doc.text
    start, end = span or (c.start, c.end)
    chosen = _most_specific(text, c.triggers or [trigger], trigger, cues)
    doer, target = roles(text, ann.actors(c), chosen, chosen.kind, ann.language)
    kind = _kind(chosen, doer, target, text, c, cues, counted)
    confidence = 0.4 + 0.2 * bool(here) + 0.2 * counted + 0.2 * local
    explanation = [("trigger", chosen.text, chosen.start, chosen.end)]
    explanation += [("count", text[k.start:k.end], k.start, k.end) for k in counts["phrases"]]
    if when.span:
        explanation.append(("date", text[when.span[0]:when.span[1]], *when.span))
    explanation.append(("place", place.mention.text, place.mention.start, place.mention.end))
    notes = f"'{chosen.text}'" + (f", dated by '{when.text}'" if when.text else "")
    if counts["vague"]:
        notes += ", counts given only as " + ", ".join(f"'{w}' ({col})" for col, w in counts["vague"])
    return Incident(
        doc_id=doc.id, path=doc.path, kind=kind, event_date=when.day, date_start=when.start, date_end=when.end,
        time_precision=when.precision, date_text=when.text, place=place, killed=counts["killed"],
        injured=counts["injured"], disappeared=counts["disappeared"], captured=counts["captured"],
        evidence=" ".join(text[start:end].split()), start=start, end=end,
        actor1=doer.name if doer else None, actor2=target.name if target else None,
        inter1=doer.inter if doer else None, inter2=target.inter if target else None,
        confidence=min(confidence, 1.0), sources=[doc.id], evidence_spans=[(doc.id, start, end)],
        notes=notes, trigger=chosen.text.lower(), dated=when.told, headline=c is ann.title,
        placed=c.start <= place.mention.start < c.end, explanation=explanation)


def _counted(ann: Annotations, c: Clause) -> bool:
    """Does the clause give a figure of killed or injured?"""
    return any(k.column in ("killed", "injured") and k.value is not None for k in ann.casualties(c))


def _tally(casualties: list[Casualty], text: str, cues: Framing) -> dict:
    """Per column the lowest exact figure (a zero only when no other figure is given; the figures of
    groups told one after another are one: "48 wounded civilians, as well as 29 injured police" is 77),
    the phrases used, and the vague quantities ("dozens") that give no figure."""
    out: dict = {"phrases": [], "vague": []}
    for col in _COLUMNS:
        mine = [k for k in casualties if k.column == col]
        exact = _group_sums([k for k in mine if k.value is not None], text, cues)
        positive = [v for v in exact if v > 0]
        out[col] = min(positive) if positive else (0 if exact else None)
        out["phrases"] += [k for k in mine if k.value is not None]
        out["vague"] += [(col, k.count_text) for k in mine if k.value is None]
    return out


def _group_sums(phrases: list[Casualty], text: str, cues: Framing) -> list[int]:
    """The figures of a column, those of other groups told right after one ("..., as well as 29
    injured police", "y 15 policías heridos") added to it; a toll ("the death toll rose to 14") is not."""
    sums: list[int] = []
    for n, k in enumerate(phrases):
        prev = phrases[n - 1] if n else None
        if prev is not None and prev.end <= k.start and cues.another_group.match(text, prev.end, k.start) \
                and not cues.toll.search(text, k.start, k.end):
            sums[-1] += k.value
        else:
            sums.append(k.value)
    return sums


def _per_place(casualties: list[Casualty], local: list[ResolvedMention]):
    """A sentence listing killings in several places, each with its own count, gives one incident
    per place: [(place, its casualty phrases, its span)], or None when it tells one event."""
    killed = [k for k in casualties if k.column == "killed" and k.value is not None]
    if len(killed) < 2:
        return None
    pairs = []
    for n, k in enumerate(killed):
        lo = killed[n - 1].end if n else 0
        hi = killed[n + 1].start if n + 1 < len(killed) else 10**12
        after = [r for r in local if k.end <= r.mention.start < hi]
        before = [r for r in local if lo <= r.mention.start and r.mention.end <= k.start]
        place = after[0] if after else (before[-1] if before else None)
        if place is None:
            return None
        pairs.append((place, [k], (min(k.start, place.mention.start), max(k.end, place.mention.end))))
    if len({p.place.id for p, _, _ in pairs}) < len(pairs):
        return None
    return pairs


def _listed(text: str, c: Clause, local: list[ResolvedMention], trigger: Trigger, cues: Framing):
    """ "Strikes in Cusco, Puno and Tacna", "in separate incidents in A, B and C": the places of a list
    that is the incident's locative, in different departments, are one incident each (protests, or
    any kind when the sentence says the incidents were separate). [(place, [], span)] or None."""
    if family(trigger.kind) != "protest" and not cues.distributive.search(text, c.start, c.end):
        return None
    ordered = sorted(local, key=lambda r: r.mention.start)
    run: list[ResolvedMention] = []
    for r in ordered:
        if run and cues.list_joiner.fullmatch(text, run[-1].mention.end, r.mention.start):
            run.append(r)
            continue
        if len(run) > 1:
            break
        run = [r] if cues.locative.search(text, max(c.start, r.mention.start - thresholds.TABLE.locative_chars), r.mention.start) else []
    if len(run) < 2 or len({r.place.admin1 for r in run}) < 2 or len({r.place.id for r in run}) < len(run):
        return None
    return [(r, [], (c.start, c.end)) for r in run]


def _tells_an_outcome(ann: Annotations, i: int, located: Located, last: Incident) -> bool:
    """Does clause ``i``, with no date and no place of its own, only tell what followed the incident just
    made: the arrests told in the same sentence ("Protesters clashed with police in Cusco on 12 January;
    35 were injured and 50 arrested"), or more of its toll later in its paragraph ("Another officer was
    wounded by a sniper")?"""
    c = ann.clauses[i]
    if not c.triggers or c.dates or c.relative or any(r.role == "event" for r in located.within(c.start, c.end)):
        return False
    prev = ann.clauses[i - 1] if i else None
    if prev is not None and prev.origin == c.origin and prev.start <= last.start < prev.end \
            and all(event_type(t.kind).outcome for t in c.triggers):
        return True
    # "Another officer was wounded by a sniper": more of the toll told, in the incident's paragraph
    told = ann.clause_at(last.start)
    return told is not None and told.paragraph == c.paragraph and last.end <= c.start \
        and framing(ann.language).adds.search(ann.text, c.start, c.end) is not None \
        and any(k.more or k.total for k in ann.casualties(c))


#: ACLED's inter codes of armed groups (rebels, militias): one named makes an accident's toll an incident's.
_ARMED = (2, 3)
#: The columns a clause telling an incident's outcome adds to it.
_OUTCOME_COLUMNS = ("killed", "injured", "captured")


def _add_counts(doc: Document, ann: Annotations, c: Clause, last: Incident,
                columns: tuple[str, ...] = ("killed", "injured")) -> None:
    """ "Two officers were injured in the process.": counts told after the incident, in its paragraph;
    and later deaths told as more of them ("Two more soldiers died", "A fourth officer later died of
    his wounds", "the toll rose to five") raise the figure told."""
    told = ann.clause_at(last.start)
    cues = framing(ann.language)
    if told is None or told.paragraph != c.paragraph or _opens_separately(doc.text, c, cues) \
            or any(role == "count" and c.start <= start < c.end for role, _, start, _ in last.explanation):
        return  # another paragraph or incident; or counts the incident took already (from the clauses after it)
    if all(getattr(last, col) is not None for col in columns) \
            and not (cues.adds.search(doc.text, c.start, c.end) or cues.toll.search(doc.text, c.start, c.end)):
        return  # told already, and nothing here raises it (the casualties are read only when they may)
    casualties = ann.casualties(c)
    counts = _tally(casualties, doc.text, cues)
    for col in columns:
        now = getattr(last, col)
        if now is None:
            raised, phrases = counts[col], [k for k in counts["phrases"] if k.column == col]
        else:
            raised, phrases = now, []
            for k in casualties:
                if k.column != col or k.value is None:
                    continue
                figure = now + k.value if k.more else k.total if k.total is not None else \
                    k.value if cues.toll.search(doc.text, k.start, k.end) else None
                if figure is not None and figure > raised:
                    raised, phrases = figure, [k]
        if raised is not None and raised != now:
            setattr(last, col, raised)
            last.explanation += [("count", doc.text[k.start:k.end], k.start, k.end) for k in phrases]


def _opens_separately(text: str, c: Clause, cues: Framing) -> bool:
    """Does the clause open by telling another incident ("In a separate attack", "Por otro lado")?"""
    return bool(cues.separate.search(text, c.start, min(c.end, c.start + thresholds.TABLE.opening_chars)))


def _counts_nearby(doc: Document, ann: Annotations, i: int) -> dict | None:
    """Counts from the next clauses of the paragraph, when the incident's own clause has none."""
    c = ann.clauses[i]
    cues = framing(ann.language)
    for nxt in ann.clauses[i + 1:i + 4]:
        if nxt.paragraph != c.paragraph or nxt.triggers or _opens_separately(doc.text, nxt, cues):
            break  # another paragraph, or a clause that tells its own incident
        counts = _tally(ann.casualties(nxt), doc.text, cues)
        if counts["killed"] is not None or counts["injured"] is not None:
            return counts
    return None


def _elided(ann: Annotations, i: int, earlier: list[Incident]) -> list[Trigger]:
    """ "The first raid was on 13 July in A; the second, on 30 August in B": a clause of the same
    sentence with its own date but no incident word tells another incident of the kind just told."""
    c = ann.clauses[i]
    prev = ann.clauses[i - 1] if i else None
    if prev is None or prev.origin != c.origin or not prev.triggers or not c.dates or not earlier \
            or earlier[-1].start != prev.start:
        return []
    return [Trigger(earlier[-1].kind, c.start, c.start, earlier[-1].trigger)]


def _periods(text: str, dates: list[DateMention], cues: Framing) -> list[DateMention]:
    """The dates that bound a period: opened ("since 1980", "entre enero") or closing one
    ("... y julio de 1989", "... to May")."""
    out: list[DateMention] = []
    for n, d in enumerate(dates):
        if _opens_period(text, d, cues) or cues.range_before.search(text, max(0, d.start - 40), d.start) or (
                n and out and out[-1] is dates[n - 1] and cues.range_closer.fullmatch(text, dates[n - 1].end, d.start)):
            out.append(d)
    return out


def _dates_a_statement(text: str, here: list[DateMention], cues: Framing) -> bool:
    """Is a date of the clause the day something was said ("the minister on November 14 discounted ...")?"""
    return any(cues.statement.search(text, d.end, d.end + 25) or cues.statement.search(text, max(0, d.start - 25), d.start)
               for d in here)


def _generic(trigger: Trigger, cues: Framing) -> bool:
    """Is the incident word a plural incident noun ("attacks", "ataques", "ofensivas")?"""
    word = trigger.text.lower()
    return word in cues.incident_nouns and word.endswith("s") and family(trigger.kind) != "protest"


def _is_verb(trigger: Trigger, cues: Framing) -> bool:
    """Is the incident word a verb ("attacked", "incursionó"), which asserts the event, rather than
    a noun ("the massacre"), which may only name it?"""
    return trigger.text.lower().endswith(cues.verb_endings)


def _opens_period(text: str, d: DateMention, cues: Framing) -> bool:
    """A date that opens a period ("since July 1984", "desde 1980") dates no event; one written as a
    possessive names the day of what follows ("the toll from Sunday's ambush") and opens none."""
    if text.startswith(POSSESSIVES, d.end):
        return False
    first = d.text.split(None, 1)[0] if d.text.strip() else ""
    return bool(cues.period_opener.search(text, max(0, d.start - 12), d.start)
                or cues.period_opener.fullmatch(first))


def _main_trigger(text: str, triggers: list[Trigger], here: list[DateMention], cues: Framing) -> Trigger:
    """The incident word the clause reports: not one "already mentioned" nor one naming another's
    complement, and the nearest a date."""
    fresh = [t for t in triggers if not cues.retold.search(text, max(0, t.start - 20), t.start)] or triggers
    # not a noun that is another's complement ("relatives of the victims of the Accomarca massacre marched")
    if len(fresh) > 1:
        fresh = [t for t in fresh if _is_verb(t, cues) or not _complement(text, t, cues)] or fresh
    if not here:
        return fresh[0]

    starts = [d.start for d in here]  # sorted, never overlapping

    def gap(t: Trigger) -> int:
        """How far the trigger is from the nearest date (0 when they overlap)."""
        i = bisect_left(starts, t.start)
        near = here[max(0, i - 1):i + 1]
        return min(t.start - d.end if t.start >= d.end else d.start - t.end if t.end <= d.start else 0
                   for d in near)
    return min(fresh, key=gap)


def _complement(text: str, t: Trigger, cues: Framing) -> bool:
    """Is the incident word the complement of a noun before it ("the victims of the massacre", "el
    aniversario del atentado")?"""
    return bool(cues.complement.search(text, max(0, t.start - thresholds.TABLE.agent_chars), t.start))


def _most_specific(text: str, triggers: list[Trigger], chosen: Trigger, cues: Framing) -> Trigger:
    """The most specific incident word of the chosen one's family in the clause ("ambushed ...
    killing"), leaving out words that refer back to an incident told before ("the ambush")."""
    same = [t for t in triggers if t is chosen or (family(t.kind) == family(chosen.kind)
                                                  and not cues.determiner.search(text, max(0, t.start - 8), t.start))]
    return min(same, key=lambda t: precedence(t.kind))


def _kind(trigger: Trigger, doer, target, text: str, c: Clause, cues: Framing, counted: bool) -> str:
    """The incident kind: the trigger's, made specific by what the sentence says of the target; state
    forces that destroy drugs or a laboratory, harming no one and attacking no actor, make a seizure
    ("police destroyed a cocaine laboratory"), not an attack."""
    if trigger.kind == "attack" and target is not None and target.inter == 1:
        return "attack_on_forces"
    if trigger.kind == "attack" and doer is not None and doer.inter == 1 and target is None and not counted \
            and cues.drugs.search(text, trigger.end, min(c.end, trigger.end + thresholds.TABLE.agent_chars)):
        return "drug_seizure"
    if trigger.kind == "arrest" and cues.drugs.search(text, c.start, c.end):
        return "drug_seizure"
    return trigger.kind


def _dates_trigger(text: str, c: Clause, trigger: Trigger, when: _When) -> bool:
    """Is the date written on the incident word itself ("the 1983 massacre", "la masacre del 14 de
    agosto de 1985"), rather than on what the sentence tells of it (a trial, a memorial)?"""
    limits = thresholds.TABLE
    if when.span is None:
        return False
    ds, de = when.span
    return (de <= trigger.start and trigger.start - de <= limits.own_date_before) \
        or (ds >= trigger.end and ds - trigger.end <= limits.own_date_after)


def _when(doc: Document, ann: Annotations, i: int, here: list[DateMention], trigger: Trigger, same_day,
          day_told: tuple[int, date] | None, cues: Framing) -> _When:
    """The date of the incident in clause ``i``, at the precision the text gives it."""
    text, c = doc.text, ann.clauses[i]
    year = _YEAR_BEFORE.search(text, c.start, trigger.start)
    if year and not any(d.start <= year.start(1) < d.end and d.precision != "year" for d in c.dates):
        return _year(int(year.group(1)), year.group(1), year.span(1))
    if here:
        def key(d: DateMention):
            background = bool(doc.date) and (doc.date - d.date_end).days > thresholds.TABLE.background_days
            return d.precision == "year", background, abs(d.start - trigger.start)
        d = min(here, key=key)
        day = d.date_start if d.time_precision <= 2 else None
        return _When(day, d.date_start, d.date_end, d.time_precision, d.text, (d.start, d.end))
    anchor = _last_day_told(ann, i, day_told)
    if anchor is not None and (c.relative or same_day):
        r = min(c.relative, key=lambda r: abs(r.start - trigger.start)) if c.relative else None
        day = shift(anchor, r.days if r else 0)
        phrase = (r.text, r.start, r.end) if r else (same_day.group(0), same_day.start(), same_day.end())
        if day is not None:
            return _When(day, day, day, 1, phrase[0], phrase[1:])
        doc.warnings.append(f"{doc.path}: '{phrase[0]}' from {anchor.isoformat()} steps past the calendar "
                            f"(years 1 to 9999): the incident is not dated by it")
    if cues.historical.search(text, c.start, c.end):
        return _UNDATED  # told in passing, long before the report: no day to give
    if ann.row_of(c.start) is not None:  # a table's row is a record of its own: its year, or no date
        year = row_year(text, c.start, c.end)
        return _year(year[0], text[year[1]:year[2]], year[1:]) if year else _UNDATED
    told = _last_date_told(ann, i)
    if told is not None:  # a narrative goes on in the time its paragraph last gave
        retold = bool(cues.anaphora.search(text, c.start, c.end))  # "the ambush took place at ...": told again
        return _When(told.date_start if told.time_precision <= 2 else None, told.date_start, told.date_end,
                     told.time_precision, told.text, (told.start, told.end), told=not retold)
    if doc.date:
        # no date written: the report's own date, the week it tells of the incident
        return _When(doc.date, shift(doc.date, -6) or date.min, doc.date, 2, None, told=False)
    return _UNDATED


def _last_day_told(ann: Annotations, i: int, day_told: tuple[int, date] | None) -> date | None:
    """The day told last before clause ``i``: of an incident (``day_told``), or a date written in the
    clauses before ("On October 30 ... That day, protesters ..."), moved on by the relative days told
    there ("Dos días después, el Ejército ingresó ...")."""
    told = [day_told] if day_told else []
    for c in ann.clauses[max(0, i - 3):i]:
        told += [(d.start, d.date_start) for d in c.dates if d.time_precision == 1]
        for r in c.relative:
            before = [t for t in told if t[0] < r.start]
            moved = shift(max(before)[1], r.days) if before else None
            if moved is not None:
                told.append((r.start, moved))
    return max(told)[1] if told else None


def _last_date_told(ann: Annotations, i: int) -> DateMention | None:
    """The last date written in the clauses before clause ``i`` of its paragraph (not a period's)."""
    c, j = ann.clauses[i], ann.dated_before(i)
    prev = ann.clauses[j] if j is not None else None
    if prev is None or prev.paragraph != c.paragraph or prev.origin < c.origin - thresholds.TABLE.date_carries:
        return None
    return prev.dates[-1]


def _year(y: int, text: str, span: tuple[int, int]) -> _When:
    return _When(None, date(y, 1, 1), date(y, 12, 31), 3, text, span)


def _where(text: str, event_places: list[ResolvedMention], trigger: Trigger, c: Clause, ann: Annotations,
           located: Located, cues: Framing, earlier: list[Incident], *, retold: bool = False) -> ResolvedMention | None:
    """The place the clause ties to the event: the most specific named near the trigger word (not
    a victim's office, "the mayor of X"; a place "where" the verb happened first); else where the
    paragraph's last incident happened (a narrative goes on where it was: "The protests in Tacna
    erupted ... from Tacna to Moquegua. That day, protesters ..."), or, when the clause names an
    incident again ("the attack took place Thursday"), the last incident's; else the last places named in
    the paragraph before; else the title's; else the country."""
    if event_places and ann.row_of(c.start) is not None and c.dates:  # a table's row: its location column
        after = [r for r in event_places if r.mention.start >= c.dates[0].end]
        if after:
            first = min(after, key=lambda r: r.mention.start)
            return _finest_named_with(text, sorted(after, key=lambda r: r.mention.start), first)
    if event_places:
        named = sorted(event_places, key=lambda r: r.mention.start)
        eventive = [r for r in named if not cues.office.search(text, max(0, r.mention.start - 30), r.mention.start)]
        ordered = eventive or named
        where = [r for r in ordered if r.mention.end <= trigger.start and cues.relative_locative.match(text, r.mention.end)]
        offices = [r for r in named if r not in eventive]
        if where:
            return _qualified_office(text, named, offices, where[-1])
        nearest = min(ordered, key=lambda r: (r.place.kind == "country", abs(r.mention.start - trigger.start)))
        return _qualified_office(text, named, offices, _finest_named_with(text, ordered, nearest))
    setting = _setting(ann, c, earlier, retold)
    if setting is not None:
        return setting
    para = located.last_run_before(c, lambda a, b: _together(text, a, b, strict=False))
    if para:
        return _finest_named_with(text, para, para[-1], strict=False)
    # the title's place; else the country, when named in this paragraph or the title (a daily
    # index names it in another item)
    return located.title or located.country(c)


def _qualified_office(text: str, named: list[ResolvedMention], offices: list[ResolvedMention],
                      chosen: ResolvedMention) -> ResolvedMention:
    """The place of a victim's office (one of ``offices``) when ``chosen``, an area named right after it,
    only says where that place lies ("lynched the mayor of Ilave, Puno": Ilave, in Puno); else ``chosen``."""
    i = named.index(chosen)
    office = named[i - 1] if i > 0 else None
    if office in offices and chosen.place.kind in _AREAS and _together(text, office, chosen, True) \
            and inside(office.place, chosen.place):
        return office
    return chosen


#: The administrative areas above a district: named after a place, they only say where it lies.
_AREAS = frozenset(k.name for k in KINDS.values() if k.admin_level is not None and k.admin_level <= 2)


def _setting(ann: Annotations, c: Clause, earlier: list[Incident], retold: bool) -> ResolvedMention | None:
    """Where the last incident of clause ``c``'s paragraph happened (or, when ``retold``, the last
    incident's): the place a narrative goes on in."""
    for e in islice(reversed(earlier), LOOK_BACK):
        p = ann.clause_at(e.start)
        if not retold and (p is None or p.paragraph != c.paragraph):
            if p is not None and p.paragraph < c.paragraph:
                return None  # incidents are in order: none of this paragraph is left
            continue
        if e.place is not None and e.place.place.kind != "country":
            return e.place
    return None


def _finest_named_with(text: str, ordered: list[ResolvedMention], anchor: ResolvedMention, *,
                       strict: bool = True) -> ResolvedMention:
    """The most specific of the places named together with ``anchor`` ("in Pichari, La Mar province,
    Ayacucho": close, and, when ``strict``, only commas, prepositions and words for kinds of place
    between them)."""
    i = j = k = ordered.index(anchor)
    while i > max(0, k - CHAIN) and _together(text, ordered[i - 1], ordered[i], strict):
        i -= 1
    while j + 1 < min(len(ordered), k + CHAIN) and _together(text, ordered[j], ordered[j + 1], strict):
        j += 1
    return min(ordered[i:j + 1], key=lambda r: (r.place.kind == "country", place_kind(r.place.kind).specificity))


def _together(text: str, a: ResolvedMention, b: ResolvedMention, strict: bool) -> bool:
    """Are places ``a`` and ``b`` (in that order) named together: close, and, when ``strict``, only
    commas, prepositions and words for kinds of place between them?"""
    gap = text[a.mention.end:b.mention.start]
    words = gap[2:] if gap.startswith(POSSESSIVES) else gap  # "in Ayacucho's Huanta province"
    return len(gap) <= thresholds.TABLE.together_chars and (not strict or all(w.lower() in _JOINING for w in _LETTERS.findall(words)))
