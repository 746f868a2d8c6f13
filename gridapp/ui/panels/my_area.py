"""我的责任区: a road chief's segments (or a grid worker's cells) with their patrol calendar,
open, overdue and warned cases; the field package of the logged-in person out and back; the
field conflicts held for the command room to decide."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app import problem_text
from ...app.map_data import OPEN
from ...domain.people import Role
from .. import offloaded
from ..errors import explain
from ..i18n import follow_language, language, tr
from ..processes import ProcessJob
from ..workers import Job

MARKS = {"patrolled": ("✓", "#2e9d4f"), "missed": ("✗", "#d9342b"), "open": ("○", "#f0a020"),
         "": ("", "#eeeeee")}
COMMAND = frozenset({Role.DISPATCHER, Role.SHIFT_LEADER, Role.LEADER, Role.ADMIN})


@dataclass(frozen=True)
class AreaView:
    """What the panel shows, computed off the UI thread."""

    month: date
    days: list[date]
    rows: list[dict]          # name, every, last, calendar {day: mark}, open, overdue, warned
    due: int
    patrolled: int
    km: float
    kind: str                 # "segments", "cells" or ""


def compute(store, session, data, derived, month: date, today: date) -> AreaView:
    """The month of a road chief's segments or a grid worker's cells."""
    from ...analysis.patrol import calendars, chief_rates, compliance
    end = (month + timedelta(days=32)).replace(day=1)
    days = [month + timedelta(days=i) for i in range((end - month).days)]
    c = data.cases
    live = OPEN[c.state]
    rows: list[dict] = []
    with store.uow(write=False) as uow:
        share = uow.config.settings().patrol.share
    comp = compliance(store, month, end, today, share)
    me = session.person.id
    if session.segment_ids:
        ids = sorted(session.segment_ids)
        cals = {x.segment_id: x for x in calendars(comp, ids, month, end, today)}
        seg = data.segments
        for sid in ids:
            k = np.flatnonzero(seg.ids == sid)
            name = str(seg.names[k[0]]) if len(k) else str(sid)
            on = live & (c.segment == sid)
            cal = cals.get(sid)
            rows.append({"name": name, "every": cal.every if cal else None,
                         "last": cal.last_patrol if cal else None,
                         "calendar": cal.days if cal else {}, "open": int(on.sum()),
                         "overdue": int((on & derived.overdue).sum()),
                         "warned": int((on & derived.warned).sum())})
        rates = chief_rates(comp)
        due = int(rates.patrol_due.get(me, 0)) if len(rates) else 0
        done = int(rates.patrolled.get(me, 0)) if len(rates) else 0
        kind = "segments"
    elif session.cell_codes:
        idx = session.cell_indices(data)
        visits = _last_visits(store, me, data, idx)
        for i in idx.tolist():
            on = live & (c.cell == i)
            rows.append({"name": str(data.cells.codes[i]), "every": None,
                         "last": visits.get(i), "calendar": {}, "open": int(on.sum()),
                         "overdue": int((on & derived.overdue).sum()),
                         "warned": int((on & derived.warned).sum())})
        due = done = 0
        kind = "cells"
    else:
        due = done = 0
        kind = ""
    km = float(comp.km[comp.km.person_id == me].metres.sum()) / 1000 if len(comp.km) else 0.0
    return AreaView(month, days, rows, due, done, km, kind)


def _last_visits(store, person_id: int, data, idx) -> dict[int, date]:
    """Cell index → the last day the grid worker checked in inside it."""
    import shapely
    rows = store.read_model.checkin_points(person_id)
    out: dict[int, date] = {}
    if not rows:
        return out
    xy = shapely.get_coordinates(shapely.from_wkb([r[1] for r in rows]))
    b = data.cells.bounds
    for (day, _), (x, y) in zip(rows, xy, strict=True):
        inside = idx[(b[idx, 0] <= x) & (b[idx, 2] >= x) & (b[idx, 1] <= y) & (b[idx, 3] >= y)]
        for i in inside.tolist():
            out[i] = max(out.get(i, day), day)
    return out


class MyAreaPanel(QWidget):
    """The logged-in person's own area; it follows switching user, the data and the clock."""

    computed = Signal(object)

    def __init__(self, app, parent=None) -> None:
        super().__init__(parent)
        self.app = app
        self.view: AreaView | None = None
        self._job: Job | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("my_area_title")
        self.month = QComboBox()
        self.month.setObjectName("my_area_month")
        self.month.currentIndexChanged.connect(lambda *_: self.refresh())
        top.addWidget(self.title, 1)
        top.addWidget(self.month)
        lay.addLayout(top)
        self.table = QTableWidget()
        self.table.setObjectName("my_area_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.export_button, self.import_button = QPushButton(), QPushButton()
        self.conflicts_button = QPushButton()
        for b, slot in ((self.export_button, self.export_package),
                        (self.import_button, self.import_package),
                        (self.conflicts_button, self.show_conflicts)):
            b.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self._months()
        follow_language(self, self.retranslate)
        self.retranslate()
        app.session_changed.connect(lambda *_: self.refresh())
        app.data_changed.connect(lambda *_: self.refresh())

    def _months(self) -> None:
        today = self.app.clock().date().replace(day=1)
        self.month.blockSignals(True)
        self.month.clear()
        m = today
        for _ in range(6):
            self.month.addItem(f"{m:%Y-%m}", m)
            m = (m - timedelta(days=1)).replace(day=1)
        self.month.blockSignals(False)

    def retranslate(self) -> None:
        self.export_button.setText(tr("导出外业包…"))
        self.import_button.setText(tr("导入外业包…"))
        self.conflicts_button.setText(tr("外业冲突…"))
        self.show_view(self.view)

    # ---- computing ------------------------------------------------------------------
    def refresh(self) -> Job | None:
        """Compute the month shown, off the UI thread."""
        if self._job is not None:
            return self._job
        app = self.app
        month = self.month.currentData() or app.clock().date().replace(day=1)
        args = (app.store, app.session, app.data, app.derived, month, app.clock().date())
        job = self._job = Job(lambda _p: compute(*args), "my_area")
        job.finished.connect(self._done)
        job.failed.connect(self._failed)  # bound: dropped with the panel
        return job.start()

    def _failed(self, exc) -> None:
        self._job = None
        self.title.setText(tr("无法计算：{e}", e=explain(exc)))

    def _done(self, view: AreaView) -> None:
        self._job = None
        self.show_view(view)
        self.computed.emit(view)

    def show_view(self, view: AreaView | None) -> None:
        self.view = view
        s = self.app.session
        self.conflicts_button.setVisible(bool(s.person.roles & COMMAND))
        field_user = bool(s.person.roles & {Role.ROAD_CHIEF, Role.GRID_WORKER,
                                            Role.DEPT_HANDLER})
        self.export_button.setVisible(field_user)
        self.import_button.setVisible(field_user or bool(s.person.roles & COMMAND))
        t = self.table
        if view is None:
            self.title.setText(tr("我的责任区"))
            t.setRowCount(0)
            return
        rate = f"{view.patrolled / view.due:.1%}" if view.due else "—"
        if view.kind == "segments":
            self.title.setText(tr("{u} 的路段：本月巡查到位率 {r}（{p}/{d}），巡查 {km:.1f} 公里",
                                  u=s.person.name, r=rate, p=view.patrolled, d=view.due,
                                  km=view.km))
        elif view.kind == "cells":
            self.title.setText(tr("{u} 的网格：{n} 个", u=s.person.name, n=len(view.rows)))
        else:
            self.title.setText(tr("没有分配给您的路段或网格"))
        heads = [tr("路段") if view.kind == "segments" else tr("网格"), tr("巡查频次"),
                 tr("最近巡查") if view.kind == "segments" else tr("最近到访"),
                 tr("在办"), tr("超期"), tr("预警")]
        days = view.days if view.kind == "segments" else []
        t.clear()
        t.setColumnCount(len(heads) + len(days))
        t.setHorizontalHeaderLabels(heads + [str(d.day) for d in days])
        t.setRowCount(len(view.rows))
        for r, row in enumerate(view.rows):
            cells = [row["name"],
                     tr("每 {n} 天一次", n=row["every"]) if row["every"] else "",
                     f"{row['last']:%m-%d}" if row["last"] else tr("无记录"),
                     str(row["open"]), str(row["overdue"]), str(row["warned"])]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4 and row["overdue"]:
                    item.setForeground(QBrush(QColor("#d9342b")))
                t.setItem(r, col, item)
            for k, d in enumerate(days):
                mark, color = MARKS[row["calendar"].get(d, "")]
                item = QTableWidgetItem(mark)
                item.setBackground(QBrush(QColor(color)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(f"{d:%Y-%m-%d}")
                t.setItem(r, len(heads) + k, item)
        t.setColumnHidden(1, view.kind != "segments")  # cells have no patrol rhythm: no empty column
        t.resizeColumnsToContents()

    # ---- field packages -----------------------------------------------------------------
    def export_package(self, folder: str | None = None) -> Job | None:
        """外业包 of the logged-in person, into a folder the user picks."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, tr("导出外业包到"))
            if not folder:
                return None
        store, user = self.app.store, self.app.session.username
        job = self.export_job = ProcessJob(  # styles, project and tiles: seconds of Python
            offloaded.export_field_package,
            (store.url, user, folder, offloaded.held_now(store), language()), "field_export")
        # bound methods, not lambdas: Qt drops the connection if the panel is gone first
        job.finished.connect(self._exported)
        job.failed.connect(self._export_failed)
        return job.start()

    def _exported(self, info) -> None:
        QMessageBox.information(self, tr("导出外业包"), tr(
            "已写入 {f}：{c} 件在办案件，{p} 张照片。把整个文件夹复制到手机，用 QField 打开 {q}。",
            f=str(info.folder), c=info.cases, p=info.photos, q=info.project.name))

    def _export_failed(self, exc) -> None:
        QMessageBox.warning(self, tr("导出外业包"), explain(exc))

    def import_package(self, folder: str | None = None) -> Job | None:
        """Merge a package back: applied, conflicts held, refused — all reported."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, tr("选择外业包文件夹"))
            if not folder:
                return None
        store, user = self.app.store, self.app.session.username
        job = self.import_job = ProcessJob(
            offloaded.import_field_package,
            (store.url, folder, user, offloaded.held_now(store), language()), "field_import",
            asks=True)
        job.finished.connect(self._imported)
        job.failed.connect(self._import_failed)
        return job.start()

    def _import_failed(self, exc) -> None:
        QMessageBox.warning(self, tr("导入外业包"), problem_text.lines(explain(exc), language()))

    def _imported(self, r) -> None:
        lines = [tr("已应用 {a} 项，冲突待定 {c} 项，被拒 {x} 项，已导入过 {s} 项。",
                    a=len(r.applied), c=len(r.conflicts), x=len(r.refused), s=r.skipped)]
        lines += [tr("冲突：案件 {n} 已在指挥中心变更（现为 {s}），外业的 {a} 待决定",
                     n=c["number"], s=c["state"], a=c["action"]) for c in r.conflicts]
        lines += [tr("被拒：{m}", m=explain(exc)) for exc in r.refused_errors]
        QMessageBox.information(self, tr("导入外业包"), "\n".join(lines))
        self.last_import = r

    def show_conflicts(self) -> ConflictsDialog:
        dialog = self.conflicts_dialog = ConflictsDialog(self.app, self)
        dialog.open()
        return dialog


class ConflictsDialog(QDialog):
    """外业冲突: edits made in the field on cases changed at the command room meanwhile;
    each accepted as a new action (if the transition table still allows it) or dropped."""

    def __init__(self, app, parent=None) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(tr("外业冲突"))
        self.resize(760, 360)
        lay = QVBoxLayout(self)
        self.table = QTableWidget()
        self.table.setObjectName("conflicts_table")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.accept_button, self.drop_button = QPushButton(tr("接受为新动作")), \
            QPushButton(tr("放弃"))
        self.accept_button.clicked.connect(lambda: self.decide(True))
        self.drop_button.clicked.connect(lambda: self.decide(False))
        row.addStretch(1)
        row.addWidget(self.accept_button)
        row.addWidget(self.drop_button)
        lay.addLayout(row)
        self.load()

    def load(self) -> None:
        from ...store import field as fq
        with self.app.store.read() as conn:
            self.rows = fq.edits(conn, "conflict")
        t = self.table
        t.clear()
        heads = [tr("外业包"), tr("编号"), tr("动作"), tr("案件"), tr("外业时间"), tr("说明")]
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        t.setRowCount(len(self.rows))
        for r, d in enumerate(self.rows):
            values = [d["package_id"][:8], d["edit_id"], d["action"], str(d["case_id"] or ""),
                      f"{d['field_time']:%Y-%m-%d %H:%M}" if d["field_time"] else "",
                      d["message"]]
            for c, v in enumerate(values):
                t.setItem(r, c, QTableWidgetItem(v))
        t.resizeColumnsToContents()

    def decide(self, accept: bool, row: int | None = None) -> bool:
        from ...io.field_import import decide
        row = self.table.currentRow() if row is None else row
        if not 0 <= row < len(self.rows):
            return False
        d = self.rows[row]
        try:
            decide(self.app.store, d["package_id"], d["edit_id"], accept,
                   self.app.session.username)
        except Exception as exc:  # noqa: BLE001 (shown to the user in one line)
            QMessageBox.warning(self, tr("外业冲突"), explain(exc))
            return False
        self.load()
        return True


def install(window) -> MyAreaPanel:
    """The panel as a tab beside the case detail, and its menu items under 文件."""
    panel = MyAreaPanel(window.model)
    window.my_area = panel
    window.tabs.addTab(panel, tr("我的责任区"))
    index = window.tabs.indexOf(panel)
    follow_language(panel, lambda: window.tabs.setTabText(index, tr("我的责任区")))
    menu = window.m_file
    first = menu.actions()[3] if len(menu.actions()) > 3 else None
    for key, slot in (("导出外业包…", panel.export_package),
                      ("导入外业包…", panel.import_package),
                      ("外业冲突…", panel.show_conflicts)):
        action = window._act(menu, key, lambda _=False, s=slot: s())
        if first is not None:
            menu.removeAction(action)
            menu.insertAction(first, action)
    def own_area_first(*_args) -> None:  # a road chief or grid worker starts on his own
        s = window.model.session
        if s.segment_ids or s.cell_codes:
            window.tabs.setCurrentWidget(panel)
    window.model.session_changed.connect(own_area_first)
    own_area_first()
    panel.refresh()
    return panel
