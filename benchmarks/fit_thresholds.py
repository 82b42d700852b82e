"""Fit the incident stage's thresholds (geo/thresholds.py) on a gold set, with cross-validation.

Run ``python benchmarks/fit_thresholds.py [--gold ../shared/eval/dev] [--passes 2]``. Places are
found and resolved once; then each threshold in turn is set to each value of its grid, the others
held, and a value is kept when it raises the objective (incidents F1 + ``KILLED_WEIGHT`` x killed
exact) on the training documents; ties keep the current value. The figures to quote are the
leave-one-source-type-out ones: each source type (file-name prefix, as in score_by_source.py) is
scored with thresholds fitted on the others only, and the held-out predictions are pooled. The fit
on every document is printed last; the table takes it only when the pooled held-out score beats the
table's own (a fit that moves nothing held out is noise). Its in-sample score is not a measure of anything.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from geo.tuning import coordinate_ascent, eval_module

SHARED = Path(__file__).resolve().parents[2] / "shared"
#: The weight of killed-exact beside incidents F1 in the objective.
KILLED_WEIGHT = 0.5
#: The values tried for each threshold; the table's current value is always tried too.
GRID = {
    "casualty_window": (60, 90, 120, 160, 200),
    "date_carries": (1, 2, 3, 4, 5),
    "opening_chars": (30, 45, 60, 90),
    "together_chars": (10, 15, 20, 30),
    "merge_km": (10.0, 25.0, 50.0, 100.0),
    "same_town_km": (0.5, 1.0, 3.0, 10.0),
    "background_days": (200, 400, 800, 1600),
    "own_date_before": (15, 30, 45),
    "own_date_after": (6, 12, 20),
    "since_chars": (12, 24, 36),
    "locative_chars": (10, 20, 30),
    "agent_chars": (20, 40, 60),
    "agent_gap": (15, 30, 45),
    "title_chars": (100, 160, 240),
}


class Fitter:
    """Places resolved once; incidents re-extracted per setting and cached per (setting, document)."""

    def __init__(self, gold_dir: Path):
        from gazetteer import Gazetteer
        from geo.mentions import MentionFinder
        from geo.read import read
        from geo.resolve import resolve

        self.scoring = eval_module(gold_dir, "score")
        self.gold = self.scoring.load_gold(gold_dir)
        gaz = Gazetteer.load()
        finder = MentionFinder.for_gazetteer(gaz)
        docs = read(sorted(str(gold_dir / f"{name}.txt") for name in self.gold))
        self.placed = {Path(d.path).stem: (d, resolve(d, finder.find(d), gaz)) for d in docs}
        self.cache: dict[tuple, dict] = {}

    def records(self, setting: dict, names: list[str]) -> dict[str, dict]:
        """The JSONL record of each named document with the thresholds of ``setting``."""
        from geo import thresholds
        from geo.incidents import extract_incidents
        from geo.pipeline import DocumentResult, record

        key = tuple(sorted(setting.items()))
        out = {}
        with thresholds.using(**setting):
            for name in names:
                if (key, name) not in self.cache:
                    doc, places = self.placed[name]
                    self.cache[key, name] = record(DocumentResult(doc, places, extract_incidents(doc, places)))
                out[name] = self.cache[key, name]
        return out

    def score(self, setting: dict, names: list[str]) -> dict:
        """score.py's incident figures of ``setting`` on the named documents."""
        gold = {n: self.gold[n] for n in names}
        return self.scoring.score(gold, self.records(setting, names))["incidents"]

    def objective(self, setting: dict, names: list[str]) -> float:
        s = self.score(setting, names)
        return s["f1"] + KILLED_WEIGHT * (s["killed_exact"] or 0.0)

    def fit(self, names: list[str], passes: int) -> dict:
        """Coordinate ascent from the table's values over GRID, on the named documents."""
        from geo import thresholds

        return coordinate_ascent(asdict(thresholds.TABLE), GRID, lambda setting: self.objective(setting, names),
                                 passes)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "dev", help="folder of NAME.txt and NAME.json")
    ap.add_argument("--passes", type=int, default=2, help="rounds of coordinate ascent (default 2)")
    a = ap.parse_args(argv)
    if not (a.gold / "../score.py").resolve().is_file():
        sys.exit(f"error: --gold {a.gold}: no score.py beside it; give the dev folder of ../shared/eval")
    from geo import thresholds

    fitter = Fitter(a.gold.resolve())
    names = sorted(fitter.gold)
    group = eval_module(a.gold.resolve(), "score_by_source").group
    groups = sorted({group(n) for n in names})
    table = asdict(thresholds.TABLE)
    pooled: dict[str, dict] = {}
    print(f"{'held out':14s} {'docs':>4s}  {'table F1':>8s} {'killed':>6s}  {'fitted F1':>9s} {'killed':>6s}  changed")
    for g in groups:
        held = [n for n in names if group(n) == g]
        fitted = fitter.fit([n for n in names if group(n) != g], a.passes)
        pooled.update(fitter.records(fitted, held))
        t, f = fitter.score(table, held), fitter.score(fitted, held)
        changed = ", ".join(f"{k}={v}" for k, v in fitted.items() if v != table[k]) or "-"
        print(f"{g:14s} {len(held):4d}  {t['f1']:8.3f} {_k(t):>6s}  {f['f1']:9.3f} {_k(f):>6s}  {changed}")
    cv = fitter.scoring.score(fitter.gold, pooled)["incidents"]
    now = fitter.score(table, names)
    print(f"\nthe table as it stands, all {len(names)}: incidents F1 {now['f1']:.3f}, killed exact {_k(now)}")
    print(f"leave-one-source-type-out (pooled held-out): incidents F1 {cv['f1']:.3f}, killed exact {_k(cv)}")
    fitted = fitter.fit(names, a.passes)
    everything = fitter.score(fitted, names)
    print(f"fitted on all (in-sample, not a measure): F1 {everything['f1']:.3f}, killed exact {_k(everything)}")
    gain = (cv["f1"] + KILLED_WEIGHT * (cv["killed_exact"] or 0)) - (now["f1"] + KILLED_WEIGHT * (now["killed_exact"] or 0))
    print(f"held-out gain over the table: {gain:+.3f} -> " + ("adopt the values below" if gain > 1e-9 else
                                                          "keep the table (no held-out gain)"))
    print("values for geo/thresholds.py:")
    for k, v in fitted.items():
        print(f"    {k} = {v!r}{'' if v == table[k] else f'   (was {table[k]!r})'}")


def _k(s: dict) -> str:
    return "-" if s["killed_exact"] is None else f"{s['killed_exact']:.3f}"


if __name__ == "__main__":
    main()
