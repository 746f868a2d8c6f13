"""The lean path of transitions (statements on the driver's cursor, store/lean.py, on a
connection held by the thread, store/held.py) against SQLAlchemy's own execution of the same
statements on a connection checked out per unit of work, on SpatiaLite and on PostGIS: the
same cases and audit rows read, the same bytes stored, stale writes refused the same way."""

import functools
import shutil
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from factories import act, cell_center
from sqlalchemy import bindparam, select, text
from sqlalchemy.exc import IntegrityError

from gridapp.domain import workflow as wf
from gridapp.domain.actions import Action
from gridapp.domain.case import CaseState, Source
from gridapp.domain.errors import StaleCase
from gridapp.store import cases as sc
from gridapp.store import uow as uow_module
from gridapp.store.lean import LeanStatement
from gridapp.store.store import Store

T0 = datetime(2026, 11, 2, 9, 0)  # Monday


def _repo(uow, lean: bool) -> sc.SqlCaseRepository:
    return sc.SqlCaseRepository(uow.conn, uow.store.spatial, uow.store.srid, lean=lean)


def _loop(store) -> int:
    """A case through the whole loop, its class and point corrected at registration (so its
    verification is assigned: the new cell is not the reporter's); 8 audit rows."""
    x, y = cell_center("420102001001", 2)
    c = act(store, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
            class_code="E0102", x=x, y=y, description="路边暴露垃圾", at=T0).case
    nx, ny = cell_center("420102002002", 6)
    steps = [("acceptor", Action.REGISTER, {"class_code": "E0103", "x": nx, "y": ny,
                                            "address": "大智街 黄浦路东侧", "note": "更正"}),
             ("dispatcher", Action.DISPATCH, {"assignee": ("department", "sanitation")}),
             ("sanitation1", Action.SIGN, {}),
             ("sanitation2", Action.RECTIFY, {"note": "已清运"}),
             ("dispatcher", Action.ASSIGN_VERIFIER, {"verifier": "worker1"}),
             ("worker1", Action.VERIFY_PASS, {"note": "现场核查通过"}),
             ("leader_shift", Action.CLOSE, {})]
    for k, (who, action, values) in enumerate(steps, 1):
        act(store, who, c.id, action, at=T0 + timedelta(minutes=10 * k), **values)
    return c.id


def _rows(store, table: str, key: str) -> list[tuple]:
    """Every row of `table` as stored (the point as WKB), without PostgreSQL's change
    numbers (transaction ids, which differ between two databases)."""
    with store.engine.connect() as conn:
        cols = list(conn.execute(text(f"SELECT * FROM {table} LIMIT 0")).keys())
        pg = conn.dialect.name == "postgresql"
        shown = [("ST_AsBinary(geom)" if c == "geom" else c) for c in cols
                 if not (pg and c == "change_seq")]
        return [tuple(r) for r in conn.execute(text(
            f"SELECT {', '.join(shown)} FROM {table} ORDER BY {key}"))]


@pytest.fixture(params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def twins(request, tmp_path):
    """Two copies of the same store."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        urls = []
        for name in ("lean", "reference"):
            shutil.copy(template, tmp_path / f"{name}.sqlite")
            urls.append(str(tmp_path / f"{name}.sqlite"))
    else:
        server = request.getfixturevalue("postgis")
        template = request.getfixturevalue("postgis_template")
        urls = [server.create_database_from("t_" + uuid.uuid4().hex[:12], template)
                for _ in range(2)]
    stores = [Store.open(u) for u in urls]
    yield stores
    for s in stores:
        s.close()


def test_the_loop_stores_the_same_bytes_on_both_paths(twins, monkeypatch):
    lean_store, reference = twins
    # updated_at is the store's clock, which each step sets: the twins' rows are equal
    case_id = _loop(lean_store)
    monkeypatch.setattr(uow_module, "SqlCaseRepository",
                        functools.partial(sc.SqlCaseRepository, lean=False))
    reference.held_connections = None  # and a connection checked out per unit of work
    assert _loop(reference) == case_id
    tables = [("cases", "id"), ("case_events", "case_id, seq")]
    if lean_store.engine.dialect.name == "sqlite":  # PostgreSQL numbers by transaction id
        tables += [("change_log", "seq"), ("change_counter", "seq")]
    for table, key in tables:
        assert _rows(lean_store, table, key) == _rows(reference, table, key), table
    with lean_store.uow(write=False) as uow:
        trail = uow.cases.events(case_id)
    assert wf.replay(trail).state is CaseState.CLOSED and len(trail) == 8


def test_both_paths_read_the_same_case_and_trail(store):
    case_id = _loop(store)
    with store.uow(write=False) as uow:
        lean, reference = _repo(uow, True), _repo(uow, False)
        case = lean.get(case_id)
        assert case == reference.get(case_id)
        assert lean.get_by_number(case.number) == reference.get_by_number(case.number)
        trail = lean.events(case_id)
        assert trail == reference.events(case_id)
        assert trail[1].data["previous"]["class"] == "E0102"  # JSON read back as JSON
        assert isinstance(trail[0].at, datetime) and isinstance(case.closed_at, datetime)


@pytest.mark.parametrize("lean", [True, False])
def test_a_stale_write_is_refused_on_both_paths(store, lean):
    case_id = _loop(store)
    with store.uow() as uow:
        stale = _repo(uow, lean).get(case_id)
    act(store, "leader_shift", case_id, Action.REOPEN, reason="复查未通过",
        at=T0 + timedelta(hours=2))
    with store.uow() as uow:
        repo = _repo(uow, lean)
        stale.supervision_count += 1
        with pytest.raises(StaleCase) as refused:
            repo.update(stale, expected_version=8)
        assert refused.value.params["current"] == 9
    with store.uow(write=False) as uow:  # nothing of the stale write is stored
        assert uow.cases.get(case_id).supervision_count == 0


@pytest.mark.parametrize("lean", [True, False])
def test_an_update_writes_only_what_changed_and_is_read_back_whole(store, lean):
    case_id = _loop(store)
    with store.uow() as uow:
        repo = _repo(uow, lean)
        case = repo.get(case_id)
        case.supervision_count, case.address = 3, "改"
        repo.update(case, expected_version=8)
        uow.commit()
    with store.uow(write=False) as uow:
        again = _repo(uow, not lean).get(case_id)
    assert (again.supervision_count, again.address, again.state) == (3, "改", CaseState.CLOSED)
    assert again.class_code == "E0103" and again.location == case.location


def test_a_driver_error_reads_as_sqlalchemys(store):
    case_id = _loop(store)
    with store.uow(write=False) as uow:
        first = uow.cases.events(case_id)[0]
    for lean in (True, False):
        with store.uow() as uow, pytest.raises(IntegrityError):
            _repo(uow, lean).add_event(first)  # (case, seq) is taken


def test_outside_a_transaction_the_ordinary_path_runs(store):
    case_id = _loop(store)
    stmt = LeanStatement(select(sc.E.c.seq, sc.E.c.at).where(sc.E.c.case_id == case_id)
                         .order_by(sc.E.c.seq))
    with store.engine.connect() as conn:
        assert not conn.in_transaction()
        ordinary = stmt.execute(conn, {}).rows
        assert conn.in_transaction()  # SQLAlchemy began one, as it does
        assert stmt.execute(conn, {}).rows == ordinary
    assert [seq for seq, _ in ordinary] == list(range(1, 9))


def test_fast_writers_write_what_sqlalchemys_processors_write():
    """The isoformat writer of SQLite DATETIME and the empty-JSON writer against SQLAlchemy's
    own processors, value by value (the lean statements bind through them)."""
    import random
    from datetime import date

    from sqlalchemy import JSON, DateTime
    from sqlalchemy.dialects import sqlite

    from gridapp.store import lean

    dialect = sqlite.dialect()
    for type_ in (DateTime(), JSON()):
        impl = type_.dialect_impl(dialect)
        theirs = impl.bind_processor(dialect)
        ours = lean._empty_json_written_first(lean._iso_times_first(impl, theirs))
        assert ours is not theirs  # the fast path is in use
        rng = random.Random(5)
        if isinstance(type_, DateTime):
            values = [datetime(1, 1, 1), datetime(999, 12, 31, 23, 59, 59, 999999),
                      datetime(2026, 3, 2, 8, 30), datetime(9999, 12, 31, 0, 0, 0, 1),
                      datetime(2026, 3, 2, 8, 30, tzinfo=UTC), date(2026, 3, 2),
                      *(datetime(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28),
                                 rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
                                 rng.choice([0, rng.randint(0, 999999)]))
                        for _ in range(2000))]
        else:
            values = [{}, [], {"a": 1}, [1, "二"], {"previous": {"class": "E0102"}}, "", 0,
                      False, None, JSON.NULL]
        for v in values:
            assert ours(v) == theirs(v), v
            assert type(ours(v)) is type(theirs(v)), v


def test_a_trail_read_again_is_the_same_and_not_converted_again(store):
    """Audit rows are converted once per stored row (store/cases.py _EVENT_CACHE): a trail
    read again, and after one more row, equals SQLAlchemy's reading of it."""
    case_id = _loop(store)
    with store.uow(write=False) as uow:
        lean, reference = _repo(uow, True), _repo(uow, False)
        first, again = lean.events(case_id), lean.events(case_id)
        assert first == again == reference.events(case_id)
    if store.engine.dialect.name == "sqlite":  # its driver's rows are the cache's keys
        assert all(a is b for a, b in zip(first, again, strict=True))
    act(store, "leader_shift", case_id, Action.REOPEN, reason="复查未通过",
        at=T0 + timedelta(hours=2))
    with store.uow(write=False) as uow:
        longer = _repo(uow, True).events(case_id)
        assert longer == _repo(uow, False).events(case_id)
    assert longer[:8] == first and longer[8].action == "reopen"


def test_the_same_case_in_another_store_reads_its_own_trail(sqlite_template, tmp_path):
    """The cache is keyed by every stored value, not by (case, row): a store restored or
    another store with the same case numbers reads its own rows."""
    stores = []
    for name in ("a", "b"):
        shutil.copy(sqlite_template, tmp_path / f"{name}.sqlite")
        stores.append(Store.open(str(tmp_path / f"{name}.sqlite")))
    try:
        x, y = cell_center("420102001001", 2)
        for k, s in enumerate(stores):
            act(s, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
                class_code="E0102", x=x, y=y, description=f"第{k}个", at=T0 + timedelta(hours=k))
        trails = []
        for s in stores:
            with s.uow(write=False) as uow:
                trails.append(_repo(uow, True).events(1))
                assert trails[-1] == _repo(uow, False).events(1)
        assert trails[0][0].at != trails[1][0].at
    finally:
        for s in stores:
            s.close()


def test_rows_kept_as_stored_convert_as_a_read_converts_them(store):
    """`execute(convert=False)` gives the rows as stored; `converted` makes of them what
    `execute` gives, and refuses before a row has told it the columns' types."""
    case_id = _loop(store)
    stmt = LeanStatement(select(sc.E).where(sc.E.c.case_id == bindparam("b_id"))
                         .order_by(sc.E.c.seq))
    with store.uow(write=False) as uow:
        dialect = uow.conn.dialect
        assert not stmt.converts(dialect)
        with pytest.raises(LookupError):
            stmt.converted(dialect, [])
        raw = stmt.execute(uow.conn, {"b_id": case_id}, convert=False)
        assert stmt.converts(dialect) and len(raw.stored) == 8
        assert stmt.converted(dialect, raw.stored) == stmt.execute(uow.conn,
                                                                   {"b_id": case_id}).rows
