"""Indicators, trend and bulletin on a store's own cases, next to raw SQL aggregations."""

from __future__ import annotations

import tempfile
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from ..analysis import patterns
from ..analysis.indicators import indicator_table, load_period
from ..app import reports
from ..domain.indicators import Level
from ..domain.period import Period
from . import Figure, Report

# One GROUP BY per unit column over the month's registered cases: what a hand-written
# report query does, without the audit trail, the cut-off or the rates.
RAW = """SELECT {col}, COUNT(*), SUM(dispatched_at IS NOT NULL), SUM(signed_at IS NOT NULL),
  SUM(rectified_at IS NOT NULL), SUM(rectified_at <= deadline_at), SUM(closed_at IS NOT NULL),
  SUM(rework_count > 0), SUM(return_count > 0), SUM(extension_count > 0)
FROM cases WHERE registered_at >= :s AND registered_at < :e GROUP BY {col}"""
RAW_COLS = ("street_code", "community_code", "cell_code", "last_department_id", "road_chief_id")
RAW_TREND = """SELECT date(reported_at) AS d, COUNT(*) FROM cases
WHERE reported_at >= :s AND reported_at < :e GROUP BY d"""


def _best(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def run(store, period: Period | None = None) -> Report:
    rep = Report("analysis")
    with store.read() as conn:
        n = conn.execute(text("SELECT COUNT(*) FROM cases")).scalar()
        last = conn.execute(text("SELECT MAX(reported_at) FROM cases")).scalar()
    last = last if isinstance(last, datetime) else datetime.fromisoformat(str(last))
    period = period or Period.containing(last.date()).previous()  # the last full month
    now = datetime.now()
    ctx = reports.context(store)
    print(f"  store: {n:,} cases; period {period.label}", flush=True)

    def raw_month():
        with store.read() as conn:
            for col in RAW_COLS:
                conn.execute(text(RAW.format(col=col)),
                             {"s": period.start_at, "e": period.end_at}).all()
    floor = _best(raw_month)

    def ours():
        d = load_period(store, period, now, ctx["calendar"], ctx["scheme"].verify_limit_hours)
        for lv in Level:
            indicator_table(d, lv)
    rep.add(Figure("indicators of every unit at 7 levels, one month", _best(ours), "ms", floor,
                   "raw SQL GROUP BY per unit column", "target ≤ 1,000 ms"))
    year = period.trailing_months(12)

    def raw_trend():
        with store.read() as conn:
            conn.execute(text(RAW_TREND), {"s": year.start_at, "e": year.end_at}).all()
    rep.add(Figure("a year's trend (cases per month, one query, resampled)",
                   _best(lambda: patterns.trend(store, year)), "ms", _best(raw_trend),
                   "raw SQL count per day", "target ≤ 2,000 ms"))
    rep.add(Figure("a year's trend of one class in one street",
                   _best(lambda: patterns.trend(store, year, "E0102", "street",
                                                _first_street(store))), "ms", None, "",
                   "target ≤ 2,000 ms"))
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        reports.write_bulletin(store, period, Path(tmp), now=now)
        ms = (time.perf_counter() - t) * 1000
    rep.add(Figure("the bulletin (XLSX + PDF, both periods, charts, map)", ms, "ms", floor,
                   "raw SQL GROUP BY per unit column", "target ≤ 10,000 ms"))
    return rep


def _first_street(store) -> str:
    with store.read() as conn:
        return conn.execute(text("SELECT MIN(code) FROM streets")).scalar() or ""
