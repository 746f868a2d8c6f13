"""Addresses → points, against the district's own places (no online geocoder).

A 12345 ticket without coordinates usually names a road (解放大道1234号), a crossing
(黄浦路与解放大道交叉口), a landmark (江汉路地铁站), a community (三阳社区) or a component's
code. The store knows those places; the best match found in the address gives the point,
its kind and a confidence:

    component code      0.95   the component's point
    landmark            0.90   the landmark's point (0.6 when the name is not unique)
    intersection        0.90   where the two roads meet (0.75 when they meet twice or more)
    road in an area     0.70   the middle of the road's stretch inside the community
                        0.55   … inside the street
    road alone          0.60   the middle of a road of one segment or at most 600 m
                        0.40   the middle of a longer road (another segment may be meant)
    community alone     0.40   the community's representative point
    street alone        0.20   the street's representative point

The caller keeps matches below the store's threshold as 待定位, with what was found.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import shapely
from shapely.geometry import MultiLineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from .places import LocatedBy

MEET_M = 30.0          # roads closer than this meet (digitised crossings rarely touch)
SHORT_ROAD_M = 600.0
CROSSING = re.compile(r"(与|和|及|、|/|交叉|交汇|交界|路口|十字|丁字|交口)")
COMPONENT_CODE = re.compile(r"(?<!\d)\d{16}(?!\d)")
AREA_SUFFIXES = ("社区居民委员会", "居民委员会", "社区居委会", "居委会", "社区", "村委会", "村")
STREET_SUFFIXES = ("街道办事处", "办事处", "街道", "街", "镇", "乡")


@dataclass(frozen=True, slots=True)
class Match:
    x: float
    y: float
    method: LocatedBy
    match: str          # what was recognised, as the acceptor should read it
    confidence: float


@dataclass(frozen=True, slots=True)
class NamedPlace:
    kind: str           # road | community | street | landmark | component
    name: str
    geometry: BaseGeometry | None   # None: the row has no shape (the gazetteer skips it)
    code: str = ""


def normalize(text: str) -> str:
    """Full-width to half-width, no spaces: '１２号 解放大道' → '12号解放大道'."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def _middle(geom: BaseGeometry) -> Point:
    """The middle of a line (its longest part when it is in pieces)."""
    merged = shapely.line_merge(geom) if isinstance(geom, MultiLineString) else geom
    if isinstance(merged, MultiLineString):
        merged = max(merged.geoms, key=lambda g: g.length)
    return merged.interpolate(0.5, normalized=True)


def _shape(place: NamedPlace) -> BaseGeometry:
    """The shape of a place the gazetteer kept (it skips those without one)."""
    if place.geometry is None:
        raise ValueError(f"{place.kind} {place.name!r} has no shape")
    return place.geometry


def _point(place: NamedPlace) -> Point:
    """A landmark's or component's point (their tables hold points)."""
    geom = _shape(place)
    return geom if isinstance(geom, Point) else geom.representative_point()


class Gazetteer:
    """Names of roads, communities, streets, landmarks and components, and their shapes."""

    def __init__(self, places: list[NamedPlace]) -> None:
        self.roads: dict[str, list[BaseGeometry]] = defaultdict(list)
        self.segments_per_road: dict[str, int] = defaultdict(int)
        self.areas: dict[str, list[NamedPlace]] = defaultdict(list)    # name variant → area
        self.landmarks: dict[str, list[NamedPlace]] = defaultdict(list)
        self.components: dict[str, NamedPlace] = {}
        for p in places:
            if p.geometry is None or p.geometry.is_empty:
                continue
            if p.kind == "road":
                self.roads[normalize(p.name)].append(p.geometry)
                self.segments_per_road[normalize(p.name)] += 1
            elif p.kind in ("community", "street"):
                for variant in _variants(p.name, p.kind):
                    self.areas[variant].append(p)
            elif p.kind == "landmark":
                self.landmarks[normalize(p.name)].append(p)
            elif p.kind == "component":
                self.components[p.code] = p
                if len(normalize(p.name)) >= 4:
                    self.landmarks[normalize(p.name)].append(p)
        self.road_geoms = {name: shapely.union_all(g) for name, g in self.roads.items()}
        names = set(self.road_geoms) | set(self.areas) | set(self.landmarks)
        longest_first = sorted((n for n in names if len(n) >= 2), key=len, reverse=True)
        # one alternation, longest names first: at each position the longest name wins
        self._pattern = re.compile("|".join(map(re.escape, longest_first))) \
            if longest_first else None
        self.locate = lru_cache(maxsize=65536)(self._locate)

    def __len__(self) -> int:
        return len(self.road_geoms) + len(self.areas) + len(self.landmarks) + \
            len(self.components)

    def names_in(self, address: str) -> list[tuple[int, str]]:
        """(position, name) of every known name in the address, left to right."""
        if self._pattern is None:
            return []
        return [(m.start(), m.group()) for m in self._pattern.finditer(address)]

    def _locate(self, address: str) -> Match | None:
        """The best match for one address (None when it names nothing the store knows)."""
        text = normalize(address)
        if not text:
            return None
        candidates: list[Match] = []
        for code in COMPONENT_CODE.findall(text):
            comp = self.components.get(code)
            if comp is not None:
                p = _point(comp)
                candidates.append(Match(p.x, p.y, LocatedBy.COMPONENT,
                                        f"部件 {code} {comp.name}".strip(), 0.95))
        found = self.names_in(text)
        roads = list(dict.fromkeys(n for _, n in found if n in self.road_geoms))
        areas = [self.areas[n] for _, n in found if n in self.areas]
        marks = [n for _, n in found if n in self.landmarks]
        area_hits = [a for group in areas for a in group]
        communities = [a for a in area_hits if a.kind == "community"]
        streets = [a for a in area_hits if a.kind == "street"]
        for name in marks:
            places = self.landmarks[name]
            pick = _inside(places, communities + streets) or places[0]
            conf = 0.9 if len(places) == 1 or pick is not places[0] else 0.6
            mark = _point(pick)
            candidates.append(Match(mark.x, mark.y, LocatedBy.LANDMARK,
                                    f"地标 {pick.name}", conf))
        if len(roads) >= 2 and CROSSING.search(text):
            hit = self._crossing(roads[0], roads[1], communities + streets)
            if hit is not None:
                candidates.append(hit)
        for road in roads[:1]:
            geom = self.road_geoms[road]
            for area, conf in [(a, 0.7) for a in communities] + [(a, 0.55) for a in streets]:
                part = geom.intersection(_shape(area).buffer(20.0))
                if not part.is_empty and part.length > 0:
                    p = _middle(part)
                    candidates.append(Match(p.x, p.y, LocatedBy.ROAD_IN_AREA,
                                            f"{road} @ {area.name}", conf))
                    break
            p = _middle(geom)
            short = self.segments_per_road[road] == 1 or geom.length <= SHORT_ROAD_M
            candidates.append(Match(p.x, p.y, LocatedBy.ROAD, f"{road}（{geom.length:,.0f} m）",
                                    0.6 if short else 0.4))
        for area in communities[:1]:
            p = _shape(area).representative_point()
            candidates.append(Match(p.x, p.y, LocatedBy.COMMUNITY, area.name, 0.4))
        for area in streets[:1]:
            p = _shape(area).representative_point()
            candidates.append(Match(p.x, p.y, LocatedBy.STREET, area.name, 0.2))
        return max(candidates, key=lambda m: m.confidence) if candidates else None

    def _crossing(self, a: str, b: str, areas: list[NamedPlace]) -> Match | None:
        ga, gb = self.road_geoms[a], self.road_geoms[b]
        label = f"{a} × {b}"
        meet = ga.intersection(gb)
        points = [g for g in shapely.get_parts(meet) if g.geom_type == "Point"] \
            if not meet.is_empty else []
        if not points:
            if ga.distance(gb) > MEET_M:
                return None
            pa, pb = nearest_points(ga, gb)
            points = [Point((pa.x + pb.x) / 2, (pa.y + pb.y) / 2)]
        unique = list({(round(p.x, 1), round(p.y, 1)): p for p in points}.values())
        inside = [p for p in unique if any(_shape(ar).contains(p) for ar in areas)]
        pick = (inside or unique)[0]
        conf = 0.9 if len(unique) == 1 or len(inside) == 1 else 0.75
        return Match(pick.x, pick.y, LocatedBy.INTERSECTION, label, conf)


def _variants(name: str, kind: str) -> list[str]:
    """The ways an address names a community (三阳社区居委会 → 三阳社区) or a street
    (一元街 → 一元街道, 一元街道办事处)."""
    n = normalize(name)
    out = {n}
    if kind == "community":
        for suffix in AREA_SUFFIXES:
            if n.endswith(suffix) and len(n) - len(suffix) >= 2:
                base = n[: -len(suffix)]
                out.add(base + ("村" if suffix.startswith("村") else "社区"))
                break
    else:
        for suffix in STREET_SUFFIXES:
            if n.endswith(suffix) and len(n) - len(suffix) >= 2:
                base = n[: -len(suffix)]
                out.update({base + "街道", base + "街道办事处", base + "街道办"})
                break
    return sorted(out)


def _inside(places: list[NamedPlace], areas: list[NamedPlace]) -> NamedPlace | None:
    for area in areas:
        for p in places:
            if _shape(area).contains(p.geometry):
                return p
    return None
