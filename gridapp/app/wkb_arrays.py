"""The two simplest WKB layouts read straight into arrays: 2-D points, one-ring polygons.

shapely makes a GEOS geometry of every WKB only for the map to take its coordinates out
again (~0.3 s of CPU for a city's cells and components). The WKB of a 2-D point, or of a
multipolygon of one polygon with one ring, is a fixed header and little-endian doubles;
these functions copy those doubles out. Anything else (another byte order, Z or M, several
parts, holes, empty, NaN or zero coordinates) answers None, and the caller goes through
shapely as before (tests/app/test_wkb_arrays.py compares both on such geometries).
"""

from __future__ import annotations

import numpy as np

_POINT = np.frombuffer(b"\x01\x01\x00\x00\x00", np.uint8)
# byte order, MultiPolygon, 1 part; byte order, Polygon, 1 ring (the point count follows)
_ONE_RING = np.frombuffer(b"\x01\x06\x00\x00\x00\x01\x00\x00\x00"
                          b"\x01\x03\x00\x00\x00\x01\x00\x00\x00", np.uint8)
_HEAD = len(_ONE_RING) + 4


def point_xy(blobs: list[bytes]) -> np.ndarray | None:
    """(n, 2) coordinates of n 2-D point WKBs (shapely.get_coordinates' answer), or None."""
    n = len(blobs)
    lengths = np.fromiter(map(len, blobs), np.int64, n)
    if n == 0 or not (lengths == 21).all():
        return None
    rec = np.frombuffer(b"".join(blobs), np.uint8).reshape(n, 21)
    if not (rec[:, :5] == _POINT).all():
        return None
    xy = np.ascontiguousarray(rec[:, 5:]).view("<f8").astype(np.float64)
    return xy if _plain(xy) else None


def one_ring_polygons(blobs: list[bytes]) -> tuple[np.ndarray, ...] | None:
    """(coords, ring_offsets, ring_owner, bounds) of n multipolygon WKBs of one polygon with
    one ring each, as shapely's coordinates and bounds give them; or None."""
    n = len(blobs)
    lengths = np.fromiter(map(len, blobs), np.int64, n)
    if n == 0 or not (lengths >= _HEAD).all():
        return None
    buf = np.frombuffer(b"".join(blobs), np.uint8)
    starts = np.zeros(n, np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    head = buf[starts[:, None] + np.arange(_HEAD)]
    if not (head[:, :len(_ONE_RING)] == _ONE_RING).all():
        return None
    points = np.ascontiguousarray(head[:, len(_ONE_RING):]).view("<u4")[:, 0].astype(np.int64)
    # (GEOS refuses a ring of fewer than 4 points or not closed: shapely is to say so)
    if not ((points >= 4).all() and (lengths == _HEAD + 16 * points).all()):
        return None
    body = b"".join([b[_HEAD:] for b in blobs])  # the doubles without their headers
    coords = np.frombuffer(body, "<f8").astype(np.float64).reshape(-1, 2)
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(points, out=offsets[1:])
    first = offsets[:-1]
    if not _plain(coords) or not (coords[first] == coords[offsets[1:] - 1]).all():
        return None
    bounds = np.column_stack([np.minimum.reduceat(coords[:, 0], first),
                              np.minimum.reduceat(coords[:, 1], first),
                              np.maximum.reduceat(coords[:, 0], first),
                              np.maximum.reduceat(coords[:, 1], first)])
    return coords, offsets, np.arange(n, dtype=np.int64), bounds


def _plain(coords: np.ndarray) -> bool:
    """No NaN (an empty point) and no zero (whose sign a min or max could pick otherwise)."""
    return bool(np.isfinite(coords).all() and (coords != 0).all())

