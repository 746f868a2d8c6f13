"""The in-memory unit of work answers like the SQL one (it drives the demo generator)."""

from datetime import datetime

import pytest
from factories import act, cell_center

from gridapp.domain.actions import Action
from gridapp.domain.case import CaseState, Source
from gridapp.domain.errors import IllegalTransition
from gridapp.services import cases as svc
from gridapp.store.memory import snapshot

T0 = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def mem(sqlite_store):
    return snapshot(sqlite_store)


def test_memory_store_runs_the_loop_like_sql(mem, sqlite_store):
    x, y = cell_center("420102001001", 2)
    for target in (mem, sqlite_store):
        c = act(target, 'worker1', None, Action.REPORT, source=Source.GRID_PATROL, class_code='E0102', x=x, y=y, at=T0).case
        act(target, 'acceptor', c.id, Action.REGISTER, at=T0)
        d = act(target, 'dispatcher', c.id, Action.DISPATCH, at=T0).case
        target_case = d
        if target is mem:
            mem_case = target_case
    assert mem_case.location == target_case.location
    assert mem_case.assignee == target_case.assignee
    assert mem_case.deadline_at == target_case.deadline_at
    assert mem_case.number == target_case.number  # same next id as the SQL store


def test_memory_store_rolls_back_a_failed_use_case(mem):
    x, y = cell_center("420102002002", 4)
    c = act(mem, 'worker2', None, Action.REPORT, source=Source.GRID_PATROL, class_code='E0104', x=x, y=y, at=T0).case
    with pytest.raises(IllegalTransition):
        act(mem, 'leader_shift', c.id, Action.CLOSE)
    v = svc.view(mem.uow(), None, c.id)
    assert v.case.state is CaseState.REPORTED and len(v.events) == 1


def test_memory_store_links_duplicates(mem):
    x, y = cell_center("420102002001", 3)
    a = act(mem, 'worker2', None, Action.REPORT, source=Source.GRID_PATROL, class_code='E0111', x=x, y=y, at=T0).case
    b = act(mem, 'acceptor', None, Action.REPORT, source=Source.HOTLINE_12345, class_code='E0111', x=x + 10, y=y, at=T0.replace(hour=11))
    assert b.case.state is CaseState.REJECTED and b.case.duplicate_of == a.id


def test_primed_locations_are_the_ones_located_one_by_one(mem):
    import numpy as np
    import shapely
    places = mem.places
    minx, miny, maxx, maxy = shapely.total_bounds(places.cell_geoms)
    rng = np.random.default_rng(3)
    xs = rng.uniform(minx - 50, maxx + 50, 400).tolist()  # some outside the district
    ys = rng.uniform(miny - 50, maxy + 50, 400).tolist()
    # points exactly on cell corners: inside two or four cells, the lowest code wins
    corners = shapely.get_coordinates(places.cell_geoms[:20])
    xs += corners[:, 0].tolist()
    ys += corners[:, 1].tolist()
    lots = [(xs, ys, t) for t in (0.0, 30.0, 500.0)]
    one_by_one = {(x, y, t): places.locate(x, y, t) for x_s, y_s, t in lots
                  for x, y in zip(x_s, y_s, strict=True)}
    places.prime(lots)
    assert len(places.primed) == len(one_by_one)
    assert places.primed == one_by_one
    assert any(loc.segment_id for loc in one_by_one.values())
    assert any(not loc.inside_district for loc in one_by_one.values())
    places.prime([])
    places.prime([])  # two calls later the answers are gone; locating still answers
    assert not places.primed and not places.primed_before
    assert all(places.locate(*k) == v for k, v in list(one_by_one.items())[:50])
