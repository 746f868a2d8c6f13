"""Crash-safe builds: `init` and `demo` make a store out of sight and publish it when complete.

SpatiaLite: the store is built as `.<name>.building` beside the target (side files such as the
basemap likewise), its WAL folded in, flushed to disk, and linked into place in one atomic
step, side files first; a build killed at any moment leaves the target as it was (absent),
and the next build removes what the killed one left. PostGIS: the database carries a
`building` mark until the build is complete, a half-built store is refused when opened,
a failed build is dropped again, and the next build drops what a killed one left.
A lock (a file lock, or a PostgreSQL advisory lock) keeps two builds of one store apart.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime
from pathlib import Path

import sqlean
from sqlalchemy import text
from sqlalchemy.engine import make_url

from .db import create_store_engine, is_sqlite, normalize_url
from .errors import StoreBusy, StoreUnavailable, store_label

BUILDING = "building"  # meta key present while a store is being built
_SIDES = ("-wal", "-shm", "-journal", "-writer", "-stage")  # -stage: demo/staging.py


class StoreBuild:
    """`with StoreBuild(url) as b:` build at `b.url`, then `b.publish(store)`; else nothing."""

    def __init__(self, url: str) -> None:
        self.final_url = normalize_url(url)
        self.sqlite = is_sqlite(self.final_url)
        self.store = None
        self.sidecars: list[tuple[Path, Path]] = []
        self.published = False
        self._lock_fd: int | None = None
        self._lock_conn = None
        self._engine = None
        if self.sqlite:
            self.target = Path(make_url(self.final_url).database)
            self.staging = self.target.with_name(f".{self.target.name}.building")
            self.url = f"sqlite:///{self.staging}"
        else:
            self.url = self.final_url

    # --- begin ----------------------------------------------------------------------------
    def __enter__(self) -> StoreBuild:
        if self.sqlite:
            self._enter_sqlite()
        else:
            self._enter_postgres()
        return self

    def _enter_sqlite(self) -> None:
        if self.target.exists() and self.target.stat().st_size > 0:
            raise StoreUnavailable(f"{self.target} already exists; open it or choose another "
                                   "file")
        self.target.parent.mkdir(parents=True, exist_ok=True)
        lock = self.target.with_name(f".{self.target.name}.building.lock")
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        if not _try_lock(fd):
            os.close(fd)
            raise StoreBusy(f"another `gridapp init` or `gridapp demo` is building "
                            f"{self.target}; wait for it to finish")
        self._lock_fd, self._lock_path = fd, lock
        for leftover in self.target.parent.glob(f".{self.target.stem}.*.building*"):
            if leftover != lock:  # what a killed build left
                leftover.unlink(missing_ok=True)

    def _enter_postgres(self) -> None:
        from . import migrate
        self._engine = create_store_engine(self.url)
        self._lock_conn = self._engine.connect()
        got = self._lock_conn.execute(text(
            "SELECT pg_try_advisory_lock(hashtext('gridapp store build'))")).scalar()
        self._lock_conn.commit()
        if not got:
            self._release()
            raise StoreBusy(f"another `gridapp init` or `gridapp demo` is building "
                            f"{store_label(make_url(self.url))}; wait for it to finish")
        if migrate.current_revision(self._engine) is not None:
            if not half_built(self._engine, or_empty=True):
                self._release()
                raise StoreUnavailable(f"{store_label(make_url(self.url))} already holds a "
                                       "gridapp store")
            _pg_drop_store(self._engine)  # a build that was killed: start afresh

    def begin(self, store) -> None:
        """Mark the new store as being built (until `publish`); call right after creating it."""
        self.store = store
        note = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                           "started": datetime.now().isoformat(timespec="seconds")})
        with store.engine.begin() as conn:
            conn.execute(text("INSERT INTO meta (key, value) VALUES (:k, :v)"),
                         {"k": BUILDING, "v": note})

    def sidecar(self, final: Path) -> Path:
        """Where to write a side file (e.g. the basemap) that is published with the store."""
        staging = final.with_name(f".{final.name}.building")
        staging.unlink(missing_ok=True)
        self.sidecars.append((staging, final))
        return staging

    # --- publish ------------------------------------------------------------------------
    def publish(self, store):
        """Make the complete store (and its side files) visible; returns it open at the URL."""
        from .store import Store
        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM meta WHERE key = :k"), {"k": BUILDING})
        if not self.sqlite:
            for staging, final in self.sidecars:
                _fsync(staging)
                os.replace(staging, final)
            self.published = True
            return store
        store.close()
        conn = sqlean.connect(self.staging, isolation_level=None)
        try:  # fold the WAL in: the published file must be complete on its own
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        _fsync(self.staging)
        for staging, final in self.sidecars:  # side files first: the store is the commit
            _fsync(staging)
            os.replace(staging, final)
        _link_no_replace(self.staging, self.target)
        _fsync_dir(self.target.parent)
        Path(f"{self.staging}-writer").unlink(missing_ok=True)
        self.published = True
        return Store.open(self.final_url)

    # --- or nothing -----------------------------------------------------------------------
    def __exit__(self, *exc: object) -> None:
        try:
            if not self.published:
                self._discard()
        finally:
            self._release()

    def _discard(self) -> None:
        if self.store is not None:
            self.store.close()
        for staging, _ in self.sidecars:
            staging.unlink(missing_ok=True)
        if self.sqlite:
            for suffix in ("", *_SIDES):
                Path(f"{self.staging}{suffix}").unlink(missing_ok=True)
        elif self._engine is not None:
            _pg_drop_store(self._engine)

    def _release(self) -> None:
        if self._lock_fd is not None:
            self._lock_path.unlink(missing_ok=True)
            os.close(self._lock_fd)
            self._lock_fd = None
        if self._lock_conn is not None:
            self._lock_conn.close()  # the advisory lock goes with the session
            self._lock_conn = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def half_built(engine, or_empty: bool = False) -> str | None:
    """The build note of a store that was never completed (killed `init` or `demo`).

    `or_empty`: a schema with no catalog, people or cases counts too (a build killed between
    creating the schema and marking it).
    """
    with engine.connect() as conn:
        note = conn.execute(text("SELECT value FROM meta WHERE key = :k"),
                            {"k": BUILDING}).scalar()
        if note is None and or_empty and not conn.execute(text(
                "SELECT (SELECT count(*) FROM catalog_versions) + (SELECT count(*) FROM people)"
                " + (SELECT count(*) FROM cases)")).scalar():
            note = "{}"
    return note


def half_built_message(label: str, note: str) -> str:
    started = json.loads(note or "{}").get("started", "")
    when = f" (started {started.replace('T', ' ')})" if started else ""
    return (f"{label} is a half-built store{when}: its `gridapp init` or `gridapp demo` was "
            "interrupted; run it again to build it afresh")


def _pg_drop_store(engine) -> None:
    """Drop every object of the current schema that no extension (PostGIS) owns."""
    not_ext = ("NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = {oid} "
               "AND d.deptype = 'e')")
    with engine.begin() as conn:
        rels = conn.execute(text(
            "SELECT c.oid::regclass::text, c.relkind FROM pg_class c WHERE c.relnamespace = "
            "current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND "
            + not_ext.format(oid="c.oid"))).all()
        kinds = {"v": "VIEW", "m": "MATERIALIZED VIEW", "f": "FOREIGN TABLE"}
        for rel, kind in rels:
            if conn.execute(text("SELECT to_regclass(:r)"), {"r": rel}).scalar() is not None:
                conn.execute(text(f"DROP {kinds.get(kind, 'TABLE')} {rel} CASCADE"))
        for kind, sql in (
                ("SEQUENCE", "SELECT c.oid::regclass::text FROM pg_class c WHERE "
                 "c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S' AND "
                 + not_ext.format(oid="c.oid")),
                ("ROUTINE", "SELECT p.oid::regprocedure::text FROM pg_proc p WHERE "
                 "p.pronamespace = current_schema()::regnamespace AND "
                 + not_ext.format(oid="p.oid")),
                ("TYPE", "SELECT t.oid::regtype::text FROM pg_type t WHERE t.typnamespace = "
                 "current_schema()::regnamespace AND t.typtype IN ('e', 'd', 'c') AND "
                 "(t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) "
                 "= 'c') AND " + not_ext.format(oid="t.oid"))):
            for name in conn.execute(text(sql)).scalars().all():
                conn.execute(text(f"DROP {kind} IF EXISTS {name} CASCADE"))


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released by the kernel on kill -9
        return True
    except OSError:
        return False


def _link_no_replace(staging: Path, target: Path) -> None:
    """Move `staging` to `target` in one step, never over a store that appeared meanwhile."""
    try:
        os.link(staging, target)
    except FileExistsError:
        raise StoreUnavailable(f"{target} appeared while the new store was being built; the "
                               f"new one is left as {staging}") from None
    except OSError:  # no hard links here (FAT, some network shares): rename after a check
        if target.exists():
            raise StoreUnavailable(f"{target} appeared while the new store was being built; "
                                   f"the new one is left as {staging}") from None
        os.replace(staging, target)
        return
    staging.unlink()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
