"""The command-room window: one map, the case list, the case at a click, the daily warnings.

The window only composes: the panels take the application model (gridapp.app.model) and
follow its signals. It also runs the model's refresh on a worker thread, polling the store's
change mark (and, on PostgreSQL, woken by NOTIFY), so that every change made anywhere shows
within seconds whatever the workstations' clocks say.
"""

from __future__ import annotations

import json
import math
import os
import time
from functools import partial

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTabWidget,
    QToolBar,
)

from ..app.cache_files import wait_written, write_behind
from ..app.hit import cell_at, segment_at
from ..app.model import AppModel
from ..app.search import union
from ..domain.people import Role
from ..domain.workflow import Action
from ..io.crs import store_to_lonlat
from ..services.reading import Changes
from . import labels
from .errors import explain, show_error
from .i18n import follow_language, language, set_language, tr
from .map import render_pool
from .map.canvas import MapCanvas
from .map.decorations import legend_items
from .map.renderers import components_drawn
from .memory import trim
from .notifier import Notifier, app_icon, describe
from .panels.case_detail import CaseDetailPanel
from .panels.case_list import CaseListPanel
from .panels.dashboard import DashboardPanel
from .panels.dialogs import ActionDialog, ReportDialog
from .panels.info_panel import InfoPanel
from .panels.layers_panel import LayersPanel
from .panels.legend_panel import LegendPanel
from .panels.search_results import SearchResults
from .panels.todo_panel import TodoPanel
from .panels.wall_bar import WallBar
from .panels.warnings_panel import WarningsPanel
from .store_care import StoreCare
from .workers import Job

POLL_MS = 1000          # how often the store's change mark is looked at
CASE_LAYERS = ["cases", "cells", "heatmap"]


class MainWindow(QMainWindow):
    signed_out = Signal()

    def __init__(self, model: AppModel, basemap=None, settings: QSettings | None = None,
                 cache_path=None, listener=None) -> None:
        super().__init__()
        self.model, self.store, self.settings = model, model.store, settings
        self.cache_path = cache_path
        self.listener = listener  # PostgreSQL NOTIFY: wakes the refresh at once
        if settings is not None and settings.value("layers"):
            model.layers.restore(json.loads(settings.value("layers")))
        self.canvas = MapCanvas(model, basemap)
        self.setCentralWidget(self.canvas)
        self.report_mode = False
        self.placing = None  # the case being placed (标定位置): the next map click is its point
        self.picking = None  # a dialog waiting (hidden) for a point on the map
        self.overlap_box: QMessageBox | None = None  # the unread notice of overlapping cells
        self._overlaps_said: set[tuple[str, str]] = set()  # pairs already told
        self.dialog = None
        self._refresh_job: Job | None = None
        self._refresh_again = False
        self._closed = False
        self._build_docks(basemap)
        self.notifier = Notifier(self, settings)
        self.setWindowIcon(app_icon())
        self._build_actions()
        self._build_status()
        self.care = StoreCare(self, self.store)
        from .panels.my_area import install as install_my_area  # 我的责任区, field packages
        install_my_area(self)
        from .patrol_layers import install as install_patrol_layers  # 按巡查, 巡查轨迹
        install_patrol_layers(self)
        self.canvas.clicked.connect(self.on_map_click)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.activated.connect(self.cancel_map_tool)
        self.canvas.hovered.connect(self._show_coords)
        self._components_near: bool | None = None
        self.canvas.viewport_changed.connect(self._show_scale)
        self.canvas.rendered.connect(lambda ms: self.render_label.setText(f"{ms:.0f} ms"))
        self.canvas.layer_failed.connect(
            lambda key, err: self.statusBar().showMessage(tr("图层 {k} 绘制失败：{e}", k=key,
                                                             e=err), 8000))
        model.filter_changed.connect(lambda *_: self.canvas.invalidate(CASE_LAYERS))
        model.clock_changed.connect(lambda *_: self.canvas.invalidate(CASE_LAYERS))
        model.thematic_changed.connect(lambda *_: self.canvas.invalidate(["cells"]))
        model.data_changed.connect(self._data_changed)
        model.session_changed.connect(self._session_changed)
        model.message.connect(self._message)
        model.place_problems.connect(self._place_problems)
        model.todo_changed.connect(self._todo_changed)
        for signal in (model.layers.changed, model.data_changed, model.filter_changed,
                       model.thematic_changed, model.session_changed):
            signal.connect(self.update_legend)
        self.warnings.case_selected.connect(self.select_case)
        self.warnings.supervise_requested.connect(self.supervise_unit)
        self.detail.action_requested.connect(self.open_action)
        self.dashboard.drilled.connect(self.list_dock.raise_)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.timer.start()
        if listener is not None:
            listener.changed.connect(self.refresh_data)
        follow_language(self, self.retranslate)
        self.retranslate()
        self._restore()

    # ---- construction --------------------------------------------------------------------
    def _dock(self, widget, name: str, area) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self, basemap) -> None:
        m = self.model
        # docks tab into each other and float; the right column runs to the bottom, so the
        # dashboard opened below takes height from the map, not from the case list
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks |
                            QMainWindow.DockOption.AllowTabbedDocks |
                            QMainWindow.DockOption.AllowNestedDocks)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.layers_panel = LayersPanel(m.layers, lambda key: self.canvas.invalidate([key]))
        self.legend = LegendPanel()
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.layers_panel)
        left.addWidget(self.legend)
        left.setStretchFactor(1, 1)
        left.setSizes([330, 560])
        self.case_list = CaseListPanel(m)
        self.todo = TodoPanel(m)
        self.detail = CaseDetailPanel(m, basemap)
        self.info = InfoPanel(m)
        self.warnings = WarningsPanel(m)
        self.layers_dock = self._dock(left, "layers", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.list_dock = self._dock(self.case_list, "cases", Qt.DockWidgetArea.RightDockWidgetArea)
        self.todo_dock = self._dock(self.todo, "todo", Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.detail, "")
        self.tabs.addTab(self.info, "")
        self.tabs.addTab(self.warnings, "")
        self.detail_dock = self._dock(self.tabs, "detail", Qt.DockWidgetArea.RightDockWidgetArea)
        self.dashboard = DashboardPanel(m)
        self.dashboard_dock = self._dock(self.dashboard, "dashboard",
                                         Qt.DockWidgetArea.BottomDockWidgetArea)
        self.dashboard_dock.hide()  # opened from the 分析 menu; its layout is then remembered
        # computed when first shown: opening the window stays fast
        self.dashboard_dock.visibilityChanged.connect(
            lambda shown: shown and self.dashboard.result is None and self.dashboard.compute())
        # closed (not merely tabbed away): its thematic map goes with it
        self.dashboard_dock.toggleViewAction().toggled.connect(
            lambda on: on or self.dashboard.map_button.setChecked(False))
        self.splitDockWidget(self.list_dock, self.detail_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.list_dock, self.todo_dock)
        self.todo_dock.raise_()  # the day starts from 待办
        self.resizeDocks([self.layers_dock, self.list_dock], [190, 440],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.list_dock, self.detail_dock], [420, 500], Qt.Orientation.Vertical)
        m.current_case_changed.connect(
            lambda cid: cid is not None and self.tabs.setCurrentWidget(self.detail))

    def _act(self, menu, key: str, slot, shortcut=None, checkable=False) -> QAction:
        a = QAction(self)
        a.setObjectName(key)
        # Qt hands a plain action's slot `checked` (always False): a slot with an optional
        # first argument (export_cases' path) would take it for that argument
        a.triggered.connect(slot if checkable else lambda _checked=False: slot())
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
        self._act(self.m_file, "切换用户…", self.switch_user, "Ctrl+L")
        self._act(self.m_file, "注销", self.sign_out)
        self.m_file.addSeparator()
        self._act(self.m_file, "导出地图为图片…", lambda: self.export_map("png"), "Ctrl+E")
        self._act(self.m_file, "导出地图为 PDF…", lambda: self.export_map("pdf"), "Ctrl+Shift+P")
        self._act(self.m_file, "打印…", self.print_current, "Ctrl+P")
        self._act(self.m_file, "导出案件表…", self.export_cases)
        self.m_file.addSeparator()
        self._act(self.m_file, "导入热线工单…", self.import_hotline)
        self._act(self.m_file, "导入历史案件…", self.import_history)
        self.m_file.addSeparator()
        self._act(self.m_file, "退出", self.close, "Ctrl+Q")
        self.m_view = mb.addMenu("")
        self._act(self.m_view, "全区", lambda: self.canvas.zoom_to(self.model.data.extent), "Home")
        self._act(self.m_view, "我的责任区", self.zoom_home)
        self._act(self.m_view, "缩放到所选", self.zoom_selection, "Ctrl+Shift+Z")
        self.m_view.addSeparator()
        for dock in (self.layers_dock, self.todo_dock, self.list_dock, self.detail_dock,
                     self.dashboard_dock):
            self.m_view.addAction(dock.toggleViewAction())
        self.a_legend = self._act(self.m_view, "图例", self.toggle_legend, checkable=True)
        self.a_wall = self._act(self.m_view, "大屏模式", self.toggle_wall, "F11", checkable=True)
        self.m_view.addSeparator()
        self.a_english = self._act(self.m_view, "English", self.toggle_language, checkable=True)
        self.m_view.addSeparator()
        self.a_popup = self._act(self.m_view, "待办通知", self.notifier.set_popup, checkable=True)
        self.a_sound = self._act(self.m_view, "提示音", self.notifier.set_sound, checkable=True)
        self.a_popup.setChecked(self.notifier.popup)
        self.a_sound.setChecked(self.notifier.sound)
        self.m_analysis = mb.addMenu("")
        self._act(self.m_analysis, "分析看板", self.show_dashboard, "Ctrl+D")
        self._act(self.m_analysis, "生成考核通报…", self.dashboard.ask_bulletin, "Ctrl+B")
        self.m_case = mb.addMenu("")
        self.a_report = self._act(self.m_case, "在地图上上报", self.toggle_report, "Ctrl+N",
                                  checkable=True)
        self._act(self.m_case, "刷新", self.refresh_data, "F5")
        tb = self.toolbar = QToolBar()
        tb.setObjectName("main_toolbar")
        self.addToolBar(tb)
        self.addAction(self.a_wall)  # its key works with the menu bar hidden too
        self.wall = WallBar(self.model)
        wall_bar = QToolBar()
        wall_bar.setObjectName("wall_toolbar")
        wall_bar.setMovable(False)
        wall_bar.addWidget(self.wall)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, wall_bar)
        self.insertToolBarBreak(wall_bar)
        self.wall_toolbar = wall_bar
        wall_bar.hide()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setMaximumWidth(320)
        self.search.returnPressed.connect(lambda: self.find(self.search.text()))
        self.results = SearchResults(self)
        self.results.chosen.connect(self.open_hit)
        tb.addWidget(self.search)
        tb.addAction(self.a_report)
        for a in list(self._texts):
            if self._texts[a] in ("全区", "我的责任区", "刷新"):
                tb.addAction(a)

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.coord_label, self.scale_label = QLabel(), QLabel()
        self.user_label, self.render_label, self.fresh_label = QLabel(), QLabel(), QLabel()
        self._fresh: tuple[str, dict] | None = None  # the freshness text, re-said in English
        for w in (self.coord_label, self.scale_label, self.render_label, self.fresh_label):
            sb.addWidget(w)
        sb.addPermanentWidget(self.user_label)

    def retranslate(self) -> None:
        self._title()
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
        session = self.model.session
        roles = tr("、").join(tr(r.label_zh) for r in sorted(session.person.roles))
        self.user_label.setText(tr("{what}（{n}）", what=session.person.name, n=roles))
        self.a_english.setChecked(language() == "en")
        self._show_scale(self.canvas.viewport)
        if self._fresh is not None:
            self._say_fresh(self._fresh[0], **self._fresh[1])
        self.update_legend()
        self.canvas.invalidate(["streets"])

    def store_name(self) -> str:
        return self.model.read.meta("district_name") or ""

    # ---- state helpers -------------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        legend = s is None or s.value("legend", "true") in (True, "true")
        self.a_legend.setChecked(legend)
        self.toggle_legend()
        self._layout_key = self.layout_key()
        if s is not None:
            self.case_list.restore_header(s.value("case_list/header"))
        if s is not None and s.value("geometry"):
            self.restoreGeometry(s.value("geometry"))
            self.restoreState(s.value(self._layout_key) or s.value("state"))
        else:
            self.resize(1600, 1000)
        QTimer.singleShot(0, self.zoom_home)

    def save_settings(self) -> None:
        if self.settings is None:
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState())
        self.settings.setValue(self.layout_key(), self.saveState())
        self.settings.setValue("case_list/header", self.case_list.header_state())
        self.settings.setValue("layers", json.dumps(self.model.layers.to_dict()))
        self.settings.setValue("language", language())
        self.settings.setValue("legend", self.a_legend.isChecked())
        self.settings.setValue("user", self.model.session.username)
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        """Nothing left running: refresh, jobs and renders finish or are cancelled."""
        self.timer.stop()
        self._closed = True
        self.save_settings()
        if self.listener is not None:
            self.listener.stop()
        left = Job.stop_all(30)
        render_pool.drain(30)
        if left:
            QMessageBox.warning(self, tr("退出"), tr("以下任务未能及时停止：{j}",
                                                     j="、".join(left)))
        if self.cache_path is not None:
            # after the first opening's cache files (still being written, perhaps), on the
            # same writer thread: this later map is the one left (a read-only folder or a full
            # disk only make the next start slower); the process ends when it is written
            write_behind(partial(self.model.data.save, self.cache_path))
        wait_written(30)
        super().closeEvent(event)

    def _show_coords(self, x: float, y: float) -> None:
        lon, lat = store_to_lonlat(x, y, self.model.data.srid)
        # lon/lat (WGS-84) as people read positions; the store's metres stay inside
        self.coord_label.setText(f"{float(lon):.6f}°E  {float(lat):.6f}°N")

    def _show_scale(self, vp) -> None:
        self.scale_label.setText(tr("比例尺 1:{n}", n=f"{vp.scale_denominator():,.0f}"))
        near = components_drawn(vp)
        if near != self._components_near:  # crossing the scale where components appear
            self._components_near = near
            self.update_legend()

    def _message(self, key: str) -> None:
        texts = {"out_of_scope": tr("该案件不在您的责任范围内")}
        self.statusBar().showMessage(texts.get(key, key), 6000)

    def _place_problems(self, overlaps) -> None:
        """Cells edited (in QGIS, by SQL) so that they overlap: say which, once each, in one
        box that does not stop the window (places may change every second elsewhere)."""
        fresh = [o for o in overlaps if (o[0], o[1]) not in self._overlaps_said]
        if not fresh:
            return
        self._overlaps_said.update((a, b) for a, b, _area in fresh)
        lines = [tr("{a} 与 {b} 重叠 {m:.0f} 平方米", a=a, b=b, m=area)
                 for a, b, area in fresh[:20]]
        more = len(fresh) - len(lines)
        text = tr("单元网格被修改后有 {n} 处重叠（网格之间不应重叠）：", n=len(fresh)) + "\n" + \
            "\n".join(lines) + (f"\n… (+{more})" if more > 0 else "")
        box = self.overlap_box
        if box is not None and box.isVisible():   # still unread: add to it, no second box
            box.setText(box.text() + "\n\n" + text)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, tr("单元网格重叠"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("overlap_box")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: setattr(self, "overlap_box", None))
        self.overlap_box = box
        box.show()

    # ---- selection and identify ----------------------------------------------------------
    def select_case(self, index: int, from_list: bool = False) -> bool:
        m = self.model
        if not m.select_case(index):
            return False
        if not from_list:
            vp = self.canvas.viewport
            x, y = float(m.data.cases.x[index]), float(m.data.cases.y[index])
            minx, miny, maxx, maxy = vp.extent
            if math.isfinite(x) and not (minx < x < maxx and miny < y < maxy):  # NaN: 待定位
                self.canvas.set_viewport(vp.centred(x, y, min(vp.res, 3.0)))
        return True

    def on_map_click(self, x: float, y: float) -> None:
        if self.picking is not None:  # a dialog waits for its point (立案: correct the point)
            dialog, self.picking = self.picking, None
            self.canvas.setCursor(Qt.CursorShape.ArrowCursor)
            dialog.set_point(x, y)
            dialog.open()
            return
        if self.placing is not None:
            case, self.placing = self.placing, None
            self.canvas.setCursor(Qt.CursorShape.ArrowCursor)
            self._open_dialog(ActionDialog(self.model, case, Action.PLACE, self, point=(x, y)),
                              case)
            return
        if self.report_mode:
            self.report_at(x, y)
            return
        m, vp = self.model, self.canvas.viewport
        k = m.derived.points.nearest(x, y, 8 * vp.res, m.derived.mask)
        if k >= 0:
            self.select_case(k)
            return
        s = segment_at(m.data.segments, x, y, 6 * vp.res)
        if s >= 0:
            m.select_place(segment=s)
        else:
            m.select_place(cell=cell_at(m.data.cells, x, y))
        self.tabs.setCurrentWidget(self.info)

    def zoom_home(self) -> None:
        self.canvas.zoom_to(self.model.session.home_extent(self.model.data))

    def zoom_selection(self) -> None:
        m = self.model
        sel, d = m.selection, m.data
        idx = m.selected_indices()
        if len(idx):
            xs, ys = d.cases.x[idx], d.cases.y[idx]
            self.canvas.zoom_to((xs.min() - 100, ys.min() - 100, xs.max() + 100, ys.max() + 100))
        elif sel.cell >= 0:
            self.canvas.zoom_to(tuple(d.cells.bounds[sel.cell]), 1.0)
        elif sel.segment >= 0:
            self.canvas.zoom_to(tuple(d.segments.bounds[sel.segment]), 0.3)
        elif sel.road and (extent := union(d.segments.bounds[m.road_segments(sel.road)])):
            self.canvas.zoom_to(extent, 0.2)

    def find(self, text: str) -> bool:
        """What the text names, among what this user may see: one hit is opened at once,
        several are listed under the search box to choose from."""
        from ..app.search import search
        hits, hidden = search(self.model, text, labels.state)
        self.search_results = hits
        if not hits:
            if hidden:
                self._message("out_of_scope")
            else:
                self.statusBar().showMessage(tr("未找到“{t}”", t=text.strip()), 5000)
            return False
        if len(hits) == 1:
            self.open_hit(hits[0])
            return True
        self.results.show_hits(hits, self.search)
        return True

    def open_hit(self, hit) -> None:
        """Go to a search result: a case opens (filters that hide it are lifted), a place is
        zoomed to and identified."""
        from ..app.search import extent_of
        m = self.model
        self.results.hide()
        if hit.kind == "case":
            if m.reveal(hit.index):
                self.statusBar().showMessage(tr("已清除筛选，以显示找到的案件"), 6000)
            self.select_case(hit.index)
            return
        extent = extent_of(m, hit)
        if hit.kind == "cell":
            m.select_place(cell=hit.index)
        elif hit.kind == "segment":
            m.select_place(segment=hit.index)
        elif hit.kind == "road":
            m.select_place(road=hit.road)  # the whole road, every segment of it
        if extent is not None:
            self.canvas.zoom_to(extent, 0.2 if hit.kind != "cell" else 2.0)
        self.tabs.setCurrentWidget(self.info)

    # ---- acting on cases -----------------------------------------------------------------
    def open_action(self, case, action: Action) -> ActionDialog | None:
        """Window-modal dialog for the action; it performs the action when accepted. Placing
        a case (标定位置) first asks for a click on the map."""
        if action is Action.PLACE:
            self.start_placing(case)
            return None
        return self._open_dialog(ActionDialog(self.model, case, action, self), case)

    def _open_dialog(self, dialog: ActionDialog, case) -> ActionDialog:
        self.dialog = dialog
        self._dispose_when_done(dialog)
        dialog.performed.connect(lambda out: self.after_change(out.case.id))
        dialog.stale.connect(lambda: self.after_change(case.id))
        dialog.pick_point.connect(self.pick_point_for)
        dialog.open()
        return dialog

    def _dispose_when_done(self, dialog) -> None:
        """A form is freed once answered: a window open all day opens thousands of them."""
        def done(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()
        dialog.finished.connect(done)

    def pick_point_for(self, dialog) -> None:
        """The dialog steps aside until the user clicks the case's place (Esc: back to it)."""
        dialog.hide()
        self.picking = dialog
        self.canvas.setCursor(Qt.CursorShape.CrossCursor)
        self.canvas.setFocus()
        self.statusBar().showMessage(tr("在地图上点击案件 {n} 的正确位置（Esc 返回）",
                                        n=dialog.case.number), 15000)

    def start_placing(self, case) -> None:
        """标定位置: the next click on the map gives the case its point (Esc: never mind)."""
        if self.report_mode:
            self.a_report.setChecked(False)
        self.placing = case
        self.canvas.setCursor(Qt.CursorShape.CrossCursor)
        self.canvas.setFocus()
        self.statusBar().showMessage(tr("在地图上点击案件 {n} 的位置（Esc 取消）",
                                        n=case.number), 15000)

    def cancel_map_tool(self) -> None:
        """Esc: no case to place, no report to make; the map clicks identify again."""
        if self.report_mode:
            self.a_report.setChecked(False)
        if self.placing is not None:
            self.placing = None
            self.canvas.setCursor(Qt.CursorShape.ArrowCursor)
            self.statusBar().clearMessage()
        if self.picking is not None:
            dialog, self.picking = self.picking, None
            self.canvas.setCursor(Qt.CursorShape.ArrowCursor)
            self.statusBar().clearMessage()
            dialog.open()

    def after_change(self, case_id: int | None) -> None:
        """This workstation changed something: take it in now, keep the case in view."""
        if case_id is not None:
            self._reselect = case_id
        self.refresh_data()

    def explain_error(self, exc: Exception) -> None:
        show_error(self, tr("无法完成"), exc)

    def supervise_unit(self, unit, note: str) -> Job:
        """督办 every overdue case of a unit, off the UI thread; returns the job."""
        m = self.model
        c, over = m.data.cases, m.derived.overdue
        ids = [int(c.id[i]) for i in unit.case_indices if over[i]]
        store, user = m.store, m.session.username

        def work(progress) -> int:
            from ..app import actions as app_actions
            done = 0
            for k, cid in enumerate(ids):
                progress(k, len(ids), tr("督办"))
                app_actions.perform(store, user, cid, Action.SUPERVISE, None, note=note)
                done += 1
            return done
        job = Job(work, "supervise")
        # bound methods, not lambdas holding the window: Qt drops them with the window
        job.finished.connect(self._supervised)
        job.failed.connect(self._supervise_failed)
        return job.start()

    def _supervised(self, n: int) -> None:
        self.statusBar().showMessage(tr("已督办 {n} 件", n=n), 5000)
        self.refresh_data()

    def _supervise_failed(self, exc) -> None:
        self.explain_error(exc)
        self.refresh_data()

    def toggle_report(self, on: bool) -> None:
        self.report_mode = on
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        if on:
            self.statusBar().showMessage(tr("点击地图上的问题位置进行上报"), 8000)

    def report_at(self, x: float, y: float) -> ReportDialog:
        self.dialog = ReportDialog(self.model, x, y, self)
        self.dialog.accepted.connect(lambda d=self.dialog: self._reported(d.outcome))
        self._dispose_when_done(self.dialog)
        self.dialog.open()
        return self.dialog

    def _reported(self, out) -> None:
        self.a_report.setChecked(False)
        self.toggle_report(False)
        if out.duplicate_of:
            QMessageBox.information(self, tr("重复上报"), tr(
                "该问题已有案件 {n} 在办理，本次上报已关联到原案件。", n=out.duplicate_of.number))
        else:
            self.statusBar().showMessage(tr("已上报，案卷号 {n}", n=out.case.number), 10000)
        self.after_change(out.case.id)

    # ---- sessions ------------------------------------------------------------------------
    def switch_user(self) -> bool:
        """文件 → 切换用户: another person logs in here; the window follows his scope."""
        from .login import LoginDialog
        dialog = LoginDialog(self.store, "", self)
        ok = dialog.exec()
        session = dialog.session
        dialog.deleteLater()
        if not ok or session is None:
            return False
        self.model.switch_session(session)
        return True

    def sign_out(self) -> None:
        """注销: nobody is logged in until someone logs in again."""
        self.hide()
        self.save_settings()
        if not self.switch_user():
            self.close()
            return
        self.show()

    def layout_key(self) -> str:
        """Each role keeps its own arrangement of docks (a dispatcher's list, a leader's
        dashboard)."""
        roles = sorted(r.value for r in self.model.session.person.roles)
        return "layout/" + "+".join(roles)

    def _title(self) -> None:
        """The product, the store and how much waits: the count shows in the task bar too."""
        n = self.model.todo.total
        self.setWindowTitle((tr("（{n} 件待办）", n=n) if n else "") +
                            tr("城市网格化管理指挥平台") + f" — {self.store_name()}")
        self.todo_dock.setWindowTitle(tr("{what}（{n}）", what=tr("待办"), n=n) if n
                                      else tr("待办"))

    def _todo_changed(self, todo, news) -> None:
        self._title()
        told = describe(news, todo, self.model.data.cases)
        if told is not None:
            self.notifier.tell(*told)

    def _session_changed(self, session) -> None:
        if self.settings is not None:  # the last user's arrangement kept for his role
            self.settings.setValue(self._layout_key, self.saveState())
            saved = self.settings.value(self.layout_key())
            if saved:
                self.restoreState(saved)
        self._layout_key = self.layout_key()
        self.dashboard.setEnabled(session.sees_everything or session.has(Role.LEADER))
        self.search.clear()  # the last user's search is not the next one's
        self.results.hide()
        self.retranslate()
        self.canvas.invalidate()
        self.zoom_home()

    # ---- refresh ------------------------------------------------------------------------
    def _poll(self) -> None:
        self.model.tick()  # a minute passed: cases may have become overdue or due
        self._polls = getattr(self, "_polls", 0) + 1
        if self._polls % 60 == 0:
            trim()  # what the last minute's refreshes freed goes back to the system
        if self._polls % 5 == 0 and self.store.reconnect_if_orphaned():
            QMessageBox.warning(self, tr("数据库连接"), tr(
                "另一个程序删除了本机正在使用的数据库日志文件（本程序对数据库的锁已失效）。"
                "已重新连接数据库。请不要用其他程序在本机打开同一个数据库文件；"
                "多台电脑共用请使用 PostGIS 服务器。"))
        self.refresh_data()

    def refresh_data(self) -> None:
        """Take in what changed in the store (here or anywhere else), off the UI thread."""
        if self._closed:
            return
        if self._refresh_job is not None:
            self._refresh_again = True
            return
        work = self.model.refresh_job()
        self._refresh_started = time.monotonic()
        job = self._refresh_job = Job(lambda _progress: work(), "refresh")
        job.finished.connect(self._refreshed)
        job.failed.connect(self._refresh_failed)
        job.start()

    def _refreshed(self, result) -> None:
        self._refresh_job = None
        if self._closed:
            return
        t = time.monotonic()
        self.model.accept(result)
        if os.environ.get("GRIDAPP_TRACE_REFRESH") and result.changes:
            print(f"refresh {t - self._refresh_started:.2f} s + accept "
                  f"{time.monotonic() - t:.2f} s: {len(result.changes.case_ids)} cases, "
                  f"{sorted(result.changes.tables)}", flush=True)
        if self._refresh_again:
            self._refresh_again = False
            self.refresh_data()

    def _refresh_failed(self, exc) -> None:
        self._refresh_job = None
        self._say_fresh("数据未能更新：{e}", e=explain(exc))

    def _data_changed(self, changes: Changes) -> None:
        self.canvas.invalidate(CASE_LAYERS + (["segments"] if "assignments" in changes.tables
                                              else []) if not changes.places else None)
        cid = getattr(self, "_reselect", None)
        if cid is not None:
            self._reselect = None
            k = self.model.index_of(cid)
            # a case this user handed on (退回) or reported elsewhere left their scope:
            # nothing to open, and nothing wrong to say
            if k >= 0 and self.model.may_see(k):
                self.select_case(k)
        self._say_fresh("数据更新于 {t}", t=self.model.clock().strftime("%H:%M:%S"))

    def _say_fresh(self, text: str, **params) -> None:
        """How fresh the data is, kept so that a language switch says it again."""
        self._fresh = (text, params)
        self.fresh_label.setText(tr(text, **params))

    # ---- language and export -------------------------------------------------------------
    def show_dashboard(self) -> None:
        self.dashboard_dock.show()
        self.dashboard_dock.raise_()

    def toggle_legend(self) -> None:
        self.legend.setVisible(self.a_legend.isChecked())
        self.update_legend()

    def toggle_wall(self, on: bool) -> None:
        """大屏模式: the map and today's figures, full screen, refreshing by themselves; the
        same key (F11) brings the desk layout back."""
        if on:
            self._desk_state = self.saveState()
            for dock in (self.layers_dock, self.list_dock, self.detail_dock,
                         self.dashboard_dock):
                dock.hide()
            self.toolbar.hide()
            self.menuBar().hide()
            self.wall_toolbar.show()
            self.wall.refresh()
            self.a_legend.setChecked(False)
            self.showFullScreen()
            self.canvas.zoom_to(self.model.data.extent, 0.03)
        else:
            self.wall_toolbar.hide()
            self.toolbar.show()
            self.menuBar().show()
            self.showNormal()
            if getattr(self, "_desk_state", None) is not None:
                self.restoreState(self._desk_state)
            self.a_legend.setChecked(True)
        self.toggle_legend()

    def update_legend(self, *_args) -> None:
        if self.a_legend.isChecked():
            self.legend.set_items(self.legend_items())

    def legend_items(self) -> list:
        m = self.model
        own = bool(m.session.segment_ids or m.session.cell_codes)
        return legend_items(m.layers, m.data, m.derived.mask, m.thematic, own,
                            self.canvas.tracks, self.canvas.viewport)

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

    def print_current(self) -> None:
        """Ctrl+P: the 案件处理单 of the selected case; with no case selected, the map (the
        map also keeps its own item, 导出地图为 PDF)."""
        if self.detail.view is not None:
            self.detail.print_sheet()
        else:
            self.export_map("pdf")

    def export_cases(self, path: str | None = None) -> Job | None:
        """The cases the list shows, in its order, with the filter written into the file."""
        from .export_cases import ExportProgress, export_job
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("导出案件表"), "cases.xlsx",
                                                  "Excel (*.xlsx);;CSV (*.csv)")
            if not path:
                return None
        job = export_job(self.model, self.case_list.shown_ids(), self.case_list.describe(),
                         path)
        dialog = QProgressDialog(tr("正在导出…"), tr("取消"), 0, 100, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.canceled.connect(job.cancel)
        # bound methods of an object owned by this export's box, not lambdas holding the
        # window and the box: Qt drops them with the box
        watch = ExportProgress(self, dialog, path)
        job.progress.connect(watch.progress)
        job.finished.connect(watch.finished)
        job.failed.connect(watch.failed)
        self.export_job = job
        return job.start()

    def import_hotline(self) -> None:
        from .imports import HotlineImportDialog
        s = self.model.session
        if not (s.has(Role.ACCEPTOR) or s.has(Role.SHIFT_LEADER)):
            QMessageBox.information(self, tr("导入热线工单"), tr("受理员或值班长才能导入工单。"))
            return
        dialog = HotlineImportDialog(self)
        if dialog.exec():
            self.refresh_data()
        dialog.deleteLater()

    def import_history(self) -> None:
        from .history_import import HistoryImportDialog
        if not self.model.session.has(Role.ADMIN):
            QMessageBox.information(self, tr("导入历史案件"), tr("只有系统管理员才能迁移历史案件。"))
            return
        dialog = HistoryImportDialog(self)
        if dialog.exec():
            self.refresh_data()
        dialog.deleteLater()
