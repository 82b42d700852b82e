"""Folium maps of incidents: layers, styles, legends, time controls and exports."""
