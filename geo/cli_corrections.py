"""``--corrections FILE`` for the commands that read reports, and the ``incidents corrections export`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from geo.errors import CorrectionsError, UsageError

if TYPE_CHECKING:  # the corrections' modules (and the pipeline they need) are loaded by a run that has some
    from geo.corrected import Tally
    from geo.corrections import Corrections

__all__ = ["add_corrections_option", "corrections_of", "corrected", "print_tally", "add_command"]


def add_corrections_option(parser: argparse.ArgumentParser) -> None:
    """``--corrections FILE``: an analyst's corrections (saved from ``incidents review``) applied to the run."""
    parser.add_argument("--corrections", metavar="FILE",
                        help="apply the corrections saved from the review page ('incidents review'): "
                             "re-resolved places, rejected, edited and added incidents")


def corrections_of(path: str | None) -> Corrections | None:
    """The corrections in ``path`` (``--corrections``), checked against the gazetteer; UsageError naming the
    flag and the file when they cannot be used."""
    if not path:
        return None
    from gazetteer import Gazetteer
    from geo.corrected import check_places
    from geo.corrections import Corrections

    try:
        corrections = Corrections.load(path)
        check_places(corrections, Gazetteer.load())
    except CorrectionsError as exc:
        raise UsageError(f"--corrections {exc}") from None
    return corrections


def corrected(items: Iterable, corrections: Corrections | None, tally: Tally) -> Iterable:
    """``items`` with ``corrections`` applied (counted in ``tally``), or ``items`` when there are none."""
    if corrections is None:
        return items
    from geo.corrected import apply_corrections

    return apply_corrections(items, corrections, tally)


def print_tally(tally: Tally, command: str) -> None:
    """The corrections applied, stale and unused, and why, on standard error."""
    for line in tally.messages():
        print(f"incidents {command}: warning: {line}", file=sys.stderr)
    print(f"incidents {command}: {tally.summary()}", file=sys.stderr)


def add_command(subparsers) -> None:
    """Register ``corrections`` (with ``export``) on an argparse subparsers object."""
    p = subparsers.add_parser("corrections", help="use an analyst's corrections: export them as evaluation data")
    sub = p.add_subparsers(dest="action", required=True)
    e = sub.add_parser("export", help="write the reviewed reports in the gold format of the evaluation set",
                       description="Write each reviewed report (marked reviewed on the review page) as NAME.txt "
                                   "and NAME.json, the gold format of ../shared/eval: places and incidents "
                                   "with their offsets, after the corrections.")
    e.add_argument("corrections", metavar="CORRECTIONS", help="the corrections file saved from the review page")
    e.add_argument("--reports", nargs="+", required=True, metavar="PATH", help="the reports that were reviewed")
    e.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write into (created)")
    e.add_argument("--all", action="store_true", help="export every corrected report, reviewed or not")
    e.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    from geo.gold import export_gold

    try:
        corrections = corrections_of(args.corrections)
        written, tally = export_gold(corrections, args.reports, args.output, every=args.all)
    except UsageError as exc:
        print(f"incidents corrections export: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"incidents corrections export: cannot write {exc.filename or args.output}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    print_tally(tally, "corrections export")
    print(f"incidents corrections export: {len(written)} reviewed reports -> {args.output}", file=sys.stderr)
    return 0 if written else 1
