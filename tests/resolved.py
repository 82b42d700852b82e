"""Test helper: the places a sentence we wrote resolves to, by the text of each mention."""

from __future__ import annotations

from geo.cable import annotate_structure
from geo.document import Document
from geo.pipeline import process


def places(text: str, lang: str) -> dict[str, object]:
    """Each mention's text -> its resolved place (the last mention of a text wins)."""
    doc = annotate_structure(Document(id="t", text=text), language=lang)
    return {r.mention.text: r for r in process(doc).places}
