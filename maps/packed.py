"""The map's incident data packed for the page: field names once, and each repeated text once, looked up by index."""

from __future__ import annotations

__all__ = ["pack", "UNPACK_JS"]

#: Fields whose texts are sent once in ``strings`` and named by their index: sources, paths, document
#: ids, places, actors, types, dates, precision labels and colours repeat across incidents. The id is
#: every incident's own and goes as it is.
_LOOKED_UP = ("date", "ds", "type", "sub", "kind", "c", "a1", "a2", "loc", "chain", "dept", "where", "ev",
              "hl", "src", "docs", "paths")

#: JavaScript turning the packed block (``data``) back into one object per incident, with every field
#: (null where the record has none), as :func:`pack` got them.
UNPACK_JS = """function (data) {
    var fields = data.fields, looked = data.looked, strings = data.strings;
    return data.rows.map(function (row) {
      var d = {};
      for (var i = 0; i < fields.length; i++) {
        var v = row[i];
        d[fields[i]] = looked[i] && v !== null ? strings[v] : v;
      }
      return d;
    });
  }"""


def pack(records: list[dict]) -> dict:
    """``{"fields", "looked", "strings", "rows"}``: a row per record, its values in ``fields`` order
    (missing ones null); where ``looked`` says so, a value is its index in ``strings``."""
    fields = list(dict.fromkeys(k for r in records for k in r))
    looked = [f in _LOOKED_UP for f in fields]
    index: dict[str, int] = {}
    columns = []
    for f, lookup in zip(fields, looked):
        values = [r.get(f) for r in records]
        columns.append([None if v is None else index.setdefault(v, len(index)) for v in values] if lookup else values)
    return {"fields": fields, "looked": looked, "strings": list(index), "rows": [list(row) for row in zip(*columns)]}
