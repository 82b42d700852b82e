"""The gazetteer's footprints, simplified for display, as GeoJSON (cached per process; the packaged
gazetteer's are shipped ready, :mod:`maps.basedata`)."""

from __future__ import annotations

import json
from functools import lru_cache

import shapely

from gazetteer import Gazetteer
from geo.footprints import without_slivers
from maps import basedata

__all__ = ["admin_shapes", "water_shapes", "zone_shape"]


def _display(geoms, tolerance: float, grid: float):
    return shapely.set_precision(shapely.simplify(geoms, tolerance, preserve_topology=True), grid)


@lru_cache(maxsize=8)
def _admin_json(kind: str, tolerance: float, grid: float) -> str:
    shipped = basedata.lookup("admin", basedata.admin_key(kind, tolerance, grid))
    return shipped if shipped is not None else _admin_json_of(kind, tolerance, grid)


def _admin_json_of(kind: str, tolerance: float, grid: float) -> str:
    shapes = Gazetteer.load().shapes([kind])[["id", "name", "admin1", "geometry"]]
    shapes["geometry"] = _display(shapes.geometry.values, tolerance, grid)
    return shapes.to_json(drop_id=True)


def admin_shapes(kind: str, *, tolerance: float = 0.01, grid: float = 1e-4) -> dict:
    """Departments or provinces as a FeatureCollection with ``name`` and ``admin1`` properties.

    ``tolerance`` (degrees) simplifies the outlines; ``grid`` rounds their coordinates.
    """
    return json.loads(_admin_json(kind, tolerance, grid))


@lru_cache(maxsize=2)
def _water_json(tolerance: float) -> str:
    shipped = basedata.lookup("water", repr(tolerance))
    return shipped if shipped is not None else _water_json_of(tolerance)


def _water_json_of(tolerance: float) -> str:
    gaz = Gazetteer.load()
    features = []
    for place in gaz.of_kind("river", "lake"):
        geom = place.geometry
        if geom.geom_type not in ("LineString", "MultiLineString", "Polygon", "MultiPolygon"):
            continue  # a river known only by a point is named, not drawn
        if geom.geom_type == "MultiLineString":
            geom = shapely.line_merge(geom)  # stored as many short pieces: one line per stretch
        features.append({"type": "Feature", "properties": {"name": place.name, "kind": place.kind},
                         "geometry": shapely.geometry.mapping(_display(geom, tolerance, 1e-3))})
    return json.dumps({"type": "FeatureCollection", "features": features})


def water_shapes(*, tolerance: float = 0.01) -> dict:
    """The packaged rivers (lines) and Lake Titicaca (a polygon) as a FeatureCollection."""
    return json.loads(_water_json(tolerance))


def zone_shape(zone_id: str, *, tolerance: float = 0.005) -> dict:
    """A zone's dissolved polygon as a Feature whose ``name`` says what the zone is."""
    shipped = basedata.lookup("zones", basedata.zone_key(zone_id, tolerance))
    return json.loads(shipped) if shipped is not None else _zone_shape_of(zone_id, tolerance)


def _zone_shape_of(zone_id: str, tolerance: float) -> dict:
    zone = Gazetteer.load().get(zone_id)
    return {"type": "Feature", "properties": {"name": f"{zone.name}: {zone.note}"},
            "geometry": shapely.geometry.mapping(_display(without_slivers(zone.geometry), tolerance, 1e-3))}

