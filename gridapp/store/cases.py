"""Case repository on SQLAlchemy Core: one UPDATE guarded by the version the caller read."""

from __future__ import annotations

import functools
import weakref
from collections import namedtuple
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import Connection, Dialect, and_, bindparam, func, insert, or_, select, text, update
from sqlalchemy.exc import IntegrityError

from ..domain.case import (
    Assignee,
    Case,
    CaseEvent,
    CaseState,
    RejectReason,
    Satisfaction,
    Source,
    case_number,  # derived, never stored: a lookup by number parses the id back out
)
from ..domain.catalog import CaseKind
from ..domain.clock import wall_clock
from ..domain.duplicates import Candidate
from ..domain.errors import InvalidInput, NotFound, StaleCase
from ..domain.places import LocatedBy, Location
from ..services.ports import CaseQuery
from . import models as m
from .changes import stamp
from .lean import LeanStatement
from .spatial import SpatialDialect
from .written import Tracker, as_stored

T = m.Case.__table__
E = m.CaseEvent.__table__

# Columns a transition may change (everything but identity and origin); the location
# changes when a case is placed on the map (标定位置) or corrected at registration, the class
# and address only at registration.
MUTABLE = (
    "state", "version", "catalog_version", "registered_at", "dispatched_at", "signed_at",
    "rectified_at", "verified_at", "closed_at", "assignee_department_id", "assignee_person_id",
    "last_department_id", "last_person_id", "time_limit_minutes", "deadline_at", "warning_at",
    "suspended_remaining_minutes", "pending_extension_minutes", "rectifier_ids", "verifier_id",
    "reject_reason", "duplicate_of", "replied_at", "visited_at", "satisfaction", "return_count",
    "rework_count", "extension_count", "reopen_count", "supervision_count", "updated_at",
    "x", "y", "cell_code", "community_code", "street_code", "segment_id", "segment_distance",
    "road_chief_id", "grid_worker_id", "located_by", "locate_match", "locate_confidence",
    "class_code", "kind", "address",   # corrected at registration (立案), audited
    "change_seq",
)
# the geometry is for QGIS and GDAL: gridapp reads the same point as x/y
READ_COLUMNS = [c for c in T.c if c.name != "geom"]

# Built once: constructing statements per call costs more than executing them.
_GET = select(*READ_COLUMNS).where(T.c.id == bindparam("b_id"))
_VERSION = select(T.c.version).where(T.c.id == bindparam("b_id"))
_UPDATE = update(T).where(T.c.id == bindparam("b_id"), T.c.version == bindparam("b_expected")) \
    .values({k: bindparam("v_" + k) for k in MUTABLE})
_INSERT = insert(T).returning(T.c.id)


@functools.lru_cache(maxsize=8)
def _insert_with_point(srid: int):
    """SQLite: the insert writes its point itself (a trigger would update the row again);
    PostgreSQL's trigger sets it in place."""
    point = func.MakePoint(bindparam("g_x"), bindparam("g_y"), srid)
    return insert(T).values(geom=point).returning(T.c.id)
_INSERT_EVENT = insert(E)
_EVENTS = select(E).where(E.c.case_id == bindparam("b_id")).order_by(E.c.seq)
# The statements of every transition, on the driver's cursor (store/lean.py); their rows as
# named tuples, read by the same row_to_case / row_to_event as SQLAlchemy's rows.
_LEAN_GET = LeanStatement(_GET)
_LEAN_VERSION = LeanStatement(_VERSION)
_LEAN_UPDATE = LeanStatement(_UPDATE, ["v_" + k for k in MUTABLE] + ["b_id", "b_expected"])
_READ_INDEX = {c.key: i for i, c in enumerate(READ_COLUMNS)}
# each with its parameter's name and its place in a read
_MUTABLE_READ = tuple((k, "v_" + k, _READ_INDEX[k]) for k in MUTABLE)


@functools.lru_cache(maxsize=256)
def _lean_update_of(columns: tuple[str, ...]) -> LeanStatement:
    """The guarded UPDATE of these columns only (an action changes a few of the 47)."""
    stmt = update(T).where(T.c.id == bindparam("b_id"), T.c.version == bindparam("b_expected")) \
        .values({k: bindparam("v_" + k) for k in columns})
    return LeanStatement(stmt, ["v_" + k for k in columns] + ["b_id", "b_expected"])


def _update_params(row: dict, case_id: int, expected_version: int) -> dict:
    params = {key: row[k] for k, key, _ in _MUTABLE_READ}
    params["b_id"], params["b_expected"] = case_id, expected_version
    return params


_BINDS: weakref.WeakKeyDictionary[Dialect, tuple] = weakref.WeakKeyDictionary()


def _mutable_binds(dialect: Dialect) -> tuple:
    """(column, parameter, place in a read, bind processor or None, leaves None alone) of
    every mutable column, in MUTABLE's order, with the full UPDATE's processors."""
    found = _BINDS.get(dialect)
    if found is None:
        procs = {name: (proc, keeps) for name, proc, keeps in _LEAN_UPDATE.plan(dialect).binds}
        found = _BINDS[dialect] = tuple((k, key, i, *procs.get(key, (None, True)))
                                        for k, key, i in _MUTABLE_READ)
    return found


_EVENT_COLUMNS = tuple(c.key for c in E.c)  # (their keys are their names)
_LEAN_INSERT_EVENT = LeanStatement(_INSERT_EVENT, list(_EVENT_COLUMNS))
_LEAN_EVENTS = LeanStatement(_EVENTS)
_CaseRow = namedtuple("_CaseRow", [c.key for c in READ_COLUMNS])  # type: ignore[misc]
_EventRow = namedtuple("_EventRow", [c.key for c in E.c])  # type: ignore[misc]
_DUPLICATES = select(T.c.id, T.c.x, T.c.y, T.c.reported_at).where(
    T.c.class_code == bindparam("b_class"),
    T.c.reported_at.between(bindparam("b_since"), bindparam("b_until")),
    T.c.state.notin_([CaseState.REJECTED.value, CaseState.CLOSED.value]),
    T.c.x.between(bindparam("b_x0"), bindparam("b_x1")),
    T.c.y.between(bindparam("b_y0"), bindparam("b_y1")))


# (an enum's `.value` is a Python-level property; `_value_` is the value it returns)
def case_to_row(case: Case, updated_at: datetime) -> dict:
    a, last, loc = case.assignee, case.last_assignee, case.location
    return {
        "source": case.source._value_, "kind": case.kind._value_,
        "class_code": case.class_code, "catalog_version": case.catalog_version,
        "description": case.description, "address": case.address, "x": case.x, "y": case.y,
        "cell_code": loc.cell_code, "community_code": loc.community_code,
        "street_code": loc.street_code, "segment_id": loc.segment_id,
        "segment_distance": loc.segment_distance, "road_chief_id": loc.road_chief_id,
        "grid_worker_id": loc.grid_worker_id, "component_code": case.component_code,
        "reporter_id": case.reporter_id, "reporter_contact": case.reporter_contact,
        "external_id": case.external_id, "state": case.state._value_, "version": case.version,
        "reported_at": case.reported_at, "registered_at": case.registered_at,
        "dispatched_at": case.dispatched_at, "signed_at": case.signed_at,
        "rectified_at": case.rectified_at, "verified_at": case.verified_at,
        "closed_at": case.closed_at,
        "assignee_department_id": a.department_id if a else None,
        "assignee_person_id": a.person_id if a else None,
        "last_department_id": last.department_id if last else None,
        "last_person_id": last.person_id if last else None,
        "time_limit_minutes": case.time_limit_minutes, "deadline_at": case.deadline_at,
        "warning_at": case.warning_at,
        "suspended_remaining_minutes": case.suspended_remaining_minutes,
        "pending_extension_minutes": case.pending_extension_minutes,
        "rectifier_ids": ",".join(str(i) for i in sorted(case.rectifier_ids)),
        "verifier_id": case.verifier_id,
        "reject_reason": case.reject_reason.value if case.reject_reason else None,
        "duplicate_of": case.duplicate_of, "replied_at": case.replied_at,
        "visited_at": case.visited_at,
        "satisfaction": case.satisfaction.value if case.satisfaction else None,
        "return_count": case.return_count, "rework_count": case.rework_count,
        "extension_count": case.extension_count, "reopen_count": case.reopen_count,
        "supervision_count": case.supervision_count, "updated_at": updated_at,
        "located_by": case.located_by.value if case.located_by else None,
        "locate_match": case.locate_match or None,
        "locate_confidence": case.locate_confidence,
        "change_seq": None,  # the writing transaction's change number (store/changes.py)
    }


def _assignee(dept: int | None, person: int | None) -> Assignee | None:
    return None if dept is None and person is None else Assignee(dept, person)


def _by_value(enum):
    """`enum(value)` by one dict lookup (every read converts a dozen values); an unknown value
    still raises as the enum does."""
    members = {m.value: m for m in enum}

    def member(value):
        found = members.get(value)
        return found if found is not None else enum(value)
    return member


_source, _kind, _state = _by_value(Source), _by_value(CaseKind), _by_value(CaseState)
_reject, _satisfaction, _located = (_by_value(RejectReason), _by_value(Satisfaction),
                                    _by_value(LocatedBy))


def row_to_case(r) -> Case:
    return Case(
        id=r.id, number=case_number(r.id, r.reported_at), source=_source(r.source), kind=_kind(r.kind),
        class_code=r.class_code, catalog_version=r.catalog_version, description=r.description,
        address=r.address, x=r.x, y=r.y,
        location=Location(r.cell_code, r.community_code, r.street_code, r.segment_id,
                          r.segment_distance, r.road_chief_id, r.grid_worker_id),
        component_code=r.component_code, reporter_id=r.reporter_id,
        reporter_contact=r.reporter_contact, external_id=r.external_id,
        state=_state(r.state), version=r.version, reported_at=r.reported_at,
        registered_at=r.registered_at, dispatched_at=r.dispatched_at, signed_at=r.signed_at,
        rectified_at=r.rectified_at, verified_at=r.verified_at, closed_at=r.closed_at,
        assignee=_assignee(r.assignee_department_id, r.assignee_person_id),
        last_assignee=_assignee(r.last_department_id, r.last_person_id),
        time_limit_minutes=r.time_limit_minutes, deadline_at=r.deadline_at,
        warning_at=r.warning_at, suspended_remaining_minutes=r.suspended_remaining_minutes,
        pending_extension_minutes=r.pending_extension_minutes,
        rectifier_ids=frozenset(int(i) for i in r.rectifier_ids.split(",") if i),
        verifier_id=r.verifier_id,
        reject_reason=_reject(r.reject_reason) if r.reject_reason else None,
        duplicate_of=r.duplicate_of, replied_at=r.replied_at, visited_at=r.visited_at,
        satisfaction=_satisfaction(r.satisfaction) if r.satisfaction else None,
        return_count=r.return_count, rework_count=r.rework_count,
        extension_count=r.extension_count, reopen_count=r.reopen_count,
        supervision_count=r.supervision_count,
        located_by=_located(r.located_by) if r.located_by else None,
        locate_match=r.locate_match or "", locate_confidence=r.locate_confidence)


def event_to_row(ev: CaseEvent) -> dict:
    return {"case_id": ev.case_id, "seq": ev.seq, "action": ev.action, "actor_id": ev.actor_id,
            "actor_role": ev.actor_role, "at": ev.at,
            "from_state": ev.from_state._value_ if ev.from_state else None,
            "to_state": ev.to_state._value_, "reason": ev.reason, "data": ev.data,
            "attachments": list(ev.attachments), "hash": ev.hash or None}


def row_to_event(r) -> CaseEvent:
    return CaseEvent(r.case_id, r.seq, r.action, r.actor_id, r.actor_role, r.at,
                     _state(r.from_state) if r.from_state else None, _state(r.to_state),
                     r.reason, dict(r.data or {}), tuple(r.attachments or ()), r.hash or "")


# Audit rows as the driver returned them → their CaseEvent. An audit row is never changed
# and its conversion depends on nothing but its stored values (every column is in the key),
# so a row read again (each transition reads its case's whole trail) is not converted again.
# The events are shared: read-only, as every reader of a trail treats them. Bounded by
# starting afresh; dict operations are atomic, so threads may share it.
_EVENT_CACHE: dict[tuple, CaseEvent] = {}
EVENT_CACHE_ROWS = 4096  # ~6 MB: the trails of some hundreds of cases


def _events_of(stored: Sequence[tuple], dialect: Dialect) -> list[CaseEvent]:
    """The CaseEvents of audit rows as stored, each converted once (see _EVENT_CACHE)."""
    cache, out = _EVENT_CACHE, []
    for raw in stored:
        try:
            event = cache.get(raw)
        except TypeError:  # a driver that returns unhashable values (a parsed JSON column)
            return [row_to_event(_EventRow._make(r))
                    for r in _LEAN_EVENTS.converted(dialect, stored)]
        if event is None:
            event = row_to_event(_EventRow._make(_LEAN_EVENTS.converted(dialect, [raw])[0]))
            if len(cache) >= EVENT_CACHE_ROWS:
                cache.clear()
            cache[raw] = event
        out.append(event)
    return out


class SqlCaseRepository:
    """`lean`: the transition's statements on the driver's cursor (store/lean.py); False
    runs the same statements through SQLAlchemy (the reference the tests compare with)."""

    def __init__(self, conn: Connection, spatial: SpatialDialect, srid: int,
                 lean: bool = True, clock: Callable[[], datetime] | None = None) -> None:
        self.conn, self.spatial, self.srid, self.lean = conn, spatial, srid, lean
        # stamps updated_at: the store's clock (the unit of work's), in the district's zone
        # whatever this computer's zone (exports and Open311 give it the district's offset)
        self.clock = clock or wall_clock
        # case id → its row as stored when this transaction read it (the lean update writes
        # only the columns whose stored value changes)
        self._stored: dict[int, tuple] = {}
        # the rows this connection wrote last, while nothing else changed (store/written.py)
        self.written = Tracker(conn) if lean else None

    def committed(self) -> None:
        """The unit of work committed: what it wrote may be kept (store/written.py)."""
        if self.written is not None:
            self.written.committed()

    def _case_row(self, case_id: int):
        if self.lean:
            kept = self.written.case_row(case_id) if self.written is not None else None
            if kept is not None and _LEAN_GET.converts(self.conn.dialect):
                self._stored[case_id] = kept
                return _CaseRow._make(_LEAN_GET.converted(self.conn.dialect, [kept])[0])
            result = _LEAN_GET.execute(self.conn, {"b_id": case_id})
            if not result.rows:
                return None
            if result.stored:
                self._stored[case_id] = result.stored[0]
            return _CaseRow._make(result.rows[0])
        return self.conn.execute(_GET, {"b_id": case_id}).first()

    def get(self, case_id: int) -> Case:
        row = self._case_row(case_id)
        if row is None:
            raise NotFound(f"no case with id {case_id}", value=case_id, why="no_case")
        return row_to_case(row)

    def get_by_number(self, number: str) -> Case:
        number = number.strip()
        row = self._case_row(int(number[4:])) \
            if len(number) == 12 and number.isdigit() else None
        if row is None or case_number(row.id, row.reported_at) != number:
            raise NotFound(f"no case numbered {number}", value=number, why="no_case")
        return row_to_case(row)

    def add(self, case: Case) -> Case:
        row = case_to_row(case, self.clock())
        row["change_seq"] = stamp(self.conn)
        stmt = _INSERT
        if self.conn.dialect.name == "sqlite" and case.x is not None and case.y is not None:
            stmt, row["g_x"], row["g_y"] = _insert_with_point(self.srid), case.x, case.y
        try:
            case.id = self.conn.execute(stmt, row).scalar_one()
        except IntegrityError as exc:
            raise _ticket_taken(exc, [case.external_id]) from None
        case.number = case_number(case.id, case.reported_at)
        return case

    def update(self, case: Case, expected_version: int) -> None:
        row = case_to_row(case, self.clock())
        row["change_seq"] = stamp(self.conn)
        if self.lean:
            changed = self._lean_update(case.id, row, expected_version)
        else:
            changed = self.conn.execute(_UPDATE, _update_params(row, case.id,
                                                                expected_version)).rowcount
        if changed != 1:
            current = _LEAN_VERSION.execute(self.conn, {"b_id": case.id}).rows if self.lean \
                else self.conn.execute(_VERSION, {"b_id": case.id}).all()
            current = current[0][0] if current else None
            raise StaleCase(
                f"case {case.number} was changed by another workstation while this one worked "
                f"on it (read version {expected_version}, now {current}); nothing was saved. "
                "Refresh and retry.", case=case.number, seen=expected_version, current=current, why="stale")

    def _lean_update(self, case_id: int, row: dict, expected_version: int) -> int:
        """The guarded UPDATE of the columns whose stored value differs from the new one
        (all of them for a row this transaction did not read); the row count."""
        stored = self._stored.pop(case_id, None)  # read again before another update
        if stored is None:
            if self.written is not None:
                self.written.updated(case_id, None)  # what it stores now is not known here
            return _LEAN_UPDATE.execute(
                self.conn, _update_params(row, case_id, expected_version)).rowcount
        # each value as the driver receives it, in one pass: left alone only when the driver
        # would write exactly what is stored (same type too: 1 and 1.0 are stored
        # differently); the version always changes
        new = {"b_id": case_id, "b_expected": expected_version}
        columns = []
        for k, key, i, proc, keeps_none in _mutable_binds(self.conn.dialect):
            v = row[k]
            if proc is not None and (v is not None or not keeps_none):
                v = proc(v)
            if k == "version" or type(v) is not type(w := stored[i]) or v != w:
                columns.append(k)
                new[key] = v
        # the narrow statement's columns convert as the full one's: the values as bound
        changed = _lean_update_of(tuple(columns)).execute(self.conn, new, bound=True).rowcount
        if changed == 1 and self.written is not None and self.written.on:
            now = as_stored([new["v_" + k] for k in columns],
                            self.written.affinities("cases", columns))
            after = None
            if now is not None:
                after = list(stored)
                for k, v in zip(columns, now, strict=True):
                    after[_READ_INDEX[k]] = v
            self.written.updated(case_id, tuple(after) if after is not None else None)
        return changed

    def add_event(self, event: CaseEvent) -> None:
        if self.lean:
            values = _LEAN_INSERT_EVENT.bind_values(self.conn.dialect, event_to_row(event))
            _LEAN_INSERT_EVENT.execute(self.conn, values, bound=True)
            if self.written is not None and self.written.on and event.case_id is not None:
                self.written.added_row(event.case_id, as_stored(
                    [values[k] for k in _EVENT_COLUMNS],
                    self.written.affinities("case_events", _EVENT_COLUMNS)))
        else:
            self.conn.execute(_INSERT_EVENT, event_to_row(event))

    def events(self, case_id: int) -> list[CaseEvent]:
        if self.lean:
            kept = self.written.trail(case_id) if self.written is not None else None
            if kept is not None and _LEAN_EVENTS.converts(self.conn.dialect):
                return _events_of(kept, self.conn.dialect)
            result = _LEAN_EVENTS.execute(self.conn, {"b_id": case_id}, convert=False)
            if not result.stored:  # none, or read through SQLAlchemy (no transaction)
                if not result.rows and self.written is not None:
                    self.written.read_trail(case_id, ())
                return [row_to_event(_EventRow._make(r)) for r in result.rows]
            if self.written is not None:
                self.written.read_trail(case_id, result.stored)
            return _events_of(result.stored, self.conn.dialect)
        return [row_to_event(r) for r in self.conn.execute(_EVENTS, {"b_id": case_id})]

    def duplicate_candidates(self, class_code: str, x: float, y: float, radius: float,
                             since: datetime, until: datetime) -> list[Candidate]:
        rows = self.conn.execute(_DUPLICATES, {
            "b_class": class_code, "b_since": since, "b_until": until, "b_x0": x - radius,
            "b_x1": x + radius, "b_y0": y - radius, "b_y1": y + radius})
        return [Candidate(r.id, case_number(r.id, r.reported_at), r.x, r.y, r.reported_at)
                for r in rows
                if (r.x - x) ** 2 + (r.y - y) ** 2 <= radius * radius]

    def _where(self, q: CaseQuery):
        conds = []
        if q.states:
            conds.append(T.c.state.in_(q.states))
        if q.class_codes:
            conds.append(T.c.class_code.in_(q.class_codes))
        if q.sources:
            conds.append(T.c.source.in_(q.sources))
        if q.street_code:
            conds.append(T.c.street_code == q.street_code)
        if q.department_id is not None:
            conds.append(T.c.assignee_department_id == q.department_id)
        if q.road_chief_id is not None:
            conds.append(or_(T.c.road_chief_id == q.road_chief_id,
                             T.c.assignee_person_id == q.road_chief_id))
        if q.segment_ids is not None:
            conds.append(T.c.segment_id.in_(q.segment_ids))
        if q.cell_codes is not None:
            conds.append(T.c.cell_code.in_(q.cell_codes))
        if q.overdue_at is not None:
            conds.append(and_(T.c.state.in_([s.value for s in CaseState if s.is_handling]),
                              T.c.deadline_at < q.overdue_at))
        if q.reported_from is not None:
            conds.append(T.c.reported_at >= q.reported_from)
        if q.reported_to is not None:
            conds.append(T.c.reported_at < q.reported_to)
        if q.placed is not None:  # 待定位: cases still waiting for a position
            conds.append(T.c.x.isnot(None) if q.placed else T.c.x.is_(None))
        if q.text:
            like = f"%{q.text.strip()}%"
            text_conds = [T.c.description.like(like), T.c.address.like(like),
                          T.c.external_id.like(like)]
            t = q.text.strip()
            if t.isdigit() and len(t) == 12:  # a case number: its id and year
                text_conds.append(T.c.id == int(t[4:]))
            conds.append(or_(*text_conds))
        return and_(*conds) if conds else True

    def find(self, q: CaseQuery) -> list[Case]:
        # newest first by id: ids grow with entry time and need no index of their own
        stmt = select(*READ_COLUMNS).where(self._where(q)).order_by(T.c.id.desc())
        if q.limit is not None:
            stmt = stmt.limit(q.limit).offset(q.offset)
        return [row_to_case(r) for r in self.conn.execute(stmt)]

    def count(self, q: CaseQuery) -> int:
        return self.conn.execute(select(func.count()).select_from(T).where(self._where(q))).scalar()

    def attach_photos(self, case_id: int, seq: int, photos: Sequence[str], phase: str) -> None:
        self.conn.execute(insert(m.CasePhoto.__table__),
                          [{"case_id": case_id, "seq": seq, "sha256": s, "phase": phase}
                           for s in dict.fromkeys(photos)])  # the same photo twice: once

    def count_all(self) -> int:
        return self.conn.execute(select(func.count()).select_from(T)).scalar()

    def trails(self, after: int, n: int) -> list[tuple[Case, list[CaseEvent]]]:
        """The next `n` cases after id `after`, each with its audit rows (audit verify)."""
        cases = [row_to_case(r) for r in self.conn.execute(
            select(*READ_COLUMNS).where(T.c.id > after).order_by(T.c.id).limit(n))]
        if not cases:
            return []
        by_case: dict[int, list[CaseEvent]] = {c.id: [] for c in cases}
        for r in self.conn.execute(select(E).where(E.c.case_id > after,
                                                   E.c.case_id <= cases[-1].id)
                                   .order_by(E.c.case_id, E.c.seq)):
            if r.case_id in by_case:
                by_case[r.case_id].append(row_to_event(r))
        return [(c, by_case[c.id]) for c in cases]

    # ---- bulk (imports) ---------------------------------------------------------------
    def known_external_ids(self, ids) -> set[str]:
        ids = [i for i in set(ids) if i]
        found: set[str] = set()
        if self.conn.dialect.name == "sqlite":
            # one statement text for every full chunk, straight to the driver: compiling a
            # thousand IN lists of 900 took SQLAlchemy two seconds for a million tickets
            full = _KNOWN_SQL + ", ".join("?" * 900) + ")"
            for k in range(0, len(ids), 900):
                chunk = tuple(ids[k:k + 900])
                sql = full if len(chunk) == 900 else _KNOWN_SQL + ", ".join("?" * len(chunk)) + ")"
                found.update(r[0] for r in self.conn.exec_driver_sql(sql, chunk))
            return found
        for k in range(0, len(ids), 900):
            chunk = ids[k:k + 900]
            found.update(self.conn.execute(select(T.c.external_id).where(
                T.c.external_id.in_(chunk))).scalars())
        return found

    def open_cases(self, class_codes: set[str], since: datetime, until: datetime) -> list[tuple]:
        rows = self.conn.execute(select(T.c.class_code, T.c.id, T.c.x, T.c.y, T.c.reported_at)
                                 .where(T.c.class_code.in_(sorted(class_codes)),
                                        T.c.reported_at.between(since, until),
                                        T.c.x.isnot(None),
                                        T.c.state.notin_([CaseState.REJECTED.value,
                                                          CaseState.CLOSED.value])))
        return [tuple(r) for r in rows]

    def reserve_ids(self, n: int) -> list[int]:
        """`n` case ids from the one numbering every way of creating a case uses."""
        if n <= 0:
            return []
        if self.conn.dialect.name == "postgresql":  # the sequence: safe against every writer
            return list(self.conn.execute(text(
                "SELECT nextval(pg_get_serial_sequence('cases', 'id')) "
                "FROM generate_series(1, :n)"), {"n": n}).scalars())
        # SQLite: the write transaction holds the database lock, so nobody else inserts
        top = self.conn.execute(select(func.max(T.c.id))).scalar() or 0
        return list(range(top + 1, top + 1 + n))

    def bulk_add(self, cases: Sequence[Case], events: Sequence[CaseEvent],
                 progress=None, data_json: Sequence[str] | None = None) -> None:
        """Cases with ids from `reserve_ids` and their audit rows, column-wise (`data_json`:
        the rows' data already encoded by `audit.seal_encoded`)."""
        from .bulk import CaseBulkWriter
        try:
            CaseBulkWriter(self.conn).write(cases, events, progress, data_json)
        except IntegrityError as exc:
            raise _ticket_taken(exc, [c.external_id for c in cases]) from None

    def bulk_add_columns(self, fields, rows, engine, events, progress=None) -> None:
        """Cases as rows of `fields` (None: the engine's case in `engine`) and their sealed
        audit rows column-wise (a migration's clean timelines, services/timelines.py)."""
        from .bulk import CaseBulkWriter
        try:
            CaseBulkWriter(self.conn).write_columns(fields, rows, engine, events, progress)
        except IntegrityError as exc:
            raise _ticket_taken(exc, [r[fields.index("external_id")] if r else c.external_id
                                      for r, c in _with_engine(rows, engine)]) from None

    def bulk_add_case_columns(self, cases, n, engine, events, progress=None) -> None:
        """`bulk_add_columns` with the cases column-wise (the 12345 import's clean rows)."""
        from .bulk import CaseBulkWriter
        try:
            CaseBulkWriter(self.conn).write_case_columns(cases, n, engine, events, progress)
        except IntegrityError as exc:
            tickets = cases["external_id"]
            tickets = list(tickets) if isinstance(tickets, list | tuple) else [tickets] * n
            for k, (c, _) in engine.items():
                tickets[k] = c.external_id
            raise _ticket_taken(exc, tickets) from None

    def by_external_id(self, ticket: str) -> Case | None:
        row = self.conn.execute(select(*READ_COLUMNS).where(T.c.external_id == ticket)).first()
        return row_to_case(row) if row else None

    def lock_duplicates(self, class_code: str, x: float, y: float, radius: float) -> None:
        """Serialise duplicate checks near (x, y): concurrent reports link to ONE original."""
        if self.conn.dialect.name != "postgresql":
            return  # SQLite: write transactions are serialised by the database lock
        size = max(radius, 1.0)
        keys = sorted({_lock_key(class_code, int((x + dx) // size), int((y + dy) // size))
                       for dx in (-radius, 0, radius) for dy in (-radius, 0, radius)})
        self.conn.execute(text("SELECT pg_advisory_xact_lock_shared(:ns, :k)"),
                          {"ns": _DUP_NS, "k": _lock_key(class_code, 0, 0, whole=True)})
        for k in keys:  # sorted: two writers never wait for each other in a circle
            self.conn.execute(text("SELECT pg_advisory_xact_lock(:ns, :k)"),
                              {"ns": _DUP_NS, "k": k})

    def lock_duplicate_classes(self, class_codes: set[str]) -> None:
        """A batch import's duplicate check: every report of these classes waits for it."""
        if self.conn.dialect.name != "postgresql":
            return
        for k in sorted({_lock_key(c, 0, 0, whole=True) for c in class_codes}):
            self.conn.execute(text("SELECT pg_advisory_xact_lock(:ns, :k)"),
                              {"ns": _DUP_NS, "k": k})


_KNOWN_SQL = "SELECT external_id FROM cases WHERE external_id IN ("


def _with_engine(rows, engine):
    """(row, None) or (None, the engine's case) per place."""
    for k, r in enumerate(rows):
        yield r, (engine[k][0] if r is None else None)


def _ticket_taken(exc: IntegrityError, tickets) -> Exception:
    """A ticket another writer entered meanwhile: one clear line; anything else as it is."""
    if "external_id" not in str(exc.orig):
        return exc
    shown = ", ".join(t for t in tickets if t)[:200]
    return InvalidInput(f"hotline ticket {shown} was entered meanwhile by another workstation: "
                        "one case per ticket, nothing was saved (an import run again skips "
                        "tickets already in)", value=shown)


_DUP_NS = 0x6772  # advisory lock namespace of duplicate checks ("gr")


def _lock_key(class_code: str, gx: int, gy: int, whole: bool = False) -> int:
    """A stable 31-bit key for (class, bucket); `whole` for the class as a whole."""
    import zlib
    raw = f"{class_code}:*" if whole else f"{class_code}:{gx}:{gy}"
    return zlib.crc32(raw.encode()) & 0x7FFFFFFF
