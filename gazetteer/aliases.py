"""Alias generation for the build: cue forms, exonyms, short forms, spacing and spelling variants."""

from __future__ import annotations

import re

import pandas as pd

from gazetteer.names import GIVEN_NAMES, PARTICLES, TITLES, doubled_consonants, fold, spelling_variants

__all__ = ["admin_aliases", "feature_aliases", "place_aliases", "capital_aliases", "rank_aliases", "HOW_TIER"]

#: How an alias was made, and its tier in ranking: 0 given by a source or a fixed form,
#: 1 generated from the name's structure, 2 a spelling alternation.
HOW_TIER = {
    "official": 0, "inei": 0, "castagnetto": 0, "inei_2007": 0, "geonames": 0, "natural_earth": 0,
    "exonym": 0, "cue_form": 0, "common_name": 0, "base_name": 0, "english_form": 0,
    "short_form": 1, "initials": 1, "first_word": 1, "surname": 1, "capital_of": 1, "spacing": 1, "spelling_variant": 2,
}
# First words that say what a place is, not which: never a name alone ("Alto" of Alto Amazonas).
GENERIC_WORDS = frozenset({"alto", "bajo", "gran", "puerto", "nuevo", "nueva", "villa", "buena", "tres", "dos",
                           "san", "santa", "santo", "santiago", "prov"})

CUE_FORMS = {
    "department": ["{n} region", "{n} department", "department of {n}", "region of {n}",
                   "departamento de {n}", "región {n}", "región de {n}", "{n} departamento"],
    "province": ["{n} province", "province of {n}", "provincia de {n}", "provincia {n}"],
    "district": ["{n} district", "district of {n}", "distrito de {n}", "distrito {n}"],
}
COUNTRY_NAMES = ["Peru", "Pérou", "Republic of Peru", "República del Perú"]
# English and older spellings of official names, applied to every admin unit of that name.
EXONYMS = {"Cusco": ["Cuzco"], "Nasca": ["Nazca"]}
REGION_NAMES = {
    "region:150100": ["Metropolitan Lima", "Lima Metropolitana", "Greater Lima", "Lima Metropolitan Area"],
    "region:159900": ["Lima Provincias", "Lima Provinces", "Región Lima Provincias"],
}
ZONE_NAMES = {
    "zone:vraem": [
        "VRAE", "VRAEM", "Apurimac and Ene River Valley", "Apurímac-Ene River Valley",
        "Apurimac and Ene River Valleys", "Apurimac and Ene Rivers Valley", "Apurimac-Ene Valley",
        "Apurimac, Ene, and Mantaro River Valley", "Apurimac, Ene, and Mantaro River Valleys",
        "Apurimac, Ene and Mantaro Rivers Valley", "Apurimac-Ene-Mantaro River Valley",
        "Valle de los Ríos Apurímac, Ene y Mantaro", "Valle de los Ríos Apurímac y Ene",
        "Valle del Río Apurímac y Ene", "Valle del Río Apurímac", "Valle del Apurímac",
        "Apurímac Valley",
    ],
    "zone:alto-huallaga": [
        "UHV", "Upper Huallaga Valley", "Upper Huallaga River Valley", "Upper Huallaga",
        "Alto Huallaga", "Huallaga Valley", "Valle del Huallaga", "Valle del Alto Huallaga",
        "Huallaga River Valley",
    ],
}
FEATURE_FORMS = {
    "river": ["Río {n}", "{n} River", "River {n}", "the {n}", "the {n} river", "el {n}"],
    "lake": ["Lago {n}", "Lake {n}"],
    "mountain": ["Nevado {n}", "Mount {n}"],
}
NATURAL_REGION_NAMES = {
    "natural_region:andes": ["Andes", "the Andes", "Andes Mountains", "Cordillera de los Andes",
                             "Los Andes", "Andean highlands"],
    "natural_region:amazon-basin": ["Amazon Basin", "Amazonia", "Amazonía", "Amazon",
                                    "Peruvian Amazon", "Amazon rainforest", "Amazon jungle",
                                    "Amazonía peruana"],
    "natural_region:selvas": ["Selva", "Selva Central", "Ceja de Selva"],
}
SAINT_PREFIX = re.compile(r"^(?:san|santa|santo|santiago|santisima|santa maria|san pedro|san juan|"
                          r"san jose|san miguel|san francisco)(?: [a-z]+)?? de (?P<rest>.{4,})$")
# Quechua word endings after which a compound name is also written as two words.
COMPOUND_ENDINGS = ("pampa", "bamba", "marca", "cocha", "cancha", "huasi", "huaman", "pata",
                    "puquio", "chaca", "rumi", "orco", "urco", "huayco", "huaylla", "raccay")
_COMPOUND = re.compile(r"^([a-z]{3,}?)(" + "|".join(COMPOUND_ENDINGS) + r")$")
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2019]")
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


def _row(pid: str, alias: str, how: str) -> dict:
    return {"place": pid, "alias": alias, "how": how}


def admin_aliases(p: dict) -> list[dict]:
    """Aliases of an administrative unit: its name, cue forms, exonyms and generated forms."""
    n, kind = p["name"], p["kind"]
    rows = [_row(p["id"], n, "official")]
    if kind == "country":
        rows += [_row(p["id"], a, "common_name") for a in COUNTRY_NAMES]
    rows += [_row(p["id"], a, "common_name") for a in REGION_NAMES.get(p["id"], [])]
    names = [n] + EXONYMS.get(n, [])
    rows += [_row(p["id"], a, "exonym") for a in names[1:]]
    for name in names:
        rows += [_row(p["id"], form.format(n=name), "cue_form") for form in CUE_FORMS.get(kind, [])]
    if kind in ("province", "district"):
        rows += generated_aliases(p["id"], n)
        rows += [_row(p["id"], a, "spelling_variant") for a in sorted(doubled_consonants(fold(n)))]
        rows += [_row(p["id"], a, "initials") for a in initials(n)]
    if kind == "province":
        rows += [_row(p["id"], a, how) for a, how in short_names(n)]
    return rows


def initials(name: str) -> list[str]:
    """Forms of a person's name with initials: "Daniel A. Carrion" and "D. A. Carrion" for
    Daniel Alcides Carrión (three words or more, the first a given name)."""
    words = fold(name).split()
    if len(words) < 3 or words[0] not in GIVEN_NAMES or PARTICLES.intersection(words):
        return []
    middle = " ".join(f"{w[0]}." for w in words[1:-1])
    return [f"{words[0]} {middle} {words[-1]}", f"{words[0][0]}. {middle} {words[-1]}"]


def short_names(name: str) -> list[tuple[str, str]]:
    """The word a two-word name is known by, with how it was made: its first ("Vilcas" for
    Vilcas Huamán, kept only where that word is a place's name too), or the surname of a
    person's name ("Fajardo" for Víctor Fajardo, "Carrion" for Daniel Alcides Carrión). Titled
    names ("Mariscal Nieto") and surname pairs ("Sánchez Carrión") have none: a person's."""
    words = fold(name).split()
    if len(words) < 2 or PARTICLES.intersection(words) or words[0] in GENERIC_WORDS or words[0] in TITLES:
        return []
    if words[0] in GIVEN_NAMES:
        return [(words[-1], "surname")] if len(words[-1]) >= 4 else []
    if words[0].endswith("ez"):  # a patronymic surname ("Sánchez Carrión"): a person's name
        return []
    return [(words[0], "first_word")] if len(words) == 2 and len(words[0]) >= 4 else []


def capital_aliases(places: list[dict]) -> list[dict]:
    """A province's name for the town that is its capital: "Huamanga" for the city of Ayacucho.
    The capital is the populated place of the capital's name nearest the province's seat
    (its coordinate), within 5 km."""
    towns: dict[tuple[str, str], list[dict]] = {}
    for p in places:
        if p["kind"] == "populated_place" and p["admin_code"]:
            towns.setdefault((p["admin_code"][:4], fold(p["name"])), []).append(p)
    rows = []
    for prov in places:
        if prov["kind"] != "province" or not (prov["note"] or "").startswith("capital: "):
            continue
        capital = fold(prov["note"].removeprefix("capital: "))
        if capital == fold(prov["name"]):
            continue
        near = [(_deg_km(t, prov), t["id"]) for t in towns.get((prov["ubigeo"], capital), ())]
        near = [x for x in near if x[0] <= 5.0]
        if near:
            rows.append(_row(min(near)[1], prov["name"], "capital_of"))
    return rows


def _deg_km(a: dict, b: dict) -> float:
    """Rough distance in km between two places' coordinates (enough to tell 5 km)."""
    return 111.0 * ((a["lat"] - b["lat"]) ** 2 + (a["lon"] - b["lon"]) ** 2) ** 0.5


def feature_aliases(p: dict, extra: list[tuple[str, str]]) -> list[dict]:
    """Aliases of a zone or natural feature: its name, common names and English/Spanish forms."""
    rows = [_row(p["id"], p["name"], "official")]
    rows += [_row(p["id"], a, "common_name") for a in ZONE_NAMES.get(p["id"], [])]
    rows += [_row(p["id"], a, "common_name") for a in NATURAL_REGION_NAMES.get(p["id"], [])]
    for alias, how in extra:
        rows.append(_row(p["id"], alias, how))
        for form in FEATURE_FORMS.get(p["kind"], []):
            rows.append(_row(p["id"], form.format(n=alias), "english_form"))
    return rows


def place_aliases(points: list[dict]) -> list[dict]:
    """Official names and generated forms of populated places."""
    rows = []
    for p in points:
        rows.append(_row(p["id"], p["name"], "official"))
        rows += generated_aliases(p["id"], p["name"])
    return rows


def generated_aliases(pid: str, name: str) -> list[dict]:
    """Saint-prefix short forms, spacing variants and Quechua/Spanish spelling variants."""
    key = fold(name)
    rows = []
    m = SAINT_PREFIX.match(key)
    if m:
        rows.append(_row(pid, m["rest"], "short_form"))
    words = key.split()
    if 1 < len(words) <= 3 and not PARTICLES.intersection(words):
        rows.append(_row(pid, "".join(words), "spacing"))
    elif len(words) == 1:
        c = _COMPOUND.match(key)
        if c:
            rows.append(_row(pid, f"{c[1]} {c[2]}", "spacing"))
    rows += [_row(pid, v, "spelling_variant") for v in sorted(spelling_variants(key))]
    return rows


def _usable(alias: str, how: str) -> bool:
    if not isinstance(alias, str) or not alias or _NON_LATIN.search(alias):
        return False
    if how == "geonames" and (_CODE_LIKE.match(alias) or not alias[:1].isupper()):
        return False  # airport codes and romanisations of other scripts ("kusko")
    return len(fold(alias)) >= 3


def rank_aliases(rows: list[dict], places: list[dict], kind_rank: dict[str, int]) -> pd.DataFrame:
    """One row per (key, place), ranked best first; ambiguous short forms are dropped."""
    df = pd.DataFrame(rows)
    df = df[[_usable(a, h) for a, h in zip(df.alias, df.how)]].copy()
    df["key"] = df.alias.map(fold)
    df["tier"] = df.how.map(HOW_TIER)
    df["how_order"] = df.how.map({h: i for i, h in enumerate(HOW_TIER)})
    info = pd.DataFrame(places)[["id", "kind", "population", "admin_code", "note"]].reset_index()
    info = info.rename(columns={"index": "place_idx", "id": "place"})
    df = df.merge(info, on="place", how="left", validate="many_to_one")
    official = set(df.key[df.tier == 0])
    short = df.how == "short_form"
    spread = df[short].groupby("key").admin_code.agg(lambda s: s.str[:6].nunique())
    clash = short & (df.key.isin(official) | df.key.map(spread).gt(1))
    # A unit's short name gives way to another unit's official name ("Huanca" is a district),
    # and a first word alone is a name only where it is a place's name too ("Vilcas", not "Sanchez").
    # A capital takes its province's name only where no other unit has it ("Huamanga", not "Santa").
    unit_rows = df[(df.tier == 0) & df.place.str.startswith(("province:", "district:", "department:", "region:"))]
    units_per_key = unit_rows.groupby("key").place.nunique()
    clash |= df.how.isin(("first_word", "surname")) & df.key.isin(units_per_key.index)
    clash |= (df.how == "first_word") & ~df.key.isin(official)
    clash |= (df.how == "capital_of") & df.key.map(units_per_key).gt(1)
    df = df[~clash]
    df["kind_rank"] = df.kind.map(kind_rank)
    df["pop"] = -df.population.fillna(0).astype("int64")
    df["rural"] = df.note.fillna("").str.contains("rural")
    df = df.sort_values(["key", "kind_rank", "tier", "pop", "rural", "place_idx", "how_order", "alias"],
                        kind="stable")
    df = df.drop_duplicates(["key", "place_idx"], keep="first")
    out = df[["key", "place_idx", "alias", "how"]].reset_index(drop=True)
    out["place_idx"] = out.place_idx.astype("int32")
    out["how"] = pd.Categorical(out.how, categories=list(HOW_TIER))
    return out
