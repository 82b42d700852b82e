"""A cable's title is its subject line, never one of its reference lines; the table's source is that title."""

from __future__ import annotations

import geo
from geo.cable import annotate_structure
from geo.document import Document

SUBJECT_THEN_REFS = """\
UNCLAS SECTION 01 OF 01 LIMA 002217
P 031200Z MAR 09
FM AMEMBASSY LIMA
TO SECSTATE WASHDC PRIORITY 5678
E.O. 12958: N/A
TAGS: PTER, PGOV, PE
SUBJECT: TWO SOLDIERS KILLED NEAR PICHARI
REF: A. LIMA 1980
B. LIMA 2044
C. LIMA 2101

1. (SBU) Two soldiers were killed on March 1 when a patrol was fired on near Pichari, Cusco.
"""

REFS_UNDER_SUBJECT = """\
UNCLAS LIMA 000912
SUBJECT: ROAD BLOCKADE IN PUNO
B. LIMA 0870
C. LIMA 0881

1. (U) Farmers blocked the road from Juliaca to Puno on June 4.
"""

NO_SUBJECT = """\
C O N F I D E N T I A L LIMA 003311
E.O. 12958: DECL: 06/02/2018
REF: A. LIMA 3200
B. LIMA 3255
Classified By: DCM for reasons 1.4 (b,d)
1. (C) On the evening of May 30 armed men burned a municipal truck in Llochegua, in the
VRAE. Nobody was hurt. The mayor asked for more police.
"""


def _title(text: str) -> str | None:
    return annotate_structure(Document(id="c", text=text)).title


def test_subject_followed_by_reference_lines_is_the_title():
    assert _title(SUBJECT_THEN_REFS) == "TWO SOLDIERS KILLED NEAR PICHARI"


def test_reference_lines_right_under_the_subject_are_header_not_title():
    doc = annotate_structure(Document(id="c", text=REFS_UNDER_SUBJECT))
    assert doc.title == "ROAD BLOCKADE IN PUNO"
    ref = doc.text.index("C. LIMA 0881")
    assert doc.in_header(ref, ref + 5)


def test_cable_without_subject_is_titled_by_its_number_not_a_reference():
    assert _title(NO_SUBJECT) == "Cable LIMA 003311"


def test_cable_without_subject_or_number_is_titled_by_its_first_body_line():
    text = NO_SUBJECT.replace("C O N F I D E N T I A L LIMA 003311\n", "")
    assert _title(text) == "1. (C) On the evening of May 30 armed men burned a municipal truck in Llochegua, in the"


def test_table_source_is_the_subject(tmp_path):
    path = tmp_path / "cable-2009-03-pichari.txt"
    path.write_text(SUBJECT_THEN_REFS, encoding="utf-8")
    table = geo.extract([path])
    assert len(table) >= 1
    assert set(table.source) == {"TWO SOLDIERS KILLED NEAR PICHARI"}
    assert "LIMA 1980" not in " ".join(table.source) and set(table.doc_ids) == {"cable-2009-03-pichari"}
