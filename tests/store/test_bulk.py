"""Bulk writes are atomic and equal to what the services would have written."""

from datetime import datetime

import pytest
from factories import act, cell_center
from sqlalchemy.exc import DBAPIError, IntegrityError

from gridapp.domain import workflow as wf
from gridapp.domain.actions import Action
from gridapp.domain.case import Case, CaseEvent, CaseState, Source
from gridapp.domain.catalog import CaseKind
from gridapp.domain.places import Location
from gridapp.services import cases as svc
from gridapp.store.bulk import REBUILD_AT, CaseBulkWriter, case_rows, insert_columns

T0 = datetime(2026, 3, 1, 9, 0)


def _cases(first, n):
    x, y = cell_center("420102002002", 5)
    out, events = [], []
    for i in range(n):
        c = Case(source=Source.HOTLINE_12345, kind=CaseKind.EVENT, class_code="E0506",
                 x=x + i % 7, y=y, reported_at=T0, reporter_id=2, description=f"第{i}件",
                 location=Location("420102002002005", "420102002002", "420102002"),
                 external_id=f"HL-{i}")
        c.id = first + i
        out.append(c)
        events.append(CaseEvent(c.id, 1, "report", 2, "acceptor", T0, None, CaseState.REPORTED,
                                "导入", {"source": "hotline_12345"}))
    return out, events


def test_bulk_cases_read_back_like_service_cases(store):
    with store.uow() as uow:
        w = CaseBulkWriter(uow.conn)
        first = uow.cases.reserve_ids(3)[0]
        cases, events = _cases(first, 3)
        w.write(cases, events)
        uow.commit()
    view = svc.view(store.uow(), "acceptor", cases[1].number)
    assert view.case.external_id == "HL-1" and view.case.description == "第1件"
    assert view.case.reported_at == T0 and view.events[0].data == {"source": "hotline_12345"}
    assert wf.replay(view.events).state is CaseState.REPORTED
    # the next case entered by hand continues the id sequence (PostGIS: sequence moved)
    nxt = act(store, 'worker1', None, Action.REPORT, source=Source.GRID_PATROL, class_code='E0102', x=cases[0].x, y=cases[0].y + 60, at=T0).case
    assert nxt.id == cases[-1].id + 1
    assert act(store, 'acceptor', cases[0].id, Action.REGISTER).case.state is CaseState.REGISTERED


def test_prepared_columns_write_the_same_rows(store):
    """`case_rows` (made in one process, written by another) + `write_prepared` = `write`."""
    with store.uow() as uow:
        ids = uow.cases.reserve_ids(6)
        one, ev_one = _cases(ids[0], 3)
        two, ev_two = _cases(ids[3], 3)
        for c in two:
            c.external_id += "b"
        for c, e in ((one[1], ev_one), (two[1], ev_two)):  # a second row with awkward data
            e.append(CaseEvent(c.id, 2, "register", 2, "acceptor", T0, CaseState.REPORTED,
                               CaseState.REGISTERED, "它's \"引号\"\n换行",
                               {"z": [1, 2.5, None], "a": "中文"}, ("abc",)))
        w = CaseBulkWriter(uow.conn)
        w.write(one, ev_one)
        assert w.write_prepared(case_rows(two, ev_two, sqlite=store.backend == "sqlite"),
                                rebuild_indexes=False) == 3
        uow.commit()
        rows = uow.conn.exec_driver_sql(
            "SELECT * FROM cases WHERE id >= ? ORDER BY id" if store.backend == "sqlite" else
            "SELECT * FROM cases WHERE id >= %s ORDER BY id", (ids[0],)).mappings().all()
        audit = uow.conn.exec_driver_sql(
            "SELECT * FROM case_events WHERE case_id >= ? ORDER BY case_id, seq"
            if store.backend == "sqlite" else
            "SELECT * FROM case_events WHERE case_id >= %s ORDER BY case_id, seq",
            (ids[0],)).mappings().all()

    def same(row, k):  # the row of the other batch: its id, number and external id moved
        skip = {"id", "number", "external_id", "geom", "change_seq"}
        return {c: v for c, v in row.items() if c not in skip} == \
            {c: v for c, v in rows[k + 3].items() if c not in skip}
    assert all(same(rows[k], k) for k in range(3))
    by_case = {}
    for r in audit:
        by_case.setdefault(r["case_id"], []).append(r)
    for k in range(3):
        a, b = by_case[ids[k]], by_case[ids[k + 3]]
        assert len(a) == len(b) > 0
        for ra, rb in zip(a, b, strict=True):
            assert {c: v for c, v in ra.items() if c not in ("case_id", "hash")} == \
                {c: v for c, v in rb.items() if c not in ("case_id", "hash")}
    assert all(r["hash"] for r in audit)


def test_bulk_is_all_or_nothing(store):
    with store.uow(write=False) as uow:
        before = uow.conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
    with pytest.raises(IntegrityError), store.uow() as uow:
        w = CaseBulkWriter(uow.conn)
        cases, events = _cases(uow.cases.reserve_ids(2)[0], 2)
        events.append(events[0])  # the same audit row twice violates the key
        w.write(cases, events)
        uow.commit()
    with store.uow(write=False) as uow:
        assert uow.conn.exec_driver_sql("SELECT count(*) FROM cases").scalar() == before


def test_large_batches_rebuild_indexes_inside_the_transaction(sqlite_store):
    n = REBUILD_AT
    index_sql = "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='cases'"
    with sqlite_store.read() as conn:
        indexes = {r[0] for r in conn.exec_driver_sql(index_sql)}
        before = conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
    x, y = cell_center("420102001001", 1)
    with sqlite_store.uow() as uow:
        first = (uow.conn.exec_driver_sql("SELECT max(id) FROM cases").scalar() or 0) + 1
        insert_columns(uow.conn, "cases", {
            "id": list(range(first, first + n)), "source": "hotline_12345", "kind": "event",
            "class_code": "E0102", "description": "", "address": "", "x": x, "y": y,
            "reporter_id": 2, "reporter_contact": "", "state": "reported", "version": 1,
            "reported_at": T0, "rectifier_ids": "", "return_count": 0, "rework_count": 0,
            "extension_count": 0, "reopen_count": 0, "supervision_count": 0,
            "updated_at": T0}, n)
        # the indexes are back before the transaction ends, and they answer queries
        assert {r[0] for r in uow.conn.exec_driver_sql(index_sql)} == indexes
        assert uow.conn.exec_driver_sql(
            "SELECT count(*) FROM cases WHERE class_code='E0102' AND reported_at = ?",
            (T0.isoformat(" ", "microseconds"),)).scalar() == n
        uow.rollback()
    with sqlite_store.read() as conn:
        assert {r[0] for r in conn.exec_driver_sql(index_sql)} == indexes
        assert conn.exec_driver_sql("SELECT count(*) FROM cases").scalar() == before


def test_a_large_batch_fills_the_rtree_after_its_rows_as_the_trigger_would(
        sqlite_template, tmp_path):
    """`rtree_after`: the R*Tree of case points holds exactly what the per-row trigger puts
    there, the trigger is back for the next case, and a batch whose ids meet stored cases
    keeps the trigger."""
    import random
    import shutil

    from gridapp.store.store import Store
    rng = random.Random(5)
    (x0, y0), (x1, y1) = cell_center("420102001001", 1), cell_center("420102002002", 8)

    def load(name, rtree_after, first=None, n=300, rebuild=True):
        if not (tmp_path / name).exists():
            shutil.copy(sqlite_template, tmp_path / name)
        store = Store.open(str(tmp_path / name))
        with store.uow() as uow:
            start = first or (uow.conn.exec_driver_sql("SELECT max(id) FROM cases").scalar()
                              or 0) + 1
            insert_columns(uow.conn, "cases", {
                "id": list(range(start, start + n)), "source": "hotline_12345",
                "kind": "event", "class_code": "E0102", "description": "", "address": "",
                "x": [rng.uniform(x0, x1) if k % 9 else None for k in range(n)],
                "y": [rng.uniform(y1, y0) if k % 9 else None for k in range(n)],
                "reporter_id": 2, "reporter_contact": "", "state": "reported", "version": 1,
                "reported_at": T0, "rectifier_ids": "", "return_count": 0, "rework_count": 0,
                "extension_count": 0, "reopen_count": 0, "supervision_count": 0,
                "updated_at": T0}, n, rebuild_indexes=rebuild, rtree_after=rtree_after)
            uow.commit()
        with store.read() as conn:
            tree = conn.exec_driver_sql("SELECT * FROM idx_cases_geom ORDER BY pkid").all()
            # the same tree node for node: the same boxes inserted in the same order
            nodes = conn.exec_driver_sql("SELECT * FROM idx_cases_geom_node ORDER BY nodeno"
                                         ).all()
            # the rows as the per-row geometry triggers leave them, and those triggers back
            stored = conn.exec_driver_sql("SELECT id, x, y, AsText(geom), ST_SRID(geom), "
                                          "change_seq IS NOT NULL FROM cases ORDER BY id").all()
            triggers = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = "
                                            "'trigger' AND tbl_name = 'cases' ORDER BY name"
                                            ).all()
            trigger = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = "
                                           "'gii_cases_geom'").scalar()
        store.close()
        return tree, trigger, nodes, stored, triggers

    rng.seed(5)
    per_row = load("per_row.sqlite", False, rebuild=False)  # every trigger at every row
    rng.seed(5)
    after = load("after.sqlite", True)
    assert after == per_row and after[1] and len(after[0]) > 200
    rng.seed(6)
    later = load("after.sqlite", False, n=5)  # the trigger works again
    assert len(later[0]) == len(after[0]) + 4
    with pytest.raises(IntegrityError):  # ids meeting stored cases: the trigger stays on
        load("after.sqlite", True, first=later[0][-1][0] - 2, n=10)
    store = Store.open(str(tmp_path / "after.sqlite"))  # the type and SRID checked again
    with store.uow() as uow, pytest.raises(DBAPIError, match="violates Geometry constraint"):
        uow.conn.exec_driver_sql(
            "INSERT INTO cases (id, source, kind, class_code, description, address, x, y, "
            "reporter_id, reporter_contact, state, version, reported_at, rectifier_ids, "
            "return_count, rework_count, extension_count, reopen_count, supervision_count, "
            "updated_at, geom) VALUES (999999, 'hotline_12345', 'event', 'E0102', '', '', 1, "
            "2, 2, '', 'reported', 1, '2026-01-01', '', 0, 0, 0, 0, 0, '2026-01-01', "
            "MakePoint(1, 2, 4326))")
    store.close()


def test_sizing_a_table_without_rowid_leaves_no_reference_cycle(sqlite_store):
    """The audit table has no rowid: asking for max(rowid) and catching the error kept the
    writer's frames (a whole batch's rows) in a cycle only a full GC pass frees."""
    import gc
    import types

    from gridapp.store.bulk import _rows_estimate
    with sqlite_store.uow() as uow:
        w = CaseBulkWriter(uow.conn)
        cases, events = _cases(uow.cases.reserve_ids(3)[0], 3)
        w.write(cases, events)
        gc.collect()
        was = gc.get_debug()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            assert _rows_estimate(uow.conn, "case_events") == 3
            assert _rows_estimate(uow.conn, "cases") >= 3
            gc.collect()
            assert not [o for o in gc.garbage if isinstance(o, types.FrameType)]
        finally:
            gc.set_debug(was)
            gc.garbage.clear()


def test_work_beside_is_done_before_an_error_of_either_side_is_raised():
    """The connection belongs to the thread until its statements are done, whatever
    happens on the calling side; an error of either side is raised."""
    import threading

    from gridapp.store.bulk import _beside
    release, done = threading.Event(), []

    def work():
        release.wait(5)
        done.append("indexes")

    def prepare():
        release.set()
        raise ZeroDivisionError
    with pytest.raises(ZeroDivisionError):
        _beside([work], prepare)
    assert done == ["indexes"]
    with pytest.raises(KeyError):
        _beside([lambda: {}["idx"]], lambda: "columns")
    assert _beside([], lambda: "columns") == "columns"


def test_work_beside_reports_progress_until_it_is_done_and_a_cancel_waits_for_it():
    """While the indexes outlast the caller's preparing, progress goes on (the callback may
    cancel); a cancel is raised only once the thread's statements are done."""
    import threading

    from gridapp.services.progress import Cancelled
    from gridapp.store.bulk import _beside
    release, done, seen = threading.Event(), [], []

    def work():
        release.wait(5)
        done.append("indexes")

    def progress(_done, _total, what):
        seen.append(what)
        if len(seen) == 2:
            release.set()
    assert _beside([work], lambda: "columns", progress, "indexing cases") == "columns"
    assert done == ["indexes"] and seen[:2] == ["indexing cases"] * 2
    release.clear()

    def cancel(_done, _total, what):
        release.set()
        raise Cancelled(what)
    with pytest.raises(Cancelled):
        _beside([work], lambda: "columns", cancel, "indexing cases")
    assert done == ["indexes", "indexes"]


def test_a_null_is_bound_as_null_through_its_quick_adapter(sqlite_store):
    """None has an adapter of its own in the driver (a bulk insert binds millions): it still
    arrives as NULL, and a base type stays unadapted (the driver's fast path)."""
    import sqlean
    assert sqlean.adapters[(type(None), sqlean.PrepareProtocol)](None) is None
    with sqlite_store.read() as conn:
        cur = conn.connection.cursor()
        assert cur.execute("SELECT ? IS NULL, typeof(?)", (None, None)).fetchone() == (1, "null")
        cur.close()
