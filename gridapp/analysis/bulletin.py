"""通报: everything a periodic bulletin prints, gathered once (XLSX and PDF write it)."""

from __future__ import annotations

from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pandas as pd

from ..domain.indicators import Level
from ..domain.period import Period
from ..store import issued as q_issued
from ..store import periods as q_periods
from . import issued, patterns
from .assessment import score_table
from .indicators import PeriodData, indicator_table, load_period, totals
from .workclock import WorkClock

# the reads go on threads from this many cases in the store: below it (a district's 50,000)
# they bought no time and cost ~20 % more CPU (the threads' switching and GIL hand-overs;
# measured: wall 76 vs 79 ms, CPU 97 vs 79 ms), which a loaded machine pays for in time
THREADS_FROM = 200_000

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
    previous_issue: issued.Issue | None = None  # 上期 as issued (None: recomputed today)
    replaces: tuple[datetime, int] | None = None  # this period's earlier issue: when, which
    current: PeriodData | None = field(default=None, repr=False)

    @property
    def ended(self) -> bool:
        """Whether the period had ended when the bulletin was made (only then is it issued)."""
        return self.period.end_at <= self.made_at

    def provenance(self, zh: bool = True) -> str:
        """Where 上期 comes from, and which earlier issue this one replaces (the 概况 line)."""
        i = self.previous_issue
        if zh:
            text = f"上期：按 {i.period} 已发布通报（{i.made_at:%Y-%m-%d %H:%M}）" if i \
                else "上期：重新计算"
            if self.replaces and self.ended:
                text += (f"；本通报为第{self.replaces[1] + 1}次发布，替换 "
                         f"{self.replaces[0]:%Y-%m-%d %H:%M} 发布的同期通报")
            return text
        text = f"Last period: as issued in the {i.period} bulletin ({i.made_at:%Y-%m-%d %H:%M})" \
            if i else "Last period: recomputed"
        if self.replaces and self.ended:
            text += (f"; issue {self.replaces[1] + 1}, replacing the one of "
                     f"{self.replaces[0]:%Y-%m-%d %H:%M}")
        return text

    @property
    def title(self) -> str:
        kind = {"month": "月度", "week": "周", "quarter": "季度", "year": "年度"}.get(
            self.period.kind, "")
        return f"{self.district}城市管理{kind}考核通报（{self.period.label_zh}）"


def build(store, period: Period, now: datetime, district: str, scheme_version: int, scheme,
          calendar, class_names: dict[str, str], streets=None,
          recompute_previous: bool = False) -> Bulletin:
    """Gather the bulletin of `period`: assessment per level, trend, top classes, repeats.

    上期 comes from last period's issued bulletin when there is one (see .issued), else it
    is recomputed today (always with `recompute_previous`). `streets` is the streets'
    frame, or a function that reads it.

    What does not need this period's cases (the trend, the points, the streets, last period
    when recomputed) is read on threads, each on its own connection, while this thread
    reads and judges the period: SQLite and numpy let go of the GIL while they work. In a
    store of fewer than THREADS_FROM cases they are read one after another on this thread,
    in the same order of results."""
    def load(p: Period, pool=None) -> PeriodData:
        return load_period(store, p, now, calendar, scheme.verify_limit_hours, pool)
    with store.read() as conn:
        issued_before = not recompute_previous and \
            q_issued.last_issue(conn, period.previous().label) is not None
        last = q_issued.last_issue(conn, period.label)
        threads = q_periods.case_id_span(conn) >= THREADS_FROM
    with (ThreadPoolExecutor(5, thread_name_prefix="bulletin") if threads
          else InlineExecutor()) as pool:
        trend_job = pool.submit(patterns.trend, store, period.trailing_months(12),
                                step="month")
        points_job = pool.submit(_places, store, period)
        streets_job = pool.submit(streets) if callable(streets) else None
        # last period as issued is read and decoded on a thread too (its tables: ~40 ms of
        # a city's bulletin), else last period is loaded there
        before_job = pool.submit(_read_issue, store, period.previous()) if issued_before \
            else None
        previous_job = None if issued_before else pool.submit(load, period.previous())
        current = load(period, pool if threads else None)  # else cases and acts: one connection
        now_tables = {lv: indicator_table(current, lv) for lv in LEVELS}
        before = before_job.result() if before_job is not None else None
        if issued_before and before is None:  # withdrawn meanwhile: recomputed after all
            previous_job = pool.submit(load, period.previous())
        if before is not None:
            tables = {lv: score_table(now_tables[lv], None, scheme, lv,
                                      issued=before.tables.get(lv, _EMPTY))
                      for lv in LEVELS}
            prev_totals, prev_counts = before.headline, before.classes
        else:
            previous = previous_job.result()
            tables = {lv: score_table(now_tables[lv], indicator_table(previous, lv), scheme,
                                      lv) for lv in LEVELS}
            prev_totals, prev_counts = totals(previous), reported_classes(previous)
        trend, (top, repeats) = trend_job.result(), points_job.result()
        if streets_job is not None:
            streets = streets_job.result()
    top["previous"] = prev_counts.reindex(top.index, fill_value=0).to_numpy()
    top["change"] = top.cases - top.previous
    top.insert(0, "name", [class_names.get(c, c) for c in top.index])
    cases = current.cases
    clock = WorkClock.around(calendar, np.concatenate([cases.dispatched_at.to_numpy(),
                                                       cases.rectified_at.to_numpy()]))
    return Bulletin(period, now, district, scheme.name, scheme_version, totals(current),
                    prev_totals, tables, trend, top,
                    repeats, patterns.handling_hours(cases, clock), class_names, streets,
                    previous_issue=before, replaces=last, current=current)


_EMPTY = pd.DataFrame()


class InlineExecutor(Executor):
    """An executor that runs each job at once on the calling thread (its future is done when
    `submit` returns): the bulletin's reads without threads, for a small store."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        f: Future = Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # the job's error, raised by result() as a thread's is
            f.set_exception(exc)
        return f


def _read_issue(store, period: Period) -> issued.Issue | None:
    with store.read() as conn:
        return issued.read(conn, period.label)


def _places(store, period: Period) -> tuple[pd.DataFrame, list[patterns.RepeatPlace]]:
    """The period's top classes and repeat places, from its points (on a thread: the spatial
    query lets go of the GIL)."""
    points = patterns.load_points(store, period)
    return (patterns.high_frequency(points, "class_code", top=10),
            patterns.repeat_complaints(points, top=10))


def issue_record(b: Bulletin, made_by: str):
    """What the store keeps of `b` as its period's issue (the next issue number)."""
    return issued.record(b.period.label, b.made_at, made_by, b.scheme_version,
                         (b.replaces[1] if b.replaces else 0) + 1, b.headline,
                         reported_classes(b.current), b.tables)


def reported_classes(d: PeriodData) -> pd.Series:
    """Cases reported in the period per class, from the period's cases already read (the same
    counts as its points' class_code.value_counts(), without reading them again)."""
    c = d.cases
    return pd.Series(np.asarray(c.class_code, object)[c.reported.to_numpy(bool)],
                     dtype=object).value_counts()
