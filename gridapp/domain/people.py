"""People, their roles, and time-bounded assignments (road chief ↔ segment, …)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    GRID_WORKER = "grid_worker"        # 网格员/监督员: reports, verifies on site
    ACCEPTOR = "acceptor"              # 受理员: accepts reports, hotline replies
    SHIFT_LEADER = "shift_leader"      # 值班长: registers and closes
    DISPATCHER = "dispatcher"          # 派遣员: sends a case to its unit
    DEPT_HANDLER = "dept_handler"      # 专业部门处置人员
    ROAD_CHIEF = "road_chief"          # 路长
    LEADER = "leader"                  # 领导: supervision orders, approvals
    ADMIN = "admin"                    # 系统管理员: catalog, people, calendar

    @property
    def label_zh(self) -> str:
        return ROLE_LABELS_ZH[self]


ROLE_LABELS_ZH = {
    Role.GRID_WORKER: "网格员/监督员",
    Role.ACCEPTOR: "受理员",
    Role.SHIFT_LEADER: "值班长",
    Role.DISPATCHER: "派遣员",
    Role.DEPT_HANDLER: "部门处置人员",
    Role.ROAD_CHIEF: "路长",
    Role.LEADER: "领导",
    Role.ADMIN: "系统管理员",
}


class AssignmentKind(StrEnum):
    ROAD_CHIEF_SEGMENT = "road_chief_segment"   # person ↔ segment code
    GRID_WORKER_CELL = "grid_worker_cell"       # person ↔ cell code
    DEPARTMENT_CLASS = "department_class"       # department ↔ catalog class code


def in_charge(valid_from: datetime, valid_to: datetime | None, at: datetime) -> bool:
    """The one rule for "responsible at time t": from `valid_from` (inclusive) until
    `valid_to` (exclusive), open-ended when `valid_to` is None. The store's SQL mirrors it
    (gridapp/store/read_tables.py, `in_charge_sql`)."""
    return valid_from <= at and (valid_to is None or at < valid_to)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Who is responsible for what, from `valid_from` until `valid_to` (open if None)."""

    kind: AssignmentKind
    target_code: str
    person_id: int | None = None
    department_id: int | None = None
    valid_from: datetime = datetime(2000, 1, 1)
    valid_to: datetime | None = None
    id: int | None = None

    def active_at(self, at: datetime) -> bool:
        return in_charge(self.valid_from, self.valid_to, at)


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    username: str
    name: str
    roles: frozenset[Role]
    department_id: int | None = None
    active: bool = True

    def has(self, role: Role) -> bool:
        return role in self.roles


@dataclass(frozen=True, slots=True)
class Actor:
    """A person acting now, with the scope their assignments give them at this moment."""

    person: Person
    segment_ids: frozenset[int] = field(default_factory=frozenset)
    cell_codes: frozenset[str] = field(default_factory=frozenset)

    @property
    def id(self) -> int:
        return self.person.id

    @property
    def roles(self) -> frozenset[Role]:
        return self.person.roles
