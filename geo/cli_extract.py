"""The ``incidents extract`` command: reports in, one JSON record per input out."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

from geo.budget import Budget
from geo.cache import StoredResult
from geo.cli_cache import add_cache_option, cache_note, open_cache
from geo.cli_corrections import add_corrections_option, corrected, corrections_of, print_tally
from geo.dask_engine import PARTITION_DOCS, SchedulerUnreachable
from geo.dataset import check_dataset_target
from geo.document import ReadFailure
from geo.errors import UsageError
from geo.extract import run
from geo.lang import languages
from geo.output import atomic_writer, jsonl_line, write_lines, writes_through
from geo.read import Fields, input_files, iter_read, language_option
from geo.result import DocumentResult, brief, record
from geo.targets import check_outputs
from geo.workers import cap_workers

__all__ = ["add_command", "add_lang_option", "add_budget_options", "budget_of", "cannot_write", "iso_date"]


def add_command(subparsers, *, write_table) -> None:
    """Register ``extract`` on an argparse subparsers object; ``write_table(table, path, fmt)`` writes its
    tables, in every format ``--format`` offers (the command line passes the map package's, which styles them)."""
    p = subparsers.add_parser(
        "extract", help="find and resolve the places (and incidents) in reports",
        description="Read reports (.txt, .md, .jsonl, .csv, folders, globs) and write one JSON "
                    "record per input document: its date, status, place mentions and incidents.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=[*dict.fromkeys(_SUFFIX_FORMATS.values()), "parquet-dataset"], default=None,
                   help="jsonl: one record per input document (places and incidents); geojson, gpkg, parquet, "
                        "csv: the incidents table; parquet-dataset: the table as GeoParquet parts in the -o "
                        "folder; kml, kmz: the incidents for Google Earth (default: from the output's suffix; "
                        "jsonl for standard output or a name without one)")
    p.add_argument("--no-merge", action="store_true",
                   help="in tables, keep one row per report of an incident instead of merging reports")
    p.add_argument("-o", "--output", default="-", help="output file, or - for standard output (default)")
    p.add_argument("--footprints", choices=["full", "simplified", "none"], default="simplified",
                   help="in tables, every area-level row names its area by footprint_id; the footprint column "
                        "also holds its shape in full, simplified (the default: about 2 km) or not at all")
    p.add_argument("--date", type=iso_date, help="date (YYYY-MM-DD) of documents that give none")
    add_lang_option(p)
    add_budget_options(p)
    p.add_argument("--id-field", default="id", help="id field of JSONL/CSV corpora (default id)")
    p.add_argument("--text-field", default="text", help="text field of JSONL/CSV corpora (default text)")
    p.add_argument("--date-field", default="date", help="date field of JSONL/CSV corpora (default date)")
    p.add_argument("--title-field", default="subject", help="title field of JSONL/CSV corpora (default subject)")
    p.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                   help="process documents on N local processes (the output is the same; at most one "
                        "a core, and as many as memory allows)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="dask: process documents on a Dask cluster (a local one unless --scheduler; the output "
                        "is the same)")
    p.add_argument("--scheduler", metavar="ADDRESS", type=_scheduler_address,
                   help="with --engine dask: an existing cluster's scheduler (tcp://HOST:PORT)")
    p.add_argument("--partition-size", type=_positive_int, metavar="N",
                   help=f"with --engine dask: documents in one partition, a task (default {PARTITION_DOCS})")
    p.add_argument("--follow-links", action="store_true",
                   help="read files that links inside an input folder point to outside it (skipped by default)")
    add_cache_option(p)
    p.add_argument("--report", metavar="FILE",
                   help="also a JSON run report: every input with its status, reason, counts and time")
    add_corrections_option(p)
    p.add_argument("-q", "--quiet", action="store_true", help="print no summary")
    p.set_defaults(func=_extract, write_table=write_table)


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """``--lang auto|en|es``: the language of every report (an unknown code is a usage error)."""
    parser.add_argument("--lang", choices=["auto", *languages()], default="auto",
                        help="the language of every report (default auto: a JSONL/CSV row's lang or "
                             "language field, else detected from the text)")


def add_budget_options(parser: argparse.ArgumentParser) -> None:
    """``--max-chars`` and ``--max-seconds``: the per-document budget (a document over it fails, the run goes on)."""
    default = Budget()
    parser.add_argument("--max-chars", type=_count("--max-chars"), default=default.chars, metavar="N",
                        help=f"a document longer than N characters fails (default {default.chars:,}; 0: no limit)")
    parser.add_argument("--max-seconds", type=_count("--max-seconds", float), default=default.seconds,
                        metavar="S", help=f"a document taking more than S seconds to read or process fails "
                                          f"(default {default.seconds:g}; 0: no limit)")


def budget_of(args: argparse.Namespace) -> Budget:
    """The per-document budget the command line asks for."""
    return Budget(chars=args.max_chars, seconds=args.max_seconds)


def _count(flag: str, kind=int):
    def parse(value: str):
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{flag} takes a number, not {value!r}") from None
        if not number >= 0 or number == float("inf"):
            raise argparse.ArgumentTypeError(f"{flag} takes a number of 0 or more (0: no limit), not {value!r}")
        return number
    return parse


def iso_date(value: str) -> date:
    """A ``--date`` value: a day written YYYY-MM-DD (argparse names the flag in its error)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a day of the calendar (YYYY-MM-DD)") from None
    raise argparse.ArgumentTypeError(f"expected a date in YYYY-MM-DD form (13 Nov 2007 is 2007-11-13), "
                                     f"not {value!r}")


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of 1 or more: {value!r}")
    return n


def _scheduler_address(value: str) -> str:
    """A Dask scheduler address, ``tcp://HOST:PORT`` (or another of Dask's protocols, or HOST:PORT)."""
    if not _ADDRESS.fullmatch(value):
        raise argparse.ArgumentTypeError(f"not a scheduler address: {value!r} (expected tcp://HOST:PORT)")
    return value


_ADDRESS = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx|inproc)://)?[A-Za-z0-9._\-]+:\d{1,5}|inproc://\S+")


def _extract(args: argparse.Namespace) -> int:
    fields = Fields(id=args.id_field, text=args.text_field, date=args.date_field, title=args.title_field)
    for flag, value in (("--scheduler", args.scheduler), ("--partition-size", args.partition_size)):
        if value and args.engine != "dask":
            print(f"incidents extract: {flag} needs --engine dask", file=sys.stderr)
            return 2
    if args.cache and args.engine == "dask":
        print("incidents extract: --cache works with the local engine (drop --engine dask)", file=sys.stderr)
        return 2
    try:
        fmt = _output_format(args.output, args.format)
        if fmt == "parquet-dataset":
            check_dataset_target(args.output)
        check_outputs({"-o": args.output, "--report": args.report},
                      [*args.paths, *([args.corrections] if args.corrections else []),
                       *(p for p in input_files(args.paths, follow_links=args.follow_links) if isinstance(p, Path))])
        corrections = corrections_of(args.corrections)
        # A run that writes records alone copies each cached one as it was stored, decoding nothing else.
        cache = open_cache(args, records_only=fmt == "jsonl" and corrections is None)
    except UsageError as exc:
        print(f"incidents extract: {exc}", file=sys.stderr)
        return 2
    try:
        with _engine(args) as engine:
            return _run(args, fields, fmt, engine, corrections, cache)
    except SchedulerUnreachable as exc:
        print(f"incidents extract: {exc}", file=sys.stderr)
        return 2


class _Local:
    """The local engine: one process, or ``--workers`` processes (capped by cores and memory)."""

    def __init__(self, args: argparse.Namespace):
        self.workers, note = cap_workers(args.workers)
        if note:
            print(f"incidents extract: {note}", file=sys.stderr)
        self.budget = budget_of(args)
        self.failed_partitions: list[dict] = []

    def process(self, items):
        from geo.parallel import process_many

        return process_many(items, self.workers, budget=self.budget)


@contextmanager
def _engine(args: argparse.Namespace):
    """What processes the documents: local processes, or a Dask cluster (SchedulerUnreachable if it does not answer)."""
    if args.engine != "dask":
        yield _Local(args)
        return
    from geo.dask_engine import dask_run

    with dask_run(args.scheduler, budget_of(args), args.partition_size or PARTITION_DOCS) as engine:
        yield engine


def _results(args: argparse.Namespace, fields: Fields, engine, cache):
    """The inputs' results in input order: from ``cache`` where it holds them (the local engine), else
    from ``engine``."""
    if cache is not None:
        return run(args.paths, fields=fields, date=args.date, workers=engine.workers, lang=args.lang,
                   follow_links=args.follow_links, budget=budget_of(args), cache=cache)
    return engine.process(iter_read(args.paths, fields=fields, date=args.date, lang=language_option(args.lang),
                                    follow_links=args.follow_links, budget=budget_of(args)))


def _run(args: argparse.Namespace, fields: Fields, fmt: str, engine, corrections, cache) -> int:
    """Read the inputs, have ``engine`` process them in input order, and write the output and the report."""
    counts = {"ok": 0, "failed": 0, "skipped": 0, "mentions": 0, "incidents": 0}
    results = []
    inputs = tempfile.TemporaryFile("w+", encoding="utf-8") if args.report else None  # not held in memory
    if corrections is not None:
        from geo.corrected import Tally

        tally = Tally()
    else:
        tally = None

    def records():
        """Each input's JSONL line (None for a table: it is not written), its figures counted and reported."""
        clock = time.perf_counter()
        items = corrected(_results(args, fields, engine, cache), corrections, tally)
        for item in _progress(items, args):
            if fmt != "jsonl" and not isinstance(item, ReadFailure) and item.incidents:  # the table needs no text
                results.append(DocumentResult(replace(item.document, text="", header=[]), [], item.incidents))
            if isinstance(item, StoredResult):  # a cached run's result: its record is made, and stored, once
                line, rec = item.line, item.brief
            else:
                full = record(item)
                line, rec = jsonl_line(full) if fmt == "jsonl" else None, brief(full)
            now = time.perf_counter()
            if inputs:
                inputs.write(json.dumps({**rec, "seconds": round(now - clock, 4)}, ensure_ascii=False) + "\n")
            clock = now
            counts[rec["status"]] += 1
            counts["mentions"] += rec["mentions"]
            counts["incidents"] += rec["incidents"]
            if rec["status"] != "ok":
                print(f"incidents extract: {rec['path']}: {rec['error']}", file=sys.stderr)
            for note in rec["warnings"]:
                print(f"incidents extract: warning: {note}", file=sys.stderr)
            yield line

    items, output_error = records(), None
    try:
        if fmt == "jsonl":
            write_lines(items, args.output)
        else:
            for _ in items:
                pass
            from geo.table import incidents_table

            table = incidents_table(results, merge=not args.no_merge)
            if fmt == "parquet-dataset":
                from geo.dataset import write_dataset

                write_dataset(table, args.output, footprints=args.footprints)
            else:
                args.write_table(table, args.output, fmt, footprints=args.footprints)
    except OSError as exc:
        output_error = cannot_write(exc, args.output)
        print(f"incidents extract: {output_error}", file=sys.stderr)
    for _ in items:  # the output failed midway: the other inputs are still read and listed in the report
        pass
    for lost in engine.failed_partitions:
        print(f"incidents extract: Dask partition {lost['partition']} ({lost['documents']} documents, "
              f"{lost['first']} to {lost['last']}) was lost ({lost['error']}); retried one document a task, "
              f"{lost['lost_again']} lost again", file=sys.stderr)
    total = sum(counts[k] for k in ("ok", "failed", "skipped"))
    if args.report:
        summary = {"command": "extract", "engine": args.engine, "inputs": total, "read": counts["ok"],
                   "failed": counts["failed"], "skipped": counts["skipped"], "mentions": counts["mentions"],
                   "incidents": counts["incidents"], "output": args.output, "format": fmt,
                   "output_error": output_error, "failed_partitions": engine.failed_partitions}
        if corrections is not None:
            summary["corrections"] = tally.record()
        if cache is not None:
            summary["cache"] = cache.summary()
        with inputs:
            if not _write_report(summary, inputs, args.report):
                return 2
    if corrections is not None:
        print_tally(tally, "extract")
    if output_error:
        return 2
    if not args.quiet:
        print(f"incidents extract: {total} inputs, {counts['ok']} read, {counts['failed']} failed, "
              f"{counts['skipped']} skipped; {counts['mentions']} place mentions, {counts['incidents']} incidents"
              f"{'; ' + cache_note(cache) if cache else ''}", file=sys.stderr)
    return 0 if counts["ok"] else 1


def _write_report(summary: dict, documents, path: str) -> bool:
    """Write the run report: ``summary`` and its ``documents`` (a file of one JSON object a line,
    copied a line at a time); say so and return False when it cannot be written."""
    try:
        with atomic_writer(path) as fh:
            fh.write("{\n" + "".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n"
                                     for k, v in summary.items()) + ' "documents": [')
            documents.seek(0)
            for n, line in enumerate(documents):
                fh.write(("\n  " if not n else ",\n  ") + line.rstrip("\n"))
            fh.write("\n ]\n}\n")
    except OSError as exc:
        print(f"incidents extract: {cannot_write(exc, path)}", file=sys.stderr)
        return False
    return True


def cannot_write(exc: OSError, path: str) -> str:
    """The message for an output that cannot be written, naming the file."""
    return f"cannot write {exc.filename or path}: {exc.strerror or exc}"


def _progress(items, args):
    """A progress bar (documents done, rate, time left) on a terminal; nothing otherwise."""
    if args.quiet or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, total=_count_inputs(args), unit="doc", file=sys.stderr, smoothing=0.1)


def _count_inputs(args) -> int | None:
    """About how many documents the inputs hold (files, and lines of corpora), for the time left."""
    from geo.lines import count_lines
    from geo.read import CORPUS_SUFFIXES, open_maybe_gzip

    total = 0
    for p in input_files(args.paths, follow_links=args.follow_links):
        if not isinstance(p, Path) or not p.name.lower().endswith(CORPUS_SUFFIXES):
            total += 1
            continue
        try:
            with open_maybe_gzip(p) as fh:
                total += count_lines(fh) - (1 if p.name.lower().endswith(".csv") else 0)
        except OSError:
            total += 1
    return total


#: What an output's suffix says it holds (a name without a suffix, and standard output, get JSONL).
_SUFFIX_FORMATS = {"jsonl": "jsonl", "ndjson": "jsonl", "geojson": "geojson", "json": "geojson", "gpkg": "gpkg",
                  "parquet": "parquet", "pq": "parquet", "csv": "csv", "kml": "kml", "kmz": "kmz"}


def _output_format(output: str, asked: str | None) -> str:
    """The format to write ``output`` in: ``--format`` if given, else the one its suffix names.

    A suffix that names no format, or another format than ``--format``, is a UsageError listing the formats;
    so is a folder (an existing one, or a name ending in /) unless ``--format`` is parquet-dataset.
    """
    folder = output != "-" and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    if folder and asked != "parquet-dataset":
        raise UsageError(f"-o {output} is a folder: " + (f"--format {asked} writes a file; name one" if asked else
                         "give --format parquet-dataset to write the incidents table there as GeoParquet parts, "
                         "or name a file"))
    name = Path(output).name
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name.lstrip(".") else ""
    named = _SUFFIX_FORMATS.get(suffix)
    if asked is None and suffix and named is None and output != "-" and not writes_through(output):
        raise UsageError(f"-o {output}: .{suffix} is not a format this command writes; the formats are "
                         f"{_suffixes()}: name the file for one of them, or give --format")
    if asked == "parquet-dataset" and named not in (None, "parquet"):
        raise UsageError(f"-o {output} names a {named} file but --format parquet-dataset writes a folder: "
                         f"name a folder (-o DIR/), or drop --format")
    if asked not in (None, "parquet-dataset") and named is not None and named != asked:
        raise UsageError(f"-o {output} names a {named} file but --format says {asked}: drop --format, "
                         f"or name the file .{asked}")
    fmt = asked or named or "jsonl"
    if fmt != "jsonl" and output == "-":
        target = "folder (-o DIR/)" if fmt == "parquet-dataset" else "file (-o FILE)"
        raise UsageError(f"--format {fmt} needs a {target}")
    return fmt


def _suffixes() -> str:
    kinds = {}
    for suffix, fmt in _SUFFIX_FORMATS.items():
        kinds.setdefault(fmt, []).append(f".{suffix}")
    return ", ".join(f"{fmt} ({' or '.join(s)})" for fmt, s in kinds.items())
