"""The incidents table in every format, styled ones too: KML/KMZ for Google Earth, GeoJSON with simplestyle."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["write_incidents"]


def write_incidents(table, path: str | os.PathLike, fmt: str | None = None, *,
                    footprints: str = "simplified") -> None:
    """Write the incidents table (a GeoDataFrame) atomically, in ``fmt`` or the format its suffix names,
    its areas' shapes as ``footprints`` says (:func:`geo.table.write_table`; KML draws them simplified).

    KML and KMZ are styled for Google Earth (:func:`maps.kml.write_kml`); GeoJSON features also carry
    simplestyle properties (``marker-color``, ``marker-size``, ``marker-symbol``, ``title``,
    ``description``); GeoPackage, GeoParquet and CSV are :func:`geo.table.write_table`'s.
    """
    # geopandas and the styles load only when a table is written, not when the command line starts
    from geo.table import EXPORT_FORMATS, FORMATS, table_format, write_table

    fmt = table_format(path, fmt)
    if fmt not in FORMATS + EXPORT_FORMATS:
        raise ValueError(f"{Path(path)}: unknown table format {fmt!r}; use one of "
                         f"{', '.join(FORMATS + EXPORT_FORMATS)}")
    if fmt in EXPORT_FORMATS:
        from maps.kml import write_kml

        write_kml(table, path, zipped=fmt == "kmz")
        return
    if fmt == "geojson":  # styles that geojson.io and other simplestyle readers show
        from maps.simplestyle import simplestyle

        table = table.join(simplestyle(table))
    write_table(table, path, fmt, footprints=footprints)
