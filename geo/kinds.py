"""What each kind of gazetteer place is to the resolver: one registry of place kinds."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PlaceKind", "KINDS", "kind", "CUE_KINDS", "STRONG_KINDS", "ADMIN_KINDS"]


@dataclass(frozen=True, slots=True)
class PlaceKind:
    """A kind of place and what follows from it.

    Attributes
    ----------
    name : the gazetteer's kind ("district").
    where_prec : UCDP where_prec: 1 exact place, 2 near a place, 3 district or province,
        4 department, 5 part of the country (zone, river, area), 6 country.
    prior : how likely a name of this kind is meant, before the document says anything.
    specificity : how fine the place is (lower is finer): the finer of two tellings wins.
    admin_level : 0 department, 1 region, 2 province, 3 district; None for other kinds.
    strong : a place in its own right whatever its size (no person's name hides it).
    certain_context : a sure place of this kind tells the resolver where the document is.
    """

    name: str
    where_prec: int
    prior: float
    specificity: int
    admin_level: int | None = None
    strong: bool = True
    certain_context: bool = True

    @property
    def geo_precision(self) -> int:
        """ACLED geo_precision (1 town, 2 near or part of a district, 3 larger region)."""
        return 1 if self.where_prec <= 1 else 2 if self.where_prec <= 3 else 3


#: Every kind in the gazetteer.
KINDS: dict[str, PlaceKind] = {k.name: k for k in (
    PlaceKind("country", 6, 4.0, 6, certain_context=False),
    PlaceKind("department", 4, 3.0, 4, admin_level=0),
    PlaceKind("region", 4, 1.0, 4, admin_level=1),
    PlaceKind("province", 3, 2.4, 2, admin_level=2),
    PlaceKind("district", 3, 1.1, 1, admin_level=3),
    PlaceKind("populated_place", 1, 1.0, 0, strong=False),
    PlaceKind("zone", 5, 3.5, 3),
    PlaceKind("zone_variant", 5, -1.0, 5, strong=False),
    PlaceKind("river", 5, 0.8, 3, certain_context=False),
    PlaceKind("lake", 5, 2.0, 4, certain_context=False),
    PlaceKind("mountain", 2, 2.0, 1, certain_context=False),
    PlaceKind("natural_region", 5, 2.0, 5, certain_context=False),
)}
_UNKNOWN = PlaceKind("unknown", 3, 1.0, 5, strong=False, certain_context=False)


def kind(name: str) -> PlaceKind:
    """The registry entry of a kind name (an unknown kind reads as a district-sized area)."""
    return KINDS.get(name, _UNKNOWN)


#: Kinds that are places in their own right whatever their size; others are "weak".
STRONG_KINDS = frozenset(k.name for k in KINDS.values() if k.strong)
#: Administrative units, by level.
ADMIN_KINDS = {k.name: k.admin_level for k in KINDS.values() if k.admin_level is not None}
#: The kinds each cue kind (the kind a cue word announces) admits.
CUE_KINDS = {
    "department": {"department", "region"},
    "province": {"province"},
    "district": {"district"},
    "populated_place": {"populated_place", "district"},
    "village": {"populated_place", "district"},  # a small place: never the city of that name
    "river": {"river"},
    "zone": {"zone", "river"},
}
