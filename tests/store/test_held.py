"""Connections held per thread between units of work (store/held.py): reused by their own
thread only, given back when the engine is disposed, the thread ends or the store turns
read-only; nested units of work and threads beyond the limit check out as before."""

import threading

import pytest
import sqlean
from sqlalchemy import event, text

from gridapp.store import held as held_module
from gridapp.store.errors import StoreReadOnly
from gridapp.store.guard import guard_for


def _dbapi(uow):
    return uow.conn.connection.dbapi_connection


def _meta_write(uow, value: str) -> None:
    uow.conn.execute(text("UPDATE meta SET value = :v WHERE key = 'held_test'"), {"v": value})


def test_a_thread_reuses_its_connection_and_no_other_thread_gets_it(sqlite_store):
    store = sqlite_store
    used: dict[int, set[int]] = {}  # thread → the DBAPI connections its units of work used
    keep = []  # the connections themselves: no id is reused while the test looks at them
    ready = threading.Barrier(3)

    def work() -> None:
        mine = used.setdefault(threading.get_ident(), set())
        for k in range(20):
            with store.uow(write=k % 2 == 0) as uow:
                keep.append(_dbapi(uow))
                mine.add(id(keep[-1]))
                uow.commit()
        ready.wait()  # all three threads alive until each has done its work

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sets = list(used.values())
    assert [len(s) for s in sets] == [1, 1, 1]  # one connection per thread, kept
    assert len(set().union(*sets)) == 3          # none shared


def test_a_unit_of_work_inside_another_gets_its_own_connection(sqlite_store):
    with sqlite_store.uow() as outer:
        held = _dbapi(outer)
        with sqlite_store.uow(write=False) as inner:
            assert _dbapi(inner) is not held
        assert sqlite_store.now() is not None  # Store.now opens one inside, too
        outer.commit()
    with sqlite_store.uow() as again:
        assert _dbapi(again) is held  # the held one is still this thread's


def test_a_dispose_gives_back_the_held_connections(sqlite_store):
    with sqlite_store.uow() as uow:
        first = _dbapi(uow)
        uow.commit()
    sqlite_store.engine.dispose()
    with pytest.raises(sqlean.ProgrammingError):  # closed at once, not left in the pool
        first.execute("SELECT 1")
    with sqlite_store.uow() as uow:
        assert _dbapi(uow) is not first
        assert uow.conn.execute(text("SELECT count(*) FROM meta")).scalar() > 0


def test_a_dispose_during_a_unit_of_work_lets_it_finish_on_its_connection(sqlite_store):
    with sqlite_store.uow() as uow:
        first = _dbapi(uow)
        sqlite_store.engine.dispose()
        assert uow.conn.execute(text("SELECT count(*) FROM meta")).scalar() > 0
        uow.commit()
    with sqlite_store.uow() as uow:
        assert _dbapi(uow) is not first


def test_a_connection_taken_before_the_store_turned_read_only_is_checked_out_again(
        sqlite_store):
    sqlite_store.wait_checked()
    with sqlite_store.uow(write=False) as uow:  # held from now on, writable
        uow.conn.execute(text("UPDATE meta SET value = value WHERE key = 'srid'"))
    guard_for(sqlite_store.engine).refuse_writes("damaged (test)")
    with pytest.raises(StoreReadOnly):
        sqlite_store.uow().__enter__()
    # the pool's check-out made it read-only
    with sqlite_store.uow(write=False) as uow, pytest.raises(StoreReadOnly, match="read-only"):
        uow.conn.execute(text("UPDATE meta SET value = value WHERE key = 'srid'"))


def test_an_ended_threads_connection_goes_back_to_the_pool(sqlite_store):
    def work():
        with sqlite_store.uow() as uow:
            uow.commit()

    t = threading.Thread(target=work)
    t.start()
    t.join()
    before = sqlite_store.engine.pool.checkedout()
    t = threading.Thread(target=work)  # the next thread to hold one gives the ended one back
    t.start()
    t.join()
    assert sqlite_store.engine.pool.checkedout() == before


def test_threads_beyond_the_limit_check_out_per_unit_of_work(sqlite_store, monkeypatch):
    monkeypatch.setattr(held_module, "LIMIT", 1)
    with sqlite_store.uow() as uow:  # this thread holds the one
        uow.commit()
    seen = []

    def work():
        for _ in range(2):
            with sqlite_store.uow(write=False) as uow:
                seen.append(uow.conn.closed)
        seen.append(None)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen == [False, False, None]
    assert sqlite_store.engine.pool.checkedout() == 1  # only this thread's held one


def test_work_begun_again_after_the_commit_is_undone_at_the_end(sqlite_store):
    with sqlite_store.uow() as uow:
        uow.conn.execute(text("INSERT INTO meta (key, value) VALUES ('held_test', 'a')"))
        uow.commit()
    with sqlite_store.uow() as uow:
        uow.commit()
        _meta_write(uow, "b")  # SQLAlchemy begins again: never committed
    with sqlite_store.uow(write=False) as uow:
        assert uow.conn.execute(text("SELECT value FROM meta WHERE key = 'held_test'")
                                ).scalar() == "a"
        assert not _dbapi(uow).in_transaction or uow.conn.in_transaction()


def test_a_failed_begin_leaves_the_thread_a_usable_connection(sqlite_store):
    calls = []

    def refuse(conn):
        if not calls:
            calls.append(1)
            raise RuntimeError("begin refused (test)")

    event.listen(sqlite_store.engine, "begin", refuse)
    with pytest.raises(RuntimeError):
        sqlite_store.uow().__enter__()
    with sqlite_store.uow() as uow:
        assert uow.conn.execute(text("SELECT count(*) FROM meta")).scalar() > 0
        uow.commit()


@pytest.mark.postgis
def test_postgis_checks_out_per_unit_of_work(postgis_store):
    assert postgis_store.held_connections is None
