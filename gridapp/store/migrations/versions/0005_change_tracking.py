"""Change tracking that no clock can break, and derived place columns kept by the store.

Every tracked row carries `change_seq`, the store-wide change number of the transaction that
last wrote it. SQLite serialises writers, so a counter row advanced inside each write
transaction numbers transactions in commit order. PostgreSQL's writers run concurrently and
commit in any order, so there the number is the writing transaction's id and a client's mark
is a snapshot: "after N" means "not visible in snapshot N" (gridapp/store/changes.py).

gridapp stamps its own writes (one number per transaction, no trigger work on bulk loads);
triggers stamp every write that does not (QGIS, a SQL client), log which table changed,
bump `meta.config_revision` for place and configuration tables (the services' cache key),
and recompute a cell's area and centre and a segment's length when its geometry changes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

from gridapp.store.tracking import (
    BUMP_SQLITE,
    CURRENT,
    NEXT,
    XID,
    postgres_place_triggers,
    sqlite_triggers,
)

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# rows the client reads one by one (cases) or layer by layer (places): stamped per row
STAMPED = ("cases", "districts", "streets", "communities", "grid_cells", "road_segments",
           "components")
PLACES = STAMPED[1:]
# configuration: any write means "reload" (small tables, per-row triggers are cheap)
CONFIG = ("people", "person_roles", "departments", "assignments", "catalog_versions",
          "catalog_classes", "calendar_days", "hotline_presets", "assessment_schemes")
# the store's geometry is planar metres: area, point on surface and length as shapely's
DERIVED = {
    "grid_cells": {"area_m2": "ST_Area({g})", "cx": "ST_X(ST_PointOnSurface({g}))",
                   "cy": "ST_Y(ST_PointOnSurface({g}))"},
    "road_segments": {"length_m": "ST_Length({g})"},
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in STAMPED:
        op.add_column(table, sa.Column("change_seq", sa.BigInteger(), nullable=True))
    op.create_index("ix_cases_change_seq", "cases", ["change_seq"])
    op.drop_index("ix_cases_updated_at", table_name="cases")
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("tbl", sa.String(64), nullable=False),
        sa.Column("row_id", sa.BigInteger, nullable=True),  # a deleted case
    )
    op.create_index("ix_change_log_seq", "change_log", ["seq"])
    # one row per transaction and table for gridapp's own writes
    op.create_index("ux_change_log_tx", "change_log", ["seq", "tbl"], unique=True,
                    sqlite_where=sa.text("row_id IS NULL"),
                    postgresql_where=sa.text("row_id IS NULL"))
    # the counter SQLite numbers its transactions with (PostgreSQL uses transaction ids)
    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO change_counter (id, seq) VALUES (1, 1)")
    op.execute("INSERT INTO meta (key, value) SELECT 'config_revision', '0' WHERE NOT EXISTS "
               "(SELECT 1 FROM meta WHERE key = 'config_revision')")
    if dialect == "sqlite":
        _sqlite()
    else:
        _postgres()


def _sqlite() -> None:
    for table in STAMPED:
        op.execute(f"UPDATE {table} SET change_seq = 1")
    nxt, cur = NEXT, CURRENT
    for table in STAMPED:
        for sql in sqlite_triggers(table, DERIVED.get(table)):
            op.execute(sql)
    for table in CONFIG + ("meta",):
        # meta's own config_revision row must not bump itself
        when = "WHEN NEW.key <> 'config_revision'" if table == "meta" else ""
        when_old = "WHEN OLD.key <> 'config_revision'" if table == "meta" else ""
        body = f"{nxt} INSERT INTO change_log (seq, tbl) VALUES ({cur}, '{table}');"
        for event, cond in (("INSERT", when), ("UPDATE", when), ("DELETE", when_old)):
            op.execute(f"""CREATE TRIGGER {table}_log_{event.lower()} AFTER {event} ON {table}
                {cond} BEGIN {body} {BUMP_SQLITE if table != 'meta' else ''} END""")


def _postgres() -> None:
    xid = XID
    op.execute(f"UPDATE cases SET change_seq = {xid}")
    for table in PLACES:
        op.execute(f"UPDATE {table} SET change_seq = {xid}")
    op.execute(f"""CREATE FUNCTION gridapp_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.change_seq := {xid}; RETURN NEW; END $$""")
    op.execute(f"""CREATE FUNCTION gridapp_log_table() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO change_log (seq, tbl) VALUES ({xid}, TG_TABLE_NAME)
            ON CONFLICT (seq, tbl) WHERE row_id IS NULL DO NOTHING;
          IF TG_TABLE_NAME <> 'meta' THEN
            UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'config_revision';
          END IF;
          PERFORM pg_notify('gridapp_changes', TG_TABLE_NAME);
          RETURN NULL;
        END $$""")
    op.execute(f"""CREATE FUNCTION gridapp_log_case_delete() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN INSERT INTO change_log (seq, tbl, row_id) VALUES ({xid}, 'cases', OLD.id);
        RETURN NULL; END $$""")
    op.execute("""CREATE FUNCTION gridapp_notify_cases() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('gridapp_changes', 'cases'); RETURN NULL; END $$""")
    for table, cols in DERIVED.items():
        sets = "; ".join(f"NEW.{c} := {e.format(g='NEW.geom')}" for c, e in cols.items())
        op.execute(f"""CREATE FUNCTION gridapp_derive_{table}() RETURNS trigger
            LANGUAGE plpgsql AS $$ BEGIN {sets}; RETURN NEW; END $$""")
        op.execute(f"""CREATE TRIGGER {table}_derive BEFORE UPDATE OF geom ON {table}
            FOR EACH ROW EXECUTE FUNCTION gridapp_derive_{table}()""")
        op.execute(f"""CREATE TRIGGER {table}_derive_insert BEFORE INSERT ON {table}
            FOR EACH ROW WHEN (NEW.change_seq IS NULL)
            EXECUTE FUNCTION gridapp_derive_{table}()""")
    for sql in postgres_place_triggers("cases")[:2]:
        op.execute(sql)
    for table in PLACES:
        for sql in postgres_place_triggers(table):
            op.execute(sql)
    op.execute("""CREATE TRIGGER cases_log_delete AFTER DELETE ON cases
        FOR EACH ROW EXECUTE FUNCTION gridapp_log_case_delete()""")
    op.execute("""CREATE TRIGGER cases_notify AFTER INSERT OR UPDATE OR DELETE ON cases
        FOR EACH STATEMENT EXECUTE FUNCTION gridapp_notify_cases()""")
    for table in CONFIG + ("meta",):
        op.execute(f"""CREATE TRIGGER {table}_log AFTER INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION gridapp_log_table()""")


def downgrade() -> None:
    raise NotImplementedError("change tracking cannot be removed from a store")
