"""每日预警: overdue and about-to-be-overdue cases grouped by the unit holding them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .map_data import Cases


@dataclass(frozen=True)
class UnitWarning:
    kind: str           # "department" or "road_chief"
    unit_id: int
    overdue: int
    warning: int
    oldest_deadline: int  # seconds; the most overdue case's deadline
    case_indices: np.ndarray


def daily_warnings(cases: Cases, now: int, within: np.ndarray | None = None) -> list[UnitWarning]:
    """Units with cases past or near their deadline, the worst first (only the cases
    `within` the user's scope, when given)."""
    over, warn = cases.due(now)
    due = over | warn
    if within is not None:
        due &= within
    idx = np.flatnonzero(due)
    out: list[UnitWarning] = []
    person = cases.person[idx]
    dept = cases.department[idx]
    keys = np.where(person >= 0, -person - 1, dept)  # a road chief is his own unit
    for key in np.unique(keys):
        sel = idx[keys == key]
        kind, unit = ("road_chief", int(-key - 1)) if key < 0 else ("department", int(key))
        o = int(over[sel].sum())
        out.append(UnitWarning(kind, unit, o, int(warn[sel].sum()),
                               int(cases.deadline[sel].min()), sel))
    out.sort(key=lambda w: (-w.overdue, -w.warning, w.oldest_deadline))
    return out
