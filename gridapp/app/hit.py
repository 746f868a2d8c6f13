"""Hit tests: the case, cell or segment under a click, fast at a million points."""

from __future__ import annotations

import numpy as np


class PointIndex:
    """Points bucketed on a regular grid (sorted keys + searchsorted): O(1) per click."""

    def __init__(self, x: np.ndarray, y: np.ndarray, cell: float = 50.0) -> None:
        self.x, self.y, self.cell = x, y, cell
        placed = np.isfinite(x) & np.isfinite(y)  # a case without a position (待定位): NaN
        any_placed = bool(placed.any())
        self.x0 = float(x[placed].min()) if any_placed else 0.0
        self.y0 = float(y[placed].min()) if any_placed else 0.0
        gx = np.where(placed, (np.nan_to_num(x) - self.x0) // cell, 0).astype(np.int64)
        gy = np.where(placed, (np.nan_to_num(y) - self.y0) // cell, 0).astype(np.int64)
        self.ncols = int(gx.max()) + 1 if any_placed else 1
        keys = np.where(placed, gy * self.ncols + gx, -1)  # never found by a click
        self.order = np.argsort(keys, kind="stable")
        self.keys = keys[self.order]

    def nearest(self, wx: float, wy: float, radius: float, mask: np.ndarray | None = None) -> int:
        """Index of the nearest point within `radius` (among `mask` if given), or -1."""
        if not len(self.x):
            return -1
        r = int(radius // self.cell) + 1
        gx = int((wx - self.x0) // self.cell)
        gy = int((wy - self.y0) // self.cell)
        best, best_d = -1, radius * radius
        for row in range(gy - r, gy + r + 1):
            if row < 0:
                continue
            lo_col, hi_col = max(gx - r, 0), min(gx + r, self.ncols - 1)
            if lo_col > hi_col:
                continue
            lo = np.searchsorted(self.keys, row * self.ncols + lo_col, "left")
            hi = np.searchsorted(self.keys, row * self.ncols + hi_col, "right")
            if lo == hi:
                continue
            cand = self.order[lo:hi]
            if mask is not None:
                cand = cand[mask[cand]]
                if not len(cand):
                    continue
            d = (self.x[cand] - wx) ** 2 + (self.y[cand] - wy) ** 2
            k = int(np.argmin(d))
            if d[k] <= best_d:
                best, best_d = int(cand[k]), float(d[k])
        return best

    def within(self, minx: float, miny: float, maxx: float, maxy: float) -> np.ndarray:
        """Indices of points inside a rectangle (rubber-band selection)."""
        inside = (self.x >= minx) & (self.x <= maxx) & (self.y >= miny) & (self.y <= maxy)
        return np.flatnonzero(inside)


def cell_at(cells, wx: float, wy: float) -> int:
    """Index of the unit grid cell containing the point, or -1."""
    import shapely
    b = cells.bounds
    cand = np.flatnonzero((b[:, 0] <= wx) & (b[:, 2] >= wx) & (b[:, 1] <= wy) & (b[:, 3] >= wy))
    if not len(cand):
        return -1
    sh = cells.shapes
    for i in cand:
        rings = range(*np.searchsorted(sh.ring_owner, [i, i + 1]))
        polys = [shapely.Polygon(sh.coords[sh.ring_offsets[k]:sh.ring_offsets[k + 1]])
                 for k in rings]
        if any(p.covers(shapely.Point(wx, wy)) for p in polys):
            return int(i)
    return -1


def segment_at(segments, wx: float, wy: float, radius: float) -> int:
    """Index of the nearest road segment within `radius`, or -1."""
    import shapely
    b = segments.bounds
    cand = np.flatnonzero((b[:, 0] - radius <= wx) & (b[:, 2] + radius >= wx) &
                          (b[:, 1] - radius <= wy) & (b[:, 3] + radius >= wy))
    best, best_d = -1, radius
    sh = segments.shapes
    pt = shapely.Point(wx, wy)
    for i in cand:
        for k in range(*np.searchsorted(sh.ring_owner, [i, i + 1])):
            line = shapely.LineString(sh.coords[sh.ring_offsets[k]:sh.ring_offsets[k + 1]])
            d = line.distance(pt)
            if d <= best_d:
                best, best_d = int(i), d
    return best
