"""PeruGazetteer: a geopy Geocoder answering from the offline gazetteer, with no network."""

from __future__ import annotations

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer.errors import QueryError
from gazetteer.lookup import Gazetteer
from gazetteer.place import Place

__all__ = ["PeruGazetteer"]


def _location(place: Place) -> Location:
    raw = place.to_dict()
    raw["address"] = address = f"{place.admin_chain}, Perú" if place.kind != "country" else place.name
    return Location(address, (place.lat, place.lon), raw)


class PeruGazetteer(Geocoder):
    """Offline geocoder for Peru with geopy's interface: ``geocode`` and ``reverse``.

    Needs no arguments, so it works where geopy or geopandas expect a geocoder class
    (``geopandas.tools.geocode(names, provider=PeruGazetteer)``) and under geopy's
    ``RateLimiter``. Each ``Location.raw`` holds the gazetteer record: id, kind, ubigeo and
    the admin chain (admin1 department, admin2 province, admin3 district).

    Parameters
    ----------
    kinds : only return places of these kinds (e.g. ``["district", "populated_place"]``).
    gazetteer : the Gazetteer to answer from (the package data by default).
    **kwargs : accepted for compatibility with geopy's Geocoder; nothing is sent anywhere.
    """

    def __init__(self, *, kinds=None, gazetteer: Gazetteer | None = None, **kwargs):
        super().__init__(**kwargs)
        self.kinds = kinds
        self.gazetteer = gazetteer or Gazetteer.load()

    def geocode(self, query, *, exactly_one: bool = True, kinds=None, within=None, limit=None):
        """Places named ``query``, best first: one ``Location``, a list, or None when unknown.

        ``query`` is a name, or a dict of geopy structured-query fields (``city``, ``county``,
        ``state``) read as place, province and department.
        """
        if isinstance(query, dict):
            query, within = self._structured(query, within)
        places = self.gazetteer.lookup(query, kinds=kinds or self.kinds, within=within)
        if not places:
            return None
        if exactly_one:
            return _location(places[0])
        return [_location(p) for p in (places[:limit] if limit else places)]

    def _structured(self, query: dict, within):
        name = query.get("city") or query.get("county") or query.get("state") or query.get("query")
        for field, kind in (("county", "province"), ("state", "department")):
            if query.get(field) and query[field] != name and within is None:
                found = self.gazetteer.lookup(query[field], kinds=[kind])
                if found:
                    within = found[0]
        if not name:
            raise QueryError(f"structured query {query!r} names no place (use city, county or state)")
        return name, within

    def reverse(self, query, *, exactly_one: bool = True):
        """The district containing a point (``"lat, lon"``, a tuple or a geopy Point).

        With ``exactly_one=False`` the district, its province and its department.
        None outside Peru.
        """
        try:
            point = Point(query)
        except (TypeError, ValueError) as exc:
            raise QueryError(f"not a point: {query!r} ({exc})") from None
        found = self.gazetteer.locate(point.latitude, point.longitude)
        if found is None:
            return None
        if exactly_one:
            return _location(found.district)
        return [_location(p) for p in found]
