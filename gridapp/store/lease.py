"""Who holds a SQLite store for writing: a small note beside the file, for the busy message.

SQLite can say that a store is locked but not by whom. Every gridapp write transaction
writes one fixed-size record into `<store>-writer` when it takes the lock and marks it idle
when it ends (two pwrite calls, a few microseconds), so a writer that gives up waiting can
name the program, user, host and start time holding the store — or say that it is not
gridapp at all.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import time
from datetime import datetime
from pathlib import Path

RECORD = 512  # bytes; fixed so that a rewrite never leaves a tail of an older, longer one
DEFAULT_BUSY_SECONDS = 60.0


def busy_timeout_seconds() -> float:
    """How long a writer waits for another one (GRIDAPP_BUSY_TIMEOUT, seconds; default 60)."""
    try:
        value = float(os.environ.get("GRIDAPP_BUSY_TIMEOUT", DEFAULT_BUSY_SECONDS))
    except ValueError:
        return DEFAULT_BUSY_SECONDS
    return value if 0 <= value < 86400 else DEFAULT_BUSY_SECONDS


def lease_path(db_path: Path | str) -> Path:
    return Path(f"{db_path}-writer")


def _program() -> str:
    argv = list(sys.argv)
    if argv and argv[0].endswith(("gridapp", "__main__.py")):
        argv[0] = "gridapp"
    else:
        argv[0] = Path(argv[0]).name if argv else "python"
    out, hide = [], False
    for arg in argv:  # never repeat a secret given on a command line
        if hide:
            out.append("***")
        elif "password" in arg.lower() and "=" in arg:
            arg = arg.split("=", 1)[0] + "=***"
            out.append(arg)
        else:
            out.append(arg)
        hide = not hide and "password" in arg.lower() and "=" not in arg
    return " ".join(out)[:200]


class WriterLease:
    """One per store and process: records this process as the writer while it writes."""

    def __init__(self, db_path: str) -> None:
        self.path = lease_path(db_path)
        self.fd: int | None = None
        self.failed = False
        self.active = False
        self.activity: str | None = None  # e.g. "hotline import 12345.xlsx"; default argv
        self._cached: tuple | None = None
        self._idle: tuple | None = None

    def _open(self) -> int | None:
        if self.fd is None and not self.failed:
            try:
                self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o666)
            except OSError:
                self.failed = True  # a read-only folder: the busy message says less
        return self.fd

    def _record(self, state: str, since: str) -> bytes:
        record = json.dumps({
            "state": state, "pid": os.getpid(), "host": _HOST, "user": _LOGIN,
            "program": self.activity or _PROGRAM, "since": since}, ensure_ascii=False)
        return record.encode()[:RECORD - 1].ljust(RECORD - 1) + b"\n"

    def _write(self, data: bytes) -> None:
        fd = self._open()
        if fd is None:
            return
        try:
            if hasattr(os, "pwrite"):
                os.pwrite(fd, data, 0)
            else:  # Windows
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, data)
        except OSError:
            pass

    def writing(self) -> None:
        self.active = True
        # one record per second is enough for "since": a transaction costs ~2 µs here
        second = int(time.time())
        if self._cached is None or self._cached[0] != (second, self.activity):
            since = datetime.fromtimestamp(second).isoformat()  # local time, whole seconds
            self._cached = ((second, self.activity), self._record("writing", since))
        self._write(self._cached[1])

    def idle(self) -> None:
        if self.active:
            self.active = False
            if self._idle is None or self._idle[0] != self.activity:
                self._idle = (self.activity, self._record("idle", ""))
            self._write(self._idle[1])

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def holder(db_path: Path | str) -> dict | None:
    """The record of the last gridapp writer, if it says it is still writing."""
    try:
        raw = lease_path(db_path).read_bytes()[:RECORD].decode("utf-8", "replace").strip()
        record = json.loads(raw)
    except (OSError, ValueError):
        return None
    if record.get("state") != "writing":
        return None
    if record.get("host") == _HOST and not _alive(record.get("pid")):
        return None
    return record


def busy_message(db_path: Path | str) -> str:
    """One line: the store is busy, who holds it since when, how long we waited."""
    waited = busy_timeout_seconds()
    who = holder(db_path)
    if who is None:
        by = ("another program that is not gridapp (a database tool, a copy or a backup "
              "program?)")
    else:
        by = (f"`{who.get('program')}` (user {who.get('user')} on {who.get('host')}, "
              f"pid {who.get('pid')}) since {str(who.get('since', '')).replace('T', ' ')}")
    return (f"{db_path} is busy: it is being written by {by}; waited {waited:g} s — "
            "try again when it has finished")


def _alive(pid) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, ValueError, TypeError):
        return False
    except PermissionError:
        return True
    return True


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


_HOST, _LOGIN, _PROGRAM = socket.gethostname(), _login(), _program()
