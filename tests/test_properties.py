"""Property-based tests: readers and the mention finder never fail and keep their promises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer
from geo.cable import annotate_structure
from geo.document import Document, ReadFailure
from geo.errors import Unreadable
from geo.mentions import MentionFinder
from geo.read import decode, iter_read

NAMES = ["Ayacucho", "Huanta", "VRAE", "Ocobamba", "Lima", "Cusco", "Junín", "San Martín", "Río Ene", "Pichari"]
noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
texts = st.lists(st.one_of(st.sampled_from(NAMES), noise, st.sampled_from([" ", "\n", ", ", ". ", "-", "\u200b"])),
                 max_size=30).map("".join)


@given(st.binary(max_size=2000))
def test_decode_gives_text_or_a_reason(data):
    try:
        text, notes = decode(data, "x")
    except Unreadable as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and all(isinstance(n, str) for n in notes)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".jsonl", ".csv"]))
def test_any_file_is_read_or_refused_with_a_reason(tmp_path, data, suffix):
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    for item in iter_read(path):
        assert isinstance(item, (Document, ReadFailure))
        if isinstance(item, ReadFailure):
            assert item.error and str(path) in item.path


@settings(max_examples=150)
@given(texts)
def test_mentions_point_at_their_text_and_never_overlap(text):
    finder = MentionFinder.for_gazetteer(Gazetteer.load())
    doc = annotate_structure(Document(id="p", text=text))
    mentions = finder.find(doc)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
