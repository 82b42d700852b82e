"""A DocumentResult as bytes and back, for the result cache: pickle read back through an allowlist.

Pickle round-trips a result exactly: the places it names (as their gazetteer ids), the mentions
an incident shares with the document's list of places, the relative locations that point back
at their mentions, and the footprints (as WKB). It is read back by an unpickler that resolves
only the classes a result is made of, so an entry that someone else wrote can construct nothing
else (no ``os.system``): it fails to load, and the cache ignores it and computes the result again.
A place is found again by its id in the gazetteer of the run, never by the folder named in the entry.
"""

from __future__ import annotations

import datetime
import io
import pickle
from collections.abc import Callable

import shapely.io

from gazetteer.place import Place
from geo.document import Document
from geo.incident import Incident
from geo.mentions import Mention
from geo.result import DocumentResult
from geo.relative import RelativeLocation
from geo.resolve import _restore

__all__ = ["dumps", "loads"]

_ALLOWED = {
    ("geo.result", "DocumentResult"): DocumentResult, ("geo.document", "Document"): Document,
    ("geo.mentions", "Mention"): Mention, ("geo.resolve", "_restore"): _restore,
    ("geo.relative", "RelativeLocation"): RelativeLocation, ("geo.incident", "Incident"): Incident,
    ("gazetteer.place", "Place"): Place, ("shapely.io", "from_wkb"): shapely.io.from_wkb,
    ("datetime", "date"): datetime.date, ("datetime", "datetime"): datetime.datetime,
    ("datetime", "timedelta"): datetime.timedelta, ("datetime", "timezone"): datetime.timezone,
}


def dumps(result: DocumentResult) -> bytes:
    """The result as pickle bytes (protocol 5)."""
    return pickle.dumps(result, protocol=5)


def loads(data: bytes, place: Callable[[str], Place]) -> DocumentResult:
    """The result ``data`` holds, its places found by ``place`` (the run's gazetteer's, by id).

    pickle.UnpicklingError when the bytes name anything but the parts of a result; any other
    exception when they are not a pickle, or not a result.
    """
    result = _Unpickler(io.BytesIO(data), place).load()
    if not isinstance(result, DocumentResult):
        raise pickle.UnpicklingError(f"a {type(result).__name__}, not a DocumentResult")
    return result


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, place: Callable[[str], Place]):
        super().__init__(file)
        self._by_id = place

    def find_class(self, module: str, name: str):
        if (module, name) == ("gazetteer.place", "_place_by_id"):
            return self._place
        try:
            return _ALLOWED[module, name]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a result") from None

    def _place(self, place_id: str, data_dir: str) -> Place:
        return self._by_id(place_id)
