"""Analysis over many rows (numpy/geopandas): spatial assignment, hotspots, indicators."""
