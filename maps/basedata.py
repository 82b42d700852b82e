"""The packaged gazetteer as the map draws it, computed once and shipped: ``maps/basedata.json.gz``.

Every map draws the same base (departments, provinces, rivers, the VRAEM, place names) and most of
its areas are gazetteer places simplified for display. Computing them (reading the gazetteer,
simplifying and rounding some 2,000 outlines) took about 1.5 s of each ``incidents map``; the file
holds the results, exactly as :mod:`maps.shapes`, :mod:`maps.labels` and :mod:`maps.areas` compute
them, for the package's own gazetteer. It is used only while the gazetteer files it was computed
from are byte for byte the packaged ones (their digest is in the file): a rebuilt gazetteer is
drawn from its own data, as before, only slower. Regenerate it after changing the gazetteer data or
how the map simplifies shapes: ``python -m maps.basedata`` (a test says when it is out of date).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from functools import lru_cache
from pathlib import Path

__all__ = ["shipped", "build", "write", "fingerprint", "ADMIN", "WATER", "ZONES", "PATH"]

PATH = Path(__file__).with_name("basedata.json.gz")
#: The gazetteer files the shipped drawing is made of (places: names, kinds, populations; the rest: shapes).
_SOURCES = ("places.parquet", "boundaries.parquet", "natural.parquet", "zones.json")
#: The base-map outlines shipped: (kind, tolerance, grid) as maps.shapes.admin_shapes is called for them.
ADMIN = (("department", 0.01, 1e-3), ("province", 0.02, 1e-3), ("department", 0.02, 1e-3))
#: Rivers and lakes at these tolerances (maps.shapes.water_shapes).
WATER = (0.01,)
#: Zones at these tolerances (maps.shapes.zone_shape).
ZONES = (("zone:vraem", 0.005),)
#: Area kinds whose display shape (maps.areas) is shipped: every place with an outline.
_AREA_KINDS = ("country", "department", "province", "district", "region", "zone", "zone_variant",
               "natural_region", "lake")


def admin_key(kind: str, tolerance: float, grid: float) -> str:
    return f"{kind} {tolerance!r} {grid!r}"


def zone_key(zone_id: str, tolerance: float) -> str:
    return f"{zone_id} {tolerance!r}"


def fingerprint(data_dir: str | Path | None = None) -> str:
    """The digest of the gazetteer files the drawing is made of (the packaged ones by default)."""
    from gazetteer.lookup import _data_dir

    folder = Path(data_dir) if data_dir else _data_dir()
    digest = hashlib.sha256()
    for name in _SOURCES:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def shipped() -> dict | None:
    """The shipped drawing (``admin``, ``water``, ``zones``, ``labels``, ``areas``: each a dict by key), or None when the
    packaged gazetteer is not the one it was computed from (or the file is missing)."""
    try:
        with gzip.open(PATH, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        current = fingerprint()
    except (OSError, ValueError):
        return None
    return data if data.get("fingerprint") == current else None


def lookup(section: str, key: str):
    """One shipped entry, or None (not shipped, or the drawing is out of date)."""
    data = shipped()
    return None if data is None else data[section].get(key)


def build() -> dict:
    """The drawing of the packaged gazetteer, computed as the map computes it without this file."""
    from gazetteer import Gazetteer
    from maps.areas import _mapping
    from maps.labels import _place_labels
    from maps.shapes import _admin_json_of, _water_json_of, _zone_shape_of

    gaz = Gazetteer.load()
    areas = {}
    for place in gaz.of_kind(*_AREA_KINDS):
        shape = _mapping(gaz.geometry(place.id))
        if shape is not None:
            areas[place.id] = json.dumps(shape, separators=(",", ":"))
    return {"fingerprint": fingerprint(),
            "admin": {admin_key(*a): _admin_json_of(*a) for a in ADMIN},
            "water": {repr(t): _water_json_of(t) for t in WATER},
            "zones": {zone_key(*z): json.dumps(_zone_shape_of(*z)) for z in ZONES},
            "labels": {"all": list(_place_labels())},
            "areas": areas}


def write(path: str | Path = PATH) -> Path:
    """Compute the drawing and write it (gzipped JSON, reproducible: no time stamp in it)."""
    data = json.dumps(build(), separators=(",", ":"), sort_keys=True).encode("utf-8")
    target = Path(path)
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(data)
    shipped.cache_clear()
    return target


if __name__ == "__main__":
    print(f"wrote {write()}")
