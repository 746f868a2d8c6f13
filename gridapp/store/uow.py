"""The SQL unit of work: one connection, one transaction, the repositories on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
        self.conn = self.store.engine.connect().execution_options(sqlite_immediate=self.write)
        self.tx = self.conn.begin()
        s = self.store
        view = CacheView(self.conn, s.cache)
        self.cases = SqlCaseRepository(self.conn, s.spatial, s.srid)
        self.places = SqlPlaceRepository(self.conn, s.spatial, s.srid, view)
        self.loader = PlaceWriter(self.conn, s.spatial, s.srid, view)
        self.people = SqlPeopleRepository(self.conn, view)
        self.config = SqlConfigRepository(self.conn, view)
        self.photos = SqlPhotoRepository(self.conn)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self.tx is not None and self.tx.is_active:
                self.tx.rollback()
        finally:
            self.conn.close()
            self.conn = self.tx = None

    def commit(self) -> None:
        self.tx.commit()

    def rollback(self) -> None:
        self.tx.rollback()
