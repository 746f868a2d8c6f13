"""A plausible district: irregular boundary on a river bank, streets and communities that
partition it, ~100 m unit grid cells clipped to communities and coded by the rule."""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from ..analysis.grid import as_multi, cells_of, north_west_order, partition, spread_points
from ..domain.places import Area, UnitGridCell
from .names import DISTRICT_CODE, DISTRICT_NAME, Namer

CENTER = (530_000.0, 3_390_000.0)  # EPSG:4547, north of the Yangtze at Wuhan


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
             for p in spread_points(rng, district.buffer(-0.25 * r), max(1, round(scale.area_km2 / 40)))]
    parks = [_blob(rng, *p.coords[0], r * rng.uniform(0.025, 0.05)).intersection(district)
             for p in spread_points(rng, district.buffer(-0.1 * r), max(3, round(scale.area_km2 / 10)))]

    street_geoms = partition(district, spread_points(rng, district, scale.streets))
    streets, communities, cells = [], [], []
    for si, idx in enumerate(north_west_order(street_geoms), start=1):
        sgeom = street_geoms[idx]
        scode = f"{DISTRICT_CODE}{si:03d}"
        streets.append(Area(scode, namer.street(), as_multi(sgeom)))
        n_comm = max(2, round(sgeom.area / 0.6e6))
        comm_geoms = partition(sgeom, spread_points(rng, sgeom, n_comm))
        for ci, cidx in enumerate(north_west_order(comm_geoms), start=1):
            ccode = f"{scode}{ci:03d}"
            cgeom = comm_geoms[cidx]
            communities.append(Area(ccode, namer.community(), as_multi(cgeom), scode))
            cells.extend(cells_of(ccode, cgeom))
        if progress:
            progress(si, scale.streets, "unit grid")
    return Land(Area(DISTRICT_CODE, DISTRICT_NAME, as_multi(district)), streets, communities,
                cells, river, lakes, parks, r)


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
