"""Per-engine guard: translated errors, the writer lease, and read-only mode after a check.

`install(engine)` is called once by `create_store_engine`. The guard keeps the verdict of the
quick check made when a store is opened: until it is known a write waits for it, and once
the store is known to be damaged (or unwritable) every write is refused with one line and
new connections are made read-only (SQLite `query_only`, PostgreSQL read-only sessions), so
nothing can write into a damaged file by another path either.
"""

from __future__ import annotations

import atexit
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event

from .errors import RESTORE_HINT, StoreDamaged, StoreReadOnly, translate
from .lease import WriterLease

_GUARDS: weakref.WeakKeyDictionary[Engine, Guard] = weakref.WeakKeyDictionary()
_RUNNING: weakref.WeakSet[Guard] = weakref.WeakSet()


class Guard:
    def __init__(self, engine: Engine) -> None:
        self.backend = engine.dialect.name
        path = engine.url.database if self.backend == "sqlite" else None
        self.lease = WriterLease(path) if path and path != ":memory:" else None
        self.read_only_reason: str | None = None
        self._verdict = threading.Event()
        self._verdict.set()  # nothing to wait for until a check is started
        self._thread: threading.Thread | None = None
        self._cancel: Callable[[], None] | None = None
        self._listeners: list[Callable[[str | None], None]] = []
        self._lock = threading.Lock()

    # --- the verdict -----------------------------------------------------------------
    @property
    def checking(self) -> bool:
        return not self._verdict.is_set()

    def refuse_writes(self, reason: str) -> None:
        """From now on this store is read-only, with `reason` as the one line users see."""
        if self.read_only_reason is None:
            self.read_only_reason = reason

    def wait(self, timeout: float | None = None) -> str | None:
        """The read-only reason once the open check has finished (None: writable)."""
        self._verdict.wait(timeout)
        return self.read_only_reason

    def require_writable(self) -> None:
        if self.read_only_reason is None and self._verdict.is_set():
            return  # the usual case, without the event's lock
        if self.wait() is not None:
            raise StoreReadOnly(self.read_only_reason)

    def on_verdict(self, callback: Callable[[str | None], None]) -> None:
        """Call `callback(reason)` when the check is done (at once if it already is)."""
        with self._lock:
            if not self._verdict.is_set():
                self._listeners.append(callback)
                return
        callback(self.read_only_reason)

    def start(self, check: Callable[[], str | None],
              cancel: Callable[[], None] | None = None) -> None:
        """Run `check` (returns a problem or None) on a thread; writes wait for its verdict."""
        self._verdict.clear()
        self._cancel = cancel

        def run() -> None:
            try:
                problem = check()
            except Exception as exc:  # noqa: BLE001 - a check that cannot run is a verdict too
                problem = f"the check could not run ({exc})"
            if problem:
                self.refuse_writes(problem)
            with self._lock:
                self._verdict.set()
                listeners, self._listeners = self._listeners, []
            _RUNNING.discard(self)
            for callback in listeners:
                callback(self.read_only_reason)

        self._thread = threading.Thread(target=run, name="gridapp-store-check", daemon=True)
        _RUNNING.add(self)
        self._thread.start()

    def stop(self) -> None:
        """Cancel a running check (closing the store, or the process ending)."""
        if self._thread is not None and self._thread.is_alive():
            if self._cancel is not None:
                self._cancel()
            self._thread.join(timeout=5)
        if self.lease is not None:
            self.lease.close()


def guard_for(engine: Engine) -> Guard:
    return _GUARDS[engine]


@contextmanager
def activity(store, what: str) -> Iterator[None]:
    """Name what this process writes (e.g. "12345 import of 工单.xlsx by acceptor01").

    A writer on another workstation that gives up waiting shows this text; without it the
    busy message names the command line.
    """
    lease = guard_for(store.engine).lease
    if lease is None:
        yield
        return
    before, lease.activity = lease.activity, what
    try:
        yield
    finally:
        lease.activity = before


def install(engine: Engine) -> Guard:
    """Translate driver errors, record the writer, refuse writes once read-only."""
    guard = Guard(engine)
    _GUARDS[engine] = guard
    event.listen(engine, "handle_error", translate)
    if guard.backend == "sqlite":
        event.listen(engine, "connect", _readable_schema, insert=True)
    event.listen(engine, "checkout", lambda dbapi, record, proxy: _checkout(guard, dbapi, record))
    if guard.lease is not None:
        lease = guard.lease

        def begin(conn) -> None:
            if conn.get_execution_options().get("sqlite_immediate", False):
                lease.writing()

        event.listen(engine, "begin", begin)
        event.listen(engine, "commit", lambda conn: lease.idle())
        event.listen(engine, "rollback", lambda conn: lease.idle())
    return guard


def _readable_schema(dbapi_conn, record) -> None:
    """A damaged schema can make SQLite's error text invalid UTF-8: say 'damaged' instead."""
    try:
        dbapi_conn.execute("SELECT 1 FROM sqlite_schema LIMIT 1").fetchall()
    except UnicodeDecodeError:
        database = dbapi_conn.execute("PRAGMA database_list").fetchone()[2]
        raise StoreDamaged(f"{database} is damaged (its schema cannot be read): "
                           f"{RESTORE_HINT}") from None


def _checkout(guard: Guard, dbapi_conn, record) -> None:
    if guard.read_only_reason is None or record.info.get("read_only"):
        return
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA query_only=ON" if guard.backend == "sqlite" else
                    "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    finally:
        cur.close()
    if guard.backend != "sqlite":
        dbapi_conn.commit()
    record.info["read_only"] = True


@atexit.register
def _stop_running() -> None:
    for guard in list(_RUNNING):
        guard.stop()
