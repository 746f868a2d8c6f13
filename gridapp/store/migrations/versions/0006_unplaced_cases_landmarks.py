"""Cases located from an address or not yet (待定位), and landmarks to locate them by.

A case's position becomes nullable (待定位: no point yet), and each case keeps how it was
located (located_by), what was recognised (locate_match) and how sure that is
(locate_confidence). Landmarks are named points (schools, stations, markets) that addresses
mention.

On SQLite the NOT NULL of cases.x/y is removed in place, the procedure SQLite documents for
dropping NOT NULL constraints (writable_schema; the stored rows are untouched): rebuilding
a table of a million cases would take minutes and drop the triggers other revisions put on
it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""
import re

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

from gridapp.store.tracking import postgres_place_triggers, sqlite_triggers

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _srid(bind) -> int:
    value = bind.exec_driver_sql("SELECT value FROM meta WHERE key = 'srid'").scalar()
    return int(value or op.get_context().config.attributes.get("srid") or 4547)


def _sqlite_set_nullable(bind, table: str, columns: tuple[str, ...], nullable: bool) -> None:
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND "
                               "name = ?", (table,)).scalar()
    new = sql
    for col in columns:
        pattern = rf"(\b{col}\s+FLOAT)(\s+NOT\s+NULL)?"
        new = re.sub(pattern, (r"\1" if nullable else r"\1 NOT NULL"), new, count=1,
                     flags=re.IGNORECASE)
    if new == sql:
        return
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                         (new, table))
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _sqlite_set_nullable(bind, "cases", ("x", "y"), True)
    else:
        op.alter_column("cases", "x", existing_type=sa.Float(), nullable=True)
        op.alter_column("cases", "y", existing_type=sa.Float(), nullable=True)
    op.add_column("cases", sa.Column("located_by", sa.String(length=16), nullable=True))
    op.add_column("cases", sa.Column("locate_match", sa.Text(), nullable=True))
    op.add_column("cases", sa.Column("locate_confidence", sa.Float(), nullable=True))
    # the acceptor's list of cases waiting to be placed on the map
    op.create_index("ix_cases_unplaced", "cases", ["reported_at"],
                    sqlite_where=sa.text("x IS NULL"), postgresql_where=sa.text("x IS NULL"))
    op.create_table(
        "landmarks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False, server_default=""),
        sa.Column("geom", Geometry("POINT", srid=_srid(bind), spatial_index=True),
                  nullable=True),
        sa.Column("change_seq", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_landmarks")),
    )
    with op.batch_alter_table("landmarks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_landmarks_name"), ["name"], unique=False)
    # a place like the others: every writer's change is seen (migration 0005)
    triggers = sqlite_triggers("landmarks") if bind.dialect.name == "sqlite" \
        else postgres_place_triggers("landmarks")
    for sql in triggers:
        op.execute(sql)


def downgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("landmarks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_landmarks_name"))
    op.drop_table("landmarks")
    op.drop_index("ix_cases_unplaced", "cases")
    with op.batch_alter_table("cases", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("locate_confidence")
        batch_op.drop_column("locate_match")
        batch_op.drop_column("located_by")
    if bind.dialect.name == "sqlite":
        _sqlite_set_nullable(bind, "cases", ("x", "y"), False)
    else:
        op.alter_column("cases", "x", existing_type=sa.Float(), nullable=False)
        op.alter_column("cases", "y", existing_type=sa.Float(), nullable=False)
