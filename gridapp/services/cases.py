"""The closed loop as use cases: ONE entry, `perform`, runs any action as one transaction.

`perform` resolves the action's inputs by their kind (spec), loads the case with its audit
trail (counters, rectifiers and verifier come from the trail, never from editable columns),
lets the domain check and apply the action, seals the audit row and commits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal, overload

from ..domain import workflow as wf
from ..domain.actions import SPECS, Action, ActionSpec, Context, Input, Kind
from ..domain.audit import seal_new
from ..domain.case import Assignee, Case, CaseEvent, RejectReason, Source
from ..domain.catalog import TimeLimit
from ..domain.clock import History, check_order, check_plausible
from ..domain.codes import ComponentCode
from ..domain.duplicates import Candidate, best_original
from ..domain.errors import DomainError, InvalidInput, NotFound, PermissionDenied, StaleCase
from ..domain.ownership import Suggestion, suggest_assignees
from ..domain.people import Actor, AssignmentKind, Role
from ..domain.places import Location
from .ports import UnitOfWork

SYSTEM = "system"  # the account of automatic acts (duplicate links); never a login


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
        raise PermissionDenied(f"user {username} is deactivated", user=username, why="deactivated")
    return actor


def resolve_case(uow: UnitOfWork, ref: int | str) -> Case:
    """A case by id or by its number (案卷号)."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit() and len(ref) < 10):
        return uow.cases.get(int(ref))
    return uow.cases.get_by_number(str(ref))


@overload
def load(uow: UnitOfWork, ref: int | str,
         strict: Literal[True] = True) -> tuple[Case, list[CaseEvent], wf.Replay]: ...


@overload
def load(uow: UnitOfWork, ref: int | str,
         strict: bool) -> tuple[Case, list[CaseEvent], wf.Replay | None]: ...


def load(uow: UnitOfWork, ref: int | str,
         strict: bool = True) -> tuple[Case, list[CaseEvent], wf.Replay | None]:
    """The case with its audit trail, its trail-derived facts set from the trail.

    A case whose record and trail disagree cannot be acted on (`strict`); it can be shown.
    """
    case = resolve_case(uow, ref)
    # rows past the version read were committed meanwhile by another workstation: the
    # guarded update will refuse this one as stale, so judge the case as it was read
    events = [e for e in uow.cases.events(case.stored_id) if e.seq <= case.version]
    try:
        trail = wf.replay(events)
    except DomainError as exc:
        if not strict:
            return case, events, None
        raise InvalidInput(f"case {case.number}: its audit trail is damaged ({exc}); run "
                           "`gridapp audit verify`", case=case.number, why="trail_damaged") from None
    if (trail.state, trail.version) != (case.state, case.version):
        if not strict:
            return case, events, None
        raise InvalidInput(
            f"case {case.number}: the case record says {case.state.value} version "
            f"{case.version}, its audit trail says {trail.state.value} version {trail.version};"
            " nothing can be done to it until this is resolved (`gridapp audit verify`)",
            case=case.number, why="trail_mismatch")
    trail.apply_to(case)
    return case, events, trail


# ---- inputs -------------------------------------------------------------------------------

def _text(spec: ActionSpec, inp: Input, value: Any, number: str | None) -> str:
    s = "" if value is None else str(value).strip()
    if inp.max_length is not None and len(s) > inp.max_length:
        where = f"case {number}: " if number else ""
        raise InvalidInput(f"{where}{inp.label_en.lower()} ({inp.name}) of {spec.action.value} "
                           f"is {len(s):,} characters; at most {inp.max_length:,}",
                           field=inp.name, limit=inp.max_length, why="too_long", length=len(s),
                           action=spec.action.value, **({"case": number} if number else {}))
    return s


def check_texts(spec: ActionSpec, values: Mapping[str, Any], number: str | None = None) -> None:
    """Every text input within its limit, before anything is written."""
    for inp in spec.inputs:
        if inp.kind is Kind.TEXT and inp.name in values:
            _text(spec, inp, values[inp.name], number)


_NAMES = {a: frozenset(i.name for i in s.inputs) for a, s in SPECS.items()}
_INPUTS = {a: {i.name: i for i in s.inputs} for a, s in SPECS.items()}


def resolve_inputs(uow: UnitOfWork, spec: ActionSpec, case: Case, at: datetime,
                   values: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs as the domain wants them (ids, Assignee, TimeLimit, …), or why not."""
    names = _NAMES[spec.action]
    unknown = sorted(set(values) - names)
    if unknown:
        raise InvalidInput(f"{spec.action.value} takes {', '.join(sorted(names)) or 'no input'}"
                           f"; not {', '.join(unknown)}", action=spec.action.value)
    out: dict[str, Any] = {}
    for name, value in values.items():  # only what was given: most actions take little
        inp = _INPUTS[spec.action][name]
        if inp.kind is Kind.PHOTOS:
            out[name] = _photos(uow, value or ())
            continue
        if value is None or value == "":
            continue
        match inp.kind:
            case Kind.TEXT:
                out[inp.name] = _text(spec, inp, value, case.number)
            case Kind.CHOICE:
                value = getattr(value, "value", value)
                if inp.choices and value not in {c[0] for c in inp.choices}:
                    raise InvalidInput(f"case {case.number}: {inp.name} must be one of "
                                       f"{', '.join(c[0] for c in inp.choices)}, not {value!r}",
                                       case=case.number, why="choice", field=inp.name)
                out[inp.name] = value
            case Kind.CASE:
                out[inp.name] = resolve_case(uow, value).id
            case Kind.DURATION:
                out[inp.name] = value if isinstance(value, TimeLimit) else \
                    TimeLimit.parse(str(value))
            case Kind.ASSIGNEE:
                pass  # below: a missing assignee means the suggested unit
            case Kind.PERSON:
                out[inp.name] = uow.people.actor(str(value), at)
            case Kind.CLASS:
                code = str(value).strip()
                catalog = uow.config.catalog()
                if code not in catalog:
                    raise InvalidInput(f"case {case.number}: {code!r} is no class of the "
                                       f"catalog (version {catalog.version})",
                                       case=case.number, field=inp.name, value=code, why="unknown_class")
                out[inp.name] = catalog[code]
            case _:
                out[inp.name] = value
    if "assignee" in _NAMES[spec.action]:
        out["assignee"] = _assignee(uow, case, at, values.get("assignee"))
    if spec.action in (Action.PLACE, Action.REGISTER) and "x" in out and "y" in out:
        out["x"], out["y"] = float(out["x"]), float(out["y"])
        out["location"] = _located(uow, out["x"], out["y"], case.reported_at)
    return out


def _located(uow: UnitOfWork, x: float, y: float, when: datetime) -> Location:
    """The cell, segment and the people in charge of them at `when` (history stays true)."""
    loc = uow.places.locate(x, y, uow.config.settings().road_tolerance_m)
    if not loc.inside_district:
        return loc
    return replace(loc, road_chief_id=_responsible(uow, AssignmentKind.ROAD_CHIEF_SEGMENT,
                                                   loc.segment_code, when),
                   grid_worker_id=_responsible(uow, AssignmentKind.GRID_WORKER_CELL,
                                               loc.cell_code, when))


def _photos(uow: UnitOfWork, photos: Sequence[str]) -> tuple[str, ...]:
    """The photos of one action, each once (the same photo twice is one piece of evidence)."""
    unique = tuple(dict.fromkeys(photos))
    for sha in unique:
        if not uow.photos.exists(sha):
            raise InvalidInput(f"photo {sha[:12]}… is not in the store; add it first", value=sha, why="photo_missing")
    return unique


def _context(uow: UnitOfWork, case: Case) -> Context:
    catalog = uow.config.catalog()
    settings = uow.config.settings()
    try:
        cls = catalog[case.class_code]
    except DomainError:  # a class the catalog no longer has: dispatch says so
        cls = None
    return Context(uow.config.calendar(), settings.warning_share,
                   cls.time_limit if cls else None, catalog.version)


# ---- the one entry ---------------------------------------------------------------------

def when(uow: UnitOfWork, at: datetime | None, history: History | None) -> datetime:
    """The time of an action: the store's clock, or a migrated event's own (admins only)."""
    now_ = uow.now()
    settings = uow.config.settings()
    earliest = settings.earliest
    if at is None:
        check_plausible(now_, now_, earliest, "the store's clock", settings.future_skew)
        return now_
    if history is None:
        raise PermissionDenied("only a history migration (gridapp import history) may record a "
                               "past time; everyday actions are stamped by the store's clock")
    runner = uow.people.by_username(history.by)
    if Role.ADMIN not in runner.roles:
        raise PermissionDenied(f"{history.by} is not an administrator: only an administrator "
                               "migrates history", user=history.by)
    check_plausible(at, now_, earliest, f"{history.source} row {history.row}: time",
                    settings.future_skew)
    return at


def _acting(uow: UnitOfWork, username: str, at: datetime, history: History | None) -> Actor:
    if history is not None:  # migrated accounts are inactive: they act only in the past
        return uow.people.actor(username, at)
    if username == SYSTEM:
        raise PermissionDenied("the system account acts only inside the services (automatic "
                               "duplicate links); nobody can act as it", user=username)
    return actor_for(uow, username, at)


def _stamp(event: CaseEvent, history: History | None) -> CaseEvent:
    if history is None:
        return event
    return replace(event, data={**event.data, "migrated": history.as_data()})


def perform(uow: UnitOfWork, username: str, case_ref: int | str | None, action: Action | str,
            *, at: datetime | None = None, history: History | None = None,
            expected_version: int | None = None, **inputs: Any) -> Outcome:
    """Run `action` on a case as `username` (for REPORT, `case_ref` is None).

    The action is stamped by the store's clock; `at` (a past time) is accepted only with
    `history`, the migration it comes from, run by an administrator.
    """
    action = Action(action)
    spec = SPECS[action]
    if action is Action.REPORT:
        if case_ref is not None:
            raise InvalidInput("a report opens a new case; it takes no case")
        return _report(uow, username, at, history, inputs)
    if case_ref is None:
        raise InvalidInput(f"{action.value} acts on a case: give its number or id")
    check_texts(spec, inputs)
    with uow:
        at = when(uow, at, history)
        actor = _acting(uow, username, at, history)
        case, events, trail = load(uow, case_ref)
        check_order(at, trail.last_at, case.number)
        if expected_version is not None and case.version != expected_version:
            last = events[-1]
            who = uow.people.get(last.actor_id)
            raise StaleCase(
                f"case {case.number} was changed by {who.name} ({who.username}) at "
                f"{last.at:%Y-%m-%d %H:%M} ({last.action}); you saw version "
                f"{expected_version}, it is now version {case.version}. Refresh and retry.",
                case=case.number, seen=expected_version, current=case.version, why="stale", who=who.name, at=f"{last.at:%Y-%m-%d %H:%M}", what=last.action)
        loaded_version = case.version
        values = resolve_inputs(uow, spec, case, at, inputs)
        event = _stamp(wf.perform(case, action, actor, at, _context(uow, case), values), history)
        seal_new([event], trail.last_hash)  # a row just made here, seen by nobody yet
        uow.cases.update(case, expected_version=loaded_version)
        uow.cases.add_event(event)
        if event.attachments:
            uow.cases.attach_photos(case.stored_id, event.seq, event.attachments, event.action)
        uow.commit()
    return Outcome(case, [event])


def report(uow: UnitOfWork, username: str, *, at: datetime | None = None,
           history: History | None = None, **inputs: Any) -> Outcome:
    """上报 (the REPORT action): locate the point, check for duplicates, open the case."""
    return perform(uow, username, None, Action.REPORT, at=at, history=history, **inputs)


def _report(uow: UnitOfWork, username: str, at: datetime | None, history: History | None,
            inputs: Mapping[str, Any]) -> Outcome:
    spec = SPECS[Action.REPORT]
    unknown = sorted(set(inputs) - {i.name for i in spec.inputs})
    if unknown:
        raise InvalidInput(f"report takes {', '.join(i.name for i in spec.inputs)}; not "
                           f"{', '.join(unknown)}")
    check_texts(spec, inputs)
    class_code = str(inputs.get("class_code") or "").strip()
    if inputs.get("x") is None or inputs.get("y") is None:
        raise InvalidInput("a report needs its point (x and y)", why="report_needs_point",
                           action="report")
    x, y = float(inputs["x"]), float(inputs["y"])
    try:
        source = Source(getattr(inputs.get("source"), "value", inputs.get("source"))
                        or Source.GRID_PATROL)
    except ValueError:
        raise InvalidInput(f"{inputs.get('source')!r} is not a source "
                           f"({', '.join(s.value for s in Source)})", why="choice", field="source",
                           action="report") from None
    component_code = (inputs.get("component_code") or "").strip() or None
    external_id = (inputs.get("external_id") or "").strip() or None
    with uow:
        at = when(uow, at, history)
        actor = _acting(uow, username, at, history)
        cls = uow.config.catalog()[class_code]
        if component_code:
            code = ComponentCode.parse(component_code)
            if code.class_code != class_code:
                raise InvalidInput(f"component {component_code} is a {code.class_code}, "
                                   f"not a {class_code}", value=component_code, why="component_class",
                                   component=component_code, klass=class_code, action="report")
        if external_id:
            same = uow.cases.by_external_id(external_id)
            if same is not None:
                raise InvalidInput(f"hotline ticket {external_id} is already case {same.number};"
                                   " one case per ticket", value=external_id, why="ticket_taken", case=same.number)
        settings = uow.config.settings()
        loc = uow.places.locate(x, y, settings.road_tolerance_m)
        if not loc.inside_district:
            raise InvalidInput(f"point ({x:.1f}, {y:.1f}) lies outside every unit grid cell "
                               "of the district", x=x, y=y, why="outside", action="report")
        chief = _responsible(uow, AssignmentKind.ROAD_CHIEF_SEGMENT, loc.segment_code, at)
        worker = _responsible(uow, AssignmentKind.GRID_WORKER_CELL, loc.cell_code, at)
        loc = replace(loc, road_chief_id=chief, grid_worker_id=worker)
        photos = _photos(uow, inputs.get("photos") or ())
        policy = settings.duplicates
        if policy.enabled:
            uow.cases.lock_duplicates(class_code, x, y, policy.radius_m)
        candidates = uow.cases.duplicate_candidates(class_code, x, y, policy.radius_m,
                                                    at - policy.window, at) \
            if policy.enabled else []
        case = Case(source=source, kind=cls.kind, class_code=cls.code, x=x, y=y,
                    reported_at=at, reporter_id=actor.id,
                    description=str(inputs.get("description") or "").strip(),
                    address=str(inputs.get("address") or "").strip(), location=loc,
                    component_code=component_code,
                    reporter_contact=str(inputs.get("contact") or "").strip(),
                    external_id=external_id)
        first = _stamp(wf.open_case(case, actor), history)
        case = uow.cases.add(case)
        events = seal_new([replace(first, case_id=case.id)])
        uow.cases.add_event(events[0])
        if photos:
            uow.cases.attach_photos(case.stored_id, 1, photos, Action.REPORT.value)
        original = best_original(x, y, at, candidates, policy)
        if original is not None and policy.auto_link:
            system = actor_for(uow, SYSTEM, at)
            ev = _stamp(wf.act(case, Action.REJECT, system, at,
                               reason_code=RejectReason.DUPLICATE.value,
                               note=f"与案件 {original.number} 重复 (duplicate of "
                                    f"{original.number})", duplicate_of=original.case_id),
                        history)
            seal_new([ev], events[0].hash)
            uow.cases.update(case, expected_version=1)
            uow.cases.add_event(ev)
            events.append(ev)
        uow.commit()
    return Outcome(case, events, original if policy.auto_link else None,
                   list(candidates) if not policy.auto_link else [])


def _responsible(uow: UnitOfWork, kind: AssignmentKind, target: str | None,
                 at: datetime) -> int | None:
    if not target:
        return None
    a = uow.people.responsible(kind.value, target, at)
    return a.person_id if a else None


# ---- dispatch suggestions ----------------------------------------------------------------

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


def dispatch_suggestions(uow: UnitOfWork, ref: int | str,
                         at: datetime | None = None) -> list[Suggestion]:
    with uow:
        case, _, _ = load(uow, ref, strict=False)
        return suggestions(uow, case, at or uow.now())


def parse_assignee(value: Any) -> tuple[str, str] | None:
    """("department", code) / ("road_chief", username) from a tuple or "kind:key" text."""
    if value is None or value == "":
        return None
    if isinstance(value, Assignee):
        return None
    if isinstance(value, str):
        if ":" not in value:
            raise InvalidInput(f"dispatch to {value!r}: say department:CODE or road_chief:USER")
        value = tuple(value.split(":", 1))
    kind, key = value
    if kind not in ("department", "road_chief"):
        raise InvalidInput(f"dispatch to a department or a road_chief, not a {kind}")
    return kind, key


def _assignee(uow: UnitOfWork, case: Case, at: datetime, value: Any) -> Assignee:
    if isinstance(value, Assignee):
        return value
    parsed = parse_assignee(value)
    if parsed and parsed[0] == "department":
        info = uow.people.department_by_code(parsed[1])
        if info is None:
            raise NotFound(f"no department with code {parsed[1]!r}", value=parsed[1], why="no_department")
        return Assignee(department_id=info.id)
    if parsed:
        person = uow.people.by_username(parsed[1])
        if Role.ROAD_CHIEF not in person.roles:
            raise InvalidInput(f"{parsed[1]} is not a road chief", value=parsed[1], why="not_road_chief")
        segments, _ = uow.people.scope(person.id, at)
        if case.location.segment_id not in segments:
            raise InvalidInput(f"case {case.number} is not on a segment of road chief "
                               f"{parsed[1]}", value=parsed[1], why="not_chiefs_segment", case=case.number)
        return Assignee(department_id=person.department_id, person_id=person.id)
    ranked = suggestions(uow, case, at)
    if not ranked:
        raise InvalidInput(f"case {case.number}: no department or road chief is responsible; "
                           "name one", case=case.number, why="no_unit")
    return ranked[0].assignee


# ---- reading a case ------------------------------------------------------------------------

@dataclass(frozen=True)
class CaseView:
    """A case with its audit trail and what the viewing user may do next."""

    case: Case
    events: list[CaseEvent]
    allowed: list[Action]
    photos: list[tuple[int, str, str]]


def view(uow: UnitOfWork, username: str | None, ref: int | str,
         at: datetime | None = None) -> CaseView:
    with uow:
        at = at or uow.now()
        case, events, trail = load(uow, ref, strict=False)
        allowed = wf.allowed_actions(case, actor_for(uow, username, at)) \
            if username and trail is not None else []
        return CaseView(case, events, allowed, uow.photos.for_case(case.stored_id))
