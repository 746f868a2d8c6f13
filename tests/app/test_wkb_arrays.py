"""WKB read straight into arrays gives what shapely gives, or leaves the geometry to shapely."""

from dataclasses import fields
from datetime import datetime

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from gridapp.app import map_data
from gridapp.app.map_data import MapData, Ragged
from gridapp.app.wkb_arrays import one_ring_polygons, point_xy


def ring(x, y, s):
    return [(x, y), (x + s, y), (x + s, y + s * 0.7), (x + s * 0.3, y + s), (x, y)]


def by_shapely(wkb):
    g = shapely.from_wkb(wkb)
    return Ragged._from_ragged_array(g), shapely.bounds(g)


def same_outlines(fast, wkb):
    want, bounds = by_shapely(wkb)
    coords, offsets, owner, got_bounds = fast
    for a, b in ((coords, want.coords), (offsets, want.ring_offsets), (owner, want.ring_owner),
                 (got_bounds, bounds)):
        assert a.dtype == b.dtype and a.shape == b.shape and a.flags.c_contiguous
        assert a.tobytes() == b.tobytes()  # the very bits the cache file keeps


COORD = st.floats(1.0, 1e7)  # (projected metres: a zero is left to shapely, tested below)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(COORD, COORD, st.floats(0.001, 1e4)), min_size=1, max_size=30))
def test_one_ring_cells_as_shapely_reads_them(squares):
    wkb = [shapely.to_wkb(shapely.MultiPolygon([shapely.Polygon(ring(x, y, s))]))
           for x, y, s in squares]
    fast = one_ring_polygons(wkb)
    assert fast is not None
    same_outlines(fast, wkb)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(COORD, COORD), min_size=1, max_size=30))
def test_points_as_shapely_reads_them(points):
    wkb = [shapely.to_wkb(shapely.Point(x, y)) for x, y in points]
    xy = point_xy(wkb)
    assert xy is not None
    want = shapely.get_coordinates(shapely.from_wkb(wkb))
    assert xy.dtype == want.dtype and xy.tobytes() == want.tobytes()


SQUARE = shapely.MultiPolygon([shapely.Polygon(ring(10, 10, 5))])
LEFT_TO_SHAPELY = {
    "a hole": shapely.MultiPolygon([shapely.Polygon(ring(10, 10, 5), [ring(11, 11, 1)])]),
    "two parts": shapely.MultiPolygon([shapely.Polygon(ring(10, 10, 5)),
                                       shapely.Polygon(ring(20, 20, 5))]),
    "a polygon": shapely.Polygon(ring(10, 10, 5)),
    "z": shapely.force_3d(SQUARE, 3.0),
    "empty": shapely.MultiPolygon(),
    "a zero": shapely.MultiPolygon([shapely.Polygon(ring(0, 10, 5))]),
}


@pytest.mark.parametrize("name", LEFT_TO_SHAPELY)
def test_other_cells_are_left_to_shapely(name):
    wkb = [shapely.to_wkb(SQUARE), shapely.to_wkb(LEFT_TO_SHAPELY[name])]
    assert one_ring_polygons(wkb) is None
    shapes, bounds = map_data._outlines_and_bounds(wkb)
    want = shapely.from_wkb(wkb)
    assert shapes.coords.tobytes() == Ragged.from_geoms(want).coords.tobytes()
    np.testing.assert_array_equal(bounds, shapely.bounds(want))


def test_big_endian_and_broken_rings_are_left_to_shapely():
    assert one_ring_polygons([shapely.to_wkb(SQUARE, byte_order=0)]) is None
    good = bytearray(shapely.to_wkb(SQUARE))
    open_ring = bytes(good[:-8]) + np.float64(99.0).tobytes()  # the last point not the first
    assert one_ring_polygons([open_ring]) is None
    with pytest.raises(shapely.errors.GEOSException):  # and shapely refuses it, as before
        map_data._outlines_and_bounds([open_ring])
    assert one_ring_polygons([bytes(good[:-16])]) is None  # a point short of its count
    assert one_ring_polygons([]) is None and point_xy([]) is None
    assert point_xy([shapely.to_wkb(shapely.Point())]) is None  # empty: NaN
    assert point_xy([shapely.to_wkb(shapely.Point(1, 2, 3))]) is None
    assert point_xy([shapely.to_wkb(shapely.Point(0, 2))]) is None
    assert point_xy([shapely.to_wkb(shapely.Point(1, 2), byte_order=0)]) is None


def test_a_store_places_as_through_shapely(sqlite_store, monkeypatch):
    """The store's place layers make the same arrays with the WKB read straight or not."""
    read, now = sqlite_store.read_model, datetime(2026, 11, 2, 9, 0)
    rows, mark = read.places(now), read.mark()
    assert one_ring_polygons([bytes(r[5]) for r in rows.cells]) is not None
    assert point_xy([bytes(r[2]) for r in rows.components]) is not None
    fast = MapData._places(rows, 4547, "x", mark, now)
    monkeypatch.setattr(map_data, "one_ring_polygons", lambda wkb: None)
    monkeypatch.setattr(map_data, "point_xy", lambda wkb: None)
    slow = MapData._places(rows, 4547, "x", mark, now)
    for a, b, name in ((fast.cells, slow.cells, "cells"), (fast, slow, "data")):
        for f in fields(a):
            x, y = getattr(a, f.name), getattr(b, f.name)
            if isinstance(x, Ragged):
                x, y = np.concatenate([x.coords.ravel(), x.ring_offsets, x.ring_owner]), \
                    np.concatenate([y.coords.ravel(), y.ring_offsets, y.ring_owner])
            if isinstance(x, np.ndarray):
                assert x.dtype == y.dtype and x.shape == y.shape, (name, f.name)
                assert x.tobytes() == y.tobytes() if x.dtype != object else \
                    list(x) == list(y), (name, f.name)
    assert fast.extent == slow.extent
