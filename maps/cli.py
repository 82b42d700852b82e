"""The ``incidents map`` command: reports (or a saved incidents table) in, a map out."""

from __future__ import annotations

import argparse
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

__all__ = ["add_command", "add_report_command"]

_TABLE_SUFFIXES = (".geojson", ".gpkg", ".parquet", ".csv", ".kml", ".kmz")
#: Never reports: a file so named is a table, or an error naming what it lacks (KML: that it is an export).
_TABLE_ONLY = (".geojson", ".gpkg", ".parquet", ".kml", ".kmz")


def add_command(subparsers) -> None:
    """Register ``map`` on an argparse subparsers object."""
    from geo.cli_cache import add_cache_option
    from geo.cli_corrections import add_corrections_option
    from geo.cli_extract import add_budget_options, add_lang_option, iso_date

    p = subparsers.add_parser(
        "map", help="draw the incidents in reports as an interactive HTML map",
        description="Read reports (or an incidents table saved by 'incidents extract') and write an "
                    "interactive map with one layer per period, a time control and a legend.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="reports, folders, globs, or a saved table (a file, or a folder of GeoParquet parts)")
    p.add_argument("-o", "--output", default="map.html", help="the HTML map (default map.html)")
    p.add_argument("--period", choices=["day", "week", "month", "year"], default="month",
                   help="one layer per period (default month)")
    p.add_argument("--offline", action="store_true",
                   help="the default, kept for older scripts: every script inlined, the gazetteer's base map, "
                        "nothing fetched")
    p.add_argument("--tiles", metavar="URL|NAME", type=_tiles,
                   help="an online tile layer over the offline base map: a URL template "
                        "(https://.../{z}/{x}/{y}.png) or an xyzservices name such as OpenStreetMap.Mapnik "
                        "or CartoDB.Positron; without tiles the incidents still draw over the offline base")
    p.add_argument("--cluster", choices=["auto", "on", "off"], default="auto",
                   help="cluster markers (auto: above 500 incidents)")
    p.add_argument("--title", help="a title shown on the map")
    p.add_argument("--png", metavar="FILE", help="also a screenshot of the map (needs Chromium)")
    p.add_argument("--static", metavar="FILE", help="also a static map (.png, .svg or .pdf) without a browser")
    p.add_argument("--embed", metavar="FILE", help="also an HTML snippet (an iframe) for another page")
    p.add_argument("--date", type=iso_date, help="date (YYYY-MM-DD) of reports that give none")
    add_lang_option(p)
    _add_follow_links(p)
    add_budget_options(p)
    add_corrections_option(p)
    add_cache_option(p)
    p.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    p.set_defaults(func=_map)


def _tiles(value: str) -> str:
    """``--tiles`` checked while the arguments are read, so that argparse names the flag."""
    from maps.tiles import tile_layer

    try:
        tile_layer(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--tiles (tiles=): ")) from None
    return value


def add_report_command(subparsers) -> None:
    """Register ``report`` on an argparse subparsers object."""
    from geo.cli_cache import add_cache_option
    from geo.cli_corrections import add_corrections_option
    from geo.cli_extract import add_budget_options, add_lang_option, iso_date

    p = subparsers.add_parser(
        "report", help="a briefing page: map, timeline, counts and the incident table (offline HTML, PDF)",
        description="Read reports (or a saved incidents table) and write one offline HTML briefing page.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="reports, folders, globs, or a saved table (a file, or a folder of GeoParquet parts)")
    p.add_argument("-o", "--output", default="briefing.html", help="the HTML page (default briefing.html)")
    p.add_argument("--pdf", metavar="FILE", help="also the same page as PDF (needs Chromium)")
    p.add_argument("--title", default="Incident briefing", help="the page's title")
    p.add_argument("--marking", metavar="TEXT",
                   help='a handling marking ("UNCLASSIFIED") at the top and bottom of the page and of every printed page')
    p.add_argument("--period", choices=["day", "week", "month", "year"], default="month",
                   help="the map's layers, one per period (default month)")
    p.add_argument("--date", type=iso_date, help="date (YYYY-MM-DD) of reports that give none")
    add_lang_option(p)
    _add_follow_links(p)
    add_budget_options(p)
    add_corrections_option(p)
    add_cache_option(p)
    p.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    p.set_defaults(func=_report)


def _add_follow_links(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--follow-links", action="store_true",
                        help="read files that links inside an input folder point to outside it (skipped by default)")


def _report(args: argparse.Namespace) -> int:
    import maps
    from maps.briefing import briefing_pdf, pdf_browser, write_briefing

    try:
        browser = pdf_browser() if args.pdf else None  # before the reports are read, not after
    except maps.BrowserNotFound as exc:
        print(f"incidents report: --pdf {args.pdf}: {exc}", file=sys.stderr)
        return 2
    incidents, counts, status = _incidents(args, "report", {"-o": args.output, "--pdf": args.pdf})
    if status is not None:
        return status
    try:
        with _warnings_printed("report"):
            write_briefing(incidents, args.output, title=args.title, period=args.period, marking=args.marking)
        if args.pdf:
            briefing_pdf(args.output, args.pdf, browser=browser)
    except OSError as exc:
        print(f"incidents report: {_cannot_write(exc)}", file=sys.stderr)
        return 2
    except (maps.BrowserNotFound, ValueError, RuntimeError) as exc:
        print(f"incidents report: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"incidents report: {len(incidents)} incidents -> {args.output}"
              + (f" and {args.pdf}" if args.pdf else ""), file=sys.stderr)
    return 0


def _browser_missing(command: str, flag: str, path: str | None) -> bool:
    """Say so, naming the flag, when ``path`` (a --png or --pdf) needs a Chromium that is not there.

    Checked before any report is read, so that nothing is written and no time is spent for nothing.
    """
    if path is None:
        return False
    from maps.export import BrowserNotFound, find_browser

    try:
        find_browser()
    except BrowserNotFound as exc:
        print(f"incidents {command}: {flag} {path}: {exc}; or leave out {flag}", file=sys.stderr)
        return True
    return False


def _incidents(args, command: str, outputs: dict) -> tuple:
    """(incidents, counts, None), or (None, None, exit status) after saying what went wrong.

    Incidents with impossible coordinates are dropped here, with a warning naming them.
    """
    from geo.read import input_files
    from geo.targets import check_outputs
    from maps.coordinates import on_earth

    try:
        check_outputs(outputs, [*args.paths, *([args.corrections] if args.corrections else []),
                                *(p for p in input_files(args.paths, follow_links=args.follow_links)
                                  if isinstance(p, Path))])
        incidents, counts = _load(args, command)
    except ValueError as exc:
        print(f"incidents {command}: {exc}", file=sys.stderr)
        return None, None, 2
    if counts is not None and counts[0] == 0:
        why = "; the reason for each input is above" if counts[1] else ""
        print(f"incidents {command}: no report could be read{why}", file=sys.stderr)
        return None, None, 1
    with _warnings_printed(command):
        incidents = on_earth(incidents)
    return incidents, counts, None


@contextmanager
def _warnings_printed(command: str):
    """Warnings raised inside (coordinates dropped, periods grouped) printed as the command's own."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for w in caught:
        print(f"incidents {command}: warning: {w.message}", file=sys.stderr)


def _cannot_write(exc: OSError) -> str:
    return f"cannot write {exc.filename}: {exc.strerror}" if exc.filename else str(exc)


def _load(args, command: str) -> tuple:
    import geo
    from geo.cli_cache import cache_note, open_cache
    from geo.cli_corrections import corrected, corrections_of, print_tally
    from geo.cli_extract import budget_of
    from geo.corrected import Tally
    from geo.dataset import is_dataset
    from geo.errors import TableError
    from geo.table import read_table

    corrections = corrections_of(args.corrections)
    tables = [p for p in args.paths if Path(p).suffix.lower() in _TABLE_ONLY or is_dataset(p)]
    if tables and corrections is not None:
        raise ValueError(f"{tables[0]}: --corrections applies to reports, not to a saved table: give the reports")
    if tables and len(args.paths) > 1:
        raise ValueError(f"{tables[0]}: a saved table is drawn on its own, not with other inputs")
    if len(args.paths) == 1 and (is_dataset(args.paths[0]) or Path(args.paths[0]).suffix.lower() in _TABLE_SUFFIXES
                                 and Path(args.paths[0]).is_file()):
        try:
            table = read_table(args.paths[0])
        except TableError:
            if tables:
                raise
            # else a CSV corpus of reports, not a table
        else:
            if corrections is not None:  # a CSV that reads as a table
                raise ValueError(f"{args.paths[0]}: --corrections applies to reports, not to a saved table: "
                                 "give the reports")
            return table, None
    results, failures, tally = [], [], Tally()
    cache = open_cache(args)
    for item in corrected(geo.run(args.paths, date=args.date, lang=args.lang, follow_links=args.follow_links,
                                  budget=budget_of(args), cache=cache), corrections, tally):
        (failures if isinstance(item, geo.ReadFailure) else results).append(item)
    for f in failures:
        print(f"incidents {command}: {f.path}: {f.error}", file=sys.stderr)
    if corrections is not None:
        print_tally(tally, command)
    if cache is not None and not args.quiet:
        print(f"incidents {command}: {cache_note(cache)}", file=sys.stderr)
    return geo.incidents_table(results), (len(results), len(failures))


def _map(args: argparse.Namespace) -> int:
    import maps

    from geo.output import atomic_writer

    if _browser_missing("map", "--png", args.png):
        return 2
    outputs = {"-o": args.output, "--embed": args.embed, "--static": args.static, "--png": args.png}
    incidents, counts, status = _incidents(args, "map", outputs)
    if status is not None:
        return status
    cluster = {"auto": None, "on": True, "off": False}[args.cluster]
    with _warnings_printed("map"):
        m = maps.incident_map(incidents, period=args.period, tiles=args.tiles, cluster=cluster, title=args.title)
    try:
        maps.to_html(m, args.output)
        if args.embed:
            with atomic_writer(args.embed) as fh:
                fh.write(maps.embed_html(m))
        if args.static:
            maps.static_map(incidents, args.static, title=args.title)
        if args.png:
            maps.to_png(m, args.png)
    except OSError as exc:
        print(f"incidents map: {_cannot_write(exc)}", file=sys.stderr)
        return 2
    except (maps.BrowserNotFound, ValueError) as exc:
        print(f"incidents map: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        read = f" from {counts[0]} reports ({counts[1]} failed)" if counts else ""
        print(f"incidents map: {len(incidents)} incidents{read} -> {args.output}", file=sys.stderr)
    return 0
