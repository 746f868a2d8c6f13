"""Long CPU-bound jobs in a child process, with the Job's progress, cancel and signals.

Python runs one thread at a time per process. A thread that computes for seconds (writing a
50,000-row XLSX, typesetting the bulletin's PDF) holds the interpreter lock, and every other
thread then waits up to the switch interval each time it gives the lock up around a database
call or a large numpy operation: measured in the soak, the window's refresh that takes 0.3 s
took 6 s while an export was written on a thread, and changes made elsewhere showed late. A
child process has its own lock (and the machine's second core).

Children are forked from a small server process that imported the job modules once
(`forkserver`), so a job starts in tens of milliseconds and inherits no Qt state, threads or
open database handles from the window. Where the platform has no forkserver, `spawn`.
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
from collections.abc import Callable
from typing import Any

from ..services.progress import Cancelled
from .workers import Job

# what the jobs import, and the bulletin's font: loaded once, in the server
PRELOAD = ["gridapp.ui.offloaded", "gridapp.ui.preloaded"]
_context: list = []


def context():
    """The start method's context, set up on first use."""
    if not _context:
        if "forkserver" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(PRELOAD)
        else:
            ctx = multiprocessing.get_context("spawn")
        _context.append(ctx)
    return _context[0]


def _terminated(_signum, _frame) -> None:
    raise Cancelled("terminated")  # unwinds: the job's finally blocks remove half files


def _child(send, target: Callable, args: tuple, asked=None) -> None:
    """In the child: run `target(progress, *args)` and send what happened. With `asked` (an
    Event the window sets to cancel), progress raises Cancelled at the job's next step."""
    signal.signal(signal.SIGTERM, _terminated)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C in the terminal is the parent's

    def progress(done: int, total: int, what: str) -> None:
        if asked is not None and asked.is_set():
            raise Cancelled(what)
        send.send(("progress", done, total, what))
    try:
        result = target(progress, *args)
    except BaseException as exc:  # noqa: BLE001 (every failure goes back to the window)
        send.send(("error", _portable(exc)))
        return
    send.send(("ok", result))


def _portable(exc: BaseException) -> BaseException:
    """The exception itself if it survives the trip between processes, else its text."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 (an exception whose class cannot be rebuilt)
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class ProcessJob(Job):
    """A Job whose work, `target(progress, *args)`, runs in a child process. `target` is a
    module-level function of a Qt-free module; its arguments and result must pickle.

    Cancel terminates the child (it unwinds, so its finally blocks run) — unless the job
    `asks`: then the child is asked to stop at its next progress step and its answer is
    awaited, so a job that writes to the store is never cut off inside its commit; one that
    was already committing finishes and reports what it saved."""

    def __init__(self, target: Callable, args: tuple[Any, ...], name: str = "job", *,
                 asks: bool = False) -> None:
        super().__init__(self._relay, name)
        self.target, self.args, self.asks = target, args, asks
        self.pid: int | None = None
        self._asked = None  # the Event the child watches, while one runs

    def cancel(self) -> None:
        super().cancel()
        if self._asked is not None:  # at once: the child's next step must see it
            self._asked.set()

    def _relay(self, progress) -> Any:
        """On the job's thread: start the child, pass its progress on, return its result."""
        ctx = context()
        recv, send = ctx.Pipe(duplex=False)
        asked = self._asked = ctx.Event() if self.asks else None
        if asked is not None and self._stop.is_set():
            asked.set()
        child = ctx.Process(target=_child, args=(send, self.target, self.args, asked),
                            name=f"gridapp-{self.name}", daemon=True)
        child.start()
        send.close()  # ours: the child holds the only writing end, so its end is our EOF
        self.pid = child.pid
        answered = False
        try:
            while True:
                if self._stop.is_set() and asked is None:  # (asked: the child stops at
                    raise Cancelled(self.name)             # its next step, or commits)
                if not recv.poll(0.1):
                    continue
                try:
                    kind, *value = recv.recv()
                except EOFError:
                    child.join(5)
                    raise RuntimeError(f"the {self.name} process ended without an answer "
                                       f"(exit code {child.exitcode})") from None
                if kind == "progress":
                    if not self._stop.is_set():  # (once cancelled, progress would raise)
                        progress(*value)
                    continue
                answered = True
                if kind == "ok":
                    return value[0]
                else:
                    raise value[0]
        finally:
            if answered:  # it is returning from its last send: let it end by itself
                child.join(5)
            if child.is_alive():
                child.terminate()
            child.join(10)
            if child.is_alive():  # did not unwind in time
                child.kill()
                child.join()
            recv.close()
            self._asked = None
