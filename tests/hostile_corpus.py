"""A generator of bad inputs: broken encodings, binary, huge, malformed, adversarial text and names."""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

GOOD_REPORT = ("Lima, 12 March 2010\n\nGunmen ambushed an army patrol near Pichari, in the VRAE, on March 10, "
               "killing three soldiers and wounding two.\n")
GOOD_CORPUS_ROW = {"id": "good-row", "date": "2012-02-14",
                   "text": "Police seized 2 tonnes of cocaine in Tocache, San Martín, on February 12."}
SCRIPT = "<script>window.pwned=1</script>"
IMG = "<img src=x onerror=\"window.pwned=2\">"
PLACES = ["Ayacucho", "Huanta", "Pichari", "Cusco", "Junín", "Ocobamba", "Lima"]


def write_hostile_corpus(root: Path, seed: int = 7) -> dict[str, list[Path]]:
    """Write at least 200 bad inputs (and the good ones mixed in) under ``root``; return them by kind."""
    rng = random.Random(seed)
    made: dict[str, list[Path]] = {}

    def put(kind: str, name: str, data: bytes | str) -> None:
        path = root / kind / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        made.setdefault(kind, []).append(path)

    put("good", "good-report.txt", GOOD_REPORT)
    put("good", "good-corpus.jsonl", json.dumps(GOOD_CORPUS_ROW) + "\n")
    for i in range(10):
        put("empty", f"empty-{i}.txt", b"" if i % 2 else b" \n\t " * i)
    for i in range(20):
        put("binary", f"binary-{i}.txt", bytes(rng.randrange(256) for _ in range(rng.randrange(16, 4096))))
    for i in range(15):
        text = f"Ataque en {rng.choice(PLACES)} el 3 de mayo de 2009, murieron dos policías. ñandú".encode("utf-8")
        put("truncated-utf8", f"cut-{i}.txt", text[:len(text) - 1 - (i % 2)] + b"\xc3")
    for i in range(10):
        text = f"Emboscada en {rng.choice(PLACES)} el 9 de abril de 2009; murieron {i + 1} soldados."
        put("utf16", f"bom-{i}.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
        put("utf16", f"nobom-{i}.md", text.encode("utf-16-le"))
    for i in range(10):
        put("cp1252", f"latin-{i}.txt",
            f"Atentado en {rng.choice(PLACES)} – “coche bomba” el 16 de julio de 1992. Año {i}".encode("cp1252"))
    for i in range(10):
        put("nul", f"nul-{i}.txt", f"Ataque en Huanta\x00 el 5 de junio\x00{i}".encode("utf-8") * 20)
    put("huge", "fifty-mb-line.txt", b"x" * (50 * 2**20))
    put("repeated", "hundred-thousand-names.txt", ("Huanta " * 100_000).encode("utf-8"))
    rows = []
    for i in range(40):
        depth = rng.choice([1, 50, 3000])
        rows.append("[" * depth + "]" * depth if i % 4 == 0 else
                    "{" * depth + '"a":1' + "}" * (depth // 2) if i % 4 == 1 else
                    '{"id": "row-%d", "text": 12345}' % i if i % 4 == 2 else
                    '{"id": "../../../../tmp/evil-%d", "text": "%s en Ayacucho el 3 de mayo de 2009"}' % (i, SCRIPT.replace('"', "'")))
    put("jsonl", "malformed.jsonl", "\n".join(rows) + "\n" + json.dumps(GOOD_CORPUS_ROW) + "\n")
    for i in range(10):
        put("csv", f"broken-{i}.csv", 'id,text\n1,"unterminated quote\n2,"x""y\n' + "a," * 5000 + "\n" if i % 2
            else "id,date,text\n" + "\n".join(f'r{j},2009-04-{j + 1:02d},"{s}"' for j, s in enumerate(
                [f"February 30 attack in {rng.choice(PLACES)}", "13/13/07 bombing in Huanta killed 1e309",
                 f"{SCRIPT} protest in Lima", "\u202eacuhcayA\u202c ambush on May 3"])) + "\n")
    oddities = ["February 30, 2009: an attack in Huanta killed four.", "On 13/13/07 a bomb exploded in Lima.",
                "1e309 killed in an ambush in Pichari on May 3, 2009.", "A blast in Cusco killed 99999999999 people.",
                "An attack in Hua\u200bnta and Aya\u200dcucho on June 5, 2009.",
                "Ambush in \u202bأيكوتشو\u202c (Ayacucho) on June 5, 2009 killed two.",
                f"{SCRIPT} Police were attacked in Huanta on May 3, 2009 {IMG}.",
                "Lima" * 20_000, "\U0001F4A3" * 5000 + " bomb in Lima on May 3, 2009",
                "ataque " * 30_000]
    for i in range(80):
        put("text", f"odd-{i}.txt", oddities[i % len(oddities)] + f" ({i})")
    for name in [f"{SCRIPT}.txt", f"{IMG}.md", "quote\"and'apostrophe.txt", "..\u202etxt.exe.txt", "ñandú ütf.txt",
                 "spaces and\ttab.txt", "-o.txt", "--help.txt"]:
        put("names", name.replace("/", "_"), GOOD_REPORT)
    return made


def count_inputs(made: dict[str, list[Path]]) -> int:
    """How many documents or failures the corpus must give at least (files, plus corpus rows)."""
    return sum(len(v) for v in made.values())


#: Inputs that each fail on their own (or give a warning) while every other input is read: name -> what the
#: reason (or warning) says.
ISOLATION_REASONS = {
    "surrogate-id.jsonl:1": "lone surrogate",
    "huge-integer.jsonl:1": "a JSON integer of 5,000 digits",
    "truncated.jsonl.gz:": "truncated",
    "x.jsonl": "FIFO",
    "caf\\xe9.txt": "not valid UTF-8",
}


def write_isolation_cases(root: Path) -> dict[str, Path]:
    """Write the inputs of issue 14's isolation cases under ``root`` (a FIFO ``x.jsonl`` beside the folder
    ``root / "in"``, to be given explicitly); return the paths by name, good inputs included."""
    import gzip
    import os

    folder = root / "in"
    folder.mkdir(parents=True, exist_ok=True)
    made = {"good-report.txt": folder / "good-report.txt", "good-corpus.jsonl": folder / "good-corpus.jsonl"}
    made["good-report.txt"].write_text(GOOD_REPORT, encoding="utf-8")
    made["good-corpus.jsonl"].write_text(json.dumps(GOOD_CORPUS_ROW) + "\n", encoding="utf-8")
    made["dtg-9999.txt"] = folder / "dtg-9999.txt"
    made["dtg-9999.txt"].write_text("P 311454Z DEC 9999\nSUBJECT: AMBUSH\n1. (C) Gunmen ambushed a patrol near "
                                    "Pichari the next day, killing three soldiers.\n", encoding="utf-8")
    made["blank-lines.txt"] = folder / "blank-lines.txt"
    made["blank-lines.txt"].write_text(GOOD_REPORT + "\n" * 25_000 + "end\n", encoding="utf-8")
    row = dict(GOOD_CORPUS_ROW)
    made["surrogate-id.jsonl"] = folder / "surrogate-id.jsonl"
    made["surrogate-id.jsonl"].write_text('{"id": "a\\ud800b", "text": "Police seized cocaine in Tocache."}\n'
                                          + json.dumps({**row, "id": "after-surrogate"}) + "\n", encoding="utf-8")
    made["huge-integer.jsonl"] = folder / "huge-integer.jsonl"
    made["huge-integer.jsonl"].write_text('{"id": ' + "7" * 5000 + ', "text": "x"}\n'
                                          + json.dumps({**row, "id": "after-integer"}) + "\n", encoding="utf-8")
    rows = "".join(json.dumps({**row, "id": f"gz-{i}"}) + "\n" for i in range(40)).encode("utf-8")
    made["truncated.jsonl.gz"] = folder / "truncated.jsonl.gz"
    whole = gzip.compress(rows)
    made["truncated.jsonl.gz"].write_bytes(whole[:int(len(whole) * 0.8)])
    name = os.fsdecode(os.fsencode(str(folder)) + b"/caf\xe9.txt")
    Path(name).write_text(GOOD_REPORT, encoding="utf-8")
    made["caf\\xe9.txt"] = Path(name)
    made["x.jsonl"] = root / "x.jsonl"
    os.mkfifo(made["x.jsonl"])
    return made
