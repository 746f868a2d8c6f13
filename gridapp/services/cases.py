"""The closed loop as use cases: each call is one transaction with its audit rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..domain import workflow as wf
from ..domain.case import Assignee, Case, CaseEvent, RejectReason, Satisfaction, Source
from ..domain.catalog import TimeLimit
from ..domain.codes import ComponentCode
from ..domain.duplicates import Candidate, best_original
from ..domain.errors import InvalidInput, NotFound, PermissionDenied, StaleCase
from ..domain.ownership import Suggestion, suggest_assignees
from ..domain.people import Actor, AssignmentKind, Role
from ..domain.workflow import Action
from .ports import UnitOfWork


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass
class Outcome:
    """The case after the use case, the audit rows it wrote, and what the user should know."""

    case: Case
    events: list[CaseEvent] = field(default_factory=list)
    duplicate_of: Candidate | None = None
    duplicate_candidates: list[Candidate] = field(default_factory=list)


def actor_for(uow: UnitOfWork, username: str, at: datetime) -> Actor:
    """The person behind `username`, with the segments and cells they hold at `at`."""
    actor = uow.people.actor(username, at)
    if not actor.person.active:
        raise PermissionDenied(f"user {username} is deactivated", user=username)
    return actor


def resolve_case(uow: UnitOfWork, ref: int | str) -> Case:
    """A case by id or by its number (案卷号)."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit() and len(ref) < 10):
        return uow.cases.get(int(ref))
    return uow.cases.get_by_number(str(ref))


def report(uow: UnitOfWork, username: str, *, source: Source, class_code: str, x: float,
           y: float, description: str = "", address: str = "",
           component_code: str | None = None, contact: str = "",
           external_id: str | None = None, photos: Sequence[str] = (),
           at: datetime | None = None) -> Outcome:
    """上报: locate the point, check for duplicates, and open the case."""
    at = at or now()
    with uow:
        actor = actor_for(uow, username, at)
        cls = uow.config.catalog()[class_code]
        if component_code:
            code = ComponentCode.parse(component_code)
            if code.class_code != class_code:
                raise InvalidInput(f"component {component_code} is a {code.class_code}, "
                                   f"not a {class_code}", value=component_code)
        settings = uow.config.settings()
        loc = uow.places.locate(x, y, settings.road_tolerance_m)
        if not loc.inside_district:
            raise InvalidInput(f"point ({x:.1f}, {y:.1f}) lies outside every unit grid cell "
                               "of the district", x=x, y=y)
        chief = _responsible(uow, AssignmentKind.ROAD_CHIEF_SEGMENT, loc.segment_code, at)
        worker = _responsible(uow, AssignmentKind.GRID_WORKER_CELL, loc.cell_code, at)
        loc = replace(loc, road_chief_id=chief, grid_worker_id=worker)
        _check_photos(uow, photos)
        policy = settings.duplicates
        candidates = uow.cases.duplicate_candidates(class_code, x, y, policy.radius_m,
                                                    at - policy.window, at) \
            if policy.enabled else []
        case = Case(source=Source(source), kind=cls.kind, class_code=cls.code, x=x, y=y,
                    reported_at=at, reporter_id=actor.id, description=description.strip(),
                    address=address.strip(), location=loc, component_code=component_code,
                    reporter_contact=contact, external_id=external_id)
        first = wf.new_case(case, actor)
        case = uow.cases.add(case)
        events = [replace(first, case_id=case.id)]
        uow.cases.add_event(events[0])
        if photos:
            uow.cases.attach_photos(case.id, 1, photos, Action.REPORT.value)
        original = best_original(x, y, at, candidates, policy)
        if original is not None and policy.auto_link:
            system = actor_for(uow, "system", at)
            ev = wf.reject(case, system, at, RejectReason.DUPLICATE,
                           f"与案件 {original.number} 重复 (duplicate of {original.number})",
                           duplicate_of=original.case_id)
            uow.cases.update(case, expected_version=1)
            uow.cases.add_event(ev)
            events.append(ev)
        uow.commit()
    return Outcome(case, events, original if policy.auto_link else None,
                   [c for c in candidates] if not policy.auto_link else [])


def _responsible(uow: UnitOfWork, kind: AssignmentKind, target: str | None,
                 at: datetime) -> int | None:
    if not target:
        return None
    a = uow.people.responsible(kind.value, target, at)
    return a.person_id if a else None


def _check_photos(uow: UnitOfWork, photos: Sequence[str]) -> None:
    for sha in photos:
        if not uow.photos.exists(sha):
            raise InvalidInput(f"photo {sha[:12]}… is not in the store; add it first", value=sha)


def _transition(uow: UnitOfWork, username: str, ref: int | str, at: datetime | None,
                expected_version: int | None,
                step: Callable[[Case, Actor, datetime], CaseEvent],
                photos: Sequence[str] = ()) -> Outcome:
    """Load, check the version the user saw, apply one domain step, persist, commit."""
    at = at or now()
    with uow:
        actor = actor_for(uow, username, at)
        case = resolve_case(uow, ref)
        if expected_version is not None and case.version != expected_version:
            last = uow.cases.events(case.id)[-1]
            who = uow.people.get(last.actor_id)
            raise StaleCase(
                f"case {case.number} was changed by {who.name} ({who.username}) at "
                f"{last.at:%Y-%m-%d %H:%M} ({last.action}); you saw version "
                f"{expected_version}, it is now version {case.version}. Refresh and retry.",
                case=case.number, seen=expected_version, current=case.version)
        loaded_version = case.version
        _check_photos(uow, photos)
        event = step(case, actor, at)  # the loaded case has its id: so has the event
        uow.cases.update(case, expected_version=loaded_version)
        uow.cases.add_event(event)
        if photos:
            uow.cases.attach_photos(case.id, event.seq, photos, event.action)
        uow.commit()
    return Outcome(case, [event])


def register(uow, username, ref, note="", *, at=None, expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.register(c, a, t, note))


def reject(uow, username, ref, reason: RejectReason, note="", duplicate_of: int | str | None = None,
           *, at=None, expected_version=None) -> Outcome:
    def step(c, a, t):
        original = None
        if duplicate_of is not None:
            original = resolve_case(uow, duplicate_of).id
        return wf.reject(c, a, t, RejectReason(reason), note, original)
    return _transition(uow, username, ref, at, expected_version, step)


def suggestions(uow: UnitOfWork, case: Case, at: datetime) -> list[Suggestion]:
    """Units the ownership rule proposes for `case`, the returning unit last."""
    owner = None
    if case.component_code:
        comp = uow.places.component(case.component_code)
        owner = comp.owner_department_id if comp else None
    dept_assignment = uow.people.responsible(AssignmentKind.DEPARTMENT_CLASS.value,
                                             case.class_code, at)
    class_dept = dept_assignment.department_id if dept_assignment else None
    if class_dept is None:
        catalog_dept = uow.people.department_by_code(uow.config.catalog()[case.class_code]
                                                     .department_code)
        class_dept = catalog_dept.id if catalog_dept else None
    chief = _responsible(uow, AssignmentKind.ROAD_CHIEF_SEGMENT,
                         uow.places.segment_code(case.location.segment_id)
                         if case.location.segment_id else None, at)
    street = uow.people.street_department(case.location.street_code) \
        if case.location.street_code else None
    ranked = suggest_assignees(case.kind, owner_department_id=owner,
                               class_department_id=class_dept, road_chief_id=chief,
                               street_department_id=street.id if street else None)
    if case.return_count and case.last_assignee is not None:
        ranked.sort(key=lambda s: s.assignee == case.last_assignee)
    return ranked


def dispatch_suggestions(uow: UnitOfWork, ref: int | str, at: datetime | None = None):
    with uow:
        return suggestions(uow, resolve_case(uow, ref), at or now())


def _assignee(uow: UnitOfWork, case: Case, at: datetime, department: str | None,
              road_chief: str | None) -> Assignee:
    if department and road_chief:
        raise InvalidInput("dispatch to a department or to a road chief, not both")
    if department:
        info = uow.people.department_by_code(department)
        if info is None:
            raise NotFound(f"no department with code {department!r}", value=department)
        return Assignee(department_id=info.id)
    if road_chief:
        person = uow.people.by_username(road_chief)
        if Role.ROAD_CHIEF not in person.roles:
            raise InvalidInput(f"{road_chief} is not a road chief", value=road_chief)
        segments, _ = uow.people.scope(person.id, at)
        if case.location.segment_id not in segments:
            raise InvalidInput(f"case {case.number} is not on a segment of road chief "
                               f"{road_chief}", value=road_chief)
        return Assignee(department_id=person.department_id, person_id=person.id)
    ranked = suggestions(uow, case, at)
    if not ranked:
        raise InvalidInput(f"case {case.number}: no department or road chief is responsible; "
                           "name one", case=case.number)
    return ranked[0].assignee


def dispatch(uow, username, ref, *, department: str | None = None, road_chief: str | None = None,
             note="", at=None, expected_version=None) -> Outcome:
    """派遣 to a department (by code) or a road chief (by username); default: the suggestion."""
    def step(c, a, t):
        catalog = uow.config.catalog()
        settings = uow.config.settings()
        assignee = _assignee(uow, c, t, department, road_chief)
        return wf.dispatch(c, a, t, assignee, catalog[c.class_code].time_limit,
                           uow.config.calendar(), settings.warning_share, catalog.version, note)
    return _transition(uow, username, ref, at, expected_version, step)


def sign(uow, username, ref, *, at=None, expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version, wf.sign)


def return_case(uow, username, ref, reason: str, *, at=None, expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.return_case(c, a, t, reason))


def rectify(uow, username, ref, note: str, photos: Sequence[str] = (), *, at=None,
            expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.rectify(c, a, t, note, photos), photos)


def verify(uow, username, ref, passed: bool, note="", photos: Sequence[str] = (), *, at=None,
           expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.verify(c, a, t, passed, note, photos), photos)


def close(uow, username, ref, note="", *, at=None, expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.close(c, a, t, note))


def request_extension(uow, username, ref, extra: TimeLimit | str, reason: str, *, at=None,
                      expected_version=None) -> Outcome:
    limit = extra if isinstance(extra, TimeLimit) else TimeLimit.parse(extra)
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.request_extension(c, a, t, limit,
                                                            uow.config.calendar(), reason))


def decide_extension(uow, username, ref, approve: bool, note="", *, at=None,
                     expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version, lambda c, a, t:
                       wf.decide_extension(c, a, t, approve, uow.config.calendar(),
                                           uow.config.settings().warning_share, note))


def request_suspension(uow, username, ref, reason: str, *, at=None,
                       expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.request_suspension(c, a, t, reason))


def decide_suspension(uow, username, ref, approve: bool, note="", *, at=None,
                      expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version, lambda c, a, t:
                       wf.decide_suspension(c, a, t, approve, uow.config.calendar(), note))


def resume(uow, username, ref, note="", *, at=None, expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version, lambda c, a, t:
                       wf.resume(c, a, t, uow.config.calendar(),
                                 uow.config.settings().warning_share, note))


def reopen(uow, username, ref, reason: str, *, at=None, expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.reopen(c, a, t, reason))


def reinspect(uow, username, ref, note="", photos: Sequence[str] = (), *, at=None,
              expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.reinspect(c, a, t, note, photos), photos)


def reply(uow, username, ref, note: str, *, at=None, expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.reply(c, a, t, note))


def visit(uow, username, ref, satisfaction: Satisfaction | str, note="", *, at=None,
          expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.visit(c, a, t, Satisfaction(satisfaction), note))


def supervise(uow, username, ref, note: str, *, at=None, expected_version=None) -> Outcome:
    return _transition(uow, username, ref, at, expected_version,
                       lambda c, a, t: wf.supervise(c, a, t, note))


@dataclass(frozen=True)
class CaseView:
    """A case with its audit trail and what the viewing user may do next."""

    case: Case
    events: list[CaseEvent]
    allowed: list[Action]
    photos: list[tuple[int, str, str]]


def view(uow: UnitOfWork, username: str | None, ref: int | str,
         at: datetime | None = None) -> CaseView:
    at = at or now()
    with uow:
        case = resolve_case(uow, ref)
        allowed = wf.allowed_actions(case, actor_for(uow, username, at)) if username else []
        return CaseView(case, uow.cases.events(case.id), allowed, uow.photos.for_case(case.id))
