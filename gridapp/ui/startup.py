"""Start-up probe for `gridapp bench startup`: when each stage of the client is on screen.

Only when GRIDAPP_STARTUP_PROBE names a file: each stage appends `name seconds-since-epoch`
the first time its window paints; with GRIDAPP_PASSWORD set the login is submitted as soon
as the dialog shows, and the client quits once the main window has painted.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

PROBE = "GRIDAPP_STARTUP_PROBE"


def mark(stage: str) -> None:
    """Note that `stage` is reached now (no-op unless probing)."""
    path = os.environ.get(PROBE)
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"{stage} {time.time():.6f}\n")


class _FirstPaint(QObject):
    def __init__(self, widget, stage: str) -> None:
        super().__init__(widget)
        self.stage = stage
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # after the paint has been flushed
        return False

    def _painted(self) -> None:
        mark(self.stage)
        widget = self.parent()
        if self.stage == "login" and os.environ.get("GRIDAPP_PASSWORD"):
            widget.password.setText(os.environ["GRIDAPP_PASSWORD"])
            widget.try_login()
        elif self.stage == "window":
            QApplication.instance().quit()


def watch(widget, stage: str) -> None:
    """Mark `stage` when `widget` first paints (only when probing)."""
    if os.environ.get(PROBE):
        _FirstPaint(widget, stage)
