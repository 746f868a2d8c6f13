"""Two workstations on one store: the second writer is refused, never overwrites."""

import threading
from datetime import datetime

import pytest
from factories import act, cell_center

from gridapp.domain.actions import Action
from gridapp.domain.case import CaseState, Source
from gridapp.domain.errors import DomainError, IllegalTransition, StaleCase
from gridapp.services import cases as svc

T0 = datetime(2026, 11, 2, 9, 0)


def _dispatched(store, n):
    x, y = cell_center("420102002001", 1 + n % 8)
    c = act(store, 'worker2', None, Action.REPORT, source=Source.GRID_PATROL, class_code='E0104', x=x + n // 8 * 7, y=y, at=T0.replace(minute=n % 60, hour=9 + n // 60)).case
    act(store, 'acceptor', c.id, Action.REGISTER)
    return act(store, 'dispatcher', c.id, Action.DISPATCH, assignee=("department", 'sanitation')).case


def _race(*calls):
    """Run the calls at the same moment in threads; return what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, fn):
        barrier.wait()
        try:
            results[i] = fn()
        except Exception as exc:  # noqa: BLE001  (the loser's error is the point)
            results[i] = exc
    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


@pytest.mark.parametrize("round_", range(5))
def test_two_workstations_act_on_the_same_version(store, round_):
    c = _dispatched(store, round_)
    seen = c.version  # both workstations show this version
    results = _race(
        lambda: act(store, 'sanitation1', c.id, Action.SIGN, expected_version=seen),
        lambda: act(store, 'sanitation2', c.id, Action.RETURN, reason='不归我们', expected_version=seen))
    winners = [r for r in results if isinstance(r, svc.Outcome)]
    losers = [r for r in results if isinstance(r, StaleCase)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "Refresh" in str(losers[0])
    view = svc.view(store.uow(), None, c.id)
    assert view.case.version == seen + 1 and len(view.events) == seen + 1
    assert view.case.state is winners[0].case.state


def test_racing_without_a_seen_version_never_overwrites(store):
    """Both load the same row; the guarded UPDATE lets exactly one transition through."""
    c = _dispatched(store, 30)
    results = _race(*(lambda who=who: act(store, who, c.id, Action.SIGN)
                      for who in ("sanitation1", "sanitation2", "sanitation1")))
    ok = [r for r in results if isinstance(r, svc.Outcome)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(ok) == 1 and len(refused) == 2, results
    # SpatiaLite queues writers, so the later ones see IN_PROGRESS (illegal to sign again);
    # PostGIS lets them read concurrently, so the version guard refuses them.
    assert all(isinstance(r, StaleCase | IllegalTransition) for r in refused)
    view = svc.view(store.uow(), None, c.id)
    assert view.case.state is CaseState.IN_PROGRESS and len(view.events) == view.case.version
