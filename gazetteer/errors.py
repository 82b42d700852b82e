"""Exceptions raised by the gazetteer, under one root."""

from __future__ import annotations

__all__ = ["GazetteerError", "QueryError", "CoordinateError", "DataError"]


class GazetteerError(Exception):
    """Root of every error the gazetteer raises."""


class QueryError(GazetteerError, ValueError):
    """A query that cannot be looked up (not text, empty, or unknown place id)."""


class CoordinateError(QueryError):
    """A latitude/longitude that is not a finite number in range."""


class DataError(GazetteerError):
    """The package data is missing or damaged; rebuild it with ``python -m gazetteer.build``."""
