"""Random actions by random actors; after each step the loop's invariants must hold."""

import shutil
import tempfile
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from factories import COMMUNITIES, PEOPLE, clock
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from gridapp.domain import workflow as wf
from gridapp.domain.case import CaseState, RejectReason, Satisfaction, Source
from gridapp.domain.errors import DomainError
from gridapp.domain.workflow import Action
from gridapp.services import cases as svc
from gridapp.services.ports import CaseQuery
from gridapp.store.store import Store

# Hypothesis leans towards early elements: the person holding both a supervisor's and a
# handler's role goes first, so 监管分离 is tested on every path that reaches verification.
USERS = sorted((p[0] for p in PEOPLE), key=lambda u: u != "dual")
CLASSES = ["E0102", "E0104", "E0501", "C0101", "E0407", "E0111", "E0303", "E0506", "C0309",
           "E0201"]
ONWARD = {Action.REGISTER, Action.DISPATCH, Action.SIGN, Action.RECTIFY, Action.VERIFY_PASS,
          Action.VERIFY_FAIL, Action.CLOSE, Action.APPROVE_EXTENSION, Action.DENY_EXTENSION,
          Action.APPROVE_SUSPENSION, Action.DENY_SUSPENSION, Action.RESUME, Action.REOPEN,
          Action.VISIT}
DISTRICT = COMMUNITIES["420102001001"][1].union(COMMUNITIES["420102002002"][1]).bounds


def perform(store, action: Action, user: str, case_id: int, at: datetime, data):
    """Call the service for `action` with plausible arguments drawn by hypothesis."""
    note = data.draw(st.sampled_from(["现场处理", "原因说明", ""]))  # empty: refused where a reason is due
    values = {"note": note, "reason": note}
    match action:
        case Action.REJECT:
            values = {"reason_code": RejectReason.INVALID.value, "note": note}
        case Action.DISPATCH:
            dept = data.draw(st.sampled_from([None, "sanitation", "municipal", "water"]))
            values = {"assignee": ("department", dept) if dept else None, "note": note}
        case Action.REQUEST_EXTENSION:
            values = {"extra": data.draw(st.sampled_from(["2h", "1d"])), "reason": note}
        case Action.VISIT:
            values = {"satisfaction": data.draw(st.sampled_from(list(Satisfaction))).value,
                      "note": note}
        case Action.ASSIGN_VERIFIER:
            values = {"verifier": data.draw(st.sampled_from(["worker1", "worker2", "dual"]))}
    spec = wf.SPECS[action] if hasattr(wf, "SPECS") else None
    names = {i.name for i in spec.inputs} if spec else set(values)
    clock(store, at)
    return svc.perform(store.uow(), user, case_id, action,
                       **{k: v for k, v in values.items() if k in names and v is not None})


class LoopMachine(RuleBasedStateMachine):
    template: Path

    cases = Bundle("cases")

    def __init__(self):
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="gridapp-stateful-"))
        shutil.copy(self.template, self.dir / "s.sqlite")
        self.store = Store.open(str(self.dir / "s.sqlite"))
        self.now = datetime(2026, 11, 2, 8, 0)
        self.reported = 0
        self.refused = Counter()

    def teardown(self):
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    @initialize(target=cases)
    def first_case(self):
        return self._report("worker1", "E0102", Source.GRID_PATROL, 529100.0, 3386300.0)

    def _report(self, user, cls, source, x, y):
        clock(self.store, self.now)
        out = svc.report(self.store.uow(), user, source=source, class_code=cls, x=x, y=y,
                         description="随机上报")
        self.reported += 1
        return out.case.id

    def _open_ids(self):
        with self.store.uow(write=False) as uow:
            return [c.id for c in uow.cases.find(CaseQuery(limit=None)) if c.state.is_open]

    @precondition(lambda self: len(self._open_ids()) < 5)  # keep a few cases moving, not many
    @rule(target=cases, user=st.sampled_from(["worker1", "worker2", "chief1", "acceptor"]),
          cls=st.sampled_from(CLASSES), source=st.sampled_from(list(Source)),
          fx=st.floats(0.01, 0.99), fy=st.floats(0.01, 0.99))
    def report(self, user, cls, source, fx, fy):
        minx, miny, maxx, maxy = DISTRICT
        return self._report(user, cls, source, minx + fx * (maxx - minx),
                            miny + fy * (maxy - miny))

    @rule(minutes=st.integers(1, 60 * 24 * 3))
    def time_passes(self, minutes):
        self.now += timedelta(minutes=minutes)

    @rule(data=st.data(), steps=st.integers(1, 25))
    def drive(self, data, steps):
        """Someone who may act does so, several times: open cases travel the whole loop."""
        open_ids = self._open_ids()
        if not open_ids:
            return
        case_id = data.draw(st.sampled_from(open_ids))
        for _ in range(steps):
            who: dict[Action, list[str]] = {}
            with self.store.uow(write=False) as uow:
                case = uow.cases.get(case_id)
                for u in USERS:
                    for a in wf.allowed_actions(case, svc.actor_for(uow, u, self.now)):
                        who.setdefault(a, []).append(u)
            if not who:
                return
            # the action first, then who does it: no action is favoured for having many doers;
            # half the time only actions that move the case on, so deep states are reached
            onward = [a for a in sorted(who) if a in ONWARD]
            pool = onward if onward and data.draw(st.booleans()) else sorted(who)
            action = data.draw(st.sampled_from(pool))
            user = data.draw(st.sampled_from(who[action]))
            self._attempt(case_id, action, user, data)
            self.now += timedelta(minutes=data.draw(st.integers(1, 600)))

    @rule(case_id=cases, data=st.data(), user=st.sampled_from(USERS),
          action=st.sampled_from(list(Action)[1:]))
    def act(self, case_id, data, user, action):
        """Anyone tries anything: refusals must change nothing."""
        self._attempt(case_id, action, user, data)

    def _attempt(self, case_id, action, user, data):
        before = svc.view(self.store.uow(write=False), None, case_id)
        try:
            perform(self.store, action, user, case_id, self.now, data)
        except DomainError as exc:
            self.refused[type(exc).__name__] += 1
            after = svc.view(self.store.uow(write=False), None, case_id)
            assert after.case == before.case and after.events == before.events, \
                "a refused action changed the case"

    @invariant()
    def audit_trail_replays_to_every_case(self):
        with self.store.uow(write=False) as uow:
            all_cases = uow.cases.find(CaseQuery(limit=None))
            for case in all_cases:
                events = uow.cases.events(case.id)
                r = wf.replay(events)
                assert r.state is case.state and r.version == case.version == len(events)
                assert (r.returns, r.reworks, r.extensions, r.reopens, r.supervisions) == (
                    case.return_count, case.rework_count, case.extension_count,
                    case.reopen_count, case.supervision_count)
                assert r.rectifiers == case.rectifier_ids
                assert all(e.actor_id and e.at and e.actor_role for e in events)
                if case.state in (CaseState.VERIFIED, CaseState.CLOSED):
                    # 监管分离: the verifier never rectified this case
                    assert r.verifier_id is not None and r.verifier_id not in r.rectifiers
                    assert case.verifier_id == r.verifier_id
                if case.state is CaseState.REJECTED:
                    assert case.reject_reason is not None
                if case.state.is_handling:
                    assert case.assignee is not None and case.deadline_at is not None

    @invariant()
    def counts_are_consistent(self):
        with self.store.uow(write=False) as uow:
            total = uow.cases.count(CaseQuery(limit=None))
            by_state = sum(uow.cases.count(CaseQuery(states=(s.value,), limit=None))
                           for s in CaseState)
        assert total == by_state == self.reported


@pytest.mark.slow
def test_random_walks_keep_the_invariants(sqlite_template):
    LoopMachine.template = sqlite_template
    run = LoopMachine.TestCase
    run.settings = settings(max_examples=25, stateful_step_count=40, deadline=None,
                            suppress_health_check=[HealthCheck.too_slow,
                                                   HealthCheck.filter_too_much])
    run().runTest()
