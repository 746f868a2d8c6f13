"""Start-up probe for `gridapp bench startup`: when each stage of the client is on screen.

Only when GRIDAPP_STARTUP_PROBE names a file: each stage appends `name seconds-since-epoch`
the first time its window paints; with GRIDAPP_PASSWORD set the login is submitted GRIDAPP_STARTUP_TYPING seconds
(default 0) after the dialog shows, as a user who types, and the client quits once the main
window has painted.
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
    """Calls `then` once, right after `widget` has painted for the first time."""

    def __init__(self, widget, then) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # after the paint has been flushed
        return False


def after_first_paint(widget, then) -> None:
    """Run `then` on the UI thread once `widget` is on screen."""
    _FirstPaint(widget, then)


def _submit(login) -> None:
    mark("submitted")
    login.password.setText(os.environ["GRIDAPP_PASSWORD"])
    login.try_login()


def watch(widget, stage: str) -> None:
    """Mark `stage` when `widget` first paints (only when probing)."""
    if not os.environ.get(PROBE):
        return

    def painted() -> None:
        mark(stage)
        if stage == "login" and os.environ.get("GRIDAPP_PASSWORD"):
            typing = float(os.environ.get("GRIDAPP_STARTUP_TYPING") or 0)
            QTimer.singleShot(int(typing * 1000), lambda: _submit(widget))
        elif stage == "window":
            QApplication.instance().quit()
    _FirstPaint(widget, painted)
