"""The area each incident names: looked up once per footprint id, or the shape an older table holds."""

from __future__ import annotations

import json
import warnings
from functools import lru_cache

import shapely

from geo.errors import FootprintError
from geo.footprints import footprint_shape
from maps import basedata

__all__ = ["MapAreas", "row_area"]

#: Tolerance (degrees, about 500 m) of the areas drawn on the web map.
_DISPLAY_TOLERANCE = 0.005


def row_area(footprint_id, geom):
    """A row's area at full resolution: the shape its footprint id names, else the one it holds
    (a table written before rows carried ids, or an id this gazetteer does not know: with a warning)."""
    if isinstance(footprint_id, str) and footprint_id:
        try:
            return footprint_shape(footprint_id)
        except FootprintError as exc:
            _warn_once(str(exc))
    return geom if hasattr(geom, "geom_type") else None


@lru_cache(maxsize=None)
def _warn_once(message: str) -> None:
    warnings.warn(f"{message}; drawn from the table's own footprint, if any", stacklevel=4)


@lru_cache(maxsize=1024)
def _display(footprint_id: str) -> dict | None:
    if "|" not in footprint_id:  # a place of the gazetteer: its shape is shipped ready (maps.basedata)
        shipped = basedata.lookup("areas", footprint_id)
        if shipped is not None:
            shape = json.loads(shipped)  # coordinates as shapely maps them: tuples (a list of polygons)
            parts = [_tuples(c) for c in shape["coordinates"]]
            return {"type": shape["type"], "coordinates": parts if shape["type"] == "MultiPolygon" else tuple(parts)}
    return _mapping(row_area(footprint_id, None))


def _tuples(coordinates):
    return tuple(map(_tuples, coordinates)) if isinstance(coordinates[0], list) else tuple(coordinates)


def _mapping(geom) -> dict | None:
    if geom is None or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    simple = shapely.simplify(geom, _DISPLAY_TOLERANCE, preserve_topology=True)
    return shapely.geometry.mapping(shapely.set_precision(simple, 1e-4))


class MapAreas:
    """The areas of one map, each distinct one sent once: ``key`` gives a row's index into ``shapes``."""

    def __init__(self):
        self.shapes: list[dict] = []
        self._by_ref: dict = {}

    def key(self, footprint_id, geom) -> int | None:
        """The index of the row's area (None when it names none), simplified for display."""
        by_id = isinstance(footprint_id, str) and footprint_id
        # An older table holds a copy of the same department in many rows: its bytes are the key.
        ref = footprint_id if by_id else shapely.to_wkb(geom) if hasattr(geom, "geom_type") else None
        if ref not in self._by_ref:
            shape = _display(footprint_id) if by_id else None
            if shape is None and hasattr(geom, "geom_type"):
                shape = _mapping(geom)  # an older table, or an id this gazetteer does not know
            self._by_ref[ref] = None if shape is None else len(self.shapes)
            if shape is not None:
                self.shapes.append(shape)
        return self._by_ref[ref]
