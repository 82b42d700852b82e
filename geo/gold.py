"""Reviewed reports as evaluation data: NAME.txt and NAME.json in the gold format of ../shared/eval."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from unidecode import unidecode

from geo.corrected import Tally, apply_corrections
from geo.corrections import Corrections, text_hash
from geo.document import ReadFailure
from geo.errors import UsageError
from geo.extract import run
from geo.incident import Incident
from geo.output import atomic_writer
from geo.pipeline import DocumentResult
from geo.resolve import ResolvedMention

__all__ = ["gold_record", "export_gold", "GOLD_TYPES"]

#: The gold set's incident types by our incident kinds.
GOLD_TYPES = {"ambush": "ambush", "bombing": "bombing", "kidnapping": "attack", "clash": "clash",
              "attack_on_forces": "attack", "attack": "attack", "riot": "protest", "blockade": "protest",
              "protest": "protest", "drug_seizure": "seizure", "arrest": "seizure"}
_KINDS = {"populated_place": "populated_place", "district": "district", "province": "province",
          "department": "department", "region": "department", "zone": "zone", "zone_variant": "zone",
          "river": "river", "country": "country"}
_PRECISION = {"populated_place": "point", "district": "district", "province": "province",
              "department": "department", "region": "department", "zone": "zone", "zone_variant": "zone"}
_UNPLACED = ("country", "river", "zone", "zone_variant", "lake", "mountain", "natural_region")


def _upper(name: str | None) -> str | None:
    """An INEI name as the gold writes it: upper case, without accents."""
    return unidecode(name).upper() if name else None


def _place(r: ResolvedMention) -> dict:
    p = r.place
    out = {"text": r.mention.text, "start": r.mention.start, "end": r.mention.end,
           "kind": _KINDS.get(p.kind, "other") if p else "other",
           "department": _upper(p.admin1) if p else None, "province": _upper(p.admin2) if p else None,
           "district": _upper(p.admin3) if p else None, "ubigeo": p.ubigeo if p else None,
           "lat": None, "lon": None, "precision": _PRECISION.get(p.kind) if p else None,
           "note": r.reason, "role": r.role}
    if p is not None and p.kind not in _UNPLACED:
        out["lat"], out["lon"] = p.lat, p.lon
    if p is not None and p.kind in ("zone", "zone_variant"):
        out["rep_lat"], out["rep_lon"] = p.rep_lat, p.rep_lon
    return out


def _incident(text: str, inc: Incident) -> dict:
    r = inc.place
    p = r.place if r else None
    told = inc.date_text if inc.date_text and inc.date_text in text else None
    out = {"date": inc.event_date.isoformat() if inc.event_date and inc.time_precision == 1 else None,
           "date_text": told, "place_text": r.mention.text if r and r.mention.end > r.mention.start else None,
           "type": GOLD_TYPES.get(inc.kind, "other"), "killed": inc.killed, "injured": inc.injured,
           "actors": [a for a in (inc.actor1, inc.actor2) if a],
           "sentence": text[inc.start:inc.end], "sentence_start": inc.start, "sentence_end": inc.end,
           "lat": None, "lon": None, "department": _upper(p.admin1) if p else None,
           "province": _upper(p.admin2) if p else None, "district": _upper(p.admin3) if p else None,
           "note": inc.notes if told or not inc.date_text else f"{inc.notes}; date {inc.date_text}"}
    if r is not None and r.mention.end > r.mention.start:
        out["place_start"], out["place_end"] = r.mention.start, r.mention.end
    if p is not None and p.kind not in _UNPLACED:
        out["lat"], out["lon"] = p.lat, p.lon
    return out


def gold_record(result: DocumentResult) -> dict:
    """One reviewed document in the gold format: its places and incidents with their offsets."""
    doc = result.document
    return {"id": doc.id, "source": doc.title or doc.path or doc.id,
            "doc_date": doc.date.isoformat() if doc.date else None,
            "doc_date_precision": "day" if doc.date else None, "doc_date_source": doc.date_source,
            "language": doc.language, "reviewed": True,
            "places": [_place(r) for r in result.places if r.place is not None or r.mention.marked_as],
            "incidents": [_incident(doc.text, i) for i in result.incidents]}


def _name(doc_id: str, key: str, used: set[str]) -> str:
    """A file name for the document: its id made safe, or the text's hash, never one already used."""
    name = re.sub(r"[^\w.-]+", "-", doc_id).strip(".-")[:100] or key[:12]
    if name in used:
        name = f"{name}-{key[:12]}"
    used.add(name)
    return name


def export_gold(corrections: Corrections, reports, out_dir: str | os.PathLike, *,
                every: bool = False) -> tuple[list[Path], Tally]:
    """Write the reviewed reports (``every``: all corrected ones) of ``reports`` into ``out_dir``.

    Returns the JSON files written and the tally of the corrections. UsageError when ``out_dir``
    cannot be made (its parent folder does not exist, or it is a file).
    """
    target = Path(out_dir)
    if not target.parent.is_dir():
        raise UsageError(f"-o {out_dir}: the folder {target.parent} does not exist (create it or choose another -o)")
    if target.exists() and not target.is_dir():
        raise UsageError(f"-o {out_dir}: a file, not a folder (choose a folder to write the reports into)")
    target.mkdir(exist_ok=True)
    wanted = {k for k, d in corrections.documents.items() if every or d.reviewed}
    tally, written, used = Tally(), [], set()
    for item in apply_corrections(run(reports), corrections, tally):
        if isinstance(item, ReadFailure):
            continue
        key = text_hash(item.document.text)
        if key not in wanted:
            continue
        name = _name(item.document.id, key, used)
        with atomic_writer(target / f"{name}.txt", "wb") as fh:  # the text exactly: offsets index it
            fh.write(item.document.text.encode("utf-8", "surrogatepass"))
        with atomic_writer(target / f"{name}.json") as fh:
            json.dump(gold_record(item), fh, ensure_ascii=False, indent=1)
        written.append(target / f"{name}.json")
    return written, tally
