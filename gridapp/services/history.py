"""History migration: an old system's cases, each run through the transition table at its
own recorded times, in one transaction (all or nothing), written in bulk.

Every event is checked by the same rules as today's (roles, scope, the record's own
deadline kept), stamped as migrated (source file, row, the administrator who ran it) and
sealed into the case's audit chain. People the store does not know become inactive
migrated accounts: they never log in; they only appear in the history.

Timelines of the usual loop are checked by their shape and written column-wise
(services/timelines.py); any other case goes through the engine event by event (`_one`) in
its place, so the rows, the seals, the people made and every refusal are the engine's.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from ..domain import workflow as wf
from ..domain.actions import REPORT_ROLES, SPECS, Action, Context, Kind
from ..domain.audit import seal_encoded
from ..domain.calendar import WorkCalendar
from ..domain.case import Assignee, Case, CaseEvent, Source, case_number
from ..domain.catalog import Catalog, TimeLimit
from ..domain.clock import check_plausible
from ..domain.errors import DomainError, InvalidInput, PermissionDenied
from ..domain.people import Actor, AssignmentKind, Person, Role
from ..domain.places import LocatedPoints, Location
from ..domain.settings import Settings
from .ports import UnitOfWork
from .progress import COMMITTING, Progress
from .timelines import CASE_FIELDS, Builder, times_in_order


@dataclass
class HistoryStep:
    """One recorded step: what was done, when, by whom (as the old system names them)."""

    action: Action
    at: datetime
    row: int                       # the file's line for this step
    person: str | None = None      # user name or name in the old system
    values: dict[str, Any] = field(default_factory=dict)  # note, reason, department, …
    inferred: bool = False         # the file gave no time; the next step's time is used


@dataclass
class HistoryCase:
    """One case of the old system with its steps (the first is the report)."""

    number: str                    # the old system's case number (kept as the ticket id)
    row: int
    class_code: str
    source: Source
    x: float
    y: float
    steps: list[HistoryStep]
    address: str = ""
    description: str = ""
    contact: str = ""
    deadline: datetime | None = None


@dataclass
class HistorySummary:
    cases: int = 0
    events: int = 0
    already_migrated: int = 0
    people_created: list[str] = field(default_factory=list)
    first_number: str | None = None
    last_number: str | None = None


class HistoryRejected(InvalidInput):
    """Every problem of the file, one line each; nothing was written."""

    def __init__(self, source: str, found: list[tuple[int | None, str]]) -> None:
        problems = [f"{source}" + (f", row {row}" if row is not None else "") + f": {what}"
                    for row, what in found]
        shown = problems[:30]
        super().__init__(f"{len(problems):,} problem(s) in {source}; nothing was written:\n  "
                         + "\n  ".join(shown)
                         + (f"\n  … and {len(problems) - len(shown):,} more"
                            if len(problems) > len(shown) else ""))
        self.source = source
        self.found = found      # (the row Excel shows, what is wrong), for a report file
        self.problems = problems


# Who does what when the file names nobody: accounts of the old system's desk, by role.
DESK = {Role.ACCEPTOR: ("hist-acceptor", "历史系统·受理"),
        Role.DISPATCHER: ("hist-dispatcher", "历史系统·派遣"),
        Role.SHIFT_LEADER: ("hist-shift", "历史系统·值班长"),
        Role.LEADER: ("hist-leader", "历史系统·领导"),
        Role.GRID_WORKER: ("hist-verifier", "历史系统·监督员")}


class _People:
    """People of the store by user name and by name; migrated accounts made on demand."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.by_key: dict[str, Person] = {}
        self.last_number = 0  # of the migrated accounts so far (hist-00001, …), all migrations
        for role in Role:
            for p in uow.people.people_with_role(role):
                self.by_key.setdefault(p.username, p)
                self.by_key.setdefault(p.name, p)
                number = _migrated_number(p.username)
                if number is not None:  # an earlier migration's account: found again by its key
                    self.last_number = max(self.last_number, number)
                    self.by_key.setdefault(f"{p.name}\0{role.value}\0{p.department_id}", p)
        self.created: list[str] = []
        # (name in the file, role, department) → the actor: `get` answers the same each time
        # (an account it makes is found again under its key), so it is asked once per key
        self.actors: dict[tuple[Any, ...], Actor] = {}

    def get(self, key: str, role: Role, department_id: int | None = None,
            accept: tuple[Role, ...] = ()) -> Person:
        """The person behind `key` acting as `role` (or one of `accept`)."""
        person = self.by_key.get(f"{key}\0{role.value}\0{department_id}") or self.by_key.get(key)
        if person is not None and (role in person.roles or person.roles & set(accept)) and (
                department_id is None or person.department_id == department_id):
            return person
        if person is not None and person.active:
            raise InvalidInput(f"{key} is in the store but not a {role.value}"
                               + (" of that department" if department_id else ""))
        # unknown (or an earlier migrated account in another role): a migrated account
        self.last_number += 1
        username = f"hist-{self.last_number:05d}"
        made = self.uow.people.add(Person(0, username, key, frozenset({role}), department_id,
                                          active=False), None)
        self.created.append(username)
        self.by_key[f"{key}\0{role.value}\0{department_id}"] = made
        return made

    def desk(self, role: Role) -> Person:
        username, name = DESK[role]
        person = self.by_key.get(username)
        if person is None:
            person = self.uow.people.add(Person(0, username, name, frozenset({role}),
                                                active=False), None)
            self.created.append(username)
            self.by_key[username] = person
        return person


def _migrated_number(username: str) -> int | None:
    """N of a migrated account's user name `hist-0000N`, else None (desk accounts too)."""
    digits = username[5:]
    return int(digits) if username.startswith("hist-") and digits.isdigit() else None


# the role that does each step when the file names nobody, and whether a name means a handler
_DESK_ROLE = {Action.REPORT: Role.ACCEPTOR, Action.REGISTER: Role.ACCEPTOR,
              Action.REJECT: Role.ACCEPTOR, Action.DISPATCH: Role.DISPATCHER,
              Action.ASSIGN_VERIFIER: Role.DISPATCHER, Action.VERIFY_PASS: Role.GRID_WORKER,
              Action.VERIFY_FAIL: Role.GRID_WORKER, Action.CLOSE: Role.SHIFT_LEADER,
              Action.APPROVE_EXTENSION: Role.LEADER, Action.DENY_EXTENSION: Role.LEADER,
              Action.APPROVE_SUSPENSION: Role.LEADER, Action.DENY_SUSPENSION: Role.LEADER,
              Action.RESUME: Role.LEADER, Action.REOPEN: Role.GRID_WORKER,
              Action.REINSPECT: Role.GRID_WORKER, Action.REPLY: Role.ACCEPTOR,
              Action.VISIT: Role.ACCEPTOR, Action.SUPERVISE: Role.LEADER}
_HANDLER_STEPS = {Action.SIGN, Action.RETURN, Action.RECTIFY, Action.REQUEST_EXTENSION,
                  Action.REQUEST_SUSPENSION}


def migrate_history(uow: UnitOfWork, admin: str, cases: Sequence[HistoryCase], source: str,
                    dry_run: bool = False, progress: Progress | None = None) -> HistorySummary:
    """Bring `cases` in with their timelines, or nothing at all (HistoryRejected)."""
    # a migration allocates millions of short-lived rows and none of them form cycles: the
    # cyclic collector would only rescan them again and again (~10 % of a profiled run)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _migrate(uow, admin, cases, source, dry_run, progress)
    finally:
        if collecting:
            gc.enable()


def _migrate(uow: UnitOfWork, admin: str, cases: Sequence[HistoryCase], source: str,
             dry_run: bool, progress: Progress | None) -> HistorySummary:
    summary = HistorySummary()
    problems: list[tuple[int | None, str]] = []
    with uow:
        runner = uow.people.by_username(admin)
        if Role.ADMIN not in runner.roles:
            raise PermissionDenied(f"{admin} is not an administrator: only an administrator "
                                   "migrates history", user=admin)
        now, settings = uow.now(), uow.config.settings()
        catalog, calendar = uow.config.catalog(), uow.config.calendar()
        known = uow.cases.known_external_ids([c.number for c in cases])
        todo = [c for c in cases if c.number not in known]
        summary.already_migrated = len(cases) - len(todo)
        if not todo:
            return summary
        seen: dict[str, int] = {}
        for c in todo:
            if c.number in seen:
                problems.append((c.row, f"case {c.number} also on row {seen[c.number]}"))
            seen[c.number] = c.row
        loc = uow.places.locate_many(np.array([c.x for c in todo]), np.array([c.y for c in todo]),
                                     settings.road_tolerance_m)
        people = _People(uow)
        departments = {d.code: d.id for d in uow.people.departments()}
        ids = uow.cases.reserve_ids(len(todo))
        stamp_by = admin
        limits = _Limits(now, settings.earliest, settings.future_skew,
                         now + settings.future_skew)
        args = (uow, todo, ids, loc, people, departments, catalog, calendar, settings, limits,
                source, stamp_by, problems, progress)
        out = (_by_shape if LEAN else _per_event)(*args)
        if problems:
            raise HistoryRejected(source, problems)
        summary.cases, summary.events = out.cases, out.events
        summary.people_created = list(people.created)
        summary.first_number, summary.last_number = out.numbers[0], out.numbers[-1]
        if not dry_run:
            out.write(progress)
            if progress:  # the last moment a cancel leaves nothing behind
                progress(len(todo), len(todo), COMMITTING)
            uow.commit()
    return summary


# False: every case through the engine event by event, sealed and written as rows (the
# path the shapes are tested against)
LEAN = True


@dataclass(frozen=True)
class _Write:
    """What a migration writes, once every case is through: its counts and the write."""

    cases: int
    events: int
    numbers: list[str]   # the case numbers in order
    write: Callable[[Progress | None], None]


def _by_shape(uow: UnitOfWork, todo: list[HistoryCase], ids: list[int], loc: LocatedPoints,
              people: _People, departments: dict[str, int], catalog: Catalog,
              calendar: WorkCalendar, settings: Settings, limits: _Limits, source: str,
              by: str, problems: list[tuple[int | None, str]],
              progress: Progress | None) -> _Write:
    """Clean timelines by their shape, column-wise (services/timelines.py); any other case
    through the engine in its place, so the people it names are met in the same order."""
    build = Builder(people, uow.people.responsible,
                    lambda action, person, dept: _acting(people, action, person, dept),
                    loc, departments, catalog, calendar, settings.warning_share, source, by)
    fine = times_in_order(todo, limits.first, limits.last)
    for k, hc in enumerate(todo):
        plan = build.eligible(hc) if fine[k] else None
        if plan is None or not build.add(hc, ids[k], k, plan):
            done = _engine(uow, hc, ids[k], loc, k, people, departments, catalog, calendar,
                           settings, limits, source, by, problems)
            if done is None:
                continue
            build.add_engine(*done)
        if progress and k % 1000 == 0:  # the callback may cancel (Cancelled)
            progress(k, len(todo), "timelines")
    out = build.out

    def write(progress: Progress | None) -> None:
        uow.cases.bulk_add_columns(CASE_FIELDS, out.case_rows, out.engine, out.sealed,
                                   progress)
    return _Write(len(out.case_rows), len(out.events["seq"]), out.numbers, write)


def _per_event(uow: UnitOfWork, todo: list[HistoryCase], ids: list[int], loc: LocatedPoints,
               people: _People, departments: dict[str, int], catalog: Catalog,
               calendar: WorkCalendar, settings: Settings, limits: _Limits, source: str,
               by: str, problems: list[tuple[int | None, str]],
               progress: Progress | None) -> _Write:
    """Every case through the engine event by event, sealed and written as rows."""
    out_cases: list[Case] = []
    out_events: list[CaseEvent] = []
    out_data: list[str] = []  # each audit row's data as sealed, for the write
    for k, hc in enumerate(todo):
        done = _engine(uow, hc, ids[k], loc, k, people, departments, catalog, calendar,
                       settings, limits, source, by, problems)
        if done is None:
            continue
        case, events = done
        out_cases.append(case)
        out_events.extend(events)
        out_data.extend(seal_encoded(events))
        if progress and k % 1000 == 0:  # the callback may cancel (Cancelled)
            progress(k, len(todo), "timelines")
    return _Write(len(out_cases), len(out_events), [c.number or "" for c in out_cases],
                  lambda progress: uow.cases.bulk_add(out_cases, out_events, progress,
                                                      out_data))


@dataclass(frozen=True)
class _Limits:
    """The plausible times, worked out once (`check_plausible` names what is wrong)."""

    now: datetime
    first: datetime
    skew: timedelta
    last: datetime      # now + skew


class _RowError(InvalidInput):
    def __init__(self, row: int, message: str) -> None:
        super().__init__(message)
        self.row = row


def _engine(uow: UnitOfWork, hc: HistoryCase, case_id: int, loc: LocatedPoints, k: int,
            people: _People, departments: dict[str, int], catalog: Catalog,
            calendar: WorkCalendar, settings: Settings, limits: _Limits, source: str,
            by: str, problems: list[tuple[int | None, str]]
            ) -> tuple[Case, list[CaseEvent]] | None:
    """`_one`, or None with the refusal noted in `problems` (by its row and case number)."""
    try:
        return _one(uow, hc, case_id, loc, k, people, departments, catalog, calendar,
                    settings, limits, source, by)
    except DomainError as exc:
        problems.append((getattr(exc, "row", hc.row), f"case {hc.number}: {exc}"))
        return None


def _one(uow: UnitOfWork, hc: HistoryCase, case_id: int, loc: LocatedPoints, k: int,
         people: _People, departments: dict[str, int], catalog: Catalog,
         calendar: WorkCalendar, settings: Settings, limits: _Limits, source: str,
         by: str) -> tuple[Case, list[CaseEvent]]:
    """One case through the table at its own times: the case and its audit rows (sealed by
    the caller)."""
    cell = loc.cell_code[k]
    if cell is None:
        raise InvalidInput(f"point ({hc.x:.1f}, {hc.y:.1f}) lies outside every unit grid cell")
    cls = catalog[hc.class_code]
    if not hc.steps or hc.steps[0].action is not Action.REPORT:
        raise InvalidInput("the first step must be the report")
    last: datetime | None = None
    first, latest = limits.first, limits.last
    for step in hc.steps:
        if not first <= step.at <= latest:
            try:
                check_plausible(step.at, limits.now, limits.first, f"{step.action.value} time",
                                skew=limits.skew)
            except InvalidInput as exc:
                raise _RowError(step.row, str(exc)) from None
        if last is not None and step.at < last:
            raise _RowError(step.row, f"{step.action.value} at {step.at:%Y-%m-%d %H:%M} comes "
                                      f"before the step before it ({last:%Y-%m-%d %H:%M})")
        last = step.at
    report = hc.steps[0]
    seg = loc.segment_code[k]
    chief = uow.people.responsible(AssignmentKind.ROAD_CHIEF_SEGMENT.value, seg, report.at) \
        if seg else None
    worker = uow.people.responsible(AssignmentKind.GRID_WORKER_CELL.value, cell, report.at)
    reporter = people.get(report.person, Role.ACCEPTOR, accept=REPORT_ROLES) \
        if report.person else people.desk(Role.ACCEPTOR)
    case = Case(source=hc.source, kind=cls.kind, class_code=cls.code, x=hc.x, y=hc.y,
                reported_at=report.at, reporter_id=reporter.id, description=hc.description,
                address=hc.address,
                location=Location(cell, cell[:12], cell[:9], loc.segment_id[k],
                                  loc.segment_distance[k], chief.person_id if chief else None,
                                  worker.person_id if worker else None),
                reporter_contact=hc.contact, external_id=hc.number, id=case_id,
                number=case_number(case_id, report.at))
    ctx = Context(calendar, settings.warning_share, cls.time_limit, catalog.version,
                  deadline=hc.deadline)

    def stamp(ev: CaseEvent, step: HistoryStep) -> CaseEvent:
        origin = {"source": source, "row": step.row, "by": by}  # History.as_data()
        if step.inferred:
            origin["inferred_time"] = True
        ev.data["migrated"] = origin  # the row's own new dict, made by the engine just now
        return ev

    events = [stamp(wf.open_case(case, Actor(reporter)), report)]
    for step in hc.steps[1:]:
        values = dict(step.values)
        texts, durations = _FILL[step.action]
        for name in texts:
            if not values.get(name):
                values[name] = "（历史记录，无说明）"  # the old system kept no text: say so
        for name in durations:
            if isinstance(values.get(name), str):
                try:
                    values[name] = TimeLimit.parse(values[name])
                except DomainError as exc:
                    raise _RowError(step.row, str(exc)) from None
        dept_code = values.pop("department", None)
        if step.action is Action.DISPATCH:
            if not dept_code:
                raise _RowError(step.row, "dispatch names no department")
            if dept_code not in departments:
                raise _RowError(step.row, f"no department with code {dept_code!r}")
            values["assignee"] = Assignee(department_id=departments[dept_code])
        try:
            actor = _actor(people, step, case)
            events.append(stamp(wf.perform(case, step.action, actor, step.at, ctx, values),
                                step))
        except DomainError as exc:
            raise _RowError(step.row, str(exc)) from None
    return case, events


# per action: the required texts the old system may not have kept, and the durations given
# as text ("3d") — worked out once, not for each of millions of steps
_FILL = {a: (tuple(i.name for i in spec.inputs if i.required and i.name in ("note", "reason")),
             tuple(i.name for i in spec.inputs if i.kind is Kind.DURATION))
         for a, spec in SPECS.items()}


def _acting(people: _People, action: Action, person: str | None,
            department_id: int | None) -> Actor:
    """Who did a step of `action` named `person` (None: the old system's desk), found once
    per name, role and department (a handler step: the department holding the case)."""
    if action in _HANDLER_STEPS:
        key: tuple[Any, ...] = (person, Role.DEPT_HANDLER, department_id)
        actor = people.actors.get(key)
        if actor is None:
            actor = people.actors[key] = Actor(people.get(
                person or f"历史系统·处置({department_id})", Role.DEPT_HANDLER, department_id))
        return actor
    role = _DESK_ROLE[action]
    key = (person, role, None)
    actor = people.actors.get(key)
    if actor is None:
        actor = people.actors[key] = Actor(people.get(person, role) if person
                                           else people.desk(role))
    return actor


def _actor(people: _People, step: HistoryStep, case: Case) -> Actor:
    """Who did the step, with the scope the history says they had for this case."""
    dept = case.assignee.department_id if case.assignee and step.action in _HANDLER_STEPS \
        else None
    actor = _acting(people, step.action, step.person, dept)
    cell = case.location.cell_code  # always set: a case outside every cell was refused
    if _DESK_ROLE.get(step.action) is Role.GRID_WORKER and cell:
        # the old system says this supervisor checked it
        return Actor(actor.person, frozenset(), frozenset({cell}))
    return actor


ACTIONS_BY_NAME = {a.value: a for a in Action} | {a.label_zh: a for a in Action} | {
    spec.label_en.lower(): a for a, spec in SPECS.items()}
