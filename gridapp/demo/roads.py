"""Roads (main, secondary, branch) with names, cut into responsibility segments; components
along them; hotspots (markets, stations, schools…) where problems gather."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point
from shapely.ops import substring

from ..domain.places import ComponentAsset, RoadClass, RoadSegment
from .geography import Land
from .names import DISTRICT_CODE, Namer

MAX_SEGMENT = {RoadClass.MAIN: 900.0, RoadClass.SECONDARY: 700.0, RoadClass.BRANCH: 1500.0}


@dataclass
class Road:
    name: str
    road_class: RoadClass
    line: LineString


@dataclass
class Hotspot:
    kind: str
    name: str
    x: float
    y: float
    radius: float
    weight: float


def _wavy(rng, p0, p1, amplitude: float, n: int = 60) -> LineString:
    t = np.linspace(0, 1, n)
    x = p0[0] + (p1[0] - p0[0]) * t
    y = p0[1] + (p1[1] - p0[1]) * t
    length = math.hypot(p1[0] - p0[0], p1[1] - p0[1]) or 1.0
    nx, ny = -(p1[1] - p0[1]) / length, (p1[0] - p0[0]) / length
    off = amplitude * (np.sin(t * math.pi * rng.uniform(0.8, 2.2) + rng.uniform(0, 6)) +
                       0.4 * np.sin(t * math.pi * rng.uniform(3, 6)))
    return LineString(np.column_stack([x + nx * off, y + ny * off]))


def _through(rng, land: Land, angle: float, offset: float, reach: float, amp: float):
    cx, cy = land.district.geometry.centroid.coords[0]
    dx, dy = math.cos(angle), math.sin(angle)
    ox, oy = cx - dy * offset, cy + dx * offset
    return _wavy(rng, (ox - dx * reach, oy - dy * reach), (ox + dx * reach, oy + dy * reach), amp)


def make_roads(scale, land: Land, rng: np.random.Generator, namer: Namer) -> list[Road]:
    r = land.radius
    area = land.district.geometry
    base = rng.uniform(-0.2, 0.2)  # the street grid's orientation
    roads: list[Road] = []

    def add(line, cls: RoadClass) -> None:
        clipped = line.intersection(area)
        for part in shapely.get_parts(clipped):
            if isinstance(part, LineString) and part.length > 150:
                roads.append(Road(namer.road(cls.value), cls, part))

    # 沿江大道: a main road along the river bank
    bank = land.river.exterior.intersection(area.buffer(-60).exterior.buffer(400))
    if not bank.is_empty:
        shore = shapely.offset_curve(shapely.line_merge(land.river.boundary), 120)
        add(shore, RoadClass.MAIN)
    for i in range(scale.main_roads):
        ang = base + (0 if i % 2 else math.pi / 2) + rng.uniform(-0.25, 0.25)
        add(_through(rng, land, ang, rng.uniform(-0.8, 0.8) * r, 2.2 * r, 0.05 * r),
            RoadClass.MAIN)
    for i in range(scale.secondary_roads):
        ang = base + (0 if i % 2 else math.pi / 2) + rng.uniform(-0.1, 0.1)
        add(_through(rng, land, ang, rng.uniform(-1, 1) * r, rng.uniform(0.5, 1.4) * r,
                     0.02 * r), RoadClass.SECONDARY)
    minx, miny, maxx, maxy = area.bounds
    shapely.prepare(area)
    made = 0
    while made < scale.branch_roads:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if not shapely.contains_xy(area, x, y):
            continue
        ang = base + rng.choice([0.0, math.pi / 2]) + rng.uniform(-0.05, 0.05)
        half = rng.uniform(150, 600)
        dx, dy = math.cos(ang) * half, math.sin(ang) * half
        add(LineString([(x - dx, y - dy), (x + dx, y + dy)]), RoadClass.BRANCH)
        made += 1
    return roads


def cut_segments(roads: list[Road]) -> list[RoadSegment]:
    """Responsibility segments: cut at crossings with equal or higher roads and at a length."""
    rank = {RoadClass.MAIN: 0, RoadClass.SECONDARY: 1, RoadClass.BRANCH: 2}
    lines = [rd.line for rd in roads]
    tree = shapely.STRtree(lines)
    segments: list[RoadSegment] = []
    for ri, rd in enumerate(roads):
        cuts: dict[float, str] = {}
        for j in tree.query(rd.line, predicate="intersects"):
            other = roads[j]
            # a segment ends where a more important road (or, for main and secondary roads,
            # one of the same class) crosses: branch roads are not cut by each other
            if j == ri or rank[other.road_class] > rank[rd.road_class] or \
                    rank[other.road_class] == rank[rd.road_class] == 2:
                continue
            for p in shapely.get_parts(rd.line.intersection(other.line)):
                if isinstance(p, Point):
                    cuts[rd.line.project(p)] = other.name
        stops = sorted(d for d in cuts if 40 < d < rd.line.length - 40)
        ends = [0.0, *stops, rd.line.length]
        pieces: list[tuple[float, float]] = []
        for a, b in zip(ends, ends[1:], strict=False):
            n = max(1, math.ceil((b - a) / MAX_SEGMENT[rd.road_class]))
            pieces.extend((a + (b - a) * k / n, a + (b - a) * (k + 1) / n) for k in range(n))
        for si, (a, b) in enumerate(pieces, start=1):
            start = cuts.get(a)
            end = cuts.get(b)
            label = f"{rd.name}({start}—{end}段)" if start and end else f"{rd.name}第{si}段"
            segments.append(RoadSegment(
                f"{DISTRICT_CODE}-R{ri + 1:04d}-{si:02d}", rd.name, rd.road_class, label,
                MultiLineString([substring(rd.line, a, b)])))
    return segments


# 部件 placed along roads: (class, owner department, spacing m, road classes, side offset m)
COMPONENT_PLAN = [
    ("C0114", "lighting", 35, (RoadClass.MAIN, RoadClass.SECONDARY), 14),   # 路灯
    ("C0309", "sanitation", 90, (RoadClass.MAIN, RoadClass.SECONDARY, RoadClass.BRANCH), 10),
    ("C0101", "water", 160, (RoadClass.MAIN, RoadClass.SECONDARY, RoadClass.BRANCH), 3),
    ("C0102", "water", 140, (RoadClass.MAIN, RoadClass.SECONDARY, RoadClass.BRANCH), -3),
    ("C0103", "water", 70, (RoadClass.MAIN, RoadClass.SECONDARY), 6),
    ("C0105", "power", 220, (RoadClass.MAIN, RoadClass.SECONDARY), -6),
    ("C0106", "lighting", 280, (RoadClass.MAIN,), 12),
    ("C0107", "telecom", 200, (RoadClass.MAIN, RoadClass.SECONDARY), 8),
    ("C0108", "gas", 300, (RoadClass.MAIN, RoadClass.SECONDARY, RoadClass.BRANCH), -8),
    ("C0110", "water", 250, (RoadClass.MAIN, RoadClass.SECONDARY), 11),
    ("C0203", "municipal", 500, (RoadClass.MAIN,), 13),                      # 公交站亭
    ("C0206", "traffic", 400, (RoadClass.MAIN, RoadClass.SECONDARY), 12),
    ("C0305", "enforcement", 110, (RoadClass.MAIN,), 22),                    # 广告牌匾
    ("C0301", "sanitation", 1200, (RoadClass.SECONDARY, RoadClass.BRANCH), 25),  # 公厕
]
COMPONENT_NAMES = {"C0114": "路灯", "C0309": "果皮箱", "C0101": "上水井盖", "C0102": "污水井盖",
                   "C0103": "雨水井盖", "C0105": "电力井盖", "C0106": "路灯井盖",
                   "C0107": "通信井盖", "C0108": "燃气井盖", "C0110": "消防栓",
                   "C0203": "公交站亭", "C0206": "交通标志牌", "C0305": "广告牌匾",
                   "C0301": "公共厕所"}


def place_components(roads: list[Road], land: Land, rng: np.random.Generator,
                     density: float = 1.0) -> list[ComponentAsset]:
    area = land.district.geometry
    shapely.prepare(area)
    serial: dict[str, int] = defaultdict(int)
    out: list[ComponentAsset] = []
    for cls, owner, spacing, classes, offset in COMPONENT_PLAN:
        spacing = spacing / density
        lines = [rd.line for rd in roads if rd.road_class in classes]
        for line in lines:
            side = shapely.offset_curve(line, offset * (1 if rng.random() < 0.5 else -1))
            if side.is_empty or side.length < spacing / 2:
                continue
            start = rng.uniform(0, spacing)
            ds = np.arange(start, side.length, spacing)
            pts = shapely.line_interpolate_point(side, ds)
            xy = shapely.get_coordinates(pts)
            inside = shapely.contains_xy(area, xy[:, 0], xy[:, 1])
            for x, y in xy[inside]:
                serial[cls] += 1
                code = f"{DISTRICT_CODE}{cls[1:3]}{cls[3:5]}{serial[cls]:06d}"
                out.append(ComponentAsset(code, cls, COMPONENT_NAMES[cls], owner, Point(x, y)))
    return out


HOTSPOT_KINDS = {  # kind: (share of hotspots, name suffix, radius m)
    "market": (0.16, "菜市场", 120), "metro": (0.14, "地铁站", 150), "school": (0.16, "小学", 120),
    "hospital": (0.06, "医院", 120), "mall": (0.08, "商业广场", 160),
    "night_market": (0.06, "夜市", 130), "construction": (0.12, "建设工地", 150),
    "old_estate": (0.22, "小区", 200),
}


def place_hotspots(land: Land, roads: list[Road], rng: np.random.Generator,
                   namer: Namer) -> list[Hotspot]:
    n = max(12, round(land.district.geometry.area / 1e6 * 0.9))
    kinds = list(HOTSPOT_KINDS)
    shares = np.array([HOTSPOT_KINDS[k][0] for k in kinds])
    lines = [rd.line for rd in roads if rd.road_class is not RoadClass.MAIN] or \
        [rd.line for rd in roads]
    out = []
    for _ in range(n):
        kind = kinds[int(rng.choice(len(kinds), p=shares / shares.sum()))]
        line = lines[int(rng.integers(len(lines)))]
        p = line.interpolate(rng.uniform(0, line.length))
        place = namer.unique(lambda: namer._place())  # noqa: SLF001
        _, suffix, radius = HOTSPOT_KINDS[kind]
        out.append(Hotspot(kind, place + suffix, p.x + rng.normal(0, 20), p.y + rng.normal(0, 20),
                           radius, float(rng.uniform(0.5, 2.0))))
    return out
