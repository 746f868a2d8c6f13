"""Build and code the unit grid of a real district.

Communities come from their polygons when the district has them; otherwise from a code
list with centroids: a Voronoi partition around the known centroids, with the communities
that have no centroid placed in the largest gaps of their street. Either way the result is
a partition of the district into ~`size` m cells coded by the 15-digit rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import Point

from ..domain.codes import check_community_code, check_district_code
from ..domain.places import Area
from ..services.places import PlaceLayers
from .grid import as_multi, cells_of, partition, spread_points


@dataclass
class Seed:
    code: str
    name: str
    point: tuple[float, float] | None  # in the store CRS


@dataclass
class GridResult:
    layers: PlaceLayers
    notes: list[str] = field(default_factory=list)


def build_from_communities(district: Area, communities: Sequence[Area],
                           street_names: dict[str, str], size: float = 100.0,
                           progress: Callable | None = None) -> GridResult:
    """Cells for given community polygons (clipped to the district)."""
    boundary = district.geometry
    comms = []
    for c in communities:
        check_community_code(c.code)
        geom = c.geometry.intersection(boundary)
        if not geom.is_empty:
            comms.append(Area(c.code, c.name, as_multi(geom), c.code[:9]))
    by_street = defaultdict(list)
    for c in comms:
        by_street[c.code[:9]].append(c.geometry)
    streets = [Area(code, street_names.get(code, code), as_multi(shapely.union_all(g)))
               for code, g in sorted(by_street.items())]
    cells = []
    for i, c in enumerate(comms):
        cells.extend(cells_of(c.code, c.geometry, size))
        if progress:
            progress(i + 1, len(comms), "unit grid")
    return GridResult(PlaceLayers(district, streets, comms, cells))


def build_from_seeds(district: Area, streets: Sequence[Seed], communities: Sequence[Seed],
                     size: float = 100.0, seed: int = 0,
                     progress: Callable | None = None) -> GridResult:
    """Streets and communities as Voronoi regions around their centroids, then cells."""
    check_district_code(district.code)
    boundary = district.geometry
    rng = np.random.default_rng(seed)
    notes = []
    shapely.prepare(boundary)
    known_streets = {s.code for s in streets}
    comm_by_street = defaultdict(list)
    for c in communities:
        check_community_code(c.code)
        comm_by_street[c.code[:9]].append(c)
    street_codes = sorted(known_streets | set(comm_by_street))
    names = {s.code: s.name for s in streets}
    # a street's seed: its own centroid, else the mean of its communities' centroids
    street_pts: dict[str, tuple[float, float]] = {}
    for code in street_codes:
        own = next((s.point for s in streets if s.code == code and s.point), None)
        inner = [c.point for c in comm_by_street[code] if c.point and
                 shapely.contains_xy(boundary, *c.point)]
        if own and shapely.contains_xy(boundary, *own):
            street_pts[code] = own
        elif inner:
            street_pts[code] = tuple(np.mean(inner, axis=0))
    missing = [c for c in street_codes if c not in street_pts]
    if missing:
        notes.append(f"{len(missing)} street(s) without any location were placed in the "
                     f"largest gaps: {', '.join(missing)}")
        for code, p in zip(missing, spread_points(rng, boundary, len(missing),
                                                  list(street_pts.values())), strict=True):
            street_pts[code] = (p.x, p.y)
    street_geoms = partition(boundary, [Point(street_pts[c]) for c in street_codes])
    out_streets, out_comms, cells = [], [], []
    placed_without = 0
    for si, (code, sgeom) in enumerate(zip(street_codes, street_geoms, strict=True)):
        out_streets.append(Area(code, names.get(code, code), as_multi(sgeom)))
        comms = sorted(comm_by_street[code], key=lambda c: c.code)
        if not comms:  # a street with no community listed: one community for the whole
            comms = [Seed(code + "001", names.get(code, code) + "社区", None)]
        pts = {c.code: c.point for c in comms
               if c.point and shapely.contains_xy(sgeom, *c.point)}
        free = [c for c in comms if c.code not in pts]
        placed_without += len(free)
        if free:
            for c, p in zip(free, spread_points(rng, sgeom, len(free), list(pts.values())),
                            strict=True):
                pts[c.code] = (p.x, p.y)
        cgeoms = partition(sgeom, [Point(pts[c.code]) for c in comms])
        for c, cg in zip(comms, cgeoms, strict=True):
            if cg.is_empty:
                continue
            out_comms.append(Area(c.code, c.name, as_multi(cg), code))
            cells.extend(cells_of(c.code, cg, size))
        if progress:
            progress(si + 1, len(street_codes), "unit grid")
    if placed_without:
        notes.append(f"{placed_without} communit(y/ies) had no centroid (or one outside their "
                     "street) and were placed by spacing; load community polygons when you "
                     "have them for the exact boundaries")
    return GridResult(PlaceLayers(district, out_streets, out_comms, cells), notes)
