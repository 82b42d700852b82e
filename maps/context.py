"""Context layers: the VRAEM and incidents per department, and KeepBehind, which keeps them behind the incidents."""

from __future__ import annotations

import folium
import geopandas as gpd
from branca.element import MacroElement
from jinja2 import Template

from maps.classes import class_colour, class_label, count_classes
from maps.shapes import admin_shapes, zone_shape

__all__ = ["zone_layer", "department_counts", "KeepBehind"]


def zone_layer(zone_id: str = "zone:vraem", *, show: bool = True) -> folium.GeoJson:
    """A zone's dissolved polygon, dashed, with its provenance (an unofficial district list)."""
    feature = zone_shape(zone_id)
    return folium.GeoJson(feature, name=f"{feature['properties']['name'].split(':')[0]} zone", show=show,
                          style_function=lambda _f: {"color": "#6a3d9a", "weight": 2, "dashArray": "8 5",
                                                     "fillColor": "#6a3d9a", "fillOpacity": 0.05},
                          tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False))


def department_counts(incidents: gpd.GeoDataFrame, *, show: bool = False) -> tuple[folium.GeoJson, dict]:
    """A choropleth of incident counts per department, and the legend section explaining its colours."""
    counts = incidents.groupby("admin1").size().to_dict()
    shapes = admin_shapes("department", tolerance=0.02, grid=1e-3)
    classes = count_classes(max(counts.values(), default=0))
    for f in shapes["features"]:
        n = int(counts.get(f["properties"]["admin1"], 0))
        f["properties"].update(incidents=n, colour=class_colour(n, classes))

    def style(feature):
        fill = feature["properties"]["colour"]
        return {"color": "#666666", "weight": 0.8, "fillColor": fill or "#ffffff", "fillOpacity": 0.65 if fill else 0.1}

    layer = folium.GeoJson(shapes, name="Incidents per department", show=show, style_function=style,
                           tooltip=folium.GeoJsonTooltip(fields=["name", "incidents"],
                                                         aliases=["Department", "Incidents"]))
    legend = {"title": "Incidents per department",
              "items": [{"label": class_label(lo, hi), "colour": class_colour(lo, classes), "square": True}
                        for lo, hi in classes] + [{"label": "none", "colour": "#ffffff", "square": True}]}
    return layer, legend


class KeepBehind(MacroElement):
    """Keeps context layers behind the incidents on the shared canvas whenever they are switched on,
    so that a marker wins the pointer over the polygon around it and the polygon gets the rest."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  [{% for layer in this.layers %}{{ layer.get_name() }}{{ "," if not loop.last }}{% endfor %}].forEach(function (layer) {
    layer.on("add", function () { layer.bringToBack(); });
    if (map.hasLayer(layer)) { layer.bringToBack(); }
  });
})();
{% endmacro %}
""")

    def __init__(self, layers: list[folium.GeoJson]):
        super().__init__()
        self._name = "KeepBehind"
        self.layers = layers
