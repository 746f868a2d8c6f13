"""分析看板: indicators of a period by level, charts that click through to the case list,
a thematic map of any indicator, and the bulletin at a click."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...analysis import patterns
from ...analysis.indicators import totals
from ...analysis.workclock import WorkClock
from ...app import reports
from ...app.map_data import seconds
from ...app.thematic import Thematic
from ...domain.indicators import COUNT_BY_KEY, RATE_BY_KEY, RATES_BY_LEVEL, Level, percent
from ...domain.period import Period
from .. import offloaded
from ..errors import show_error
from ..i18n import follow_language, language, tr
from ..processes import ProcessJob
from ..workers import Job

LEVELS = (Level.STREET, Level.COMMUNITY, Level.CELL, Level.DEPARTMENT, Level.ROAD_CHIEF,
          Level.GRID_WORKER, Level.DISPATCHER)
MAPPABLE = (Level.STREET, Level.COMMUNITY, Level.CELL)
BAR_UNITS = 8  # units shown in the bar chart (worst first: that is where to look)
HOUR_BINS = np.array([0, 1, 2, 4, 8, 16, 40, 80, 1e9])


def _name(item) -> str:
    """Chinese or English name of a level, rate or count, in the interface language."""
    if isinstance(item, Level):
        return item.label_zh if language() == "zh" else item.label_en
    return item.zh if language() == "zh" else item.en


class DashboardPanel(QWidget):
    """Works on the application model: its store, clock, data, layers and filters."""

    computed = Signal()
    drilled = Signal()       # the case list now shows a figure's cases
    bulletin_done = Signal(object)  # the files written

    def __init__(self, app, parent=None) -> None:
        super().__init__(parent)
        self.app = app
        self.result: dict | None = None
        self._job: Job | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.period = QComboBox(objectName="period")
        self.level = QComboBox(objectName="level")
        self.indicator = QComboBox(objectName="indicator")
        self.map_button = QPushButton(objectName="thematic", checkable=True)
        self.bulletin_button = QPushButton(objectName="bulletin")
        for w in (self.period, self.level, self.indicator, self.map_button,
                  self.bulletin_button):
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        self.kpi = QLabel(objectName="kpi")
        self.kpi.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.kpi)
        split = QSplitter(Qt.Orientation.Vertical)
        self.charts = pg.GraphicsLayoutWidget()
        self.charts.setBackground("w")
        self.trend_plot = self.charts.addPlot(row=0, col=0)
        self.bar_plot = self.charts.addPlot(row=0, col=1)
        self.hours_plot = self.charts.addPlot(row=0, col=2)
        for plot in (self.trend_plot, self.bar_plot, self.hours_plot):
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(False, False)
            plot.hideButtons()
            plot.showGrid(y=True, alpha=0.25)
        split.addWidget(self.charts)
        self.table = QTableWidget(objectName="ranking")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.drill_unit(self._row_units[r]))
        split.addWidget(self.table)
        split.setSizes([330, 170])
        lay.addWidget(split, 1)
        self._row_units: list = []
        self._bar_units: list = []
        self._months: list[Period] = []
        self.charts.scene().sigMouseClicked.connect(self._chart_clicked)
        self.period.currentIndexChanged.connect(lambda *_: self.compute())
        self.level.currentIndexChanged.connect(lambda *_: self._level_changed())
        self.indicator.currentIndexChanged.connect(lambda *_: self.show_result())
        self.map_button.toggled.connect(self.show_thematic)
        self.bulletin_button.clicked.connect(self.ask_bulletin)
        follow_language(self, self.retranslate)
        self.retranslate()

    # ---- choices -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.map_button.setText(tr("专题图"))
        self.bulletin_button.setText(tr("生成通报…"))
        today = self.app.clock().date()
        month = Period.containing(today)
        periods = [month]
        for _ in range(12):
            periods.append(periods[-1].previous())
        self._fill(self.period, [(p.label, p.label_zh if language() == "zh" else p.label)
                                 for p in periods], default=periods[1].label)
        self.period.setItemText(0, self.period.itemText(0) + tr("（进行中）"))
        self._fill(self.level, [(lv.value, _name(lv)) for lv in LEVELS])
        self._fill_indicators()
        if self.result is not None:
            self.show_result()

    @staticmethod
    def _fill(combo: QComboBox, items, default=None) -> None:
        current = combo.currentData() if combo.count() else default
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _fill_indicators(self) -> None:
        lv = self.current_level()
        items = [("score", tr("考核得分"))] + [(k, _name(RATE_BY_KEY[k]))
                                             for k in RATES_BY_LEVEL[lv]]
        if lv in MAPPABLE:
            items += [(k, _name(COUNT_BY_KEY[k])) for k in ("reported", "overdue")]
        self._fill(self.indicator, items)

    def current_level(self) -> Level:
        return Level(self.level.currentData() or "street")

    def current_period(self) -> Period:
        return Period.parse(self.period.currentData())

    def _level_changed(self) -> None:
        self._fill_indicators()
        self.map_button.setEnabled(self.current_level() in MAPPABLE)
        if self.current_level() not in MAPPABLE and self.map_button.isChecked():
            self.map_button.setChecked(False)
        self.show_result()

    # ---- computing (off the UI thread) ---------------------------------------------------
    def compute(self) -> Job:
        """The period's figures, computed off the UI thread."""
        period, now = self.current_period(), self.app.clock()
        store = self.app.store

        def work(_progress=None) -> dict:
            a = reports.assessment(store, period, now)
            year = period.trailing_months(12)
            cases = a.current.cases
            clock = WorkClock.around(reports.context(store)["calendar"],
                                     np.concatenate([cases.dispatched_at.to_numpy(),
                                                     cases.rectified_at.to_numpy()]))
            return {"assessment": a, "tables": {lv: a.table(lv) for lv in LEVELS},
                    "totals": (totals(a.current), totals(a.previous)),
                    "reported": patterns.trend(store, year),
                    "closed": patterns.trend(store, year, by="closed_at"),
                    "hours": patterns.handling_hours(cases, clock)}
        if self._job is not None:
            self._job.cancel()
        self.kpi.setText(tr("正在计算 {p} 的指标…", p=period.label))
        job = self._job = Job(work, "dashboard")
        # bound methods, not lambdas holding the panel: Qt drops them with the panel, so a
        # result arriving after it is gone reaches nothing
        job.finished.connect(self._computed)
        job.failed.connect(self._compute_failed)
        return job.start()

    def _computed(self, result: dict) -> None:
        if self.sender() is self._job:  # a later computation replaced this one
            self._done(result)

    def _compute_failed(self, exc) -> None:
        self.kpi.setText(tr("指标计算失败：{e}", e=exc))

    def _done(self, result: dict) -> None:
        self.result = result
        self.show_result()
        self.computed.emit()

    # ---- showing -------------------------------------------------------------------------
    def show_result(self) -> None:
        if self.result is None:
            return
        level, key = self.current_level(), self.indicator.currentData() or "score"
        table = self.result["tables"][level]
        self._show_kpi()
        self._show_trend()
        self._show_bars(table, key)
        self._show_hours()
        self._show_table(table, key)
        if self.map_button.isChecked():
            self.show_thematic(True)

    def _show_kpi(self) -> None:
        now, before = self.result["totals"]
        parts = []
        for k in ("reported", "registered", "due", "closed", "overdue"):
            d = now[k] - before[k]
            parts.append(f"{_name(COUNT_BY_KEY[k])} <b>{now[k]:,}</b> "
                         f"<span style='color:#777'>({d:+,})</span>")
        for k in ("close_on_time_rate", "handle_on_time_rate", "satisfaction_rate"):
            parts.append(f"{_name(RATE_BY_KEY[k])} <b>{percent(now[k])}</b>")
        self.kpi.setText(" · ".join(parts))

    def _show_trend(self) -> None:
        p = self.trend_plot
        p.clear()
        p.setTitle(tr("近12个月：上报与结案"), size="9pt")
        rep, clo = self.result["reported"], self.result["closed"]
        x = np.arange(len(rep))
        p.addLegend(offset=(-5, -5))  # bottom right: the lines start low on the left
        p.plot(x, rep.to_numpy(), pen=pg.mkPen("#2c7fb8", width=2), symbol="o", symbolSize=5,
               symbolBrush="#2c7fb8", name=tr("上报"))
        p.plot(x, clo.reindex(rep.index, fill_value=0).to_numpy(),
               pen=pg.mkPen("#41ab5d", width=2), symbol="o", symbolSize=5,
               symbolBrush="#41ab5d", name=tr("结案"))
        self._months = [Period.month(t.year, t.month) for t in rep.index]
        p.getAxis("bottom").setTicks([[(i, f"{t:%m}") for i, t in enumerate(rep.index)]])

    def _show_bars(self, table, key: str) -> None:
        p = self.bar_plot
        p.clear()
        values = table[key].astype(float)
        ok = values.dropna()
        higher_better = key == "score" or (key in RATE_BY_KEY and
                                           RATE_BY_KEY[key].higher_is_better)
        ok = ok.sort_values(ascending=higher_better).head(BAR_UNITS)  # the worst first
        self._bar_units = list(ok.index)
        label = _label(key)
        p.setTitle(tr("{what}：{level}（最弱 {n} 个）", what=label,
                      level=_name(self.current_level()), n=len(ok)), size="9pt")
        scale = 100.0 if key in RATE_BY_KEY else 1.0
        if len(ok):  # horizontal bars: unit names read along the left axis, the worst on top
            p.addItem(pg.BarGraphItem(x0=0, y=-np.arange(len(ok)), height=0.7,
                                      width=ok.to_numpy() * scale, brush="#fdae61",
                                      pen=pg.mkPen("#b35806")))
        names = table["name"].reindex(ok.index).astype(str).to_numpy()
        p.getAxis("left").setTicks([[(-i, n[:8]) for i, n in enumerate(names)]])
        p.getAxis("bottom").setTicks(None)

    def _show_hours(self) -> None:
        p = self.hours_plot
        p.clear()
        hours = self.result["hours"]
        counts, _ = np.histogram(hours, bins=HOUR_BINS)
        med = float(np.median(hours)) if len(hours) else 0.0
        p.setTitle(tr("处置时长（工作小时，中位 {m:.1f}）", m=med), size="9pt")
        p.addItem(pg.BarGraphItem(x=np.arange(len(counts)), height=counts, width=0.8,
                                  brush="#74c476", pen=pg.mkPen("#238b45")))
        p.getAxis("bottom").setTicks([[(i, t) for i, t in enumerate(
            ["<1", "1-2", "2-4", "4-8", "8-16", "16-40", "40-80", "80+"])]])

    def _show_table(self, table, key: str) -> None:
        cols = [("rank", tr("排名")), ("name", tr("名称")), ("score", tr("得分")),
                ("grade", tr("等级")), ("change", tr("较上期"))]
        if key != "score":
            cols.append((key, _label(key)))
        cols += [("due", _name(COUNT_BY_KEY["due"])), ("overdue", _name(COUNT_BY_KEY["overdue"]))]
        cols = [(c, h) for c, h in cols if c in table.columns]
        rows = table if len(table) <= 500 else table.head(500)
        self.table.clear()
        self.table.setColumnCount(len(cols))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([h for _, h in cols])
        self._row_units = list(rows.index)
        for r, (_unit, rec) in enumerate(rows.iterrows()):
            for c, (col, _h) in enumerate(cols):
                item = QTableWidgetItem(_cell_text(col, rec[col]))
                if col not in ("name", "grade"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                          Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    # ---- click-through -------------------------------------------------------------------
    def _chart_clicked(self, event) -> None:
        pos = event.scenePos()
        if self.trend_plot.sceneBoundingRect().contains(pos):
            self._month_clicked(int(round(self.trend_plot.vb.mapSceneToView(pos).x())))
        elif self.bar_plot.sceneBoundingRect().contains(pos):
            self._bar_clicked(-int(round(self.bar_plot.vb.mapSceneToView(pos).y())))

    def _month_clicked(self, i: int) -> None:
        if 0 <= i < len(self._months):
            self.drill_month(self._months[i])

    def _bar_clicked(self, i: int) -> None:
        if 0 <= i < len(self._bar_units):
            self.drill_unit(self._bar_units[i])

    def drill_month(self, month: Period) -> None:
        label = month.label_zh if language() == "zh" else month.label
        self.app.set_drill(label, {"reported_from": seconds(month.start_at),
                                   "reported_to": seconds(month.end_at)})
        self.drilled.emit()

    def drill_unit(self, unit) -> None:
        """The case list shows the cases of one unit of the current period."""
        level, period = self.current_level(), self.current_period()
        d = self.app.data
        table = self.result["tables"][level]
        changes = {"reported_from": seconds(period.start_at),
                   "reported_to": seconds(period.end_at)}
        if level is Level.STREET:
            changes["streets"] = frozenset({int(np.searchsorted(d.streets, unit))})
        elif level is Level.COMMUNITY:
            ci = int(np.searchsorted(d.communities, unit))
            changes["cells"] = frozenset(np.flatnonzero(d.cells.community_idx == ci).tolist())
        elif level is Level.CELL:
            changes["cells"] = frozenset(np.flatnonzero(d.cells.codes == unit).tolist())
        elif level is Level.DEPARTMENT:
            changes["department"] = int(unit)
        elif level is Level.ROAD_CHIEF:
            changes["road_chief"] = int(unit)
        else:
            return  # people judged on their own acts: no case set to list
        name = table["name"].get(unit, unit)
        self.app.set_drill(f"{_name(level)} {name} · {period.label}", changes)
        self.drilled.emit()

    # ---- thematic map --------------------------------------------------------------------
    def show_thematic(self, on: bool) -> None:
        app = self.app
        if not on or self.result is None or self.current_level() not in MAPPABLE:
            if app.thematic is not None:
                app.set_thematic(None)
                app.layers.update("cells", style="street")
            return
        level, key = self.current_level(), self.indicator.currentData() or "score"
        table = self.result["tables"][level]
        app.set_thematic(thematic_for(app.data, table, level, key, self.current_period()))
        app.layers.update("cells", style="indicator", visible=True)

    # ---- bulletin ------------------------------------------------------------------------
    def ask_bulletin(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("通报保存到"))
        if folder:
            self.make_bulletin(folder)

    def make_bulletin(self, folder: str) -> Job:
        """通报 files written in a child process (typesetting holds the interpreter for
        seconds); the user is told on the UI thread."""
        app = self.app
        job = self._bulletin_job = ProcessJob(
            offloaded.bulletin, (app.store.url, self.current_period(), folder, app.clock(),
                                 language(), app.session.username), "bulletin")
        job.finished.connect(self._bulletin_written)
        job.failed.connect(self._bulletin_failed)
        return job.start()

    def _bulletin_failed(self, exc) -> None:
        show_error(self, tr("通报"), exc)

    def _bulletin_written(self, files) -> None:
        self.bulletin_done.emit(files)
        QMessageBox.information(self, tr("通报"), tr("已生成：\n{files}", files="\n".join(
            str(f) for f in files)))


def _label(key: str) -> str:
    """The name of an indicator key: the score, a rate or a count."""
    return tr("考核得分") if key == "score" else _name(RATE_BY_KEY.get(key) or COUNT_BY_KEY[key])


def thematic_for(data, table, level: Level, key: str, period: Period) -> Thematic:
    """Per-cell values of an area indicator: a cell takes its own, its community's or street's."""
    values = table[key].astype(float)
    c = data.cells
    if level is Level.CELL:
        per_cell = values.reindex(c.codes).to_numpy()
    elif level is Level.COMMUNITY:
        per_cell = values.reindex(data.communities).to_numpy()[c.community_idx]
    else:
        per_cell = values.reindex(data.streets).to_numpy()[c.street_idx]
    label = _label(key)
    title = f"{label} {period.label}"
    basis = values.dropna().to_numpy()  # each unit once
    if key == "score":
        return Thematic.classify(per_cell, title, "natural", 5, "{:.1f}", reverse=True,
                                 basis=basis)
    if key in RATE_BY_KEY:
        return Thematic.classify(per_cell, title, "natural", 5, "{:.1%}",
                                 reverse=RATE_BY_KEY[key].higher_is_better, basis=basis)
    return Thematic.classify(per_cell, title, "quantile", 5, "{:.0f}", basis=basis)


def _cell_text(col: str, v) -> str:
    if v is None or str(v) in ("nan", "<NA>"):
        return "—"
    if col in RATE_BY_KEY:
        return percent(float(v))
    if col == "score":
        return f"{float(v):.2f}"
    if col == "change":
        return f"{float(v):+.2f}"
    if col in ("name", "grade"):
        return str(v)
    return f"{int(v):,}"

