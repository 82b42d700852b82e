"""Footprints by reference: the id naming the area an incident means, and the shape it stands for.

A footprint id is a gazetteer place id (``department:05``), followed by the steps that narrowed
it, each after a ``|``: ``rel:LAT,LON,KM,BEARING`` (the part ``KM`` from the anchor point at that
bearing, "about 200 km east of Lima"; no bearing for a ring) and ``part:LABEL`` (the part a
direction word names, "northern Ayacucho"). The same steps make the shape in the pipeline and
again from the id, so a table can carry the id alone.
"""

from __future__ import annotations

from functools import lru_cache

import shapely

from geo.errors import FootprintError
from geo.identity import by_identity
from geo.relative import RelativeLocation, direction_part, relative_area

__all__ = ["relative_step", "part_step", "narrowed", "inner_point", "footprint_shape", "simplified", "without_slivers",
           "FOOTPRINT_TOLERANCE"]

#: Tolerance (degrees, about 2 km) of the footprints a table holds by default (``--footprints simplified``).
#: A department keeps its outline and its neighbours still meet: measured on the 25 departments,
#: the median goes from 755 vertices (15.0 kB of WKT) to 103 (1.8 kB), the largest from 2,459 to
#: 414; at 0.05 (40 vertices, 0.8 kB) neighbouring outlines part and valleys are cut across.
FOOTPRINT_TOLERANCE = 0.02
#: Holes under this many square degrees (about 120 km²) are the slivers a dissolved district list leaves.
_SLIVER = 0.01
_HELP = ("footprint ids are a gazetteer place id ('department:05'), maybe followed by "
         "'|rel:LAT,LON,KM,BEARING' or '|part:northern' steps")


def relative_step(rel: RelativeLocation) -> str | None:
    """The step for the area a relative location names, or None when its anchor has no point."""
    if rel.anchor.lat is None:
        return None
    bearing = "" if rel.bearing is None else repr(float(rel.bearing))
    return f"rel:{float(rel.anchor.lat)!r},{float(rel.anchor.lon)!r},{float(rel.distance_km)!r},{bearing}"


def part_step(label: str) -> str:
    """The step for the part of an area a direction label names ("northern")."""
    return f"part:{label}"


@by_identity(2048)  # the same area is narrowed the same way from report to report ("northern Ayacucho")
def narrowed(geom, step: str):
    """``geom`` narrowed by one step (see the module's docstring), worked out once per shape and step."""
    what, _, args = step.partition(":")
    if what == "part":
        return direction_part(geom, args)
    if what == "rel":
        try:
            lat, lon, km, bearing = args.split(",")
            area = relative_area(float(lat), float(lon), float(km), float(bearing) if bearing else None)
        except ValueError:
            raise FootprintError(f"{step!r} is not a relative step (rel:LAT,LON,KM,BEARING)") from None
        return geom.intersection(area)
    raise FootprintError(f"unknown footprint step {step!r}; {_HELP}")


@by_identity(2048)
def inner_point(geom) -> tuple[float, float]:
    """(lat, lon) of a point inside ``geom`` (its representative point), worked out once per shape."""
    point = geom.representative_point()
    return point.y, point.x


@lru_cache(maxsize=1024)
def footprint_shape(footprint_id: str, data_dir: str | None = None):
    """The full-resolution shape a footprint id stands for, from the packaged gazetteer (or the one in
    ``data_dir``); FootprintError when the id names no place or a step cannot be read."""
    from gazetteer import Gazetteer, QueryError

    place_id, *steps = footprint_id.split("|")
    geom = Gazetteer.outline(place_id, data_dir)  # an area's outline, without loading the whole gazetteer
    if geom is None:
        try:
            geom = Gazetteer.load(data_dir).geometry(place_id)
        except QueryError:
            raise FootprintError(f"footprint id {footprint_id!r} names no place of this gazetteer; {_HELP}") \
                from None
    for step in steps:
        geom = narrowed(geom, step)
    return geom


def simplified(geom, tolerance: float = FOOTPRINT_TOLERANCE):
    """A footprint for a table or a page: slivers dropped, simplified to ``tolerance`` degrees and
    its coordinates rounded to 1e-4 degrees (about 11 m)."""
    return shapely.set_precision(shapely.simplify(without_slivers(geom), tolerance, preserve_topology=True), 1e-4)


def without_slivers(geom):
    """An area without the hair-thin gaps a dissolved district list leaves (holes under about 120 km²);
    a line or a point as it is."""
    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        return geom
    parts = []
    for part in shapely.get_parts(geom):
        holes = [ring for ring in part.interiors if shapely.Polygon(ring).area >= _SLIVER]
        parts.append(shapely.Polygon(part.exterior, holes))
    return shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
