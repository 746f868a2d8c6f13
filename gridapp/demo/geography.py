"""A plausible district: irregular boundary on a river bank, streets and communities that
partition it, ~100 m unit grid cells clipped to communities and coded by the rule."""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import unary_union

from ..domain.codes import grid_code
from ..domain.places import Area, UnitGridCell
from .names import DISTRICT_CODE, DISTRICT_NAME, Namer

CENTER = (530_000.0, 3_390_000.0)  # EPSG:4547, north of the Yangtze at Wuhan
CELL = 100.0
SLIVER = 0.3 * CELL * CELL  # smaller pieces join a neighbouring cell of the same community


@dataclass
class Land:
    district: Area
    streets: list[Area]
    communities: list[Area]
    cells: list[UnitGridCell]
    river: Polygon
    lakes: list[Polygon]
    parks: list[Polygon]
    radius: float


def _blob(rng: np.random.Generator, cx: float, cy: float, r: float, wobble: float = 0.12,
          n: int = 96) -> Polygon:
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    rr = np.full(n, r)
    for k in range(2, 7):
        rr += r * rng.uniform(0.2, 1.0) * wobble / math.sqrt(k) * np.cos(k * t + rng.uniform(0, 6.3))
    return Polygon(np.column_stack([cx + rr * np.cos(t), cy + rr * np.sin(t)]))


def _seeds(rng: np.random.Generator, area, n: int) -> list[Point]:
    """`n` well-spread points inside `area` (best-of-k candidate sampling)."""
    minx, miny, maxx, maxy = area.bounds
    shapely.prepare(area)
    pts: list[tuple[float, float]] = []
    while len(pts) < n:
        cand = np.column_stack([rng.uniform(minx, maxx, 24), rng.uniform(miny, maxy, 24)])
        inside = shapely.contains_xy(area, cand[:, 0], cand[:, 1])
        cand = cand[inside]
        if not len(cand):
            continue
        if pts:
            p = np.asarray(pts)
            d = np.min(np.hypot(cand[:, None, 0] - p[None, :, 0],
                                cand[:, None, 1] - p[None, :, 1]), axis=1)
            pts.append(tuple(cand[int(np.argmax(d))]))
        else:
            pts.append(tuple(cand[0]))
    return [Point(p) for p in pts]


def _partition(area, seeds: list[Point]) -> list:
    """Voronoi cells of `seeds` clipped to `area`, in the order of the seeds."""
    cells = shapely.voronoi_polygons(shapely.MultiPoint(seeds), extend_to=area)
    parts = list(shapely.get_parts(cells))
    out = []
    for s in seeds:
        owner = next(p for p in parts if p.contains(s) or p.touches(s))
        out.append(owner.intersection(area))
    return out


def _north_west_order(geoms) -> list[int]:
    """Indices sorted north to south, west to east (by representative point, 1 km bands)."""
    pts = [g.representative_point() for g in geoms]
    return sorted(range(len(geoms)), key=lambda i: (-round(pts[i].y / 1000), pts[i].x))


def _as_multi(g) -> MultiPolygon:
    if isinstance(g, MultiPolygon):
        return g
    polys = [p for p in shapely.get_parts(g) if isinstance(p, Polygon)]
    return MultiPolygon(polys)


def make_land(scale, seed: int, namer: Namer, progress=None) -> Land:
    rng = np.random.default_rng(seed)
    cx, cy = CENTER
    r = math.sqrt(scale.area_km2 * 1e6 / math.pi)
    shape = _blob(rng, cx, cy, r * 1.15, wobble=0.22, n=256)
    xs = np.linspace(cx - 2 * r, cx + 2 * r, 200)
    river_y = cy - 0.85 * r + 0.12 * r * np.sin((xs - cx) / r * 1.3 + rng.uniform(0, 6)) \
        + 0.05 * r * np.sin((xs - cx) / r * 3.1)
    width = max(350.0, 0.1 * r)
    river = LineString(np.column_stack([xs, river_y])).buffer(width / 2, quad_segs=4)
    bank = max(shapely.get_parts(shape.difference(river)), key=lambda g: g.area)
    f = math.sqrt(scale.area_km2 * 1e6 / bank.area)
    scale_geom = lambda g: shapely.affinity.scale(g, f, f, origin=(cx, cy))  # noqa: E731
    district = scale_geom(bank).simplify(5)
    river = scale_geom(river)
    r *= f
    lakes = [_blob(rng, *p.coords[0], r * rng.uniform(0.04, 0.08)).intersection(district)
             for p in _seeds(rng, district.buffer(-0.25 * r), max(1, round(scale.area_km2 / 40)))]
    parks = [_blob(rng, *p.coords[0], r * rng.uniform(0.025, 0.05)).intersection(district)
             for p in _seeds(rng, district.buffer(-0.1 * r), max(3, round(scale.area_km2 / 10)))]

    street_geoms = _partition(district, _seeds(rng, district, scale.streets))
    streets, communities, cells = [], [], []
    for si, idx in enumerate(_north_west_order(street_geoms), start=1):
        sgeom = street_geoms[idx]
        scode = f"{DISTRICT_CODE}{si:03d}"
        streets.append(Area(scode, namer.street(), _as_multi(sgeom)))
        n_comm = max(2, round(sgeom.area / 0.6e6))
        comm_geoms = _partition(sgeom, _seeds(rng, sgeom, n_comm))
        for ci, cidx in enumerate(_north_west_order(comm_geoms), start=1):
            ccode = f"{scode}{ci:03d}"
            cgeom = comm_geoms[cidx]
            communities.append(Area(ccode, namer.community(), _as_multi(cgeom), scode))
            cells.extend(_cells_of(ccode, cgeom))
        if progress:
            progress(si, scale.streets, "unit grid")
    return Land(Area(DISTRICT_CODE, DISTRICT_NAME, _as_multi(district)), streets, communities,
                cells, river, lakes, parks, r)


def _cells_of(community_code: str, area) -> list[UnitGridCell]:
    """The 100 m grid clipped to one community, slivers merged, coded N→S, W→E."""
    minx, miny, maxx, maxy = area.bounds
    cols = np.arange(math.floor(minx / CELL), math.ceil(maxx / CELL))
    rows = np.arange(math.floor(miny / CELL), math.ceil(maxy / CELL))
    cc, rr = np.meshgrid(cols, rows)
    cc, rr = cc.ravel(), rr.ravel()
    boxes = shapely.box(cc * CELL, rr * CELL, (cc + 1) * CELL, (rr + 1) * CELL)
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
    polys = _merge_slivers(polys)
    order = sorted((k for k in range(len(polys)) if polys[k] is not None),
                   key=lambda k: (-keys[k][0], keys[k][1]))
    return [UnitGridCell(grid_code(community_code, serial), community_code, community_code[:9],
                         _as_multi(polys[k])) for serial, k in enumerate(order, start=1)]


def _merge_slivers(polys: list) -> list:
    tree = shapely.STRtree(polys)
    merged = list(polys)
    for i in sorted(range(len(polys)), key=lambda k: polys[k].area):
        g = merged[i]
        if g is None or g.area >= SLIVER:
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


def street_names(land: Land) -> dict[str, str]:
    return {s.code: s.name for s in land.streets}


def communities_by_street(land: Land) -> dict[str, list[Area]]:
    out: dict[str, list[Area]] = defaultdict(list)
    for c in land.communities:
        out[c.parent_code].append(c)
    return out


def rng_for(seed: int, what: str) -> random.Random:
    """A separate deterministic stream per concern, so changing one leaves the others."""
    return random.Random(f"{seed}:{what}")
