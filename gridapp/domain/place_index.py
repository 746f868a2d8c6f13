"""All cells and segments in memory with STRtrees: locate many points at once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import shapely
from shapely.geometry.base import BaseGeometry

from .places import LocatedPoints

Geometries = Sequence[BaseGeometry] | npt.NDArray[np.object_]   # e.g. shapely.from_wkb's array


class PlaceIndex:
    def __init__(self, cell_codes: Sequence[str], cell_geoms: Geometries,
                 segment_ids: Sequence[int], segment_codes: Sequence[str],
                 segment_geoms: Geometries) -> None:
        self.cell_codes = np.asarray(cell_codes, dtype=object)
        # each cell's place in code order: ties on a shared edge are settled on numbers
        # (a million codes as text to sort took a third of a second)
        self.cell_rank = np.empty(len(self.cell_codes), np.int64)
        self.cell_rank[np.argsort(self.cell_codes.astype(str), kind="stable")] = \
            np.arange(len(self.cell_codes))
        self.cells = shapely.STRtree(np.asarray(cell_geoms))
        self.segment_ids = np.asarray(segment_ids, dtype=np.int64)
        self.segment_codes = np.asarray(segment_codes, dtype=object)
        self.segments = shapely.STRtree(np.asarray(segment_geoms)) if len(segment_ids) else None

    def locate_many(self, x: npt.ArrayLike, y: npt.ArrayLike, tolerance: float,
                    cells: Sequence[str | None] | None = None) -> LocatedPoints:
        """Cell and nearest segment within `tolerance` of every point. `cells`: the cell
        this same index gave each point before (None where it gave none or was not asked):
        only the points without one are looked up again."""
        xs, ys = np.asarray(x, float), np.asarray(y, float)
        pts = np.asarray(shapely.points(xs, ys), dtype=object)
        n = len(xs)
        if cells is None:
            cell = self._cells(pts)
        else:
            cell = np.array(cells, dtype=object)
            todo = np.flatnonzero(np.fromiter((c is None for c in cells), bool, n))
            if len(todo):
                cell[todo] = self._cells(pts[todo])
        seg_id = np.full(n, None, dtype=object)
        seg_code = np.full(n, None, dtype=object)
        seg_d = np.full(n, None, dtype=object)
        if self.segments is not None and tolerance > 0:
            (pi, si), d = self.segments.query_nearest(pts, max_distance=tolerance,
                                                      return_distance=True, all_matches=True)
            order = np.lexsort((self.segment_ids[si], d, pi))
            pi, si, d = pi[order], si[order], d[order]
            first = np.ones(len(pi), bool)
            first[1:] = pi[1:] != pi[:-1]
            seg_id[pi[first]] = self.segment_ids[si[first]].tolist()
            seg_code[pi[first]] = self.segment_codes[si[first]]
            seg_d[pi[first]] = d[first].tolist()
        return LocatedPoints(cell.tolist(), seg_id.tolist(), seg_code.tolist(), seg_d.tolist())

    def _cells(self, pts: npt.NDArray[np.object_]) -> npt.NDArray[np.object_]:
        """The cell code of each point (None outside every cell)."""
        cell = np.full(len(pts), None, dtype=object)
        p_idx, c_idx = self.cells.query(pts, predicate="intersects")
        # a point on a shared edge meets two cells: the lower code wins, as in SQL
        order = np.lexsort((self.cell_rank[c_idx], p_idx))
        p_sorted, c_sorted = p_idx[order], c_idx[order]
        first = np.ones(len(p_sorted), bool)
        first[1:] = p_sorted[1:] != p_sorted[:-1]
        cell[p_sorted[first]] = self.cell_codes[c_sorted[first]]
        return cell
