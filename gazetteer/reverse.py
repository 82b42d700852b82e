"""Reverse lookup: which district contains a point, for one point or a vectorised batch."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import shapely

from gazetteer.errors import CoordinateError

if TYPE_CHECKING:
    from gazetteer.place import Place

__all__ = ["DistrictIndex", "Locality", "PERU_BOUNDS", "check_coordinates"]

#: Peru's bounding box (min lon, min lat, max lon, max lat), from the boundary data, rounded out.
PERU_BOUNDS = (-81.4, -18.4, -68.6, 0.0)


class Locality(NamedTuple):
    """The district, province and department containing a point."""

    district: Place
    province: Place
    department: Place


def _in_bounds(lat: float, lon: float) -> bool:
    x0, y0, x1, y1 = PERU_BOUNDS
    return x0 <= lon <= x1 and y0 <= lat <= y1


def check_coordinates(lats: Sequence[float], lons: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """Validate latitudes and longitudes as finite numbers in range; return them as arrays."""
    try:
        lat = np.asarray(lats, dtype=float).ravel()
        lon = np.asarray(lons, dtype=float).ravel()
    except (TypeError, ValueError) as exc:
        raise CoordinateError(f"latitude and longitude must be numbers: {exc}") from None
    if lat.shape != lon.shape:
        raise CoordinateError(f"{lat.size} latitudes but {lon.size} longitudes")
    bad = ~(np.isfinite(lat) & np.isfinite(lon))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise CoordinateError(f"point {i} is not a finite latitude/longitude: ({lat[i]}, {lon[i]})")
    out = (np.abs(lat) > 90) | (np.abs(lon) > 180)
    if out.any():
        i = int(np.flatnonzero(out)[0])
        hint = " (latitude and longitude swapped?)" if _in_bounds(lon[i], lat[i]) else ""
        raise CoordinateError(f"point {i} is out of range: lat {lat[i]}, lon {lon[i]}{hint}")
    return lat, lon


class DistrictIndex:
    """An STR-tree over district polygons answering point-in-district queries in bulk."""

    def __init__(self, ids: Sequence[str], geometries: Sequence[object]):
        self.ids = np.asarray(ids, dtype=object)
        geoms = np.asarray(geometries, dtype=object)
        shapely.prepare(geoms)
        self.tree = shapely.STRtree(geoms)

    def district_ids(self, lats: Sequence[float], lons: Sequence[float]) -> np.ndarray:
        """District id for each point, None where no district contains it."""
        lat, lon = check_coordinates(lats, lons)
        out = np.full(lat.size, None, dtype=object)
        if not lat.size:
            return out
        pts = shapely.points(lon, lat)
        inside, hit = self.tree.query(pts, predicate="intersects")
        # A point on a shared edge is in two districts: keep the one listed first.
        order = np.lexsort((hit, inside))
        inside, hit = inside[order], hit[order]
        first = np.r_[True, inside[1:] != inside[:-1]] if inside.size else inside.astype(bool)
        out[inside[first]] = self.ids[hit[first]]
        if lat.size == 1 and out[0] is None and _in_bounds(lon[0], lat[0]) and not _in_bounds(lat[0], lon[0]):
            warnings.warn(f"({lat[0]}, {lon[0]}) is outside Peru but ({lon[0]}, {lat[0]}) is inside: "
                          "latitude and longitude swapped?", stacklevel=3)
        return out
