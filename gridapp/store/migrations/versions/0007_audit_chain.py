"""Tamper-evident, append-only audit and one case per hotline ticket.

- case_events.hash: each row's SHA-256 over its content and the previous row of its case;
  rows written before this version are sealed here, in their order.
- Triggers refuse UPDATE of an audited column and DELETE of case_events on both backends
  (even the owner must drop them on purpose; `gridapp audit verify` finds what was forged).
- A unique partial index on cases.external_id. A store that already holds two cases of one
  ticket keeps the first one's ticket number; the later ones get "#2", "#3" appended (they
  stay findable by the number as typed) and a line in meta 'external_id_renamed'.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""
import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

AUDITED = ("case_id", "seq", "action", "actor_id", "actor_role", "at", "from_state",
           "to_state", "reason", "data", "attachments", "hash")


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("case_events") as batch:
        batch.add_column(sa.Column("hash", sa.String(64), nullable=True))
    _seal_existing(bind)
    _one_case_per_ticket(bind)
    append_only(bind)


def _seal_existing(bind) -> None:
    """Seal the rows already there, case by case in seq order (domain/audit.py's rule)."""
    from gridapp.domain.audit import GENESIS, digest
    from gridapp.domain.case import CaseEvent, CaseState
    rows = bind.execute(sa.text(
        "SELECT case_id, seq, action, actor_id, actor_role, at, from_state, to_state, reason, "
        "data, attachments FROM case_events ORDER BY case_id, seq")).all()
    updates, prev, last_case = [], GENESIS, None
    for r in rows:
        if r.case_id != last_case:
            prev, last_case = GENESIS, r.case_id
        data = r.data if isinstance(r.data, dict) else json.loads(r.data or "{}")
        att = r.attachments if isinstance(r.attachments, list) else \
            json.loads(r.attachments or "[]")
        at = r.at if not isinstance(r.at, str) else datetime.fromisoformat(r.at)
        ev = CaseEvent(r.case_id, r.seq, r.action, r.actor_id, r.actor_role, at,
                       CaseState(r.from_state) if r.from_state else None, CaseState(r.to_state),
                       r.reason or "", data or {}, tuple(att or ()))
        prev = digest(prev, ev)
        updates.append({"h": prev, "c": r.case_id, "s": r.seq})
    for k in range(0, len(updates), 10_000):
        bind.execute(sa.text("UPDATE case_events SET hash = :h WHERE case_id = :c AND seq = :s"),
                     updates[k:k + 10_000])


def _one_case_per_ticket(bind) -> None:
    dups = bind.execute(sa.text(
        "SELECT id, external_id FROM cases WHERE external_id IN (SELECT external_id FROM cases "
        "WHERE external_id IS NOT NULL GROUP BY external_id HAVING count(*) > 1) "
        "ORDER BY external_id, id")).all()
    renamed, seen = [], {}
    for case_id, ticket in dups:
        n = seen[ticket] = seen.get(ticket, 0) + 1
        if n > 1:
            new = f"{ticket}#{n}"[:64]
            bind.execute(sa.text("UPDATE cases SET external_id = :e WHERE id = :i"),
                         {"e": new, "i": case_id})
            renamed.append([case_id, ticket, new])
    if renamed:
        bind.execute(sa.text("INSERT INTO meta (key, value) VALUES ('external_id_renamed', :v)"),
                     {"v": json.dumps(renamed, ensure_ascii=False)})
    op.drop_index("ix_cases_external_id", "cases")
    op.create_index("uq_cases_external_id", "cases", ["external_id"], unique=True,
                    sqlite_where=sa.text("external_id IS NOT NULL"),
                    postgresql_where=sa.text("external_id IS NOT NULL"))


def append_only(bind) -> None:
    """Triggers that refuse changing or removing an audit row (also used by tests)."""
    cols = ", ".join(AUDITED)
    if bind.dialect.name == "postgresql":
        changed = " OR ".join(f"NEW.{c}::text IS DISTINCT FROM OLD.{c}::text" for c in AUDITED)
        bind.execute(sa.text(f"""
            CREATE OR REPLACE FUNCTION gridapp_audit_append_only() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' OR ({changed}) THEN
                    RAISE EXCEPTION 'case_events is append-only: audit rows are never changed '
                        'or deleted (case %, row %)', OLD.case_id, OLD.seq
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql"""))
        bind.execute(sa.text(
            "CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events "
            "FOR EACH ROW EXECUTE FUNCTION gridapp_audit_append_only()"))
        return
    bind.execute(sa.text(
        f"CREATE TRIGGER case_events_no_update BEFORE UPDATE OF {cols} ON case_events "
        "BEGIN SELECT RAISE(ABORT, 'case_events is append-only: audit rows are never changed'); "
        "END"))
    bind.execute(sa.text(
        "CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events "
        "BEGIN SELECT RAISE(ABORT, 'case_events is append-only: audit rows are never deleted'); "
        "END"))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text("DROP TRIGGER IF EXISTS case_events_append_only ON case_events"))
        bind.execute(sa.text("DROP FUNCTION IF EXISTS gridapp_audit_append_only()"))
    else:
        bind.execute(sa.text("DROP TRIGGER IF EXISTS case_events_no_update"))
        bind.execute(sa.text("DROP TRIGGER IF EXISTS case_events_no_delete"))
    op.drop_index("uq_cases_external_id", "cases")
    op.create_index("ix_cases_external_id", "cases", ["external_id"],
                    sqlite_where=sa.text("external_id IS NOT NULL"),
                    postgresql_where=sa.text("external_id IS NOT NULL"))
    with op.batch_alter_table("case_events") as batch:
        batch.drop_column("hash")
