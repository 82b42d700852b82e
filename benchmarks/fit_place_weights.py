"""Fit the place resolver's feature weights (geo/place_weights.py) on a gold set, with cross-validation.

Run ``python benchmarks/fit_place_weights.py [--gold ../shared/eval/dev] [--passes 2]``. Mentions
are found once and each candidate's features measured once, with the evidence of the table's own
first pass (the document's sure places; held fixed while the weights move). Then each weight in
turn is set to each value of its grid, the others held, and a value is kept when it raises
resolution correct (score.py's ``same_place``) on the training documents; ties keep the current
value. The figures to quote are held-out ones: leave-one-document-out and leave-one-source-type-out,
each document (or source type) scored with weights fitted on the others only. The fit on every
document is printed last, for the table; its in-sample score is not a measure of anything.
The enumeration rule (geo/resolve.py) runs after the scores and is left out of the fit.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from geo.tuning import coordinate_ascent, eval_module

SHARED = Path(__file__).resolve().parents[2] / "shared"
#: The values tried for each weight; the table's current value is always tried too.
GRID = {
    "population": (0.1, 0.2, 0.25, 0.3, 0.4),
    "urban": (0.0, 0.3, 0.6),
    "department_named": (0.5, 1.0, 1.5, 2.0, 3.0),
    "department_mentions": (0.0, 0.1, 0.2, 0.4),
    "province_named": (1.0, 2.0, 3.0),
    "zone_member": (1.0, 2.0, 3.0),
    "extra_support": (0.0, 0.3, 0.6),
    "same_passage": (0.5, 1.0, 2.0, 3.0),
    "near_place": (0.0, 0.4, 0.8, 1.5),
    "near_km": (30.0, 60.0, 100.0),
    "qualified": (2.0, 4.0, 6.0),
    "cue_compatible": (0.5, 1.0, 2.0),
}


class Fitter:
    """Each gold-matched mention's measured candidates, and per (setting, document) counts of correct choices."""

    def __init__(self, gold_dir: Path):
        from gazetteer import Gazetteer
        from geo.candidates import admissible, certain, prominent_reading
        from geo.evidence import Evidence, passages, qualifier, shared
        from geo.mentions import MentionFinder
        from geo.read import read
        from geo.scoring import choose, measure

        self.scoring = eval_module(gold_dir, "score")
        self.gold = self.scoring.load_gold(gold_dir)
        gaz = Gazetteer.load()
        finder = MentionFinder.for_gazetteer(gaz)
        self.items: dict[str, list[tuple[dict, list, object]]] = {}  # name -> [(gold place, features, anchor)]
        for doc in read(sorted(str(gold_dir / f"{name}.txt") for name in self.gold)):
            name = Path(doc.path).stem
            ms = finder.find(doc)
            cands = [admissible(m) for m in ms]
            sure = [certain(c) for c in cands]
            passage = passages(doc.text, ms)
            quals = shared(ms, [qualifier(doc.text, i, ms, cands) for i in range(len(ms))])
            first = Evidence.build(ms, [c[0][0] if c else None for c in cands], sure, passage)
            picked = [choose(m, c, q, first, gaz, p).place for m, c, q, p in zip(ms, cands, quals, passage)]
            ev = Evidence.build(ms, picked, sure, passage)
            items, used = [], set()
            for g in self.gold[name].get("places", []):
                if g.get("start") is None or g.get("lat") is None:
                    continue
                j = next((j for j, m in enumerate(ms) if j not in used and m.start < g["end"] and g["start"] < m.end), None)
                if j is None or not cands[j]:
                    continue
                used.add(j)
                items.append((g, measure(ms[j], cands[j], quals[j], ev, gaz, passage[j]),
                              prominent_reading(ms[j], cands[j], gaz)))
            self.items[name] = items
        self.cache: dict[tuple, int] = {}

    def _right(self, g: dict, place) -> bool:
        from geo.kinds import kind

        pred = {"kind": place.kind, "admin1": place.admin1, "admin2": place.admin2, "admin3": place.admin3,
                "where_prec": kind(place.kind).where_prec}
        return bool(self.scoring.same_place(g, pred, self.scoring.km(g["lat"], g["lon"], place.lat, place.lon)))

    def correct(self, setting: dict, name: str) -> int:
        """How many of the document's gold places the weights of ``setting`` resolve right."""
        from geo import place_weights
        from geo.candidates import prior
        from geo.scoring import total

        key = (tuple(sorted(setting.items())), name)
        if key not in self.cache:
            n = 0
            with place_weights.using(**setting):
                for g, feats, anchor in self.items[name]:
                    for f in feats:
                        f.prior = prior(f.place, f.how)
                    pool = feats
                    if anchor is not None and not any(f.qualified_by for f in feats):
                        pool = [f for f in feats if f.place is anchor or f.place.admin1 == anchor.admin1] or feats
                    best = max(pool, key=lambda f: total(f)[0])
                    n += self._right(g, best.place)
            self.cache[key] = n
        return self.cache[key]

    def accuracy(self, setting: dict, names: list[str]) -> float:
        total = sum(len(self.items[n]) for n in names)
        return sum(self.correct(setting, n) for n in names) / total if total else 0.0

    def fit(self, names: list[str], passes: int) -> dict:
        """Coordinate ascent from the table's values over GRID, on the named documents."""
        from geo import place_weights

        return coordinate_ascent(asdict(place_weights.TABLE), GRID, lambda setting: self.accuracy(setting, names),
                                 passes)


def _held_out(fitter: Fitter, folds: list[list[str]], names: list[str], passes: int) -> tuple[int, int]:
    """Correct choices and gold places over the folds, each scored with weights fitted without it."""
    right = n = 0
    for held in folds:
        fitted = fitter.fit([x for x in names if x not in held], passes)
        right += sum(fitter.correct(fitted, h) for h in held)
        n += sum(len(fitter.items[h]) for h in held)
    return right, n


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "dev", help="folder of NAME.txt and NAME.json")
    ap.add_argument("--passes", type=int, default=2, help="rounds of coordinate ascent (default 2)")
    a = ap.parse_args(argv)
    if not (a.gold / "../score.py").resolve().is_file():
        sys.exit(f"error: --gold {a.gold}: no score.py beside it; give the dev folder of ../shared/eval")
    from geo import place_weights

    fitter = Fitter(a.gold.resolve())
    names = sorted(fitter.items)
    table = asdict(place_weights.TABLE)
    gold_n = sum(len(fitter.items[n]) for n in names)
    print(f"gold places matched to a mention with candidates: {gold_n} in {len(names)} documents")
    print(f"table weights, in sample:                  {fitter.accuracy(table, names):.3f}")
    right, n = _held_out(fitter, [[x] for x in names], names, a.passes)
    print(f"fitted, leave-one-document-out:            {right / n:.3f}")
    group = eval_module(a.gold.resolve(), "score_by_source").group
    groups = sorted({group(x) for x in names})
    right, n = _held_out(fitter, [[x for x in names if group(x) == g] for g in groups], names, a.passes)
    print(f"fitted, leave-one-source-type-out:         {right / n:.3f}")
    for g in groups:
        held = [x for x in names if group(x) == g]
        fitted = fitter.fit([x for x in names if x not in held], a.passes)
        print(f"  {g:14s} table {fitter.accuracy(table, held):.3f}  fitted without it {fitter.accuracy(fitted, held):.3f}")
    fitted = fitter.fit(names, a.passes)
    changed = ", ".join(f"{k}={v}" for k, v in fitted.items() if v != table[k]) or "none"
    print(f"fit on every document (for the table, not a measure): {fitter.accuracy(fitted, names):.3f}; changed: {changed}")


if __name__ == "__main__":
    main()
