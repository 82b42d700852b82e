"""The place resolver's feature weights in one table, fitted by ``benchmarks/fit_place_weights.py``."""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager
from dataclasses import dataclass

from geo.tuning import swapped

__all__ = ["PlaceWeights", "TABLE", "using", "HOW_PENALTY"]

#: What an alias's making costs, by how it was made: a fuzzy or respelt match is less likely meant.
HOW_PENALTY = {"fuzzy": 0.8, "spelling_variant": 0.6, "first_word": 0.5, "surname": 0.5, "short_form": 0.3,
               "capital_of": 0.3, "spacing": 0.2, "inei_2007": 0.1}


@dataclass(frozen=True, slots=True)
class PlaceWeights:
    """The weight of each named feature of a candidate place (see geo/scoring.py)."""

    #: Per power of ten of a town's or district's population.
    population: float = 0.25
    #: A town whose INEI record says urban.
    urban: float = 0.3
    #: The candidate's department is that of other sure places of the document.
    department_named: float = 1.5
    #: Per other sure place in that department (up to five).
    department_mentions: float = 0.2
    #: A town's or district's province is that of other sure places of the document.
    province_named: float = 2.0
    #: A town or district inside a zone the document names (the VRAEM).
    zone_member: float = 2.0
    #: Each piece of support after the strongest.
    extra_support: float = 0.3
    #: The candidate's department is that of a sure place in the same paragraph.
    same_passage: float = 2.0
    #: A town or district near another place of the document.
    near_place: float = 0.8
    #: How near is near, in km.
    near_km: float = 60.0
    #: The candidate lies in the unit written in apposition ("Tambo, Ayacucho").
    qualified: float = 4.0
    #: The candidate's kind is the one the cue word announces ("provincia de").
    cue_compatible: float = 1.0


#: The table the resolver reads at call time; its values cross-validated in notes/places-log.md.
TABLE = PlaceWeights()


def using(**changes) -> AbstractContextManager[PlaceWeights]:
    """Run with some weights changed (for fitting and tests), restoring the table afterwards."""
    return swapped(sys.modules[__name__], **changes)
