"""The case (案件): its states, sources, and the record the workflow mutates."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from .catalog import CaseKind
from .people import Role
from .places import LocatedBy, Location


class CaseState(StrEnum):
    REPORTED = "reported"                      # 待受理
    REGISTERED = "registered"                  # 已立案, 待派遣
    REJECTED = "rejected"                      # 不予立案 / 作废 (terminal)
    DISPATCHED = "dispatched"                  # 已派遣, 待签收
    RETURNED = "returned"                      # 已退回, 待重新派遣
    IN_PROGRESS = "in_progress"                # 已签收, 处置中
    EXTENSION_PENDING = "extension_pending"    # 延期待审批
    SUSPENSION_PENDING = "suspension_pending"  # 挂账待审批
    SUSPENDED = "suspended"                    # 已挂账
    RECTIFIED = "rectified"                    # 已处置, 待核查
    VERIFIED = "verified"                      # 核查通过, 待结案
    CLOSED = "closed"                          # 已结案

    @property
    def label_zh(self) -> str:
        return STATE_LABELS_ZH[self]

    @property
    def is_open(self) -> bool:
        return self not in (CaseState.REJECTED, CaseState.CLOSED)

    @property
    def is_handling(self) -> bool:
        """In a unit's hands with a deadline running (the states where it can be overdue)."""
        return self in HANDLING_STATES


STATE_LABELS_ZH = {
    CaseState.REPORTED: "待受理", CaseState.REGISTERED: "待派遣", CaseState.REJECTED: "不予立案",
    CaseState.DISPATCHED: "待签收", CaseState.RETURNED: "已退回", CaseState.IN_PROGRESS: "处置中",
    CaseState.EXTENSION_PENDING: "延期待审", CaseState.SUSPENSION_PENDING: "挂账待审",
    CaseState.SUSPENDED: "已挂账", CaseState.RECTIFIED: "待核查", CaseState.VERIFIED: "待结案",
    CaseState.CLOSED: "已结案",
}

HANDLING_STATES = frozenset({CaseState.DISPATCHED, CaseState.IN_PROGRESS,
                             CaseState.EXTENSION_PENDING, CaseState.SUSPENSION_PENDING})


class Source(StrEnum):
    GRID_PATROL = "grid_patrol"            # 网格员巡查
    ROAD_CHIEF_PATROL = "road_chief_patrol"  # 路长巡查
    HOTLINE_12345 = "hotline_12345"        # 12345 市长热线
    HOTLINE_12319 = "hotline_12319"        # 12319 城建热线
    MESSAGE_BOARD = "message_board"        # 城市留言板
    SNAPSHOT = "snapshot"                  # 随手拍
    VIDEO = "video"                        # 视频巡查
    SENSOR = "sensor"                      # 物联感知
    INSPECTION = "inspection"              # 第三方检查
    MEDIA = "media"                        # 媒体曝光

    @property
    def label_zh(self) -> str:
        return SOURCE_LABELS_ZH[self]

    @property
    def citizen_facing(self) -> bool:
        """Cases a citizen raised: they get a reply (回告) and a return visit (回访)."""
        return self in (Source.HOTLINE_12345, Source.HOTLINE_12319, Source.MESSAGE_BOARD,
                        Source.SNAPSHOT)


SOURCE_LABELS_ZH = {
    Source.GRID_PATROL: "网格员巡查", Source.ROAD_CHIEF_PATROL: "路长巡查",
    Source.HOTLINE_12345: "12345热线", Source.HOTLINE_12319: "12319热线",
    Source.MESSAGE_BOARD: "城市留言板", Source.SNAPSHOT: "随手拍", Source.VIDEO: "视频巡查",
    Source.SENSOR: "物联感知", Source.INSPECTION: "第三方检查", Source.MEDIA: "媒体曝光",
}



def patrol_source(roles: Collection[Role]) -> Source:
    """The source of a problem a person reports on his own patrol (in the field or on the
    client's map): a road chief's is 路长巡查, anyone else's 网格员巡查."""
    return Source.ROAD_CHIEF_PATROL if Role.ROAD_CHIEF in roles else Source.GRID_PATROL

class RejectReason(StrEnum):
    DUPLICATE = "duplicate"              # 重复上报
    INVALID = "invalid"                  # 不符合立案条件
    NOT_RESPONSIBLE = "not_responsible"  # 非城管职责
    OUT_OF_AREA = "out_of_area"          # 不在辖区

    @property
    def label_zh(self) -> str:
        return {"duplicate": "重复上报", "invalid": "不符合立案条件",
                "not_responsible": "非城管职责", "out_of_area": "不在辖区"}[self.value]


class Satisfaction(StrEnum):
    SATISFIED = "satisfied"        # 满意
    BASIC = "basic"                # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意

    @property
    def label_zh(self) -> str:
        return {"satisfied": "满意", "basic": "基本满意", "dissatisfied": "不满意"}[self.value]


class DeadlineStatus(StrEnum):
    NONE = "none"          # no deadline running
    NORMAL = "normal"
    WARNING = "warning"    # 预警: most of the time limit used
    OVERDUE = "overdue"    # 超期


def case_number(case_id: int, reported_at: datetime) -> str:
    """案卷号: year of report + 8-digit serial (the case's id), unique across workstations."""
    return f"{reported_at.year}{case_id:08d}"


@dataclass(frozen=True, slots=True)
class Assignee:
    """Who must fix the case: a department, or one person (a road chief)."""

    department_id: int | None = None
    person_id: int | None = None


@dataclass
class Case:
    """One problem and everything the loop has recorded about it so far."""

    source: Source
    kind: CaseKind
    class_code: str
    x: float | None            # None: no position yet (待定位), to be placed on the map
    y: float | None
    reported_at: datetime
    reporter_id: int
    description: str = ""
    address: str = ""
    location: Location = field(default_factory=Location)
    component_code: str | None = None
    reporter_contact: str = ""     # citizen name/phone of a hotline case
    external_id: str | None = None  # hotline ticket number
    id: int | None = None
    number: str | None = None
    state: CaseState = CaseState.REPORTED
    version: int = 1
    catalog_version: int | None = None
    registered_at: datetime | None = None
    dispatched_at: datetime | None = None
    signed_at: datetime | None = None
    rectified_at: datetime | None = None
    verified_at: datetime | None = None
    closed_at: datetime | None = None
    assignee: Assignee | None = None
    last_assignee: Assignee | None = None
    time_limit_minutes: int | None = None
    deadline_at: datetime | None = None
    warning_at: datetime | None = None
    suspended_remaining_minutes: float | None = None
    pending_extension_minutes: int | None = None
    rectifier_ids: frozenset[int] = frozenset()
    verifier_id: int | None = None
    assigned_verifier_id: int | None = None  # 指派核查: from the audit trail only
    reject_reason: RejectReason | None = None
    duplicate_of: int | None = None
    replied_at: datetime | None = None
    visited_at: datetime | None = None
    satisfaction: Satisfaction | None = None
    return_count: int = 0
    rework_count: int = 0
    extension_count: int = 0
    reopen_count: int = 0
    supervision_count: int = 0
    located_by: LocatedBy | None = None  # None: the report came with its point
    locate_match: str = ""               # what the address matched, for the acceptor
    locate_confidence: float | None = None

    @property
    def placed(self) -> bool:
        """False while the case waits to be placed on the map (待定位)."""
        return self.x is not None and self.y is not None

    @property
    def stored_id(self) -> int:
        """The id of a case read from the store (only a report not yet written has none)."""
        if self.id is None:
            raise ValueError(f"case {self.number or '(new)'} is not in the store yet")
        return self.id

    def deadline_status(self, now: datetime) -> DeadlineStatus:
        """Overdue / warning / normal while a unit holds the case; NONE otherwise."""
        if not self.state.is_handling or self.deadline_at is None:
            return DeadlineStatus.NONE
        if now > self.deadline_at:
            return DeadlineStatus.OVERDUE
        if self.warning_at is not None and now >= self.warning_at:
            return DeadlineStatus.WARNING
        return DeadlineStatus.NORMAL


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """An audit row: who did what to which case, when, from which state to which, and why."""

    case_id: int | None
    seq: int
    action: str
    actor_id: int
    actor_role: str
    at: datetime
    from_state: CaseState | None
    to_state: CaseState
    reason: str = ""
    data: dict[str, Any] = field(default_factory=dict)  # JSON: what the action recorded
    attachments: tuple[str, ...] = ()
    hash: str = ""  # seals this row and the one before it (domain/audit.py)
