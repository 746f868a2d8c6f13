"""Helpers of the UI tests, under a name of their own: `from conftest import …` would find
whichever directory's conftest pytest loaded last when tests/ui and tests/io run together."""

from datetime import datetime

import numpy as np

NOW = datetime(2026, 11, 2, 10, 0)  # a Monday morning: the windows' and the stores' clock


def idle(qtbot, w, timeout: int = 30000) -> None:
    """Wait until the window has taken in the store and drawn: no refresh, no render."""
    qtbot.waitUntil(lambda: w._refresh_job is None and not w._refresh_again and
                    not w.canvas.busy, timeout=timeout)


def refreshed(qtbot, w) -> None:
    """Let the window pick up what changed in the store, as its own timer would."""
    w.refresh_data()
    idle(qtbot, w)


def index_of(w, case_id: int) -> int:
    return int(np.flatnonzero(w.model.data.cases.id == case_id)[0])


def submit(qtbot, dialog, timeout: int = 30000) -> None:
    """Press the dialog's OK as a user does and wait for the store's answer (forms write off
    the UI thread)."""
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.submitting, timeout=timeout)


def hold(gate, marker: str = "held", seconds: float = 30.0) -> None:
    """In a job's child process: say where it is (a file `marker` in the folder `gate`), then
    wait until the test lets it go (a file `go` there)."""
    import time
    from pathlib import Path
    gate = Path(gate)
    (gate / marker).touch()
    for _ in range(int(seconds / 0.05)):
        if (gate / "go").exists():
            return
        time.sleep(0.05)
