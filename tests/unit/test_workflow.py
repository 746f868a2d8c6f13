"""Every transition of the loop and every rule, on the pure domain (no store)."""

import copy
from datetime import datetime, timedelta

import pytest

from gridapp.domain import workflow as wf
from gridapp.domain.calendar import WorkCalendar
from gridapp.domain.case import (
    Assignee,
    Case,
    CaseState,
    DeadlineStatus,
    RejectReason,
    Satisfaction,
    Source,
)
from gridapp.domain.catalog import CaseKind, TimeLimit, TimeUnit
from gridapp.domain.errors import (
    IllegalTransition,
    InvalidInput,
    OutOfScope,
    PermissionDenied,
    SeparationOfDuties,
)
from gridapp.domain.people import Actor, Person, Role
from gridapp.domain.places import Location
from gridapp.domain.workflow import Action, Context

S = CaseState
CAL = WorkCalendar()
T0 = datetime(2026, 11, 2, 9, 0)  # a Monday
FOUR_HOURS = TimeLimit(4, TimeUnit.WORKING_HOURS)
SANITATION = 10


def actor(pid, *roles, dept=None, segments=(), cells=()):
    return Actor(Person(pid, f"user{pid}", f"用户{pid}", frozenset(roles), dept),
                 frozenset(segments), frozenset(cells))


CELL = "420102001001001"
CTX = Context(CAL, 0.8, TimeLimit(4, TimeUnit.WORKING_HOURS), 1)
WORKER = actor(1, Role.GRID_WORKER, cells=[CELL])
WORKER2 = actor(2, Role.GRID_WORKER, cells=[CELL])
ACCEPTOR = actor(3, Role.ACCEPTOR)
SHIFT = actor(4, Role.SHIFT_LEADER)
DISPATCHER = actor(5, Role.DISPATCHER)
HANDLER = actor(6, Role.DEPT_HANDLER, dept=SANITATION)
OTHER_HANDLER = actor(7, Role.DEPT_HANDLER, dept=99)
CHIEF = actor(8, Role.ROAD_CHIEF, segments=[100])
OTHER_CHIEF = actor(9, Role.ROAD_CHIEF, segments=[200])
LEADER = actor(10, Role.LEADER)
DUAL = actor(11, Role.GRID_WORKER, Role.DEPT_HANDLER, dept=SANITATION, cells=[CELL])


def new_case(source=Source.GRID_PATROL, segment=100):
    c = Case(source=source, kind=CaseKind.EVENT, class_code="E0102", x=0, y=0, reported_at=T0,
             reporter_id=WORKER.id, location=Location("420102001001001", "420102001001",
                                                      "420102001", segment, 5.0, CHIEF.id))
    c.id, c.number = 1, "202600000001"
    wf.open_case(c, WORKER)
    return c


TO_SANITATION = Assignee(department_id=SANITATION)


def dispatched(to=TO_SANITATION, **kw):
    c = new_case(**kw)
    wf.act(c, Action.REGISTER, ACCEPTOR, T0)
    wf.act(c, Action.DISPATCH, DISPATCHER, T0, CTX, assignee=to)
    return c


def in_progress(**kw):
    c = dispatched(**kw)
    wf.act(c, Action.SIGN, HANDLER, T0 + timedelta(minutes=10))
    return c


def rectified(by=HANDLER):
    c = dispatched()
    wf.act(c, Action.SIGN, by, T0)
    wf.act(c, Action.RECTIFY, by, T0 + timedelta(hours=1), note="已清运")
    return c


def test_report_creates_first_audit_row():
    c = Case(source=Source.HOTLINE_12345, kind=CaseKind.EVENT, class_code="E0102", x=0, y=0,
             reported_at=T0, reporter_id=ACCEPTOR.id)
    ev = wf.open_case(c, ACCEPTOR)
    assert (ev.seq, ev.from_state, ev.to_state, ev.action) == (1, None, S.REPORTED, "report")
    with pytest.raises(PermissionDenied):
        wf.open_case(Case(source=Source.GRID_PATROL, kind=CaseKind.EVENT, class_code="E0102", x=0,
                         y=0, reported_at=T0, reporter_id=HANDLER.id), HANDLER)


def test_register_and_reject_need_a_clerk():
    c = new_case()
    with pytest.raises(PermissionDenied):
        wf.act(c, Action.REGISTER, WORKER, T0)
    ev = wf.act(c, Action.REGISTER, ACCEPTOR, T0)
    assert c.state is S.REGISTERED and ev.actor_role == "acceptor" and c.version == 2
    c2 = new_case()
    wf.act(c2, Action.REJECT, SHIFT, T0, reason_code=RejectReason.INVALID, note="不属于城管问题")
    assert c2.state is S.REJECTED and c2.reject_reason is RejectReason.INVALID
    c3 = new_case()
    with pytest.raises(InvalidInput):
        wf.act(c3, Action.REJECT, ACCEPTOR, T0, reason_code=RejectReason.DUPLICATE)  # a duplicate must name its original
    assert c3.state is S.REPORTED and c3.version == 1


def test_dispatch_sets_deadline_and_warning_from_calendar():
    c = dispatched()
    assert c.state is S.DISPATCHED
    assert c.deadline_at == datetime(2026, 11, 2, 15, 0)  # 9:00 + 3h to noon + 1h after lunch
    assert c.warning_at == CAL.add_working_minutes(T0, 240 * 0.8)
    assert c.deadline_status(T0) is DeadlineStatus.NORMAL
    assert c.deadline_status(c.warning_at) is DeadlineStatus.WARNING
    assert c.deadline_status(c.deadline_at + timedelta(minutes=1)) is DeadlineStatus.OVERDUE
    registered = new_case()
    wf.act(registered, Action.REGISTER, ACCEPTOR, T0)
    with pytest.raises(PermissionDenied):
        wf.act(registered, Action.DISPATCH, ACCEPTOR, T0, CTX, assignee=Assignee(department_id=1))


def test_only_the_assignee_signs():
    c = dispatched()
    with pytest.raises(OutOfScope):
        wf.act(c, Action.SIGN, OTHER_HANDLER, T0)
    with pytest.raises(PermissionDenied):
        wf.act(c, Action.SIGN, WORKER, T0)
    wf.act(c, Action.SIGN, HANDLER, T0)
    assert c.state is S.IN_PROGRESS and c.signed_at == T0


def test_return_goes_back_to_the_dispatcher_with_a_reason():
    c = dispatched()
    with pytest.raises(InvalidInput):
        wf.act(c, Action.RETURN, HANDLER, T0, reason="  ")
    wf.act(c, Action.RETURN, HANDLER, T0, reason="非本部门职责")
    assert c.state is S.RETURNED and c.assignee is None and c.deadline_at is None
    assert c.return_count == 1 and c.last_assignee == Assignee(department_id=SANITATION)
    wf.act(c, Action.DISPATCH, DISPATCHER, T0, CTX, assignee=Assignee(department_id=99))
    assert c.state is S.DISPATCHED


def test_rectify_verify_close():
    c = rectified()
    assert c.state is S.RECTIFIED and c.rectifier_ids == {HANDLER.id}
    wf.act(c, Action.VERIFY_PASS, WORKER, T0 + timedelta(hours=2), note="现场已清理")
    assert c.state is S.VERIFIED and c.verifier_id == WORKER.id
    with pytest.raises(PermissionDenied):
        wf.act(c, Action.CLOSE, DISPATCHER, T0)
    ev = wf.act(c, Action.CLOSE, SHIFT, T0 + timedelta(hours=3))
    assert c.state is S.CLOSED and ev.data["on_time"] is True


def test_verify_fail_is_rework_for_the_same_unit():
    c = rectified()
    with pytest.raises(InvalidInput):
        wf.act(c, Action.VERIFY_FAIL, WORKER, T0, note="")  # a failed check needs a reason
    wf.act(c, Action.VERIFY_FAIL, WORKER, T0, note="垃圾仍有残留")
    assert c.state is S.IN_PROGRESS and c.rework_count == 1
    assert c.assignee == Assignee(department_id=SANITATION)
    wf.act(c, Action.RECTIFY, HANDLER, T0 + timedelta(hours=2), note="二次清运")
    wf.act(c, Action.VERIFY_PASS, WORKER2, T0 + timedelta(hours=3))
    assert c.state is S.VERIFIED


def test_whoever_rectified_never_verifies():
    c = rectified(by=DUAL)
    with pytest.raises(SeparationOfDuties) as e:
        wf.act(c, Action.VERIFY_PASS, DUAL, T0)
    assert "监管分离" in str(e.value)
    assert c.state is S.RECTIFIED and Action.VERIFY_PASS not in wf.allowed_actions(c, DUAL)
    assert Action.VERIFY_PASS in wf.allowed_actions(c, WORKER)


def test_extension_request_approve_deny():
    c = in_progress()
    before = c.deadline_at
    wf.act(c, Action.REQUEST_EXTENSION, HANDLER, T0, CTX, extra=TimeLimit(1, TimeUnit.WORKING_DAYS), reason="需采购配件")
    assert c.state is S.EXTENSION_PENDING and c.pending_extension_minutes == 420
    with pytest.raises(PermissionDenied):
        wf.act(c, Action.APPROVE_EXTENSION, HANDLER, T0, CTX)
    wf.act(c, Action.APPROVE_EXTENSION, LEADER, T0, CTX)
    assert c.state is S.IN_PROGRESS and c.extension_count == 1
    assert c.deadline_at == CAL.add_working_minutes(before, 420)
    wf.act(c, Action.REQUEST_EXTENSION, HANDLER, T0, CTX, extra=TimeLimit(2, TimeUnit.WORKING_HOURS), reason="再等等")
    wf.act(c, Action.DENY_EXTENSION, DISPATCHER, T0, CTX, note="理由不充分")
    assert c.state is S.IN_PROGRESS and c.extension_count == 1 and c.pending_extension_minutes is None


def test_suspension_stops_the_clock():
    c = in_progress()
    wf.act(c, Action.REQUEST_SUSPENSION, HANDLER, T0 + timedelta(hours=1), reason="等待专项资金")
    assert c.state is S.SUSPENSION_PENDING
    wf.act(c, Action.APPROVE_SUSPENSION, SHIFT, T0 + timedelta(hours=1), CTX)
    assert c.state is S.SUSPENDED
    # 4h limit from 9:00, suspended at 10:00: 3 working hours were left.
    assert c.suspended_remaining_minutes == pytest.approx(180)
    resumed_at = datetime(2026, 11, 20, 9, 0)
    wf.act(c, Action.RESUME, LEADER, resumed_at, CTX)
    assert c.state is S.IN_PROGRESS and c.deadline_at == datetime(2026, 11, 20, 12, 0)
    c2 = in_progress()
    wf.act(c2, Action.REQUEST_SUSPENSION, HANDLER, T0, reason="x")
    with pytest.raises(InvalidInput):
        wf.act(c2, Action.DENY_SUSPENSION, LEADER, T0, CTX, note="")
    wf.act(c2, Action.DENY_SUSPENSION, LEADER, T0, CTX, note="可以先处置")
    assert c2.state is S.IN_PROGRESS


def test_reopen_after_reinspection():
    c = rectified()
    wf.act(c, Action.VERIFY_PASS, WORKER, T0)
    wf.act(c, Action.CLOSE, SHIFT, T0)
    wf.act(c, Action.REINSPECT, WORKER2, T0 + timedelta(days=7), note="复查合格")
    assert c.state is S.CLOSED
    wf.act(c, Action.REOPEN, WORKER2, T0 + timedelta(days=14), reason="垃圾再次堆积")
    assert c.state is S.REGISTERED and c.reopen_count == 1 and c.closed_at is None
    assert c.assignee is None and c.last_assignee == Assignee(department_id=SANITATION)


def test_reply_and_visit_only_for_citizen_cases_in_order():
    c = rectified()
    wf.act(c, Action.VERIFY_PASS, WORKER, T0)
    wf.act(c, Action.CLOSE, SHIFT, T0)
    assert Action.REPLY not in wf.allowed_actions(c, ACCEPTOR)  # a patrol case: no citizen
    with pytest.raises(InvalidInput):
        wf.act(c, Action.REPLY, ACCEPTOR, T0, note="已处理")
    h = in_progress(source=Source.HOTLINE_12345)
    wf.act(h, Action.RECTIFY, HANDLER, T0, note="已清运")
    wf.act(h, Action.VERIFY_PASS, WORKER, T0)
    wf.act(h, Action.CLOSE, SHIFT, T0)
    with pytest.raises(InvalidInput):
        wf.act(h, Action.VISIT, ACCEPTOR, T0, satisfaction=Satisfaction.SATISFIED)  # visit comes after the reply
    wf.act(h, Action.REPLY, ACCEPTOR, T0, note="您反映的问题已处理")
    with pytest.raises(InvalidInput):
        wf.act(h, Action.REPLY, ACCEPTOR, T0, note="again")
    wf.act(h, Action.VISIT, ACCEPTOR, T0, satisfaction=Satisfaction.BASIC)
    assert h.satisfaction is Satisfaction.BASIC and h.state is S.CLOSED


def test_supervision_order():
    c = in_progress()
    with pytest.raises(PermissionDenied):
        wf.act(c, Action.SUPERVISE, WORKER, T0, note="加快")
    wf.act(c, Action.SUPERVISE, LEADER, T0, note="请今日内办结")
    assert c.supervision_count == 1 and c.state is S.IN_PROGRESS


def test_road_chief_acts_only_on_his_segments():
    c = dispatched(to=Assignee(person_id=CHIEF.id))
    with pytest.raises(OutOfScope):
        wf.act(c, Action.SIGN, OTHER_CHIEF, T0)
    wf.act(c, Action.SIGN, CHIEF, T0)
    ev = wf.act(c, Action.RECTIFY, CHIEF, T0, note="已协调清理")
    assert ev.actor_role == "road_chief"
    # a case on another segment dispatched to this chief by mistake is still his to return
    c2 = dispatched(to=Assignee(person_id=OTHER_CHIEF.id))
    with pytest.raises(OutOfScope):
        wf.act(c2, Action.SIGN, CHIEF, T0)


def test_illegal_transition_changes_nothing():
    c = dispatched()
    snapshot = copy.deepcopy(c)
    with pytest.raises(IllegalTransition) as e:
        wf.act(c, Action.CLOSE, SHIFT, T0)
    assert "dispatched" in str(e.value) and c.number in str(e.value)
    assert c == snapshot


def test_every_table_row_is_reachable_and_consistent():
    # every (state, action) in the table leads to a state of the enum; terminal states are quiet
    for rule in wf.TABLE:
        assert rule.roles
    rejected = new_case()
    wf.act(rejected, Action.REJECT, ACCEPTOR, T0, reason_code=RejectReason.INVALID)
    assert [a for a in Action if wf.rule_for(S.REJECTED, a)] == [Action.REPLY]


def test_allowed_actions_match_the_role():
    c = dispatched()
    assert set(wf.allowed_actions(c, HANDLER)) == {Action.SIGN, Action.RETURN}
    assert wf.allowed_actions(c, WORKER) == []
    assert set(wf.allowed_actions(c, LEADER)) == {Action.SUPERVISE}


def test_replay_rebuilds_the_state():
    c = new_case(source=Source.HOTLINE_12345)
    events = [wf.open_case(copy.deepcopy(c), WORKER)]
    events.append(wf.act(c, Action.REGISTER, ACCEPTOR, T0))
    events.append(wf.act(c, Action.DISPATCH, DISPATCHER, T0, CTX,
                         assignee=Assignee(department_id=SANITATION)))
    events.append(wf.act(c, Action.RETURN, HANDLER, T0, reason="不是我们的"))
    events.append(wf.act(c, Action.DISPATCH, DISPATCHER, T0, CTX,
                         assignee=Assignee(department_id=SANITATION)))
    events.append(wf.act(c, Action.SIGN, HANDLER, T0))
    events.append(wf.act(c, Action.RECTIFY, HANDLER, T0, note="done"))
    events.append(wf.act(c, Action.VERIFY_FAIL, WORKER, T0, note="没干净"))
    events.append(wf.act(c, Action.RECTIFY, HANDLER, T0, note="done again"))
    events.append(wf.act(c, Action.VERIFY_PASS, WORKER, T0))
    events.append(wf.act(c, Action.CLOSE, SHIFT, T0))
    r = wf.replay(events)
    assert (r.state, r.version, r.returns, r.reworks) == (c.state, c.version, 1, 1)
    assert r.rectifiers == {HANDLER.id} and r.verifier_id == WORKER.id
    broken = events[:3] + events[4:]
    with pytest.raises(IllegalTransition):
        wf.replay(broken)
