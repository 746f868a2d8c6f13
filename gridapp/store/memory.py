"""An in-memory store behind the same ports: the demo generator's engine and a test double.

Changes are buffered until `commit` (a failed use case leaves nothing behind), exactly like
the SQL unit of work. Places are answered by shapely STRtrees over the loaded geometry.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import shapely

from ..domain.calendar import WorkCalendar
from ..domain.case import Case, CaseEvent
from ..domain.catalog import Catalog
from ..domain.clock import SettableClock, wall_clock
from ..domain.duplicates import Candidate
from ..domain.errors import NotFound, StaleCase
from ..domain.people import Actor, Assignment, AssignmentKind, Person, Role
from ..domain.places import Location
from ..domain.settings import Settings
from ..services.ports import CaseQuery, ComponentInfo, DepartmentInfo, PhotoRef
from .cases import case_number


@dataclass
class MemoryData:
    """Everything the ports answer from; shared by all units of work of one MemoryStore."""

    catalog: Catalog
    calendar: WorkCalendar
    settings: Settings
    people: dict[int, Person] = field(default_factory=dict)
    departments: dict[int, DepartmentInfo] = field(default_factory=dict)
    assignments: dict[str, dict[str, list[Assignment]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    cases: dict[int, Case] = field(default_factory=dict)
    events: dict[int, list[CaseEvent]] = field(default_factory=lambda: defaultdict(list))
    photos: dict[str, tuple[PhotoRef, bytes]] = field(default_factory=dict)
    components: dict[str, ComponentInfo] = field(default_factory=dict)
    next_id: int = 1
    by_username: dict[str, Person] = field(default_factory=dict)
    chief_segments: dict[int, list[tuple[str, Assignment]]] = field(default_factory=dict)
    worker_cells: dict[int, list[tuple[str, Assignment]]] = field(default_factory=dict)
    tickets: dict[str, int] = field(default_factory=dict)  # hotline ticket → case id
    scope_cache: dict[int, tuple] = field(default_factory=dict)  # person → (from, to, scope)
    actors: dict[int, tuple] = field(default_factory=dict)  # person → (from, to, Actor)
    # duplicate index: (class, bucket x, bucket y) → parallel lists sorted by report time;
    # buckets as wide as the duplicate radius, so a query looks at 3 × 3 of them
    dup_times: dict[tuple, list[datetime]] = field(default_factory=lambda: defaultdict(list))
    dup_ids: dict[tuple, list[int]] = field(default_factory=lambda: defaultdict(list))

    def dup_key(self, class_code: str, x: float, y: float, dx: int = 0, dy: int = 0) -> tuple:
        size = max(self.settings.duplicates.radius_m, 1.0)
        return (class_code, int(x // size) + dx, int(y // size) + dy)


class MemoryPlaces:
    """Cells and segments in STRtrees; the same answers as the spatial SQL."""

    def __init__(self, cell_codes: Sequence[str], cell_geoms, segment_ids: Sequence[int],
                 segment_codes: Sequence[str], segment_geoms) -> None:
        self.cell_codes = np.asarray(cell_codes)
        self.cell_geoms = np.asarray(cell_geoms)
        self.cells = shapely.STRtree(self.cell_geoms)
        self.segment_ids = np.asarray(segment_ids)
        self.segment_codes = list(segment_codes)
        self.segments = shapely.STRtree(np.asarray(segment_geoms)) if len(segment_ids) else None
        self.code_of = dict(zip(self.segment_ids.tolist(), self.segment_codes, strict=True))
        self.id_of = {c: i for i, c in self.code_of.items()}
        # answers worked out ahead by `prime`, by (x, y, tolerance): the newer and older lot
        self.primed: dict[tuple[float, float, float], Location] = {}
        self.primed_before: dict[tuple[float, float, float], Location] = {}

    def prime(self, lots: Iterable[tuple[Sequence[float], Sequence[float], float]]) -> None:
        """Work out `locate` for many points at once, each lot (xs, ys, tolerance) by one
        vectorised query for the cells and one for the segments, and keep the answers until
        asked: the same answers as one by one. A call keeps the answers of the call before
        and drops older ones, so a caller priming batch after batch holds two batches."""
        self.primed_before, self.primed = self.primed, {}
        for xs, ys, tolerance in lots:
            self._prime(np.asarray(xs, float), np.asarray(ys, float), tolerance)

    def _prime(self, xs: np.ndarray, ys: np.ndarray, tolerance: float) -> None:
        if not len(xs):
            return
        pts = shapely.points(xs, ys)
        codes: dict[int, str] = {}
        for i, j in zip(*self.cells.query(pts, predicate="intersects").tolist(), strict=True):
            code = str(self.cell_codes[j])
            if i not in codes or code < codes[i]:  # the lowest code, as `locate` picks
                codes[i] = code
        best: dict[int, tuple[float, int, int]] = {}
        if self.segments is not None and tolerance > 0 and codes:
            inside = np.fromiter(codes, int, len(codes))
            (ii, jj), dd = self.segments.query_nearest(pts[inside], max_distance=tolerance,
                                                       return_distance=True)
            ids = self.segment_ids.tolist()
            for i, j, d in zip(inside[ii].tolist(), jj.tolist(), dd.tolist(), strict=True):
                key = (d, ids[j], j)  # the nearest; of equally near ones the lowest id
                if i not in best or key < best[i]:
                    best[i] = key
        out = self.primed
        for i, (x, y) in enumerate(zip(xs.tolist(), ys.tolist(), strict=True)):
            code = codes.get(i)
            if code is None:
                out[x, y, tolerance] = Location()
                continue
            seg = best.get(i)
            out[x, y, tolerance] = Location(
                code, code[:12], code[:9], seg[1] if seg else None, seg[0] if seg else None,
                segment_code=self.segment_codes[seg[2]] if seg else None)

    def locate(self, x: float, y: float, tolerance: float) -> Location:
        key = (x, y, tolerance)
        hit = self.primed.get(key) or self.primed_before.get(key)
        if hit is not None:
            return hit
        pt = shapely.Point(x, y)
        hits = self.cells.query(pt, predicate="intersects")
        if len(hits) == 0:
            return Location()
        code = str(min(self.cell_codes[hits]))
        seg_id = seg_code = dist = None
        if self.segments is not None and tolerance > 0:
            idx, d = self.segments.query_nearest(pt, max_distance=tolerance, return_distance=True)
            if len(idx):
                best = int(idx[np.lexsort((self.segment_ids[idx], d))[0]])
                seg_id = int(self.segment_ids[best])
                seg_code, dist = self.segment_codes[best], float(d.min())
        return Location(code, code[:12], code[:9], seg_id, dist, segment_code=seg_code)


class MemoryStore:
    def __init__(self, data: MemoryData, places: MemoryPlaces) -> None:
        self.data, self.places = data, places
        # the simulated store's clock: the demo sets it to each step's time
        self.clock = SettableClock(wall_clock(data.settings.time_zone))
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the lookup tables after people or assignments changed."""
        d = self.data
        d.by_username = {p.username: p for p in d.people.values()}
        d.chief_segments = defaultdict(list)
        for code, lst in d.assignments[AssignmentKind.ROAD_CHIEF_SEGMENT.value].items():
            for a in lst:
                d.chief_segments[a.person_id].append((code, a))
        d.scope_cache, d.actors = {}, {}
        d.worker_cells = defaultdict(list)
        for code, lst in d.assignments[AssignmentKind.GRID_WORKER_CELL.value].items():
            for a in lst:
                d.worker_cells[a.person_id].append((code, a))

    def uow(self, write: bool = True) -> MemoryUnitOfWork:
        return MemoryUnitOfWork(self)

    def forget_cases(self) -> None:
        """Forget every case and audit row (a simulation starting an independent part)."""
        d = self.data
        for table in (d.cases, d.events, d.tickets, d.dup_times, d.dup_ids):
            table.clear()

    def evict(self, case_ids: Iterable[int]) -> None:
        """Forget finished cases (already written elsewhere) and their audit rows."""
        for cid in case_ids:
            c = self.data.cases.pop(cid, None)
            self.data.events.pop(cid, None)
            if c is not None and c.placed:
                key = self.data.dup_key(c.class_code, c.x, c.y)
                times, ids = self.data.dup_times[key], self.data.dup_ids[key]
                i = bisect.bisect_left(times, c.reported_at)
                while i < len(ids) and ids[i] != cid:
                    i += 1
                if i < len(ids):
                    del times[i], ids[i]


_NONE: frozenset = frozenset()


def _copy(case: Case) -> Case:
    """A shallow copy (its fields are immutable values), much cheaper than copy.copy."""
    twin = object.__new__(Case)
    twin.__dict__.update(case.__dict__)
    return twin


class _Cases:
    def __init__(self, uow: MemoryUnitOfWork) -> None:
        self.uow, self.d = uow, uow.store.data

    def _current(self, case_id: int) -> Case | None:
        return self.uow.pending_cases.get(case_id) or self.d.cases.get(case_id)

    def get(self, case_id: int) -> Case:
        c = self._current(case_id)
        if c is None:
            raise NotFound(f"no case with id {case_id}", value=case_id)
        return _copy(c)

    def get_by_number(self, number: str) -> Case:
        if len(number) == 12 and number.isdigit():
            c = self._current(int(number[4:]))
            if c is not None and c.number == number:
                return _copy(c)
        raise NotFound(f"no case numbered {number}", value=number)

    def add(self, case: Case) -> Case:
        case.id = self.d.next_id
        self.d.next_id += 1
        case.number = case_number(case.id, case.reported_at)
        self.uow.pending_cases[case.id] = _copy(case)
        self.uow.new_ids.append(case.id)
        return case

    def update(self, case: Case, expected_version: int) -> None:
        current = self._current(case.id)
        if current is None or current.version != expected_version:
            raise StaleCase(f"case {case.number} was changed meanwhile", case=case.number)
        self.uow.pending_cases[case.id] = case  # the caller's own copy (from get)

    def add_event(self, event: CaseEvent) -> None:
        self.uow.pending_events.append(event)

    def events(self, case_id: int) -> list[CaseEvent]:
        return list(self.d.events.get(case_id, [])) + [
            e for e in self.uow.pending_events if e.case_id == case_id]

    def duplicate_candidates(self, class_code: str, x: float, y: float, radius: float,
                             since: datetime, until: datetime) -> list[Candidate]:
        out = []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                key = self.d.dup_key(class_code, x, y, dx, dy)
                times = self.d.dup_times.get(key)
                if not times:
                    continue
                lo, hi = bisect.bisect_left(times, since), bisect.bisect_right(times, until)
                for cid in self.d.dup_ids[key][lo:hi]:
                    c = self._current(cid)
                    if c is None or not c.state.is_open:
                        continue
                    if (c.x - x) ** 2 + (c.y - y) ** 2 <= radius * radius:
                        out.append(Candidate(c.id, c.number, c.x, c.y, c.reported_at))
        return out

    def find(self, q: CaseQuery) -> list[Case]:
        found = [_copy(c) for c in sorted(self.d.cases.values(), key=lambda c: -c.id)
                 if (not q.states or c.state.value in q.states)
                 and (not q.class_codes or c.class_code in q.class_codes)
                 and (not q.sources or c.source.value in q.sources)
                 and (q.street_code is None or c.location.street_code == q.street_code)
                 and (q.placed is None or c.placed == q.placed)
                 and (q.overdue_at is None or (c.state.is_handling and c.deadline_at
                                               and c.deadline_at < q.overdue_at))]
        return found[q.offset:q.offset + q.limit] if q.limit is not None else found[q.offset:]

    def count(self, q: CaseQuery) -> int:
        return len(self.find(CaseQuery(**{**q.__dict__, "limit": None, "offset": 0})))

    def attach_photos(self, case_id: int, seq: int, photos: Sequence[str], phase: str) -> None:
        pass  # the demo attaches no photos

    def by_external_id(self, ticket: str) -> Case | None:
        cid = self.d.tickets.get(ticket)
        return self.get(cid) if cid is not None and self._current(cid) is not None else None

    def reserve_ids(self, n: int) -> list[int]:
        first = self.d.next_id
        self.d.next_id += n
        return list(range(first, first + n))

    def lock_duplicates(self, class_code: str, x: float, y: float, radius: float) -> None:
        pass  # one process, one writer at a time

    def lock_duplicate_classes(self, class_codes: set[str]) -> None:
        pass


class _Places:
    def __init__(self, uow: MemoryUnitOfWork) -> None:
        self.p, self.d = uow.store.places, uow.store.data

    def locate(self, x: float, y: float, tolerance: float) -> Location:
        return self.p.locate(x, y, tolerance)

    def component(self, code: str) -> ComponentInfo | None:
        return self.d.components.get(code)

    def segment_code(self, segment_id: int) -> str | None:
        return self.p.code_of.get(segment_id)

    def segment_id(self, code: str) -> int | None:
        return self.p.id_of.get(code)


class _People:
    def __init__(self, uow: MemoryUnitOfWork) -> None:
        self.d, self.places = uow.store.data, uow.store.places

    def by_username(self, username: str) -> Person:
        try:
            return self.d.by_username[username]
        except KeyError:
            raise NotFound(f"no user named {username!r}", value=username) from None

    def get(self, person_id: int) -> Person:
        try:
            return self.d.people[person_id]
        except KeyError:
            raise NotFound(f"no person with id {person_id}", value=person_id) from None

    def actor(self, username: str, at: datetime) -> Actor:
        p = self.by_username(username)
        hit = self.d.actors.get(p.id)  # an Actor is immutable: the same one while scope holds
        if hit is not None and hit[0] <= at < hit[1] and hit[2].person is p:
            return hit[2]
        actor = Actor(p, *self.scope(p.id, at))
        lo, hi, _ = self.d.scope_cache[p.id]
        self.d.actors[p.id] = (lo, hi, actor)
        return actor

    def responsible(self, kind: str, target_code: str, at: datetime) -> Assignment | None:
        for a in self.d.assignments[kind].get(target_code, ()):
            if a.active_at(at):
                return a
        return None

    def responsible_many(self, kind: str, targets, at) -> list[int | None]:
        found = (self.responsible(kind, t, a) if t else None for t, a in zip(targets, at, strict=True))
        return [a.person_id if a else None for a in found]

    def scope(self, person_id: int, at: datetime) -> tuple[frozenset[int], frozenset[str]]:
        # a simulation asks at every step; the answer only changes when an assignment of
        # this person starts or ends, so it is kept for the interval it holds in
        hit = self.d.scope_cache.get(person_id)
        if hit is not None and hit[0] <= at < hit[1]:
            return hit[2]
        held = self.d.chief_segments.get(person_id) or ()
        cells = self.d.worker_cells.get(person_id) or ()
        segs = frozenset(self.places.id_of[code] for code, a in held if a.active_at(at)) \
            if held else _NONE
        answer = segs, frozenset(code for code, a in cells if a.active_at(at)) if cells else _NONE
        lo, hi = datetime.min, datetime.max
        for _, a in (*held, *cells):
            for edge in (a.valid_from, a.valid_to):
                if edge is None:
                    continue
                if edge <= at:
                    lo = max(lo, edge)
                else:
                    hi = min(hi, edge)
        self.d.scope_cache[person_id] = (lo, hi, answer)
        return answer

    def department(self, department_id: int) -> DepartmentInfo:
        return self.d.departments[department_id]

    def department_by_code(self, code: str) -> DepartmentInfo | None:
        return next((d for d in self.d.departments.values() if d.code == code), None)

    def street_department(self, street_code: str) -> DepartmentInfo | None:
        return next((d for d in self.d.departments.values()
                     if d.street_code == street_code and d.kind == "street"), None)

    def departments(self) -> list[DepartmentInfo]:
        return list(self.d.departments.values())

    def people_with_role(self, role: Role) -> list[Person]:
        return [p for p in self.d.people.values() if role in p.roles]


class _Config:
    def __init__(self, uow: MemoryUnitOfWork) -> None:
        self.d = uow.store.data

    def catalog(self, version: int | None = None) -> Catalog:
        return self.d.catalog

    def calendar(self) -> WorkCalendar:
        return self.d.calendar

    def settings(self) -> Settings:
        return self.d.settings


class _Photos:
    def __init__(self, uow: MemoryUnitOfWork) -> None:
        self.d = uow.store.data

    def exists(self, sha256: str) -> bool:
        return sha256 in self.d.photos

    def for_case(self, case_id: int) -> list[tuple[int, str, str]]:
        return []


class MemoryUnitOfWork:
    def __init__(self, store: MemoryStore) -> None:
        self.store = store

    def __enter__(self) -> MemoryUnitOfWork:
        self.pending_cases: dict[int, Case] = {}
        self.pending_events: list[CaseEvent] = []
        self.new_ids: list[int] = []
        self.cases, self.places = _Cases(self), _Places(self)
        self.people, self.config, self.photos = _People(self), _Config(self), _Photos(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self.pending_cases, self.pending_events, self.new_ids = {}, [], []
        # the repositories point back here: break the cycle so the memory goes at once
        self.cases = self.places = self.people = self.config = self.photos = None

    def now(self) -> datetime:
        return self.store.clock()

    def commit(self) -> None:
        d = self.store.data
        # a case enters the duplicate index when it has a point: at report, or when placed
        placed_now = [cid for cid, c in self.pending_cases.items() if c.placed and (
            cid in self.new_ids or (cid in d.cases and not d.cases[cid].placed))]
        for cid in placed_now:
            c = self.pending_cases[cid]
            if c.external_id:
                d.tickets[c.external_id] = cid
            key = d.dup_key(c.class_code, c.x, c.y)
            times = d.dup_times[key]
            i = bisect.bisect_right(times, c.reported_at)
            times.insert(i, c.reported_at)
            d.dup_ids[key].insert(i, cid)
        d.cases.update(self.pending_cases)
        for e in self.pending_events:
            d.events[e.case_id].append(e)
        self.pending_cases, self.pending_events, self.new_ids = {}, [], []

    def rollback(self) -> None:
        self.pending_cases, self.pending_events, self.new_ids = {}, [], []


def snapshot(store) -> MemoryStore:
    """A MemoryStore holding what `store` (a SQL Store) knows, ids and all."""
    from sqlalchemy import select

    from . import models as m
    with store.uow(write=False) as uow:
        conn = uow.conn
        data = MemoryData(uow.config.catalog(), uow.config.calendar(), uow.config.settings())
        for d in uow.people.departments():
            data.departments[d.id] = d
        roles = defaultdict(set)
        for pid, role in conn.execute(select(m.PersonRole.person_id, m.PersonRole.role)):
            roles[pid].add(Role(role))
        for r in conn.execute(select(m.Person.__table__)):
            data.people[r.id] = Person(r.id, r.username, r.name, frozenset(roles[r.id]),
                                       r.department_id, bool(r.active))
        for r in conn.execute(select(m.Assignment.__table__)):
            data.assignments[r.kind][r.target_code].append(Assignment(
                AssignmentKind(r.kind), r.target_code, r.person_id, r.department_id,
                r.valid_from, r.valid_to, r.id))
        for by_target in data.assignments.values():
            for lst in by_target.values():
                lst.sort(key=lambda a: a.valid_from, reverse=True)
        for r in conn.execute(select(m.Component.code, m.Component.class_code,
                                     m.Component.owner_department_id)):
            data.components[r.code] = ComponentInfo(r.code, r.class_code, r.owner_department_id)
        data.next_id = (conn.exec_driver_sql("SELECT max(id) FROM cases").scalar() or 0) + 1
        wkb = store.spatial.as_wkb("geom")
        cells = conn.exec_driver_sql(f"SELECT code, {wkb} FROM grid_cells").all()
        segs = conn.exec_driver_sql(f"SELECT id, code, {wkb} FROM road_segments").all()
    places = MemoryPlaces([c[0] for c in cells], shapely.from_wkb([bytes(c[1]) for c in cells]),
                          [s[0] for s in segs], [s[1] for s in segs],
                          shapely.from_wkb([bytes(s[2]) for s in segs]))
    return MemoryStore(data, places)
