"""Patrol logs and field packages.

- patrol_tracks: one row per person and day, a LineString (store CRS) with the seconds of
  its vertices packed beside it — a day of 1 Hz GPS is one row, not 28,800;
- patrol_checkins: 巡查打卡 points from field packages;
- patrol_days: what each person-day covered of each segment in his charge (巡查到位率 reads
  it; recomputed when the person-day gets new tracks or check-ins);
- field_packages / field_edits: what a package carried (case versions) and each edit merged
  back, applied or held as a conflict, so that importing a package twice changes nothing.

Tracks and check-ins are layers like the places: change-tracked (other workstations and
QGIS see them) and spatially indexed.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

from gridapp.store.tracking import postgres_place_triggers, sqlite_triggers

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

TRACKED = ("patrol_tracks", "patrol_checkins")


def _srid(bind) -> int:
    value = bind.exec_driver_sql("SELECT value FROM meta WHERE key = 'srid'").scalar()
    return int(value or op.get_context().config.attributes.get("srid") or 4547)


def upgrade() -> None:
    bind = op.get_bind()
    srid = _srid(bind)
    op.create_table(
        "patrol_tracks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("length_m", sa.Float(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False, server_default=""),
        sa.Column("times", sa.LargeBinary(), nullable=False),
        sa.Column("geom", Geometry("LINESTRING", srid=srid, spatial_index=True), nullable=True),
        sa.Column("change_seq", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name=op.f("fk_patrol_tracks_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_tracks")),
    )
    op.create_index("ix_patrol_tracks_day", "patrol_tracks", ["day", "person_id"])
    op.create_table(
        "patrol_checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("source", sa.Text(), nullable=False, server_default=""),
        sa.Column("geom", Geometry("POINT", srid=srid, spatial_index=True), nullable=True),
        sa.Column("change_seq", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name=op.f("fk_patrol_checkins_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_checkins")),
    )
    op.create_index("ix_patrol_checkins_day", "patrol_checkins", ["day", "person_id"])
    op.create_table(
        "patrol_days",
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("covered_share", sa.Float(), nullable=False),
        sa.Column("checked_in", sa.Boolean(), nullable=False),
        sa.Column("within_m", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("segment_id", "day", "person_id", name=op.f("pk_patrol_days")),
    )
    op.create_table(
        "field_packages",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("made_by", sa.Integer(), nullable=False),
        sa.Column("cases", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name=op.f("fk_field_packages_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_packages")),
    )
    op.create_table(
        "field_edits",
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("edit_id", sa.String(64), nullable=False),
        sa.Column("layer", sa.String(32), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("field_time", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False, server_default=""),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("package_id", "edit_id", name=op.f("pk_field_edits")),
    )
    op.create_index("ix_field_edits_status", "field_edits", ["status"])
    for table in TRACKED:  # layers like the places: every writer's change is seen
        triggers = sqlite_triggers(table) if bind.dialect.name == "sqlite" \
            else postgres_place_triggers(table)
        for sql in triggers:
            op.execute(sql)


def downgrade() -> None:
    for table in ("field_edits", "field_packages", "patrol_days", "patrol_checkins",
                  "patrol_tracks"):
        op.drop_table(table)
