"""Readable names for codes shown in the UI (states, sources, roles, actions) in both languages."""

from __future__ import annotations

from datetime import datetime

import numpy as np

from ..app.map_data import EPOCH, NO_TIME, SOURCES, STATES
from ..domain.case import CaseState, Source
from ..domain.people import Role
from ..domain.places import LocatedBy
from ..domain.workflow import Action
from .i18n import tr


def state(s: str | int) -> str:
    return tr(CaseState(STATES[s] if isinstance(s, int | np.integer) else s).label_zh)


def source(s: str | int) -> str:
    return tr(Source(SOURCES[s] if isinstance(s, int | np.integer) else s).label_zh)


def role(r: Role | str) -> str:
    return tr(Role(r).label_zh)


def action(a: Action | str) -> str:
    return tr(Action(a).label_zh)


# what the point of a case located from its address stands for
LOCATED = {LocatedBy.COMPONENT: "部件所在处", LocatedBy.LANDMARK: "地标所在处",
           LocatedBy.INTERSECTION: "路口", LocatedBy.ROAD_IN_AREA: "社区或街道内道路的中点",
           LocatedBy.ROAD: "道路中点", LocatedBy.COMMUNITY: "社区中心",
           LocatedBy.STREET: "街道中心", LocatedBy.MAP: "地图标定"}


def located(by: LocatedBy) -> str:
    return tr(LOCATED[by])


def when(seconds: int | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if seconds is None or seconds == NO_TIME:
        return ""
    return (EPOCH + np.timedelta64(int(seconds), "s")).astype(datetime).strftime(fmt)


def dt(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return value.strftime(fmt) if value else ""
