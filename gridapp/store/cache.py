"""Store-wide cache of slowly changing data, kept true by a revision number in the store.

Every change to people, assignments, departments, catalog, calendar or settings bumps
meta.config_revision in the same transaction. A unit of work reads that number once, at its
first cached lookup; if another workstation (or this one) changed anything, the cache starts
afresh. So a cached lookup is never staler than the transaction that uses it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Integer, String, insert, select, text, update

from . import models as m
from .lean import LeanStatement
from .written import DATA_VERSION_KEY

META = m.MetaEntry.__table__


class StoreCache:
    def __init__(self) -> None:
        self.revision: str | None = None
        self.catalogs: dict[int, Any] = {}   # catalog versions never change once saved
        self.current: dict[str, Any] = {}    # everything else, dropped on a new revision


class CacheView:
    """One unit of work's view of the cache: checks the revision once, bumps on change."""

    def __init__(self, conn: Connection, cache: StoreCache) -> None:
        self.conn, self.cache = conn, cache
        self._checked = False

    def current(self) -> dict[str, Any]:
        if not self._checked:
            conn = self.conn
            if conn.dialect.name == "sqlite" and conn.in_transaction():
                # with the transaction's data version (store/written.py), in one statement
                rows = _LEAN_REV_SQLITE.execute(conn, {}).rows
                conn.info[DATA_VERSION_KEY] = int(rows[0][1])
            else:
                rows = _LEAN_REV.execute(conn, {}).rows  # once per unit of work: lean
            rev = (rows[0][0] if rows else None) or "0"
            if rev != self.cache.revision:
                self.cache.current = {}
                self.cache.revision = rev
            self._checked = True
        return self.cache.current

    def bump(self) -> None:
        rev = int(self.conn.execute(_REV).scalar() or 0) + 1
        if self.conn.execute(update(META).where(META.c.key == "config_revision")
                             .values(value=str(rev))).rowcount == 0:
            self.conn.execute(insert(META).values(key="config_revision", value=str(rev)))
        # this transaction may still roll back: never trust the cache for the rest of it
        self.cache.current = {}
        self.cache.revision = None
        self._checked = False


_REV = select(META.c.value).where(META.c.key == "config_revision")
_LEAN_REV = LeanStatement(_REV)
_LEAN_REV_SQLITE = LeanStatement(text(
    "SELECT (SELECT value FROM meta WHERE key = 'config_revision'), "
    "(SELECT data_version FROM pragma_data_version)").columns(value=String, dv=Integer))
