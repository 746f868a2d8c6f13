"""A store: one database (SpatiaLite file or PostGIS URL), migrated to the current schema."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url

from . import health, migrate
from .cache import StoreCache
from .db import StoreUnavailable, create_store_engine, is_sqlite, normalize_url
from .guard import guard_for
from .held import ThreadConnections
from .read_model import SqlReadModel
from .sharing import orphaned_logs
from .spatial import SpatialDialect, dialect_for
from .uow import SqlUnitOfWork


class Store:
    # None: the store tells time itself (uow.now()); a simulation or a test may hold it, for
    # one store (store.clock = …) or for every store this process opens (a test's CLI run)
    clock: Callable[[], datetime] | None = None

    def __init__(self, url: str, engine: Engine) -> None:
        self.url, self.engine = url, engine
        self.backend = engine.dialect.name
        self.spatial: SpatialDialect = dialect_for(self.backend)
        self.cache = StoreCache()
        with engine.connect() as conn:
            meta = dict(conn.execute(text("SELECT key, value FROM meta WHERE key IN "
                                          "('srid', 'store_id')")).all())
        self.srid = int(meta["srid"])
        self.identity: str = meta.get("store_id", "")  # tells a re-made store at the same URL
        self.read_model = SqlReadModel(self)
        # SQLite: each thread's units of work reuse one connection; None: one checked out
        # per unit of work (PostGIS; a test's reference path)
        self.held_connections = ThreadConnections.for_engine(engine)

    def connection(self, write: bool) -> Connection:
        """A connection for one unit of work (`write`: its BEGIN takes the write lock)."""
        if self.held_connections is not None:
            return self.held_connections.acquire(write)
        return self.engine.connect().execution_options(sqlite_immediate=write)

    def release(self, conn: Connection) -> None:
        """The unit of work on `conn` (from `connection`) has ended."""
        if self.held_connections is not None:
            self.held_connections.release(conn)
        else:
            conn.close()

    @classmethod
    def create(cls, url: str, srid: int = 4547) -> Store:
        """A new, empty store at `url` with geometry in EPSG:`srid`."""
        url = normalize_url(url)
        if is_sqlite(url):
            path = Path(make_url(url).database)
            if path.exists() and path.stat().st_size > 0:
                raise StoreUnavailable(f"{path} already exists; open it or choose another file")
        engine = create_store_engine(url)
        if migrate.current_revision(engine) is not None:
            raise StoreUnavailable(f"{_safe(url)} already holds a gridapp store")
        migrate.upgrade(engine, srid=srid)
        return cls(url, engine)

    @classmethod
    def open(cls, url: str, upgrade: bool = True) -> Store:
        """Open an existing store, upgrading its schema if an older gridapp made it."""
        url = normalize_url(url)
        if is_sqlite(url) and not Path(make_url(url).database).exists():
            raise StoreUnavailable(f"no store at {make_url(url).database}; "
                                   "create one with `gridapp init` or `gridapp demo`")
        health.refuse_unreadable(url)
        engine = create_store_engine(url)
        rev = migrate.current_revision(engine)
        if rev is None:
            raise StoreUnavailable(f"{_safe(url)} is not a gridapp store (no schema version)")
        health.start_open_check(engine)  # damaged or unwritable: read-only, see read_only_reason
        head = migrate.head_revision()
        if rev != head:
            known = {s.revision for s in _scripts().walk_revisions()}
            if rev not in known:
                raise StoreUnavailable(f"{_safe(url)} was made by a newer gridapp "
                                       f"(schema {rev}); update gridapp to open it")
            if not upgrade:
                raise StoreUnavailable(f"{_safe(url)} has schema {rev}, this gridapp needs {head}")
            guard_for(engine).require_writable()
            migrate.upgrade(engine)
        return cls(url, engine)

    def uow(self, write: bool = True) -> SqlUnitOfWork:
        return SqlUnitOfWork(self, write)

    @contextmanager
    def read(self) -> Connection:
        """A read-only connection for bulk queries (map layers, indicators)."""
        with self.engine.connect() as conn:
            yield conn

    def config_revision(self) -> str:
        """Bumped by every change to places, people, assignments and configuration."""
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT value FROM meta WHERE key='config_revision'")
                                ).scalar() or "0"

    @property
    def revision(self) -> str | None:
        return migrate.current_revision(self.engine)

    def reconnect_if_orphaned(self) -> list[str]:
        """If another process deleted our -wal/-shm (our locks were lost), drop every
        connection before it is used again; returns what was found (empty: all sound)."""
        if self.backend != "sqlite":
            return []
        found = orphaned_logs(self.engine.url.database)
        if found:
            self.engine.dispose()
        return found

    @property
    def read_only_reason(self) -> str | None:
        """Why writes are refused (damaged, write-protected, a standby); None if writable.

        None also while the open check still runs; `wait_checked` waits for its verdict.
        """
        return guard_for(self.engine).read_only_reason

    def wait_checked(self, timeout: float | None = None) -> str | None:
        """Wait for the open check; the read-only reason, or None if the store is writable."""
        return guard_for(self.engine).wait(timeout)

    def on_checked(self, callback) -> None:
        """`callback(read_only_reason)` once the open check is done (from its thread)."""
        guard_for(self.engine).on_verdict(callback)

    def now(self) -> datetime:
        """The store's clock (see `uow.now()`), for reads that ask "as of now"."""
        with self.uow(write=False) as uow:
            return uow.now()

    def close(self) -> None:
        guard_for(self.engine).stop()
        self.engine.dispose()


def _scripts() -> ScriptDirectory:
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    return ScriptDirectory.from_config(cfg)


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)
