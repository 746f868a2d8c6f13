"""Readable names for codes shown in the UI (states, sources, roles, actions) in both languages."""

from __future__ import annotations

from datetime import datetime

import numpy as np

from ..app.map_data import EPOCH, NO_TIME, SOURCES, STATES
from ..domain.case import CaseState, Source
from ..domain.people import Role
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


def when(seconds: int | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if seconds is None or seconds == NO_TIME:
        return ""
    return (EPOCH + np.timedelta64(int(seconds), "s")).astype(datetime).strftime(fmt)


def dt(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return value.strftime(fmt) if value else ""
