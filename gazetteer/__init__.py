"""The offline Peru gazetteer: departments, provinces, districts, populated places, zones, features."""

from gazetteer.errors import CoordinateError, DataError, GazetteerError, QueryError
from gazetteer.lookup import Gazetteer, Match, Suggestion
from gazetteer.names import fold
from gazetteer.place import AREA_KINDS, KINDS, Place
from gazetteer.reverse import Locality

__all__ = ["Gazetteer", "Place", "Match", "Suggestion", "Locality", "PeruGazetteer", "KINDS",
           "AREA_KINDS", "fold", "GazetteerError", "QueryError", "CoordinateError", "DataError"]


def __getattr__(name: str):
    # geopy is imported only when the geocoder is used.
    if name == "PeruGazetteer":
        from gazetteer.geocoder import PeruGazetteer

        return PeruGazetteer
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
