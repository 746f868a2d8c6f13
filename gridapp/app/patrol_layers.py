"""The patrol layers' data: each segment's last patrol against its rhythm, and one day's
tracks and check-ins (who went where), as immutable arrays the render threads draw from.

Both are read through the read port on a worker and never change once made; a new record,
a new day or another day chosen makes new ones (the map then draws again).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import shapely

from ..analysis.patrol import (  # noqa: F401 (the statuses are the layer's vocabulary)
    DUE,
    MAX_GAP_S,
    MAX_JUMP_M,
    NEVER,
    NO_DAY,
    OVERDUE,
    OVERDUE_LONG,
    PATROLLED,
    STATUSES,
    day_number,
    patrol_status,
    rhythm,
)
from ..services.reading import DayPatrols, ReadModel
from .map_data import ROAD_CLASSES, Ragged, Segments, frozen, seconds

SIMPLIFY_M = 1.0          # a track is drawn with vertices no closer than this to its line
FIX_EVERY_S = 10          # a fix kept every this many seconds to tell when someone was where
_serial = itertools.count(1)


@dataclass(frozen=True, eq=False)
class LastPatrols:
    """The last day each segment counted as patrolled (days since 1970)."""

    segment_ids: np.ndarray   # sorted
    last_day: np.ndarray
    serial: int = field(default_factory=lambda: next(_serial))

    @classmethod
    def read(cls, read: ReadModel, share: float) -> LastPatrols:
        rows = sorted(read.last_patrols(share).items())
        return cls(frozen(np.array([s for s, _ in rows], np.int64)),
                   frozen(np.array([day_number(d) for _, d in rows], np.int64)))

    def days_of(self, ids: np.ndarray) -> np.ndarray:
        """Last patrol day of each segment id (NO_DAY: never)."""
        if not len(self.segment_ids):
            return np.full(len(ids), NO_DAY, np.int64)
        i = np.minimum(np.searchsorted(self.segment_ids, ids), len(self.segment_ids) - 1)
        return np.where(self.segment_ids[i] == ids, self.last_day[i], NO_DAY)


@dataclass(frozen=True)
class SegmentPatrol:
    """Per segment of a MapData: status (index into STATUSES), days since its last patrol
    (-1 never), days between patrols, the last day (NO_DAY never)."""

    status: np.ndarray
    days_since: np.ndarray
    every: np.ndarray
    last_day: np.ndarray


def segment_patrol(segments: Segments, last: LastPatrols, today: date) -> SegmentPatrol:
    """Each segment against its rhythm on `today` (runs counted as 巡查到位率 counts them)."""
    every = np.array([rhythm(c) for c in ROAD_CLASSES], np.int64)[segments.road_class]
    ld = last.days_of(segments.ids)
    since = np.where(ld != NO_DAY, day_number(today) - ld, -1)
    return SegmentPatrol(frozen(patrol_status(every, ld, today)), frozen(since),
                         frozen(every), frozen(ld))


@dataclass(frozen=True, eq=False)
class DayTracks:
    """One day's tracks (one feature per track, lines broken where the GPS lost the person)
    and check-ins, coloured per person: the day's people in id order, one colour each."""

    day: date
    people: tuple[int, ...]        # the day's people, in colour order
    names: dict[int, str]
    person: np.ndarray             # per track
    started: np.ndarray            # per track, seconds (district time)
    ended: np.ndarray
    metres: np.ndarray
    shapes: Ragged                 # owner: the track
    bounds: np.ndarray             # per track (n, 4)
    fix_xy: np.ndarray             # fixes every FIX_EVERY_S, to tell when someone was where
    fix_t: np.ndarray
    fix_track: np.ndarray
    checkin_person: np.ndarray
    checkin_at: np.ndarray
    checkin_xy: np.ndarray
    checkin_note: tuple[str, ...]
    serial: int = field(default_factory=lambda: next(_serial))

    def colour_of(self, person_ids: np.ndarray) -> np.ndarray:
        """Palette index of each person (his place among the day's people)."""
        order = np.asarray(self.people, np.int64)
        return np.searchsorted(order, person_ids) if len(order) else np.zeros(0, np.int64)

    def __len__(self) -> int:
        return len(self.person)

    @classmethod
    def read(cls, read: ReadModel, day: date, names: dict[int, str],
             only: int | None = None) -> DayTracks:
        """The day's tracks and check-ins; `only` a person's own (whoever is not in the
        command room sees only where he went himself)."""
        rows = read.day_patrols(day)
        if only is not None:
            rows = DayPatrols(day, [r for r in rows.tracks if r[0] == only],
                              [r for r in rows.checkins if r[0] == only])
        return cls.build(rows, names)

    @classmethod
    def build(cls, rows: DayPatrols, names: dict[int, str]) -> DayTracks:
        parts: list[np.ndarray] = []
        owners: list[int] = []
        fixes: list[tuple[np.ndarray, np.ndarray, int]] = []
        person, started, ended, metres = [], [], [], []
        for k, (pid, t0, t1, m, times, wkb) in enumerate(rows.tracks):
            xy = shapely.get_coordinates(shapely.from_wkb(wkb))
            secs = seconds(t0) + np.frombuffer(times, "<i4").astype(np.int64)
            if len(secs) != len(xy):  # a one-fix track is stored as a line of two vertices
                secs = np.resize(secs, len(xy))
            person.append(pid)
            started.append(seconds(t0))
            ended.append(seconds(t1))
            metres.append(m)
            for piece in _pieces(secs, xy):
                parts.append(piece)
                owners.append(k)
            keep = np.r_[True, np.diff(secs // FIX_EVERY_S) > 0]
            fixes.append((xy[keep], secs[keep], k))
        shapes = _simplified(parts, owners)
        n = len(person)
        bounds = np.zeros((n, 4))
        for k in range(n):
            lo, hi = np.searchsorted(shapes.ring_owner, [k, k + 1])
            pts = shapes.coords[shapes.ring_offsets[lo]:shapes.ring_offsets[hi]]
            bounds[k] = (*pts.min(0), *pts.max(0)) if len(pts) else (np.nan,) * 4
        cks = rows.checkins
        ck_xy = shapely.get_coordinates(shapely.from_wkb([r[3] for r in cks])) if cks \
            else np.zeros((0, 2))
        people = tuple(sorted({int(p) for p in person} | {int(r[0]) for r in cks}))
        return cls(
            rows.day, people, {p: names.get(p, str(p)) for p in people},
            frozen(np.array(person, np.int64)), frozen(np.array(started, np.int64)),
            frozen(np.array(ended, np.int64)), frozen(np.array(metres, float)), shapes,
            frozen(bounds),
            frozen(np.vstack([f[0] for f in fixes]) if fixes else np.zeros((0, 2))),
            frozen(np.concatenate([f[1] for f in fixes]) if fixes else np.zeros(0, np.int64)),
            frozen(np.concatenate([np.full(len(f[1]), f[2]) for f in fixes]) if fixes
                   else np.zeros(0, np.int64)),
            frozen(np.array([r[0] for r in cks], np.int64)),
            frozen(np.array([seconds(r[1]) for r in cks], np.int64)), frozen(ck_xy),
            tuple(str(r[2]) for r in cks))

    def passed_at(self, track: int, x: float, y: float) -> int | None:
        """When the track's person was nearest to (x, y): seconds, from the kept fixes."""
        sel = np.flatnonzero(self.fix_track == track)
        if not len(sel):
            return None
        d = np.hypot(self.fix_xy[sel, 0] - x, self.fix_xy[sel, 1] - y)
        return int(self.fix_t[sel[int(np.argmin(d))]])


def _pieces(secs: np.ndarray, xy: np.ndarray) -> list[np.ndarray]:
    """A track cut where the GPS lost the person (as matching cuts it: no line drawn across)."""
    if len(xy) < 2:
        return [np.vstack([xy, xy])] if len(xy) else []
    cut = np.flatnonzero((np.diff(secs) > MAX_GAP_S) |
                         (np.hypot(*np.diff(xy, axis=0).T) > MAX_JUMP_M)) + 1
    return [p if len(p) > 1 else np.vstack([p, p]) for p in np.split(xy, cut)]


def _simplified(parts: list[np.ndarray], owners: list[int]) -> Ragged:
    """The pieces as one ragged array of lines, 1 Hz fixes thinned to what can be seen."""
    if not parts:
        return Ragged(frozen(np.zeros((0, 2))), frozen(np.zeros(1, np.int64)),
                      frozen(np.zeros(0, np.int64)))
    lines = shapely.simplify(shapely.linestrings(
        np.vstack(parts), indices=np.repeat(np.arange(len(parts)), [len(p) for p in parts])),
        SIMPLIFY_M)
    coords = [shapely.get_coordinates(g) for g in lines]
    lengths = np.array([len(c) for c in coords], np.int64)
    return Ragged(frozen(np.vstack(coords)), frozen(np.r_[0, np.cumsum(lengths)]),
                  frozen(np.array(owners, np.int64)))


def clock_text(secs: int) -> str:
    """HH:MM of a time in seconds (district time)."""
    return (datetime(1970, 1, 1) + (np.timedelta64(secs, "s")).item()).strftime("%H:%M")
