"""What a SQLite connection wrote last, kept while nothing else can differ (store/written.py):
the next transition of the same case reads neither its row nor its trail, and gets what a
read gives; anything else that changed the store (another connection's commit, any other
write on this one) makes it read again."""

import functools
import shutil
from datetime import datetime, timedelta

import pytest
import sqlean
from factories import act, cell_center, clock
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from gridapp.domain.actions import Action
from gridapp.domain.case import CaseState, Source
from gridapp.domain.errors import StaleCase
from gridapp.services import cases as svc
from gridapp.store import cases as sc
from gridapp.store import uow as uow_module
from gridapp.store import written
from gridapp.store.store import Store

T0 = datetime(2026, 11, 2, 9, 0)  # Monday
STEPS = [("acceptor", Action.REGISTER, {}),
         ("dispatcher", Action.DISPATCH, {"assignee": ("department", "sanitation")}),
         ("sanitation1", Action.SIGN, {}),
         ("sanitation2", Action.RECTIFY, {"note": "已清运"}),
         ("dispatcher", Action.ASSIGN_VERIFIER, {"verifier": "worker1"}),
         ("worker1", Action.VERIFY_PASS, {"note": "现场核查通过"}),
         ("leader_shift", Action.CLOSE, {})]


def _report(store, k: int = 0) -> int:
    x, y = cell_center("420102001001", 2)
    return act(store, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
               class_code="E0102", x=x, y=y, description=f"路边暴露垃圾{k}",
               at=T0 + timedelta(seconds=k)).case.id


def _statements(store) -> list[str]:
    """The statements the thread's held connection runs from now on."""
    seen: list[str] = []
    with store.uow(write=False) as uow:
        uow.conn.connection.dbapi_connection.set_trace_callback(seen.append)
    return seen


def _read(store, case_id: int):
    """The case and trail as SQLAlchemy reads them (the reference path)."""
    with store.uow(write=False) as uow:
        repo = sc.SqlCaseRepository(uow.conn, store.spatial, store.srid, lean=False)
        return repo.get(case_id), repo.events(case_id)


def _kept(store, case_id: int):
    with store.uow(write=False) as uow:
        return uow.cases.get(case_id), uow.cases.events(case_id)


def test_the_next_step_of_a_case_reads_neither_row_nor_trail(sqlite_store):
    store = sqlite_store
    case_id = _report(store)
    seen = _statements(store)
    reads = []
    for k, (who, action, values) in enumerate(STEPS, 1):
        seen.clear()
        act(store, who, case_id, action, at=T0 + timedelta(minutes=10 * k), **values)
        reads.append([s.split()[1] for s in seen if s.startswith("SELECT cases.id")
                      or s.startswith("SELECT case_events.case_id")])
        assert _kept(store, case_id) == _read(store, case_id)  # (reads, writing nothing)
    # the first step reads what the report wrote (SQLAlchemy's insert); the others nothing
    assert reads == [["cases.id,", "case_events.case_id,"]] + [[]] * (len(STEPS) - 1)
    case, trail = _read(store, case_id)
    assert case.state is CaseState.CLOSED and [e.seq for e in trail] == list(range(1, 9))


def test_the_same_steps_store_the_same_bytes_as_without_keeping(sqlite_template, tmp_path):
    stores = []
    for name in ("kept", "read"):
        shutil.copy(sqlite_template, tmp_path / f"{name}.sqlite")
        stores.append(Store.open(str(tmp_path / f"{name}.sqlite")))
    kept, read = stores
    try:
        for s in stores:
            if s is read:  # every step reads its case and trail again
                s.held_connections = None
            case_id = _report(s)
            for k, (who, action, values) in enumerate(STEPS, 1):
                act(s, who, case_id, action, at=T0 + timedelta(minutes=10 * k), **values)
        for table, key in (("cases", "id"), ("case_events", "case_id, seq"),
                           ("change_counter", "seq"), ("change_log", "seq")):
            rows = []
            for s in stores:
                with s.engine.connect() as conn:
                    rows.append(conn.execute(text(f"SELECT * FROM {table} ORDER BY {key}"))
                                .all())
            assert rows[0] == rows[1], table
    finally:
        for s in stores:
            s.close()


def test_another_connections_commit_is_read(sqlite_store):
    store = sqlite_store
    case_id = _report(store)
    act(store, "acceptor", case_id, Action.REGISTER, at=T0 + timedelta(minutes=1))
    other = sqlean.connect(store.engine.url.database)  # another program, say
    other.execute("UPDATE cases SET address = '另一个工作站' WHERE id = ?", (case_id,))
    other.commit()
    other.close()
    case, _ = _kept(store, case_id)
    assert case.address == "另一个工作站" and (case, _) == _read(store, case_id)


def test_another_workstations_step_makes_this_ones_stale(sqlite_store):
    store = sqlite_store
    case_id = _report(store)
    act(store, "acceptor", case_id, Action.REGISTER, at=T0 + timedelta(minutes=1))
    second = Store.open(store.engine.url.database)
    try:
        act(second, "dispatcher", case_id, Action.DISPATCH, at=T0 + timedelta(minutes=2),
            assignee=("department", "sanitation"))
    finally:
        second.close()
    clock(store, T0 + timedelta(minutes=3))
    with pytest.raises(StaleCase):
        svc.perform(store.uow(), "dispatcher", case_id, Action.DISPATCH, expected_version=2,
                    assignee=("department", "sanitation"))
    act(store, "sanitation1", case_id, Action.SIGN, at=T0 + timedelta(minutes=4))
    assert _kept(store, case_id) == _read(store, case_id)
    assert _read(store, case_id)[0].version == 4


def test_any_other_write_on_the_same_connection_is_read(sqlite_store):
    store = sqlite_store
    case_id = _report(store)
    act(store, "acceptor", case_id, Action.REGISTER, at=T0 + timedelta(minutes=1))
    with store.uow() as uow:  # the held connection: its data version does not move
        uow.conn.exec_driver_sql("UPDATE cases SET address = '同一连接' WHERE id = ?",
                                 (case_id,))
        uow.commit()
    case, _ = _kept(store, case_id)
    assert case.address == "同一连接"
    with store.uow() as uow:  # rolled back: counted all the same, read again
        uow.conn.exec_driver_sql("UPDATE cases SET address = '撤销' WHERE id = ?", (case_id,))
    act(store, "dispatcher", case_id, Action.DISPATCH, at=T0 + timedelta(minutes=2),
        assignee=("department", "sanitation"))
    assert _kept(store, case_id) == _read(store, case_id)


def test_a_transaction_writing_more_keeps_nothing(sqlite_store):
    store = sqlite_store
    case_id = _report(store)

    def also(uow, case, events):  # e.g. a field import recording the edit it merged
        uow.conn.exec_driver_sql("UPDATE meta SET value = value WHERE key = 'srid'")

    svc.perform(store.uow(), "acceptor", case_id, Action.REGISTER, also=also)
    with store.uow(write=False) as uow:
        assert uow.conn.info.get(written.KEY) is None
    act(store, "dispatcher", case_id, Action.DISPATCH, at=T0 + timedelta(minutes=2),
        assignee=("department", "sanitation"))
    assert _kept(store, case_id) == _read(store, case_id)


def test_postgis_and_the_reference_path_keep_nothing(store, monkeypatch):
    case_id = _report(store)
    if store.engine.dialect.name == "sqlite":
        monkeypatch.setattr(uow_module, "SqlCaseRepository",
                            functools.partial(sc.SqlCaseRepository, lean=False))
    act(store, "acceptor", case_id, Action.REGISTER, at=T0 + timedelta(minutes=1))
    with store.uow(write=False) as uow:
        assert uow.conn.info.get(written.KEY) is None
        assert uow.cases.get(case_id).state is CaseState.REGISTERED


# ---- as_stored against SQLite itself -------------------------------------------------------

_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1),
                    st.floats(allow_nan=True, allow_infinity=True),
                    st.text(max_size=12), st.sampled_from(
                        ["1", " 2", "3.5", "1e3", "0x10", "-0", "inf", "NaN", "{}", "[1]",
                         "2026-11-02 09:00:00.000000", "12:00", "1_0", "٣", ""]),
                    st.binary(max_size=4))


_DECLARED = ["BIGINT", "INTEGER", "VARCHAR(8)", "TEXT", "FLOAT", "DATETIME", "JSON", "BLOB"]


@settings(max_examples=600, deadline=None)
@given(_VALUES, st.sampled_from(_DECLARED))
def test_a_value_kept_as_stored_is_what_sqlite_returns(value, declared):
    """Whatever `as_stored` vouches for comes back from SQLite as the same value of the
    same type, in a column declared as the store declares its columns."""
    kind = written._affinity(declared)
    kept = written.as_stored([value], [kind])
    con = sqlean.connect(":memory:")
    con.execute(f"CREATE TABLE t (c {declared})")
    try:
        con.execute("INSERT INTO t VALUES (?)", (value,))
    except (OverflowError, sqlean.Error):
        assert kept is None or value is None
        return
    (back,) = con.execute("SELECT c FROM t").fetchone()
    if kept is not None:
        assert (type(back), back) == (type(kept[0]), kept[0])
    if value is None or (type(value) is {"INTEGER": int, "TEXT": str, "BLOB": bytes}.get(kind)):
        assert kept is not None  # the usual values are kept


def test_affinities_follow_sqlites_rules():
    assert [written._affinity(d) for d in _DECLARED] == [
        "INTEGER", "INTEGER", "TEXT", "TEXT", "REAL", "NUMERIC", "NUMERIC", "BLOB"]
    assert written.as_stored([2.5, "2026-11-02 09:00:00.000000", '{"a": 1}', "[]"],
                             ["REAL", "NUMERIC", "NUMERIC", "NUMERIC"]) is not None
    for value, kind in ((1, "REAL"), (True, "INTEGER"), (1.0, "INTEGER"), (float("nan"), "REAL"),
                        (-0.0, "REAL"), ("12", "NUMERIC"), (" 1e3", "NUMERIC"), (3, "TEXT")):
        assert written.as_stored([value], [kind]) is None, (value, kind)
