"""Cases without a position (待定位): the schema takes them on stores that already hold
cases, the map's hit test and the case list cope, and placing one is an audited act."""

import numpy as np
import pytest
from sqlalchemy import text

from gridapp.app.hit import PointIndex
from gridapp.store import migrate
from gridapp.store.db import create_store_engine
from gridapp.store.store import Store

CASE = ("INSERT INTO cases (source, kind, class_code, description, address, x, y, reporter_id,"
        " reporter_contact, state, version, reported_at, rectifier_ids, return_count, "
        "rework_count, extension_count, reopen_count, supervision_count, updated_at) VALUES "
        "('grid_patrol', 'event', 'E0102', '旧案件', '', {x}, {y}, 1, '', 'reported', 1, "
        "'2026-01-05 09:00:00', '', 0, 0, 0, 0, 0, '2026-01-05 09:00:00')")


def _old_store_with_a_case(url: str) -> None:
    engine = create_store_engine(url)
    migrate.upgrade(engine, srid=4547, revision="0004")
    with engine.begin() as conn:
        conn.execute(text(CASE.format(x=529150.0, y=3386150.0)))
        # the old schema refuses a case without a point
        with pytest.raises(Exception, match="(?i)not.null"), conn.begin_nested():
            conn.execute(text(CASE.format(x="NULL", y="NULL")))
        if engine.dialect.name == "sqlite":  # another revision's trigger must survive
            conn.execute(text("CREATE TRIGGER t_cases_touch AFTER UPDATE ON cases "
                              "BEGIN SELECT 1; END"))
    engine.dispose()


def _check_upgraded(url: str) -> None:
    store = Store.open(url)
    try:
        assert store.revision == migrate.head_revision()
        with store.engine.begin() as conn:
            old = conn.execute(text("SELECT x, y, description, located_by FROM cases")).one()
            assert tuple(old) == (529150.0, 3386150.0, "旧案件", None)
            conn.execute(text(CASE.format(x="NULL", y="NULL")))
            assert conn.execute(text("SELECT count(*) FROM cases WHERE x IS NULL")).scalar() == 1
            if store.engine.dialect.name == "sqlite":
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE "
                                         "name = 't_cases_touch'")).scalar() == 1
            conn.execute(text("INSERT INTO landmarks (name, kind) VALUES ('江岸区政府', '')"))
    finally:
        store.close()


def test_an_older_sqlite_store_holding_cases_takes_cases_without_a_position(tmp_path):
    path = str(tmp_path / "old.sqlite")
    _old_store_with_a_case(path)
    _check_upgraded(path)


@pytest.mark.postgis
def test_an_older_postgis_store_holding_cases_takes_cases_without_a_position(postgis):
    url = postgis.create_database("t_old_0004")
    _old_store_with_a_case(url)
    _check_upgraded(url)


def test_the_hit_test_skips_cases_without_a_position():
    x = np.array([np.nan, 100.0, 400.0, np.nan])
    y = np.array([np.nan, 100.0, 100.0, np.nan])
    index = PointIndex(x, y)
    assert index.nearest(110.0, 95.0, 50.0) == 1
    assert index.nearest(0.0, 0.0, 50.0) == -1
    assert index.within(-1e9, -1e9, 1e9, 1e9).tolist() == [1, 2]
    assert PointIndex(np.array([np.nan]), np.array([np.nan])).nearest(0, 0, 10) == -1
