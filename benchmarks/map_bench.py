"""Benchmark the incident map: build time, HTML size and time until drawn in Chromium.

Run ``python benchmarks/map_bench.py [N ...]`` (default 100 1000 10000 synthetic incidents).
"""

from __future__ import annotations

import random
import shutil
import sys
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
                   footprint=place.geometry if area else None, geometry=Point(place.lon, place.lat))
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
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
