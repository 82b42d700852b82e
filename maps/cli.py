"""The ``incidents map`` command: reports (or a saved incidents table) in, a map out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_command", "add_report_command"]

_TABLE_SUFFIXES = (".geojson", ".gpkg", ".parquet", ".csv")


def add_command(subparsers) -> None:
    """Register ``map`` on an argparse subparsers object."""
    from geo.cli_extract import add_budget_options, add_lang_option

    p = subparsers.add_parser(
        "map", help="draw the incidents in reports as an interactive HTML map",
        description="Read reports (or an incidents table saved by 'incidents extract') and write an "
                    "interactive map with one layer per period, a time control and a legend.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="reports, folders, globs, or a saved table")
    p.add_argument("-o", "--output", default="map.html", help="the HTML map (default map.html)")
    p.add_argument("--period", choices=["day", "week", "month", "year"], default="month",
                   help="one layer per period (default month)")
    p.add_argument("--offline", action="store_true",
                   help="inline every script and use the gazetteer's boundaries instead of map tiles")
    p.add_argument("--cluster", choices=["auto", "on", "off"], default="auto",
                   help="cluster markers (auto: above 500 incidents)")
    p.add_argument("--title", help="a title shown on the map")
    p.add_argument("--png", metavar="FILE", help="also a screenshot of the map (needs Chromium)")
    p.add_argument("--static", metavar="FILE", help="also a static map (.png, .svg or .pdf) without a browser")
    p.add_argument("--embed", metavar="FILE", help="also an HTML snippet (an iframe) for another page")
    p.add_argument("--date", help="date (YYYY-MM-DD) of reports that give none")
    add_lang_option(p)
    add_budget_options(p)
    p.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    p.set_defaults(func=_map)


def add_report_command(subparsers) -> None:
    """Register ``report`` on an argparse subparsers object."""
    from geo.cli_extract import add_budget_options, add_lang_option

    p = subparsers.add_parser(
        "report", help="a briefing page: map, timeline, counts and the incident table (offline HTML, PDF)",
        description="Read reports (or a saved incidents table) and write one offline HTML briefing page.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="reports, folders, globs, or a saved table")
    p.add_argument("-o", "--output", default="briefing.html", help="the HTML page (default briefing.html)")
    p.add_argument("--pdf", metavar="FILE", help="also the same page as PDF (needs Chromium)")
    p.add_argument("--title", default="Incident briefing", help="the page's title")
    p.add_argument("--period", choices=["day", "week", "month", "year"], default="month")
    p.add_argument("--date", help="date (YYYY-MM-DD) of reports that give none")
    add_lang_option(p)
    add_budget_options(p)
    p.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    p.set_defaults(func=_report)


def _report(args: argparse.Namespace) -> int:
    import maps
    from maps.briefing import briefing_pdf, write_briefing

    incidents, counts, status = _incidents(args, "report")
    if status is not None:
        return status
    try:
        write_briefing(incidents, args.output, title=args.title, period=args.period)
        if args.pdf:
            briefing_pdf(args.output, args.pdf)
    except (maps.BrowserNotFound, OSError, ValueError, RuntimeError) as exc:
        print(f"incidents report: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"incidents report: {len(incidents)} incidents -> {args.output}"
              + (f" and {args.pdf}" if args.pdf else ""), file=sys.stderr)
    return 0


def _incidents(args, command: str) -> tuple:
    """(incidents, counts, None), or (None, None, exit status) after saying what went wrong."""
    try:
        incidents, counts = _load(args, command)
    except ValueError as exc:
        print(f"incidents {command}: {exc}", file=sys.stderr)
        return None, None, 2
    if counts is not None and counts[0] == 0:
        print(f"incidents {command}: no report could be read", file=sys.stderr)
        return None, None, 1
    return incidents, counts, None


def _load(args, command: str) -> tuple:
    from datetime import date

    import geo
    from geo.cli_extract import budget_of
    from geo.table import read_table

    if len(args.paths) == 1 and Path(args.paths[0]).suffix.lower() in _TABLE_SUFFIXES \
            and Path(args.paths[0]).is_file():
        try:
            return read_table(args.paths[0]), None
        except ValueError:
            pass  # a CSV corpus of reports, not a table
    day = date.fromisoformat(args.date) if args.date else None
    results, failures = [], []
    for item in geo.run(args.paths, date=day, lang=args.lang, budget=budget_of(args)):
        (failures if isinstance(item, geo.ReadFailure) else results).append(item)
    for f in failures:
        print(f"incidents {command}: {f.path}: {f.error}", file=sys.stderr)
    return geo.incidents_table(results), (len(results), len(failures))


def _map(args: argparse.Namespace) -> int:
    import maps

    incidents, counts, status = _incidents(args, "map")
    if status is not None:
        return status
    cluster = {"auto": None, "on": True, "off": False}[args.cluster]
    m = maps.incident_map(incidents, period=args.period, offline=args.offline, cluster=cluster, title=args.title)
    try:
        maps.to_html(m, args.output)
        if args.embed:
            Path(args.embed).write_text(maps.embed_html(m), encoding="utf-8")
        if args.static:
            maps.static_map(incidents, args.static, title=args.title)
        if args.png:
            maps.to_png(m, args.png)
    except maps.BrowserNotFound as exc:
        print(f"incidents map: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"incidents map: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        read = f" from {counts[0]} reports ({counts[1]} failed)" if counts else ""
        print(f"incidents map: {len(incidents)} incidents{read} -> {args.output}", file=sys.stderr)
    return 0
