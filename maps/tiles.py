"""Online tile layers asked for by ``tiles=`` / ``--tiles``: a URL template or an xyzservices provider name."""

from __future__ import annotations

import folium

__all__ = ["tile_layer", "HOW_TO_LIST"]

HOW_TO_LIST = ("list the names with: python -c \"import xyzservices.providers as p; "
               "print('\\n'.join(p.flatten()))\"")


def tile_layer(tiles: str) -> folium.TileLayer:
    """A tile layer drawn over the offline base map; ValueError (naming ``--tiles``) for an unknown name."""
    if not isinstance(tiles, str) or not tiles.strip():
        raise ValueError(f"--tiles (tiles=) must be a URL template or a provider name, not {tiles!r}")
    if "{z}" in tiles and "{x}" in tiles and "{y}" in tiles:
        host = tiles.split("/")[2] if "://" in tiles else tiles
        return folium.TileLayer(tiles=tiles, attr=f"Map tiles: {host}", control=False, max_zoom=18)
    import xyzservices.providers as providers

    try:
        provider = providers.query_name(tiles)
    except ValueError:
        raise ValueError(f"--tiles (tiles=): no tile provider named {tiles!r}; give a URL template with "
                         f"{{z}}/{{x}}/{{y}} or an xyzservices name such as 'OpenStreetMap.Mapnik' or "
                         f"'CartoDB.Positron' ({HOW_TO_LIST})") from None
    return folium.TileLayer(tiles=provider.build_url(), attr=provider.html_attribution, name=provider.name,
                            control=False, max_zoom=min(18, provider.get("max_zoom", 18)))
