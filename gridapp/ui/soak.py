"""The soak: the real main window, left running while other workstations work.

One process holds the client as users run it — threaded rendering, the default layers and
the basemap — and a driver acts in it like a person at the desk (wheel, drag, 全区, layers,
filters, search, picking cases, every action its user may take, switching user, the
dashboard, exports), answering dialogs as they come. K other processes (gridapp.app.
soak_writer, under `faketime` when it is installed, so their clocks disagree with ours)
report, move cases through the loop and edit places with plain SQL, logging each commit.

A checker reads those logs and times how long each change takes to show in the window (the
map's data, the list and the open case). At the end: no crash, no unhandled exception, every
change seen within the limit, resident memory growth, the store's integrity, and every audit
trail replayed through the transition table.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import tracemalloc
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

LIMIT_S = 5.0        # a change made elsewhere must show within this
FROZEN_S = 10.0      # the UI thread never stops answering for longer than this
SKEWS = ["-2h", "+3h", "-1d", "+25m", "-7m", "+1d"]  # the other workstations' clocks
USERS = ["shift01", "dispatcher01", "acceptor01", "leader01", "lz0001", "wg0001",
         "sanitation01"]
PASSWORD = "demo1234"


@dataclass
class SoakReport:
    backend: str
    seconds: float
    writers: int
    clocks: list[str]
    gui_actions: int = 0
    actions: dict[str, int] = field(default_factory=dict)
    changes_logged: int = 0
    changes_seen: int = 0
    missed: list[str] = field(default_factory=list)
    late: int = 0
    late_examples: list[dict] = field(default_factory=list)  # the first few, with the window
    worst_delay_s: float = 0.0
    p95_delay_s: float = 0.0
    delay_by_kind: dict[str, str] = field(default_factory=dict)
    rss_start_mb: float = 0.0
    rss_end_mb: float = 0.0
    rss_peak_mb: float = 0.0
    rss_mb: list[float] = field(default_factory=list)  # every 30 s: does it level off?
    exceptions: list[str] = field(default_factory=list)
    dialogs: int = 0
    ui_frozen_s: float = 0.0   # the longest the UI thread did not answer
    integrity: str = ""
    cases: int = 0
    replay_failures: list[str] = field(default_factory=list)
    writer_refusals: dict[str, int] = field(default_factory=dict)
    pause_s: float = 0.4    # mean seconds between two actions of one other workstation
    places: float = 0.15    # share of their actions that edit a place

    @property
    def ok(self) -> bool:
        return (not self.missed and self.late == 0 and not self.exceptions and
                self.integrity == "ok" and not self.replay_failures and self.changes_seen > 0
                and self.ui_frozen_s <= FROZEN_S)

    def lines(self) -> list[str]:
        return [
            f"backend {self.backend}, {self.seconds / 60:.1f} min, {self.writers} other "
            f"workstations (clocks {', '.join(self.clocks) or 'as ours'}; an action each "
            f"{self.pause_s:g} s on average, {self.places:.0%} of them place edits)",
            f"window: {self.gui_actions:,} user actions "
            f"({', '.join(f'{k} {v}' for k, v in sorted(self.actions.items()))}); "
            f"{self.dialogs} dialogs answered; the UI thread answered within "
            f"{self.ui_frozen_s:.2f} s all along",
            f"changes by the others: {self.changes_logged:,} logged, {self.changes_seen:,} "
            f"seen, {len(self.missed)} missed, {self.late} later than {LIMIT_S:.0f} s; "
            f"worst {self.worst_delay_s:.2f} s, p95 {self.p95_delay_s:.2f} s "
            f"({'; '.join(f'{k}: {v}' for k, v in sorted(self.delay_by_kind.items()))})",
            f"memory: {self.rss_start_mb:,.0f} MB after warm-up → {self.rss_end_mb:,.0f} MB at "
            f"the end ({self.rss_end_mb - self.rss_start_mb:+,.0f} MB), peak "
            f"{self.rss_peak_mb:,.0f} MB",
            f"store: integrity {self.integrity}; {self.cases:,} cases, "
            f"{len(self.replay_failures)} audit trails that do not replay",
            f"unhandled exceptions: {len(self.exceptions)}",
            "SOAK PASSED" if self.ok else "SOAK FAILED",
        ]


def _rss_mb() -> tuple[float, float]:
    vals = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                vals[line.split(":")[0]] = int(line.split()[1]) / 1024
    return vals.get("VmRSS", 0.0), vals.get("VmHWM", 0.0)


class Watch:
    """Reads the writers' logs and times each change until the window shows it."""

    def __init__(self, logs: list[Path]) -> None:
        self.logs = logs
        self.offsets = {p: 0 for p in logs}
        self.pending: list[dict] = []
        self.delays: list[float] = []
        self.by_kind: dict[str, list[float]] = {}
        self.logged = 0
        self.refusals: dict[str, int] = {}
        self.late: list[dict] = []

    def read(self) -> None:
        for p in self.logs:
            if not p.exists():
                continue
            with open(p, encoding="utf-8") as f:
                f.seek(self.offsets[p])
                while line := f.readline():
                    if not line.endswith("\n"):
                        break  # written half: read it next time
                    self.offsets[p] = f.tell()
                    entry = json.loads(line)
                    if entry["kind"] == "end":
                        for k, v in entry.get("refused", {}).items():
                            self.refusals[k] = self.refusals.get(k, 0) + v
                    elif entry["kind"] != "start":
                        self.pending.append(entry)
                        self.logged += 1

    def check(self, window) -> None:
        """Mark seen what the window shows now: the change itself, or a later state of the
        same thing as the store holds it now (the window's own user, or another workstation,
        may have changed it again: the window cannot show a state that is gone)."""
        from ..app.map_data import STATES
        now = time.monotonic()
        data = window.model.data
        snap = window.canvas.snapshot().data  # what the map draws from
        unshown = [e for e in self.pending if not _shown(e, data, snap, window, STATES)]
        current = _store_now(window.store, unshown) if unshown else {}
        waiting = []
        for e in unshown:
            cur = current.get(_key(e))
            if cur is not None and _later(cur, e) and _shown(cur, data, snap, window, STATES):
                continue  # a later state of the same thing is shown: this one is seen
            if now - e["t"] > LIMIT_S and not e.get("late"):
                e["late"] = True
                self.late.append(_why(e, cur, data, snap, window, STATES))
            waiting.append(e)
        still = {id(e) for e in waiting}
        for e in self.pending:
            if id(e) not in still:
                self.delays.append(now - e["t"])
                self.by_kind.setdefault(e["kind"], []).append(now - e["t"])
        self.pending = waiting


def _store_now(store, entries: list[dict]) -> dict[tuple, dict]:
    """What the store holds now for the things these changes touched, as log entries."""
    ph = "?" if store.backend == "sqlite" else "%s"
    out: dict[tuple, dict] = {}
    with store.read() as conn:
        def rows(sql: str, keys: set):
            keys_ = sorted(keys)
            if not keys_:
                return []
            return conn.exec_driver_sql(sql.format(", ".join([ph] * len(keys_))),
                                        tuple(keys_)).all()
        for cid, state, version in rows("SELECT id, state, version FROM cases WHERE id IN ({})",
                                        {e["id"] for e in entries if e["kind"] == "case"}):
            out[("case", cid)] = {"kind": "case", "id": cid, "state": state, "version": version}
        for code, name in rows("SELECT code, name FROM streets WHERE code IN ({})",
                               {e["code"] for e in entries if e["kind"] == "street"}):
            out[("street", code)] = {"kind": "street", "code": code, "name": name}
        for code, cx in rows("SELECT code, cx FROM grid_cells WHERE code IN ({})",
                             {e["code"] for e in entries if e["kind"] == "cell"}):
            out[("cell", code)] = {"kind": "cell", "code": code, "cx": cx}
    return out


def _later(cur: dict, e: dict) -> bool:
    """The store holds a later state of what `e` changed (a case's version went on; a place
    holds another value)."""
    if e["kind"] == "case":
        return cur["version"] > e.get("version", cur["version"])
    if e["kind"] == "street":
        return cur["name"] != e["name"]
    if e["kind"] == "cell":
        return abs(float(cur["cx"]) - e["cx"]) >= 1e-3
    return False


def _why(e: dict, cur: dict | None, data, snap, window, states) -> dict:
    """A late change and what the window was doing: for the report, to find the cause."""
    why = {k: v for k, v in e.items() if k not in ("late",)}
    why["age_s"] = round(time.monotonic() - e["t"], 2)
    why["store"] = cur
    why["mark"] = str(data.mark.value)
    job = window._refresh_job
    why["refreshing_s"] = round(time.monotonic() - window._refresh_started, 2) \
        if job is not None else None
    from PySide6.QtWidgets import QApplication
    modal = QApplication.activeModalWidget()
    why["modal"] = type(modal).__name__ if modal is not None else None
    if e["kind"] == "case":
        shows = []
        for name, d in (("data", data), ("map", snap)):
            i = int(np.searchsorted(d.cases.id, e["id"]))
            ok = i < len(d.cases.id) and d.cases.id[i] == e["id"]
            shows.append(f"{name} {states[d.cases.state[i]] if ok else 'absent'}")
        view = window.detail.view
        if view is not None and view.case.id == e["id"]:
            shows.append(f"detail {view.case.state.value} v{view.case.version}")
        why["window"] = ", ".join(shows)
    return why


def type_text(app, widget, text: str) -> None:
    """Type as a user does: keys for ASCII, the input method's commit for Chinese (QTest
    has no keys for CJK characters)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    ev = QInputMethodEvent("", [])
    ev.setCommitString(text)
    app.sendEvent(widget, ev)


def _key(e: dict) -> tuple:
    return (e["kind"], e.get("id") or e.get("code"))


def _shown(e: dict, data, snap, window, states) -> bool:
    kind = e["kind"]
    if kind == "case":
        for d in (data, snap):
            ids = d.cases.id
            i = int(np.searchsorted(ids, e["id"]))
            if i >= len(ids) or ids[i] != e["id"] or states[d.cases.state[i]] != e["state"]:
                return False
        view = window.detail.view
        return view is None or view.case.id != e["id"] or view.case.state.value == e["state"]
    if kind == "street":
        hit = np.flatnonzero(data.streets == e["code"])
        return len(hit) > 0 and data.street_names[hit[0]] == e["name"]
    if kind == "cell":
        hit = np.flatnonzero(data.cells.codes == e["code"])
        return len(hit) > 0 and abs(float(data.cells.cx[hit[0]]) - e["cx"]) < 1e-3
    if kind == "component":
        return bool((data.component_codes == e["code"]).any())
    return True


class Driver:
    """A person at the desk: random actions through the window's own widgets and events."""

    def __init__(self, app, window, rng: random.Random, workdir: Path) -> None:
        self.app, self.w, self.rng, self.workdir = app, window, rng, workdir
        self.counts: dict[str, int] = {}
        self.dialogs = 0
        self._modal, self._modal_since = None, 0.0
        self.beat, self.longest_gap = time.monotonic(), 0.0
        self.actions = [
            (self.wheel, 14), (self.drag, 10), (self.whole, 3), (self.keys, 4),
            (self.toggle_layer, 4), (self.style, 2), (self.filters, 6), (self.search, 5),
            (self.pick_on_map, 8), (self.pick_in_list, 8), (self.pick_in_todo, 6),
            (self.act, 12), (self.refresh, 2),
            (self.dashboard, 2), (self.export, 1), (self.language, 1), (self.switch_user, 2),
        ]

    def heartbeat(self) -> None:
        """Ticks every 100 ms on the UI thread: the longest gap is how long it was frozen."""
        now = time.monotonic()
        self.longest_gap = max(self.longest_gap, now - self.beat)
        self.beat = now

    def step(self) -> None:
        if self.app.activeModalWidget() is not None:
            return  # a dialog is up: the keyboard answers it first
        fn = self.rng.choices([a for a, _ in self.actions], [w for _, w in self.actions])[0]
        fn()
        self.counts[fn.__name__] = self.counts.get(fn.__name__, 0) + 1

    # ---- the map, by mouse and keyboard ----------------------------------------------------
    def _point(self):
        from PySide6.QtCore import QPoint
        c = self.w.canvas
        return QPoint(self.rng.randint(10, max(c.width() - 10, 11)),
                      self.rng.randint(10, max(c.height() - 10, 11)))

    def wheel(self) -> None:
        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtGui import QWheelEvent
        c, p = self.w.canvas, self._point()
        steps = self.rng.choice([-2, -1, 1, 1, 2])
        ev = QWheelEvent(QPointF(p), QPointF(c.mapToGlobal(p)), QPoint(0, 0),
                         QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                         Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        self.app.sendEvent(c, ev)

    def drag(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        c = self.w.canvas
        a, b = self._point(), self._point()
        QTest.mousePress(c, Qt.MouseButton.LeftButton, pos=a)
        QTest.mouseMove(c, (a + b) / 2)
        QTest.mouseMove(c, b)
        QTest.mouseRelease(c, Qt.MouseButton.LeftButton, pos=b)

    def whole(self) -> None:
        self._trigger("全区")

    def keys(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        key = self.rng.choice([Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Left,
                               Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down])
        self.w.canvas.setFocus()
        QTest.keyClick(self.w.canvas, key)

    def _trigger(self, key: str) -> None:
        for a, k in self.w._texts.items():
            if k == key:
                a.trigger()
                return

    # ---- panels ----------------------------------------------------------------------------
    def toggle_layer(self) -> None:
        from PySide6.QtCore import Qt
        lst = self.w.layers_panel.list
        item = lst.item(self.rng.randrange(lst.count()))
        on = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)
        if on and item.data(Qt.ItemDataRole.UserRole) in ("basemap", "cases", "cells"):
            item.setCheckState(Qt.CheckState.Checked)  # the default layers stay on

    def style(self) -> None:
        panel = self.w.layers_panel
        panel.list.setCurrentRow(self.rng.randrange(panel.list.count()))
        if panel.style.isEnabled() and panel.style.count():
            panel.style.setCurrentIndex(self.rng.randrange(panel.style.count()))

    def filters(self) -> None:
        from PySide6.QtWidgets import QToolButton
        cl = self.w.case_list
        chips = cl.chips.findChildren(QToolButton)
        if chips and self.rng.random() < 0.3:  # a chip's ✕
            self.rng.choice([c for c in chips if c.isVisible()] or chips).click()
        elif self.rng.random() < 0.3:
            cl.deadline.setCurrentIndex(self.rng.randrange(cl.deadline.count()))
        else:  # tick or untick a choice, or "all", as a click in the button's checklist does
            button = self.rng.choice([cl.state, cl.klass, cl.source, cl.street])
            items = [a for a in button.menu_.actions() if not a.isSeparator()]
            if items:
                self.rng.choice(items).trigger()
        if self.rng.random() < 0.2:
            cl.open_only.toggle()

    def search(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        d = self.w.model.data
        choices = ["垃圾", "解放", "不存在的地方"]
        if len(d.cases):
            choices.append(d.cases.number(self.rng.randrange(len(d.cases))))
        if len(d.cells.codes):
            choices.append(str(self.rng.choice(list(d.cells.codes))))
        if len(d.segments.names):
            choices.append(str(self.rng.choice(list(d.segments.names)))[:3])
        box = self.w.search
        box.clear()
        box.setFocus()
        type_text(self.app, box, self.rng.choice(choices))
        QTest.keyClick(box, Qt.Key.Key_Return)

    def pick_on_map(self) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest
        m, c = self.w.model, self.w.canvas
        idx = np.flatnonzero(m.derived.mask)
        if len(idx) and self.rng.random() < 0.7:
            i = int(self.rng.choice(idx))
            px, py = c.viewport.to_screen(m.data.cases.x[i], m.data.cases.y[i])
            if 0 < px < c.width() and 0 < py < c.height():
                QTest.mouseClick(c, Qt.MouseButton.LeftButton, pos=QPoint(int(px), int(py)))
                return
        QTest.mouseClick(c, Qt.MouseButton.LeftButton, pos=self._point())

    def pick_in_todo(self) -> None:
        """Open a case from 待办, as each role starts its work."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        self.w.todo_dock.raise_()
        tree = self.w.todo.tree
        rows = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                for j in range(tree.topLevelItem(i).childCount())]
        if not rows:
            return
        item = self.rng.choice(rows)
        tree.scrollToItem(item)
        rect = tree.visualItemRect(item)
        if rect.isValid():
            QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def pick_in_list(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        self.w.list_dock.raise_()
        t = self.w.case_list.table
        rows = self.w.case_list.model.rowCount()
        if not rows:
            return
        row = self.rng.randrange(min(rows, 40))
        t.scrollTo(self.w.case_list.model.index(row, 0))
        rect = t.visualRect(self.w.case_list.model.index(row, 1))
        if rect.isValid():
            QTest.mouseClick(t.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def act(self) -> None:
        """Press one of the buttons the open case offers, fill the form, submit."""
        from PySide6.QtWidgets import QPushButton
        buttons = [b for b in self.w.detail.findChildren(QPushButton)
                   if b.objectName().startswith("action_") and b.isVisible()]
        if not buttons:
            return self.pick_in_list()
        self.rng.choice(buttons).click()
        dialog = self.w.dialog
        if dialog is None or not dialog.isVisible():
            return None
        for name, widget in dialog.inputs.items():
            if hasattr(widget, "setPlainText"):
                widget.setPlainText(f"浸泡测试：{name}")
            elif hasattr(widget, "setText"):
                widget.setText("浸泡测试")
        if self.rng.random() < 0.1:
            dialog.reject()  # a user changes his mind
        else:
            dialog.submit()
        return None

    def refresh(self) -> None:
        self._trigger("刷新")

    def dashboard(self) -> None:
        w = self.w
        if w.dashboard_dock.isVisible() and self.rng.random() < 0.4:
            w.dashboard_dock.hide()
            return
        w.show_dashboard()
        d = w.dashboard
        if self.rng.random() < 0.5 and d.period.count():
            d.period.setCurrentIndex(self.rng.randrange(min(d.period.count(), 3)))
        elif d.result is not None:
            d.map_button.setChecked(not d.map_button.isChecked())

    def export(self) -> None:
        path = self.workdir / f"export-{self.rng.randrange(3)}.{self.rng.choice(['csv', 'xlsx'])}"
        self.w.export_cases(str(path))

    def language(self) -> None:
        self.w.toggle_language()

    def switch_user(self) -> None:
        from PySide6.QtCore import QTimer
        user = self.rng.choice(USERS)
        QTimer.singleShot(50, lambda: self._login(user))  # the keyboard, once it is up
        self.w.switch_user()

    def _login(self, user: str) -> None:
        from .login import LoginDialog
        d = self.app.activeModalWidget()
        if isinstance(d, LoginDialog):
            d.user.setText(user)
            d.password.setText(PASSWORD)
            d.try_login()

    def answer(self) -> None:
        """Dialogs that wait for a click get one, as a person would give it: a message is
        acknowledged, a login filled in, a form left open after an error cancelled."""
        from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog
        d = self.app.activeModalWidget()
        if d is None:
            self._modal = None
            return
        if d is not self._modal:
            self._modal, self._modal_since = d, time.monotonic()
        if isinstance(d, QMessageBox):
            self.dialogs += 1
            d.accept()
        elif d.__class__.__name__ == "LoginDialog":
            self._login(self.rng.choice(USERS))
        elif isinstance(d, QDialog) and not isinstance(d, QProgressDialog) and \
                not getattr(d, "submitting", False) and \
                time.monotonic() - self._modal_since > 2.0:
            self.dialogs += 1
            d.reject()


def _prepare(db: str | None, workdir: Path, scale: str) -> str:
    """The store to soak: the given one, or a demo district built for the purpose."""
    from ..bootstrap import open_store
    from ..demo.build import build_demo
    from ..store.db import StoreUnavailable
    if db is None:
        db = str(workdir / "soak.sqlite")
    try:
        open_store(db).close()
    except StoreUnavailable:
        build_demo(db, scale=scale).close()
    return db


def _writers(db: str, n: int, seconds: float, workdir: Path, pause: float, places: float):
    faketime = shutil.which("faketime")
    procs, logs, clocks = [], [], []
    for k in range(n):
        log = workdir / f"writer-{k}.jsonl"
        cmd = [sys.executable, "-m", "gridapp.app.soak_writer", "--db", db, "--log", str(log),
               "--seconds", str(seconds), "--number", str(k), "--pause", str(pause),
               "--places", str(places)]
        env = dict(os.environ)
        env.pop("QT_QPA_PLATFORM", None)
        if faketime:
            skew = SKEWS[k % len(SKEWS)]
            cmd = [faketime, "-f", skew, *cmd]
            env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"  # the log's clock must be the real one
            clocks.append(skew)
        with open(workdir / f"writer-{k}.err", "w") as err:  # the child keeps its own copy
            procs.append(subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err))
        logs.append(log)
    return procs, logs, clocks


def _write_growth(path: Path, before, after) -> None:
    """Where Python's allocations grew between two snapshots, largest first."""
    grown = after.compare_to(before, "traceback")
    total = sum(s.size_diff for s in grown)
    lines = [f"Python allocations grew {total / 2**20:+.1f} MB after the warm-up "
             f"(what Qt and other C libraries allocate is not traced)", ""]
    for stat in grown[:30]:
        lines.append(f"{stat.size_diff / 2**20:+8.2f} MB in {stat.count_diff:+,} blocks")
        lines.extend(f"    {line}" for line in stat.traceback.format()[-12:])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def verify_store(db: str) -> tuple[str, int, list[str]]:
    """Integrity of the store, and every audit trail replayed through the transition table."""
    from ..bootstrap import open_store
    from ..domain.workflow import replay
    store = open_store(db)
    try:
        with store.read() as conn:
            if store.backend == "sqlite":
                integrity = "; ".join(r[0] for r in conn.exec_driver_sql(
                    "PRAGMA integrity_check").all())
            else:
                integrity = "ok" if conn.exec_driver_sql("SELECT count(*) FROM cases")\
                    .scalar() is not None else "unreadable"
            states = dict(conn.exec_driver_sql("SELECT id, state FROM cases").all())
            versions = dict(conn.exec_driver_sql("SELECT id, version FROM cases").all())
        failures = []
        with store.uow(write=False) as uow:
            for cid in states:
                try:
                    r = replay(uow.cases.events(cid))
                    if r.state.value != states[cid] or r.version != versions[cid]:
                        failures.append(f"case {cid}: row says {states[cid]} v{versions[cid]}, "
                                        f"trail says {r.state.value} v{r.version}")
                except Exception as exc:  # noqa: BLE001 (every broken trail is reported)
                    failures.append(f"case {cid}: {exc}")
        return integrity, len(states), failures
    finally:
        store.close()


def run_soak(seconds: float, writers: int = 4, db: str | None = None, scale: str = "tiny",
             seed: int = 1, pause: float = 0.4, out: Path | None = None,
             progress=print, gui_pause: float = 0.12, places: float = 0.15,
             trace_memory: Path | None = None) -> SoakReport:
    """The soak; returns its report (and writes it as JSON to `out`)."""
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    workdir = Path(tempfile.mkdtemp(prefix="gridapp-soak-"))
    os.environ.setdefault("GRIDAPP_DATA", str(workdir / "data"))
    from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler

    from ..app.session import Session
    from ..bootstrap import open_store
    from .main import application, build_window
    db = _prepare(db, workdir, scale)
    store = open_store(db)
    report = SoakReport(store.backend, seconds, writers, [], pause_s=pause, places=places)
    errors: list[str] = report.exceptions

    def hook(kind, value, tb) -> None:
        errors.append("".join(traceback.format_exception(kind, value, tb))[-2000:])
    sys.excepthook = hook
    threading.excepthook = lambda a: hook(a.exc_type, a.exc_value, a.exc_traceback)

    def qt_messages(kind, _context, message) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) or \
                "Destroyed while thread" in message:
            errors.append(f"Qt: {message}")
    qInstallMessageHandler(qt_messages)
    app = application()
    session = Session.open(store, "shift01", PASSWORD)
    window = build_window(store, session, None)
    window.resize(1600, 1000)
    window.show()
    rng = random.Random(seed)
    driver = Driver(app, window, rng, workdir)
    procs, logs, clocks = _writers(db, writers, seconds, workdir, pause, places)
    report.clocks = clocks
    watch = Watch(logs)
    t0 = time.monotonic()
    warm = t0 + min(30.0, seconds * 0.2)
    rss_warm = None
    acting = QTimer(interval=int(gui_pause * 1000))
    acting.timeout.connect(driver.step)
    answering = QTimer(interval=200)
    answering.timeout.connect(driver.answer)
    beating = QTimer(interval=100)
    beating.timeout.connect(driver.heartbeat)
    watching = QTimer(interval=250)
    watching.timeout.connect(lambda: (watch.read(), watch.check(window)))
    for t in (acting, answering, watching, beating):
        t.start()
    last_note = t0
    traced = None
    while time.monotonic() - t0 < seconds:
        app.processEvents()
        time.sleep(0.005)
        if rss_warm is None and time.monotonic() > warm:
            rss_warm = _rss_mb()[0]
            if trace_memory is not None:
                tracemalloc.start(8)
                traced = tracemalloc.take_snapshot()
        if time.monotonic() - last_note > 30:
            last_note, rss = time.monotonic(), _rss_mb()[0]
            report.rss_mb.append(round(rss, 1))
            progress(f"  {last_note - t0:5.0f} s: {sum(driver.counts.values()):,} actions, "
                     f"{watch.logged:,} changes logged, {len(watch.delays):,} seen, "
                     f"{len(watch.pending)} pending, RSS {rss:,.0f} MB")
    acting.stop()
    finish = time.monotonic() + 30  # the others finish their last action; we keep watching
    while time.monotonic() < finish and any(p.poll() is None for p in procs):
        app.processEvents()
        time.sleep(0.005)
    end = time.monotonic() + LIMIT_S + 1  # the last changes get their five seconds
    watch.read()
    while time.monotonic() < end and watch.pending:
        app.processEvents()
        time.sleep(0.01)
    watch.read()
    watch.check(window)
    for t in (answering, watching, beating):
        t.stop()
    report.ui_frozen_s = driver.longest_gap
    if trace_memory is not None and tracemalloc.is_tracing():
        _write_growth(trace_memory, traced, tracemalloc.take_snapshot())
        tracemalloc.stop()
    report.rss_end_mb, report.rss_peak_mb = _rss_mb()
    report.rss_start_mb = rss_warm or report.rss_end_mb
    window.close()
    app.processEvents()
    report.gui_actions = sum(driver.counts.values())
    report.actions = dict(driver.counts)
    report.dialogs = driver.dialogs
    report.changes_logged = watch.logged
    report.changes_seen = len(watch.delays)
    report.missed = [json.dumps(e, ensure_ascii=False) for e in watch.pending][:50]
    report.late = len(watch.late)
    report.late_examples = watch.late[:40]
    report.writer_refusals = watch.refusals
    if watch.delays:
        report.worst_delay_s = float(max(watch.delays))
        report.p95_delay_s = float(np.percentile(watch.delays, 95))
        report.delay_by_kind = {k: f"n {len(v)}, median {np.median(v):.2f} s, max {max(v):.2f} s"
                                for k, v in watch.by_kind.items()}
    for p in procs:
        if p.poll() is None:
            p.terminate()
        elif p.returncode not in (0, None):
            err = workdir / f"writer-{procs.index(p)}.err"
            errors.append(f"writer exited with {p.returncode}: {err.read_text()[-1500:]}")
    store.close()
    report.integrity, report.cases, report.replay_failures = verify_store(db)
    if out is not None:
        out.write_text(json.dumps({**asdict(report), "ok": report.ok}, ensure_ascii=False,
                                  indent=1), encoding="utf-8")
    return report
