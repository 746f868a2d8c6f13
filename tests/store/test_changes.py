"""Change tracking: every committed write, by gridapp or by any other program, is found as
"after the reader's mark", in commit order, whatever any clock says."""

import threading
from datetime import datetime

import numpy as np
import pytest
from factories import act, cell_center, clock

from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.services import cases as svc
from gridapp.services.reading import NOTHING

T0 = datetime(2026, 11, 2, 9, 0)


def _report(store, comm="420102001001", serial=2):
    x, y = cell_center(comm, serial)
    clock(store, T0)
    return svc.report(store.uow(), "worker1", source=Source.GRID_PATROL, class_code="E0102",
                      x=x, y=y).case


def _sql(store, sql: str, params=()):
    """A write by another program (QGIS, a SQL client): plain SQL, gridapp not involved."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql(sql.replace("?", "%s") if store.backend != "sqlite" else sql,
                             params)


def test_gridapp_writes_are_found_after_the_mark(store):
    read = store.read_model
    mark = read.mark()
    a = _report(store)
    ch = read.changes(mark)
    assert ch.case_ids == (a.id,) and not ch.tables
    act(store, "acceptor", a.id, Action.REGISTER)
    ch2 = read.changes(ch.mark)
    assert ch2.case_ids == (a.id,)
    assert not read.changes(ch2.mark)  # nothing new after the newest mark
    assert a.id in read.changes(NOTHING).case_ids


def test_writes_by_other_programs_are_stamped_and_logged(store):
    read = store.read_model
    a = _report(store)
    mark = read.mark()
    with store.uow(write=False) as uow:
        rev = uow.config.meta("config_revision")
    # a case edited by hand with a clock years behind: still after the mark
    _sql(store, "UPDATE cases SET description = 'x', updated_at = ? WHERE id = ?",
         (datetime(2001, 1, 1), a.id))
    _sql(store, "UPDATE streets SET name = '一元新街' WHERE code = '420102001'")
    _sql(store, "UPDATE people SET name = '赵网格员' WHERE username = 'worker1'")
    ch = read.changes(mark)
    assert ch.case_ids == (a.id,)
    assert {"streets", "people"} <= ch.tables and ch.places and ch.config
    with store.uow(write=False) as uow:  # the services' caches see another revision
        assert uow.config.meta("config_revision") != rev
        assert uow.people.by_username("worker1").name == "赵网格员"
    # the owner purging a case on purpose: audit rows are append-only, so the guard goes first
    if store.spatial.name == "sqlite":
        _sql(store, "DROP TRIGGER case_events_no_delete")
    else:
        _sql(store, "ALTER TABLE case_events DISABLE TRIGGER case_events_append_only")
    _sql(store, "DELETE FROM case_events WHERE case_id = ?", (a.id,))
    _sql(store, "DELETE FROM cases WHERE id = ?", (a.id,))
    assert read.changes(ch.mark).deleted_cases == {a.id}


def test_a_cell_moved_outside_gridapp_gets_its_area_and_centre_again(store):
    st = store.spatial
    with store.read() as conn:
        before = conn.exec_driver_sql("SELECT area_m2, cx, cy FROM grid_cells WHERE code = "
                                      "'420102001001001'").first()
    shift = "ST_Translate(geom, 10, 0, 0)" if st.name == "sqlite" else "ST_Translate(geom, 10, 0)"
    _sql(store, f"UPDATE grid_cells SET geom = {shift} WHERE code = '420102001001001'")
    scaled = "ScaleCoords(geom, 2.0, 1.0)" if st.name == "sqlite" else "ST_Scale(geom, 2.0, 1.0)"
    _sql(store, f"UPDATE road_segments SET geom = {scaled} WHERE code = '420102-R002-01'")
    with store.read() as conn:
        after = conn.exec_driver_sql("SELECT area_m2, cx, cy FROM grid_cells WHERE code = "
                                     "'420102001001001'").first()
        length = conn.exec_driver_sql("SELECT length_m, ST_Length(geom) FROM road_segments "
                                      "WHERE code = '420102-R002-01'").first()
    assert after.area_m2 == pytest.approx(before.area_m2)
    assert after.cx == pytest.approx(before.cx + 10) and after.cy == pytest.approx(before.cy)
    assert length[0] == pytest.approx(length[1])


@pytest.mark.postgis
def test_postgis_transactions_committing_out_of_order_are_all_seen(postgis_store):
    """Two workstations: the one that started first commits last. A reader that looked in
    between must still get the late one next time (transaction ids are not commit order)."""
    store = postgis_store
    read = store.read_model
    a, b = _report(store, serial=2), _report(store, serial=3)
    mark = read.mark()
    first_in = threading.Event()
    go_on = threading.Event()

    def slow_workstation():
        with store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE cases SET description = 'slow' WHERE id = %s", (a.id,))
            first_in.set()
            go_on.wait(10)
    t = threading.Thread(target=slow_workstation)
    t.start()
    first_in.wait(10)
    _sql(store, "UPDATE cases SET description = 'fast' WHERE id = ?", (b.id,))
    ch = read.changes(mark)
    assert ch.case_ids == (b.id,)
    go_on.set()
    t.join()
    assert read.changes(ch.mark).case_ids == (a.id,)


def test_a_store_gone_back_in_time_invalidates_old_marks(sqlite_store):
    read = sqlite_store.read_model
    _report(sqlite_store)
    mark = read.mark()
    assert read.mark_is_valid(mark)
    _sql(sqlite_store, "UPDATE change_counter SET seq = 1")  # as a restored older backup
    assert not read.mark_is_valid(mark)


def test_cells_edited_into_each_other_are_reported(store):
    """A cell dragged onto its neighbour in QGIS: the store names the pair and the overlap,
    only for cells written after the reader's mark."""
    read = store.read_model
    assert read.overlapping_cells() == []  # the mini district's grid is sound
    mark = read.mark()
    shift = "ST_Translate(geom, 30, 0, 0)" if store.backend == "sqlite" \
        else "ST_Translate(geom, 30, 0)"
    _sql(store, f"UPDATE grid_cells SET geom = {shift} WHERE code = '420102001001001'")
    pairs = read.overlapping_cells(mark)
    assert [(a, b) for a, b, _ in pairs] == [("420102001001001", "420102001001002")]
    assert pairs[0][2] == pytest.approx(30 * 100)
    assert read.overlapping_cells(read.mark()) == []  # nothing written since


def test_a_place_edit_keeps_what_it_does_not_touch(store):
    """A street renamed (say in QGIS) leaves the case arrays and the cell image as they
    were — the window need not read every case again — while a case changed in the same
    refresh is still taken in; a moved cell makes a new cell image."""
    from gridapp.app.map_data import MapData
    a = _report(store)
    data = MapData.load(store, now=T0)
    _sql(store, "UPDATE streets SET name = '一元新街' WHERE code = '420102001'")
    act(store, "acceptor", a.id, Action.REGISTER, at=T0)
    fresh, changes = data.refreshed(store, T0)
    assert changes.places and "一元新街" in list(fresh.street_names)
    assert fresh.places_key == data.places_key  # the cell image stays valid
    k = int(np.searchsorted(fresh.cases.id, a.id))
    assert fresh.cases.id[k] == a.id and fresh.cases.state[k] != data.cases.state[k]
    assert len(fresh.cases.id) == len(data.cases.id)
    shift = "ST_Translate(geom, 10, 0, 0)" if store.spatial.name == "sqlite" else \
        "ST_Translate(geom, 10, 0)"
    _sql(store, f"UPDATE grid_cells SET geom = {shift} WHERE code = '420102001001001'")
    moved, _ = fresh.refreshed(store, T0)
    assert moved.places_key != fresh.places_key and moved.cases is fresh.cases
