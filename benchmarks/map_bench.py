"""Benchmark the incident map and the saved table: build time, HTML size and time until drawn in
Chromium for synthetic tables, then a 10,000-incident table made from the dev set's incidents,
saved in every format with every ``--footprints`` choice as ``incidents extract -o`` saves it
(GeoJSON with its simplestyle properties): file size, and the map built from it (read, drawn,
written), its size and drawing time (from loading the page to the last marker drawn).

Run ``python benchmarks/map_bench.py [N ...]`` (default 100 1000 10000 synthetic incidents; the
saved tables need ../shared/eval/dev, or INCIDENTS_SHARED). ``--saved-only`` measures the saved
10,000-incident table alone, ``--format geojson`` and ``--footprints simplified`` (each may be
repeated) only those cases of it.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from gazetteer import Gazetteer
from geo.table import INCIDENT_COLUMNS
from maps.style import EVENT_COLOURS


def synthetic(n: int, seed: int = 1) -> gpd.GeoDataFrame:
    """n incidents at random districts over two years; a third of them known only to the department."""
    rng = random.Random(seed)
    gaz = Gazetteer.load()
    districts = gaz.of_kind("district")
    departments = {p.admin1: p for p in gaz.of_kind("department")}
    rows = []
    for i in range(n):
        d = rng.choice(districts)
        area = rng.random() < 0.33
        place = departments[d.admin1] if area else d
        day = pd.Timestamp("2007-01-01") + pd.Timedelta(days=rng.randrange(730))
        killed = rng.choice([None, 0, 1, 2, 4, 7, 15, 30])
        row = dict.fromkeys(INCIDENT_COLUMNS)
        row.update(event_date=day, date_start=day, date_end=day, time_precision=1,
                   event_type=rng.choice(list(EVENT_COLOURS)), sub_event_type="Armed clash", incident_type="clash",
                   actor1="Sendero Luminoso", actor2="Police Forces of Peru", admin1=place.admin1,
                   admin2=place.admin2, admin3=place.admin3, location=place.name, latitude=place.lat,
                   longitude=place.lon, geo_precision=3 if area else 1, where_prec=4 if area else 3,
                   fatalities=killed, injured=rng.choice([None, 1, 3]), incident_id=f"bench-{i}",
                   evidence=f"Gunmen attacked a police patrol near {place.name} on {day:%B %d}, killing {killed} officers "
                            f"according to local officials and press reports from the area.",
                   source="synthetic", doc_ids=f"doc-{i}", paths="", notes="", country="Peru",
                   footprint_id=place.id if area else None, footprint=place.geometry if area else None,
                   geometry=Point(place.lon, place.lat))
        rows.append(row)
    frame = gpd.GeoDataFrame(rows, columns=INCIDENT_COLUMNS, geometry="geometry", crs=4326)
    frame["footprint"] = gpd.GeoSeries(frame["footprint"], crs=4326)
    return frame


def drawn_seconds(path: Path, n: int) -> float | None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu",
                                                                 "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.route("**/*", lambda r: r.abort() if r.request.url.startswith("http") else r.continue_())
        t = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_function(f"window.incidentMaps && Object.values(window.incidentMaps)[0].count() === {n}",
                               timeout=120_000)
        seconds = time.perf_counter() - t
        browser.close()
    return seconds


def from_dev(n: int, dev: Path, seed: int = 1) -> gpd.GeoDataFrame:
    """n incidents: the dev set's, repeated with new ids and moved to random days of 2007-2008."""
    import geo

    base = geo.extract(sorted(str(p) for p in dev.glob("*.txt")))
    rng = random.Random(seed)
    rows = base.iloc[[i % len(base) for i in range(n)]].reset_index(drop=True)
    start = pd.Timestamp("2007-01-01")
    shift = pd.to_timedelta([rng.randrange(730) for _ in range(n)], unit="D") - (
        rows.date_start.fillna(start) - start)
    for col in ("event_date", "date_start", "date_end"):
        rows[col] = rows[col] + shift
    rows["incident_id"] = [f"{iid}-{i}" for i, iid in enumerate(rows.incident_id)]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def saved_tables(n: int = 10_000, formats=None, modes=None) -> None:
    import os

    import maps
    from geo.table import FOOTPRINTS, FORMATS, read_table
    from maps.table_export import write_incidents

    shared = Path(os.environ.get("INCIDENTS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    if not (shared / "eval" / "dev").is_dir():
        print(f"(no {shared}/eval/dev: the saved tables are not measured)")
        return
    table = from_dev(n, shared / "eval" / "dev")
    areas = table.footprint.notna()
    print(f"\n{n:,} incidents from the dev set, {areas.sum():,} with an area "
          f"({table.footprint_id[areas].nunique()} distinct footprint ids)")
    print(f"{'footprints':>10} {'format':>8} {'file MB':>8} {'write s':>8} {'map build s':>12} "
          f"{'map MB':>7} {'drawn s':>8}")
    legacy = table.drop(columns="footprint_id")  # as tables were written before footprint ids
    cases = [(mode, fmt, table) for mode in modes or FOOTPRINTS for fmt in formats or FORMATS]
    if not modes or "old table" in modes:
        cases.append(("old table", "geojson", legacy))
    with tempfile.TemporaryDirectory() as tmp:
        for mode, fmt, frame in cases:
            path = Path(tmp) / f"incidents.{fmt}"
            t = time.perf_counter()
            if mode == "old table":
                frame.assign(footprint=frame.footprint.to_wkt()).to_file(path, driver="GeoJSON")
            else:
                write_incidents(frame, path, footprints=mode)  # what `incidents extract -o` writes
            written = time.perf_counter() - t
            t = time.perf_counter()
            html = Path(tmp) / "map.html"
            maps.to_html(maps.incident_map(read_table(path)), html)  # what `incidents map TABLE` does
            build = time.perf_counter() - t
            drawn = drawn_seconds(html, n) if fmt == "geojson" else None
            shown = f"{drawn:8.2f}" if drawn is not None else f"{'':>8}"
            print(f"{mode:>10} {fmt:>8} {path.stat().st_size / 2**20:8.2f} {written:8.2f} {build:12.2f} "
                  f"{html.stat().st_size / 2**20:7.2f} {shown}")


def main(sizes: list[int]) -> None:
    import maps

    print(f"{'incidents':>10} {'build s':>8} {'HTML MB (offline)':>18} {'drawn in Chromium s':>20}")
    for n in sizes:
        table = synthetic(n)
        t = time.perf_counter()
        m = maps.incident_map(table, offline=True)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "map.html"
            maps.to_html(m, path)
            build = time.perf_counter() - t
            size = path.stat().st_size / 2**20
            drawn = drawn_seconds(path, n)
        shown = f"{drawn:20.2f}" if drawn is not None else f"{'(no chromium)':>20}"
        print(f"{n:>10,} {build:8.2f} {size:18.2f} {shown}")


if __name__ == "__main__":
    from geo.table import FOOTPRINTS, FORMATS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--saved-only", action="store_true", help="only the saved 10,000-incident table")
    parser.add_argument("--format", action="append", choices=FORMATS, help="only this format of the saved table")
    parser.add_argument("--footprints", action="append", choices=[*FOOTPRINTS, "old table"],
                        help="only this --footprints choice of the saved table")
    args = parser.parse_args()
    if not args.saved_only:
        main(args.sizes)
    saved_tables(formats=args.format, modes=args.footprints)
