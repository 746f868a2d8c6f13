"""The closed loop: one transition table, checked against the actor's role and scope.

A case changes only through `perform` (and the named actions built on it); each call
checks the table, the role, the scope and 监管分离, then mutates the case and returns the
audit event. Nothing is changed when a check fails.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from .calendar import WorkCalendar
from .case import (
    Assignee,
    Case,
    CaseEvent,
    CaseState,
    RejectReason,
    Satisfaction,
)
from .catalog import TimeLimit
from .errors import (
    IllegalTransition,
    InvalidInput,
    OutOfScope,
    PermissionDenied,
    SeparationOfDuties,
)
from .people import Actor, Role
from .places import LocatedBy, Location

S = CaseState
R = Role


class Action(StrEnum):
    REPORT = "report"                          # 上报
    REGISTER = "register"                      # 立案
    REJECT = "reject"                          # 不予立案/作废
    DISPATCH = "dispatch"                      # 派遣
    SIGN = "sign"                              # 签收
    RETURN = "return"                          # 退回
    RECTIFY = "rectify"                        # 处置反馈
    VERIFY_PASS = "verify_pass"                # 核查通过
    VERIFY_FAIL = "verify_fail"                # 核查不通过 → 返工
    CLOSE = "close"                            # 结案
    REQUEST_EXTENSION = "request_extension"    # 申请延期
    APPROVE_EXTENSION = "approve_extension"    # 批准延期
    DENY_EXTENSION = "deny_extension"          # 驳回延期
    REQUEST_SUSPENSION = "request_suspension"  # 申请挂账
    APPROVE_SUSPENSION = "approve_suspension"  # 批准挂账
    DENY_SUSPENSION = "deny_suspension"        # 驳回挂账
    RESUME = "resume"                          # 恢复处置 (解除挂账)
    REOPEN = "reopen"                          # 回头看: 重新立案
    REINSPECT = "reinspect"                    # 回头看: 复查合格
    REPLY = "reply"                            # 回告
    VISIT = "visit"                            # 回访
    SUPERVISE = "supervise"                    # 督办
    PLACE = "place"                            # 标定位置 (待定位 → a point on the map)

    @property
    def label_zh(self) -> str:
        return ACTION_LABELS_ZH[self]


ACTION_LABELS_ZH = {
    Action.REPORT: "上报", Action.REGISTER: "立案", Action.REJECT: "不予立案",
    Action.DISPATCH: "派遣", Action.SIGN: "签收", Action.RETURN: "退回",
    Action.RECTIFY: "处置反馈", Action.VERIFY_PASS: "核查通过", Action.VERIFY_FAIL: "核查不通过(返工)",
    Action.CLOSE: "结案", Action.REQUEST_EXTENSION: "申请延期", Action.APPROVE_EXTENSION: "批准延期",
    Action.DENY_EXTENSION: "驳回延期", Action.REQUEST_SUSPENSION: "申请挂账",
    Action.APPROVE_SUSPENSION: "批准挂账", Action.DENY_SUSPENSION: "驳回挂账",
    Action.RESUME: "解除挂账", Action.REOPEN: "回头看·重新立案", Action.REINSPECT: "回头看·复查合格",
    Action.REPLY: "回告", Action.VISIT: "回访", Action.SUPERVISE: "督办",
    Action.PLACE: "标定位置",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the transition table. `to` None means the state stays (a recorded act)."""

    action: Action
    sources: frozenset[CaseState]
    to: CaseState | None
    roles: tuple[Role, ...]
    by_assignee: bool = False  # only the unit the case is dispatched to


_OPEN_WORK = frozenset({S.REGISTERED, S.DISPATCHED, S.RETURNED, S.IN_PROGRESS,
                        S.EXTENSION_PENDING, S.SUSPENSION_PENDING, S.SUSPENDED, S.RECTIFIED})
_REPLIABLE = frozenset({S.REJECTED, S.VERIFIED, S.CLOSED})
_CLERKS = (R.ACCEPTOR, R.SHIFT_LEADER)
_HANDLERS = (R.DEPT_HANDLER, R.ROAD_CHIEF)

TABLE: tuple[Rule, ...] = (
    Rule(Action.REGISTER, frozenset({S.REPORTED}), S.REGISTERED, _CLERKS),
    Rule(Action.REJECT, frozenset({S.REPORTED}), S.REJECTED, _CLERKS),
    Rule(Action.REJECT, frozenset({S.REGISTERED, S.RETURNED}), S.REJECTED, (R.SHIFT_LEADER,)),
    Rule(Action.DISPATCH, frozenset({S.REGISTERED, S.RETURNED}), S.DISPATCHED,
         (R.DISPATCHER, R.SHIFT_LEADER)),
    Rule(Action.SIGN, frozenset({S.DISPATCHED}), S.IN_PROGRESS, _HANDLERS, by_assignee=True),
    Rule(Action.RETURN, frozenset({S.DISPATCHED}), S.RETURNED, _HANDLERS, by_assignee=True),
    Rule(Action.RECTIFY, frozenset({S.IN_PROGRESS}), S.RECTIFIED, _HANDLERS, by_assignee=True),
    Rule(Action.REQUEST_EXTENSION, frozenset({S.IN_PROGRESS}), S.EXTENSION_PENDING, _HANDLERS,
         by_assignee=True),
    Rule(Action.APPROVE_EXTENSION, frozenset({S.EXTENSION_PENDING}), S.IN_PROGRESS,
         (R.DISPATCHER, R.SHIFT_LEADER, R.LEADER)),
    Rule(Action.DENY_EXTENSION, frozenset({S.EXTENSION_PENDING}), S.IN_PROGRESS,
         (R.DISPATCHER, R.SHIFT_LEADER, R.LEADER)),
    Rule(Action.REQUEST_SUSPENSION, frozenset({S.IN_PROGRESS}), S.SUSPENSION_PENDING, _HANDLERS,
         by_assignee=True),
    Rule(Action.APPROVE_SUSPENSION, frozenset({S.SUSPENSION_PENDING}), S.SUSPENDED,
         (R.SHIFT_LEADER, R.LEADER)),
    Rule(Action.DENY_SUSPENSION, frozenset({S.SUSPENSION_PENDING}), S.IN_PROGRESS,
         (R.SHIFT_LEADER, R.LEADER)),
    Rule(Action.RESUME, frozenset({S.SUSPENDED}), S.IN_PROGRESS,
         (R.DISPATCHER, R.SHIFT_LEADER, R.LEADER)),
    Rule(Action.VERIFY_PASS, frozenset({S.RECTIFIED}), S.VERIFIED, (R.GRID_WORKER,)),
    Rule(Action.VERIFY_FAIL, frozenset({S.RECTIFIED}), S.IN_PROGRESS, (R.GRID_WORKER,)),
    Rule(Action.CLOSE, frozenset({S.VERIFIED}), S.CLOSED, (R.SHIFT_LEADER,)),
    Rule(Action.REOPEN, frozenset({S.CLOSED}), S.REGISTERED,
         (R.GRID_WORKER, R.SHIFT_LEADER, R.LEADER)),
    Rule(Action.REINSPECT, frozenset({S.CLOSED}), None, (R.GRID_WORKER, R.SHIFT_LEADER, R.LEADER)),
    Rule(Action.REPLY, _REPLIABLE, None, _CLERKS),
    Rule(Action.VISIT, frozenset({S.CLOSED}), None, _CLERKS),
    Rule(Action.SUPERVISE, _OPEN_WORK, None, (R.LEADER, R.SHIFT_LEADER)),
    # before a unit holds it, the command room may (re)place a case: one without a position
    # (待定位) or one whose address gave only a rough point
    Rule(Action.PLACE, frozenset({S.REPORTED, S.REGISTERED, S.RETURNED}), None,
         (R.ACCEPTOR, R.SHIFT_LEADER, R.DISPATCHER)),
)

REPORT_ROLES = (R.GRID_WORKER, R.ROAD_CHIEF, R.ACCEPTOR, R.SHIFT_LEADER, R.LEADER)

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
            case=case.number, action=rule.action.value, user=actor.person.username)
    if rule.by_assignee:
        if not is_assignee(case, actor):
            raise OutOfScope(f"case {case.number} is not dispatched to {actor.person.username}",
                             case=case.number, action=rule.action.value,
                             user=actor.person.username)
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
            case=case.number, action=action.value, state=case.state.value)
    role = _acting_role(case, rule, actor)
    if role is R.ROAD_CHIEF and case.location.segment_id not in actor.segment_ids \
            and not (case.assignee and case.assignee.person_id == actor.id):
        raise OutOfScope(f"case {case.number} is not on a segment of road chief "
                         f"{actor.person.username}", case=case.number, action=action.value,
                         user=actor.person.username)
    if action in (Action.VERIFY_PASS, Action.VERIFY_FAIL) and actor.id in case.rectifier_ids:
        raise SeparationOfDuties(
            f"case {case.number}: {actor.person.username} rectified this case and may not "
            "verify it (监管分离)", case=case.number, user=actor.person.username)
    return rule, role


def allowed_actions(case: Case, actor: Actor) -> list[Action]:
    """Exactly the actions `actor` may take on `case` now (drives the UI's buttons)."""
    result = []
    for (state, action) in _BY_KEY:
        if state != case.state:
            continue
        try:
            check(case, action, actor)
            _check_preconditions(case, action)
        except (IllegalTransition, PermissionDenied, OutOfScope, SeparationOfDuties,
                InvalidInput):
            continue
        result.append(action)
    return result


def _check_preconditions(case: Case, action: Action) -> None:
    if action is Action.DISPATCH and not case.placed:
        raise InvalidInput(f"case {case.number} has no position yet (待定位): place it on the "
                           "map before dispatching it", case=case.number)
    if action is Action.PLACE and case.placed and case.located_by is None:
        raise InvalidInput(f"case {case.number} was reported with its own point; only a case "
                           "located from its address, or not yet, is placed on the map",
                           case=case.number)
    if action in (Action.REPLY, Action.VISIT) and not case.source.citizen_facing:
        raise InvalidInput(f"case {case.number} came from {case.source.value}: only citizen "
                           "cases get a reply and a return visit", case=case.number)
    if action is Action.REPLY and case.replied_at is not None:
        raise InvalidInput(f"case {case.number} was already replied to", case=case.number)
    if action is Action.VISIT:
        if case.replied_at is None:
            raise InvalidInput(f"case {case.number}: reply (回告) before the return visit",
                               case=case.number)
        if case.visited_at is not None:
            raise InvalidInput(f"case {case.number} already had its return visit",
                               case=case.number)


def perform(case: Case, action: Action, actor: Actor, at: datetime, *, reason: str = "",
            data: dict | None = None, attachments: Sequence[str] = (),
            effect=None) -> CaseEvent:
    """Check, then apply `effect(case)` and the state change; return the audit event."""
    rule, role = check(case, action, actor)
    _check_preconditions(case, action)
    if effect is not None:
        effect(case)  # effects validate their inputs before they assign anything
    before = case.state
    case.state = rule.to or before
    case.version += 1
    return CaseEvent(case.id, case.version, action.value, actor.id, role.value, at, before,
                     case.state, reason, dict(data or {}), tuple(attachments))


def _require(text: str, what: str, case: Case) -> str:
    if not text or not text.strip():
        raise InvalidInput(f"case {case.number}: {what} needs a reason", case=case.number)
    return text.strip()


# ---- named actions ------------------------------------------------------------------

def new_case(case: Case, actor: Actor) -> CaseEvent:
    """上报: a fresh case in REPORTED with its first audit row."""
    held = [r for r in REPORT_ROLES if r in actor.roles]
    if not held:
        raise PermissionDenied(f"{actor.person.username} may not report cases",
                               user=actor.person.username)
    if case.state is not S.REPORTED or case.version != 1:
        raise IllegalTransition("a new case starts in REPORTED at version 1")
    return CaseEvent(case.id, 1, Action.REPORT.value, actor.id, held[0].value, case.reported_at,
                     None, S.REPORTED, case.description,
                     {"source": case.source.value, "class": case.class_code})


def register(case: Case, actor: Actor, at: datetime, note: str = "") -> CaseEvent:
    def effect(c: Case) -> None:
        c.registered_at = at
    return perform(case, Action.REGISTER, actor, at, reason=note, effect=effect)


def reject(case: Case, actor: Actor, at: datetime, reason: RejectReason, note: str = "",
           duplicate_of: int | None = None) -> CaseEvent:
    if reason is RejectReason.DUPLICATE and duplicate_of is None:
        raise InvalidInput(f"case {case.number}: a duplicate must name its original",
                           case=case.number)
    if duplicate_of is not None and duplicate_of == case.id:
        raise InvalidInput(f"case {case.number} cannot duplicate itself", case=case.number)

    def effect(c: Case) -> None:
        c.reject_reason, c.duplicate_of = reason, duplicate_of
    return perform(case, Action.REJECT, actor, at, reason=note or reason.label_zh,
                   data={"reject_reason": reason.value, "duplicate_of": duplicate_of},
                   effect=effect)


def dispatch(case: Case, actor: Actor, at: datetime, assignee: Assignee, limit: TimeLimit,
             calendar: WorkCalendar, warning_share: float, catalog_version: int,
             note: str = "") -> CaseEvent:
    """派遣: hand the case to a unit with a deadline from the catalog limit and calendar."""
    if assignee.department_id is None and assignee.person_id is None:
        raise InvalidInput(f"case {case.number}: dispatch needs a department or a road chief",
                           case=case.number)
    minutes = limit.working_minutes(calendar.minutes_per_day)
    deadline = calendar.add_working_minutes(at, minutes)
    warning = calendar.add_working_minutes(at, minutes * warning_share)

    def effect(c: Case) -> None:
        c.assignee = c.last_assignee = assignee
        c.dispatched_at, c.signed_at = at, None
        c.time_limit_minutes, c.deadline_at, c.warning_at = minutes, deadline, warning
        c.catalog_version = catalog_version
    return perform(case, Action.DISPATCH, actor, at, reason=note, effect=effect, data={
        "department_id": assignee.department_id, "person_id": assignee.person_id,
        "time_limit": str(limit), "deadline_at": deadline.isoformat(timespec="minutes"),
        "catalog_version": catalog_version})


def sign(case: Case, actor: Actor, at: datetime) -> CaseEvent:
    def effect(c: Case) -> None:
        c.signed_at = at
    return perform(case, Action.SIGN, actor, at, effect=effect)


def return_case(case: Case, actor: Actor, at: datetime, reason: str) -> CaseEvent:
    """退回: the receiver says it is not theirs; back to the dispatcher."""
    reason = _require(reason, "return", case)

    def effect(c: Case) -> None:
        c.assignee = None
        c.deadline_at = c.warning_at = c.time_limit_minutes = None
        c.return_count += 1
    return perform(case, Action.RETURN, actor, at, reason=reason, effect=effect)


def rectify(case: Case, actor: Actor, at: datetime, note: str,
            photos: Sequence[str] = ()) -> CaseEvent:
    note = _require(note, "rectification report", case)

    def effect(c: Case) -> None:
        c.rectified_at = at
        c.rectifier_ids = c.rectifier_ids | {actor.id}
    on_time = case.deadline_at is None or at <= case.deadline_at
    return perform(case, Action.RECTIFY, actor, at, reason=note, attachments=photos,
                   data={"on_time": on_time}, effect=effect)


def verify(case: Case, actor: Actor, at: datetime, passed: bool, note: str = "",
           photos: Sequence[str] = ()) -> CaseEvent:
    """核查: pass → VERIFIED; fail → rework by the same unit, counted against it."""
    if passed:
        def effect(c: Case) -> None:
            c.verified_at, c.verifier_id = at, actor.id
        return perform(case, Action.VERIFY_PASS, actor, at, reason=note, attachments=photos,
                       effect=effect)
    note = _require(note, "failed verification", case)

    def effect_fail(c: Case) -> None:
        c.rework_count += 1
        c.rectified_at = None
    return perform(case, Action.VERIFY_FAIL, actor, at, reason=note, attachments=photos,
                   effect=effect_fail)


def close(case: Case, actor: Actor, at: datetime, note: str = "") -> CaseEvent:
    def effect(c: Case) -> None:
        c.closed_at = at
    # 按期结案: the fix that passed verification was reported by the deadline; the time the
    # command room then takes to verify and close is not the handling unit's delay
    on_time = case.deadline_at is None or (case.rectified_at or at) <= case.deadline_at
    return perform(case, Action.CLOSE, actor, at, reason=note, data={"on_time": on_time},
                   effect=effect)


def request_extension(case: Case, actor: Actor, at: datetime, extra: TimeLimit,
                      calendar: WorkCalendar, reason: str) -> CaseEvent:
    reason = _require(reason, "extension request", case)
    minutes = extra.working_minutes(calendar.minutes_per_day)

    def effect(c: Case) -> None:
        c.pending_extension_minutes = minutes
    return perform(case, Action.REQUEST_EXTENSION, actor, at, reason=reason, effect=effect,
                   data={"extra": str(extra), "extra_minutes": minutes})


def decide_extension(case: Case, actor: Actor, at: datetime, approve: bool,
                     calendar: WorkCalendar, warning_share: float, note: str = "") -> CaseEvent:
    if not approve:
        note = _require(note, "denied extension", case)

        def deny(c: Case) -> None:
            c.pending_extension_minutes = None
        return perform(case, Action.DENY_EXTENSION, actor, at, reason=note, effect=deny)
    extra = case.pending_extension_minutes or 0
    deadline = calendar.add_working_minutes(case.deadline_at or at, extra)

    def approve_effect(c: Case) -> None:
        c.time_limit_minutes = (c.time_limit_minutes or 0) + extra
        c.deadline_at = deadline
        c.warning_at = calendar.add_working_minutes(
            c.dispatched_at or at, c.time_limit_minutes * warning_share)
        c.pending_extension_minutes = None
        c.extension_count += 1
    return perform(case, Action.APPROVE_EXTENSION, actor, at, reason=note, effect=approve_effect,
                   data={"deadline_at": deadline.isoformat(timespec="minutes"),
                         "extra_minutes": extra})


def request_suspension(case: Case, actor: Actor, at: datetime, reason: str) -> CaseEvent:
    """挂账: the problem cannot be fixed now (waits for budget, planning…)."""
    return perform(case, Action.REQUEST_SUSPENSION, actor, at,
                   reason=_require(reason, "suspension request", case))


def decide_suspension(case: Case, actor: Actor, at: datetime, approve: bool,
                      calendar: WorkCalendar, note: str = "") -> CaseEvent:
    if not approve:
        return perform(case, Action.DENY_SUSPENSION, actor, at,
                       reason=_require(note, "denied suspension", case))
    remaining = max(0.0, calendar.working_minutes_between(at, case.deadline_at)) \
        if case.deadline_at else 0.0

    def effect(c: Case) -> None:
        c.suspended_remaining_minutes = remaining
    return perform(case, Action.APPROVE_SUSPENSION, actor, at, reason=note, effect=effect,
                   data={"remaining_minutes": round(remaining)})


def resume(case: Case, actor: Actor, at: datetime, calendar: WorkCalendar,
           warning_share: float, note: str = "") -> CaseEvent:
    """解除挂账: the deadline clock restarts with the working time that was left."""
    remaining = case.suspended_remaining_minutes or 0.0
    deadline = calendar.add_working_minutes(at, remaining)

    def effect(c: Case) -> None:
        c.deadline_at = deadline
        c.warning_at = calendar.add_working_minutes(at, remaining * warning_share)
        c.suspended_remaining_minutes = None
    return perform(case, Action.RESUME, actor, at, reason=note, effect=effect,
                   data={"deadline_at": deadline.isoformat(timespec="minutes")})


def reopen(case: Case, actor: Actor, at: datetime, reason: str) -> CaseEvent:
    """回头看 found the problem back: the case returns to dispatch, counted as reopened."""
    reason = _require(reason, "reopen", case)

    def effect(c: Case) -> None:
        c.reopen_count += 1
        c.assignee = None
        c.closed_at = c.verified_at = c.rectified_at = None
        c.verifier_id = None
        c.deadline_at = c.warning_at = c.time_limit_minutes = None
    return perform(case, Action.REOPEN, actor, at, reason=reason, effect=effect)


def reinspect(case: Case, actor: Actor, at: datetime, note: str = "",
              photos: Sequence[str] = ()) -> CaseEvent:
    return perform(case, Action.REINSPECT, actor, at, reason=note, attachments=photos)


def reply(case: Case, actor: Actor, at: datetime, note: str) -> CaseEvent:
    """回告: tell the citizen what was done."""
    note = _require(note, "reply", case)

    def effect(c: Case) -> None:
        c.replied_at = at
    return perform(case, Action.REPLY, actor, at, reason=note, effect=effect)


def visit(case: Case, actor: Actor, at: datetime, satisfaction: Satisfaction,
          note: str = "") -> CaseEvent:
    """回访: ask the citizen whether they are satisfied."""
    def effect(c: Case) -> None:
        c.visited_at, c.satisfaction = at, satisfaction
    return perform(case, Action.VISIT, actor, at, reason=note, effect=effect,
                   data={"satisfaction": satisfaction.value})


def supervise(case: Case, actor: Actor, at: datetime, note: str) -> CaseEvent:
    """督办: a leader's supervision order on a case that drags."""
    note = _require(note, "supervision order", case)

    def effect(c: Case) -> None:
        c.supervision_count += 1
    return perform(case, Action.SUPERVISE, actor, at, reason=note, effect=effect)


def place(case: Case, actor: Actor, at: datetime, x: float, y: float, location: Location,
          note: str = "") -> CaseEvent:
    """标定位置: the case gets its point (and the cell, segment and people there)."""
    if not location.inside_district:
        raise InvalidInput(f"case {case.number}: ({x:.1f}, {y:.1f}) lies outside every unit "
                           "grid cell of the district", case=case.number, x=x, y=y)
    previous = {"x": case.x, "y": case.y,
                "located_by": case.located_by.value if case.located_by else None,
                "match": case.locate_match or None}

    def effect(c: Case) -> None:
        c.x, c.y, c.location = x, y, location
        c.located_by, c.locate_confidence, c.locate_match = LocatedBy.MAP, 1.0, ""
    return perform(case, Action.PLACE, actor, at, reason=note, effect=effect, data={
        "x": round(x, 2), "y": round(y, 2), "cell_code": location.cell_code,
        "previous": previous})


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


def replay(events: Iterable[CaseEvent]) -> Replay:
    """Re-run the audit trail through the table; raise if any row does not follow."""
    state: CaseState | None = None
    seq = 0
    counts = dict.fromkeys(("returns", "reworks", "extensions", "reopens", "supervisions"), 0)
    rectifiers: set[int] = set()
    verifier: int | None = None
    for ev in events:
        seq += 1
        if ev.seq != seq:
            raise IllegalTransition(f"audit trail gap: expected row {seq}, found {ev.seq}")
        action = Action(ev.action)
        if state is None:
            if action is not Action.REPORT or ev.to_state is not S.REPORTED:
                raise IllegalTransition("audit trail must start with a report")
            state = S.REPORTED
            continue
        if ev.from_state is not state:
            raise IllegalTransition(f"audit row {seq} starts from {ev.from_state}, case was {state}")
        if rule_for(state, action) is None or target_state(state, action) is not ev.to_state:
            raise IllegalTransition(f"audit row {seq}: {action.value} from {state} "
                                    f"to {ev.to_state} is not in the table")
        state = ev.to_state
        key = {Action.RETURN: "returns", Action.VERIFY_FAIL: "reworks",
               Action.APPROVE_EXTENSION: "extensions", Action.REOPEN: "reopens",
               Action.SUPERVISE: "supervisions"}.get(action)
        if key:
            counts[key] += 1
        if action is Action.RECTIFY:
            rectifiers.add(ev.actor_id)
        elif action is Action.VERIFY_PASS:
            verifier = ev.actor_id
        elif action is Action.REOPEN:
            verifier = None
    if state is None:
        raise IllegalTransition("empty audit trail")
    return Replay(state, seq, counts["returns"], counts["reworks"], counts["extensions"],
                  counts["reopens"], counts["supervisions"], frozenset(rectifiers), verifier)


def with_id(event: CaseEvent, case_id: int) -> CaseEvent:
    return replace(event, case_id=case_id)
