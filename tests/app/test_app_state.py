"""The client's headless state: map arrays, live refresh, filters, hits, warnings, sessions."""

import time
from datetime import datetime

import numpy as np
import pytest
from factories import X0, Y0, act, cell_center

from gridapp.app import case_filter as cf
from gridapp.app.actions import perform
from gridapp.app.hit import PointIndex, cell_at, segment_at
from gridapp.app.layers import LayerStack
from gridapp.app.map_data import STATES, MapData, seconds
from gridapp.app.session import Session
from gridapp.app.viewport import Viewport, nice_length
from gridapp.app.warnings import daily_warnings
from gridapp.domain.case import Source
from gridapp.domain.people import AssignmentKind
from gridapp.domain.workflow import Action
from gridapp.services import admin
from gridapp.store.store import Store

T0 = datetime(2026, 11, 2, 9, 0)


def _report(store, cls, comm, serial, **kw):
    x, y = cell_center(comm, serial)
    return act(store, 'worker1', None, Action.REPORT, source=Source.GRID_PATROL, class_code=cls, x=x, y=y, at=kw.pop('at', T0), **kw).case


@pytest.fixture
def loaded(sqlite_store):
    a = _report(sqlite_store, "E0102", "420102001001", 2)
    b = _report(sqlite_store, "E0506", "420102002002", 7)
    act(sqlite_store, 'acceptor', a.id, Action.REGISTER, at=T0)
    act(sqlite_store, 'dispatcher', a.id, Action.DISPATCH, assignee=("department", 'sanitation'), at=T0)
    return sqlite_store, a, b


def test_map_data_arrays_and_cache_and_live_refresh(loaded, tmp_path):
    store, a, b = loaded
    cache = tmp_path / "map.npz"
    d = MapData.load(store, cache)
    assert len(d.cells.codes) == 32 and len(d.segments.ids) == 3 and len(d.cases) == 2
    i = int(np.searchsorted(d.cases.id, a.id))
    assert STATES[d.cases.state[i]] == "dispatched"
    assert d.cells.codes[d.cases.cell[i]] == "420102001001002"
    assert d.classes[d.cases.klass[i]] == "E0102"
    assert d.cases.deadline[i] == seconds(datetime(2026, 11, 2, 15, 0))  # 3 h + 1 h after lunch
    # another workstation acts; the next refresh takes it in, as a new MapData (renders of the
    # old one go on undisturbed), and the cache opens with it
    act(store, "sanitation1", a.id, Action.SIGN)
    c = _report(store, "E0104", "420102001002", 4)
    d2, changes = d.refreshed(store)
    assert set(changes.case_ids) == {a.id, c.id} and d2 is not d
    assert STATES[d2.cases.state[i]] == "in_progress" and d2.cases.id[-1] == c.id
    assert STATES[d.cases.state[i]] == "dispatched" and len(d.cases) == 2  # untouched
    with pytest.raises(ValueError, match="read-only"):
        d2.cases.state[i] = 0
    assert d2.refreshed(store)[0] is d2  # nothing new: the same object
    d2.save(cache)
    again = MapData.load(store, cache)
    assert np.array_equal(again.cases.state, d2.cases.state) and len(again.cases) == 3
    assert again.cells.shapes.coords.shape == d2.cells.shapes.coords.shape


def test_map_cache_is_dropped_for_new_assignments_or_a_remade_store(loaded, tmp_path):
    store, _, _ = loaded
    cache = tmp_path / "map.npz"
    d = MapData.load(store, cache)
    k = int(np.flatnonzero(d.segments.codes == "420102-R001-01")[0])
    chief2 = store.uow(write=False)
    with chief2:
        chief2_id = chief2.people.by_username("chief2").id
    # a new road chief for a segment: the cached chief column would be wrong
    admin.assign(store.uow(), AssignmentKind.ROAD_CHIEF_SEGMENT, "420102-R001-01",
                 person="chief2", valid_from=datetime(2026, 11, 1))
    assert MapData.load(store, cache).segments.chief_id[k] == chief2_id
    # a store made anew at the same path has another identity: its cache is not this one
    other = Store.create(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    assert other.identity and other.identity != store.identity
    assert len(MapData.load(other, cache).cases) == 0


def test_filters_sorting_and_counts(loaded):
    store, a, b = loaded
    d = MapData.load(store)
    now = seconds(datetime(2026, 11, 2, 16, 0))  # a's 4 h limit ran out at 15:00
    mask = cf.apply(d.cases, cf.CaseFilter(deadline="overdue"), now)
    assert d.cases.id[mask].tolist() == [a.id]
    mask = cf.apply(d.cases, cf.CaseFilter(states=frozenset({STATES.index("reported")})), now)
    assert d.cases.id[mask].tolist() == [b.id]
    with store.uow(write=False) as uow:
        dept = uow.people.department_by_code("sanitation").id
    assert d.cases.id[cf.apply(d.cases, cf.CaseFilter(department=dept), now)].tolist() == [a.id]
    idx = np.arange(len(d.cases))
    assert d.cases.id[cf.sort(d.cases, idx, "id")].tolist() == [b.id, a.id]
    assert cf.deadline_counts(d.cases, np.ones(2, bool), now)["overdue"] == 1
    assert cf.state_counts(d.cases, np.ones(2, bool)) == {"reported": 1, "dispatched": 1}
    w = daily_warnings(d.cases, now)
    assert w[0].kind == "department" and w[0].unit_id == dept and w[0].overdue == 1


def test_hit_tests(loaded):
    store, a, b = loaded
    d = MapData.load(store)
    idx = PointIndex(d.cases.x, d.cases.y)
    k = idx.nearest(a.x + 3, a.y - 2, 10)
    assert d.cases.id[k] == a.id and idx.nearest(a.x + 30, a.y, 10) == -1
    assert d.cells.codes[cell_at(d.cells, a.x, a.y)] == "420102001001002"
    s = segment_at(d.segments, X0 + 150, Y0 + 205, 15)
    assert d.segments.codes[s] == "420102-R001-01"
    assert cell_at(d.cells, X0 - 10, Y0) == -1


def test_point_index_at_a_million_points_is_fast():
    rng = np.random.default_rng(1)
    x, y = rng.uniform(0, 30000, 1_000_000), rng.uniform(0, 30000, 1_000_000)
    idx = PointIndex(x, y)
    clicks = rng.uniform(0, 30000, (200, 2))
    times = []
    for cx, cy in clicks:
        t = time.perf_counter()
        k = idx.nearest(cx, cy, 20)
        times.append(time.perf_counter() - t)
        if k >= 0:  # correct: nobody nearer
            d2 = (x - cx) ** 2 + (y - cy) ** 2
            assert d2[k] == d2.min()
    assert np.percentile(times, 95) < 0.05  # generous here; the benchmark reports the figure


def test_viewport_math():
    v = Viewport.fit((0, 0, 1000, 500), 200, 100, margin=0)
    assert v.res == 5 and v.to_screen(0, 500) == (0, 0)
    z = v.zoomed(2, 50, 50)
    assert z.to_world(50, 50) == pytest.approx(v.to_world(50, 50))
    assert v.panned(10, 0).cx == v.cx - 50
    assert nice_length(870) == 500 and nice_length(2400) == 2000 and nice_length(26) == 25


def test_layer_stack_restores_and_moves():
    s = LayerStack()
    s.update("cases", opacity=0.4)
    s.move("cases", -1)
    saved = s.to_dict()
    t = LayerStack()
    t.restore(saved[:-1])  # a layer missing from old settings comes back by default
    assert t.get("cases").opacity == 0.4 and len(t.layers) == len(s.layers)


def test_sessions_see_only_their_own_cases(loaded):
    store, a, b = loaded
    d = MapData.load(store)
    chief = Session.open(store, "chief1", "secret-chief1")
    assert chief.access(d).segments == chief.segment_ids
    worker = Session.open(store, "worker2", "secret-worker2")
    mask = worker.access(d).mask(d.cases)
    assert d.cases.id[mask].tolist() == [b.id]  # b lies in worker2's cells
    handler = Session.open(store, "sanitation1", "secret-sanitation1")
    assert d.cases.id[handler.access(d).mask(d.cases)].tolist() == [a.id]  # dispatched to him
    assert Session.open(store, "acceptor", "secret-acceptor").access(d) is None  # all
    minx, miny, maxx, maxy = worker.home_extent(d)
    assert minx >= X0 + 400 - 150
    with pytest.raises(Exception, match="wrong user name or password"):
        Session.open(store, "chief1", "nope")


def test_actions_map_onto_services_with_stale_check(loaded):
    store, a, b = loaded
    out = perform(store, "acceptor", b.id, Action.REGISTER, 1, note="ok")
    assert out.case.version == 2
    with pytest.raises(Exception, match="Refresh"):
        perform(store, "acceptor", b.id, Action.REJECT, 1, reason_code="invalid")
    d = perform(store, "dispatcher", b.id, Action.DISPATCH, 2,
                assignee=("department", "enforcement"))
    assert d.case.assignee.department_id is not None
