"""每日预警 from the store (CLI, bulletins): overdue and about-to-be-overdue cases by unit."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from ..domain.case import HANDLING_STATES
from ..store import periods as q
from ..store.cases import case_number
from .indicators import seconds_of


def warning_list(store, now: datetime) -> pd.DataFrame:
    """One row per case past its warning time, with the unit holding it, worst first."""
    with store.read() as conn:
        rows = q.open_deadlines(conn, tuple(s.value for s in HANDLING_STATES), now)
        people = {r[0]: r[2] for r in q.people(conn)}
        names = q.unit_names(conn)
    cols = ["id", "reported_at", "class_code", "state", "department_id", "person_id",
            "street_code", "deadline", "warning", "supervisions"]
    df = pd.DataFrame(rows, columns=cols)
    if not len(df):
        return df.assign(number=[], unit=[], status=[], overdue_hours=[])
    t = seconds_of(now)
    df["number"] = [case_number(i, r if isinstance(r, datetime) else datetime.fromisoformat(str(r)))
                    for i, r in zip(df.id, df.reported_at, strict=True)]
    df["unit"] = [people.get(p, f"#{p}") if p >= 0 else names["department"].get(d, f"#{d}")
                  for p, d in zip(df.person_id, df.department_id, strict=True)]
    df["status"] = ["overdue" if dl <= t else "warning" for dl in df.deadline]
    df["overdue_hours"] = (t - df.deadline) / 3600.0
    return df.sort_values(["status", "overdue_hours"], ascending=[True, False])


def by_unit(df: pd.DataFrame) -> pd.DataFrame:
    """Per unit: overdue, warned, the longest overdue (hours): the 督办 order of the day."""
    if not len(df):
        return pd.DataFrame(columns=["overdue", "warning", "worst_hours"])
    g = df.groupby("unit")
    out = pd.DataFrame({"overdue": g.status.apply(lambda s: int((s == "overdue").sum())),
                        "warning": g.status.apply(lambda s: int((s == "warning").sum())),
                        "worst_hours": g.overdue_hours.max().round(1)})
    return out.sort_values(["overdue", "warning", "worst_hours"], ascending=False)
