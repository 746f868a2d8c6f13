"""Points → addresses, as a command room writes them (the reverse of the gazetteer):

    江岸区 大智街 保成社区 解放大道与黄浦路交叉口附近
    江岸区 一元街 三阳社区 解放大道北侧（黄浦路口以西约 250 米）

from the district's own places: the street and community under the point, the nearest
road (its name and the side the point lies on), a crossing of two roads when the point is
within `CROSSING_M` of it, else the nearest crossing along the road for orientation, and a
landmark close by. No online service is asked.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.ops import nearest_points

from .gazetteer import MEET_M, Gazetteer

CROSSING_M = 30.0     # closer than this to where two roads meet: 两路交叉口附近
ROAD_NEAR_M = 100.0   # farther than this from every road: the road is only a reference
ALONG_M = 400.0       # a crossing on the same road this close orients the address
LANDMARK_M = 60.0     # a named place this close is mentioned
ON_ROAD_M = 4.0       # closer to the centre line than this: on the road itself


@dataclass(frozen=True, slots=True)
class Address:
    """What a point's address is made of, and the text for the case's address field."""

    text: str
    district: str = ""
    street: str = ""
    community: str = ""
    road: str | None = None
    side: str | None = None             # 北侧 / 南侧 / 东侧 / 西侧
    road_distance_m: float | None = None
    crossing: tuple[str, str] | None = None
    landmark: str | None = None


def _compass(dx: float, dy: float) -> str:
    """东/西/南/北 of a direction, by its larger component."""
    if abs(dx) >= abs(dy):
        return "东" if dx > 0 else "西"
    return "北" if dy > 0 else "南"


def _metres(d: float) -> int:
    return int(max(10, round(d / 10.0) * 10))


class AddressFinder:
    """The district's roads, crossings, streets, communities and landmarks, indexed."""

    def __init__(self, gazetteer: Gazetteer, district: str = "") -> None:
        self.district = district
        self.road_names = list(gazetteer.road_geoms)
        self.road_geoms = np.array([gazetteer.road_geoms[n] for n in self.road_names])
        self.roads = shapely.STRtree(self.road_geoms) if len(self.road_names) else None
        areas = {(p.kind, p.code or p.name): p for group in gazetteer.areas.values()
                 for p in group}
        self.streets = [p for p in areas.values() if p.kind == "street"]
        self.communities = [p for p in areas.values() if p.kind == "community"]
        self._street_tree = shapely.STRtree([p.geometry for p in self.streets]) \
            if self.streets else None
        self._community_tree = shapely.STRtree([p.geometry for p in self.communities]) \
            if self.communities else None
        marks = {(p.name, p.geometry.wkb): p for group in gazetteer.landmarks.values()
                 for p in group if p.kind == "landmark"}
        self.landmarks = list(marks.values())
        self._landmark_tree = shapely.STRtree([p.geometry for p in self.landmarks]) \
            if self.landmarks else None
        self.crossings: list[tuple[Point, int, int]] = self._crossings()
        self._crossing_tree = shapely.STRtree([c[0] for c in self.crossings]) \
            if self.crossings else None

    def _crossings(self) -> list[tuple[Point, int, int]]:
        """Where two differently named roads meet (digitised crossings rarely touch)."""
        if self.roads is None:
            return []
        left, right = self.roads.query(self.road_geoms, predicate="dwithin", distance=MEET_M)
        out: list[tuple[Point, int, int]] = []
        for i, j in zip(left.tolist(), right.tolist(), strict=True):
            if i >= j:
                continue
            a, b = self.road_geoms[i], self.road_geoms[j]
            meet = a.intersection(b)
            points = [g for g in shapely.get_parts(meet) if g.geom_type == "Point"] \
                if not meet.is_empty else []
            if not points:
                pa, pb = nearest_points(a, b)
                points = [Point((pa.x + pb.x) / 2, (pa.y + pb.y) / 2)]
            seen = set()
            for p in points:
                key = (round(p.x), round(p.y))
                if key not in seen:
                    seen.add(key)
                    out.append((p, i, j))
        return out

    def _area(self, tree, places, pt):
        if tree is None:
            return None
        hits = tree.query(pt, predicate="intersects")
        return min((places[k] for k in hits), key=lambda p: p.code or p.name, default=None)

    def describe(self, x: float, y: float) -> Address:
        """The address of (x, y) in the store's CRS."""
        pt = Point(x, y)
        street = self._area(self._street_tree, self.streets, pt)
        community = self._area(self._community_tree, self.communities, pt)
        parts = [self.district, street.name if street else "",
                 community.name if community else ""]
        road = side = crossing = landmark = None
        distance = None
        where = ""
        if self.roads is not None:
            k = int(self.roads.nearest(pt))
            road, geom = self.road_names[k], self.road_geoms[k]
            distance = float(geom.distance(pt))
            near = self._nearest_crossing(pt, k, CROSSING_M)
            if near is not None:
                other = near[1]
                crossing = (road, other)
                where = f"{road}与{other}交叉口附近"
            elif distance <= ROAD_NEAR_M:
                side = self._side(geom, pt, distance)
                where = road + (side or "")
                along = self._nearest_crossing(pt, k, ALONG_M)
                if along is not None:
                    cp, other = along
                    where += f"（{other}口以{_compass(x - cp.x, y - cp.y)}约 " \
                             f"{_metres(cp.distance(pt))} 米）"
            else:
                where = f"距{road}约 {_metres(distance)} 米"
        if self._landmark_tree is not None:
            k = self._landmark_tree.query_nearest(pt, max_distance=LANDMARK_M)
            if len(k):
                landmark = self.landmarks[int(k[0])].name
                where = f"{where}，{landmark}附近" if where else f"{landmark}附近"
        text = " ".join(p for p in parts + [where] if p)
        return Address(text, self.district, street.name if street else "",
                       community.name if community else "", road, side, distance, crossing,
                       landmark)

    def _nearest_crossing(self, pt: Point, road: int,
                          within: float) -> tuple[Point, str] | None:
        """The closest crossing of `road` with another road within `within` metres, and
        that other road's name."""
        if self._crossing_tree is None:
            return None
        best = None
        for k in self._crossing_tree.query(pt.buffer(within)).tolist():
            cp, i, j = self.crossings[k]
            if road not in (i, j):
                continue
            d = cp.distance(pt)
            if d <= within and (best is None or d < best[0]):
                best = (d, cp, self.road_names[j if i == road else i])
        return (best[1], best[2]) if best else None

    @staticmethod
    def _side(geom, pt: Point, distance: float) -> str | None:
        """北侧/南侧 of a road running east–west, 东侧/西侧 of one running north–south."""
        if distance < ON_ROAD_M:
            return None
        s = geom.project(pt)
        a = geom.interpolate(max(s - 5.0, 0.0))
        b = geom.interpolate(min(s + 5.0, geom.length))
        near = geom.interpolate(s)
        tx, ty = b.x - a.x, b.y - a.y
        dx, dy = pt.x - near.x, pt.y - near.y
        if abs(tx) >= abs(ty):
            return "北侧" if dy > 0 else "南侧"
        return "东侧" if dx > 0 else "西侧"
