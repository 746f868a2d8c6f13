"""待办: each role's waiting cases, grouped and most urgent first, and what counts as news."""

from datetime import datetime, timedelta

import pytest
from factories import act, cell_center, clock

from gridapp.app.map_data import MapData, seconds
from gridapp.app.model import AppModel
from gridapp.app.session import Session
from gridapp.app.todo import news
from gridapp.domain.case import Source
from gridapp.domain.workflow import Action
from gridapp.services.locating import report_unplaced

T0 = datetime(2026, 11, 2, 9, 0)


def _report(store, comm="420102001001", serial=2, cls="E0102", at=T0):
    x, y = cell_center(comm, serial)
    return act(store, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
               class_code=cls, x=x, y=y, description="暴露垃圾", at=at).case


def model_for(store, username, now=T0 + timedelta(hours=1)):
    session = Session.open(store, username, f"secret-{username}")
    return AppModel(store, session, MapData.load(store, now=now), None, lambda: now)


def waiting(model) -> dict[str, list[int]]:
    d = model.data.cases
    return {g.key: [int(d.id[k]) for k in idx] for g, idx in model.todo.groups}


def refresh(model) -> list:
    """Take in the store's changes as the window's worker would; the news told."""
    told = []
    model.todo_changed.connect(lambda todo, n: told.append(n))
    model.accept(model.refresh_job()())
    return told


@pytest.fixture
def store(sqlite_store):
    clock(sqlite_store, T0)
    return sqlite_store


def test_each_role_finds_the_case_waiting_for_it_through_the_loop(store):
    a = _report(store)
    assert waiting(model_for(store, "acceptor")) == {"register": [a.id]}
    dispatcher = model_for(store, "dispatcher")
    assert waiting(dispatcher) == {}
    act(store, "acceptor", a.id, Action.REGISTER, at=T0 + timedelta(minutes=5))
    told = refresh(dispatcher)
    assert waiting(dispatcher) == {"dispatch": [a.id]}
    assert told[-1].arrived == {a.id} and dispatcher.todo.total == 1
    act(store, "dispatcher", a.id, Action.DISPATCH, assignee=("department", "sanitation"),
        at=T0 + timedelta(minutes=10))
    assert waiting(model_for(store, "sanitation1")) == {"sign": [a.id]}
    assert waiting(model_for(store, "municipal1")) == {}  # not his department's
    act(store, "sanitation1", a.id, Action.SIGN, at=T0 + timedelta(minutes=20))
    assert waiting(model_for(store, "sanitation2")) == {"rectify": [a.id]}  # the unit's case
    act(store, "sanitation1", a.id, Action.RECTIFY, note="已清运", at=T0 + timedelta(hours=1))
    assert waiting(model_for(store, "worker1")) == {"verify": [a.id]}  # his cell
    assert waiting(model_for(store, "worker2")) == {}
    act(store, "worker1", a.id, Action.VERIFY_PASS, note="合格", at=T0 + timedelta(hours=2))
    assert waiting(model_for(store, "leader_shift")) == {"close": [a.id]}
    act(store, "leader_shift", a.id, Action.CLOSE, at=T0 + timedelta(hours=3))
    for user in ("acceptor", "dispatcher", "sanitation1", "worker1", "leader_shift"):
        assert waiting(model_for(store, user)) == {}, user


def test_a_verification_given_to_another_grid_worker_waits_for_him(store):
    a = _report(store)  # in worker1's cell
    act(store, "acceptor", a.id, Action.REGISTER)
    act(store, "dispatcher", a.id, Action.DISPATCH, assignee=("department", "sanitation"))
    act(store, "sanitation1", a.id, Action.SIGN)
    act(store, "sanitation1", a.id, Action.RECTIFY, note="已清运")
    worker2 = model_for(store, "worker2")
    assert waiting(worker2) == {}
    act(store, "dispatcher", a.id, Action.ASSIGN_VERIFIER, verifier="worker2")
    told = refresh(worker2)
    assert waiting(worker2) == {"verify": [a.id]} and told[-1].arrived == {a.id}


def test_overdue_first_then_warned_then_by_deadline(store):
    cases = [_report(store, serial=s, at=T0) for s in (1, 2, 3)]
    for c in cases:
        act(store, "acceptor", c.id, Action.REGISTER)
    # dispatched at different times: the first is the oldest, so the first overdue
    for k, c in enumerate(cases):
        act(store, "dispatcher", c.id, Action.DISPATCH, assignee=("department", "sanitation"),
            at=T0 + timedelta(hours=k))
    handler = model_for(store, "sanitation1", now=T0 + timedelta(days=1, hours=1))
    d = handler.data.cases
    order = waiting(handler)["sign"]
    over = [bool(d.overdue(handler.now)[handler.index_of(i)]) for i in order]
    assert over == sorted(over, reverse=True)  # overdue ones lead
    deadlines = [int(d.deadline[handler.index_of(i)]) for i in order]
    assert deadlines == sorted(deadlines)


def test_news_when_a_deadline_comes_close_or_a_supervision_order_lands(store):
    a = _report(store)
    act(store, "acceptor", a.id, Action.REGISTER)
    act(store, "dispatcher", a.id, Action.DISPATCH, assignee=("department", "sanitation"))
    act(store, "sanitation1", a.id, Action.SIGN)
    now = [T0 + timedelta(minutes=30)]
    session = Session.open(store, "sanitation1", "secret-sanitation1")
    model = AppModel(store, session, MapData.load(store, now=now[0]), None, lambda: now[0])
    assert waiting(model) == {"rectify": [a.id]} and not model.todo.due_ids
    told = []
    model.todo_changed.connect(lambda todo, n: told.append(n))
    deadline = model.data.cases.deadline[model.index_of(a.id)]
    now[0] = datetime(1970, 1, 1) + timedelta(seconds=int(deadline) + 60)
    assert model.tick()
    assert told[-1].due == {a.id} and not told[-1].arrived
    act(store, "leader_shift", a.id, Action.SUPERVISE, note="尽快处置", at=now[0])
    told.clear()
    model.accept(model.refresh_job()())
    assert told[-1].supervised == {a.id}
    assert "supervised" in waiting(model)


def test_a_case_without_a_point_waits_to_be_placed_not_dispatched(store):
    c = report_unplaced(store.uow(), "acceptor", source=Source.HOTLINE_12345,
                        class_code="E0102", description="无法定位").case
    act(store, "acceptor", c.id, Action.REGISTER)
    model = model_for(store, "dispatcher")
    assert waiting(model) == {"place": [c.id]}


def test_first_look_is_not_news():
    from gridapp.app.todo import Todo
    after = Todo((), frozenset({1, 2}), frozenset({2}), frozenset({(2, 1)}))
    assert not news(None, after)
    assert news(Todo(), after).arrived == {1, 2}
    assert seconds(T0) > 0
