"""The demo's cases staged in write order, copied into the store once in id order (SQLite).

A street's cases span the year, so their ids (their reports' places in the year) fall among
every other street's: written batch by batch straight into `cases` and `case_events`
(a WITHOUT ROWID table keyed by case and seq), each batch updated pages all over both
B-trees, which outgrew the page cache early; the writer then rewrote most of the file at
every batch (tens of GB written for a 3.4 GB city store). Here the batches are appended
to plain tables in a side file (no journal: a failed build deletes it), and after the last
one an index on the key (a sorted build of small keys) lets one INSERT … SELECT in key
order append every row to the store's tables once. The rows, their values and their change
numbers are those the batches carried; only the order in which they reach the store's
B-trees differs.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.engine import make_url

SCHEMA = "stage"
# the store's table, and the key it is kept in
TABLES = (("cases", "id"), ("case_events", "case_id, seq"))


def stage_path(url: str) -> Path:
    """The staging file beside the store being built (removed with it if the build fails:
    store/build.py knows the suffix)."""
    return Path(f"{make_url(url).database}-stage")


def attach(conn: Connection, path: Path) -> None:
    """Attach a new staging file to `conn` (outside a transaction) with empty copies of the
    tables: same columns and declared types (so the same affinities), no constraints."""
    path.unlink(missing_ok=True)
    raw = conn.connection.driver_connection  # no transaction: ATTACH refuses one
    raw.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(path),))
    # its content is disposable until copied: no journal and no syncs
    raw.execute(f"PRAGMA {SCHEMA}.journal_mode=OFF")
    raw.execute(f"PRAGMA {SCHEMA}.synchronous=OFF")
    for table, _ in TABLES:
        raw.execute(f"CREATE TABLE {SCHEMA}.{table} AS SELECT * FROM main.{table} WHERE 0")


def copy_in_order(conn: Connection) -> None:
    """In the open transaction of `conn`: every staged row into the store's table, in the
    table's key order (each B-tree then grows at its end only)."""
    for table, key in TABLES:
        index = f"{table}_stage_order"
        conn.exec_driver_sql(f"CREATE INDEX {SCHEMA}.{index} ON {table} ({key})")
        conn.exec_driver_sql(f"INSERT INTO main.{table} SELECT * FROM {SCHEMA}.{table} "
                             f"INDEXED BY {index} ORDER BY {key}")


def detach(conn: Connection, path: Path) -> None:
    """Detach (outside a transaction) and remove the staging file."""
    conn.connection.driver_connection.execute(f"DETACH DATABASE {SCHEMA}")
    path.unlink(missing_ok=True)
