"""The ``incidents review`` command: reports in, one offline review page out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_command"]


def add_command(subparsers) -> None:
    """Register ``review`` on an argparse subparsers object."""
    from geo.cli_extract import add_budget_options, add_lang_option, iso_date

    p = subparsers.add_parser(
        "review", help="an offline page to check places and incidents and save corrections",
        description="Read reports and write one offline HTML page listing each report with its place "
                    "mentions and incidents, where an analyst accepts, re-resolves, edits, rejects and adds "
                    "them, and saves the decisions as a corrections file for --corrections.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="reports, folders, globs")
    p.add_argument("-o", "--output", default="review.html", help="the HTML page (default review.html)")
    p.add_argument("--corrections", metavar="FILE",
                   help="decisions saved from an earlier review, shown as the page's first decisions")
    p.add_argument("--title", default="Review places and incidents", help="the page's title")
    p.add_argument("--date", type=iso_date, help="date (YYYY-MM-DD) of reports that give none")
    add_lang_option(p)
    p.add_argument("--follow-links", action="store_true",
                   help="read files that links inside an input folder point to outside it (skipped by default)")
    add_budget_options(p)
    p.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    p.set_defaults(func=_review)


def _review(args: argparse.Namespace) -> int:
    import geo
    from geo.cli_corrections import corrections_of
    from geo.cli_extract import budget_of, cannot_write
    from geo.errors import UsageError
    from geo.read import input_files
    from geo.targets import check_outputs
    from maps.review import write_review

    try:
        check_outputs({"-o": args.output}, [*args.paths, *([args.corrections] if args.corrections else []),
                                            *(p for p in input_files(args.paths, follow_links=args.follow_links)
                                              if isinstance(p, Path))])
        corrections = corrections_of(args.corrections)
    except UsageError as exc:
        print(f"incidents review: {exc}", file=sys.stderr)
        return 2
    results, failed = [], 0
    for item in geo.run(args.paths, date=args.date, lang=args.lang, follow_links=args.follow_links,
                        budget=budget_of(args)):
        if isinstance(item, geo.ReadFailure):
            failed += 1
            print(f"incidents review: {item.path}: {item.error}", file=sys.stderr)
        else:
            results.append(item)
    if not results:
        print("incidents review: no report could be read" + ("; the reason for each input is above" if failed else ""),
              file=sys.stderr)
        return 1
    try:
        write_review(results, args.output, corrections=corrections, title=args.title)
    except OSError as exc:
        print(f"incidents review: {cannot_write(exc, args.output)}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"incidents review: {len(results)} reports ({failed} failed), "
              f"{sum(len(r.incidents) for r in results)} incidents -> {args.output}", file=sys.stderr)
    return 0
