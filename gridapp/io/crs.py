"""Coordinate systems in and out: any EPSG CRS through pyproj, plus China's GCJ-02 and BD-09.

GCJ-02 (Amap, Tencent, most hotline exports) and BD-09 (Baidu) are obfuscations of WGS-84,
not geodetic systems, so pyproj does not know them; the published algorithm is used here,
inverted iteratively to well under a millimetre.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer

_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = np.pi * 3000.0 / 180.0


class LonLatSystem(StrEnum):
    WGS84 = "wgs84"
    CGCS2000 = "cgcs2000"  # differs from WGS-84 by centimetres; treated as EPSG:4490
    GCJ02 = "gcj02"
    BD09 = "bd09"


def _in_china(lon, lat):
    return (lon > 72.004) & (lon < 137.8347) & (lat > 0.8293) & (lat < 55.8271)


def _dlat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    r += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    r += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    r += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return r


def _dlon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    r += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    r += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    r += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return r


def _offset(lon, lat):
    dlat = _dlat(lon - 105.0, lat - 35.0)
    dlon = _dlon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * np.pi
    magic = 1 - _EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * np.cos(radlat) * np.pi)
    inside = _in_china(lon, lat)
    return np.where(inside, dlon, 0.0), np.where(inside, dlat, 0.0)


def wgs84_to_gcj02(lon, lat):
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    dlon, dlat = _offset(lon, lat)
    return lon + dlon, lat + dlat


def gcj02_to_wgs84(lon, lat, tol: float = 1e-9, max_iter: int = 30):
    """Invert the offset by fixed-point iteration (converges to < 1e-9 degrees)."""
    glon, glat = np.asarray(lon, float), np.asarray(lat, float)
    wlon, wlat = glon.copy(), glat.copy()
    for _ in range(max_iter):
        tlon, tlat = wgs84_to_gcj02(wlon, wlat)
        elon, elat = tlon - glon, tlat - glat
        wlon, wlat = wlon - elon, wlat - elat
        if np.all(np.abs(elon) < tol) and np.all(np.abs(elat) < tol):
            break
    return wlon, wlat


def gcj02_to_bd09(lon, lat):
    x, y = np.asarray(lon, float), np.asarray(lat, float)
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def bd09_to_gcj02_approx(lon, lat):
    """The published one-step inverse (a few centimetres off)."""
    x, y = np.asarray(lon, float) - 0.0065, np.asarray(lat, float) - 0.006
    z = np.sqrt(x * x + y * y) - 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta), z * np.sin(theta)


def bd09_to_gcj02(lon, lat, tol: float = 1e-10, max_iter: int = 10):
    """Inverse of gcj02_to_bd09, refined by fixed-point iteration to < 1e-9 degrees."""
    blon, blat = np.asarray(lon, float), np.asarray(lat, float)
    glon, glat = bd09_to_gcj02_approx(blon, blat)
    for _ in range(max_iter):
        flon, flat = gcj02_to_bd09(glon, glat)
        elon, elat = flon - blon, flat - blat
        glon, glat = glon - elon, glat - elat
        if np.all(np.abs(elon) < tol) and np.all(np.abs(elat) < tol):
            break
    return glon, glat


def to_wgs84(lon, lat, system: LonLatSystem | str):
    system = LonLatSystem(system)
    if system is LonLatSystem.GCJ02:
        return gcj02_to_wgs84(lon, lat)
    if system is LonLatSystem.BD09:
        return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))
    return np.asarray(lon, float), np.asarray(lat, float)


def from_wgs84(lon, lat, system: LonLatSystem | str):
    system = LonLatSystem(system)
    if system is LonLatSystem.GCJ02:
        return wgs84_to_gcj02(lon, lat)
    if system is LonLatSystem.BD09:
        return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))
    return np.asarray(lon, float), np.asarray(lat, float)


@lru_cache(maxsize=32)
def transformer(src: str | int, dst: str | int) -> Transformer:
    return Transformer.from_crs(CRS.from_user_input(src), CRS.from_user_input(dst),
                                always_xy=True)


def lonlat_to_store(lon, lat, system: LonLatSystem | str, srid: int):
    """Longitude/latitude in any of the four systems → store coordinates (metres)."""
    wlon, wlat = to_wgs84(lon, lat, system)
    src = 4490 if LonLatSystem(system) is LonLatSystem.CGCS2000 else 4326
    return transformer(src, srid).transform(wlon, wlat)


def store_to_lonlat(x, y, srid: int, system: LonLatSystem | str = LonLatSystem.WGS84):
    lon, lat = transformer(srid, 4326).transform(np.asarray(x, float), np.asarray(y, float))
    return from_wgs84(lon, lat, system)


def parse_system(text: str) -> LonLatSystem | int:
    """'gcj02', 'bd09', 'wgs84', 'cgcs2000' or any EPSG code ('EPSG:4547', '4547')."""
    t = text.strip().lower().replace("-", "").replace("_", "").replace(":", "")
    aliases = {"wgs84": "wgs84", "epsg4326": "wgs84", "4326": "wgs84", "gcj02": "gcj02",
               "gcj": "gcj02", "amap": "gcj02", "bd09": "bd09", "baidu": "bd09",
               "cgcs2000": "cgcs2000", "epsg4490": "cgcs2000", "4490": "cgcs2000"}
    if t in aliases:
        return LonLatSystem(aliases[t])
    return CRS.from_user_input(text.strip()).to_epsg() or CRS.from_user_input(text).to_epsg()
