"""Tuning the named tables of thresholds and weights: a table changed for one run, the gold set's scorer,
and a fit by coordinate ascent."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
import importlib.util
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import ModuleType

__all__ = ["swapped", "eval_module", "coordinate_ascent"]


@contextmanager
def swapped(module: ModuleType, **changes) -> Iterator:
    """Run with ``module.TABLE`` changed (for fitting and tests), restoring it afterwards, after an error too."""
    saved = module.TABLE
    module.TABLE = replace(saved, **changes)
    try:
        yield module.TABLE
    finally:
        module.TABLE = saved


def eval_module(gold: Path, module: str) -> ModuleType:
    """A module of the eval folder holding the gold folder ``gold``: score.py (load_gold, score,
    same_place, km) or score_by_source.py (group: a document's source type, by its file-name prefix)."""
    spec = importlib.util.spec_from_file_location(module, gold.parent / f"{module}.py")
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def coordinate_ascent(start: dict, grid: Mapping[str, Sequence], objective: Callable[[dict], float],
                      passes: int) -> dict:
    """From ``start``, each value in turn set to each value of its grid, the others held; a value is kept
    when it raises ``objective`` (ties keep the current one); at most ``passes`` rounds, fewer when one
    moves nothing."""
    setting = dict(start)
    best = objective(setting)
    for _ in range(passes):
        moved = False
        for field, values in grid.items():
            for value in values:
                if value == setting[field]:
                    continue
                trial = {**setting, field: value}
                got = objective(trial)
                if got > best + 1e-9:
                    setting, best, moved = trial, got, True
        if not moved:
            break
    return setting
