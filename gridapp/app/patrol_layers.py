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
COARSER = (4.0, 16.0, 64.0)  # farther out, the same lines thinned to about a pixel
CHUNK = 120               # fixes per drawn line: a close view strokes only what it shows
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
    shapes: Ragged                 # owner: the track; a line per run of CHUNK fixes
    bounds: np.ndarray             # per track (n, 4)
    ring_bounds: np.ndarray        # per line of `shapes` (and of each coarser level)
    fix_xy: np.ndarray             # fixes every FIX_EVERY_S, to tell when someone was where
    fix_t: np.ndarray
    fix_track: np.ndarray
    checkin_person: np.ndarray
    checkin_at: np.ndarray
    checkin_xy: np.ndarray
    checkin_note: tuple[str, ...]
    coarser: tuple[tuple[float, Ragged], ...] = ()   # (tolerance m, lines) for far views
    serial: int = field(default_factory=lambda: next(_serial))

    def shapes_at(self, res: float) -> Ragged:
        """The lines to draw at `res` metres per pixel: thinned to under a pixel."""
        best = self.shapes
        for tolerance, lines in self.coarser:
            if tolerance <= res:
                best = lines
        return best

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
                for chunk in _chunks(piece):
                    parts.append(chunk)
                    owners.append(k)
            keep = np.r_[True, np.diff(secs // FIX_EVERY_S) > 0]
            fixes.append((xy[keep], secs[keep], k))
        shapes = _simplified(parts, owners)
        n = len(person)
        ring_bounds = _ring_bounds(shapes)
        bounds = np.full((n, 4), np.nan)
        for k in range(n):
            lo, hi = np.searchsorted(shapes.ring_owner, [k, k + 1])
            if hi > lo:
                rb = ring_bounds[lo:hi]
                bounds[k] = (*rb[:, :2].min(0), *rb[:, 2:].max(0))
        cks = rows.checkins
        ck_xy = shapely.get_coordinates(shapely.from_wkb([r[3] for r in cks])) if cks \
            else np.zeros((0, 2))
        people = tuple(sorted({int(p) for p in person} | {int(r[0]) for r in cks}))
        return cls(
            rows.day, people, {p: names.get(p, str(p)) for p in people},
            frozen(np.array(person, np.int64)), frozen(np.array(started, np.int64)),
            frozen(np.array(ended, np.int64)), frozen(np.array(metres, float)), shapes,
            frozen(bounds), frozen(ring_bounds),
            frozen(np.vstack([f[0] for f in fixes]) if fixes else np.zeros((0, 2))),
            frozen(np.concatenate([f[1] for f in fixes]) if fixes else np.zeros(0, np.int64)),
            frozen(np.concatenate([np.full(len(f[1]), f[2]) for f in fixes]) if fixes
                   else np.zeros(0, np.int64)),
            frozen(np.array([r[0] for r in cks], np.int64)),
            frozen(np.array([seconds(r[1]) for r in cks], np.int64)), frozen(ck_xy),
            tuple(str(r[2]) for r in cks),
            tuple((m, _thinned(shapes, m)) for m in COARSER))

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


def _chunks(piece: np.ndarray) -> list[np.ndarray]:
    """A line in runs of CHUNK fixes, each starting where the last ended."""
    return [piece[i:i + CHUNK + 1] for i in range(0, max(len(piece) - 1, 1), CHUNK)]


def _simplified(parts: list[np.ndarray], owners: list[int]) -> Ragged:
    """The pieces as one ragged array of lines, 1 Hz fixes thinned to what can be seen."""
    if not parts:
        return Ragged(frozen(np.zeros((0, 2))), frozen(np.zeros(1, np.int64)),
                      frozen(np.zeros(0, np.int64)))
    lengths = np.array([len(p) for p in parts], np.int64)
    return _thinned(Ragged(np.vstack(parts), np.r_[0, np.cumsum(lengths)],
                           frozen(np.array(owners, np.int64))), SIMPLIFY_M)


def _ring_bounds(lines: Ragged) -> np.ndarray:
    """(minx, miny, maxx, maxy) of every line (each has at least two vertices)."""
    if not len(lines.ring_owner):
        return np.zeros((0, 4))
    starts = lines.ring_offsets[:-1]
    x, y = lines.coords[:, 0], lines.coords[:, 1]
    return np.column_stack([np.minimum.reduceat(x, starts), np.minimum.reduceat(y, starts),
                            np.maximum.reduceat(x, starts), np.maximum.reduceat(y, starts)])


def _thinned(lines: Ragged, tolerance: float) -> Ragged:
    """The same lines with vertices no closer than `tolerance` to them (plain
    Douglas-Peucker: lines need no topology kept)."""
    if not len(lines.ring_owner):
        return lines
    original = shapely.linestrings(lines.coords, indices=np.repeat(
        np.arange(len(lines.ring_owner)), np.diff(lines.ring_offsets)))
    geoms = shapely.simplify(original, tolerance, preserve_topology=False)
    gone = shapely.is_empty(geoms)  # a line standing still: keep it as it was
    geoms[gone] = original[gone]
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    lengths = np.bincount(index, minlength=len(geoms))
    return Ragged(frozen(coords), frozen(np.r_[0, np.cumsum(lengths)].astype(np.int64)),
                  lines.ring_owner)


def clock_text(secs: int) -> str:
    """HH:MM of a time in seconds (district time)."""
    return (datetime(1970, 1, 1) + (np.timedelta64(secs, "s")).item()).strftime("%H:%M")
