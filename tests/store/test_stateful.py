"""Random actions by random actors; after each step the loop's invariants must hold."""

import shutil
import tempfile
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from factories import COMMUNITIES, PEOPLE
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
from gridapp.services.locating import place_case
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
    u = store.uow()
    note = data.draw(st.sampled_from(["现场处理", "原因说明", ""]))  # empty: refused where a reason is due
    match action:
        case Action.REGISTER:
            return svc.register(u, user, case_id, note, at=at)
        case Action.REJECT:
            return svc.reject(u, user, case_id, RejectReason.INVALID, note, at=at)
        case Action.DISPATCH:
            dept = data.draw(st.sampled_from([None, "sanitation", "municipal", "water"]))
            return svc.dispatch(u, user, case_id, department=dept, at=at)
        case Action.SIGN:
            return svc.sign(u, user, case_id, at=at)
        case Action.RETURN:
            return svc.return_case(u, user, case_id, note, at=at)
        case Action.RECTIFY:
            return svc.rectify(u, user, case_id, note, at=at)
        case Action.VERIFY_PASS | Action.VERIFY_FAIL:
            return svc.verify(u, user, case_id, action is Action.VERIFY_PASS, note, at=at)
        case Action.CLOSE:
            return svc.close(u, user, case_id, at=at)
        case Action.REQUEST_EXTENSION:
            return svc.request_extension(u, user, case_id, data.draw(st.sampled_from(["2h", "1d"])),
                                         note, at=at)
        case Action.APPROVE_EXTENSION | Action.DENY_EXTENSION:
            return svc.decide_extension(u, user, case_id, action is Action.APPROVE_EXTENSION, note,
                                        at=at)
        case Action.REQUEST_SUSPENSION:
            return svc.request_suspension(u, user, case_id, note, at=at)
        case Action.APPROVE_SUSPENSION | Action.DENY_SUSPENSION:
            return svc.decide_suspension(u, user, case_id, action is Action.APPROVE_SUSPENSION,
                                         note, at=at)
        case Action.RESUME:
            return svc.resume(u, user, case_id, note, at=at)
        case Action.REOPEN:
            return svc.reopen(u, user, case_id, note, at=at)
        case Action.REINSPECT:
            return svc.reinspect(u, user, case_id, note, at=at)
        case Action.REPLY:
            return svc.reply(u, user, case_id, note, at=at)
        case Action.VISIT:
            return svc.visit(u, user, case_id, data.draw(st.sampled_from(list(Satisfaction))),
                             note, at=at)
        case Action.SUPERVISE:
            return svc.supervise(u, user, case_id, note, at=at)
        case Action.PLACE:
            return place_case(u, user, case_id, data.draw(st.floats(DISTRICT[0], DISTRICT[2])),
                              data.draw(st.floats(DISTRICT[1], DISTRICT[3])), at=at)
    raise AssertionError(action)


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
        out = svc.report(self.store.uow(), user, source=source, class_code=cls, x=x, y=y,
                         at=self.now, description="随机上报")
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
