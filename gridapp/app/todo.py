"""待办: the cases waiting for this user, grouped by what waits, most urgent first.

Built from the transition table (the roles and scope of each rule), over the map's case
arrays, so a 10,000-case district is sorted in milliseconds on every refresh. The buttons a
user finds on opening a case come from the rules themselves (`allowed_actions`); the one fact
the arrays do not hold is who rectified a case (监管分离), so a grid worker's 待核查 may list a
case he rectified himself — opening it shows no verify button.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..domain.actions import Rule
from ..domain.case import CaseState
from ..domain.people import Role
from ..domain.workflow import TABLE, Action
from .map_data import NO_TIME, OPEN, STATES, Cases


@dataclass(frozen=True)
class Group:
    key: str
    label_zh: str
    actions: tuple[Action, ...]


GROUPS = (
    Group("register", "待立案", (Action.REGISTER,)),
    Group("place", "待定位", (Action.PLACE,)),
    Group("dispatch", "待派遣", (Action.DISPATCH,)),
    Group("sign", "待签收", (Action.SIGN,)),
    Group("rectify", "待处置", (Action.RECTIFY,)),
    Group("verify", "待核查", (Action.VERIFY_PASS,)),
    Group("close", "待结案", (Action.CLOSE,)),
    Group("extension", "延期待审批", (Action.APPROVE_EXTENSION,)),
    Group("suspension", "挂账待审批", (Action.APPROVE_SUSPENSION,)),
    Group("supervised", "督办件", ()),  # 督办 orders received on cases in my unit's hands
)


@dataclass(frozen=True)
class Me:
    """Who asks: what the rules look at."""

    person: int
    roles: frozenset[Role]
    department: int | None
    segments: frozenset[int] = frozenset()
    cells: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))  # cell indices
    assigned: frozenset[int] = frozenset()  # case ids whose verification was given to me


@dataclass(frozen=True)
class Todo:
    """Case indices per group (each most urgent first); `alerts` are overdue or warned."""

    groups: tuple[tuple[Group, np.ndarray], ...] = ()
    ids: frozenset[int] = frozenset()
    due_ids: frozenset[int] = frozenset()  # of those, past their warning share or overdue
    orders: frozenset[tuple[int, int]] = frozenset()  # (case id, 督办 orders) of those

    @property
    def total(self) -> int:
        return len(self.ids)

    @property
    def signature(self) -> tuple:
        """Equal for two to-dos that show the same (arrays compared by content)."""
        return (tuple((g.key, idx.tobytes()) for g, idx in self.groups), self.due_ids,
                self.orders)

    def counts(self) -> dict[str, int]:
        return {g.key: len(idx) for g, idx in self.groups}


def _states(states) -> np.ndarray:
    return np.array([STATES.index(s.value) for s in states], np.int8)


def _assignee(cases: Cases, me: Me, held: set[Role]) -> np.ndarray:
    """The cases in this user's hands (is_assignee): his own, or his department's when he
    handles for it."""
    m = cases.person == me.person
    if Role.DEPT_HANDLER in me.roles and me.department is not None:
        m |= (cases.person < 0) & (cases.department == me.department)
    return m


def _rule_mask(cases: Cases, rule: Rule, me: Me) -> np.ndarray | None:
    held = {r for r in rule.roles if r in me.roles}
    if not held:
        return None
    m = np.isin(cases.state, _states(rule.sources))
    if rule.by_assignee:
        m &= _assignee(cases, me, held)
    elif held == {Role.ROAD_CHIEF}:  # a road chief acts on his segments only
        m &= np.isin(cases.segment, np.fromiter(me.segments, np.int64)) | \
            (cases.person == me.person)
    if rule.action in (Action.VERIFY_PASS, Action.VERIFY_FAIL):
        m &= np.isin(cases.cell, me.cells) | np.isin(
            cases.id, np.fromiter(me.assigned, np.int64, len(me.assigned)))
    placed = ~np.isnan(cases.x)
    if rule.action is Action.PLACE:
        m &= ~placed  # waiting: no point at all (a rough point can wait for dispatch)
    elif rule.action is Action.DISPATCH:
        m &= placed
    return m


def urgency_order(cases: Cases, idx: np.ndarray, over: np.ndarray,
                  warned: np.ndarray) -> np.ndarray:
    """Overdue first, then warned, then by deadline, then the oldest report (`over` and
    `warned` for every case, worked out once for all the groups)."""
    over, warn = over[idx], warned[idx]
    deadline = np.where(cases.deadline[idx] == NO_TIME, np.iinfo(np.int64).max,
                        cases.deadline[idx])
    order = np.lexsort((cases.reported[idx], deadline, ~warn, ~over))
    return idx[order]


def waiting(cases: Cases, me: Me, now: int, visible: np.ndarray | None = None) -> Todo:
    """Every group's cases for `me` among the `visible` ones (his access scope)."""
    groups = []
    total = np.zeros(len(cases), bool)
    over, warned = cases.due(now)  # once for every group
    for g in GROUPS:
        m = np.zeros(len(cases), bool)
        if g.actions:
            for rule in TABLE:
                if rule.action in g.actions:
                    rm = _rule_mask(cases, rule, me)
                    if rm is not None:
                        m |= rm
        elif me.roles & {Role.DEPT_HANDLER, Role.ROAD_CHIEF}:
            m = OPEN[cases.state] & (cases.supervisions > 0) & _assignee(cases, me, set())
            m &= cases.state != STATES.index(CaseState.REPORTED.value)
        if visible is not None:
            m &= visible
        idx = np.flatnonzero(m)
        if len(idx):
            groups.append((g, urgency_order(cases, idx, over, warned)))
            total |= m
    hot = total & (over | warned)
    pushed = total & (cases.supervisions > 0)
    return Todo(tuple(groups), frozenset(cases.id[total].tolist()),
                frozenset(cases.id[hot].tolist()),
                frozenset(zip(cases.id[pushed].tolist(), cases.supervisions[pushed].tolist(),
                              strict=True)))


@dataclass(frozen=True)
class News:
    """What changed in a user's to-do since he last looked: worth a notification."""

    arrived: frozenset[int] = frozenset()     # new cases waiting for him
    due: frozenset[int] = frozenset()         # his cases that came to their warning or deadline
    supervised: frozenset[int] = frozenset()  # his cases that received a 督办 order

    def __bool__(self) -> bool:
        return bool(self.arrived or self.due or self.supervised)


def news(before: Todo | None, after: Todo) -> News:
    """What arrived since `before`; nothing at the first look (a user logging in is not
    told about his whole backlog at once: the count in the title says it)."""
    if before is None:
        return News()
    old = dict(before.orders)
    pushed = frozenset(i for i, n in after.orders if i in before.ids and n > old.get(i, 0))
    return News(after.ids - before.ids, (after.due_ids - before.due_ids) & before.ids, pushed)
