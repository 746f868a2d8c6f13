"""The demo's year in independent parts, one per street, simulated on both cores.

A street's reports (and the echoes of them, wherever they fall) make one part: it runs on a
store holding no other street's cases, with a random stream of its own (named by the demo's
seed and the street), and each case gets the id of its report's place in the year. So a
part comes out the same in whichever process it runs and after whichever other part: the
store's content depends on the seed alone, not on how many processes built it.

The helper is a plain child process (`python -c …`, not multiprocessing: that re-imports
the caller's main script) that reads the places and people from the store being built,
takes parts from this process and sends back each part's finished cases as the columns the
store keeps (plain values pickle ~20× faster than the cases themselves). It dies with us.
"""

from __future__ import annotations

import contextlib
import gc
import os
import queue
import signal
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path

from ..store.bulk import CaseRows, case_rows
from ..store.db import is_sqlite
from .reports import Reports
from .simulation import Simulation

# a helper pays for its start (a new interpreter importing gridapp, ~1-2 s of CPU on the
# other core) only when the year is large enough to share
HELPER_FROM = 20_000


@dataclass
class Part:
    """One street's reports in time order, and the name of its random stream."""

    street: str
    reports: Reports
    stream: str

    def __len__(self) -> int:
        return len(self.reports)


def split(reports: Reports, seed: int) -> list[Part]:
    """The year's reports by street, largest part first (so the last to finish are small)."""
    parts = [Part(street, reports.take(rows), f"{seed}:cases:{street}")
             for street, rows in reports.by_street().items()]
    parts.sort(key=lambda p: (-len(p), p.street))
    return parts


class Schedule:
    """Parts not yet taken; taken by this process and the helper alike."""

    def __init__(self, parts: list[Part]) -> None:
        self.parts = list(reversed(parts))  # popped from the end: largest first
        self.lock = threading.Lock()

    def take(self) -> Part | None:
        with self.lock:
            return self.parts.pop() if self.parts else None


def rows_of(sim: Simulation, ids: list[int], sqlite: bool) -> CaseRows:
    """The finished cases `ids` of a simulation as the store's columns (SQLite: with their
    times as text, made here rather than in the writing thread)."""
    d = sim.mem.data
    ids = sorted(ids)
    return case_rows([d.cases[i] for i in ids], [e for i in ids for e in d.events[i]], sqlite)


def helper_wanted(cases: int, asked: bool | None) -> bool:
    """Whether to simulate beside a helper: as asked, or by default for a large year on a
    machine with more than one core."""
    if asked is not None:
        return asked
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return cases >= HELPER_FROM and (cores or 1) > 1


class HelperFailed(RuntimeError):
    """The helper process reported an error or died."""


class Helper:
    """The child process and the thread that feeds it parts and hands its rows on."""

    def __init__(self) -> None:
        from_parent, to_child = os.pipe()  # (read end, write end)
        from_child, to_parent = os.pipe()
        root = str(Path(__file__).resolve().parents[2])  # where gridapp itself is found
        code = (f"import sys; sys.path.insert(0, {root!r}); from gridapp.demo.parts import "
                f"serve; serve({from_parent}, {to_parent}, {os.getpid()})")
        self.proc = subprocess.Popen([sys.executable, "-c", code],
                                     pass_fds=(from_parent, to_parent),
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        os.close(from_parent)
        os.close(to_parent)
        self.send = Connection(to_child, readable=False)
        self.recv = Connection(from_child, writable=False)
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None
        self.done: dict[str, int] = {}  # reports simulated, by street
        self.executed = 0  # steps through the services

    def start(self, url: str, start: datetime, until: datetime, srid: int, flush_every: int,
              schedule: Schedule, put: Callable[[CaseRows], None]) -> None:
        """Let the helper read the store at `url` and simulate parts from `schedule` until
        none is left; `put` gets its rows (called from the feeding thread)."""
        self.send.send((url, start, until, srid, flush_every))
        self.thread = threading.Thread(target=self._feed, args=(schedule, put),
                                       name="demo-helper", daemon=True)
        self.thread.start()

    def _feed(self, schedule: Schedule, put: Callable[[CaseRows], None]) -> None:
        try:
            busy: list[str] = []
            while True:
                while len(busy) < 2:  # one running, one waiting: the helper never idles
                    part = schedule.take()
                    if part is None:
                        break
                    self.send.send(part)
                    busy.append(part.street)
                if not busy:
                    break
                kind, *what = self._recv()
                if kind == "rows":
                    put(what[0])
                elif kind == "progress":
                    self.done[what[0]] = what[1]
                elif kind == "done":
                    busy.remove(what[0])
            self.send.send(None)
            _, self.executed = self._recv()
        except BaseException as exc:  # noqa: BLE001 (re-raised in the building thread)
            self.error = exc

    def _recv(self) -> tuple:
        try:
            msg = self.recv.recv()
        except EOFError:
            raise HelperFailed(f"the demo's helper process ended (exit status "
                               f"{self.proc.wait()})") from None
        if msg[0] == "error":
            raise HelperFailed(f"the demo's helper process failed:\n{msg[1]}")
        return msg

    def check(self) -> None:
        if self.error is not None:
            raise self.error

    def reports(self) -> int:
        return sum(self.done.values())

    def join(self, wait: Callable[[], None]) -> None:
        """Until the helper has simulated its parts and its rows are handed on; `wait` is
        called every half second meanwhile."""
        if self.thread is not None:
            while self.thread.is_alive():
                self.thread.join(0.5)
                wait()
        self.check()
        self.proc.wait()

    def stop(self) -> None:
        """End the helper now (a failed build), if it is still running."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for conn in (self.send, self.recv):
            conn.close()
        if self.thread is not None:
            self.thread.join()


# ---- in the helper process -------------------------------------------------------------

def serve(read_fd: int, write_fd: int, parent: int) -> None:
    """The helper's main: parts in, rows out, until told to stop."""
    _die_with(parent)
    inbox = Connection(read_fd, writable=False)
    out = Connection(write_fd, readable=False)
    # read at once whatever the parent sends: a part sent while we send rows never blocks it
    parts: queue.Queue = queue.Queue()

    def read() -> None:
        try:
            while True:
                parts.put(msg := inbox.recv())
                if msg is None:
                    return
        except EOFError:
            parts.put(None)
    try:
        url, start, until, srid, flush_every = inbox.recv()
        threading.Thread(target=read, name="parts-in", daemon=True).start()
        sim = Simulation(_memory(url), None, None, start, until, srid)
        sqlite = is_sqlite(url)
        gc.freeze()  # as in the building process: no cycles worth collecting are made
        gc.disable()
        while (part := parts.get()) is not None:
            street = part.street

            def progress(done: int, total: int, what: str, street: str = street) -> None:
                out.send(("progress", street, done))

            def flush(ids: list[int]) -> None:
                out.send(("rows", rows_of(sim, ids, sqlite)))
            sim.run_part(part.reports.specs(), part.stream, flush, progress, flush_every)
            out.send(("progress", street, len(part)))
            out.send(("done", street))
        out.send(("bye", sim.executed))
    except BaseException:  # noqa: BLE001 (the parent raises it)
        with contextlib.suppress(OSError):  # else the parent is gone
            out.send(("error", traceback.format_exc()))


def _memory(url: str):
    """The places and people of the store being built, as the building process has them."""
    from ..store.db import create_store_engine
    from ..store.memory import snapshot
    from ..store.store import Store
    store = Store(url, create_store_engine(url))
    try:
        return snapshot(store)
    finally:
        store.close()


def _die_with(parent: int) -> None:
    """Linux: be killed when the parent dies (a killed build leaves no process behind);
    elsewhere the helper ends at its next message."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C in the terminal is the parent's
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # it died before we asked
        os._exit(1)
