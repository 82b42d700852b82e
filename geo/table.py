"""The table of incidents: a GeoDataFrame with ACLED-compatible columns, and its exports."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import statistics
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import Point

from geo.csvcells import neutralise, restore
from geo.errors import TableError
from geo.footprints import simplified
from geo.geojson import geojson_bytes
from geo.incidents import Incident
from geo.merge import merge_across_documents
from geo.output import atomic_writer
from geo.pipeline import DocumentResult

__all__ = ["incidents_table", "write_table", "read_table", "table_format", "INCIDENT_COLUMNS", "FORMATS",
           "EXPORT_FORMATS", "FOOTPRINTS", "footprint_column"]

#: Columns of the incidents table, in order: ACLED's first, then ours.
INCIDENT_COLUMNS = [
    # ACLED-compatible
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "inter1", "inter2",
    "interaction", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "notes", "source",
    # ours
    "incident_id", "incident_type", "injured", "injured_low", "injured_high", "where_prec", "date_start",
    "date_end", "fatalities_low",
    "fatalities_best", "fatalities_high", "evidence", "doc_ids", "paths", "evidence_spans", "place_id",
    "confidence", "footprint_id", "footprint", "geometry",
]
FORMATS = ("geojson", "gpkg", "parquet", "csv")
#: Formats written for other programs and never read back (Google Earth's); the map package writes them.
EXPORT_FORMATS = ("kml", "kmz")
#: Other names of the formats, as suffixes write them.
_ALIASES = {"json": "geojson", "pq": "parquet"}
#: What a written table holds of each area's footprint besides its ``footprint_id``: the whole
#: shape, one simplified to geo.footprints.FOOTPRINT_TOLERANCE (the default), or nothing.
FOOTPRINTS = ("full", "simplified", "none")


def incidents_table(results: Iterable[DocumentResult], *, merge: bool = True) -> gpd.GeoDataFrame:
    """The incidents of these results as one GeoDataFrame (EPSG:4326), one row per incident.

    With ``merge``, an incident reported by several documents is one row listing every source,
    with ``fatalities`` the lowest reported figure and ``fatalities_low/best/high`` as UCDP keeps them.
    """
    results = list(results)
    titles = {r.document.id: r.document.title or r.document.id for r in results}
    paths = {r.document.id: r.document.path for r in results}
    incidents = [i for r in results for i in r.incidents]
    groups = merge_across_documents(incidents) if merge else [(i, [i]) for i in incidents]
    rows = [_row(inc, members, titles, paths) for inc, members in groups]
    frame = gpd.GeoDataFrame(rows, columns=INCIDENT_COLUMNS, geometry="geometry", crs=4326)
    frame["footprint"] = gpd.GeoSeries(frame["footprint"], crs=4326)
    for col in ("event_date", "date_start", "date_end"):
        frame[col] = pd.to_datetime(frame[col])
    for col in ("time_precision", "inter1", "inter2", "interaction", "fatalities", "injured", "injured_low",
                "injured_high", "where_prec",
                "geo_precision", "fatalities_low", "fatalities_best", "fatalities_high"):
        frame[col] = frame[col].astype("Int64")
    return frame.sort_values(["event_date", "incident_id"], na_position="last", kind="stable").reset_index(drop=True)


def _row(inc: Incident, members: list[Incident], titles: dict, paths: dict) -> dict:
    p = inc.place.place if inc.place else None
    counts = sorted(m.killed for m in members if m.killed is not None)
    hurt = sorted(m.injured for m in members if m.injured is not None)
    doc_ids = sorted({s for m in members for s in m.sources})
    lat = None if not inc.place or inc.place.lat is None else round(inc.place.lat, 5)
    lon = None if not inc.place or inc.place.lon is None else round(inc.place.lon, 5)
    spans = sorted({s for m in members for s in m.evidence_spans})
    return {
        "event_date": inc.event_date, "time_precision": inc.time_precision, "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type, "actor1": inc.actor1, "actor2": inc.actor2,
        "inter1": inc.inter1, "inter2": inc.inter2,
        "interaction": (inc.inter1 or 0) * 10 + (inc.inter2 or 0) if inc.inter1 else None,
        "country": "Peru", "admin1": p.admin1 if p else None, "admin2": p.admin2 if p else None,
        "admin3": p.admin3 if p else None, "location": p.name if p else None, "latitude": lat, "longitude": lon,
        "geo_precision": inc.place.geo_precision if inc.place else 3, "fatalities": counts[0] if counts else None,
        "notes": inc.evidence, "source": "; ".join(titles.get(d, d) for d in doc_ids),
        "incident_id": _incident_id(spans, p.id if p else None), "incident_type": inc.kind, "injured": inc.injured,
        "injured_low": hurt[0] if hurt else None, "injured_high": hurt[-1] if hurt else None,
        "where_prec": inc.place.where_prec if inc.place else 6, "date_start": inc.date_start,
        "date_end": inc.date_end, "fatalities_low": counts[0] if counts else None,
        "fatalities_best": int(statistics.median_low(counts)) if counts else None,
        "fatalities_high": counts[-1] if counts else None, "evidence": inc.evidence,
        "doc_ids": "; ".join(doc_ids), "paths": "; ".join(paths.get(d, "") for d in doc_ids),
        "evidence_spans": "; ".join(f"{d}:{s}-{e}" for d, s, e in spans),
        "place_id": p.id if p else None, "confidence": round(inc.confidence, 3),
        "footprint_id": inc.place.footprint_id if inc.place else None,
        "footprint": inc.place.footprint if inc.place else None,
        "geometry": Point(lon, lat) if lat is not None else None,
    }


def _incident_id(spans: list[tuple[str, int, int]], place_id: str | None) -> str:
    """A stable id: the same evidence and place give the same id on every run (one sentence can
    tell incidents in several places)."""
    return "PE-" + hashlib.sha1(repr((spans, place_id)).encode("utf-8")).hexdigest()[:12]


def table_format(path: str | os.PathLike, fmt: str | None = None) -> str:
    """The format to write ``path`` in: ``fmt`` if given, else its suffix's; "json" is "geojson", "pq" "parquet"."""
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    return _ALIASES.get(fmt, fmt)


def write_table(table: gpd.GeoDataFrame, path: str | os.PathLike, fmt: str | None = None, *,
                footprints: str = "simplified") -> None:
    """Write the incidents table as GeoJSON, GeoPackage, GeoParquet or CSV, atomically.

    Every area-level row names its footprint by ``footprint_id``; ``footprints`` (one of FOOTPRINTS)
    says whether the ``footprint`` column also holds its shape in full, simplified, or not at all.
    GeoJSON, GeoPackage and CSV hold one geometry: the point (the footprint goes as WKT text, in
    the first row naming each footprint id only); GeoJSON and GeoPackage leave ``evidence`` empty
    where it repeats ``notes`` (a CSV, read in spreadsheets, keeps it); :func:`read_table` gives
    every row both again. GeoParquet keeps both the point and the
    footprint, in every row. GeoJSON is written compact (:mod:`geo.geojson`). Columns beyond the
    table's (styles, say) are written too.
    """
    target = Path(path)
    fmt = table_format(target, fmt)
    if fmt not in FORMATS:
        raise ValueError(f"{target}: unknown table format {fmt!r}; use one of {', '.join(FORMATS)}")
    if footprints not in FOOTPRINTS:
        raise ValueError(f"{target}: footprints must be one of {', '.join(FOOTPRINTS)}, not {footprints!r}")
    flat = table.copy()
    flat["footprint"] = footprint_column(table, footprints)
    if fmt == "parquet":  # GeoParquet keeps dates, and both geometries
        with atomic_writer(target, "wb") as fh:
            flat.to_parquet(fh, index=False)
        return
    for col in ("event_date", "date_start", "date_end"):
        flat[col] = flat[col].dt.strftime("%Y-%m-%d")
    flat["footprint"] = _once_per_id(flat["footprint_id"], flat["footprint"].to_wkt())
    if fmt == "csv":  # read in spreadsheets, by people: every row keeps its evidence
        frame = neutralise(pd.DataFrame(flat.drop(columns="geometry")))
        with atomic_writer(target) as fh:
            frame.to_csv(fh, index=False, lineterminator="\n")
        return
    flat["evidence"] = flat["evidence"].where(flat["evidence"].ne(flat["notes"]) | flat["notes"].isna(), None)
    if fmt == "geojson":
        with atomic_writer(target, "wb") as fh:
            fh.write(geojson_bytes(flat))
        return
    buffer = io.BytesIO()  # GDAL writes into memory; the file is then written like any other
    flat.to_file(buffer, driver="GPKG", layer="incidents")
    with atomic_writer(target, "wb") as fh:
        fh.write(buffer.getbuffer())


def _once_per_id(ids: pd.Series, wkt: pd.Series) -> pd.Series:
    """The footprints' text, each written in the first row naming its id only (the others read it from there)."""
    named = ids.where(ids.map(lambda v: isinstance(v, str) and v != ""), None)
    repeated = named.notna() & named.duplicated()
    return wkt.where(~repeated, None)


def read_table(path: str | os.PathLike) -> gpd.GeoDataFrame:
    """Read an incidents table written by :func:`write_table` (GeoJSON, GeoPackage, GeoParquet, CSV),
    or a folder of GeoParquet parts written by :func:`geo.dataset.write_dataset`.

    A table written before rows carried ``footprint_id`` reads with that column empty (its
    ``footprint`` column holds the shapes); one written before injured was a range reads with
    ``injured_low`` and ``injured_high`` equal to ``injured``.

    A file that cannot be read as its format says, or lacks the table's columns, is a TableError
    naming the file (and the missing columns).
    """
    target = Path(path)
    fmt = "parquet-dataset" if target.is_dir() else target.suffix.lstrip(".").lower()
    if fmt in EXPORT_FORMATS:
        raise TableError(f"{target}: {fmt.upper()} is an export for Google Earth and is not read back; draw the "
                         f"incidents from a table instead (incidents extract ... -o incidents.geojson, "
                         f".gpkg, .parquet or .csv)")
    if fmt not in ("parquet", "pq", "parquet-dataset", "csv", "geojson", "json", "gpkg"):
        raise TableError(f"{target}: not an incidents table (.geojson, .gpkg, .parquet, .csv, or a folder of "
                         f"GeoParquet parts)")
    try:
        frame = _read_frame(target, fmt)
    except (OSError, ValueError, RuntimeError) as exc:  # pyarrow and pyogrio errors derive from these
        raise TableError(f"{target}: not a readable {fmt} table: {str(exc).splitlines()[0] if str(exc) else exc!r}") \
            from None
    if "footprint_id" not in frame.columns:  # written before footprints were kept by reference
        frame["footprint_id"] = None
    for col in ("injured_low", "injured_high"):  # written before injured was kept as a range
        if col not in frame.columns and "injured" in frame.columns:
            frame[col] = frame["injured"]
    missing = [c for c in INCIDENT_COLUMNS if c not in frame.columns]
    if missing:
        raise TableError(f"{target}: not an incidents table written by this tool; missing columns "
                         f"{', '.join(missing)}")
    if not isinstance(frame["footprint"], gpd.GeoSeries):  # GeoJSON, GeoPackage, CSV: WKT text, once per id
        frame["footprint"] = _shared_footprints(frame["footprint_id"], frame["footprint"])
    # the text formats leave out evidence that repeats the notes
    frame["evidence"] = frame["evidence"].where(frame["evidence"].notna(), frame["notes"])
    for col in ("event_date", "date_start", "date_end"):
        frame[col] = pd.to_datetime(frame[col])
    return frame[INCIDENT_COLUMNS].set_crs(4326, allow_override=True)


def footprint_column(table: gpd.GeoDataFrame, mode: str) -> gpd.GeoSeries:
    """The ``footprint`` column a table written with ``--footprints mode`` holds; each distinct
    footprint is simplified once."""
    if mode == "full":
        return table["footprint"]
    if mode == "none":
        return gpd.GeoSeries([None] * len(table), index=table.index, crs=4326)
    done: dict = {}
    shapes = []
    for fid, geom in zip(table["footprint_id"], table["footprint"]):
        key = fid if isinstance(fid, str) else id(geom)
        if geom is not None and key not in done:
            done[key] = simplified(geom)
        shapes.append(None if geom is None else done[key])
    return gpd.GeoSeries(shapes, index=table.index, crs=4326)


def _shared_footprints(ids: pd.Series, wkt: pd.Series) -> gpd.GeoSeries:
    """Every row's footprint: its own text, else the one written for its id in an earlier row; each read once."""
    by_id: dict = {}
    shapes = []
    for fid, text in zip(ids, wkt):
        named = isinstance(fid, str) and fid != ""
        if isinstance(text, str) and text:
            if not (named and fid in by_id):
                shape = shapely.from_wkt(text)
                if named:
                    by_id[fid] = shape
            shapes.append(by_id[fid] if named else shape)
        else:
            shapes.append(by_id.get(fid) if named else None)
    return gpd.GeoSeries(shapes, index=ids.index, crs=4326)


def _read_frame(target: Path, fmt: str) -> gpd.GeoDataFrame:
    if fmt in ("parquet", "pq", "parquet-dataset"):
        return gpd.read_parquet(target)
    if fmt == "csv":
        with open(target, encoding="utf-8-sig", errors="replace", newline="") as fh:
            header = next(csv.reader([fh.readline(2**16)]), [])
        if not set(INCIDENT_COLUMNS) - {"geometry"} <= set(header):
            return pd.DataFrame(columns=header)  # a corpus of reports, say: the columns tell what is missing
        raw = restore(pd.read_csv(target))
        points = gpd.points_from_xy(pd.to_numeric(raw.longitude, errors="coerce"),
                                    pd.to_numeric(raw.latitude, errors="coerce"))
        return gpd.GeoDataFrame(raw, geometry=points, crs=4326)
    return gpd.read_file(target, use_arrow=True)  # through Arrow: twice as fast as feature by feature
