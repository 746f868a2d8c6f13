"""The command-room window: one map, the case list, the case at a click, the daily warnings."""

from __future__ import annotations

import contextlib
from datetime import datetime

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
)

from ..app import actions as app_actions
from ..app.hit import cell_at, segment_at
from ..app.layers import LayerStack
from ..app.map_data import STATES, seconds
from ..domain.errors import StaleCase
from ..domain.people import Role
from ..domain.workflow import Action
from ..io.crs import store_to_lonlat
from .i18n import language, language_changed, set_language, tr
from .map.canvas import MapCanvas
from .map.context import MapContext
from .map.decorations import legend_items
from .panels.case_detail import CaseDetailPanel
from .panels.case_list import CaseListPanel
from .panels.dashboard import DashboardPanel
from .panels.dialogs import ActionDialog, ReportDialog
from .panels.info_panel import InfoPanel
from .panels.layers_panel import LayersPanel
from .panels.warnings_panel import WarningsPanel

REFRESH_MS = 20_000


class MainWindow(QMainWindow):
    def __init__(self, store, session, data, raster=None, basemap=None,
                 settings: QSettings | None = None, cache_path=None) -> None:
        super().__init__()
        self.store, self.session, self.settings = store, session, settings
        self.cache_path = cache_path
        self.ctx = MapContext(data, raster, basemap)
        self.layers = LayerStack()
        if settings is not None and settings.value("layers"):
            import json
            self.layers.restore(json.loads(settings.value("layers")))
        self.canvas = MapCanvas(self.ctx, self.layers)
        self.setCentralWidget(self.canvas)
        self.report_mode = False
        self._build_docks()
        self._build_actions()
        self._build_status()
        self.canvas.clicked.connect(self.on_map_click)
        self.canvas.hovered.connect(self._show_coords)
        self.canvas.viewport_changed.connect(self._show_scale)
        self.canvas.rendered.connect(lambda ms: self.render_label.setText(f"{ms:.0f} ms"))
        self.case_list.case_selected.connect(lambda i: self.select_case(i, from_list=True))
        self.case_list.filter_changed.connect(lambda f: self.canvas.invalidate(
            ["cases", "cells", "heatmap"]))
        self.warnings.case_selected.connect(self.select_case)
        self.detail.action_requested.connect(self.open_action)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh_data)
        self.timer.start()
        language_changed.connect(lambda *_: self.retranslate())
        self.retranslate()
        self.case_list.set_scope(session.home_filter(data))
        self._restore()

    # ---- construction --------------------------------------------------------------------
    def _dock(self, widget, name: str, area) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.layers_panel = LayersPanel(self.layers, self._style_changed)
        self.case_list = CaseListPanel(self.ctx)
        self.detail = CaseDetailPanel(self)
        self.info = InfoPanel(self)
        self.warnings = WarningsPanel(self)
        self.layers_dock = self._dock(self.layers_panel, "layers", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.list_dock = self._dock(self.case_list, "cases", Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.detail, "")
        self.tabs.addTab(self.info, "")
        self.tabs.addTab(self.warnings, "")
        self.detail_dock = self._dock(self.tabs, "detail", Qt.DockWidgetArea.RightDockWidgetArea)
        self.dashboard = DashboardPanel(self)
        self.dashboard_dock = self._dock(self.dashboard, "dashboard",
                                         Qt.DockWidgetArea.BottomDockWidgetArea)
        self.dashboard_dock.hide()  # opened from the 分析 menu; its layout is then remembered
        # computed when first shown: opening the window stays fast
        self.dashboard_dock.visibilityChanged.connect(
            lambda shown: shown and self.dashboard.result is None and self.dashboard.compute())
        self.resizeDocks([self.layers_dock], [180], Qt.Orientation.Horizontal)
        self.resizeDocks([self.list_dock, self.detail_dock], [420, 420], Qt.Orientation.Horizontal)

    def _act(self, menu, key: str, slot, shortcut=None, checkable=False) -> QAction:
        a = QAction(self)
        a.setObjectName(key)
        a.triggered.connect(slot)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.setCheckable(checkable)
        menu.addAction(a)
        self._texts[a] = key
        return a

    def _build_actions(self) -> None:
        self._texts: dict[QAction, str] = {}
        mb = self.menuBar()
        self.m_file = mb.addMenu("")
        self._act(self.m_file, "导出地图为图片…", lambda: self.export_map("png"), "Ctrl+E")
        self._act(self.m_file, "导出地图为 PDF…", lambda: self.export_map("pdf"), "Ctrl+P")
        self._act(self.m_file, "导出案件表…", self.export_cases)
        self.m_file.addSeparator()
        self._act(self.m_file, "导入热线工单…", self.import_hotline)
        self.m_file.addSeparator()
        self._act(self.m_file, "退出", self.close, "Ctrl+Q")
        self.m_view = mb.addMenu("")
        self._act(self.m_view, "全区", lambda: self.canvas.zoom_to(self.ctx.data.extent), "Home")
        self._act(self.m_view, "我的责任区", self.zoom_home)
        self._act(self.m_view, "缩放到所选", self.zoom_selection, "Ctrl+Shift+Z")
        self.m_view.addSeparator()
        for dock in (self.layers_dock, self.list_dock, self.detail_dock, self.dashboard_dock):
            self.m_view.addAction(dock.toggleViewAction())
        self.a_legend = self._act(self.m_view, "图例", self.toggle_legend, checkable=True)
        self.m_view.addSeparator()
        self.a_english = self._act(self.m_view, "English", self.toggle_language, checkable=True)
        self.m_analysis = mb.addMenu("")
        self._act(self.m_analysis, "分析看板", self.show_dashboard, "Ctrl+D")
        self._act(self.m_analysis, "生成考核通报…", self.dashboard.ask_bulletin, "Ctrl+B")
        self.m_case = mb.addMenu("")
        self.a_report = self._act(self.m_case, "在地图上上报", self.toggle_report, "Ctrl+N",
                                  checkable=True)
        self._act(self.m_case, "刷新", self.refresh_data, "F5")
        tb = QToolBar()
        tb.setObjectName("main_toolbar")
        self.addToolBar(tb)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setMaximumWidth(320)
        self.search.returnPressed.connect(lambda: self.find(self.search.text()))
        tb.addWidget(self.search)
        tb.addAction(self.a_report)
        for a in list(self._texts):
            if self._texts[a] in ("全区", "我的责任区", "刷新"):
                tb.addAction(a)

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.coord_label, self.scale_label = QLabel(), QLabel()
        self.user_label, self.render_label, self.fresh_label = QLabel(), QLabel(), QLabel()
        for w in (self.coord_label, self.scale_label, self.render_label, self.fresh_label):
            sb.addWidget(w)
        sb.addPermanentWidget(self.user_label)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("城市网格化管理指挥平台") + f" — {self.store_name()}")
        for a, key in self._texts.items():
            a.setText(tr(key))
        self.m_file.setTitle(tr("文件"))
        self.m_view.setTitle(tr("视图"))
        self.m_case.setTitle(tr("案件"))
        self.m_analysis.setTitle(tr("分析"))
        self.dashboard_dock.setWindowTitle(tr("分析看板"))
        self.layers_dock.setWindowTitle(tr("图层"))
        self.list_dock.setWindowTitle(tr("案件列表"))
        self.detail_dock.setWindowTitle(tr("详情"))
        self.tabs.setTabText(0, tr("案件详情"))
        self.tabs.setTabText(1, tr("网格/路段"))
        self.tabs.setTabText(2, tr("每日预警"))
        self.search.setPlaceholderText(tr("搜索：网格编码 / 案卷号 / 路段 / 地址"))
        roles = "、".join(tr(r.label_zh) for r in sorted(self.session.person.roles))
        self.user_label.setText(f"{self.session.person.name}（{roles}）")
        self.a_english.setChecked(language() == "en")
        self._show_scale(self.canvas.viewport)
        self.canvas.invalidate(["streets"])

    def store_name(self) -> str:
        with self.store.read() as conn:
            name = conn.exec_driver_sql(
                "SELECT value FROM meta WHERE key = 'district_name'").scalar()
        return name or ""

    # ---- state helpers -------------------------------------------------------------------
    def lang(self) -> str:
        return language()

    def now(self) -> datetime:
        return datetime.now()

    def _restore(self) -> None:
        s = self.settings
        legend = s is None or s.value("legend", "true") in (True, "true")
        self.a_legend.setChecked(legend)
        self.toggle_legend()
        if s is not None and s.value("geometry"):
            self.restoreGeometry(s.value("geometry"))
            self.restoreState(s.value("state"))
        else:
            self.resize(1600, 1000)
        QTimer.singleShot(0, self.zoom_home)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.settings is not None:
            import json
            self.settings.setValue("geometry", self.saveGeometry())
            self.settings.setValue("state", self.saveState())
            self.settings.setValue("layers", json.dumps(self.layers.to_dict()))
            self.settings.setValue("language", language())
            self.settings.setValue("legend", self.a_legend.isChecked())
            self.settings.setValue("user", self.session.username)
            self.settings.sync()
        if self.cache_path is not None:
            with contextlib.suppress(OSError):  # a read-only folder: the next start is slower
                self.ctx.data.save(self.cache_path)
        super().closeEvent(event)

    def _show_coords(self, x: float, y: float) -> None:
        lon, lat = store_to_lonlat(x, y, self.ctx.data.srid)
        self.coord_label.setText(f"X {x:,.1f}  Y {y:,.1f}  |  {float(lon):.6f}°E "
                                 f"{float(lat):.6f}°N")

    def _show_scale(self, vp) -> None:
        self.scale_label.setText(tr("比例尺 1:{n}", n=f"{vp.scale_denominator():,.0f}"))

    def _style_changed(self, key: str) -> None:
        self.canvas.invalidate([key])

    # ---- selection and identify ----------------------------------------------------------
    def select_case(self, index: int, from_list: bool = False) -> None:
        d = self.ctx.data
        self.canvas.selection.cases = np.array([index])
        self.canvas.selection.cell = self.canvas.selection.segment = -1
        self.canvas.update()
        if not from_list:
            self.case_list.select_case(index)
            vp = self.canvas.viewport
            x, y = float(d.cases.x[index]), float(d.cases.y[index])
            minx, miny, maxx, maxy = vp.extent
            if not (minx < x < maxx and miny < y < maxy):
                self.canvas.set_viewport(vp.centred(x, y, min(vp.res, 3.0)))
        self.detail.show_case(int(d.cases.id[index]))
        self.tabs.setCurrentWidget(self.detail)

    def on_map_click(self, x: float, y: float) -> None:
        if self.report_mode:
            self.report_at(x, y)
            return
        vp = self.canvas.viewport
        k = self.ctx.points.nearest(x, y, 8 * vp.res, self.ctx.case_mask)
        if k >= 0:
            self.select_case(k)
            return
        s = segment_at(self.ctx.data.segments, x, y, 6 * vp.res)
        sel = self.canvas.selection
        sel.cases = None
        if s >= 0:
            sel.segment, sel.cell = s, -1
            self.info.show_segment(s)
        else:
            c = cell_at(self.ctx.data.cells, x, y)
            sel.cell, sel.segment = c, -1
            if c >= 0:
                self.info.show_cell(c)
        self.tabs.setCurrentWidget(self.info)
        self.canvas.update()

    def zoom_home(self) -> None:
        self.canvas.zoom_to(self.session.home_extent(self.ctx.data))

    def zoom_selection(self) -> None:
        sel, d = self.canvas.selection, self.ctx.data
        if sel.cases is not None and len(sel.cases):
            xs, ys = d.cases.x[sel.cases], d.cases.y[sel.cases]
            self.canvas.zoom_to((xs.min() - 100, ys.min() - 100, xs.max() + 100, ys.max() + 100))
        elif sel.cell >= 0:
            self.canvas.zoom_to(tuple(d.cells.bounds[sel.cell]), 1.0)
        elif sel.segment >= 0:
            self.canvas.zoom_to(tuple(d.segments.bounds[sel.segment]), 0.3)

    def find(self, text: str) -> bool:
        """Grid code, case number, segment code or road name, else address or description."""
        text = text.strip()
        d = self.ctx.data
        if not text:
            return False
        if len(text) == 15 and text.isdigit():
            hit = np.flatnonzero(d.cells.codes == text)
            if len(hit):
                self.canvas.selection.cell = int(hit[0])
                self.canvas.zoom_to(tuple(d.cells.bounds[hit[0]]), 2.0)
                self.info.show_cell(int(hit[0]))
                self.tabs.setCurrentWidget(self.info)
                return True
        if len(text) == 12 and text.isdigit():
            hit = np.flatnonzero(d.cases.id == int(text[4:]))
            if len(hit):
                self.select_case(int(hit[0]))
                return True
        seg = np.flatnonzero((d.segments.codes == text) |
                             np.char.find(d.segments.names.astype(str), text).__ge__(0))
        if len(seg):
            b = d.segments.bounds[seg]
            self.canvas.selection.segment = int(seg[0])
            self.canvas.zoom_to((b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()),
                                0.2)
            self.info.show_segment(int(seg[0]))
            self.tabs.setCurrentWidget(self.info)
            return True
        from ..services.ports import CaseQuery
        with self.store.uow(write=False) as uow:
            found = uow.cases.find(CaseQuery(text=text, limit=50))
        ids = [c.id for c in found]
        hit = np.flatnonzero(np.isin(d.cases.id, ids))
        if len(hit):
            self.canvas.selection.cases = hit
            self.select_case(int(hit[0]))
            return True
        self.statusBar().showMessage(tr("未找到“{t}”", t=text), 5000)
        return False

    # ---- acting on cases -----------------------------------------------------------------
    def open_action(self, case, action: Action) -> ActionDialog:
        """Window-modal dialog for the action; it performs the action when accepted."""
        self.dialog = ActionDialog(self, case, action, self)
        self.dialog.open()
        return self.dialog

    def perform(self, case, action: Action, values: dict):
        out = app_actions.perform(self.store, self.session.username, case.id, action,
                                  case.version, **values)
        self.after_change(case.id)
        return out

    def after_change(self, case_id: int | None) -> None:
        self.refresh_data()
        if case_id is not None:
            hit = np.flatnonzero(self.ctx.data.cases.id == case_id)
            if len(hit):
                self.select_case(int(hit[0]))

    def explain_error(self, exc: Exception, case) -> bool:
        """Tell the user; a stale case is refreshed. True when the view was refreshed."""
        from .errors import explain
        QMessageBox.warning(self, tr("无法完成"), explain(exc))
        if isinstance(exc, StaleCase) and case is not None:
            self.after_change(case.id)
            return True
        return False

    def supervise_unit(self, unit, note: str) -> int:
        c = self.ctx.data.cases
        done = 0
        for i in unit.case_indices:
            if not c.overdue(self.ctx.now)[i]:
                continue
            try:
                app_actions.perform(self.store, self.session.username, int(c.id[i]),
                                    Action.SUPERVISE, None, note=note)
                done += 1
            except Exception as exc:  # noqa: BLE001
                self.explain_error(exc, None)
                break
        self.refresh_data()
        self.statusBar().showMessage(tr("已督办 {n} 件", n=done), 5000)
        return done

    def toggle_report(self, on: bool) -> None:
        self.report_mode = on
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        if on:
            self.statusBar().showMessage(tr("点击地图上的问题位置进行上报"), 8000)

    def report_at(self, x: float, y: float) -> ReportDialog:
        self.dialog = ReportDialog(self, x, y, self)
        self.dialog.accepted.connect(lambda d=self.dialog: self._reported(d.outcome))
        self.dialog.open()
        return self.dialog

    def _reported(self, out) -> None:
        self.a_report.setChecked(False)
        self.toggle_report(False)
        if out.duplicate_of:
            QMessageBox.information(self, tr("重复上报"), tr(
                "该问题已有案件 {n} 在办理，本次上报已关联到原案件。", n=out.duplicate_of.number))
        self.after_change(out.case.id)

    # ---- refresh ------------------------------------------------------------------------
    def refresh_data(self) -> int:
        """Take in what changed in the store (here or on other workstations)."""
        n = self.ctx.data.refresh(self.store)
        self.ctx.now = seconds(datetime.now())
        self.ctx.invalidate(data_changed=True)
        self.case_list.refresh_rows()
        self.warnings.refresh()
        self.canvas.invalidate(["cases", "cells", "heatmap"])
        if self.detail.view is not None:
            self.detail.show_case(self.detail.view.case.id)
        self.fresh_label.setText(tr("数据更新于 {t}", t=datetime.now().strftime("%H:%M:%S")))
        return n

    # ---- language and export -------------------------------------------------------------
    def show_dashboard(self) -> None:
        self.dashboard_dock.show()
        self.dashboard_dock.raise_()

    def toggle_legend(self) -> None:
        self.canvas.legend = self.legend_items if self.a_legend.isChecked() else None
        self.canvas.update()

    def legend_items(self) -> list:
        present = np.unique(self.ctx.data.cases.state[self.ctx.case_mask])
        return legend_items(self.layers, self.ctx.thematic,
                            {STATES[int(k)] for k in present})

    def toggle_language(self) -> None:
        set_language("en" if language() == "zh" else "zh")

    def export_map(self, fmt: str, path: str | None = None) -> str | None:
        from .export_map import export_view
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("导出地图"), f"map.{fmt}", "PDF (*.pdf)" if fmt == "pdf" else "PNG (*.png)")
            if not path:
                return None
        export_view(self, path, fmt)
        self.statusBar().showMessage(tr("已导出 {p}", p=path), 5000)
        return path

    def export_cases(self) -> None:
        from ..io.export import export_cases_table
        path, _ = QFileDialog.getSaveFileName(self, tr("导出案件表"), "cases.xlsx",
                                              "Excel (*.xlsx);;CSV (*.csv)")
        if path:
            n = export_cases_table(self.store, path)
            self.statusBar().showMessage(tr("已导出 {n} 件", n=n), 5000)

    def import_hotline(self) -> None:
        from .imports import HotlineImportDialog
        if not (self.session.has(Role.ACCEPTOR) or self.session.has(Role.SHIFT_LEADER)):
            QMessageBox.information(self, tr("导入热线工单"), tr("受理员或值班长才能导入工单。"))
            return
        if HotlineImportDialog(self).exec():
            self.refresh_data()
