"""Cable and page structure: routing and metadata lines, date-time group, subject, paragraphs, language."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, timezone

from geo import lang
from geo.docdate import FIRST_DAY, LAST_DAY, MONTHS, find_date_line, parse_date_text
from geo.document import Document, Span

__all__ = ["annotate_structure", "parse_dtg"]

# A date-time group: precedence, day, hour, minute, Z, month, year ("P 161454Z NOV 07").
_DTG = re.compile(r"^\s*(?:-\s*)?(?:[ZOPRM]{1,2}\s+)?(\d{2})(\d{2})(\d{2})Z\s+([A-Z]{3})\s+(\d{2,4})\s*$")
_DECL = re.compile(r"DECL\s*:\s*(\d{1,2})/(\d{1,2})/(\d{2,4})", re.IGNORECASE)
# Lines of routing, classification and metadata: never places of the report.
_HEADER_LINE = re.compile(
    r"""^\s*(?:-\s*)?(?:
        VZCZC\S* | [A-Z]{2}\s+RUE\w+ | DE\s+RUE\w+.* | ZNY\b.* | ZNR\b.* | RUE\w+/.* | RH\w+/.* |
        FM\s+\S.* | TO\s+\S.* | INFO\s+\S.* | XMT\s.* | AMEMBASSY\s.* | AMCONSUL\s.* | SECSTATE\s.* |
        USCINC\w*\s.* | (?:DIA|CIA|USIA|DEA|NSC)\s+WASHDC.* |
        C\sO\sN\sF\sI\sD\sE\sN\sT\sI\sA\sL.* | S\sE\sC\sR\sE\sT.* | U\sN\sC\sL\sA\sS.* | UNCLAS\b.* |
        (?:CONFIDENTIAL|SECRET|UNCLASSIFIED)(?:\s+SECTION.*|\s+[A-Z]+\s+\d+.*)? |
        SECTION\s+\d+\s+OF\s+\d+.* | SIPDIS | NOFORN | EXDIS | LIMDIS | STADIS | TERREP | SENSITIVE |
        E\.\s?O\.\s?\d+.* | TAGS?\s*:.* | REF(?:S|TEL)?\s*:.* | Classified\s+By.* | CLASSIFIED\s+BY.* |
        DERIVED\s+FROM.* | DECL\s*:.* |
        (?:Identifier|Created|Released|Classification|Origin|Source|Destination|Dunno|ID|Date|
           Cable\s+title|Tags|pdf\s+how-to\s+read\s+a\s+cable|Last\s+Updated|Publisher|
           Publication\s+Date|Disclaimer|Related|Sources?)\b\s*:?.* |
        [A-Z]+\s+0*\d{3,6}(?:\s+\d{3}\s+OF\s+\d{3})?\s* |
        \#{1,6}\s*\[?\s*(?:Source|Related|Sources)\b.* |
        \d+\.\s*\[[^\]]*\]\(https?://[^)]*\)\s*
    )\s*$""", re.VERBOSE)
# A continuation of a reference list: "B. LIMA 4985", "B) LIMA 4985", "[1](#)B. LIMA 2560".
_REF_CONTINUATION = re.compile(r"^\s*(?:\[\d+\]\(#\))?\s*\(?[A-Z][.)]\s+[A-Z]+\s+\d+.*$")
_SUBJECT = re.compile(r"^\s*SUBJ(?:ECT)?\s*:\s*(.*)$", re.IGNORECASE)
_PARAGRAPH = re.compile(r"^[^\S\n]*(?:\[\d+\]\(#\))?(\d{1,2})\.\s*\(([A-Z/]{1,6})\)", re.MULTILINE)
# Link targets, bare URLs and cable routing written inline (cables flattened onto one line).
_LINKS = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+")
_INLINE_HEADER = re.compile(
    r"""\bheader:\s.*?header\s+ends\s*-* |
    \b(?:RUE|RH|RUM)[A-Z]+/[A-Z][A-Z .]*?(?:\s(?:PRIORITY|IMMEDIATE|ROUTINE|[A-Z]{3})\b(?:\s\d+)?|(?=\s+RU)) |
    \bAMEMBASSY\s+[A-Z]+(?:\s[A-Z]+)?\b | \bAMCONSUL\s+[A-Z]+\b |
    \bC\sO\sN\sF\sI\sD\sE\sN\sT\sI\sA\sL(?:\s+SECTION\s+\d+\s+OF\s+\d+)?\s+[A-Z]+\s+\d+ |
    \bE\.\s?O\.\s?\d+:?\s+DECL:?\s*\S+ | \bTAGS:\s.*?(?=\s+SUBJECT:|$) |
    \bREF(?:S|TEL)?:\s+(?:\(?[A-Z][.)]\s*)?[A-Z]+\s+\d+(?:\s*[,;]?\s+(?:\(?[A-Z][.)]\s*)?[A-Z]+\s+\d+)* |
    \b\d\d[A-Z]{3,}\d+\b | \b(?:refid|origin|classification|destination):\s+\S+(?:\s+Lima)? |
    \b(?:id:\s+\d+\s+)?date:\s+\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d\d)?
    """, re.VERBOSE | re.MULTILINE)
# Substrings that announce inline cable routing (cheaper to test than the pattern itself).
_INLINE_SIGNS = ("AMEMBASSY", "AMCONSUL", "RUE", "C O N F", "E.O.", "E. O.", "TAGS:", "REF:", "header:",
                 "refid:", "origin:", "date:", "LIMA")
_DTG_INLINE = re.compile(r"\b[ZOPR]{1,2}\s+\d{6}Z\s+[A-Z]{3}\s+\d{2,4}\b")
_CABLE_SIGNS = re.compile(r"(?m)^[^\S\n]*(?:FM\s+AMEMBASSY|SUBJECT:|E\.O\.\s?\d|C O N F I D|UNCLAS|"
                          r"DECL:|[ZOPR]{1,2}\s+\d{6}Z\s+[A-Z]{3}\s+\d{2})")
_METADATA_DATE = re.compile(r"^[^\S\n]*(?:-\s*)?(?:Created|Date)\s*:?\s*((?:19|20)\d\d-\d\d-\d\d)", re.MULTILINE)
_CABLE_META_DATE = re.compile(r"\bdate:\s+(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")


def parse_dtg(line: str) -> datetime | None:
    """The UTC datetime of a date-time group such as ``P 161454Z NOV 07``, or None."""
    m = _DTG.match(line)
    if not m:
        return None
    day, hour, minute, mon, year = m.groups()
    month = MONTHS.get(mon.lower())
    yr = int(year)
    if yr < 100:
        yr += 2000 if yr < 50 else 1900
    try:
        return datetime(yr, month or 0, int(day), int(hour), int(minute), tzinfo=timezone.utc)
    except (TypeError, ValueError):
        return None


def _decl_origin(text: str) -> date | None:
    """Origin date implied by ``DECL: MM/DD/YYYY``: E.O. 12958's default of ten years after origin."""
    m = _DECL.search(text)
    if not m:
        return None
    month, day, year = (int(x) for x in m.groups())
    if year < 100:
        year += 2000
    try:
        return date(year - 10, month, day)
    except ValueError:
        return None


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line
        pos += len(line)


def annotate_structure(doc: Document, *, fallback_date: date | None = None, corpus_date: date | None = None,
                       language: str | None = None) -> Document:
    """Mark header spans, read cable metadata and set the document date and language; returns ``doc``.

    The language is ``language``, else the one the document already has, else the one detected
    from its body (:func:`geo.lang.detect`); an unknown code is a ValueError naming the known ones.
    """
    if language:
        lang.lexicon(language)
    text = doc.text
    header: list[Span] = []
    meta = doc.metadata
    lines = list(_lines(text))
    in_ref = False
    subject: list[str] = []
    in_subject = False
    for pos, line in lines:
        stripped = line.strip()
        dtg = parse_dtg(stripped)
        if dtg and "datetime" not in meta:
            meta["datetime"] = dtg
        sub = _SUBJECT.match(line)
        if sub:
            in_subject, in_ref = True, False
            subject = [sub.group(1).strip()]
            continue
        if in_subject:
            if stripped and not _HEADER_LINE.match(line) and not _PARAGRAPH.match(line) \
                    and not _REF_CONTINUATION.match(line):
                subject.append(stripped)
                continue
            in_subject = False
            in_ref = _REF_CONTINUATION.match(line) is not None  # "B. LIMA 5011" under the subject: a reference
        if dtg or _HEADER_LINE.match(line):
            header.append((pos, pos + len(line)))
            in_ref = bool(re.match(r"\s*REF", stripped)) or (in_ref and _REF_CONTINUATION.match(line) is not None)
            _metadata_line(stripped, meta)
            continue
        if in_ref and _REF_CONTINUATION.match(line):
            header.append((pos, pos + len(line)))
            continue
        in_ref = False
    if "](" in text or "http" in text or "www." in text:
        header += [m.span() for m in _LINKS.finditer(text)]
    if any(sign in text for sign in _INLINE_SIGNS):
        header += [m.span() for m in _INLINE_HEADER.finditer(text)]
    if "datetime" not in meta and "Z " in text:
        found = _DTG_INLINE.search(text)
        if found and parse_dtg(found.group(0)):
            meta["datetime"] = parse_dtg(found.group(0))
            header.append(found.span())
    doc.header = _merge(header)
    if subject:
        doc.title = " ".join(subject)
    doc.kind = "cable" if _CABLE_SIGNS.search(text) else "report"
    if doc.kind == "cable":
        # tried at each line's start only: a search of the whole text would try every offset
        meta["paragraphs"] = [(int(m.group(1)), m.group(2), pos) for pos, _ in lines if (m := _PARAGRAPH.match(text, pos))]
    if not doc.title:
        doc.title = _untitled_title(doc, lines)
    _set_date(doc, [ln for _, ln in lines], fallback_date, corpus_date)
    doc.language = language or doc.language or lang.detect(_body_sample(doc))
    return doc


def _untitled_title(doc: Document, lines: list[tuple[int, str]]) -> str | None:
    """A title for a document that names none: a cable's number ("Cable LIMA 005300"), else the first
    line outside the header (routing, reference lines)."""
    if doc.kind == "cable":
        number = next((m for _, ln in lines[:8] if (m := _CABLE_NUMBER.match(ln))), None)
        if number:
            return f"Cable {number['post']} {number['serial']}"
    first = next((ln for pos, ln in lines
                  if ln.strip() and not _HEADER_LINE.match(ln) and not _wholly_header(doc, pos, ln)), "")
    return first.strip().strip("=# ").strip()[:200] or None


def _wholly_header(doc: Document, pos: int, line: str) -> bool:
    """Is the text of this line inside one header span (a reference line, say)?"""
    start, end = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())
    return any(s <= start and end <= e for s, e in doc.header)


#: A cable's classification line ends with its post and serial number: "C O N F I D E N T I A L LIMA 005300".
_CABLE_NUMBER = re.compile(r"^\s*(?:C\sO\sN\sF\sI\sD\sE\sN\sT\sI\sA\sL|S\sE\sC\sR\sE\sT|U\sN\sC\sL\sA\sS|UNCLAS|"
                           r"CONFIDENTIAL|SECRET|UNCLASSIFIED)\b.*?\s(?P<post>[A-Z]{3,})\s+(?P<serial>\d{3,6})\s*$")


def _body_sample(doc: Document, limit: int = 4_000) -> str:
    """The first ``limit`` characters of the document's body, what language detection reads."""
    parts, size = [], 0
    for start, end in doc.body:
        if size >= limit:
            break
        parts.append(doc.text[start:min(end, start + limit - size)])
        size += len(parts[-1])
    return " ".join(parts)


def _metadata_line(line: str, meta: dict) -> None:
    for label, key in (("TAGS", "tags"), ("REF", "ref"), ("Classified By", "classified_by"),
                       ("FM ", "from"), ("TO ", "to"), ("INFO ", "info")):
        if line.upper().startswith(label.upper()):
            meta.setdefault(key, line[len(label):].lstrip(": ").strip())
    if re.match(r"C O N F I D|S E C R E T|U N C L A S|UNCLAS|CONFIDENTIAL|SECRET", line):
        meta.setdefault("classification", re.sub(r"\s+", "", line.split("  ")[0])[:24])


def _set_date(doc: Document, lines: list[str], fallback: date | None, corpus: date | None) -> None:
    meta = doc.metadata

    def metadata_line() -> date | None:
        found = _METADATA_DATE.search(doc.text)
        return parse_date_text(found.group(1)) if found else None

    def us_line() -> date | None:
        found = _CABLE_META_DATE.search(doc.text) if "date:" in doc.text else None
        return _us_date(found) if found else None

    candidates = (  # in order of trust, each read only when those before it give nothing
        (lambda: meta["datetime"].date() if meta.get("datetime") else None, "date-time group"),
        (metadata_line, "metadata date line"),
        (us_line, "metadata date line"),
        (lambda: corpus, "corpus field"),
        (lambda: find_date_line(lines), "date line"),
        (lambda: _decl_origin(doc.text) if doc.kind == "cable" else None, "DECL minus 10 years (E.O. 12958)"),
        (lambda: _file_name_date(doc.path), "file name"),
        (lambda: fallback, "--date"),
    )
    for read, source in candidates:
        value = read()
        if value and not FIRST_DAY <= value <= LAST_DAY:
            doc.warnings.append(f"{doc.path or doc.id}: {value.isoformat()} ({source}) is outside the years "
                                f"{FIRST_DAY.year} to {LAST_DAY.year} that documents are dated in: not used")
        elif value:
            doc.date, doc.date_source = value, source
            return
    named = _FILE_DATE.search(os.path.basename(doc.path)) if doc.path else None
    if named:  # "lima-2008-11-tacna.txt": no day, but the year of the days told without one
        doc.metadata["year"] = int(named["year"])


#: A date in a report's file name ("lima-2008-11-04-protests.txt", "2008-11-tacna.md").
_FILE_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?(?!\d)")


def _file_name_date(path: str) -> date | None:
    """The day a report's file name gives, when it gives one ("lima-2008-11-04-protests.txt")."""
    m = _FILE_DATE.search(os.path.basename(path)) if path else None
    if not (m and m["day"]):
        return None
    try:
        return date(int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return None


def _us_date(m: re.Match) -> date | None:
    try:
        return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
