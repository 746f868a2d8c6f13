"""Unit grid construction: partition an area, cut ~100 m cells, merge slivers, code them.

Shared by the demo generator and the builder for a real district boundary.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.ops import unary_union

from ..domain.codes import grid_code
from ..domain.places import UnitGridCell

SLIVER_SHARE = 0.3  # pieces under 30 % of a full cell join a neighbouring cell


def spread_points(rng: np.random.Generator, area, n: int,
                  fixed: list[tuple[float, float]] = ()) -> list[Point]:
    """`n` well-spread points inside `area`, away from each other and from `fixed` ones."""
    minx, miny, maxx, maxy = area.bounds
    shapely.prepare(area)
    placed = list(fixed)
    out: list[Point] = []
    tries = 0
    while len(out) < n:
        tries += 1
        cand = np.column_stack([rng.uniform(minx, maxx, 24), rng.uniform(miny, maxy, 24)])
        cand = cand[shapely.contains_xy(area, cand[:, 0], cand[:, 1])]
        if not len(cand):
            if tries > 10_000:
                raise ValueError("cannot place points inside an empty area")
            continue
        if placed:
            p = np.asarray(placed)
            d = np.min(np.hypot(cand[:, None, 0] - p[None, :, 0],
                                cand[:, None, 1] - p[None, :, 1]), axis=1)
            best = tuple(cand[int(np.argmax(d))])
        else:
            best = tuple(cand[0])
        placed.append(best)
        out.append(Point(best))
    return out


def partition(area, seeds: list[Point]) -> list:
    """Voronoi cells of `seeds` clipped to `area`, in the order of the seeds (no gaps)."""
    if len(seeds) == 1:
        return [area]
    cells = list(shapely.get_parts(shapely.voronoi_polygons(shapely.MultiPoint(seeds),
                                                            extend_to=area)))
    tree = shapely.STRtree(cells)
    out = []
    for s in seeds:
        owner = cells[int(tree.query(s, predicate="intersects")[0])]
        out.append(owner.intersection(area))
    return out


def north_west_order(geoms) -> list[int]:
    """Indices sorted north to south (1 km bands), then west to east."""
    pts = [g.representative_point() for g in geoms]
    return sorted(range(len(geoms)), key=lambda i: (-round(pts[i].y / 1000), pts[i].x))


def as_multi(g) -> MultiPolygon:
    if isinstance(g, MultiPolygon):
        return g
    return MultiPolygon([p for p in shapely.get_parts(g) if isinstance(p, Polygon)])


def cells_of(community_code: str, area, size: float = 100.0) -> list[UnitGridCell]:
    """The `size` m grid clipped to one community, slivers merged, coded N→S then W→E."""
    minx, miny, maxx, maxy = area.bounds
    cols = np.arange(math.floor(minx / size), math.ceil(maxx / size))
    rows = np.arange(math.floor(miny / size), math.ceil(maxy / size))
    cc, rr = np.meshgrid(cols, rows)
    cc, rr = cc.ravel(), rr.ravel()
    boxes = shapely.box(cc * size, rr * size, (cc + 1) * size, (rr + 1) * size)
    shapely.prepare(area)
    hit = shapely.intersects(area, boxes)
    pieces = shapely.intersection(boxes[hit], area)
    origin = list(zip(rr[hit].tolist(), cc[hit].tolist(), strict=True))
    polys, keys = [], []
    for geom, key in zip(pieces, origin, strict=True):
        for part in shapely.get_parts(geom):
            if isinstance(part, Polygon) and part.area > 1e-6:
                polys.append(part)
                keys.append(key)
    polys = merge_slivers(polys, SLIVER_SHARE * size * size)
    order = sorted((k for k in range(len(polys)) if polys[k] is not None),
                   key=lambda k: (-keys[k][0], keys[k][1]))
    return [UnitGridCell(grid_code(community_code, serial), community_code, community_code[:9],
                         as_multi(polys[k])) for serial, k in enumerate(order, start=1)]


def merge_slivers(polys: list, min_area: float) -> list:
    """Join each piece under `min_area` to the neighbour sharing the longest edge."""
    tree = shapely.STRtree(polys)
    merged = list(polys)
    for i in sorted(range(len(polys)), key=lambda k: polys[k].area):
        g = merged[i]
        if g is None or g.area >= min_area:
            continue
        best, best_len = None, 1e-6
        for j in tree.query(g, predicate="intersects"):
            if j == i or merged[j] is None:
                continue
            shared = merged[j].boundary.intersection(g.boundary).length
            if shared > best_len:
                best, best_len = j, shared
        if best is not None:
            merged[best] = unary_union([merged[best], g])
            merged[i] = None
    return merged
