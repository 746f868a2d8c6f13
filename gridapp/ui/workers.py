"""Long jobs off the UI thread, with progress and a cancel that leaves nothing behind."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal

from ..services.progress import Cancelled


class Job(QObject):
    """Runs `fn(progress)` in a thread; progress may raise Cancelled when asked to stop."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn
        self._stop = threading.Event()
        self.thread = QThread()
        self.moveToThread(self.thread)
        self.thread.started.connect(self._run)

    def _report(self, done: int, total: int, what: str) -> None:
        if self._stop.is_set():
            raise Cancelled(what)
        self.progress.emit(done, total, what)

    def _run(self) -> None:
        try:
            self.finished.emit(self.fn(self._report))
        except BaseException as exc:  # noqa: BLE001 (reported to the dialog)
            self.failed.emit(exc)
        finally:
            self.thread.quit()

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, ms: int = 60_000) -> bool:
        return self.thread.wait(ms)
