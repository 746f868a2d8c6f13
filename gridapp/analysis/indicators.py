"""Indicator tables: every count and rate of the indicator definitions for every unit of a level, one period.

One read of the period's cases and audit rows (store.periods), one boolean column per count
(vectorised), then a group-by per level. Rules are in gridapp.domain.indicators.
"""

from __future__ import annotations

from concurrent.futures import Executor
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

# the per-case flags, one per count kept on cases (see _flag_cases)
FLAGS = ("reported", "registered", "dispatched", "signed", "handled", "handled_on_time", "due",
         "closed", "closed_on_time", "reworked", "returned", "extended", "suspended", "overdue",
         "hotline", "reply_due", "replied", "visited", "satisfied", "reports", "judged_reports",
         "valid_reports")
_FLAG_COLUMN = {n: j for j, n in enumerate(FLAGS)}
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
    # the flag columns of `cases` again as one int64 matrix (FLAGS order): the tables sum it
    flags: np.ndarray | None = field(default=None, repr=False)


def load_period(store, period: Period, now: datetime, calendar: WorkCalendar,
                verify_limit_hours: float = 4.0, pool: Executor | None = None) -> PeriodData:
    """Read and flag a period's cases; judged at `period.cutoff(now)`. With `pool`, the
    audit trail's acts are read on one of its threads, on their own connection, while this
    thread reads the cases (both queries let go of the GIL)."""
    cutoff = period.cutoff(now)
    s, e = period.start_at, period.end_at

    if pool is not None:
        acts = pool.submit(_read_acts, store, s, cutoff)
        with store.read() as conn:
            cols = q.period_cases(conn, s, e)
        disp, rets, vers, fixes, people, names = acts.result()
    else:
        with store.read() as conn:  # one connection: opening another costs more than it saves
            cols = q.period_cases(conn, s, e)
            disp, rets, vers, fixes, people, names = _acts(conn, s, cutoff)
    cases, flags = _flag_cases(cols, seconds_of(s), seconds_of(e), seconds_of(cutoff))
    return PeriodData(period, cutoff, cases, _dispatch_accuracy(disp, rets),
                      _frame(rets, ("case_id", "seq", "actor_id", "t")),
                      _verify_timeliness(vers, fixes, calendar, verify_limit_hours * 60),
                      pd.DataFrame(people, columns=["id", "username", "name", "department_id",
                                                    "roles"]).set_index("id"),
                      names, _patrols(store, s, cutoff), flags)


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


def _read_acts(store, s: datetime, cutoff: datetime) -> tuple:
    with store.read() as conn:
        return _acts(conn, s, cutoff)


def _acts(conn, s: datetime, cutoff: datetime) -> tuple:
    return (q.events(conn, "dispatch", s, cutoff), q.events(conn, "return", s, cutoff),
            np.concatenate([q.events(conn, "verify_pass", s, cutoff),
                            q.events(conn, "verify_fail", s, cutoff)]),
            q.events(conn, "rectify", s - RECTIFY_LOOKBACK, cutoff), q.people(conn),
            q.unit_names(conn))


def _frame(rows: np.ndarray, names: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(np.asarray(rows, np.int64).reshape(-1, len(names)), columns=list(names))


def _categorical(values: list[str]) -> pd.Categorical:
    """pd.Categorical(values), by a sorted factorize: half the cost for a few thousand codes."""
    if not len(values):
        return pd.Categorical([])
    codes, categories = pd.factorize(np.asarray(values, dtype=object), sort=True)
    return pd.Categorical.from_codes(codes, categories=categories, validate=False)


def _is_in(c: pd.Categorical, values) -> np.ndarray:
    """Which rows hold one of `values`: decided once per category, not once per row."""
    return np.asarray(c.categories.isin(values))[c.codes] if len(c) else np.zeros(0, bool)


def _flag_cases(cols: dict, s: int, e: int, cut: int) -> tuple[pd.DataFrame, np.ndarray]:
    data: dict = {n: np.asarray(cols[n], np.int64) for n in q.INT_COLS + q.TIME_COLS}
    data.update((n, _categorical(cols[n])) for n in q.TEXT_COLS)

    def by_cut(col: str) -> np.ndarray:
        t = data[col]
        return (t > q.NO_TIME) & (t <= cut)

    reg = data["registered_at"]
    cohort = (reg >= s) & (reg < e)
    rep = data["reported_at"]
    deadline = data["deadline_at"]
    has_deadline = deadline > q.NO_TIME
    closed = cohort & by_cut("closed_at")
    handled = cohort & (by_cut("rectified_at") | by_cut("verified_at") | closed)
    rectified_at, verified_at = data["rectified_at"], data["verified_at"]
    fix_at = np.where(rectified_at > q.NO_TIME, rectified_at,
                      np.where(verified_at > q.NO_TIME, verified_at, data["closed_at"]))
    suspended = cohort & _is_in(data["state"], [CaseState.SUSPENDED.value])
    late = has_deadline & (deadline < cut)
    hotline = cohort & _is_in(data["source"], HOTLINE)
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
        "reworked": cohort & (data["rework_count"] > 0),
        "returned": cohort & (data["return_count"] > 0),
        "extended": cohort & (data["extension_count"] > 0),
        "suspended": suspended,
        "overdue": cohort & late & ~handled & ~closed & ~suspended,
        "hotline": hotline,
        "reply_due": hotline & (closed | replied),
        "replied": replied,
        "visited": visited,
        "satisfied": visited & _is_in(data["satisfaction"], SATISFIED),
        "reports": in_reports,
        "judged_reports": valid | (in_reports & _is_in(data["state"],
                                                       [CaseState.REJECTED.value])),
        "valid_reports": valid,
    }
    matrix = np.stack([flags[n] for n in FLAGS], axis=1).astype(np.int64) if len(reg) else \
        np.zeros((0, len(FLAGS)), np.int64)
    return pd.DataFrame(data | flags), matrix


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


def _dispatch_accuracy(disp: np.ndarray, rets: np.ndarray) -> pd.DataFrame:
    """Each dispatch with whether the receiver kept it (a return follows it: not accurate)."""
    d = _frame(disp, ("case_id", "seq", "actor_id", "t"))
    r = _frame(rets, ("case_id", "seq", "actor_id", "t"))
    accurate = np.ones(len(d), bool)
    j = _pair_latest_before(d.case_id.to_numpy(), d.seq.to_numpy(), r.case_id.to_numpy(),
                            r.seq.to_numpy())
    accurate[j[j >= 0]] = False
    d["accurate"] = accurate
    return d


def _verify_timeliness(vers: np.ndarray, fixes: np.ndarray, calendar: WorkCalendar,
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
# A district month is a few thousand cases: pandas' fixed cost per group-by and per column
# (measured: 8 ms a level) outweighs the sums, so the sums are numpy's, one pass per part.

def indicator_table(d: PeriodData, level: Level) -> pd.DataFrame:
    """One row per unit of `level`: its name, every count kept for it and its rates."""
    counts = COUNTS_BY_LEVEL[level]
    case_counts = [c for c in counts if c in d.cases.columns and c not in _OWN_REPORTS]
    if level in _AREA_COLUMN:
        codes = d.cases[_AREA_COLUMN[level]].array
        keys, sums = _sum_by(codes.codes, _flags(d, case_counts))
        keys = np.asarray(codes.categories, object)[keys] if len(keys) else np.zeros(0, object)
        parts = [(keys, case_counts, sums)]
        units = _area_units(d, level, [k for k in keys if k != ""])
    else:
        parts = _people_or_department_counts(d, level, case_counts)
        seen = set().union(*(set(k.tolist()) for k, _, _ in parts)) - {-1}
        units = _unit_names(d, level, sorted(seen))
    m = np.zeros((len(units), len(counts)), np.int64)
    column = {c: j for j, c in enumerate(counts)}
    for keys, names, sums in parts:
        rows = units.index.get_indexer(keys) if len(keys) else np.zeros(0, np.intp)
        ok = rows >= 0
        for j, n in enumerate(names):
            if n in column:
                m[rows[ok], column[n]] = sums[ok, j]
    data: dict = {"name": units["name"].to_numpy()}
    data.update((c, m[:, j]) for j, c in enumerate(counts))
    for rk in RATES_BY_LEVEL[level]:
        rate = RATE_BY_KEY[rk]
        num, den = m[:, column[rate.numerator]], m[:, column[rate.denominator]]
        data[rk] = np.where(den > 0, num / np.maximum(den, 1), np.nan)
    return pd.DataFrame(data, index=units.index.rename("unit"))


_OWN_REPORTS = ("reports", "judged_reports", "valid_reports")
Part = tuple[np.ndarray, list[str], np.ndarray]  # unit keys, count names, sums (unit × count)


def _flags(d: PeriodData, names: list[str]) -> np.ndarray:
    if d.flags is None:  # built by hand, not by load_period
        return d.cases[names].to_numpy(np.int64).reshape(len(d.cases), len(names))
    return d.flags[:, [_FLAG_COLUMN[n] for n in names]]


def _sum_by(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys, sorted, and the column sums of `values` (row per key) for each."""
    keys = np.asarray(keys)
    if not len(keys):
        return keys[:0], np.zeros((0, values.shape[1]), np.int64)
    order = np.argsort(keys, kind="stable")
    k = keys[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sums = np.add.reduceat(values[order], starts, axis=0) if values.shape[1] else \
        np.zeros((len(starts), 0), np.int64)
    return k[starts], sums


def _people_or_department_counts(d: PeriodData, level: Level, case_counts) -> list[Part]:
    c = d.cases
    parts: list[Part] = []

    def by(keys, names: list[str], values: np.ndarray) -> None:
        k, sums = _sum_by(np.asarray(keys, np.int64), values)
        parts.append((k, names, sums))

    if level is Level.DEPARTMENT:
        by(c.last_department_id.to_numpy(), case_counts, _flags(d, case_counts))
        dept = d.people.department_id.reindex(d.returns.actor_id).to_numpy(float)
        dept = dept[~np.isnan(dept)]
        by(dept, ["returns"], np.ones((len(dept), 1), np.int64))
    elif level is Level.ROAD_CHIEF:
        by(c.road_chief_id.to_numpy(), case_counts, _flags(d, case_counts))
        by(c.reporter_id.to_numpy(), list(_OWN_REPORTS), _flags(d, list(_OWN_REPORTS)))
        if len(d.patrols):
            p = d.patrols
            parts.append((p.index.to_numpy(np.int64), list(p.columns),
                          p.to_numpy(np.int64)))
    elif level is Level.GRID_WORKER:
        by(c.reporter_id.to_numpy(), list(_OWN_REPORTS), _flags(d, list(_OWN_REPORTS)))
        v = d.verifications
        by(v.actor_id.to_numpy(), ["verifications", "verified_on_time"],
           np.stack([np.ones(len(v), np.int64), v.on_time.to_numpy(np.int64)], axis=1))
    elif level is Level.DISPATCHER:
        x = d.dispatches
        by(x.actor_id.to_numpy(), ["dispatches", "accurate_dispatches"],
           np.stack([np.ones(len(x), np.int64), x.accurate.to_numpy(np.int64)], axis=1))
    return parts


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
    keys = {i for i, rs in zip(p.index.tolist(), p.roles.tolist(), strict=True)
            if role in rs.split(",")}
    if level is Level.ROAD_CHIEF:  # a chief since replaced still answers for his cases
        keys |= set(np.unique(d.cases.road_chief_id.to_numpy()).tolist()) & set(p.index)
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
