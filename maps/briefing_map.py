"""The briefing's map: the offline incident map fitted to the incidents, its interactive controls dropped in print."""

from __future__ import annotations

import html

import folium
import pandas as pd

from maps.draw import incident_map
from maps.fit import FitToIncidents, incident_bounds
from maps.style import EVENT_COLOURS, colour

__all__ = ["briefing_map", "map_key_html"]

#: In print every control that asks for a hand (zoom buttons, layer checkboxes, sliders, the legend and
#: its toggles) is dropped; the scale bar and the attribution stay. The page prints its own key instead.
_PRINT_CSS = """<style>
@media print {
  .leaflet-control-container .leaflet-control:not(.leaflet-control-scale):not(.leaflet-control-attribution),
  .leaflet-container input, .leaflet-container button, .leaflet-container select { display: none !important; }
}
</style>"""


def briefing_map(incidents: pd.DataFrame, *, period: str = "month") -> folium.Map:
    """The incidents (already checked by :func:`maps.coordinates.on_earth`) on an offline map fitted to them."""
    m = incident_map(incidents, period=period, offline=True)
    FitToIncidents(incident_bounds(incidents)).add_to(m)
    m.get_root().header.add_child(folium.Element(_PRINT_CSS), name="briefing_print")
    return m


def map_key_html(incidents: pd.DataFrame) -> str:
    """A printed key to the map (its own legend is an on-screen control): colours, sizes and areas."""
    present = [t for t in EVENT_COLOURS if t in set(incidents.event_type)]
    types = "".join(f'<span class="key-item"><span class="sw" style="background:{colour(t)}"></span>'
                    f"{html.escape(t)}</span>" for t in present)
    return (f'<p class="map-key">{types}<span class="key-item">circle size grows with the killed</span>'
            '<span class="key-item"><span class="area"></span>dashed outline: placed only in that area'
            "</span></p>")
