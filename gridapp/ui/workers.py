"""Long jobs off the UI thread, with progress and a cancel that leaves nothing behind.

The work runs on a Python thread; the Job object itself lives on the UI thread, so its
signals (progress, finished, failed) are delivered there: whatever a handler does — a
message box, a widget update — happens on the UI thread. A running job is kept alive until
its result has been delivered, and `Job.stop_all` cancels and waits for every job when the
window closes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..services.progress import Cancelled


class Job(QObject):
    """Runs `fn(progress)` on a worker thread; progress raises Cancelled once asked to stop."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    settled = Signal()  # on the UI thread, once `outcome` is set


    _live: set[Job] = set()  # running jobs (nothing running may be garbage-collected)

    def __init__(self, fn: Callable, name: str = "job") -> None:
        super().__init__()
        self.fn, self.name = fn, name
        self._stop = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        # what was delivered, for whoever looks after the signals went by (the map read
        # behind the login dialog is picked up when the login is done)
        self.last_progress: tuple[int, int, str] | None = None
        self.outcome: tuple[str, object] | None = None
        self.progress.connect(self._progressed)
        self.finished.connect(self._ok)
        self.failed.connect(self._error)

    def _report(self, done: int, total: int, what: str) -> None:
        if self._stop.is_set():
            raise Cancelled(what)
        self.progress.emit(done, total, what)

    def _run(self) -> None:
        try:
            result = self.fn(self._report)
        except BaseException as exc:  # noqa: BLE001 (reported to whoever started the job)
            self._done.set()
            self.failed.emit(exc)
            return
        self._done.set()
        self.finished.emit(result)

    def _progressed(self, done: int, total: int, what: str) -> None:
        self.last_progress = (done, total, what)

    def _ok(self, result) -> None:
        self._settle("ok", result)

    def _error(self, exc) -> None:
        self._settle("error", exc)

    def _settle(self, kind: str, value) -> None:
        Job._live.discard(self)
        self.outcome = (kind, value)
        self.settled.emit()

    def start(self) -> Job:
        Job._live.add(self)
        self._thread = threading.Thread(target=self._run, name=f"gridapp-{self.name}",
                                        daemon=True)
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._stop.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and not self._done.is_set()

    def wait(self, seconds: float = 60.0) -> bool:
        """Block until the work is over (its signals may still be queued); False on timeout."""
        return self._done.wait(seconds)

    @classmethod
    def stop_all(cls, seconds: float = 30.0) -> list[str]:
        """Cancel every running job and wait for it; the names of those that did not stop."""
        jobs = [j for j in list(cls._live) if j.running]
        for j in jobs:
            j.cancel()
        return [j.name for j in jobs if not j.wait(seconds)]
