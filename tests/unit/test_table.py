"""The transition table, exhaustively: every rule × every role × every scope, and every
(state, action) outside the table, checked against an oracle written from the rules' text."""

import copy
from datetime import datetime

import pytest

from gridapp.domain import workflow as wf
from gridapp.domain.actions import Action
from gridapp.domain.case import Assignee, Case, CaseState, Source
from gridapp.domain.catalog import CaseKind
from gridapp.domain.errors import (
    IllegalTransition,
    InvalidInput,
    OutOfScope,
    PermissionDenied,
    SeparationOfDuties,
)
from gridapp.domain.people import Actor, Person, Role
from gridapp.domain.places import Location

T0 = datetime(2026, 11, 2, 9, 0)
ME, OTHER = 50, 51            # the actor, and somebody else
MY_DEPT, OTHER_DEPT = 7, 8
MY_SEGMENT, OTHER_SEGMENT = 100, 200
MY_CELL, OTHER_CELL = "420102001001001", "420102002002008"
SCOPES = ("own", "foreign", "assigned", "rectifier")
VERIFY = (Action.VERIFY_PASS, Action.VERIFY_FAIL)


def actor(role: Role) -> Actor:
    return Actor(Person(ME, "me", "我", frozenset({role}), MY_DEPT),
                 frozenset({MY_SEGMENT}), frozenset({MY_CELL}))


def case_in(state: CaseState, role: Role, scope: str, action: Action) -> Case:
    own = scope == "own"
    if role is Role.ROAD_CHIEF:
        assignee = Assignee(MY_DEPT, ME) if own else Assignee(OTHER_DEPT, OTHER)
    else:
        assignee = Assignee(MY_DEPT) if own else Assignee(OTHER_DEPT)
    c = Case(source=Source.HOTLINE_12345, kind=CaseKind.EVENT, class_code="E0102", x=0, y=0,
             reported_at=T0, reporter_id=OTHER,
             location=Location(MY_CELL if own else OTHER_CELL, None, None,
                               MY_SEGMENT if own else OTHER_SEGMENT))
    c.id, c.number, c.state, c.version = 1, "202600000001", state, 5
    c.assignee = assignee
    c.deadline_at = T0
    if scope == "assigned":
        c.assigned_verifier_id = ME
    if scope == "rectifier":
        c.rectifier_ids = frozenset({ME})
        c.location = Location(MY_CELL, None, None, MY_SEGMENT)
    if action is Action.VISIT:
        c.replied_at = T0  # a visit follows the reply
    if action is Action.PLACE:
        c.x = c.y = None  # 待定位: only a case without a point (or a rough one) is placed
    return c


def oracle(rule: wf.Rule, role: Role, scope: str) -> type[Exception] | None:
    """What the rules' text says: None if allowed, else the error expected."""
    if role not in rule.roles:
        return PermissionDenied
    if rule.by_assignee and scope != "own":
        return OutOfScope
    if rule.action in VERIFY:
        if scope == "rectifier":
            return SeparationOfDuties
        if scope not in ("own", "assigned"):
            return OutOfScope
    return None


CASES = [(rule, state, role, scope) for rule in wf.TABLE for state in sorted(rule.sources)
         for role in Role for scope in SCOPES]


@pytest.mark.parametrize("rule,state,role,scope", CASES,
                         ids=[f"{r.action.value}-{s.value}-{ro.value}-{sc}"
                              for r, s, ro, sc in CASES])
def test_every_rule_role_and_scope(rule, state, role, scope):
    c = case_in(state, role, scope, rule.action)
    before = copy.deepcopy(c)
    expected = oracle(rule, role, scope)
    offered = rule.action in wf.allowed_actions(c, actor(role))
    if expected is None:
        got_rule, got_role = wf.check(c, rule.action, actor(role))
        assert got_rule is rule and got_role is role and offered
    else:
        with pytest.raises(expected):
            wf.check(c, rule.action, actor(role))
        assert not offered
    assert c == before


OUTSIDE = [(state, action) for state in CaseState for action in Action
           if action is not Action.REPORT and wf.rule_for(state, action) is None]


@pytest.mark.parametrize("state,action", OUTSIDE,
                         ids=[f"{a.value}-{s.value}" for s, a in OUTSIDE])
def test_every_action_outside_the_table_is_illegal_for_everyone(state, action):
    for role in Role:
        c = case_in(state, role, "own", action)
        before = copy.deepcopy(c)
        with pytest.raises(IllegalTransition):
            wf.act(c, action, actor(role), T0)
        assert c == before


def test_reply_and_visit_only_for_citizen_cases():
    for action in (Action.REPLY, Action.VISIT):
        c = case_in(CaseState.CLOSED, Role.ACCEPTOR, "own", action)
        c.source = Source.GRID_PATROL
        with pytest.raises(InvalidInput):
            wf.check(c, action, actor(Role.ACCEPTOR))


def test_a_case_is_placed_before_dispatch_and_never_moved_off_its_own_point():
    dispatcher = actor(Role.DISPATCHER)
    unplaced = case_in(CaseState.REGISTERED, Role.DISPATCHER, "own", Action.PLACE)
    assert Action.DISPATCH not in wf.allowed_actions(unplaced, dispatcher)
    assert Action.PLACE in wf.allowed_actions(unplaced, dispatcher)
    own_point = case_in(CaseState.REGISTERED, Role.DISPATCHER, "own", Action.DISPATCH)
    assert Action.PLACE not in wf.allowed_actions(own_point, dispatcher)
    with pytest.raises(InvalidInput, match="reported with its own point"):
        wf.act(own_point, Action.PLACE, dispatcher, T0, x=1.0, y=1.0)


def test_the_table_covers_every_state_and_action():
    reachable = {rule.to for rule in wf.TABLE if rule.to} | {CaseState.REPORTED}
    assert reachable == set(CaseState)
    assert {rule.action for rule in wf.TABLE} | {Action.REPORT} == set(Action)
    terminal = [s for s in CaseState if not s.is_open]
    for s in terminal:  # nothing moves a closed or rejected case but the table's own rows
        assert {a for a in Action if wf.rule_for(s, a)} <= {
            Action.REPLY, Action.VISIT, Action.REINSPECT, Action.REOPEN}
