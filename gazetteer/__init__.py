"""The offline Peru gazetteer: departments, provinces, districts, populated places, zones, features."""

from typing import TYPE_CHECKING

from gazetteer.errors import CoordinateError, DataError, GazetteerError, QueryError
from gazetteer.names import fold
from gazetteer.place import AREA_KINDS, KINDS, Place

if TYPE_CHECKING:
    from gazetteer.geocoder import PeruGazetteer
    from gazetteer.lookup import Gazetteer, Match, Suggestion
    from gazetteer.reverse import Locality

__all__ = ["Gazetteer", "Place", "Match", "Suggestion", "Locality", "PeruGazetteer", "KINDS",
           "AREA_KINDS", "fold", "GazetteerError", "QueryError", "CoordinateError", "DataError"]


#: Imported on first use: the lookup tables need pyarrow, numpy and shapely, the geocoder geopy, and a
#: command that never looks a place up (a rerun served from the cache) loads none of them.
_LAZY = {"Gazetteer": "gazetteer.lookup", "Match": "gazetteer.lookup", "Suggestion": "gazetteer.lookup",
         "Locality": "gazetteer.reverse", "PeruGazetteer": "gazetteer.geocoder"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
    import importlib

    value = globals()[name] = getattr(importlib.import_module(_LAZY[name]), name)
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
