"""Schema: migrations from nothing and from older versions; spatial indexes really used."""

import pytest
from sqlalchemy import text

from gridapp.store import migrate
from gridapp.store.db import StoreUnavailable, create_store_engine
from gridapp.store.models import Base
from gridapp.store.store import Store


def test_migrations_match_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from gridapp.store.migrate import include_name
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(ctx, Base.metadata)
    remaining = []
    for d in diff:
        ops = d if isinstance(d, list) else [d]
        for op in ops:
            # geometry columns carry the store's own SRID (the models use a placeholder):
            # only the geometry type must agree.
            if op[0] == "modify_type" and op[3] == "geom":
                assert op[5].geometry_type == op[6].geometry_type, op
                assert op[5].srid == store.srid, op
                continue
            if op[0] in ("add_index", "remove_index") and "geom" in str(op[1]):
                continue
            remaining.append(op)
    assert remaining == []


def test_store_from_an_older_version_is_upgraded_on_open(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = create_store_engine(str(path))
    migrate.upgrade(engine, srid=4547, revision="0001")
    engine.dispose()
    head = migrate.head_revision()
    store = Store.open(str(path))
    assert store.revision == head
    store.close()


def test_newer_or_foreign_databases_are_refused(tmp_path):
    with pytest.raises(StoreUnavailable, match="no store"):
        Store.open(str(tmp_path / "missing.sqlite"))
    path = tmp_path / "future.sqlite"
    engine = create_store_engine(str(path))
    migrate.upgrade(engine, srid=4547)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreUnavailable, match="newer gridapp"):
        Store.open(str(path))


def test_spatialite_point_in_cell_uses_the_rtree(sqlite_store):
    sql = sqlite_store.spatial.locate_cell(sqlite_store.srid)
    with sqlite_store.read() as conn:
        plan = [str(r) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql),
                                             {"x": 529150.0, "y": 3386150.0})]
    # the R*Tree answers the bounding-box constraints, the cell is then fetched by rowid
    assert any("SCAN r VIRTUAL TABLE INDEX" in p and ":B" in p for p in plan), plan
    assert any("SEARCH c USING INTEGER PRIMARY KEY" in p for p in plan), plan
    seg = sqlite_store.spatial.nearest_segment(sqlite_store.srid)
    with sqlite_store.read() as conn:
        plan = [str(r) for r in conn.execute(text("EXPLAIN QUERY PLAN " + seg),
                                             {"x": 529150.0, "y": 3386150.0, "tol": 30})]
    assert any("SCAN r VIRTUAL TABLE INDEX" in p and ":B" in p for p in plan), plan


@pytest.mark.postgis
def test_postgis_point_in_cell_uses_gist(postgis_store):
    sql = postgis_store.spatial.locate_cell(postgis_store.srid)
    with postgis_store.read() as conn:
        conn.execute(text("SET enable_seqscan = off"))  # tiny tables: force the planner's hand
        plan = "\n".join(r[0] for r in conn.execute(text("EXPLAIN " + sql),
                                                      {"x": 529150.0, "y": 3386150.0}))
    assert "idx_grid_cells_geom" in plan, plan
