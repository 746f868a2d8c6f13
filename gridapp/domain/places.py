"""Places: road classes and what the ownership lookup returns for a point."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry


class RoadClass(StrEnum):
    MAIN = "main"            # 主干道
    SECONDARY = "secondary"  # 次干道
    BRANCH = "branch"        # 支路

    @property
    def label_zh(self) -> str:
        return {"main": "主干道", "secondary": "次干道", "branch": "支路"}[self.value]

    @property
    def patrol_interval_days(self) -> int:
        """Road-chief patrol rhythm: main roads daily, secondary every 2 days, branch weekly."""
        return {"main": 1, "secondary": 2, "branch": 7}[self.value]


class DepartmentKind(StrEnum):
    PROFESSIONAL = "professional"  # 专业部门 (sanitation, municipal works, …)
    STREET = "street"              # 街道办事处 (territorial unit)
    OTHER = "other"                # 权属单位 and others (owners of components)


class LocatedBy(StrEnum):
    """How a case got its position when the report gave none (a ticket's address)."""

    COMPONENT = "component"        # a component code (16 digits) in the address
    LANDMARK = "landmark"          # a named point: school, station, market …
    INTERSECTION = "intersection"  # 某路与某路交叉口
    ROAD_IN_AREA = "road_area"     # a road inside a named community or street
    ROAD = "road"                  # a road alone (its middle)
    COMMUNITY = "community"        # a community alone
    STREET = "street"              # a street alone
    MAP = "map"                    # placed by hand on the map

    @property
    def label_zh(self) -> str:
        return LOCATED_BY_ZH[self]


LOCATED_BY_ZH = {
    LocatedBy.COMPONENT: "部件编码", LocatedBy.LANDMARK: "地标", LocatedBy.INTERSECTION: "路口",
    LocatedBy.ROAD_IN_AREA: "道路+社区/街道", LocatedBy.ROAD: "道路", LocatedBy.COMMUNITY: "社区",
    LocatedBy.STREET: "街道", LocatedBy.MAP: "地图标定",
}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a point falls: its cell and parents, nearest segment and the people in charge."""

    cell_code: str | None = None
    community_code: str | None = None
    street_code: str | None = None
    segment_id: int | None = None
    segment_distance: float | None = None
    road_chief_id: int | None = None
    grid_worker_id: int | None = None
    segment_code: str | None = None

    @property
    def inside_district(self) -> bool:
        return self.cell_code is not None


@dataclass(frozen=True)
class LocatedPoints:
    """Where many points fall: per point its cell (None outside) and nearest segment."""

    cell_code: list[str | None]
    segment_id: list[int | None]
    segment_code: list[str | None]
    segment_distance: list[float | None]


# ---- place records (geometry in the store's CRS, as shapely objects) -------------------

@dataclass(frozen=True, slots=True)
class Area:
    """A district, street or community: code, name, polygon (parent code for communities)."""

    code: str
    name: str
    geometry: BaseGeometry | None
    parent_code: str | None = None


@dataclass(frozen=True, slots=True)
class UnitGridCell:
    code: str
    community_code: str
    street_code: str
    geometry: BaseGeometry


@dataclass(frozen=True, slots=True)
class RoadSegment:
    code: str
    road_name: str
    road_class: RoadClass
    name: str
    geometry: BaseGeometry


@dataclass(frozen=True, slots=True)
class ComponentAsset:
    code: str
    class_code: str
    name: str
    owner_department_code: str | None
    geometry: BaseGeometry


@dataclass(frozen=True, slots=True)
class Landmark:
    """A named point addresses mention (a school, a metro station, a market)."""

    name: str
    kind: str
    geometry: BaseGeometry
