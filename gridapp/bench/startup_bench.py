"""Client start-up: the real `gridapp gui` in a fresh process, next to bare Qt in the same run.

Each run starts a new Python process (imports are the cost at start-up) on the offscreen
platform unless a display is given; the client's start-up probe notes when each window first
paints (`gridapp.ui.startup`). The floor is a bare PySide6 script doing the least the same
stage needs: a dialog with the login's widgets; then the map cache read with np.load and a
bare main window. Runs alternate (ours, floor, ours, …) and the medians are compared.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import Figure, Report

# The floor: what the login stage and the main-window stage need at the very least.
BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QMainWindow, QVBoxLayout)
probe, caches = sys.argv[1], sys.argv[2:]
def mark(stage):
    with open(probe, "a") as f:
        f.write(f"{stage} {time.time():.6f}\n")
class First(QObject):
    def __init__(self, w, then):
        super().__init__(w); self.then = then; w.installEventFilter(self)
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self); QTimer.singleShot(0, self.then)
        return False
app = QApplication(sys.argv)
d = QDialog(); lay = QVBoxLayout(d); form = QFormLayout()
form.addRow(QLabel("用户名"), QLineEdit()); form.addRow(QLabel("密码"), QLineEdit())
c = QComboBox(); c.addItems(["中文", "English"]); form.addRow(QLabel("界面语言"), c)
lay.addLayout(form); lay.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok))
def window():
    mark("window"); app.quit()
def login():
    mark("login"); d.accept(); mark("logged_in")
    import numpy as np
    for path in caches:
        with np.load(path) as z:
            [z[k] for k in z.files]
    w = QMainWindow(); w.resize(1280, 960); First(w, window); w.show(); app.w = w
First(d, login); d.show(); app.exec()
"""


def _stages(cmd: list[str], env: dict, probe_arg: bool = False) -> dict[str, float]:
    """Start `cmd` and wait for it; the seconds from the start to each stage it marked.

    The client finds the probe file in its environment; the bare script (`probe_arg`) takes
    it as its first argument.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".probe", delete=False) as f:
        probe = f.name
    if probe_arg:
        cmd = cmd[:3] + [probe] + cmd[3:]
    try:
        t0 = time.time()
        out = subprocess.run(cmd, env={**env, "GRIDAPP_STARTUP_PROBE": probe},
                             capture_output=True, text=True, timeout=600)
        marks = dict(line.split() for line in Path(probe).read_text().splitlines())
    finally:
        Path(probe).unlink(missing_ok=True)
    if out.returncode != 0 or "window" not in marks:
        raise RuntimeError(f"{' '.join(cmd[:3])} … ended ({out.returncode}) before its "
                           f"window painted: {out.stderr.strip()[-400:]}")
    return {k: float(v) - t0 for k, v in marks.items()}


def run(db: str, user: str, password: str, runs: int = 5, typing: float = 3.0) -> Report:
    from ..bootstrap import open_store
    from ..ui.main import cache_paths
    rep = Report("start-up: the real client against bare Qt")
    store = open_store(db)
    caches = [str(p) for p in cache_paths(store)]
    store.close()
    env = {**os.environ, "GRIDAPP_PASSWORD": password}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    client = [sys.executable, "-m", "gridapp.cli", "--db", db, "gui", "--user", user]
    print("  warm-up (builds the map cache if it is missing) …", flush=True)
    _stages(client, env)
    bare = [sys.executable, "-c", BARE] + [c for c in caches if Path(c).exists()]
    typed = {**env, "GRIDAPP_STARTUP_TYPING": str(typing)}
    ours, at_once, floor = [], [], []
    for _ in range(runs):  # interleaved, so a change of load hits all three alike
        ours.append(_stages(client, typed))
        at_once.append(_stages(client, env))
        floor.append(_stages(bare, env, probe_arg=True))

    def median(rows, end, start=None):
        return statistics.median(r[end] - (r[start] if start else 0) for r in rows) * 1000
    rep.add(Figure("login dialog on screen after `gridapp gui`", median(ours, "login"), "ms",
                   median(floor, "login"), "bare PySide6 dialog, new process", "target ≤ 2×"))
    rep.add(Figure(f"main window after the login, typed in {typing:g} s (map cache present)",
                   median(ours, "window", "logged_in"), "ms",
                   median(floor, "window", "logged_in"),
                   "np.load of the cache + bare main window", "target ≤ 1,500 ms"))
    rep.add(Figure("main window after a login submitted the instant the dialog shows",
                   median(at_once, "window", "submitted"), "ms", None, "",
                   "(includes opening the store: no floor)"))
    print(f"  (median of {runs} runs each; the window is timed from the accepted password to "
          "its first paint)", flush=True)
    return rep
