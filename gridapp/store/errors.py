"""Store errors a user can act on, and the translation of driver errors into them.

Every driver error passes through `translate` (SQLAlchemy's handle_error hook), so a locked,
read-only, full, truncated or damaged store gives one line naming the store and what to do,
never a traceback carrying SQL and its parameters. Errors that are the caller's business
(constraint violations, serialization failures a service retries) pass through unchanged.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the client imports these errors before SQLAlchemy (start-up time)
    from sqlalchemy.engine import URL


class StoreUnavailable(Exception):
    """The store cannot be opened or used: names the store and what is missing."""

    code = "store_unavailable"


class StoreBusy(StoreUnavailable):
    """Another program held the store for writing longer than this one would wait."""

    code = "store_busy"


class StoreReadOnly(StoreUnavailable):
    """The store may be read but not changed (file permissions, a failed check, a standby)."""

    code = "store_read_only"


class StoreFull(StoreUnavailable):
    """The disk (or the database server's disk) is full; nothing of the change was kept."""

    code = "store_full"


class StoreDamaged(StoreUnavailable):
    """The store's file or database fails its integrity checks."""

    code = "store_damaged"


RESTORE_HINT = "run `gridapp store check` for details and restore a backup with `gridapp restore`"

# SQLite primary result codes (the low byte of sqlite_errorcode)
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = \
    3, 5, 6, 8, 10, 11, 13, 14, 26
_IOERR_SHORT_READ = 10 | (2 << 8)


def store_label(url: URL) -> str:
    """The store as a user names it: the file path, or host/database without password."""
    if url.get_backend_name() == "sqlite":
        return str(url.database or ":memory:")
    return f"{url.host or 'localhost'}{':' + str(url.port) if url.port else ''}/{url.database}"


def translate(ctx) -> None:
    """SQLAlchemy handle_error hook: raise the store error a driver error stands for."""
    exc = ctx.original_exception
    engine = ctx.engine
    if engine is None or ctx.is_pre_ping:  # a failed ping is the pool's to handle (reconnect)
        return
    url = engine.url
    error = sqlite_error(exc, url) if url.get_backend_name() == "sqlite" \
        else postgres_error(exc, url)
    if error is not None:
        raise error from exc


def sqlite_error(exc: BaseException, url: URL) -> StoreUnavailable | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        if str(exc).startswith("Could not decode to UTF-8"):
            return StoreDamaged(f"{store_label(url)} holds text that is not UTF-8 (damaged, or "
                                f"written by another program): {RESTORE_HINT}")
        return None
    primary, name = code & 0xFF, getattr(exc, "sqlite_errorname", str(code))
    path = Path(url.database or "")
    label = store_label(url)
    if primary in (_BUSY, _LOCKED):
        from .lease import busy_message
        return StoreBusy(busy_message(path))
    if primary == _READONLY:
        if not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists():
            return StoreUnavailable(f"cannot open {label}: {why_cannot_open(path)}; copy "
                                    "the store to a folder you may write to")
        return StoreReadOnly(f"{label} is read-only: {why_read_only(path)}; "
                             "nothing was changed")
    if primary == _FULL:
        return StoreFull(f"the disk holding {label} is full ({free_space(path)} free); "
                         "nothing was saved: free some space and try again")
    if primary in (_CORRUPT, _NOTADB):
        what = "is not a SQLite database" if primary == _NOTADB else "is damaged"
        trunc = truncation(path)
        if trunc:
            what = f"is truncated ({trunc})"
        return StoreDamaged(f"{label} {what}: {RESTORE_HINT}")
    if primary == _IOERR:
        if code == _IOERR_SHORT_READ:
            return StoreDamaged(f"{label} is truncated ({truncation(path) or 'short read'}): "
                                f"{RESTORE_HINT}")
        return StoreUnavailable(f"cannot read or write {label} ({name}): check the disk or the "
                                "network drive it is on")
    if primary in (_CANTOPEN, _PERM):
        return StoreUnavailable(f"cannot open {label}: {why_cannot_open(path)}")
    return None


# PostgreSQL SQLSTATEs that say the server, its disk or its files are the problem
_PG_FULL = {"53100"}                                  # disk_full
_PG_READ_ONLY = {"25006"}                             # read_only_sql_transaction
_PG_DAMAGED = {"XX001", "XX002"}                      # data_corrupted, index_corrupted
_PG_GONE = {"57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006",
            "3D000", "28000", "28P01", "53300"}


def postgres_error(exc: BaseException, url: URL) -> StoreUnavailable | None:
    state = getattr(exc, "sqlstate", None)
    label = store_label(url)
    if state in _PG_FULL:
        return StoreFull(f"the database server's disk is full ({label}); nothing was saved: "
                         "ask the administrator to free space")
    if state in _PG_READ_ONLY:
        return StoreReadOnly(f"{label} is read-only (a standby server, or opened read-only "
                             "after a failed check); nothing was changed")
    if state in _PG_DAMAGED:
        return StoreDamaged(f"{label} reports damaged data ({_first_line(exc)}): {RESTORE_HINT}")
    if state in _PG_GONE or (state is None and type(exc).__name__ == "OperationalError"):
        return StoreUnavailable(f"cannot use the database {label}: {_first_line(exc)}")
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    return line.removeprefix("connection failed: ").strip()


def why_read_only(path: Path) -> str:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return f"the file is write-protected for user {os_user()}"
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists() and not os.access(side, os.W_OK):
            return f"{side.name} beside it is write-protected for user {os_user()}"
    if not os.access(folder, os.W_OK):
        return (f"its folder {folder} is write-protected, and SQLite must create "
                f"{path.name}-wal and -shm there to write")
    return "opened read-only"


def why_cannot_open(path: Path) -> str:
    folder = path.parent
    if not folder.exists():
        return f"the folder {folder} does not exist"
    if path.exists() and not os.access(path, os.R_OK):
        return f"user {os_user()} may not read the file"
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists() and not os.access(side, os.R_OK | os.W_OK):
            return f"user {os_user()} may not use {side.name} beside it (file permissions)"
    if not os.access(folder, os.W_OK | os.X_OK):
        return (f"its folder {folder} is write-protected, and SQLite must create "
                f"{path.name}-wal and -shm there")
    return "the file cannot be opened (permissions, or a network drive that went away)"


def truncation(path: Path) -> str | None:
    """'N of M bytes' when the file is shorter than its header says, else None."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            header = f.read(100)
    except OSError:
        return None
    if len(header) < 100:
        return f"{size} bytes, not even a header" if size else "an empty file"
    if not header.startswith(b"SQLite format 3\x00"):
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96] and pages > 0
    if valid and size < pages * page_size:
        return f"{size:,} of {pages * page_size:,} bytes"
    if size % page_size:
        return f"{size:,} bytes is not a whole number of {page_size}-byte pages"
    return None


def free_space(path: Path) -> str:
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return "unknown"
    return f"{free / 2**20:.1f} MB"


def os_user() -> str:
    try:
        import getpass
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid()) if hasattr(os, "getuid") else "?"
