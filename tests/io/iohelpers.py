"""Helpers for import tests: files made from the mini layers, in any CRS."""

import geopandas as gpd
import numpy as np
import shapely

from gridapp.io.crs import store_to_lonlat


def to_lonlat(geoms, system="wgs84"):
    return shapely.transform(np.asarray(geoms), lambda xy: np.column_stack(
        store_to_lonlat(xy[:, 0], xy[:, 1], 4547, system)))


def frame(items, cols, crs="EPSG:4547", system=None):
    geoms = [i.geometry for i in items]
    if system:
        geoms, crs = to_lonlat(geoms, system), "EPSG:4326"
    return gpd.GeoDataFrame({c: [getattr(i, a) if not callable(a) else a(i) for i in items]
                             for c, a in cols.items()}, geometry=list(geoms), crs=crs)
