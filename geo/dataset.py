"""A partitioned GeoParquet dataset: the incidents table as part files in one folder, replaced whole."""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import UsageError
from geo.output import clean_stale, umask

if TYPE_CHECKING:  # geopandas loads only when a dataset is written, not when the command line starts
    import geopandas as gpd

__all__ = ["write_dataset", "is_dataset", "check_dataset_target", "ROWS_PER_PART", "PART_GLOB"]

#: Rows of the table in one part file.
ROWS_PER_PART = 100_000
#: The names of the part files (``part-00000.parquet``, ...), in table order.
PART_GLOB = "part-*.parquet"


def is_dataset(path: str | os.PathLike) -> bool:
    """Is ``path`` a folder holding part files of a dataset?"""
    folder = Path(path)
    return folder.is_dir() and any(folder.glob(PART_GLOB))


def check_dataset_target(path: str | os.PathLike) -> None:
    """UsageError unless ``path`` is nothing yet, an empty folder or a dataset (whose parts it replaces)."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"-o {path}: --format parquet-dataset writes a folder, and this is a file: "
                         f"name a new folder")
    if folder.is_dir():
        others = sorted(p.name for p in folder.iterdir()
                        if not (p.is_file() and p.match(PART_GLOB)) and not p.name.startswith((".", "_")))
        if others:
            raise UsageError(f"-o {path} holds files that are not parts of a dataset ({', '.join(others[:3])}"
                             f"{', ...' if len(others) > 3 else ''}): name a new or empty folder")


def write_dataset(table: gpd.GeoDataFrame, path: str | os.PathLike, rows_per_part: int = ROWS_PER_PART, *,
                  footprints: str = "simplified") -> int:
    """Write ``table`` as GeoParquet parts of at most ``rows_per_part`` rows into the folder ``path``,
    its areas' shapes as ``footprints`` says (see :func:`geo.table.write_table`).

    The parts are written into a temporary folder beside it (``.NAME.XXXXXXXX.tmp``, locked while
    it is written; a later run removes one left by a killed run), which then takes the place of
    the previous folder. An empty table is one part with no rows. Returns the number of parts.
    """
    from geo.table import footprint_column

    target = Path(os.path.realpath(path))
    check_dataset_target(target)
    table = table.assign(footprint=footprint_column(table, footprints))
    clean_stale(target)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    lock = os.open(tmp / ".lock", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        os.chmod(tmp, 0o777 & ~umask())  # mkdtemp makes the folder private; give it the usual mode
        starts = range(0, max(len(table), 1), rows_per_part)
        for n, start in enumerate(starts):
            table.iloc[start:start + rows_per_part].to_parquet(tmp / f"part-{n:05d}.parquet", index=False)
        (tmp / ".lock").unlink()
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.replace(target, old / target.name)
            os.replace(tmp, target)
            shutil.rmtree(old)
        else:
            os.replace(tmp, target)
        return len(starts)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        os.close(lock)
