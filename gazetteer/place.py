"""Place: one immutable gazetteer record, with its footprint geometry loaded on demand."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from gazetteer.lookup import Gazetteer

__all__ = ["Place", "KINDS", "AREA_KINDS"]

#: Every kind of place in the gazetteer, from the largest to the smallest.
KINDS = ("country", "department", "region", "province", "district", "zone", "zone_variant",
         "natural_region", "river", "lake", "mountain", "populated_place")
#: Kinds whose footprint is an area (a polygon), not a point or a line.
AREA_KINDS = frozenset({"country", "department", "region", "province", "district", "zone",
                        "zone_variant", "natural_region", "lake"})


@dataclass(frozen=True, slots=True)
class Place:
    """A place in Peru: an admin unit, a populated place, a zone or a natural feature.

    ``lat``/``lon`` is the place's point: the capital town for an admin unit, the town itself
    for a populated place, and a representative point for zones and features.
    ``rep_lat``/``rep_lon`` always lies inside the footprint. ``admin1``/``admin2``/``admin3``
    are the department, province and district names (None above that level).
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    ubigeo: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    parent_id: str | None = None
    population: int | None = None
    area_km2: float | None = None
    rep_lat: float | None = None
    rep_lon: float | None = None
    geonameid: int | None = None
    source: str | None = None
    note: str | None = None
    _gazetteer: Gazetteer | None = field(default=None, repr=False, compare=False, hash=False)

    @property
    def geometry(self) -> BaseGeometry:
        """The footprint (polygon, line or point), read from the package data on first use."""
        if self._gazetteer is None:
            from shapely.geometry import Point

            return Point(self.lon, self.lat)
        return self._gazetteer.geometry(self.id)

    @property
    def admin_chain(self) -> str:
        """The place with its district, province and department, e.g. 'Ocobamba, Chincheros, Apurímac'."""
        parts: list[str] = []
        for part in (self.name, self.admin3, self.admin2, self.admin1):
            if part and (not parts or part != parts[-1]):
                parts.append(part)
        return ", ".join(parts)

    def __reduce__(self):
        # A Place travels between processes as its id, found again in that process's gazetteer.
        if self._gazetteer is None:
            return (Place, tuple(getattr(self, f) for f in self.__dataclass_fields__))
        return (_place_by_id, (self.id, str(self._gazetteer.data_dir)))

    def to_dict(self) -> dict[str, Any]:
        """The record as plain values (no geometry), for JSON and tables."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "_gazetteer"}


def _place_by_id(place_id: str, data_dir: str) -> Place:
    from gazetteer.lookup import Gazetteer

    return Gazetteer.load(data_dir).get(place_id)
