"""``--cache DIR`` for the commands that read reports, and the ``incidents cache prune`` command."""

from __future__ import annotations

import argparse
import sys

from geo.cache import ResultCache, prune
from geo.errors import UsageError

__all__ = ["add_cache_option", "open_cache", "cache_note", "add_command"]

#: ``prune``'s default: entries no run has used for this many days are removed.
UNUSED_DAYS = 30


def add_cache_option(parser: argparse.ArgumentParser) -> None:
    """``--cache DIR``: keep each report's result in DIR and reuse it while the report and options are the same."""
    parser.add_argument("--cache", metavar="DIR",
                        help="keep each report's result in DIR (made if new) and reuse it on later runs while "
                             "the report, the options and this tool's version are the same: a rerun reads "
                             "only what changed, and its output is the same (see 'incidents cache prune')")


def open_cache(args: argparse.Namespace, records_only: bool = False) -> ResultCache | None:
    """The cache ``--cache`` names, or None without it; UsageError naming the folder when it cannot be one.

    ``records_only``: the command writes each result's JSONL record and nothing else of it (see ResultCache).
    """
    return ResultCache(args.cache, records_only=records_only) if args.cache else None


def cache_note(cache: ResultCache | None) -> str:
    """What the cache did in a run, for the command's summary ("" without a cache)."""
    if cache is None:
        return ""
    s = cache.summary()
    notes = [f"cache: {s['hits']} results reused, {s['misses']} computed"]
    if s["ignored"]:
        notes.append(f" ({s['ignored']} unusable entries ignored and written again)")
    if s["write_error"]:
        notes.append(f"; some results were not cached: {s['write_error']}")
    return "".join(notes)


def add_command(subparsers) -> None:
    """Register ``cache prune`` on an argparse subparsers object."""
    p = subparsers.add_parser("cache", help="look after a --cache folder",
                              description="Look after a folder of cached results made with --cache.")
    sub = p.add_subparsers(dest="cache_command", required=True)
    pr = sub.add_parser("prune", help="remove the cached results no run has used for some days",
                        description="Remove the cached results that no run has used for DAYS days (and "
                                    "temporary files left by runs that died). Every run touches the results "
                                    "it reuses, so a folder of reports rerun daily keeps only its own.")
    pr.add_argument("dir", metavar="DIR", help="the folder given to --cache")
    pr.add_argument("--unused-days", type=_days, default=UNUSED_DAYS, metavar="DAYS",
                    help=f"remove results unused for DAYS days (default {UNUSED_DAYS}; 0: remove every result)")
    pr.set_defaults(func=_prune)


def _days(value: str) -> float:
    try:
        days = float(value)
    except ValueError:
        days = -1.0
    if not 0 <= days < float("inf"):
        raise argparse.ArgumentTypeError(f"--unused-days takes a number of days, 0 or more, not {value!r}")
    return days


def _prune(args: argparse.Namespace) -> int:
    try:
        counts = prune(args.dir, args.unused_days)
    except UsageError as exc:
        print(f"incidents cache prune: {exc}", file=sys.stderr)
        return 2
    print(f"incidents cache prune: removed {_entries(counts['removed'])} ({counts['removed_bytes'] / 2**20:.1f} MB), "
          f"kept {_entries(counts['kept'])} ({counts['kept_bytes'] / 2**20:.1f} MB)", file=sys.stderr)
    return 0


def _entries(n: int) -> str:
    return f"{n:,} entry" if n == 1 else f"{n:,} entries"
