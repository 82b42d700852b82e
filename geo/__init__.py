"""Documents -> place mentions -> resolved places -> dated incidents, and the table of incidents."""

from geo.document import Document, ReadFailure
from geo.extract import extract, run
from geo.mentions import Mention, find_mentions
from geo.pipeline import DocumentResult, process
from geo.read import Fields, iter_read, read
from geo.resolve import ResolvedMention, resolve

__all__ = ["Document", "ReadFailure", "Mention", "ResolvedMention", "DocumentResult", "Fields",
           "read", "iter_read", "find_mentions", "resolve", "process", "run", "extract"]
