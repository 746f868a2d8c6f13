"""A migration's clean timelines: checked by their shape, their rows built column-wise.

A case's shape is the sequence of its actions. The one transition table is asked once per
shape (each step's rule and states; the acting role once per rule and person); the times of
all steps are checked at once (plausible bounds, never backwards); each case then goes
straight into the case and audit columns, without a `Case` or a `CaseEvent`, and the audit
rows are sealed in one loop over their canonical texts. Only the actions of the usual loop
are built here (report … close, reply, visit); a case this path does not vouch for —
another action, an input it does not build, a time out of bounds or order, anything the
table or an action would refuse — goes through the engine one event at a time
(`history._one`) in its place, so every refusal and its message is the engine's own.
tests/io/test_history.py compares both paths row for row.

Hot loops avoid `Enum.value` and enum-keyed dicts (both run Python code per call in 3.11):
members are compared by identity and their text read from `_value_`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

import numpy as np
import pandas as pd

from ..domain import workflow as wf
from ..domain.actions import REPORT_ROLES, Action
from ..domain.audit import canonical, canonical_json, json_text, row_texts, seal_texts
from ..domain.calendar import WorkCalendar
from ..domain.case import Case, CaseEvent, CaseState, Satisfaction, case_number
from ..domain.catalog import Catalog, TimeLimit
from ..domain.errors import DomainError
from ..domain.people import Actor, AssignmentKind, Person, Role
from ..domain.places import LocatedPoints
from ..domain.work_index import WorkIndex

# the actions built here and the inputs each may carry (None: it reads none); a department
# is taken off every step's inputs (only a dispatch uses it)
_INPUTS: dict[Action, frozenset[str] | None] = {
    Action.REGISTER: frozenset({"note", "department"}),
    Action.DISPATCH: frozenset({"note", "department"}),
    Action.SIGN: None,
    Action.RECTIFY: frozenset({"note", "department"}),
    Action.VERIFY_PASS: frozenset({"note", "department"}),
    Action.CLOSE: frozenset({"note", "department"}),
    Action.REPLY: frozenset({"note", "department"}),
    Action.VISIT: frozenset({"satisfaction", "note", "department"})}
NO_TEXT = "（历史记录，无说明）"  # a required text the old system did not keep (as `_one`)
_SATISFACTION = {s.value: s.value for s in Satisfaction}
_ROAD, _CELL = AssignmentKind.ROAD_CHIEF_SEGMENT.value, AssignmentKind.GRID_WORKER_CELL.value
_REGISTER, _DISPATCH, _SIGN, _RECTIFY = (Action.REGISTER, Action.DISPATCH, Action.SIGN,
                                         Action.RECTIFY)
_VERIFY, _CLOSE, _REPLY = Action.VERIFY_PASS, Action.CLOSE, Action.REPLY
_HANDLED = frozenset({Action.SIGN.value, Action.RECTIFY.value})  # by the department's handler
_ACCEPTOR = Role.ACCEPTOR
_FAR = 1e300  # a finite coordinate: written by float's repr, as JSON writes it


@dataclass
class Plan:
    """The table's answer for one shape: per step after the report, its action, rule and
    states (the acting role follows from the rule and the roles of whoever acted)."""

    actions: tuple[Action, ...]
    rules: tuple[wf.Rule, ...]
    names: tuple[str, ...]                   # action values, the audit column
    states_before: tuple[str | None, ...]
    states_after: tuple[str, ...]
    final: str
    inputs: tuple[frozenset[str] | None, ...]  # what each step after the report may carry
    handled: tuple[bool, ...]                # a step of the department's handler
    dispatch: int | None                     # which step after the report dispatches


def plan(shape: tuple[Action, ...]) -> Plan | None:
    """The shape's steps through the table, or None when this path does not build it (an
    action it does not know, a step the table refuses, a second reply or visit, a visit
    before a reply: the engine says why, case by case)."""
    if not shape or shape[0] is not Action.REPORT:
        return None
    rest = shape[1:]
    if any(a not in _INPUTS for a in rest) or rest.count(Action.REPLY) > 1 \
            or rest.count(Action.VISIT) > 1 or (Action.VISIT in rest and (
                Action.REPLY not in rest or rest.index(Action.VISIT) < rest.index(Action.REPLY))):
        return None
    state = CaseState.REPORTED
    rules, before, after = [], [], []
    for action in rest:
        rule = wf.rule_for(state, action)
        if rule is None:
            return None
        before.append(state)
        state = rule.to or state
        rules.append(rule)
        after.append(state)
    return Plan(
        shape, tuple(rules), tuple(a.value for a in shape),
        (None, *(s.value for s in before)), (CaseState.REPORTED.value, *(s.value for s in after)),
        state.value, tuple(_INPUTS[a] for a in rest), tuple(a.value in _HANDLED for a in rest),
        rest.index(Action.DISPATCH) if Action.DISPATCH in rest else None)


def acting_role(rule: wf.Rule, roles: frozenset[Role]) -> Role | None:
    """The role `wf.check` finds for someone holding `roles` on a case dispatched to a
    department (None: none of the rule's roles, the engine refuses)."""
    held = [r for r in rule.roles if r in roles]
    if not held:
        return None
    if rule.by_assignee:  # the handler of the department the case is dispatched to
        return Role.DEPT_HANDLER if Role.DEPT_HANDLER in held else held[0]
    return held[0]


def times_in_order(cases: Sequence[Any], first: datetime, last: datetime) -> np.ndarray:
    """Per case: every step between `first` and `last` and none before the one before it,
    checked over all steps at once (False where the engine is to say what is wrong). The
    times are taken apart by pandas: numpy's own conversion of datetime objects costs
    fifteen times more than the checks."""
    counts = np.fromiter((len(c.steps) for c in cases), np.int64, len(cases))
    nonempty = counts > 0
    if not nonempty.any():
        return nonempty
    try:
        index = pd.DatetimeIndex([s.at for c in cases for s in c.steps])
        if index.tz is not None:
            raise TypeError("aware times")
        at = index.as_unit("us").asi8
        lo, hi = pd.DatetimeIndex([first, last]).as_unit("us").asi8
    except (TypeError, ValueError):  # times pandas does not take: the engine's to judge
        return np.zeros(len(cases), bool)
    starts = (np.cumsum(counts) - counts)[nonempty]
    good = ((at >= lo) & (at <= hi)).astype(np.int64)
    backwards = np.zeros(len(at), np.int64)
    backwards[1:] = at[1:] < at[:-1]
    backwards[starts] = 0  # a case's first step follows nothing
    ok = np.zeros(len(cases), bool)
    ok[nonempty] = (np.add.reduceat(good, starts) == counts[nonempty]) \
        & (np.add.reduceat(backwards, starts) == 0)
    return ok


# the case columns this path fills, in the order of its rows (the writer checks that they
# are the store's columns)
CASE_FIELDS = (
    "id", "source", "kind", "class_code", "catalog_version", "description", "address", "x", "y",
    "cell_code", "community_code", "street_code", "segment_id", "segment_distance",
    "road_chief_id", "grid_worker_id", "component_code", "reporter_id", "reporter_contact",
    "external_id", "state", "version", "reported_at", "registered_at", "dispatched_at",
    "signed_at", "rectified_at", "verified_at", "closed_at", "assignee_department_id",
    "assignee_person_id", "last_department_id", "last_person_id", "time_limit_minutes",
    "deadline_at", "warning_at", "suspended_remaining_minutes", "pending_extension_minutes",
    "rectifier_ids", "verifier_id", "reject_reason", "duplicate_of", "replied_at", "visited_at",
    "satisfaction", "return_count", "rework_count", "extension_count", "reopen_count",
    "supervision_count", "updated_at", "change_seq", "located_by", "locate_match",
    "locate_confidence")
EVENT_FIELDS = ("case_id", "seq", "action", "actor_id", "actor_role", "at", "from_state",
                "to_state", "reason", "data", "attachments")


@dataclass
class Columns:
    """The rows of a migration in the order the engine writes them: cases as tuples of
    `CASE_FIELDS` (None where the engine built the case: `engine` holds it with the time of
    its last row), audit rows column-wise; `bodies` holds the canonical text of the rows
    the engine built (None: a row built here, its text made from its columns when sealed)."""

    case_rows: list[tuple[Any, ...] | None]
    engine: dict[int, tuple[Case, datetime]]
    events: dict[str, list[Any]]
    bodies: list[str | None]
    numbers: list[str]                   # case numbers in order

    def sealed(self, progress: Callable[[int, int, str], None] | None = None
               ) -> dict[str, list[Any]]:
        """The audit columns with their hashes: each row's canonical text (`audit.canonical`)
        made from its columns, the recurring parts once per combination, then one loop that
        only hashes. `progress(done, total, "sealing audit rows")` between chunks, each
        starting at a case's first row (a chain never crosses two chunks)."""
        ev = self.events
        texts = row_texts
        n = len(ev["seq"])
        hashes: list[str] = []
        start = 0
        while start < n:
            if progress is not None:
                progress(start, n, "sealing audit rows")
            end = min(start + SEAL_CHUNK, n)
            while end < n and ev["seq"][end] != 1:
                end += 1
            made = iter([
                f"[{cid},{seq},{t[0]},{aid},{t[1]},\"{at.isoformat()}\",{t[2]},{t[3]},"
                f"{encode_basestring(r)},{d},[]]"
                for body, cid, seq, action, aid, role, at, before, after, r, d in zip(
                    self.bodies[start:end], ev["case_id"][start:end], ev["seq"][start:end],
                    ev["action"][start:end], ev["actor_id"][start:end],
                    ev["actor_role"][start:end], ev["at"][start:end],
                    ev["from_state"][start:end], ev["to_state"][start:end],
                    ev["reason"][start:end], ev["data"][start:end], strict=True) if body is None
                for t in (texts(action, role, before, after),)])
            bodies = [next(made) if body is None else body
                      for body in self.bodies[start:end]] if self.engine else list(made)
            hashes.extend(seal_texts(bodies, ev["seq"][start:end]))
            start = end
        self.bodies = []
        ev["hash"] = hashes
        return ev

    def add_engine(self, case: Case, events: list[CaseEvent]) -> None:
        """A case the engine built (event by event), appended in its place."""
        ev = self.events
        for e in events:
            ev["case_id"].append(e.case_id)
            ev["seq"].append(e.seq)
            ev["action"].append(e.action)
            ev["actor_id"].append(e.actor_id)
            ev["actor_role"].append(e.actor_role)
            ev["at"].append(e.at)
            ev["from_state"].append(e.from_state.value if e.from_state else None)
            ev["to_state"].append(e.to_state.value)
            ev["reason"].append(e.reason)
            ev["data"].append(canonical_json(e.data) if e.data else "{}")
            ev["attachments"].append(json.dumps(list(e.attachments)) if e.attachments
                                     else "[]")
            self.bodies.append(canonical(e).decode())
        self.engine[len(self.case_rows)] = (case, events[-1].at)
        self.case_rows.append(None)
        self.numbers.append(case_number(case.id or 0, case.reported_at))


SEAL_CHUNK = 50_000  # audit rows sealed between two progress reports


class Builder:
    """Builds the rows of clean cases straight into columns; `add` says False for a case it
    does not vouch for (the caller asks the engine)."""

    def __init__(self, people: Any, responsible: Callable[..., Any],
                 acting: Callable[[Action, str | None, int | None], Actor],
                 loc: LocatedPoints, departments: dict[str, int], catalog: Catalog,
                 calendar: WorkCalendar, warning_share: float, source: str, by: str) -> None:
        self.people, self.responsible, self.acting = people, responsible, acting
        self.loc, self.departments, self.catalog = loc, departments, catalog
        self.calendar, self.warning_share = calendar, warning_share
        self.clock = WorkIndex(calendar)  # the calendar's answers by look-up
        self.source, self.by = source, by
        self.source_json, self.by_json = json_text(source), json_text(by)
        self.plans: dict[tuple[str, ...], Plan | None] = {}
        self.roles: dict[tuple[int, int], str | None] = {}   # (rule, person) → acting role
        self.who: dict[tuple[str, str | None, int | None], Person] = {}
        self.casts: dict[tuple[Any, ...], tuple[list[int], list[str], int | None]] = {}
        self.origins: dict[tuple[Any, bool], str] = {}
        self.classes: dict[str, tuple[Any, str, str, TimeLimit | None]] = {}
        self.out = Columns([], {}, {k: [] for k in EVENT_FIELDS}, [], [])

    # -- the engine's answers, once per shape, rule and person ---------------------------
    def eligible(self, hc: Any) -> Plan | None:
        """The case's plan when this path builds it (decided before anyone is looked up,
        so the people a case names are met in the engine's order either way)."""
        steps = hc.steps
        shape = tuple([s.action._value_ for s in steps])
        if shape in self.plans:
            p = self.plans[shape]
        else:
            p = self.plans[shape] = plan(tuple(s.action for s in steps))
        if p is None or type(hc.description) is not str:
            return None
        for allowed, step in zip(p.inputs, steps[1:], strict=True):
            if allowed is not None and step.values and not allowed.issuperset(step.values):
                return None
        return p

    def _role(self, rule: wf.Rule | None, person: Person) -> str | None:
        key = (id(rule), person.id)
        role = self.roles.get(key, False)
        if role is False:
            found = acting_role(rule, person.roles) if rule is not None else next(
                (r for r in REPORT_ROLES if r in person.roles), None)
            role = self.roles[key] = found.value if found is not None else None
        return role  # type: ignore[return-value]

    def _person(self, action: Action, person: str | None, dept: int | None) -> Person:
        key = (action._value_, person, dept)
        found = self.who.get(key)
        if found is None:  # `acting` answers the same for the same key ever after
            found = self.who[key] = self.acting(action, person, dept).person
        return found

    def _cast(self, p: Plan, steps: Sequence[Any]) -> tuple[list[int], list[str],
                                                             int | None] | None:
        """Who did each step after the report, in which role, and the department the case
        was dispatched to; None where the engine refuses (a department the store does not
        know, someone the store holds in another role). Worked out step by step, people
        looked up in the engine's order, the first time a shape meets these names and this
        department; every later case of the same cast gets the same answer (the engine's
        look-ups are cached per name, role and department and never change)."""
        rest = steps[1:]
        code = rest[p.dispatch].values.get("department") if p.dispatch is not None else None
        key = (p.names, tuple([s.person for s in rest]), code)
        found = self.casts.get(key)
        if found is not None:
            return found
        dept: int | None = None
        people: list[int] = []
        roles: list[str] = []
        for action, rule, handled, step in zip(p.actions[1:], p.rules, p.handled, rest,
                                               strict=True):
            if action is _DISPATCH:
                if not code or code not in self.departments:
                    return None
                dept = self.departments[code]
            person = self._person(action, step.person, dept if handled else None)
            role = self._role(rule, person)
            if role is None:
                return None
            people.append(person.id)
            roles.append(role)
        found = self.casts[key] = (people, roles, dept)
        return found

    def _origin(self, step: Any) -> str:
        """The `migrated` stamp of a step as JSON (one per file row), keys sorted."""
        key = (step.row, step.inferred)
        text = self.origins.get(key)
        if text is None:
            if type(step.row) is int:  # as canonical_json writes it, without a dict
                text = (f'{{"by":{self.by_json},' + ('"inferred_time":true,' if step.inferred
                                                     else "")
                        + f'"row":{step.row},"source":{self.source_json}}}')
            else:
                stamp: dict[str, Any] = {"source": self.source, "row": step.row, "by": self.by}
                if step.inferred:
                    stamp["inferred_time"] = True
                text = canonical_json(stamp)
            self.origins[key] = text
        return text

    def _class(self, code: str) -> tuple[Any, str, str, TimeLimit | None]:
        found = self.classes.get(code)
        if found is None:
            cls = self.catalog[code]  # unknown: InvalidInput, as the engine says
            found = self.classes[code] = (cls, cls.code, cls.kind.value, cls.time_limit)
        return found

    # -- one case ------------------------------------------------------------------------
    def add(self, hc: Any, case_id: int, k: int, p: Plan) -> bool:
        """The case's rows appended, or False (nothing appended) where the engine is to
        decide; people are looked up in the engine's order, step by step."""
        try:
            return self._add(hc, case_id, k, p)
        except DomainError:  # someone the store holds in another role, a calendar error
            return False

    def _add(self, hc: Any, case_id: int, k: int, p: Plan) -> bool:  # noqa: C901, PLR0912, PLR0915
        loc = self.loc
        cell = loc.cell_code[k]
        if cell is None:
            return False
        cls, code, kind, time_limit = self._class(hc.class_code)
        steps = hc.steps
        report = steps[0]
        reported = report.at
        seg = loc.segment_code[k]
        chief = self.responsible(_ROAD, seg, reported) if seg else None
        worker = self.responsible(_CELL, cell, reported)
        reporter: Person = self.people.get(report.person, _ACCEPTOR, accept=REPORT_ROLES) \
            if report.person else self.people.desk(_ACCEPTOR)
        report_role = self._role(None, reporter)
        if report_role is None:
            return False
        source = hc.source._value_
        origins = self.origins
        origin = origins.get((report.row, report.inferred)) or self._origin(report)
        x, y, number = hc.x, hc.y, hc.number
        if type(x) is float and type(y) is float and type(number) is str and number \
                and -_FAR < x < _FAR and -_FAR < y < _FAR:
            # `open_case`'s data with the stamp, keys sorted, as canonical_json writes it
            report_data = (f'{{"class":{encode_basestring(code)},"external_id":'
                           f'{encode_basestring(number)},"migrated":{origin},"source":'
                           f'{encode_basestring(source)},"x":{float.__repr__(x)},'
                           f'"y":{float.__repr__(y)}}}')
        else:
            data: dict[str, Any] = {"source": source, "class": code, "x": x, "y": y}
            if number:
                data["external_id"] = number
            data["migrated"] = json.loads(origin)
            report_data = canonical_json(data)
        cast = self._cast(p, steps)
        if cast is None:
            return False
        people, step_roles, dept = cast
        actors = [reporter.id, *people]
        roles = [report_role, *step_roles]
        reasons = [hc.description]
        datas = [report_data]
        registered = dispatched = signed = rectified = verified = closed = None
        replied = visited = satisfaction = deadline = warning = None
        minutes = catalog_version = verifier = None
        rectifier: int | None = None  # one rectify at most in a shape built here
        citizen = hc.source.citizen_facing
        cal = self.clock
        for action, person, step in zip(p.actions[1:], people, steps[1:], strict=True):
            at, values = step.at, step.values
            origin = origins.get((step.row, step.inferred)) or self._origin(step)
            note = values.get("note") if values else None
            reason = "" if note is None else str(note).strip()
            if action is _REGISTER:
                registered = at
                text = f'{{"migrated":{origin}}}'
            elif action is _DISPATCH:
                if hc.deadline is not None:  # the record's own deadline
                    if hc.deadline < at:
                        return False
                    minutes = round(cal.working_minutes_between(at, hc.deadline))
                    deadline, limit = hc.deadline, f"{minutes} min"
                elif time_limit is None:  # as the engine's Context allows
                    return False
                else:
                    minutes = time_limit.working_minutes(cal.minutes_per_day)
                    deadline, limit = cal.add_working_minutes(at, minutes), str(time_limit)
                warning = cal.add_working_minutes(at, minutes * self.warning_share)
                dispatched, signed, catalog_version = at, None, self.catalog.version
                text = _dispatch_json(dept, limit, deadline, catalog_version, origin)
            elif action is _SIGN:
                signed, reason = at, ""
                text = f'{{"migrated":{origin}}}'
            elif action is _RECTIFY:
                reason = str(note).strip() if note else NO_TEXT
                if not reason:
                    return False
                rectified, rectifier = at, person
                on_time = deadline is None or at <= deadline
                text = f'{{"migrated":{origin},"on_time":{"true" if on_time else "false"}}}'
            elif action is _VERIFY:
                if person == rectifier:  # 监管分离
                    return False
                verified, verifier = at, person
                text = f'{{"migrated":{origin}}}'
            elif action is _CLOSE:
                on_time = deadline is None or (rectified or at) <= deadline
                closed = at
                text = f'{{"migrated":{origin},"on_time":{"true" if on_time else "false"}}}'
            elif action is _REPLY:
                reason = str(note).strip() if note else NO_TEXT
                if not citizen or not reason:
                    return False
                replied = at
                text = f'{{"migrated":{origin}}}'
            else:  # VISIT
                raw = values.get("satisfaction") or ""
                satisfaction = _SATISFACTION.get(raw) if isinstance(raw, str) else None
                if not citizen or satisfaction is None:
                    return False
                visited = at
                text = f'{{"migrated":{origin},"satisfaction":{json_text(satisfaction)}}}'
            reasons.append(reason)
            datas.append(text)
        self._append(case_id, p, steps, actors, roles, reasons, datas)
        # CASE_FIELDS' order; what `store.cases.case_to_row` makes of the engine's case
        self.out.case_rows.append((
            case_id, source, kind, code, catalog_version, hc.description, hc.address, hc.x,
            hc.y, cell, cell[:12], cell[:9], loc.segment_id[k], loc.segment_distance[k],
            chief.person_id if chief else None, worker.person_id if worker else None, None,
            reporter.id, hc.contact, hc.number, p.final, len(steps), reported, registered,
            dispatched, signed, rectified, verified, closed, dept, None, dept, None, minutes,
            deadline, warning, None, None, "" if rectifier is None else str(rectifier),
            verifier, None, None, replied, visited, satisfaction, 0, 0, 0, 0, 0, steps[-1].at,
            None, None, None, None))
        self.out.numbers.append(case_number(case_id, reported))
        return True

    def _append(self, case_id: int, p: Plan, steps: Sequence[Any], actors: list[int],
                roles: list[str], reasons: list[str], datas: list[str]) -> None:
        ev, n = self.out.events, len(p.names)
        times = [s.at for s in steps]
        ev["case_id"].extend([case_id] * n)
        ev["seq"].extend(range(1, n + 1))
        ev["action"].extend(p.names)
        ev["actor_id"].extend(actors)
        ev["actor_role"].extend(roles)
        ev["at"].extend(times)
        ev["from_state"].extend(p.states_before)
        ev["to_state"].extend(p.states_after)
        ev["reason"].extend(reasons)
        ev["data"].extend(datas)
        ev["attachments"].extend(["[]"] * n)
        self.out.bodies.extend([None] * n)  # made from the columns when sealed

    def add_engine(self, case: Case, events: list[CaseEvent]) -> None:
        """A case the engine built (event by event), appended in its place."""
        self.out.add_engine(case, events)


def _dispatch_json(dept: int | None, limit: str, deadline: datetime,
                   catalog_version: int | None, origin: str) -> str:
    """A dispatch's data as canonical JSON (keys sorted), the stamp given as JSON."""
    head, middle, end = _dispatch_parts(dept, limit, catalog_version)
    return f'{head}{deadline.isoformat(timespec="minutes")}{middle}{origin}{end}'


@functools.lru_cache(maxsize=4096)
def _dispatch_parts(dept: int | None, limit: str, catalog_version: int | None
                    ) -> tuple[str, str, str]:
    """The parts of a dispatch's JSON around its deadline and stamp, once per department,
    time limit and catalog version (a migration meets few combinations)."""
    return (f'{{"catalog_version":{json_text(catalog_version)},"deadline_at":"',
            f'","department_id":{json_text(dept)},"migrated":',
            f',"person_id":null,"time_limit":{encode_basestring(limit)}}}')
