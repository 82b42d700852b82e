"""Benchmark the KML and KMZ exports: time to write and file size, with the areas' outlines and without them.

Run ``python benchmarks/kml_bench.py [N ...]`` (default 1000 10000 synthetic incidents, a third known
only to their department, as in map_bench.py).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from map_bench import synthetic

from maps.kml import write_kml


def main(sizes: list[int]) -> None:
    print(f"{'incidents':>10} {'outlines':>9} {'KML s':>6} {'KML MB':>7} {'KMZ s':>6} {'KMZ MB':>7}")
    for n in sizes:
        table = synthetic(n)
        for outlines in (True, False):
            frame = table if outlines else table.assign(footprint=None)
            figures = []
            with tempfile.TemporaryDirectory() as tmp:
                for zipped in (False, True):
                    path = Path(tmp) / ("incidents.kmz" if zipped else "incidents.kml")
                    t = time.perf_counter()
                    write_kml(frame, path, zipped=zipped)
                    figures += [time.perf_counter() - t, path.stat().st_size / 2**20]
            print(f"{n:>10,} {'yes' if outlines else 'no':>9} {figures[0]:6.2f} {figures[1]:7.2f} "
                  f"{figures[2]:6.2f} {figures[3]:7.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000], help="incidents per table")
    main(parser.parse_args().sizes)
