"""Name folding and the spelling variants that reports mix, shared by the build and lookups."""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

__all__ = ["fold", "spelling_variants", "doubled_consonants", "display_case", "PARTICLES", "GIVEN_NAMES", "TITLES"]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")

#: Spanish particles kept in lower case inside names ("Santa Rosa de Alto Yanajanca").
PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "en"})
#: Folded given names: a name that starts with one is a person's, or a place named after a person.
GIVEN_NAMES = frozenset({
    "abelardo", "abimael", "alan", "alberto", "alejandro", "alfonso", "alfredo", "ana", "andres", "antonio",
    "augusto", "carlos", "carmen", "cesar", "daniel", "david", "dina", "eduardo", "elena", "elias", "emilio",
    "enrique", "ernesto", "fernando", "fidel", "francisco", "george", "gustavo", "hugo", "james", "javier",
    "john", "jorge", "jose", "juan", "julio", "keiko", "leoncio", "lucia", "luis", "luisa", "manuel", "maria",
    "mariano", "mario", "mary", "michael", "miguel", "ollanta", "pablo", "paul", "pedro", "peter", "rafael",
    "ramon", "ricardo", "robert", "roberto", "rosa", "sergio", "susana", "valentin", "veronika", "victor",
    "william",
})
#: Folded military and civil titles that head names of places named after people ("Mariscal Nieto").
TITLES = frozenset({"mariscal", "general", "coronel", "contralmirante", "almirante", "teniente", "capitan",
                    "padre", "presidente", "doctor", "ingeniero"})


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Return the matching key of a name: ASCII, lower case, one space between words.

    >>> fold("  Junín-Región ")
    'junin region'
    """
    return _NON_ALNUM.sub(" ", unidecode(text).lower()).strip()


# Quechua/Spanish spelling alternations, as (pattern, replacement) over folded keys.
# Each pair is applied in both directions by ``spelling_variants``.
_ALTERNATIONS: tuple[tuple[str, str], ...] = (
    (r"hua", "wa"),
    (r"hui", "wi"),
    (r"hue", "we"),
    (r"qu(?=[ei])", "k"),
    (r"cc", "q"),
    (r"cc", "k"),
    (r"cc", "c"),
    (r"ll", "ly"),
)
_FORWARD = tuple((re.compile(a), b) for a, b in _ALTERNATIONS)
# Hard c as k is too common a letter to vary alone; it joins the all-rules spelling only.
_HARD_C = re.compile(r"(?<!c)c(?=[aou])")
_BACKWARD = (
    (re.compile(r"wa"), "hua"),
    (re.compile(r"wi"), "hui"),
    (re.compile(r"we"), "hue"),
    (re.compile(r"k(?=[ei])"), "qu"),
    (re.compile(r"k(?=[aou])"), "c"),
    (re.compile(r"q(?!u)"), "cc"),
    (re.compile(r"ly"), "ll"),
)


def spelling_variants(key: str) -> set[str]:
    """Spellings of a folded name under the hua/wa, qu/k, cc/q/k and ll/ly alternations.

    Each rule is applied alone, and all forward rules together, so "anchihuay" gives
    "anchiway" and "quimbiri" gives "kimbiri". The key itself is not included.
    """
    out: set[str] = set()
    combined = key
    for pattern, repl in _FORWARD:
        variant = pattern.sub(repl, key)
        if variant != key:
            out.add(variant)
        combined = pattern.sub(repl, combined)
    out.add(_HARD_C.sub("k", combined))
    for pattern, repl in _BACKWARD:
        variant = pattern.sub(repl, key)
        if variant != key:
            out.add(variant)
    out.discard(key)
    return out


# Quechua spelling doubles a consonant that Spanish spelling writes once ("Soccos" for Socos):
# a single c between vowels may be written cc.
_SINGLE_C = re.compile(r"(?<=[aeiou])c(?=[aeiou])")


def doubled_consonants(key: str) -> set[str]:
    """Spellings of a folded name with a single c between vowels doubled, each alone and all
    together ("socos" gives "soccos"). The key itself is not included."""
    spots = [m.start() for m in _SINGLE_C.finditer(key)]
    out = {key[:i] + "c" + key[i:] for i in spots}
    if len(spots) > 1:
        out.add(_SINGLE_C.sub("cc", key))
    return out


def display_case(upper: str) -> str:
    """Title-case an upper-case source name, keeping Spanish particles in lower case."""
    words = upper.lower().split()
    return " ".join(
        w if (i and w in PARTICLES) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
