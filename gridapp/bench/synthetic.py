"""A large regular district for benchmarks: cells, streets, communities, road segments."""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import MultiLineString, MultiPolygon

from ..domain.codes import grid_code
from ..domain.places import Area, RoadClass, RoadSegment, UnitGridCell
from ..services.places import PlaceLayers

X0, Y0 = 500_000.0, 3_380_000.0
DISTRICT = "420102"


def regular_layers(n_cells: int, cell: float = 100.0, road_every: int = 5) -> PlaceLayers:
    """≈ n_cells square cells in 20 streets × k communities, roads every `road_every` cells."""
    side = int(math.ceil(math.sqrt(n_cells)))
    n_comm = int(math.ceil(side * side / 500))
    streets_n = 20
    per_street = int(math.ceil(n_comm / streets_n))
    ix, iy = np.meshgrid(np.arange(side), np.arange(side))
    ix, iy = ix.ravel()[:n_cells], iy.ravel()[:n_cells]
    order = np.lexsort((ix, -iy))  # north to south, west to east
    ix, iy = ix[order], iy[order]
    boxes = shapely.box(X0 + ix * cell, Y0 + iy * cell, X0 + (ix + 1) * cell,
                        Y0 + (iy + 1) * cell)
    cells, communities = [], {}
    for i, geom in enumerate(boxes):
        c = i // 500
        street = f"{DISTRICT}{c // per_street + 1:03d}"
        community = f"{street}{c % per_street + 1:03d}"
        communities.setdefault(community, [])
        cells.append(UnitGridCell(grid_code(community, i % 500 + 1), community, street,
                                  MultiPolygon([geom])))
    streets = sorted({c[:9] for c in communities})
    segs = []
    span = side * cell
    for k in range(0, side + 1, road_every):
        for j in range(0, side, road_every):
            a, b = j * cell, min((j + road_every) * cell, span)
            segs.append(RoadSegment(f"H{k:04d}-{j:04d}", f"横{k}路", RoadClass.MAIN, "",
                                    MultiLineString([[(X0 + a, Y0 + k * cell),
                                                      (X0 + b, Y0 + k * cell)]])))
            segs.append(RoadSegment(f"V{k:04d}-{j:04d}", f"纵{k}路", RoadClass.SECONDARY, "",
                                    MultiLineString([[(X0 + k * cell, Y0 + a),
                                                      (X0 + k * cell, Y0 + b)]])))
    return PlaceLayers(
        streets=[Area(s, f"街道{s[-3:]}", None) for s in streets],
        communities=[Area(c, f"社区{c[-6:]}", None, c[:9]) for c in communities],
        cells=cells, segments=segs)
