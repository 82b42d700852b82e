"""Documents -> place mentions -> resolved places -> dated incidents, and the table of incidents."""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo.document import Document, ReadFailure
    from geo.extract import extract, extract_places, run
    from geo.incidents import Incident, extract_incidents
    from geo.mentions import Mention, find_mentions
    from geo.pipeline import process
    from geo.read import Fields, iter_read, read
    from geo.resolve import ResolvedMention, resolve
    from geo.result import DocumentResult
    from geo.table import incidents_table, write_table

__all__ = ["Document", "ReadFailure", "Mention", "ResolvedMention", "DocumentResult", "Fields",
           "Incident", "read", "iter_read", "find_mentions", "resolve", "extract_incidents", "process", "run",
           "extract", "extract_places", "incidents_table", "write_table"]

# Each name is imported from its module on first use: a command (or a rerun served from the cache)
# loads only the modules it needs, not the whole pipeline and its gazetteer.
_HOMES = {
    "Document": "geo.document", "ReadFailure": "geo.document", "extract": "geo.extract",
    "extract_places": "geo.extract", "run": "geo.extract", "Incident": "geo.incidents",
    "extract_incidents": "geo.incidents", "Mention": "geo.mentions", "find_mentions": "geo.mentions",
    "DocumentResult": "geo.result", "process": "geo.pipeline", "Fields": "geo.read", "iter_read": "geo.read",
    "read": "geo.read", "ResolvedMention": "geo.resolve", "resolve": "geo.resolve",
    "incidents_table": "geo.table", "write_table": "geo.table",
}


class _Package(types.ModuleType):
    """The geo package, whose names ``read``, ``extract`` and ``resolve`` stay the functions when their
    modules (geo.read, ...) are imported: the import system would otherwise set the module in their place."""

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and _HOMES.get(name) == value.__name__ == f"geo.{name}":
            return  # the function of that name is looked up by __getattr__ below
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str):
    try:
        home = _HOMES[name]
    except KeyError:
        raise AttributeError(f"module 'geo' has no attribute {name!r}") from None
    value = globals()[name] = getattr(importlib.import_module(home), name)
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
