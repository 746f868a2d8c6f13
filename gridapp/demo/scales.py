"""How big a demo is: area, streets, roads and a year's cases."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    area_km2: float     # ≈ cells / 100 (cells are ~100 m)
    streets: int
    main_roads: int
    secondary_roads: int
    branch_roads: int
    cases: int          # a year of cases
    component_density: float = 1.0  # share of the district's component spacing


SCALES = {
    "tiny": Scale("tiny", 5, 3, 2, 4, 20, 2_000),
    "district": Scale("district", 62, 12, 5, 14, 200, 50_000),
    "city": Scale("city", 1000, 100, 24, 90, 7_500, 1_000_000, component_density=0.35),
}
