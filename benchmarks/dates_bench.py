"""Benchmark the date finder on long texts: seconds for a text and for one ten times longer (linear work
gives a ratio near 10, quadratic near 100), on the whole text and sentence by sentence.

Run ``python benchmarks/dates_bench.py``; prints one line per case.
"""

from __future__ import annotations

import re
import time
from datetime import date

from geo.dates import find_dates, years_in

CASES = [("whole text, 100,000 dates", "On 12 May 1990, in 1983 and on Monday; the next day, 3/4/90. ", 25_000,
          date(2008, 10, 20), False),
         ("whole text, 60,000 short sentences", "In 1990 the army came. It left on 3 May. ", 30_000, None, False),
         ("sentence by sentence, 60,000 sentences", "In 1990 the army came. It left on 3 May. ", 30_000, None, True)]


def _find(text: str, day: date | None, per_sentence: bool) -> int:
    if not per_sentence:
        return len(find_dates(text, day))
    years, found, start = years_in(text), 0, 0
    for m in re.finditer(r"\. ", text):
        found += len(find_dates(text, day, span=(start, m.end()), years=years))
        start = m.end()
    return found


def _best(text: str, day: date | None, per_sentence: bool, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        clock = time.process_time()
        _find(text, day, per_sentence)
        best = min(best, time.process_time() - clock)
    return best


def main() -> None:
    for label, unit, count, day, per_sentence in CASES:
        small = _best(unit * (count // 10), day, per_sentence, runs=5)
        large = _best(unit * count, day, per_sentence, runs=2)
        print(f"{label}: {small:.3f} s for a tenth, {large:.3f} s whole: ratio {large / small:.1f} (linear: ~10)")


if __name__ == "__main__":
    main()
