"""The store-wide change number: stamped on every write, asked for as "changes after N".

No clock takes part. SQLite serialises writers, so a counter advanced inside each write
transaction numbers transactions in commit order, and a mark is that number. PostgreSQL's
writers commit in any order, so each row carries its writing transaction's id and a mark is
a snapshot (`pg_current_snapshot()`): "after the mark" is "not visible in that snapshot",
found through the index on `change_seq` from the snapshot's xmin. Rows written by other
programs are stamped by triggers (migration 0005).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Connection, Engine, event, text
from sqlalchemy.exc import MultipleResultsFound, NoResultFound

from ..services.reading import NOTHING, Mark
from .lean import LeanStatement
from .written import DATA_VERSION_KEY

SEQ_KEY = "gridapp_change_seq"
LOGGED_KEY = "gridapp_change_logged"


def stamp(conn: Connection) -> int:
    """This transaction's change number, allocated at its first write."""
    info = conn.info
    seq = info.get(SEQ_KEY)
    if seq is None:
        # every write transaction asks once: on the driver's cursor (store/lean.py)
        rows = (_NEXT_SQLITE if conn.dialect.name == "sqlite" else _NEXT_PG) \
            .execute(conn, {}).rows
        if len(rows) != 1:  # as scalar_one() said it
            raise (NoResultFound if not rows else MultipleResultsFound)(
                f"the change counter gave {len(rows)} rows, not one")
        seq = info[SEQ_KEY] = int(rows[0][0])
    return seq


_NEXT_SQLITE = LeanStatement(text("UPDATE change_counter SET seq = seq + 1 RETURNING seq")
                             .columns(seq=BigInteger))
_NEXT_PG = LeanStatement(text("SELECT pg_current_xact_id()::text::bigint").columns(
    seq=BigInteger))


def log_table(conn: Connection, table: str) -> int:
    """Stamp a write to a place or configuration table and record that the table changed.

    On PostgreSQL a statement trigger records it for every writer; on SQLite gridapp's own
    stamped writes skip the per-row triggers, so the log row is written here, once.
    """
    seq = stamp(conn)
    if conn.dialect.name == "sqlite":
        logged = conn.info.setdefault(LOGGED_KEY, set())
        if table not in logged:
            conn.exec_driver_sql("INSERT INTO change_log (seq, tbl) VALUES (?, ?)", (seq, table))
            logged.add(table)
    return seq


_PER_TRANSACTION = (SEQ_KEY, LOGGED_KEY, DATA_VERSION_KEY)


def _forget(conn, *_args) -> None:
    for key in _PER_TRANSACTION:
        conn.info.pop(key, None)


def _forget_record(_dbapi_conn, record, _reset_state=None) -> None:
    for key in _PER_TRANSACTION:
        record.info.pop(key, None)


def track_transactions(engine: Engine) -> None:
    """A change number lives as long as its transaction (and never survives a pooled return)."""
    event.listen(engine, "commit", _forget)
    event.listen(engine, "rollback", _forget)
    event.listen(engine.pool, "checkin", _forget_record)
    event.listen(engine.pool, "reset", _forget_record)


def current_mark(conn: Connection) -> Mark:
    """The mark a reader takes BEFORE it reads (a later commit is then read again next time)."""
    if conn.dialect.name == "sqlite":
        return Mark(str(conn.exec_driver_sql("SELECT seq FROM change_counter").scalar_one()))
    return Mark(conn.exec_driver_sql("SELECT pg_current_snapshot()::text").scalar_one())


def after(conn: Connection, mark: Mark, column: str = "change_seq") -> tuple[str, dict]:
    """A SQL condition (and its parameters) for rows written after `mark`."""
    if conn.dialect.name == "sqlite" or not mark.is_snapshot:
        return f"{column} > :mark_seq", {"mark_seq": int(mark.value.split(':')[0])}
    return (f"{column} >= :mark_xmin AND NOT pg_visible_in_snapshot("
            f"{column}::text::xid8, CAST(:mark_snap AS pg_snapshot))",
            {"mark_xmin": mark.xmin(), "mark_snap": mark.value})


def mark_is_valid(conn: Connection, mark: Mark) -> bool:
    """False when the store went back in time (a restored backup): read everything again."""
    if conn.dialect.name == "sqlite":
        if mark.is_snapshot:
            return False
        return int(mark.value) <= conn.exec_driver_sql(
            "SELECT seq FROM change_counter").scalar_one()
    if not mark.is_snapshot:
        return mark == NOTHING
    return bool(conn.exec_driver_sql(
        "SELECT pg_snapshot_xmax(CAST(%(m)s AS pg_snapshot)) <= "
        "pg_snapshot_xmax(pg_current_snapshot())", {"m": mark.value}).scalar_one())
