"""ResponsiveLayers: folium's layer control, collapsed on narrow maps or when it lists many layers."""

from __future__ import annotations

import folium
from folium.template import Template

from maps.layout import NARROW

__all__ = ["ResponsiveLayers"]


class ResponsiveLayers(folium.LayerControl):
    """A layer control that starts collapsed (an icon, opened by a tap) when the map is narrower
    than ``NARROW`` pixels or when ``collapsed`` is true."""

    _template = Template("""
{% macro script(this, kwargs) %}
  var {{ this.get_name() }}_layers = {
    base_layers: { {%- for key, val in this.base_layers.items() %}{{ key|tojson }}: {{ val }},{%- endfor %} },
    overlays: { {%- for key, val in this.overlays.items() %}{{ key|tojson }}: {{ val }},{%- endfor %} },
  };
  var {{ this.get_name() }} = L.control.layers(
    {{ this.get_name() }}_layers.base_layers, {{ this.get_name() }}_layers.overlays,
    Object.assign({{ this.options|tojavascript }},
                  {collapsed: {{ this.always_collapsed|tojson }} || {{ this._parent.get_name() }}.getSize().x < {{ this.narrow }}})
  ).addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, *, collapsed: bool = False):
        super().__init__(collapsed=collapsed)
        self.options.pop("collapsed", None)
        self.always_collapsed = collapsed
        self.narrow = NARROW
