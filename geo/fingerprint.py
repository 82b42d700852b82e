"""What made a result besides its document: the package's code, language tables and gazetteer data, hashed."""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

__all__ = ["fingerprint"]

_PACKAGES = ("geo", "gazetteer")


@cache
def fingerprint(data_dir: Path) -> str:
    """A hash of every file of the geo and gazetteer packages (code, language tables, package data),
    of the gazetteer data in ``data_dir``, and of the versions of this package, Python and shapely
    (read from its metadata: shapely itself is imported only by a run that processes a document).

    Any change to a rule, a word list or a place changes it, and so invalidates every cached result.
    """
    digest = hashlib.blake2b(digest_size=16)
    for part in (_version(), sys.version.split()[0], metadata.version("shapely")):
        digest.update(part.encode() + b"\0")
    roots = [Path(__file__).resolve().parents[1] / name for name in _PACKAGES]
    data_dir = data_dir.resolve()
    if not any(data_dir.is_relative_to(root) for root in roots):
        roots.append(data_dir)
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"{path.relative_to(root.parent)}\0".encode())
            digest.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return digest.hexdigest()


def _version() -> str:
    try:
        return metadata.version("peru-incidents")
    except metadata.PackageNotFoundError:  # run from a checkout that is not installed
        return "unknown"
