"""The closed loop: one transition table (built from the action specs), checked against the
actor's role and scope.

A case changes only through `act` (and `open_case` for a report); each call checks the table,
the role, the scope and 监管分离, lets the action's spec prepare its change, then mutates the
case and returns the audit event. Nothing is changed when a check fails.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from .actions import (
    COUNT_FIELDS,
    REPORT_ROLES,
    SPECS,
    Action,
    ActionSpec,
    Context,
    Facts,
    Rule,
)
from .case import Case, CaseEvent, CaseState
from .errors import (
    DomainError,
    IllegalTransition,
    InvalidInput,
    OutOfScope,
    PermissionDenied,
    SeparationOfDuties,
)
from .people import Actor, Role

S = CaseState
R = Role

__all__ = ["Action", "ActionSpec", "Context", "Rule", "TABLE", "REPORT_ROLES", "act", "check",
           "allowed_actions", "open_case", "replay", "Replay", "rule_for", "target_state"]

TABLE: tuple[Rule, ...] = tuple(rule for spec in SPECS.values() for rule in spec.rules)

_BY_KEY: dict[tuple[CaseState, Action], Rule] = {}
for _rule in TABLE:
    for _state in _rule.sources:
        assert (_state, _rule.action) not in _BY_KEY, (_state, _rule.action)
        _BY_KEY[(_state, _rule.action)] = _rule


def rule_for(state: CaseState, action: Action) -> Rule | None:
    return _BY_KEY.get((state, action))


def target_state(state: CaseState, action: Action) -> CaseState:
    """The state `action` leads to from `state` (the table's answer, for replay)."""
    rule = _BY_KEY[(state, action)]
    return rule.to or state


def is_assignee(case: Case, actor: Actor) -> bool:
    a = case.assignee
    if a is None:
        return False
    if a.person_id is not None:
        return a.person_id == actor.id
    return actor.person.department_id == a.department_id and R.DEPT_HANDLER in actor.roles


def _acting_role(case: Case, rule: Rule, actor: Actor) -> Role:
    held = [role for role in rule.roles if role in actor.roles]
    if not held:
        raise PermissionDenied(
            f"case {case.number}: {rule.action.value} needs one of the roles "
            f"{', '.join(r.value for r in rule.roles)}; {actor.person.username} has "
            f"{', '.join(sorted(r.value for r in actor.roles)) or 'none'}",
            case=case.number, action=rule.action.value, user=actor.person.username, why="role")
    if rule.by_assignee:
        if not is_assignee(case, actor):
            raise OutOfScope(f"case {case.number} is not dispatched to {actor.person.username}",
                             case=case.number, action=rule.action.value,
                             user=actor.person.username, why="not_assignee")
        if case.assignee and case.assignee.person_id == actor.id and R.ROAD_CHIEF in held:
            return R.ROAD_CHIEF
        return held[0] if R.DEPT_HANDLER not in held else R.DEPT_HANDLER
    return held[0]


def check(case: Case, action: Action, actor: Actor) -> tuple[Rule, Role]:
    """The rule that allows `actor` to do `action` now, or the error saying why not."""
    rule = rule_for(case.state, action)
    if rule is None:
        allowed = sorted(a.value for (s, a) in _BY_KEY if s == case.state)
        raise IllegalTransition(
            f"case {case.number}: cannot {action.value} in state {case.state.value} "
            f"({case.state.label_zh}); allowed: {', '.join(allowed) or 'nothing'}",
            case=case.number, action=action.value, state=case.state.value, why="illegal")
    role = _acting_role(case, rule, actor)
    user = actor.person.username
    if role is R.ROAD_CHIEF and case.location.segment_id not in actor.segment_ids \
            and not (case.assignee and case.assignee.person_id == actor.id):
        raise OutOfScope(f"case {case.number} is not on a segment of road chief {user}",
                         case=case.number, action=action.value, user=user, why="not_own_segment")
    if action in (Action.VERIFY_PASS, Action.VERIFY_FAIL):
        if actor.id in case.rectifier_ids:
            raise SeparationOfDuties(
                f"case {case.number}: {user} rectified this case and may not verify it "
                "(监管分离)", case=case.number, user=user, why="separation")
        if case.location.cell_code not in actor.cell_codes \
                and case.assigned_verifier_id != actor.id:
            raise OutOfScope(
                f"case {case.number} lies in cell {case.location.cell_code or '(none)'}, not "
                f"one of {user}'s cells, and its verification was not assigned to {user} "
                "(a dispatcher can: assign-verifier)", case=case.number, user=user, why="not_own_cell", cell=case.location.cell_code)
    if SPECS[action].citizen_only and not case.source.citizen_facing:
        raise InvalidInput(f"case {case.number} came from {case.source.value}: only citizen "
                           "cases get a reply and a return visit", case=case.number, why="citizen_only")
    return rule, role


def allowed_actions(case: Case, actor: Actor, context: Context | None = None) -> list[Action]:
    """Exactly the actions `actor` may take on `case` now (drives the UI's buttons).

    An action is offered when the table, the role, the scope and the case's own facts allow
    it; what the user still has to type (a reason, a note) is asked for by the form.
    """
    result = []
    for (state, action) in _BY_KEY:
        if state != case.state:
            continue
        try:
            check(case, action, actor)
            _facts_allow(case, action)
        except DomainError:
            continue
        result.append(action)
    return result


def _facts_allow(case: Case, action: Action) -> None:
    """Preconditions that depend on the case's history, not on the inputs."""
    if action is Action.REPLY and case.replied_at is not None:
        raise InvalidInput(f"case {case.number} was already replied to", case=case.number, why="already_replied")
    if action is Action.VISIT and (case.replied_at is None or case.visited_at is not None):
        raise InvalidInput(f"case {case.number}: no return visit due", case=case.number, why="no_visit_due")
    if action is Action.DISPATCH and not case.placed:
        raise InvalidInput(f"case {case.number} has no position yet (待定位): place it on the "
                           "map before it is dispatched", case=case.number, why="unplaced")
    if action is Action.PLACE and case.placed and case.located_by is None:
        raise InvalidInput(f"case {case.number} was reported with its own point; only a case "
                           "located from its address, or not yet, is placed on the map",
                           case=case.number, why="own_point")


def act(case: Case, action: Action, actor: Actor, at: datetime, context: Context | None = None,
        **values: Any) -> CaseEvent:
    """Check, let the spec prepare its change, then apply it; return the audit event."""
    return perform(case, action, actor, at, context or Context(), values)


def perform(case: Case, action: Action, actor: Actor, at: datetime, context: Context,
            values: Mapping[str, Any]) -> CaseEvent:
    """`act` with the inputs as a mapping (the service entry's form)."""
    spec = SPECS[action]
    if spec.prepare is None:
        raise IllegalTransition(f"{action.value} does not act on an existing case")
    rule, role = check(case, action, actor)
    change = spec.prepare(case, actor, at, context, values)
    before = case.state
    if change.apply is not None:
        change.apply(case)
    if spec.counter:
        name = COUNT_FIELDS[spec.counter]
        setattr(case, name, getattr(case, name) + 1)
    case.state = rule.to or before
    case.version += 1
    return CaseEvent(case.id, case.version, action.value, actor.id, role.value, at, before,
                     case.state, change.reason, dict(change.data), tuple(change.attachments))


def report_role(actor: Actor) -> Role:
    """The role under which `actor` reports, or why they may not."""
    roles = actor.roles
    for r in REPORT_ROLES:  # the first one held, in the spec's order
        if r in roles:
            return r
    raise PermissionDenied(f"{actor.person.username} may not report cases",
                           user=actor.person.username, why="may_not_report")


def open_case(case: Case, actor: Actor) -> CaseEvent:
    """上报: a fresh case in REPORTED with its first audit row."""
    role = report_role(actor)
    if case.state is not S.REPORTED or case.version != 1:
        raise IllegalTransition("a new case starts in REPORTED at version 1")
    data = {"source": case.source.value, "class": case.class_code,
            "x": case.x, "y": case.y}
    if case.external_id:
        data["external_id"] = case.external_id
    return CaseEvent(case.id, 1, Action.REPORT.value, actor.id, role.value, case.reported_at,
                     None, S.REPORTED, case.description, data)


# ---- replay ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Replay:
    """What the audit trail alone says about a case."""

    state: CaseState
    version: int
    returns: int
    reworks: int
    extensions: int
    reopens: int
    supervisions: int
    rectifiers: frozenset[int]
    verifier_id: int | None
    assigned_verifier_id: int | None = None
    replied_at: datetime | None = None
    visited_at: datetime | None = None
    last_at: datetime | None = None
    last_hash: str = ""

    def apply_to(self, case: Case) -> None:
        """Set the case's trail-derived facts from the trail (never from editable columns)."""
        case.return_count, case.rework_count, case.extension_count = \
            self.returns, self.reworks, self.extensions
        case.reopen_count, case.supervision_count = self.reopens, self.supervisions
        case.rectifier_ids = self.rectifiers
        case.verifier_id, case.assigned_verifier_id = self.verifier_id, self.assigned_verifier_id
        case.replied_at, case.visited_at = self.replied_at, self.visited_at


_ACTIONS = {a.value: a for a in Action}  # a dict lookup is cheaper than Action(value)


def replay(events: Iterable[CaseEvent]) -> Replay:
    """Re-run the audit trail through the table; raise if any row does not follow."""
    state: CaseState | None = None
    seq = 0
    facts = Facts()
    last_at: datetime | None = None
    last_hash = ""
    for ev in events:
        seq += 1
        if ev.seq != seq:
            raise IllegalTransition(f"audit trail gap: expected row {seq}, found {ev.seq}")
        if last_at is not None and ev.at < last_at:
            raise IllegalTransition(f"audit row {seq} ({ev.action} at {ev.at:%Y-%m-%d %H:%M:%S})"
                                    f" is earlier than row {seq - 1} ({last_at:%Y-%m-%d %H:%M:%S})")
        last_at, last_hash = ev.at, ev.hash
        action = _ACTIONS.get(ev.action)
        if action is None:
            raise IllegalTransition(f"audit row {seq}: {ev.action!r} is no action")
        if state is None:
            if action is not Action.REPORT or ev.to_state is not S.REPORTED:
                raise IllegalTransition("audit trail must start with a report")
            state = S.REPORTED
            continue
        if ev.from_state is not state:
            raise IllegalTransition(f"audit row {seq} starts from {ev.from_state}, case was {state}")
        rule = _BY_KEY.get((state, action))
        if rule is None or (rule.to or state) is not ev.to_state:
            raise IllegalTransition(f"audit row {seq}: {action.value} from {state} "
                                    f"to {ev.to_state} is not in the table")
        state = ev.to_state
        spec = SPECS[action]
        if spec.counter:
            facts.counts[spec.counter] += 1
        if spec.trail:
            spec.trail(facts, ev)
    if state is None:
        raise IllegalTransition("empty audit trail")
    c = facts.counts
    return Replay(state, seq, c["returns"], c["reworks"], c["extensions"], c["reopens"],
                  c["supervisions"], frozenset(facts.rectifiers), facts.verifier_id,
                  facts.assigned_verifier_id, facts.replied_at, facts.visited_at, last_at,
                  last_hash)


def with_id(event: CaseEvent, case_id: int) -> CaseEvent:
    return replace(event, case_id=case_id)
