"""Numbers written in words or digits, in English and Spanish, with ACLED's values for vague counts."""

from __future__ import annotations

import math
import re

__all__ = ["parse_number", "NUMBER", "VAGUE"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiún": 21, "veintiun": 21, "veintidós": 22,
    "veintidos": 22, "veintitrés": 23, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiséis": 26, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300,
    "cuatrocientos": 400, "quinientos": 500,
}
_SCALES = {"hundred": 100, "thousand": 1000, "mil": 1000}
#: ACLED's conventions for counts given in words without a figure.
VAGUE = {
    "a dozen": 12, "dozen": 12, "dozens": 12, "una docena": 12, "docena": 12, "decenas": 12,
    "several": 3, "a few": 3, "few": 3, "varios": 3, "varias": 3, "algunos": 3, "algunas": 3,
    "hundreds": 100, "cientos": 100, "centenares": 100, "scores": 20,
}
_WORD = "|".join(sorted(list(_UNITS) + list(_SCALES), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
#: A count: digits, number words ("twenty-one", "veinte y dos"), or a vague word ("dozens").
NUMBER = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORD})(?:(?:[\s-]+|\s+y\s+|\s+and\s+)(?:{_WORD}))*|{_VAGUE})")
_WHOLE = re.compile(NUMBER, re.IGNORECASE)
_TOKEN = re.compile(rf"{_WORD}|\d+", re.IGNORECASE)
_CAP = 10**7  # no incident kills more: larger figures are not counts ("1e309 killed")


def parse_number(text: str) -> int | None:
    """The value of a count such as ``"four"``, ``"twenty-one"``, ``"1,200"``, ``"una docena"``.

    Vague words take ACLED's values ("several" 3, "dozens" 12); None when ``text`` is no count.
    """
    t = text.strip().lower()
    if not t:
        return None
    if t in VAGUE:
        return VAGUE[t]
    if not _WHOLE.fullmatch(t):
        return None
    digits = t.replace(",", "")
    if digits.isdigit():
        value = int(digits) if len(digits) <= 8 else _CAP + 1
        return value if value <= _CAP else None
    total, current, seen = 0, 0, False
    for tok in _TOKEN.findall(t):
        seen = True
        if tok.isdigit():
            current += int(tok)
        elif tok in _SCALES:
            current = max(current, 1) * _SCALES[tok]
            if _SCALES[tok] >= 1000:
                total, current = total + current, 0
        else:
            current += _UNITS[tok]
    value = total + current
    return value if seen and math.isfinite(value) and value <= _CAP else None
