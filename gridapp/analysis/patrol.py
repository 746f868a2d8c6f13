"""巡查: which segments a person's tracks covered, and patrol compliance against the rhythm.

A segment counts as patrolled on a day when the person in charge of it that day (at noon)
covered at least `patrol.share` of its length within `patrol.distance_m` — measured on points
every few metres along the segment, each covered when the track passes within the distance —
or checked in on it (巡查打卡 from a field package). Its rhythm comes from its road class
(main roads daily, secondary every two days, branch roads weekly): each run of that many days
(counted from Monday 2000-01-03, so weekly runs are Monday to Sunday) is due once, patrolled
when any of its days was.

Tracks are matched person by person against the segments that person is in charge of: one
prepared query of his day's track (a line, broken where the GPS lost him) against points
sampled along his segments — not every GPS fix against every segment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
import shapely

from ..domain.places import RoadClass
from ..domain.settings import PatrolPolicy
from ..store import patrols as q

EPOCH = date(2000, 1, 3)     # a Monday: weekly runs are Monday to Sunday
MAX_GAP_S = 120              # the GPS lost him: no line across a gap this long …
MAX_JUMP_M = 300             # … or a jump this far between two fixes


def rhythm(road_class: str) -> int:
    """Days between patrols of a segment of this road class (DOMAIN.md: 路长制)."""
    try:
        return RoadClass(road_class).patrol_interval_days
    except ValueError:
        return RoadClass.BRANCH.patrol_interval_days


# a segment against its rhythm, in the runs 巡查到位率 counts: patrolled in the current run;
# due (the current run still open, the one before patrolled); one run, or two and more,
# ended without a patrol; no patrol on record
STATUSES = ("patrolled", "due", "overdue", "overdue_long", "never")
PATROLLED, DUE, OVERDUE, OVERDUE_LONG, NEVER = range(len(STATUSES))
STATUS_LABELS_ZH = {"patrolled": "本轮已巡查", "due": "本轮待巡查", "overdue": "漏巡 1 轮",
                    "overdue_long": "漏巡 2 轮及以上", "never": "无巡查记录"}
NO_DAY = -1  # a day number for "never"
_DAY0 = date(1970, 1, 1)


def day_number(d: date) -> int:
    """Days since 1970-01-01."""
    return (d - _DAY0).days


def patrol_status(every: np.ndarray, last_day: np.ndarray, today: date) -> np.ndarray:
    """Index into STATUSES of each segment with this rhythm (days) and last patrol (day
    numbers, NO_DAY for never) on `today`."""
    t, e0 = day_number(today), day_number(EPOCH)
    has = last_day != NO_DAY
    run_now = (t - e0) // every
    missed = run_now - (np.where(has, last_day, t) - e0) // every - 1
    return np.select([~has, missed < 0, missed == 0, missed == 1],
                     [NEVER, PATROLLED, DUE, OVERDUE], OVERDUE_LONG).astype(np.int8)


def window_of(day: date, every: int) -> tuple[date, date]:
    """The run of `every` days holding `day`: (first day, last day)."""
    k = (day - EPOCH).days // every
    first = EPOCH + timedelta(days=k * every)
    return first, first + timedelta(days=every - 1)


def track_lines(tracks: Iterable[tuple[np.ndarray, np.ndarray]]):
    """A day's tracks as one (multi)line, broken where the GPS lost the person."""
    parts = []
    for t, xy in tracks:
        if len(xy) == 0:
            continue
        if len(xy) == 1:
            parts.append(np.vstack([xy, xy]))
            continue
        dt = np.diff(t).astype("timedelta64[s]").astype(np.int64)
        step = np.hypot(*np.diff(xy, axis=0).T)
        cut = np.flatnonzero((dt > MAX_GAP_S) | (step > MAX_JUMP_M)) + 1
        for piece in np.split(xy, cut):
            parts.append(piece if len(piece) > 1 else np.vstack([piece, piece]))
    if not parts:
        return None
    lengths = np.array([len(p) for p in parts])
    return shapely.multilinestrings(shapely.linestrings(
        np.vstack(parts), indices=np.repeat(np.arange(len(parts)), lengths)))


@dataclass(frozen=True)
class Samples:
    """Points along segments, every `step` metres (their centres), and whose they are."""

    segment: np.ndarray   # segment id of each sample
    points: np.ndarray    # shapely points
    count: dict[int, int]

    @classmethod
    def along(cls, lines: dict[int, object], step: float) -> Samples:
        ids = np.fromiter(lines, np.int64, len(lines))
        geoms = np.array([lines[i] for i in ids], dtype=object)
        if not len(ids):
            return cls(ids, np.array([], dtype=object), {})
        length = shapely.length(geoms)
        n = np.maximum(np.ceil(length / step).astype(np.int64), 2)
        owner = np.repeat(np.arange(len(ids)), n)
        start = np.r_[0, np.cumsum(n)[:-1]]
        k = np.arange(owner.size) - start[owner]
        dist = (k + 0.5) / n[owner] * length[owner]
        points = shapely.line_interpolate_point(geoms[owner], dist)
        return cls(ids[owner], points, dict(zip(ids.tolist(), n.tolist(), strict=True)))


def sample_step(distance_m: float) -> float:
    """Samples close enough that the share is measured to a few percent."""
    return float(min(10.0, max(distance_m / 3, 1.0)))


def _cell_key(ix: np.ndarray, iy: np.ndarray) -> np.ndarray:
    return ((ix + (1 << 30)) << 31) | (iy + (1 << 30))


def near_any(targets: np.ndarray, points: np.ndarray, d: float) -> np.ndarray:
    """For each target (n, 2): is some point (m, 2) within `d` of it?

    Points are put in a grid of cells of side d/√2: a point in a target's own cell is within
    `d` for sure (most targets on a walked street are settled so); the others look at the
    points of the 5×5 cells around them, and numpy measures those distances.
    """
    out = np.zeros(len(targets), bool)
    if not len(targets) or not len(points):
        return out
    c = d / 1.4143
    cells = np.floor(points / c).astype(np.int64)
    keys = _cell_key(cells[:, 0], cells[:, 1])
    order = np.argsort(keys)
    keys = keys[order]
    tc = np.floor(targets / c).astype(np.int64)
    own = _cell_key(tc[:, 0], tc[:, 1])
    pos = np.searchsorted(keys, own)
    out[:] = keys[np.minimum(pos, len(keys) - 1)] == own
    rest = np.flatnonzero(~out)
    if not len(rest):
        return out
    who, lo_all, hi_all = [], [], []
    for dx in range(-2, 3):
        for dy in range(-2, 3):
            if dx == dy == 0:
                continue
            k = _cell_key(tc[rest, 0] + dx, tc[rest, 1] + dy)
            lo, hi = np.searchsorted(keys, k, "left"), np.searchsorted(keys, k, "right")
            has = hi > lo
            who.append(rest[has])
            lo_all.append(lo[has])
            hi_all.append(hi[has])
    who, lo, hi = np.concatenate(who), np.concatenate(lo_all), np.concatenate(hi_all)
    if not len(who):
        return out
    n = hi - lo
    pair_target = np.repeat(who, n)
    pair_point = order[np.repeat(lo - np.r_[0, np.cumsum(n)[:-1]], n) + np.arange(n.sum())]
    diff = targets[pair_target] - points[pair_point]
    close = (diff * diff).sum(axis=1) <= d * d
    out[pair_target[close]] = True
    return out


def coverage(track, checkins: np.ndarray, lines: dict[int, object],
             policy: PatrolPolicy) -> dict[int, tuple[float, bool]]:
    """segment id → (share of its length within the distance of the track, checked in)."""
    d = policy.distance_m
    out = {sid: (0.0, False) for sid in lines}
    if not lines:
        return out
    if track is not None:
        s = Samples.along(lines, sample_step(d))
        # the path densified where fixes are sparse (a car, a GPX every 30 s), then each
        # sample looks only at the fixes in the 3×3 cells of `d` around it
        path = shapely.get_coordinates(shapely.segmentize(track, d / 2))
        hit = near_any(shapely.get_coordinates(s.points), path, d)
        if hit.any():
            seg, n = np.unique(s.segment[hit], return_counts=True)
            for sid, k in zip(seg.tolist(), n.tolist(), strict=True):
                out[sid] = (k / s.count[sid], False)
    if len(checkins):
        ids = np.fromiter(lines, np.int64, len(lines))
        tree = shapely.STRtree(np.array([lines[i] for i in ids], dtype=object))
        pts = shapely.points(checkins)
        _, near = tree.query(pts, predicate="dwithin", distance=d)
        for sid in set(ids[near].tolist()):
            out[sid] = (out[sid][0], True)
    return out


def recompute(conn, person_id: int, day: date, policy: PatrolPolicy,
              lines: dict[int, object] | None = None) -> int:
    """Match one person-day again (after new tracks or check-ins); rows written."""
    mine = q.in_charge(conn, day, person_id).get(person_id, [])
    segs = q.segment_lines(conn, mine) if lines is None else \
        {i: lines[i] for i in mine if i in lines}
    segs = {i: g[0] if isinstance(g, tuple) else g for i, g in segs.items()}
    cov = coverage(track_lines(q.tracks_of(conn, person_id, day)),
                   q.checkins_of(conn, person_id, day), segs, policy)
    rows = [{"segment_id": sid, "day": day, "person_id": person_id, "covered_share": share,
             "checked_in": checked, "within_m": policy.distance_m}
            for sid, (share, checked) in cov.items() if share > 0 or checked]
    q.replace_days(conn, person_id, day, rows)
    return len(rows)


# ---- compliance --------------------------------------------------------------------------

@dataclass(frozen=True)
class Compliance:
    """Per segment and run of its rhythm: who answered for it, was it due, was it patrolled."""

    windows: pd.DataFrame   # segment_id, first, last, every, chief_id, patrolled, complete
    days: pd.DataFrame      # segment_id, day, chief_id, share, checked_in, patrolled
    km: pd.DataFrame        # person_id, day, metres


def chief_at(periods: list[tuple], segment_id: int, day: date) -> int | None:
    at = datetime.combine(day, q.NOON)
    for s, p, f, t in periods:
        if s == segment_id and f <= at and (t is None or at < t):
            return p
    return None


def compliance(store, start: date, end: date, today: date, share: float) -> Compliance:
    """Every segment's runs whose last day is in [start, end); a run still going on at
    `today` is complete only once patrolled (it cannot be missed yet)."""
    with store.read() as conn:
        lines = q.segment_lines(conn)
        periods = q.charge_periods(conn)
        first = min(window_of(start, 7)[0], start)
        covered = q.covered(conn, first, end)
        km = q.kilometres(conn, start, end)
    by_seg: dict[int, list[tuple]] = {}
    for p in periods:
        by_seg.setdefault(p[0], []).append(p)
    days = pd.DataFrame(covered, columns=["segment_id", "day", "person_id", "share",
                                          "checked_in"])
    days["patrolled"] = (days.share >= share) | days.checked_in
    hits: dict[int, set[date]] = {}
    for sid, d in days.loc[days.patrolled, ["segment_id", "day"]].itertuples(index=False):
        hits.setdefault(int(sid), set()).add(d)
    rows = []
    for sid, (_, road_class) in lines.items():
        every = rhythm(road_class)
        w0, _ = window_of(start, every)
        k = w0
        own = by_seg.get(sid, [])
        mine = hits.get(sid, set())
        while k < end:
            last = k + timedelta(days=every - 1)
            if start <= last < end:
                chief = chief_at(own, sid, min(last, today))
                patrolled = any(k + timedelta(days=i) in mine for i in range(every))
                complete = last < today or patrolled
                if chief is not None:
                    rows.append((sid, k, last, every, chief, patrolled, complete))
            k += timedelta(days=every)
    windows = pd.DataFrame(rows, columns=["segment_id", "first", "last", "every", "chief_id",
                                          "patrolled", "complete"])
    return Compliance(windows, days, pd.DataFrame(km, columns=["person_id", "day", "metres"]))


def recorded(store, start: date, end: date) -> bool:
    """Did the district record any patrol (a track or a check-in) in [start, end)? A period
    without any is not judged on patrols: nobody's 巡查到位率 is 0 % for want of a logger."""
    with store.read() as conn:
        return bool(q.person_days(conn, start, end))


def chief_rates(c: Compliance) -> pd.DataFrame:
    """Per road chief: due segment-days (runs), patrolled ones (巡查到位率's two counts)."""
    w = c.windows[c.windows.complete]
    if not len(w):
        return pd.DataFrame(columns=["patrol_due", "patrolled"], dtype=np.int64)
    g = w.groupby("chief_id")
    return pd.DataFrame({"patrol_due": g.size(), "patrolled": g.patrolled.sum()}).astype(np.int64)


@dataclass(frozen=True)
class SegmentCalendar:
    """A month grid of one segment: per day 'patrolled', 'missed' (a run ended unpatrolled),
    'open' (a run still going on), '' (not due that day)."""

    segment_id: int
    every: int
    days: dict[date, str]
    last_patrol: date | None


def calendars(c: Compliance, segment_ids: Iterable[int], start: date, end: date,
              today: date) -> list[SegmentCalendar]:
    out = []
    patrolled = c.days[c.days.patrolled]
    for sid in segment_ids:
        mine = set(patrolled.day[patrolled.segment_id == sid])
        w = c.windows[c.windows.segment_id == sid]
        every = int(w.every.iloc[0]) if len(w) else 1
        cells: dict[date, str] = {}
        d = start
        while d < end:
            first, last = window_of(d, every)
            if d in mine:
                cells[d] = "patrolled"
            elif d == last and d < today and not any(
                    first + timedelta(days=i) in mine for i in range(every)):
                cells[d] = "missed"
            elif d >= today and d == last:
                cells[d] = "open"
            else:
                cells[d] = ""
            d += timedelta(days=1)
        out.append(SegmentCalendar(int(sid), every, cells, max(mine) if mine else None))
    return out


# ---- importing tracks --------------------------------------------------------------------

@dataclass(frozen=True)
class TrackImport:
    tracks: int
    points: int
    skipped: int            # person-days of this source already in the store
    person_days: int
    segment_days: int       # (segment, day) pairs found covered or checked in


def import_tracks(store, days, source: str, by: str) -> TrackImport:
    """Store each person-day as one track and match it; all or nothing.

    `by` imports for anyone as an administrator, else only his own tracks. A person-day of
    the same source with the same first fix and number of points is already in: skipped,
    so importing a file again changes nothing.
    """
    from ..domain.errors import PermissionDenied
    from ..domain.people import Role
    with store.uow() as uow:
        runner = uow.people.by_username(by)
        ids = {}
        for d in days:
            if d.person not in ids:
                ids[d.person] = uow.people.by_username(d.person).id
        others = sorted({d.person for d in days} - {by})
        if others and Role.ADMIN not in runner.roles:
            raise PermissionDenied(f"{by} may import only his own tracks, not those of "
                                   f"{', '.join(others[:5])}", user=by)
        conn, policy = uow.conn, uow.config.settings().patrol
        touched, written, points, skipped = set(), 0, 0, 0
        for d in days:
            pid = ids[d.person]
            start = d.t[0].astype("datetime64[s]").astype(datetime)
            if q.has_track(conn, pid, start, len(d.t), source):
                skipped += 1
                continue
            q.add_track(conn, store.srid, pid, d.t, d.x, d.y, source)
            touched.add((pid, start.date()))
            written += 1
            points += len(d.t)
        lines = {i: g for i, (g, _) in q.segment_lines(conn).items()} if touched else {}
        found = sum(recompute(conn, pid, day, policy, lines) for pid, day in sorted(touched))
        uow.commit()
    return TrackImport(written, points, skipped, len(touched), found)


def rematch(store, start: date, end: date) -> int:
    """Match every person-day of [start, end) again (after patrol.distance_m or the road
    chiefs' assignments changed); rows written."""
    with store.uow() as uow:
        conn, policy = uow.conn, uow.config.settings().patrol
        pairs = q.person_days(conn, start, end)
        lines = {i: g for i, (g, _) in q.segment_lines(conn).items()}
        n = sum(recompute(conn, p, d, policy, lines) for p, d in pairs)
        uow.commit()
    return n
