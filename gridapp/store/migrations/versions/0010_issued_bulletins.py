"""Issued bulletins: a bulletin of an ended period as it was published.

- issued_bulletins: one row per period (its label): who made it, when, under which scheme
  version, how many times it was issued (a newer issue replaces the older), the district's
  headline counts and rates, and the cases reported per class (JSON text);
- issued_bulletin_levels: per period and level, the published table (units' counts, rates,
  scores, grades and ranks) as one blob of columns, read whole by the next bulletin's 上期.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issued_bulletins",
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("made_by", sa.String(64), nullable=False, server_default=""),
        sa.Column("scheme_version", sa.Integer(), nullable=False),
        sa.Column("issue", sa.Integer(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("classes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("period", name=op.f("pk_issued_bulletins")),
    )
    op.create_table(
        "issued_bulletin_levels",
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["period"], ["issued_bulletins.period"],
                                name=op.f("fk_issued_bulletin_levels_period_issued_bulletins")),
        sa.PrimaryKeyConstraint("period", "level", name=op.f("pk_issued_bulletin_levels")),
    )


def downgrade() -> None:
    op.drop_table("issued_bulletin_levels")
    op.drop_table("issued_bulletins")
