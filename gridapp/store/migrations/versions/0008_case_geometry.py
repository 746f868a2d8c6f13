"""Cases as a real spatial layer: a point geometry kept equal to x/y, with its spatial index.

QGIS and GDAL see the store's cases as a point layer (SpatiaLite: a registered geometry
column with its R*Tree; PostGIS: geometry(Point, srid) with a GiST index). Triggers keep
`geom` and x/y equal in the same statement, whoever writes:

- a write that sets only x/y (gridapp's transitions, placing a 待定位 case, a SQL client)
  gets the geometry made from them;
- a write that moves the geometry (a GIS officer dragging a point in QGIS) wins: x/y follow
  it. Such a move bypasses the closed loop, so `gridapp audit verify` names every case whose
  position differs from the last one its audit trail records;
- a case without a position (待定位, x/y NULL) has no geometry.

gridapp's own inserts write the geometry themselves on SQLite (a trigger there would have to
update the row a second time); PostgreSQL's BEFORE trigger sets it in place. Existing cases
are given their geometry here, without marking them changed.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""
from alembic import op

from gridapp.store.tracking import sqlite_triggers

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _srid(bind) -> int:
    value = bind.exec_driver_sql("SELECT value FROM meta WHERE key = 'srid'").scalar()
    return int(value or op.get_context().config.attributes.get("srid") or 4547)


def sqlite_geometry_triggers(srid: int) -> list[str]:
    """x/y and geom kept equal on SQLite (AFTER triggers: SQLite cannot change NEW)."""
    differ = ("((NEW.geom IS NULL) <> (NEW.x IS NULL OR NEW.y IS NULL) OR "
              "(NEW.geom IS NOT NULL AND (ST_X(NEW.geom) <> NEW.x OR ST_Y(NEW.geom) <> NEW.y)))")
    point = f"CASE WHEN NEW.x IS NULL OR NEW.y IS NULL THEN NULL " \
            f"ELSE MakePoint(NEW.x, NEW.y, {srid}) END"
    from_geom = ("x = CASE WHEN NEW.geom IS NULL THEN NULL ELSE ST_X(NEW.geom) END, "
                 "y = CASE WHEN NEW.geom IS NULL THEN NULL ELSE ST_Y(NEW.geom) END")
    return [
        # a row inserted with a geometry (QGIS adding a point): x/y from it
        f"""CREATE TRIGGER cases_geom_insert_point AFTER INSERT ON cases
            WHEN NEW.geom IS NOT NULL AND {differ}
            BEGIN UPDATE cases SET {from_geom} WHERE id = NEW.id; END""",
        # a row inserted with x/y only (a SQL client, an older gridapp): the point from them
        f"""CREATE TRIGGER cases_geom_insert_xy AFTER INSERT ON cases
            WHEN NEW.geom IS NULL AND {differ}
            BEGIN UPDATE cases SET geom = {point} WHERE id = NEW.id; END""",
        # the geometry moved (QGIS): it wins, x/y follow
        f"""CREATE TRIGGER cases_geom_moved AFTER UPDATE OF geom ON cases
            WHEN NEW.geom IS NOT OLD.geom AND {differ}
            BEGIN UPDATE cases SET {from_geom} WHERE id = NEW.id; END""",
        # x/y changed and the geometry did not (placing a case, SQL): the point follows
        f"""CREATE TRIGGER cases_geom_xy AFTER UPDATE OF x, y ON cases
            WHEN NEW.geom IS OLD.geom AND {differ}
            BEGIN UPDATE cases SET geom = {point} WHERE id = NEW.id; END""",
    ]


def postgres_function(srid: int) -> str:
    """x/y and geom kept equal on PostgreSQL, in place (a BEFORE trigger)."""
    return f"""
CREATE FUNCTION gridapp_case_geom() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.geom IS DISTINCT FROM OLD.geom THEN
    -- the geometry moved (QGIS): it wins, x/y follow
    NEW.x := ST_X(NEW.geom); NEW.y := ST_Y(NEW.geom);
  ELSIF TG_OP = 'INSERT' AND NEW.geom IS NOT NULL THEN
    NEW.x := ST_X(NEW.geom); NEW.y := ST_Y(NEW.geom);
  ELSIF NEW.x IS NULL OR NEW.y IS NULL THEN
    NEW.geom := NULL;
  ELSIF NEW.geom IS NULL OR ST_X(NEW.geom) <> NEW.x OR ST_Y(NEW.geom) <> NEW.y THEN
    NEW.geom := ST_SetSRID(ST_MakePoint(NEW.x, NEW.y), {srid});
  END IF;
  RETURN NEW;
END $$"""


def upgrade() -> None:
    bind = op.get_bind()
    srid = _srid(bind)
    if bind.dialect.name == "sqlite":
        _sqlite(bind, srid)
    else:
        _postgres(bind, srid)


def _sqlite(bind, srid: int) -> None:
    bind.exec_driver_sql(f"SELECT AddGeometryColumn('cases', 'geom', {srid}, 'POINT', 'XY')")
    # backfill without stamping a million cases as changed (their x/y did not change)
    stamp_update = sqlite_triggers("cases")[1]
    bind.exec_driver_sql("DROP TRIGGER cases_stamp_update")
    bind.exec_driver_sql(f"UPDATE cases SET geom = MakePoint(x, y, {srid}) "
                         "WHERE x IS NOT NULL AND y IS NOT NULL")
    bind.exec_driver_sql(stamp_update)
    # the R*Tree built once from the filled column (cheaper than row by row)
    bind.exec_driver_sql("SELECT CreateSpatialIndex('cases', 'geom')")
    # SpatiaLite's statistics triggers would write geometry_columns_time on every
    # transition of every case; nothing gridapp or QGIS reads needs them
    for t in ("tmi", "tmu", "tmd"):
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {t}_cases_geom")
    for sql in sqlite_geometry_triggers(srid):
        bind.exec_driver_sql(sql)


def _postgres(bind, srid: int) -> None:
    bind.exec_driver_sql(f"ALTER TABLE cases ADD COLUMN geom geometry(Point, {srid})")
    bind.exec_driver_sql("ALTER TABLE cases DISABLE TRIGGER cases_stamp_update")
    bind.exec_driver_sql(f"UPDATE cases SET geom = ST_SetSRID(ST_MakePoint(x, y), {srid}) "
                         "WHERE x IS NOT NULL AND y IS NOT NULL")
    bind.exec_driver_sql("ALTER TABLE cases ENABLE TRIGGER cases_stamp_update")
    bind.exec_driver_sql("CREATE INDEX idx_cases_geom ON cases USING gist (geom)")
    bind.exec_driver_sql(postgres_function(srid))
    bind.exec_driver_sql("CREATE TRIGGER cases_geom_sync BEFORE INSERT OR UPDATE OF x, y, geom "
                         "ON cases FOR EACH ROW EXECUTE FUNCTION gridapp_case_geom()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("cases_geom_insert_point", "cases_geom_insert_xy", "cases_geom_moved",
                     "cases_geom_xy"):
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        bind.exec_driver_sql("SELECT DisableSpatialIndex('cases', 'geom')")
        bind.exec_driver_sql("DROP TABLE IF EXISTS idx_cases_geom")
        bind.exec_driver_sql("SELECT DiscardGeometryColumn('cases', 'geom')")
        bind.exec_driver_sql("ALTER TABLE cases DROP COLUMN geom")
    else:
        bind.exec_driver_sql("DROP TRIGGER IF EXISTS cases_geom_sync ON cases")
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS gridapp_case_geom()")
        bind.exec_driver_sql("ALTER TABLE cases DROP COLUMN geom")
