"""The ``incidents`` command line: the one geo module that joins the packages (gazetteer, geo, maps) into commands."""

from __future__ import annotations

import argparse
import sys

from gazetteer.cli import add_commands as add_gazetteer_commands
from geo.cli_cache import add_command as add_cache_command
from geo.cli_corrections import add_command as add_corrections_command
from geo.cli_extract import add_command as add_extract_command
from maps.cli import add_command as add_map_command
from maps.cli import add_report_command
from maps.review_cli import add_command as add_review_command
from maps.table_export import write_incidents

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every ``incidents`` command."""
    parser = argparse.ArgumentParser(
        prog="incidents",
        description="Map dated incidents from reports about Peru, with an offline gazetteer.")
    sub = parser.add_subparsers(dest="command", required=True)
    add_extract_command(sub, write_table=write_incidents)
    add_map_command(sub)
    add_report_command(sub)
    add_review_command(sub)
    add_corrections_command(sub)
    add_gazetteer_commands(sub)
    add_cache_command(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # output piped into head and closed
        return 0


if __name__ == "__main__":
    sys.exit(main())
