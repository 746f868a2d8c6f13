"""Numpy geometry to Qt: painter paths and point buffers built in C++, not in Python loops."""

from __future__ import annotations

import numpy as np
import pyqtgraph.functions as pgf
from PySide6.QtGui import QPainterPath

from ...app.map_data import Ragged
from ...app.viewport import Viewport


def ragged_path(ragged: Ragged, vp: Viewport, features: np.ndarray | None = None) -> QPainterPath:
    """One path holding every ring (or line) of the given features, in screen pixels."""
    sub = ragged if features is None else ragged.subset(features)
    if len(sub.coords) == 0:
        return QPainterPath()
    px, py = vp.to_screen(sub.coords[:, 0], sub.coords[:, 1])
    connect = np.ones(len(px), np.int32)
    connect[sub.ring_offsets[1:] - 1] = 0  # no line from one ring's end to the next's start
    path = pgf.arrayToQPath(np.ascontiguousarray(px), np.ascontiguousarray(py), connect=connect)
    path.setFillRule(path.fillRule().OddEvenFill)  # holes stay holes
    return path


def point_buffer(px: np.ndarray, py: np.ndarray):
    """A QPolygonF over the points, filled through a numpy view (for drawPoints)."""
    poly = pgf.create_qpolygonf(len(px))
    arr = pgf.ndarray_from_qpolygonf(poly)
    arr[:, 0] = px
    arr[:, 1] = py
    return poly


def visible(bounds: np.ndarray, vp: Viewport, pad: float = 0.0) -> np.ndarray:
    """Indices of features whose bounding box meets the view."""
    minx, miny, maxx, maxy = vp.extent
    return np.flatnonzero((bounds[:, 2] >= minx - pad) & (bounds[:, 0] <= maxx + pad) &
                          (bounds[:, 3] >= miny - pad) & (bounds[:, 1] <= maxy + pad))
