"""What a SQLite connection itself last wrote of a case, kept while nothing else can differ.

A transition reads its case row and audit trail, which on a working station are most often
what the same connection wrote in its previous transaction (the next step of the same case).
SQLite lets a connection know that nothing has changed since: `PRAGMA data_version` moves
when any other connection commits, and the driver's `total_changes` counts every row this
connection changed, triggers included (rolled back or not). While both stand where they
stood after its last commit, the rows it wrote are the rows stored, and are taken from here
instead of being read again.

Only rows as the driver would return them are kept: the values as bound, and only where
SQLite stores a bound value unchanged (its column affinity would convert nothing), so the
case and trail made from them are made by the same code as after a read. A transaction
that changed anything but its case row, its audit row and the change counter keeps nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

KEY = "gridapp_written"            # conn.info: the _Written of the connection
DATA_VERSION_KEY = "gridapp_data_version"  # conn.info: this transaction's data version
AFFINITY_KEY = "gridapp_affinity"  # conn.info: table → its columns' affinities
CASES_KEPT = 64                    # cases kept per connection (a station works on a few)


@dataclass
class _Written:
    """The connection's own rows of some cases, true while the store stands at (data
    version, changes)."""

    data_version: int
    changes: int
    cases: dict[int, tuple[tuple, tuple[tuple, ...]]] = field(default_factory=dict)
    # case id → (its row as stored, its audit rows as stored, in order)


def data_version(conn: Connection, info: dict | None = None) -> int:
    """This transaction's `PRAGMA data_version` (SQLite), read once per transaction
    (`info`: the connection's, if at hand)."""
    if info is None:
        info = conn.info
    found = info.get(DATA_VERSION_KEY)
    if found is None:
        from .lean import driver_sql
        found = info[DATA_VERSION_KEY] = int(driver_sql(conn, "PRAGMA data_version")[0][0])
    return found


class Tracker:
    """One transaction's use of the kept rows: what it found, read and wrote of its cases."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.on = conn.dialect.name == "sqlite"
        if self.on:  # (SQLAlchemy's properties to them cost more than the rest here)
            self.info = conn.info
            self.driver = conn.connection.dbapi_connection
        self.start: int | None = None     # total_changes when this transaction first looked
        self.data_version = 0              # and the data version then
        self.kept: _Written | None = None  # still true at that moment
        self.trails: dict[int, tuple[tuple, ...]] = {}  # audit rows as stored, read or kept
        self.rows: dict[int, tuple | None] = {}         # case rows as stored after the update
        self.added: dict[int, list[tuple | None]] = {}  # audit rows as stored, added

    def _look(self) -> _Written | None:
        if self.start is None:
            self.start = self.driver.total_changes
            self.data_version = data_version(self.conn, self.info)
            kept = self.info.get(KEY)
            if kept is not None and (kept.changes != self.start
                                     or kept.data_version != self.data_version):
                self.info.pop(KEY, None)
                kept = None
            self.kept = kept
        return self.kept

    def case_row(self, case_id: int) -> tuple | None:
        """The case's row as stored, if this connection wrote it last and nothing changed."""
        if not self.on:
            return None
        kept = self._look()
        found = kept.cases.get(case_id) if kept is not None else None
        return found[0] if found is not None else None

    def trail(self, case_id: int) -> tuple[tuple, ...] | None:
        """The case's audit rows as stored, if this connection wrote them last (as above)."""
        if not self.on:
            return None
        kept = self._look()
        found = kept.cases.get(case_id) if kept is not None else None
        if found is None:
            return None
        self.trails[case_id] = found[1]
        return found[1]

    def read_trail(self, case_id: int, stored: Sequence[tuple]) -> None:
        if self.on:
            self._look()
            self.trails[case_id] = tuple(stored)

    def updated(self, case_id: int, stored: tuple | None) -> None:
        """The case's row as it is stored now (None: not known exactly)."""
        if self.on:
            self.rows[case_id] = stored

    def added_row(self, case_id: int, stored: tuple | None) -> None:
        if self.on:
            self.added.setdefault(case_id, []).append(stored)

    def committed(self) -> None:
        """Keep what this transaction wrote, if it wrote exactly one case's row and audit
        row and the change counter, and nothing else."""
        if not self.on or self.start is None or not (self.rows or self.added):
            return
        info = self.info
        info.pop(KEY, None)
        if len(self.rows) != 1 or set(self.added) != set(self.rows):
            return
        (case_id, row), = self.rows.items()
        added = self.added[case_id]
        trail = self.trails.get(case_id)
        # the counter, the case, its audit rows: nothing else was changed
        changes = self.driver.total_changes
        if (row is None or trail is None or None in added
                or changes != self.start + 2 + len(added)):
            return
        # a commit of its own leaves the connection's data version where it was
        kept = _Written(self.data_version, changes,
                        dict(self.kept.cases) if self.kept is not None else {})
        if len(kept.cases) >= CASES_KEPT:
            kept.cases.clear()
        kept.cases[case_id] = (row, trail + tuple(added))  # type: ignore[arg-type]
        info[KEY] = kept

    def affinities(self, table: str, columns: Sequence[str]) -> tuple[str, ...]:
        """SQLite's affinity of these columns of `table` as the store declares them."""
        known = self.info.get(AFFINITY_KEY)
        if known is None:
            known = self.info[AFFINITY_KEY] = {}
        key = (table, tuple(columns))
        found = known.get(key)
        if found is None:
            from .lean import driver_sql
            declared = {name: decl for _, name, decl, *_ in
                        driver_sql(self.conn, f"PRAGMA table_info({table})")}
            found = known[key] = tuple(_affinity(declared[c]) for c in columns)
        return found


def _affinity(declared: str) -> str:
    t = (declared or "").upper()
    if "INT" in t:
        return "INTEGER"
    if "CHAR" in t or "CLOB" in t or "TEXT" in t:
        return "TEXT"
    if not t or "BLOB" in t:
        return "BLOB"
    if "REAL" in t or "FLOA" in t or "DOUB" in t:
        return "REAL"
    return "NUMERIC"


def as_stored(values: Sequence[Any], kinds: Sequence[str]) -> tuple | None:
    """`values` as bound, if SQLite stores each unchanged in a column of its affinity (and
    returns it as bound); None if any could come back otherwise."""
    for v, kind in zip(values, kinds, strict=True):
        if v is None:
            continue
        t = type(v)
        if kind == "INTEGER":
            ok = t is int
        elif kind == "TEXT":
            ok = t is str
        elif kind == "REAL":  # NaN is stored as NULL, -0.0 as 0
            ok = t is float and v == v and not (v == 0 and str(v).startswith("-"))
        elif kind == "NUMERIC":  # text that reads as a number is stored as one
            ok = t is str and not _may_be_number(v)
        else:
            ok = t is bytes
        if not ok:
            return None
    return tuple(values)


def _may_be_number(text: str) -> bool:
    if ":" in text or text[:1] in ("{", "["):  # times and JSON: never a number literal
        return False
    try:
        float(text)
    except ValueError:
        return False
    return True
