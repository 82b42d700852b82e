"""Exceptions raised by the geo package, under one root."""

from __future__ import annotations

__all__ = ["GeoError", "TableError", "UsageError"]


class GeoError(Exception):
    """Root of every error the geo package raises on purpose."""


class TableError(GeoError, ValueError):
    """A file that is not an incidents table written by this tool (unreadable, or missing columns)."""


class UsageError(GeoError, ValueError):
    """Options that cannot be honoured together (an output that is an input, two outputs in one file)."""
