"""Store identity: a random id in meta, so caches beside a file can tell a re-made store.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""
import uuid

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "store_id", "value": uuid.uuid4().hex}])


def downgrade() -> None:
    op.execute("DELETE FROM meta WHERE key = 'store_id'")
