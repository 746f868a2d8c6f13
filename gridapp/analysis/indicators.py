"""Indicator tables: every count and rate of the indicator definitions for every unit of a level, one period.

One read of the period's cases and audit rows (store.periods), one boolean column per count
(vectorised), then a group-by per level. Rules are in gridapp.domain.indicators.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
import pandas as pd

from ..domain.calendar import WorkCalendar
from ..domain.case import CaseState, Source
from ..domain.indicators import COUNTS_BY_LEVEL, RATE_BY_KEY, RATES, RATES_BY_LEVEL, Level
from ..domain.people import Role
from ..domain.period import Period
from ..store import periods as q
from .workclock import WorkClock

HOTLINE = (Source.HOTLINE_12345.value, Source.HOTLINE_12319.value)
SATISFIED = ("satisfied", "basic")
RECTIFY_LOOKBACK = timedelta(days=30)  # a verification pairs with a fix at most this old
_AREA_COLUMN = {Level.STREET: "street_code", Level.COMMUNITY: "community_code",
                Level.CELL: "cell_code"}
_ROLE_OF = {Level.ROAD_CHIEF: Role.ROAD_CHIEF.value, Level.GRID_WORKER: Role.GRID_WORKER.value,
            Level.DISPATCHER: Role.DISPATCHER.value}


def seconds_of(t: datetime) -> int:
    return int((np.datetime64(t, "s") - np.datetime64("1970-01-01T00:00:00", "s")).astype(int))


@dataclass
class PeriodData:
    """A period's cases (one row each, with a flag per count) and its audit-trail acts."""

    period: Period
    cutoff: datetime
    cases: pd.DataFrame
    dispatches: pd.DataFrame    # case_id, actor_id, accurate
    returns: pd.DataFrame       # case_id, actor_id
    verifications: pd.DataFrame  # case_id, actor_id, on_time
    people: pd.DataFrame        # by id: username, name, department_id, roles
    names: dict[str, dict] = field(default_factory=dict)
    patrols: pd.DataFrame = field(default_factory=pd.DataFrame)  # by chief: due, patrolled


def load_period(store, period: Period, now: datetime, calendar: WorkCalendar,
                verify_limit_hours: float = 4.0) -> PeriodData:
    """Read and flag a period's cases; judged at `period.cutoff(now)`."""
    cutoff = period.cutoff(now)
    s, e = period.start_at, period.end_at

    with store.read() as conn:  # one connection: opening another costs more than it saves
        cols = q.period_cases(conn, s, e)
        disp, rets, vers, fixes, people, names = _acts(conn, s, cutoff)
    cases = _flag_cases(cols, seconds_of(s), seconds_of(e), seconds_of(cutoff))
    return PeriodData(period, cutoff, cases, _dispatch_accuracy(disp, rets),
                      _frame(rets, ("case_id", "seq", "actor_id", "t")),
                      _verify_timeliness(vers, fixes, calendar, verify_limit_hours * 60),
                      pd.DataFrame(people, columns=["id", "username", "name", "department_id",
                                                    "roles"]).set_index("id"),
                      names, _patrols(store, s, cutoff))


def _patrols(store, start: datetime, cutoff: datetime) -> pd.DataFrame:
    """巡查到位率's counts per road chief (empty when the period has no patrol record)."""
    from .patrol import chief_rates, compliance, recorded
    if not recorded(store, start.date(), cutoff.date() + timedelta(days=1)):
        return pd.DataFrame()
    with store.uow(write=False) as uow:
        share = uow.config.settings().patrol.share
    end = cutoff.date() if cutoff.time() == datetime.min.time() else \
        cutoff.date() + timedelta(days=1)
    return chief_rates(compliance(store, start.date(), end, cutoff.date(), share))


def _acts(conn, s: datetime, cutoff: datetime) -> tuple:
    return (q.events(conn, "dispatch", s, cutoff), q.events(conn, "return", s, cutoff),
            q.events(conn, "verify_pass", s, cutoff) + q.events(conn, "verify_fail", s, cutoff),
            q.events(conn, "rectify", s - RECTIFY_LOOKBACK, cutoff), q.people(conn),
            q.unit_names(conn))


def _frame(rows: list[tuple], names: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(np.array(rows, np.int64).reshape(-1, len(names)), columns=list(names))


def _flag_cases(cols: dict[str, list], s: int, e: int, cut: int) -> pd.DataFrame:
    df = pd.DataFrame({n: np.asarray(cols[n], np.int64) for n in q.INT_COLS + q.TIME_COLS})
    for n in q.TEXT_COLS:
        df[n] = pd.Categorical(cols[n]) if len(cols[n]) else pd.Categorical([])

    def by_cut(col: str) -> np.ndarray:
        t = df[col].to_numpy()
        return (t > q.NO_TIME) & (t <= cut)

    reg = df.registered_at.to_numpy()
    cohort = (reg >= s) & (reg < e)
    rep = df.reported_at.to_numpy()
    state = df.state.to_numpy().astype(str)
    deadline = df.deadline_at.to_numpy()
    has_deadline = deadline > q.NO_TIME
    closed = cohort & by_cut("closed_at")
    handled = cohort & (by_cut("rectified_at") | by_cut("verified_at") | closed)
    fix_at = np.where(df.rectified_at > q.NO_TIME, df.rectified_at,
                      np.where(df.verified_at > q.NO_TIME, df.verified_at, df.closed_at))
    suspended = cohort & (state == CaseState.SUSPENDED.value)
    late = has_deadline & (deadline < cut)
    hotline = cohort & np.isin(df.source.to_numpy().astype(str), HOTLINE)
    replied = hotline & by_cut("replied_at")
    visited = hotline & by_cut("visited_at")
    in_reports = (rep >= s) & (rep < e)
    valid = in_reports & by_cut("registered_at")
    flags = {
        "reported": in_reports,
        "registered": cohort,
        "dispatched": cohort & by_cut("dispatched_at"),
        "signed": cohort & by_cut("signed_at"),
        "handled": handled,
        "handled_on_time": handled & (~has_deadline | (fix_at <= deadline)),
        "due": (handled | (cohort & late & ~closed & ~suspended)),
        "closed": closed,
        "closed_on_time": closed & (~has_deadline | (fix_at <= deadline)),
        "reworked": cohort & (df.rework_count.to_numpy() > 0),
        "returned": cohort & (df.return_count.to_numpy() > 0),
        "extended": cohort & (df.extension_count.to_numpy() > 0),
        "suspended": suspended,
        "overdue": cohort & late & ~handled & ~closed & ~suspended,
        "hotline": hotline,
        "reply_due": hotline & (closed | replied),
        "replied": replied,
        "visited": visited,
        "satisfied": visited & np.isin(df.satisfaction.to_numpy().astype(str), SATISFIED),
        "reports": in_reports,
        "judged_reports": valid | (in_reports & (state == CaseState.REJECTED.value)),
        "valid_reports": valid,
    }
    for k, v in flags.items():
        df[k] = v
    return df


def _pair_latest_before(case_a, seq_a, case_b, seq_b) -> np.ndarray:
    """For each b, the index of the latest a of the same case with a smaller seq (-1: none)."""
    if not len(case_a) or not len(case_b):
        return np.full(len(case_b), -1)
    key_a = case_a.astype(np.int64) * 1_000_000 + seq_a
    order = np.argsort(key_a)
    pos = np.searchsorted(key_a[order], case_b.astype(np.int64) * 1_000_000 + seq_b) - 1
    j = np.where(pos >= 0, order[np.clip(pos, 0, None)], -1)
    ok = (j >= 0) & (case_a[np.clip(j, 0, None)] == case_b)
    return np.where(ok, j, -1)


def _dispatch_accuracy(disp: list[tuple], rets: list[tuple]) -> pd.DataFrame:
    """Each dispatch with whether the receiver kept it (a return follows it: not accurate)."""
    d = _frame(disp, ("case_id", "seq", "actor_id", "t"))
    r = _frame(rets, ("case_id", "seq", "actor_id", "t"))
    accurate = np.ones(len(d), bool)
    j = _pair_latest_before(d.case_id.to_numpy(), d.seq.to_numpy(), r.case_id.to_numpy(),
                            r.seq.to_numpy())
    accurate[j[j >= 0]] = False
    d["accurate"] = accurate
    return d


def _verify_timeliness(vers: list[tuple], fixes: list[tuple], calendar: WorkCalendar,
                       limit_minutes: float) -> pd.DataFrame:
    """Each verification with whether it came within the limit (working time) of the fix."""
    v = _frame(vers, ("case_id", "seq", "actor_id", "t"))
    f = _frame(fixes, ("case_id", "seq", "actor_id", "t"))
    j = _pair_latest_before(f.case_id.to_numpy(), f.seq.to_numpy(), v.case_id.to_numpy(),
                            v.seq.to_numpy())
    on_time = np.zeros(len(v), bool)
    if len(v):
        fix_at = np.where(j >= 0, f.t.to_numpy()[np.clip(j, 0, None)], 0) if len(f) else \
            np.zeros(len(v), np.int64)
        clock = WorkClock.around(calendar, np.concatenate([v.t.to_numpy(), fix_at[j >= 0]]))
        on_time = (j >= 0) & (clock.between(fix_at, v.t.to_numpy()) <= limit_minutes)
    v["on_time"] = on_time
    return v


# --- tables per level --------------------------------------------------------------------

def indicator_table(d: PeriodData, level: Level) -> pd.DataFrame:
    """One row per unit of `level`: its name, every count kept for it and its rates."""
    counts = COUNTS_BY_LEVEL[level]
    case_counts = [c for c in counts if c in d.cases.columns and c not in
                   ("reports", "judged_reports", "valid_reports")]
    if level in _AREA_COLUMN:
        key = d.cases[_AREA_COLUMN[level]].astype(str)
        t = d.cases[case_counts].groupby(key.to_numpy()).sum()
        t = t.drop(index="", errors="ignore")
        units = _area_units(d, level, t.index)
    else:
        t = _people_or_department_counts(d, level, case_counts)
        units = _unit_names(d, level, t.index)
    t = t.reindex(units.index, fill_value=0).reindex(columns=list(counts), fill_value=0)
    t = t.astype(np.int64)
    for rk in RATES_BY_LEVEL[level]:
        rate = RATE_BY_KEY[rk]
        den = t[rate.denominator].to_numpy()
        t[rk] = np.where(den > 0, t[rate.numerator].to_numpy() / np.maximum(den, 1), np.nan)
    t.insert(0, "name", units["name"])
    t.index.name = "unit"
    return t


def _people_or_department_counts(d: PeriodData, level: Level, case_counts) -> pd.DataFrame:
    c = d.cases
    parts = []
    if level is Level.DEPARTMENT:
        parts.append(c[case_counts].groupby(c.last_department_id.to_numpy()).sum())
        dept_of = d.people.department_id
        r = d.returns.assign(unit=dept_of.reindex(d.returns.actor_id).to_numpy())
        parts.append(r.dropna(subset=["unit"]).groupby("unit").size().rename("returns")
                     .to_frame())
    elif level is Level.ROAD_CHIEF:
        parts.append(c[case_counts].groupby(c.road_chief_id.to_numpy()).sum())
        parts.append(_own_reports(c))
        if len(d.patrols):
            parts.append(d.patrols)
    elif level is Level.GRID_WORKER:
        parts.append(_own_reports(c))
        v = d.verifications
        parts.append(pd.DataFrame({"verifications": v.groupby("actor_id").size(),
                                   "verified_on_time": v.groupby("actor_id").on_time.sum()}))
    elif level is Level.DISPATCHER:
        x = d.dispatches
        parts.append(pd.DataFrame({"dispatches": x.groupby("actor_id").size(),
                                   "accurate_dispatches": x.groupby("actor_id").accurate.sum()}))
    t = pd.concat(parts, axis=1).fillna(0) if parts else pd.DataFrame()
    t.index = t.index.astype(np.int64)
    return t.drop(index=-1, errors="ignore")


def _own_reports(c: pd.DataFrame) -> pd.DataFrame:
    cols = ["reports", "judged_reports", "valid_reports"]
    return c[cols].groupby(c.reporter_id.to_numpy()).sum()


def _area_units(d: PeriodData, level: Level, seen) -> pd.DataFrame:
    if level is Level.CELL:  # 100k cells: only those with cases (the map fills the rest)
        return pd.DataFrame({"name": list(seen)}, index=pd.Index(list(seen)))
    names = d.names[level.value]
    keys = sorted(set(names) | set(seen))
    return pd.DataFrame({"name": [names.get(k, k) for k in keys]}, index=pd.Index(keys))


def _unit_names(d: PeriodData, level: Level, seen) -> pd.DataFrame:
    if level is Level.DEPARTMENT:
        names = d.names["department"]
        keys = sorted(set(names) | {int(k) for k in seen})
        return pd.DataFrame({"name": [names.get(k, str(k)) for k in keys]},
                            index=pd.Index(keys, dtype=np.int64))
    role = _ROLE_OF[level]
    p = d.people
    has_role = p.roles.str.split(",").apply(lambda rs: role in rs)
    keys = set(p.index[has_role])
    if level is Level.ROAD_CHIEF:  # a chief since replaced still answers for his cases
        keys |= {int(k) for k in d.cases.road_chief_id.unique() if k in p.index}
    keys = sorted(keys)
    return pd.DataFrame({"name": p.name.reindex(keys).to_numpy()},
                        index=pd.Index(keys, dtype=np.int64))


def totals(d: PeriodData) -> dict[str, float | None]:
    """The whole district's counts and rates for the period (the bulletin's headline)."""
    c = d.cases
    counts: dict[str, float] = {k: int(c[k].sum()) for k in COUNTS_BY_LEVEL[Level.STREET]}
    counts.update({k: int(c[k].sum()) for k in ("reports", "judged_reports", "valid_reports")})
    counts.update(dispatches=len(d.dispatches), accurate_dispatches=int(d.dispatches.accurate.sum()),
                  verifications=len(d.verifications),
                  verified_on_time=int(d.verifications.on_time.sum()), returns=len(d.returns))
    out: dict[str, float | None] = dict(counts)
    out.update({r.key: r.of(counts) for r in RATES})
    return out
