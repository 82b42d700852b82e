"""Benchmark the gazetteer: load time, lookups and reverse lookups per second, size, memory.

Run ``python benchmarks/gazetteer_bench.py``; it prints one figure a line.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time

import numpy as np

LOAD_SNIPPET = """
import time, resource
t0 = time.perf_counter()
from gazetteer import Gazetteer
t1 = time.perf_counter()
g = Gazetteer.load()
t2 = time.perf_counter()
rss = int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) / 1024
print(t1 - t0, t2 - t1, rss)
"""


def _load_times(runs: int = 5) -> tuple[float, float, float]:
    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, check=True)
        rows.append([float(x) for x in out.stdout.split()])
    imp, load, rss = np.median(np.array(rows), axis=0)
    return imp, load, rss


def main() -> None:
    from gazetteer import Gazetteer
    from gazetteer.lookup import _data_dir

    imp, load, rss = _load_times()
    print(f"import gazetteer            {imp * 1000:8.0f} ms (median of 5 fresh processes)")
    print(f"Gazetteer.load()            {load * 1000:8.0f} ms (no geometry; goal <= 300)")
    print(f"resident memory after load  {rss:8.0f} MB")
    g = Gazetteer.load()
    names = g.names()
    rng = random.Random(1)
    queries = [rng.choice(names) for _ in range(200_000)]
    t = time.perf_counter()
    for q in queries:
        g.lookup(q)
    cold = len(queries) / (time.perf_counter() - t)
    t = time.perf_counter()
    for q in queries:
        g.lookup(q)
    warm = len(queries) / (time.perf_counter() - t)
    print(f"exact lookups, first pass   {cold:8,.0f} /s (200,000 random names; builds Place records)")
    print(f"exact lookups, warm         {warm:8,.0f} /s (goal >= 200,000)")
    prng = np.random.default_rng(0)
    lat, lon = prng.uniform(-18.4, 0.0, 100_000), prng.uniform(-81.4, -68.6, 100_000)
    t = time.perf_counter()
    g.district_ids(lat[:10], lon[:10])
    geo_load = time.perf_counter() - t
    t = time.perf_counter()
    found = g.district_ids(lat, lon)
    rev = len(lat) / (time.perf_counter() - t)
    inside = sum(x is not None for x in found)
    print(f"geometry load + index       {geo_load * 1000:8.0f} ms (first reverse lookup)")
    print(f"reverse lookups (batch)     {rev:8,.0f} /s (100,000 points in Peru's box, {inside:,} inside; goal >= 50,000)")
    t = time.perf_counter()
    for a, b in zip(lat[:2000], lon[:2000]):
        g.locate(a, b)
    print(f"reverse lookups (one by one){2000 / (time.perf_counter() - t):8,.0f} /s")
    size = sum(p.stat().st_size for p in _data_dir().iterdir())
    print(f"package data size           {size / 2**20:8.1f} MB (goal <= 15)")
    rss_now = int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
    print(f"resident memory, all loaded {rss_now:8.0f} MB (places, geometry, reverse index)")


if __name__ == "__main__":
    main()
