"""The audit trail is tamper-evident and append-only; rules read it, not editable columns."""

import uuid
from datetime import datetime, timedelta

import pytest
from factories import act, cell_center, clock
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.domain.errors import SeparationOfDuties
from gridapp.services import cases as svc
from gridapp.services.audit import verify
from gridapp.store import migrate
from gridapp.store.roles import secure
from gridapp.store.store import Store

T0 = datetime(2026, 11, 2, 9, 0)


def closed_case(store):
    x, y = cell_center("420102001001", 3)
    clock(store, T0)
    c = svc.report(store.uow(), "worker1", source=Source.GRID_PATROL, class_code="E0102", x=x,
                   y=y, description="暴露垃圾").case
    for minutes, who, action, values in (
            (5, "acceptor", Action.REGISTER, {}),
            (10, "dispatcher", Action.DISPATCH, {"assignee": ("department", "sanitation")}),
            (20, "sanitation1", Action.SIGN, {}),
            (90, "dual", Action.RECTIFY, {"note": "已清运"})):
        act(store, who, c.id, action, at=T0 + timedelta(minutes=minutes), **values)
    return c


def _unguarded(store, conn):
    """What a forger with the owner's rights does first: switch the append-only guard off."""
    if store.backend == "postgresql":
        conn.execute(text("ALTER TABLE case_events DISABLE TRIGGER case_events_append_only"))
    else:
        conn.execute(text("DROP TRIGGER case_events_no_update"))


def test_an_honest_store_verifies(store):
    closed_case(store)
    report = verify(store.uow(write=False))
    assert report.intact and report.cases == 1 and report.rows == 5


def test_a_forged_audit_row_is_caught(store):
    c = closed_case(store)
    with store.engine.begin() as conn:
        _unguarded(store, conn)
        conn.execute(text("UPDATE case_events SET at = :t, reason = '签收及时' "
                          "WHERE case_id = :c AND seq = 4"), {"t": T0, "c": c.id})
    report = verify(store.uow(write=False))
    assert not report.intact
    first = report.problems[0]
    assert (first.case_number, first.seq) == (c.number, 4)
    assert "changed after it was written" in str(first)


def test_a_forger_who_rehashes_his_row_breaks_the_next_link(store):
    from dataclasses import replace

    from gridapp.domain.audit import digest
    c = closed_case(store)
    with store.uow(write=False) as uow:
        trail = uow.cases.events(c.id)
    forged = replace(trail[2], reason="按时派遣")
    with store.engine.begin() as conn:
        _unguarded(store, conn)
        conn.execute(text("UPDATE case_events SET reason = :r, hash = :h WHERE case_id = :c "
                          "AND seq = 3"), {"r": forged.reason, "h": digest(trail[1].hash, forged),
                                          "c": c.id})
    first = verify(store.uow(write=False)).problems[0]
    assert (first.case_number, first.seq) == (c.number, 4)


def test_audit_rows_cannot_be_changed_or_deleted(store):
    c = closed_case(store)
    for sql in ("UPDATE case_events SET reason = 'x' WHERE case_id = :c",
                "DELETE FROM case_events WHERE case_id = :c"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(sql), {"c": c.id})
    assert verify(store.uow(write=False)).intact


def test_clearing_rectifier_ids_does_not_let_the_rectifier_verify(store):
    c = closed_case(store)  # dual rectified it; dual is also a grid worker
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE cases SET rectifier_ids = '' WHERE id = :c"), {"c": c.id})
    with pytest.raises(SeparationOfDuties):
        act(store, "dual", c.id, Action.VERIFY_PASS)
    shown = svc.view(store.uow(), "dual", c.id)
    assert Action.VERIFY_PASS not in shown.allowed and shown.case.rectifier_ids
    problems = [str(p) for p in verify(store.uow(write=False)).problems]
    assert any("cases.rectifier_ids" in p for p in problems), problems


def test_cli_audit_verify_names_the_first_broken_link(sqlite_store):
    from click.testing import CliRunner

    from gridapp.cli import main
    c = closed_case(sqlite_store)
    url = sqlite_store.url
    ok = CliRunner().invoke(main, ["--db", url, "audit", "verify"])
    assert ok.exit_code == 0 and "intact: 1 cases, 5 rows" in ok.output
    with sqlite_store.engine.begin() as conn:
        _unguarded(sqlite_store, conn)
        conn.execute(text("UPDATE case_events SET actor_id = 1 WHERE case_id = :c AND seq = 5"),
                     {"c": c.id})
    bad = CliRunner().invoke(main, ["--db", url, "audit", "verify"])
    assert bad.exit_code == 1
    assert f"case {c.number}, audit row 5 (rectify at 2026-11-02 10:30)" in bad.output


@pytest.mark.postgis
def test_the_workstation_role_inserts_but_never_rewrites_the_audit(postgis, postgis_template):
    name = "t_" + uuid.uuid4().hex[:12]
    url = postgis.create_database_from(name, postgis_template)
    owner_store = Store.open(url)
    secure(owner_store.engine, f"{name}_owner", f"{name}_ws", "ws-secret")
    migrate.upgrade(owner_store.engine)  # later upgrades run as the owner role
    c = closed_case(owner_store)  # written by the owner, with the test's past clock
    owner_store.close()
    ws = Store.open(url.replace("postgres@", f"{name}_ws:ws-secret@"))
    try:
        # acting as a person works: the row is stamped by the server's clock
        x, y = cell_center("420102002002", 5)
        out = svc.report(ws.uow(), "worker2", source=Source.GRID_PATROL, class_code="E0104",
                         x=x, y=y, description="道路不洁")
        assert out.case.state.value == "reported"
        for sql in ("UPDATE case_events SET reason = 'x' WHERE case_id = :c",
                    "DELETE FROM case_events WHERE case_id = :c",
                    "ALTER TABLE case_events DISABLE TRIGGER case_events_append_only"):
            with pytest.raises(DBAPIError), ws.engine.begin() as conn:
                conn.execute(text(sql), {"c": c.id})
        # a past time written straight into the table is refused by the server
        with pytest.raises(DBAPIError, match="server's clock"), ws.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO case_events (case_id, seq, action, actor_id, actor_role, at, "
                "from_state, to_state, reason, data, attachments) VALUES (:c, 6, 'verify_pass', "
                "5, 'grid_worker', :t, 'rectified', 'verified', '', '{}', '[]')"),
                {"c": c.id, "t": T0})
        assert verify(ws.uow(write=False)).intact
    finally:
        ws.close()


def test_rows_written_before_the_chain_are_sealed_on_upgrade(sqlite_store):
    from alembic import command

    from gridapp.store import migrate
    c = closed_case(sqlite_store)
    with sqlite_store.engine.connect() as conn, conn.begin():
        command.downgrade(migrate.alembic_config(conn), "0006")  # as an older gridapp left it
    with sqlite_store.engine.begin() as conn:
        assert "hash" not in {r[1] for r in conn.execute(text("PRAGMA table_info(case_events)"))}
    migrate.upgrade(sqlite_store.engine)
    assert verify(sqlite_store.uow(write=False)).intact
    assert act(sqlite_store, "dispatcher", c.id, Action.ASSIGN_VERIFIER, verifier="worker1")
