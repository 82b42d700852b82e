"""The ``incidents gazetteer`` commands: lookup, reverse and info."""

from __future__ import annotations

import argparse
import json
import sys

from typing import TYPE_CHECKING

from gazetteer.errors import GazetteerError
from gazetteer.place import KINDS

if TYPE_CHECKING:  # the gazetteer (and its pyarrow) is loaded by a command that looks places up
    from gazetteer.place import Place

__all__ = ["add_commands"]


def add_commands(subparsers) -> None:
    """Register ``gazetteer lookup|reverse|info`` on an argparse subparsers object."""
    gaz = subparsers.add_parser("gazetteer", help="look places up in the offline Peru gazetteer")
    sub = gaz.add_subparsers(dest="gazetteer_command", required=True)
    lookup = sub.add_parser("lookup", help="places with a name, ranked best first")
    lookup.add_argument("name")
    lookup.add_argument("--kind", action="append", choices=KINDS, help="keep only this kind (repeatable)")
    lookup.add_argument("--within", help="keep only places inside this place id (e.g. department:08)")
    lookup.add_argument("--limit", type=int, default=20, help="at most this many rows (default 20)")
    lookup.add_argument("--json", action="store_true", help="print JSON records")
    lookup.set_defaults(func=_lookup)
    reverse = sub.add_parser("reverse", help="the district, province and department containing a point")
    reverse.add_argument("lat", type=float)
    reverse.add_argument("lon", type=float)
    reverse.add_argument("--json", action="store_true")
    reverse.set_defaults(func=_reverse)
    info = sub.add_parser("info", help="counts by kind, sources, licences and vintage")
    info.add_argument("--json", action="store_true")
    info.set_defaults(func=_info)


def _table(places: list[Place]) -> str:
    rows = [("id", "kind", "place", "lat", "lon", "population")]
    rows += [(p.id, p.kind, p.admin_chain, f"{p.lat:.4f}", f"{p.lon:.4f}",
              f"{p.population:,}" if p.population else "") for p in places]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def _lookup(args: argparse.Namespace) -> int:
    from gazetteer.lookup import Gazetteer

    gaz = Gazetteer.load()
    try:
        places = gaz.lookup(args.name, kinds=args.kind, within=args.within)
    except GazetteerError as exc:
        print(f"incidents gazetteer lookup: {exc}", file=sys.stderr)
        return 2
    shown = places[: args.limit]
    if args.json:
        print(json.dumps([p.to_dict() for p in shown], ensure_ascii=False, indent=1))
        return 0 if places else 1
    if not places:
        close = gaz.suggest(args.name, kinds=args.kind)
        hint = ("; did you mean " + ", ".join(f"{s.name} ({s.place.kind}, {s.place.admin1 or 'Peru'})"
                                              for s in close) + "?") if close else ""
        print(f"no place named {args.name!r}{hint}", file=sys.stderr)
        return 1
    print(_table(shown))
    if len(places) > len(shown):
        print(f"... {len(places) - len(shown)} more (use --limit)")
    return 0


def _reverse(args: argparse.Namespace) -> int:
    from gazetteer.lookup import Gazetteer

    try:
        found = Gazetteer.load().locate(args.lat, args.lon)
    except GazetteerError as exc:
        print(f"incidents gazetteer reverse: {exc}", file=sys.stderr)
        return 2
    if found is None:
        if args.json:
            print("null")
        else:
            print(f"({args.lat}, {args.lon}) is not in Peru", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({k: p.to_dict() for k, p in found._asdict().items()}, ensure_ascii=False, indent=1))
    else:
        print(_table(list(found)))
    return 0


def _info(args: argparse.Namespace) -> int:
    from gazetteer.lookup import Gazetteer

    m = Gazetteer.load().manifest
    if args.json:
        print(json.dumps(m, ensure_ascii=False, indent=1))
        return 0
    print(f"{m['name']}\nvintage: {m['vintage']}\n\nplaces by kind:")
    for kind, n in m["counts"].items():
        print(f"  {kind:16s} {n:>7,}")
    print(f"  {'aliases':16s} {m['aliases']:>7,}")
    d = m["sources_detail"]
    print(f"\npopulated places: {d['inei_populated_centres']:,} INEI centres, {d['geonames_places']:,} GeoNames "
          f"places of which {d['geonames_merged_into_inei']:,} matched an INEI centre (same name within 5 km)")
    print("\nsources and licences:")
    for s in m["sources"]:
        print(f"  - {s['name']} [{s['licence']}]: {s['what']}\n    {s['attribution']}")
    return 0
