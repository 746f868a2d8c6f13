"""The SQL unit of work: one connection, one transaction, the repositories on it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import text

from ..domain.clock import wall_clock
from .cache import CacheView
from .cases import SqlCaseRepository
from .config import SqlConfigRepository
from .guard import guard_for
from .people import SqlPeopleRepository
from .photos import SqlPhotoRepository
from .places import PlaceWriter, SqlPlaceRepository

if TYPE_CHECKING:
    from .store import Store


class SqlUnitOfWork:
    """`with uow:` opens a transaction; `commit()` keeps it; leaving without commit undoes it."""

    def __init__(self, store: Store, write: bool = True) -> None:
        self.store, self.write = store, write
        self.conn = self.tx = None

    def __enter__(self) -> SqlUnitOfWork:
        if self.conn is not None:
            raise RuntimeError("unit of work is already open")
        if self.write:  # a damaged or write-protected store refuses here, in one line
            guard_for(self.store.engine).require_writable()
        self.conn = self.store.connection(self.write)
        try:
            self.tx = self.conn.begin()
        except BaseException:
            self.store.release(self.conn)
            self.conn = None
            raise
        s = self.store
        view = CacheView(self.conn, s.cache)
        self.cases = SqlCaseRepository(self.conn, s.spatial, s.srid, clock=self.now)
        self.places = SqlPlaceRepository(self.conn, s.spatial, s.srid, view)
        self.loader = PlaceWriter(self.conn, s.spatial, s.srid, view)
        self.people = SqlPeopleRepository(self.conn, view)
        self.config = SqlConfigRepository(self.conn, view, clock=self.now)
        self.photos = SqlPhotoRepository(self.conn, clock=self.now)
        self._now: datetime | None = None
        return self

    def now(self) -> datetime:
        """The store's clock: the database server's on PostGIS, this process's on SQLite."""
        if self._now is None:
            clock = self.store.clock
            if clock is not None:  # a simulation or a test holds the clock
                self._now = clock()
            else:
                zone = self.config.settings().time_zone
                if self.conn.dialect.name == "postgresql":
                    self._now = self.conn.execute(
                        text("SELECT date_trunc('second', now() AT TIME ZONE :z)"),
                        {"z": zone}).scalar_one()
                else:
                    self._now = wall_clock(zone)
        return self._now

    def __exit__(self, *exc: object) -> None:
        try:
            if self.tx is not None and self.tx.is_active:
                self.tx.rollback()
        finally:
            conn, self.conn, self.tx = self.conn, None, None
            self.store.release(conn)

    def commit(self) -> None:
        self.tx.commit()
        self.cases.committed()  # what it wrote may be kept (store/written.py)

    def rollback(self) -> None:
        self.tx.rollback()
