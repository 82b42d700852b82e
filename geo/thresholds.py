"""The incident stage's thresholds in one table, fitted by ``benchmarks/fit_thresholds.py``."""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields

from geo.tuning import swapped

__all__ = ["Thresholds", "TABLE", "using"]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How far the incident stage looks; each value a distance in characters, clauses, days or km."""

    #: Characters either side of the incident words of a clause read for its casualty figures.
    casualty_window: int = 120
    #: Clauses before an incident word (in its paragraph) whose dates may still date it.
    date_carries: int = 3
    #: Characters at the start of a clause where "in a separate attack" marks a new incident.
    opening_chars: int = 60
    #: Place names at most this many characters apart are named together ("Pichari, La Mar, Ayacucho").
    together_chars: int = 20
    #: Two tellings place one incident within this distance (or in the same district).
    merge_km: float = 25.0
    #: Two villages nearer than this are one town told twice ("Sisa", "San José de Sisa"); farther, two incidents.
    same_town_km: float = 1.0
    #: A date this many days before the report is background, chosen last for an incident word.
    background_days: int = 400
    #: A date ending at most this many characters before an incident word is written on it ("the 1983 massacre").
    own_date_before: int = 30
    #: A date starting at most this many characters after an incident word is written on it.
    own_date_after: int = 12
    #: Characters before an incident word where "since" makes it a time, not an incident.
    since_chars: int = 24
    #: Characters before a place name where a locative ("in", "en") opens a list of places.
    locative_chars: int = 20
    #: Characters after an incident word where an agent phrase ("by", "por") may start.
    agent_chars: int = 40
    #: Characters between an agent phrase and the actor it names.
    agent_gap: int = 30
    #: Characters at most of a first line read as the report's title.
    title_chars: int = 160

    def names(self) -> list[str]:
        """The names of the thresholds, in table order."""
        return [f.name for f in fields(self)]


#: The table every stage reads at call time; fitted values, cross-validated in notes/accuracy-log.md.
TABLE = Thresholds()


def using(**changes) -> AbstractContextManager[Thresholds]:
    """Run with some thresholds changed (for fitting and tests), restoring the table afterwards."""
    return swapped(sys.modules[__name__], **changes)
