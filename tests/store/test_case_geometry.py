"""Cases are a real point layer: geometry equal to x/y whoever writes, with its spatial index."""

import pytest
from factories import act, cell_center, clock
from sqlalchemy import text
from test_bulk import _cases
from test_unplaced import CASE

from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.services import audit
from gridapp.services import cases as svc
from gridapp.services.locating import place_case, report_unplaced
from gridapp.store import migrate
from gridapp.store.bulk import CaseBulkWriter
from gridapp.store.db import create_store_engine
from gridapp.store.store import Store


def _points(store) -> dict[int, tuple]:
    """id → (x, y, geometry x, geometry y) as the database itself sees them."""
    gx = "ST_X(geom)"
    with store.read() as conn:
        return {r[0]: tuple(r[1:]) for r in conn.execute(text(
            f"SELECT id, x, y, {gx}, ST_Y(geom) FROM cases ORDER BY id"))}


def _same(store) -> None:
    for cid, (x, y, gx, gy) in _points(store).items():
        assert (x, y) == (gx, gy), cid


def test_every_way_of_writing_a_case_keeps_its_point(store):
    clock(store)
    x, y = cell_center("420102001001", 2)
    reported = svc.report(store.uow(), "worker1", class_code="E0102", x=x, y=y).case
    unplaced = report_unplaced(store.uow(), "acceptor", source=Source.HOTLINE_12345,
                               class_code="E0102", address="不明地址").case
    with store.uow() as uow:  # the bulk path of imports and the demo
        cases, events = _cases(uow.cases.reserve_ids(3)[0], 3)
        CaseBulkWriter(uow.conn).write(cases, events)
        uow.commit()
    pts = _points(store)
    assert pts[reported.id] == (x, y, x, y)
    assert pts[unplaced.id] == (None, None, None, None)  # 待定位: no geometry
    _same(store)
    # placing it (an audited act) gives it its geometry in the same transaction
    px, py = cell_center("420102002002", 5)
    place_case(store.uow(), "acceptor", unplaced.id, px, py)
    assert _points(store)[unplaced.id] == (px, py, px, py)
    act(store, "acceptor", reported.id, Action.REGISTER)  # a transition leaves it alone
    _same(store)
    assert audit.verify(store.uow()).intact


def test_writes_by_other_programs_keep_geometry_and_position_equal(store):
    """x/y edited by SQL: the geometry follows; a point moved in QGIS: the geometry wins,
    x/y follow, and `audit verify` names the case moved outside the loop."""
    clock(store)
    x, y = cell_center("420102001001", 2)
    a = svc.report(store.uow(), "worker1", class_code="E0102", x=x, y=y).case
    b = svc.report(store.uow(), "worker1", class_code="E0506", x=x + 10, y=y).case
    srid = store.srid
    point = f"ST_SetSRID(ST_MakePoint(:x, :y), {srid})" if store.backend != "sqlite" \
        else f"MakePoint(:x, :y, {srid})"
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE cases SET x = x + 5 WHERE id = :i"), {"i": a.id})
        conn.execute(text(f"UPDATE cases SET geom = {point} WHERE id = :i"),
                     {"x": x + 40, "y": y + 3, "i": b.id})
    pts = _points(store)
    assert pts[a.id] == (x + 5, y, x + 5, y)
    assert pts[b.id] == (x + 40, y + 3, x + 40, y + 3)
    problems = [str(p) for p in audit.verify(store.uow()).problems]
    assert len(problems) == 2 and all("moved outside gridapp" in p for p in problems)
    assert any(b.number in p and f"({x + 40:.2f}, {y + 3:.2f})" in p for p in problems)
    # an insert by another program with only a geometry (QGIS adding a point)
    with store.engine.begin() as conn:
        conn.execute(text(CASE.format(x="NULL", y="NULL").replace(
            "x, y,", "geom,").replace("NULL, NULL,", f"{point},")), {"x": x, "y": y + 1})
    assert list(_points(store).values())[-1] == (x, y + 1, x, y + 1)


def test_the_case_layer_has_a_spatial_index(store):
    clock(store)
    x, y = cell_center("420102001001", 2)
    svc.report(store.uow(), "worker1", class_code="E0102", x=x, y=y)
    with store.read() as conn:
        if store.backend == "sqlite":
            assert conn.execute(text("SELECT spatial_index_enabled FROM geometry_columns "
                                     "WHERE f_table_name = 'cases'")).scalar() == 1
            assert conn.execute(text("SELECT count(*) FROM idx_cases_geom WHERE xmin <= :x "
                                     "AND xmax >= :x"), {"x": x}).scalar() == 1
        else:
            conn.execute(text("SET enable_seqscan = off"))  # tiny table: force the planner
            plan = "\n".join(r[0] for r in conn.execute(text(
                "EXPLAIN SELECT id FROM cases WHERE geom && ST_MakeEnvelope(0, 0, 1, 1, 4547)")))
            assert "idx_cases_geom" in plan


def _older_store(url: str) -> None:
    engine = create_store_engine(url)
    migrate.upgrade(engine, srid=4547, revision="0007")
    with engine.begin() as conn:
        conn.execute(text(CASE.format(x=529150.0, y=3386150.0)))
        conn.execute(text(CASE.format(x="NULL", y="NULL")))
        seq = conn.execute(text("SELECT change_seq FROM cases ORDER BY id")).scalars().all()
    engine.dispose()
    return seq


def _check_backfilled(url: str, seq) -> None:
    store = Store.open(url)
    try:
        assert store.revision == migrate.head_revision()
        assert list(_points(store).values()) == [(529150.0, 3386150.0, 529150.0, 3386150.0),
                                                 (None, None, None, None)]
        with store.read() as conn:  # the upgrade marks no case as changed
            assert conn.execute(text("SELECT change_seq FROM cases ORDER BY id")
                                ).scalars().all() == seq
    finally:
        store.close()


def test_an_older_sqlite_store_gets_the_geometry_of_its_cases(tmp_path):
    path = str(tmp_path / "old.sqlite")
    _check_backfilled(path, _older_store(path))


@pytest.mark.postgis
def test_an_older_postgis_store_gets_the_geometry_of_its_cases(postgis):
    url = postgis.create_database("t_old_0007")
    _check_backfilled(url, _older_store(url))
