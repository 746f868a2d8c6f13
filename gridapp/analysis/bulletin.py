"""通报: everything a periodic bulletin prints, gathered once (XLSX and PDF write it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pandas as pd

from ..domain.indicators import Level
from ..domain.period import Period
from . import patterns
from .assessment import Assessment
from .indicators import PeriodData, totals
from .workclock import WorkClock

LEVELS = (Level.STREET, Level.COMMUNITY, Level.DEPARTMENT, Level.ROAD_CHIEF,
          Level.GRID_WORKER, Level.DISPATCHER)


@dataclass
class Bulletin:
    period: Period
    made_at: datetime
    district: str
    scheme_name: str
    scheme_version: int
    headline: dict           # this period's totals (counts and rates)
    previous: dict           # last period's totals
    tables: dict[Level, pd.DataFrame]
    trend: pd.Series         # cases reported per month over the last 12 months
    top_classes: pd.DataFrame  # class_code, name, cases, share, change
    repeats: list[patterns.RepeatPlace]
    handling_hours: np.ndarray
    class_names: dict[str, str] = field(default_factory=dict)
    streets: object = None   # GeoDataFrame of streets (code, name, geometry) for the map

    @property
    def title(self) -> str:
        kind = {"month": "月度", "week": "周", "quarter": "季度", "year": "年度"}.get(
            self.period.kind, "")
        return f"{self.district}城市管理{kind}考核通报（{self.period.label_zh}）"


def build(store, period: Period, now: datetime, district: str, scheme_version: int, scheme,
          calendar, class_names: dict[str, str], streets=None) -> Bulletin:
    """Gather the bulletin of `period`: assessment per level, trend, top classes, repeats."""
    a = Assessment.run(store, period, scheme, scheme_version, now, calendar)
    tables = {lv: a.table(lv) for lv in LEVELS}
    trend = patterns.trend(store, period.trailing_months(12), step="month")
    points = patterns.load_points(store, period)
    top = patterns.high_frequency(points, "class_code", top=10)
    prev_counts = reported_classes(a.previous)
    top["previous"] = prev_counts.reindex(top.index, fill_value=0).to_numpy()
    top["change"] = top.cases - top.previous
    top.insert(0, "name", [class_names.get(c, c) for c in top.index])
    cases = a.current.cases
    clock = WorkClock.around(calendar, np.concatenate([cases.dispatched_at.to_numpy(),
                                                       cases.rectified_at.to_numpy()]))
    return Bulletin(period, now, district, scheme.name, scheme_version, totals(a.current),
                    totals(a.previous), tables, trend, top,
                    patterns.repeat_complaints(points, top=10),
                    patterns.handling_hours(cases, clock), class_names, streets)


def reported_classes(d: PeriodData) -> pd.Series:
    """Cases reported in the period per class, from the period's cases already read (the same
    counts as its points' class_code.value_counts(), without reading them again)."""
    c = d.cases
    return pd.Series(np.asarray(c.class_code, object)[c.reported.to_numpy(bool)],
                     dtype=object).value_counts()
