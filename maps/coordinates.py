"""Incidents whose coordinates are no place on Earth (inf, 1e300, text) are dropped, with a warning naming them."""

from __future__ import annotations

import warnings

import geopandas as gpd
import numpy as np
import pandas as pd

__all__ = ["on_earth"]


def on_earth(incidents: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The incidents without impossible coordinates; a warning names the ones dropped.

    Rows without coordinates (incidents not located) are kept: they are listed, not drawn.
    """
    lat = pd.to_numeric(incidents["latitude"], errors="coerce").astype(float)
    lon = pd.to_numeric(incidents["longitude"], errors="coerce").astype(float)
    given = incidents["latitude"].notna() | incidents["longitude"].notna()
    fine = np.isfinite(lat) & np.isfinite(lon) & lat.between(-90, 90) & lon.between(-180, 180)
    bad = given & ~fine
    if not bad.any():
        return incidents
    named = [f"{i} ({a}, {o})" for i, a, o in zip(incidents.loc[bad, "incident_id"], incidents.loc[bad, "latitude"],
                                                   incidents.loc[bad, "longitude"])]
    more = f" and {len(named) - 10} more" if len(named) > 10 else ""
    warnings.warn(f"{len(named)} incidents dropped: latitude/longitude are not a place on Earth: "
                  f"{', '.join(named[:10])}{more}", stacklevel=2)
    return incidents[~bad]
