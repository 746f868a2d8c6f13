"""Assessment: versioned schemes, and indexes for period queries over cases and events.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_schemes",
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("people.id"), nullable=True),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("scheme", sa.JSON, nullable=False),
    )
    # A month of cases by when they were registered or reported, without a full scan.
    op.create_index("ix_cases_registered_at", "cases", ["registered_at"])
    op.create_index("ix_cases_reported_at", "cases", ["reported_at"])
    # Dispatches, returns and verifications of a period with who did them: a covering
    # index (the key case_id, seq rides along in the WITHOUT ROWID table's index).
    op.create_index("ix_case_events_action_at", "case_events", ["action", "at", "actor_id"])


def downgrade() -> None:
    op.drop_index("ix_case_events_action_at", "case_events")
    op.drop_index("ix_cases_reported_at", "cases")
    op.drop_index("ix_cases_registered_at", "cases")
    op.drop_table("assessment_schemes")
