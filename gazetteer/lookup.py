"""The Gazetteer: load the package data and look places up by name, id, hierarchy and point."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow.parquet as pq
import shapely

from gazetteer.errors import DataError, QueryError
from gazetteer.names import fold
from gazetteer.place import AREA_KINDS, KINDS, Place
from gazetteer.reverse import DistrictIndex, Locality

__all__ = ["Gazetteer", "Match", "Suggestion"]


#: Longer queries cannot be a place name; they get an empty answer, not a scan.
MAX_QUERY_LENGTH = 300
# Kinds that hang from the country without being part of its admin tree.
_FEATURE_KINDS = frozenset({"zone", "zone_variant", "river", "lake", "mountain", "natural_region"})
_PLACE_COLUMNS = ("id", "name", "kind", "lat", "lon", "ubigeo", "admin1", "admin2", "admin3",
                  "parent", "population", "area_km2", "rep_lat", "rep_lon", "geonameid",
                  "source", "note", "admin_code")


class Match(NamedTuple):
    """A place found under a name, with the alias that matched and how that alias was made."""

    place: Place
    alias: str
    how: str


class Suggestion(NamedTuple):
    """A close spelling of a name with no exact match."""

    name: str
    score: float
    place: Place


def _data_dir() -> Path:
    return Path(str(resources.files("gazetteer") / "data"))


#: Places built from their Arrow row, one by one, before whole columns are converted to Python
#: at once (about 0.15 s, the cost of some 1,600 rows): a short run never pays for the whole table.
ROWS_BEFORE_COLUMNS = 1000


class Gazetteer:
    """Peru's departments, provinces, districts, populated places, zones and natural features.

    Use :meth:`load` rather than the constructor: it reads the package data once per process.
    Geometries are read on first use (:attr:`Place.geometry`, :meth:`locate`).
    """

    _cache: dict[Path, Gazetteer] = {}
    _lock = threading.Lock()

    def __init__(self, data_dir: Path | str | None = None):
        self.data_dir = Path(data_dir) if data_dir else _data_dir()
        try:
            places = _read(self.data_dir / "places.parquet", _PLACE_COLUMNS)
            aliases = _read(self.data_dir / "aliases.parquet", ["place_idx", "how"], dictionary=["how"])
            names = _read(self.data_dir / "names.parquet", ["key", "start"])
        except (OSError, KeyError, ValueError) as exc:
            raise DataError(f"{self.data_dir}: gazetteer package data missing or damaged ({exc}); "
                            "rebuild it with `python -m gazetteer.build`") from exc
        # Columns stay in Arrow until needed: a Place is built from its row on first access.
        self._arrays = {name: places.column(name).combine_chunks() for name in _PLACE_COLUMNS}
        self._columns: dict[str, list] = {}
        self._places: list[Place | None] = [None] * places.num_rows
        self._built = 0
        self._by_id = {pid: i for i, pid in enumerate(self._col("id"))}
        self._alias_place = _ints(aliases.column("place_idx")).tolist()
        how = aliases.column("how").combine_chunks()
        self._alias_how = _ints(how.indices)
        self._how_names = how.dictionary.to_pylist()
        # Aliases are sorted by key, best first within a key; names.parquet gives each key's first row.
        keys = names.column("key").to_pylist()
        starts = _ints(names.column("start"))
        self._key_index = dict(zip(keys, range(len(keys))))
        self._bounds = np.append(starts, len(self._alias_place)).tolist()
        self._geometries: dict[str, object] | None = None
        self._districts: DistrictIndex | None = None

    @classmethod
    def load(cls, data_dir: Path | str | None = None) -> Gazetteer:
        """Return the gazetteer for ``data_dir`` (the package data by default), loading it once."""
        path = Path(data_dir) if data_dir else _data_dir()
        with cls._lock:
            if path not in cls._cache:
                cls._cache[path] = cls(path)
            return cls._cache[path]

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self):
        return (self._place(i) for i in range(len(self._places)))

    def __repr__(self) -> str:
        return f"<Gazetteer of Peru: {len(self):,} places, {len(self._key_index):,} names>"

    # -- records --------------------------------------------------------------------
    def _col(self, name: str) -> list:
        """A whole place column as Python values, converted once."""
        if name not in self._columns:
            self._columns[name] = self._arrays[name].to_pylist()
        return self._columns[name]

    def _place(self, i: int) -> Place:
        p = self._places[i]
        if p is None:
            self._built += 1
            if self._built > ROWS_BEFORE_COLUMNS:
                row = {name: self._col(name)[i] for name in self._arrays}
            else:
                row = {name: arr[i].as_py() for name, arr in self._arrays.items()}
            row["parent_id"] = row.pop("parent")
            del row["admin_code"]
            p = self._places[i] = Place(**row, _gazetteer=self)
        return p

    def get(self, place_id: str) -> Place:
        """The place with this id (e.g. ``"district:030605"``); QueryError if there is none."""
        try:
            return self._place(self._by_id[place_id])
        except (KeyError, TypeError):
            raise QueryError(f"no place with id {place_id!r}; ids look like 'department:12', "
                             "'district:030605', 'zone:vraem' (see lookup())") from None

    def of_kind(self, *kinds: str, min_population: int | None = None) -> list[Place]:
        """Every place of these kinds (with at least ``min_population`` people, when given), in the
        gazetteer's order."""
        wanted = _check_kinds(kinds)
        if min_population is None:
            return [self._place(i) for i, k in enumerate(self._col("kind")) if k in wanted]
        return [self._place(i) for i, (k, n) in enumerate(zip(self._col("kind"), self._col("population")))
                if k in wanted and n is not None and n >= min_population]

    def _as_place(self, place: Place | str) -> Place:
        return place if isinstance(place, Place) else self.get(place)

    # -- names --------------------------------------------------------------------------
    def matches(self, name: str, kinds: Iterable[str] | None = None,
                within: Place | str | None = None) -> list[Match]:
        """Every place known under ``name``, ranked best first, with the alias that matched."""
        key = _query_key(name)
        k = self._key_index.get(key) if key else None
        if k is None:
            return []
        wanted = _check_kinds(kinds)
        inside = self._within_test(within) if within is not None else None
        out = []
        for row in range(self._bounds[k], self._bounds[k + 1]):
            p = self._place(self._alias_place[row])
            if wanted and p.kind not in wanted:
                continue
            if inside and not inside(p):
                continue
            out.append(Match(p, name, self._how_names[self._alias_how[row]]))
        return out

    def lookup(self, name: str, kinds: Iterable[str] | None = None,
               within: Place | str | None = None) -> list[Place]:
        """Places named ``name`` (any case or accents), ranked best first.

        Parameters
        ----------
        name : a place name or alias ("Junín", "JUNIN", "Junin region", "VRAE", "Cuzco").
        kinds : keep only these kinds (see ``gazetteer.KINDS``).
        within : keep only places inside this place (a Place or an id).
        """
        if kinds is not None or within is not None:
            return [m.place for m in self.matches(name, kinds, within)]
        k = self._key_index.get(_query_key(name))
        if k is None:
            return []
        places, build = self._places, self._place
        return [places[i] or build(i) for i in self._alias_place[self._bounds[k]:self._bounds[k + 1]]]

    def has_name(self, key: str) -> bool:
        """Is this folded key a name or alias of some place?"""
        return key in self._key_index

    @cached_property
    def name_priors(self) -> dict[str, np.ndarray]:
        """Per folded key (in :meth:`names` order): ``zipf`` (how common the words are in
        English or Spanish, Zipf × 10), ``foreign_pop`` (largest foreign place of that name) and
        ``cue_only`` (known only as a cue form such as "Junin region")."""
        t = _read(self.data_dir / "names.parquet", ["zipf", "foreign_pop", "cue_only"])
        return {"zipf": _ints(t.column("zipf")), "foreign_pop": _ints(t.column("foreign_pop")),
                "cue_only": np.array(t.column("cue_only").to_pylist(), dtype=bool)}

    def key_id(self, key: str) -> int | None:
        """The position of a folded key in :meth:`names`, or None."""
        return self._key_index.get(key)

    def places_for_key(self, k: int) -> list[tuple[Place, str]]:
        """(place, how) for the key at position ``k``, best first."""
        how, names = self._alias_how, self._how_names
        return [(self._place(self._alias_place[r]), names[how[r]]) for r in range(self._bounds[k], self._bounds[k + 1])]

    def names(self) -> list[str]:
        """Every folded name and alias key, in sorted order."""
        return list(self._key_index)

    def aliases(self, place: Place | str) -> list[tuple[str, str]]:
        """The aliases of a place as (alias, how), official name first."""
        p = self._as_place(place)
        idx = self._by_id[p.id]
        t = _read(self.data_dir / "aliases.parquet", ["place_idx", "alias", "how"])
        mine = np.flatnonzero(t.column("place_idx").to_numpy() == idx)
        t = t.take(mine)
        rows = list(zip(t.column("alias").to_pylist(), t.column("how").to_pylist()))
        return sorted(rows, key=lambda r: (r[1] != "official", r[1], r[0]))

    def suggest(self, name: str, limit: int = 5, kinds: Iterable[str] | None = None,
                min_score: float = 80.0) -> list[Suggestion]:
        """Close spellings of ``name`` among all names, best first (rapidfuzz ratio ≥ ``min_score``)."""
        from rapidfuzz import fuzz, process

        key = _query_key(name)
        if key is None:
            return []
        wanted = _check_kinds(kinds)
        hits = process.extract(key, self._keys_for_fuzzy, scorer=fuzz.ratio, limit=limit * 4,
                               score_cutoff=min_score)
        out: list[Suggestion] = []
        seen: set[str] = set()
        for alias_key, score, _ in hits:
            for m in self.matches(alias_key, kinds=wanted or None):
                if m.place.id not in seen:
                    seen.add(m.place.id)
                    out.append(Suggestion(m.place.name, round(float(score), 1), m.place))
                    break
        out.sort(key=lambda s: (-s.score, s.place.kind == "populated_place", -(s.place.population or 0)))
        return out[:limit]

    @cached_property
    def _keys_for_fuzzy(self) -> list[str]:
        return list(self._key_index)

    # -- hierarchy ---------------------------------------------------------------------------
    def parents(self, place: Place | str) -> list[Place]:
        """The admin chain above a place, nearest first, ending with the country."""
        p = self._as_place(place)
        out = []
        while p.parent_id:
            p = self.get(p.parent_id)
            out.append(p)
        return out

    def children(self, place: Place | str) -> list[Place]:
        """Places directly below: departments of the country, districts of a zone, and so on."""
        p = self._as_place(place)
        if p.kind in ("zone", "zone_variant"):
            return [self.get(f"district:{u}") for u in self.zone(p)["members"]]
        return [self._place(i) for i in self._children_index.get(p.id, ())]

    @cached_property
    def _children_index(self) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for i, (parent, kind) in enumerate(zip(self._col("parent"), self._col("kind"))):
            if parent and kind not in _FEATURE_KINDS:
                index.setdefault(parent, []).append(i)
        return index

    def zone(self, place: Place | str) -> dict:
        """A zone's record: member district ubigeos, provenance, dated variants."""
        p = self._as_place(place)
        try:
            return self._zones[p.id]
        except KeyError:
            raise QueryError(f"{p.id} is a {p.kind}, not a zone") from None

    @cached_property
    def _zones(self) -> dict[str, dict]:
        return json.loads((self.data_dir / "zones.json").read_text(encoding="utf-8"))

    @cached_property
    def manifest(self) -> dict:
        """Counts, sources, licences and vintage of the package data."""
        return json.loads((self.data_dir / "manifest.json").read_text(encoding="utf-8"))

    def _within_test(self, within: Place | str):
        w = self._as_place(within)
        codes = self._col("admin_code")
        by_id = self._by_id
        if w.kind == "country":
            return lambda p: p.id != w.id
        if w.kind in ("department", "province", "district"):
            prefix = w.ubigeo
            return lambda p: p.id != w.id and (codes[by_id[p.id]] or "").startswith(prefix)
        if w.kind == "region":
            metro = w.id == "region:150100"
            return lambda p: ((codes[by_id[p.id]] or "").startswith("15")
                              and (codes[by_id[p.id]] or "").startswith("1501") == metro
                              and p.kind not in ("department", "region"))
        if w.kind in ("zone", "zone_variant"):
            members = set(self.zone(w)["members"])
            return lambda p: (codes[by_id[p.id]] or "")[:6] in members and len(codes[by_id[p.id]]) >= 6
        import shapely

        footprint = self.geometry(w.id)
        if w.kind not in AREA_KINDS:
            footprint = footprint.buffer(0.05)  # rivers and peaks: about 5 km either side
        shapely.prepare(footprint)
        return lambda p: p.id != w.id and footprint.contains_xy(p.lon, p.lat)

    # -- geometry ------------------------------------------------------------------------------
    def geometry(self, place_id: str):
        """The footprint of a place: polygon for areas, line for rivers, point otherwise."""
        p = self.get(place_id)
        shapes = self._load_geometries()
        shape = shapes.get(p.id)
        if shape is None:
            return shapely.Point(p.lon, p.lat)
        if isinstance(shape, bytes):  # decoded on first use: most runs need a few of the 2,000
            shape = shapes[p.id] = shapely.from_wkb(shape)
        return shape

    def _load_geometries(self) -> dict[str, object]:
        """Every footprint of the package data by place id, as WKB until :meth:`geometry` decodes it."""
        if self._geometries is None:
            self._geometries = _stored_shapes(self.data_dir)
        return self._geometries

    @classmethod
    def outline(cls, place_id: str, data_dir: Path | str | None = None):
        """The outline (polygon or line) stored for a place, read without loading the gazetteer's
        places and names (drawing a saved table needs its areas, not the names); None for a place
        stored as a point, and for an id that names no place (:meth:`geometry` tells them apart)."""
        shapes = _stored_shapes(Path(data_dir) if data_dir else _data_dir())
        shape = shapes.get(place_id)
        if isinstance(shape, bytes):
            shape = shapes[place_id] = shapely.from_wkb(shape)
        return shape

    def shapes(self, kinds: Sequence[str] = ("department",)):
        """A GeoDataFrame of every place of these kinds with its footprint (EPSG:4326)."""
        import geopandas as gpd

        wanted = _check_kinds(kinds)
        rows = self.of_kind(*wanted)
        records = [p.to_dict() for p in rows]
        return gpd.GeoDataFrame(records, geometry=[self.geometry(p.id) for p in rows], crs=4326)

    # -- points -------------------------------------------------------------------------------
    @property
    def _district_index(self) -> DistrictIndex:
        if self._districts is None:
            ids = [pid for pid, k in zip(self._col("id"), self._col("kind")) if k == "district"]
            shapes = self._load_geometries()
            raw = [i for i in ids if isinstance(shapes[i], bytes)]  # decoded at once, not one by one
            shapes.update(zip(raw, shapely.from_wkb([shapes[i] for i in raw])))
            self._districts = DistrictIndex(ids, [shapes[i] for i in ids])
        return self._districts

    def locate(self, lat: float, lon: float) -> Locality | None:
        """The district, province and department containing a point; None outside Peru."""
        found = self._district_index.district_ids([lat], [lon])[0]
        return None if found is None else self._locality(found)

    def locate_many(self, lats: Sequence[float], lons: Sequence[float]) -> list[Locality | None]:
        """:meth:`locate` for many points at once (vectorised)."""
        return [None if d is None else self._locality(d)
                for d in self._district_index.district_ids(lats, lons)]

    def district_ids(self, lats: Sequence[float], lons: Sequence[float]) -> np.ndarray:
        """The id of the district containing each point (None outside Peru), as an array."""
        return self._district_index.district_ids(lats, lons)

    def _locality(self, district_id: str) -> Locality:
        d = self.get(district_id)
        prov = self.get(d.parent_id)
        return Locality(district=d, province=prov, department=self.get(prov.parent_id))


_SHAPE_FILES = ("boundaries.parquet", "natural.parquet")
_SHAPES: dict[tuple, dict[str, object]] = {}
_SHAPES_LOCK = threading.Lock()


def _stored_shapes(folder: Path) -> dict[str, object]:
    """Every footprint stored in ``folder`` by place id (WKB until decoded), read once per process
    (again when the files change) and shared by the gazetteer of that folder and :meth:`Gazetteer.outline`."""
    key = (folder, *((f.stat().st_size, f.stat().st_mtime_ns) if f.exists() else None
                     for f in (folder / name for name in _SHAPE_FILES)))
    with _SHAPES_LOCK:
        if key not in _SHAPES:
            geoms: dict[str, object] = {}
            for name in _SHAPE_FILES:
                table = _read(folder / name, ["id", "geometry"])
                geoms.update(zip(table.column("id").to_pylist(), table.column("geometry").to_pylist()))
            _SHAPES[key] = geoms
        return _SHAPES[key]


def _read(path: Path, columns: Sequence[str], dictionary: Sequence[str] = ()):
    """Read columns of a Parquet file (ParquetFile avoids importing pyarrow.dataset)."""
    return pq.ParquetFile(path, read_dictionary=list(dictionary) or None).read(columns=list(columns))


def _ints(column) -> np.ndarray:
    """A null-free integer Arrow column as a NumPy array, without pyarrow's pandas import."""
    arr = column.combine_chunks() if hasattr(column, "combine_chunks") else column
    dtype = np.dtype(arr.type.to_pandas_dtype())
    return np.frombuffer(arr.buffers()[1], dtype=dtype, count=len(arr), offset=arr.offset * dtype.itemsize)


def _query_key(name) -> str | None:
    if not isinstance(name, str):
        raise QueryError(f"a place name must be text, not {type(name).__name__} ({name!r:.40})")
    if not name.strip():
        raise QueryError("empty place name: give a name such as 'Ayacucho' or 'VRAE'")
    if len(name) > MAX_QUERY_LENGTH:
        return None
    return fold(name) or None


def _check_kinds(kinds: Iterable[str] | None) -> frozenset[str]:
    if kinds is None:
        return frozenset()
    if isinstance(kinds, str):
        kinds = [kinds]
    wanted = frozenset(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise QueryError(f"unknown kind(s) {sorted(unknown)}; kinds are: {', '.join(KINDS)}")
    return wanted

