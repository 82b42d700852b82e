"""Draw the incidents table as a folium map (`maps.incident_map`), in small named steps."""

from __future__ import annotations

import warnings

import folium
import geopandas as gpd
import pandas as pd

from maps.assets import CSS, JS
from maps.basemap import add_base_map
from maps.context import KeepBehind, department_counts, zone_layer
from maps.coordinates import on_earth
from maps.density import density_layer
from maps.filters import IncidentFilters
from maps.labels import PlaceLabels
from maps.layercontrol import ResponsiveLayers
from maps.layers import IncidentLayers, incident_records
from maps.layout import ControlLayout
from maps.legend import Legend, MapTitle
from maps.periodcounts import PeriodCounts, period_name
from maps.showncsv import ShownCsv
from maps.style import EVENT_COLOURS, PERIODS
from maps.tiles import tile_layer
from maps.timebins import time_bins
from maps.timecontrol import TimeControl

__all__ = ["incident_map", "IncidentMap", "CLUSTER_ABOVE", "MAX_PERIOD_LAYERS"]

#: More incidents than this are clustered (markers are drawn on a canvas in any case).
CLUSTER_ABOVE = 500
#: More period layers than this are slow to open (3,220 days took 75 s, by month 1.3 s): coarser periods are drawn.
MAX_PERIOD_LAYERS = 120
_PERU_BOUNDS = [[-18.4, -81.4], [0.0, -68.6]]


class IncidentMap(folium.Map):
    """A folium Map that also shows inline (in Jupyter) with every script inlined, fetching nothing
    but the tiles it was asked for."""

    def _repr_html_(self, **kwargs) -> str:
        from maps.export import embed_html

        return embed_html(self, height="520px")


def incident_map(incidents: gpd.GeoDataFrame, *, period: str = "month", tiles: str | None = None,
                 offline: bool = True, cluster: bool | None = None, title: str | None = None,
                 context: bool = True) -> folium.Map:
    """Draw incidents (the table from :func:`geo.extract`) as an interactive map that needs no network.

    Parameters
    ----------
    incidents : the incidents table (ACLED-style columns, EPSG:4326).
    period : one layer per ``day``, ``week``, ``month`` (default) or ``year``; a coarser one (with a
        warning) when that would give more than MAX_PERIOD_LAYERS layers.
    tiles : an online tile layer over the offline base map: a URL template
        (``https://.../{z}/{x}/{y}.png``) or an xyzservices name (``"OpenStreetMap.Mapnik"``,
        ``"CartoDB.Positron"``). Without it (the default) nothing is fetched; with it only tiles are,
        and the incidents still draw over the offline base when the tiles cannot be reached.
    offline : kept for older code: ``False`` without ``tiles`` means OpenStreetMap tiles.
    cluster : cluster markers; by default when there are more than 500 incidents.
    title : a title shown on the map.
    context : add the toggleable context layers (VRAEM, incidents per department, density).
    Incidents whose coordinates are no place on Earth are left out, with a warning naming them.
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    _check_columns(incidents)
    if tiles is None and not offline:
        tiles = "OpenStreetMap.Mapnik"
    tile = None if tiles is None else tile_layer(tiles)
    incidents = on_earth(incidents)
    period = _fitting_period(incidents, period)
    m = _base_map(tile)
    records, footprints, periods = incident_records(incidents, period)
    m.fit_bounds(_bounds(records))
    dated = any(r["t"] is not None for r in records)
    groups = _period_groups(m, periods, dated=dated)
    clustered = len(records) > CLUSTER_ABOVE if cluster is None else cluster
    if clustered:
        m.default_js = m.default_js + [("markercluster", JS["markercluster"][0])]
        m.default_css = m.default_css + [("markercluster_css", CSS["markercluster_css"][0])]
    IncidentLayers(records, footprints, groups, cluster=clustered).add_to(m)
    explained = _context_layers(m, incidents) if context else []
    _controls(m, incidents, records, title, explained)
    _time_controls(m, records, periods, groups, period)
    return m


def _time_controls(m: folium.Map, records: list[dict], periods: list[dict], groups: list[folium.FeatureGroup],
                   period: str) -> None:
    """The date control (when any incident is dated), the layer control and its live period counts."""
    days = [r["t"] for r in records if r["t"] is not None]
    if days:
        TimeControl(time_bins(days, period), undated=len(records) - len(days)).add_to(m)
    control = ResponsiveLayers(collapsed=len(periods) > 10)
    control.add_to(m)
    PeriodCounts(control, groups, periods).add_to(m)


def _check_columns(incidents) -> None:
    needed = {"incident_id", "event_date", "event_type", "latitude", "longitude", "evidence", "footprint"}
    missing = needed - set(getattr(incidents, "columns", []))
    if missing:
        raise ValueError(f"not an incidents table (from geo.extract): missing columns {sorted(missing)}")


def _fitting_period(incidents: gpd.GeoDataFrame, period: str) -> str:
    """``period``, or the finest coarser one giving at most MAX_PERIOD_LAYERS layers (with a warning)."""
    days = pd.to_datetime(incidents.event_date.fillna(incidents.date_start)[incidents.latitude.notna()]).dropna()
    counts = {}
    for p in PERIODS[PERIODS.index(period):]:
        counts[p] = days.dt.to_period({"day": "D", "week": "W", "month": "M", "year": "Y"}[p]).nunique()
        if counts[p] <= MAX_PERIOD_LAYERS:
            break
    if p != period:
        warnings.warn(f"one layer a {period} would be {counts[period]:,} layers, too many to open fast; "
                      f"drawn by {p} instead ({counts[p]:,} layers)", stacklevel=3)
    return p


def _base_map(tile: folium.TileLayer | None) -> IncidentMap:
    m = IncidentMap(location=[-9.2, -75.0], zoom_start=5, tiles=None, prefer_canvas=True, control_scale=True,
                    maxZoom=18, minZoom=4)
    # Only the assets this map uses, by stable name: the export swaps each for its installed copy.
    m.default_js = [("leaflet", JS["leaflet"][0])]
    m.default_css = [("leaflet_css", CSS["leaflet_css"][0])]
    add_base_map(m, under_tiles=tile is not None)
    if tile is not None:
        tile.add_to(m)
    PlaceLabels().add_to(m)
    return m


def _bounds(records: list[dict]) -> list[list[float]]:
    """The incidents' extent with a margin, or Peru's when there are none."""
    if not records:
        return _PERU_BOUNDS
    lats = [r["lat"] for r in records]
    lons = [r["lon"] for r in records]
    pad = 0.5
    return [[min(lats) - pad, min(lons) - pad], [max(lats) + pad, max(lons) + pad]]


def _period_groups(m: folium.Map, periods: list[dict], *, dated: bool) -> list[folium.FeatureGroup]:
    """One layer per period; the undated one stays out of the layer control when the date control has its toggle."""
    groups = []
    for p in periods:
        g = folium.FeatureGroup(name=period_name(p["label"], p["count"]), show=True,
                                control=not (dated and p["key"] == "undated"))
        g.add_to(m)
        groups.append(g)
    return groups


def _context_layers(m: folium.Map, incidents: gpd.GeoDataFrame) -> list[tuple[folium.GeoJson, dict]]:
    """The context layers, behind the incidents; returns the ones the legend explains, with their sections."""
    zone = zone_layer("zone:vraem")
    explained = [department_counts(incidents), density_layer(incidents)]
    for layer in [zone, *(layer for layer, _ in explained)]:
        layer.add_to(m)
    KeepBehind([zone, *(layer for layer, _ in explained)]).add_to(m)
    return explained


def _controls(m: folium.Map, incidents: gpd.GeoDataFrame, records: list[dict], title: str | None,
              explained: list[tuple[folium.GeoJson, dict]]) -> None:
    ControlLayout().add_to(m)
    present = [t for t in EVENT_COLOURS if t in set(incidents.event_type)]
    Legend(present, context=explained).add_to(m)
    if title:
        MapTitle(title).add_to(m)
    IncidentFilters(records).add_to(m)
    ShownCsv().add_to(m)
