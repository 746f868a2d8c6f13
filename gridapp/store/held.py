"""One connection per thread for the units of work on a SpatiaLite store, kept between them.

A transition's own SQL costs less than checking a connection out of SQLAlchemy's pool and
back in (a new `Connection`, pool events, the reset on return): so each thread keeps the
connection its first unit of work checked out and begins and commits its later ones on it.
The transaction's events (the writer lease, BEGIN IMMEDIATE, the change number) run as
before; only the check-out per unit of work is saved.

A held connection belongs to its thread and is never used by another. It is given back when
the engine is disposed (`Store.close`, a store that lost its log files): at once if idle,
by its own thread at the end of its unit of work otherwise; when its thread has ended (the
next thread to take one gives it back); and it is replaced when the store turned read-only
after it was taken (the pool's check-out makes new connections read-only). A unit of work
opened inside another on the same thread, and threads beyond `LIMIT`, check out as before.
PostGIS keeps its check-out per unit of work (the pool's pre-ping finds a dropped server
connection there).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, event
from sqlalchemy.pool import Pool, QueuePool

from .guard import Guard, guard_for

LIMIT = 4  # threads holding one at a time: the pool (5 + 10 overflow) keeps the rest free


@dataclass(eq=False)
class _Held:
    thread: weakref.ref[threading.Thread]
    conn: Connection | None = None
    pool: Pool | None = None     # the pool it came from: another one after a dispose
    read_only: bool = False      # made read-only at its check-out
    immediate: bool | None = None  # its sqlite_immediate execution option
    busy: bool = False           # a unit of work is open on it
    dropped: bool = False        # given back while busy: its thread lets it go at release

    def alive(self) -> bool:
        thread = self.thread()
        return thread is not None and thread.is_alive()


@dataclass(eq=False)
class ThreadConnections:
    """The connections held by the threads of one engine (see the module's docstring)."""

    engine: Engine
    guard: Guard
    _local: threading.local = field(default_factory=threading.local)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _held: list[_Held] = field(default_factory=list)

    @classmethod
    def for_engine(cls, engine: Engine) -> ThreadConnections | None:
        """Held connections for a SQLite file engine; None where the pool must decide."""
        if engine.dialect.name != "sqlite" or not isinstance(engine.pool, QueuePool):
            return None  # PostGIS (pre-ping per check-out), or :memory: (one per connect)
        held = cls(engine, guard_for(engine))
        event.listen(engine, "engine_disposed", held._disposed)
        return held

    def acquire(self, immediate: bool) -> Connection:
        """This thread's connection, for one unit of work (give it back with `release`)."""
        h: _Held | None = getattr(self._local, "held", None)
        if h is None:
            h = self._adopt()
        if h is None or h.busy:  # too many threads, or a unit of work inside another
            return self._checkout(immediate)
        with self._lock:  # a dispose on another thread gives back only idle connections
            conn = h.conn
            if conn is not None and (h.pool is not self.engine.pool or conn.invalidated
                                     or conn.closed or (self.guard.read_only_reason is not None
                                                        and not h.read_only)):
                self._give_back(h)
                conn = None
            h.busy = True
        if conn is None:
            try:
                conn = self.engine.connect()
            except BaseException:
                h.busy = False
                raise
            h.conn, h.pool, h.immediate, h.dropped = conn, self.engine.pool, None, False
            h.read_only = bool(conn.info.get("read_only"))
        if h.immediate is not immediate:
            conn.execution_options(sqlite_immediate=immediate)
            h.immediate = immediate
        return conn

    def release(self, conn: Connection) -> None:
        """The unit of work on `conn` has ended (its transaction committed or rolled back)."""
        h: _Held | None = getattr(self._local, "held", None)
        if h is None or h.conn is not conn:
            conn.close()
            return
        try:
            if not (conn.closed or conn.invalidated) and conn.in_transaction():
                conn.rollback()  # begun again after the commit: undone, as close() does
        finally:
            with self._lock:
                h.busy = False
                if (h.dropped or conn.closed or conn.invalidated
                        or conn.connection.dbapi_connection.in_transaction):
                    self._give_back(h)

    def close_all(self) -> None:
        """Give back every idle held connection (busy ones go at the end of their work)."""
        with self._lock:
            for h in self._held:
                if h.busy:
                    h.dropped = True
                else:
                    self._give_back(h)

    # --- inside ----------------------------------------------------------------------------
    def _adopt(self) -> _Held | None:
        with self._lock:
            for h in [h for h in self._held if not h.alive()]:
                self._give_back(h)  # its thread has ended: nobody can use it any more
                self._held.remove(h)
            if len(self._held) >= LIMIT:
                return None
            h = _Held(weakref.ref(threading.current_thread()))
            self._held.append(h)
        self._local.held = h
        return h

    def _checkout(self, immediate: bool) -> Connection:
        return self.engine.connect().execution_options(sqlite_immediate=immediate)

    def _give_back(self, h: _Held) -> None:
        """Close `h`'s connection (its thread is not using it). One from a disposed pool is
        closed at once (back in that pool it would stay open until collected)."""
        conn, pool, h.conn, h.pool, h.dropped = h.conn, h.pool, None, None, False
        if conn is None:
            return
        if pool is not self.engine.pool and not (conn.invalidated or conn.closed):
            conn.invalidate()
        conn.close()

    def _disposed(self, _engine: Engine) -> None:
        self.close_all()
