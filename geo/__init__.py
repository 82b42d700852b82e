"""Documents -> place mentions -> resolved places -> dated incidents, and the table of incidents."""

from geo.document import Document, ReadFailure
from geo.extract import extract, extract_places, run
from geo.incidents import Incident, extract_incidents
from geo.mentions import Mention, find_mentions
from geo.pipeline import DocumentResult, process
from geo.read import Fields, iter_read, read
from geo.resolve import ResolvedMention, resolve

__all__ = ["Document", "ReadFailure", "Mention", "ResolvedMention", "DocumentResult", "Fields",
           "Incident", "read", "iter_read", "find_mentions", "resolve", "extract_incidents", "process", "run",
           "extract", "extract_places", "incidents_table", "write_table"]


def __getattr__(name: str):
    # the table module imports geopandas: only when it is used
    if name in ("incidents_table", "write_table"):
        from geo import table

        return getattr(table, name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
