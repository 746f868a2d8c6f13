"""The case list dock: a virtual table over the case arrays, filters, counts, selection."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...app import case_filter as cf
from ...app.map_data import HANDLING, NO_TIME, SOURCES, STATES, seconds
from .. import labels, theme
from ..i18n import language_changed, tr

COLUMNS = [("number", "案卷号"), ("reported", "上报时间"), ("klass", "问题类别"),
           ("state", "状态"), ("deadline", "处置时限"), ("source", "来源"),
           ("street", "街道")]
SORT_KEY = {"number": "id", "reported": "reported", "klass": "klass", "state": "state",
            "deadline": "deadline", "source": "source", "street": "street"}


class CaseTableModel(QAbstractTableModel):
    """Rows are indices into the case arrays; nothing is copied per row."""

    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows = np.zeros(0, np.int64)

    def set_rows(self, rows: np.ndarray) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section][1])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        i = int(self.rows[index.row()])
        c = self.ctx.data.cases
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "number":
                return f"{labels.when(c.reported[i], '%Y')}{int(c.id[i]):08d}"
            if key == "reported":
                return labels.when(c.reported[i])
            if key == "klass":
                k = int(c.klass[i])
                return str(self.ctx.data.class_names[k]) if k >= 0 else ""
            if key == "state":
                return labels.state(int(c.state[i]))
            if key == "deadline":
                return labels.when(c.deadline[i]) if HANDLING[c.state[i]] else ""
            if key == "source":
                return labels.source(int(c.source[i]))
            if key == "street":
                s = int(c.street[i])
                return str(self.ctx.data.street_names[s]) if s >= 0 else ""
        if role == Qt.ItemDataRole.ForegroundRole and key in ("deadline", "state"):
            flag = _flag(c, i, self.ctx.now)
            if flag:
                return QBrush(QColor(theme.OVERDUE if flag == "over" else theme.WARNING))
        if role == Qt.ItemDataRole.UserRole:
            return i
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)


def _flag(c, i: int, now: int) -> str:
    if not HANDLING[c.state[i]] or c.deadline[i] == NO_TIME:
        return ""
    if c.deadline[i] < now:
        return "over"
    if c.warning[i] != NO_TIME and c.warning[i] <= now:
        return "warn"
    return ""


class CaseListPanel(QWidget):
    """Filters on top, the table, counts below. Emits the case index the user picked."""

    case_selected = Signal(int)
    filter_changed = Signal(object)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CaseTableModel(ctx)
        self.sort_key, self.descending = "id", True
        self._sized = False
        self.scope = cf.CaseFilter()  # what the role allows the user to start from
        self.drill: dict = {}  # a unit or month picked on the dashboard, until cleared
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        self.state = QComboBox()
        self.deadline = QComboBox()
        self.klass = QComboBox()
        self.source = QComboBox()
        self.street = QComboBox()
        self.open_only = QCheckBox()
        self.open_only.setChecked(True)
        self.since = QDateEdit(calendarPopup=True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.use_since = QCheckBox()
        for w in (self.state, self.deadline, self.open_only):
            row1.addWidget(w)
        for w in (self.klass, self.source, self.street, self.use_since, self.since):
            row2.addWidget(w)
        lay.addLayout(row1)
        lay.addLayout(row2)
        row3 = QHBoxLayout()
        self.drill_label = QLabel()
        self.drill_label.setObjectName("drill_label")
        self.drill_clear = QPushButton()
        self.drill_clear.setObjectName("drill_clear")
        self.drill_clear.clicked.connect(lambda: self.set_drill("", {}))
        row3.addWidget(self.drill_label, 1)
        row3.addWidget(self.drill_clear)
        lay.addLayout(row3)
        self.drill_label.hide()
        self.drill_clear.hide()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().sectionClicked.connect(self._sort_by)
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        lay.addWidget(self.table, 1)
        self.counts = QLabel()
        self.counts.setObjectName("case_counts")
        lay.addWidget(self.counts)
        for w in (self.state, self.deadline, self.klass, self.source, self.street):
            w.currentIndexChanged.connect(self.apply)
        self.open_only.toggled.connect(self.apply)
        self.use_since.toggled.connect(self.apply)
        self.since.dateChanged.connect(lambda *_: self.use_since.isChecked() and self.apply())
        self.retranslate()
        language_changed.connect(lambda *_: self.retranslate())

    def retranslate(self) -> None:
        self.open_only.setText(tr("仅在办案件"))
        self.drill_clear.setText(tr("清除"))
        self.use_since.setText(tr("上报起"))
        self._fill(self.state, tr("全部状态"), [(i, labels.state(s)) for i, s in
                                                 enumerate(STATES)])
        self._fill(self.deadline, tr("全部时限"), [("overdue", tr("超期")), ("warning",
                                                   tr("预警")), ("due", tr("超期或预警"))])
        d = self.ctx.data
        self._fill(self.klass, tr("全部类别"), [(i, f"{d.classes[i]} {d.class_names[i]}")
                                             for i in range(len(d.classes))])
        self._fill(self.source, tr("全部来源"), [(i, labels.source(s)) for i, s in
                                              enumerate(SOURCES)])
        self._fill(self.street, tr("全部街道"), [(i, str(n)) for i, n in
                                              enumerate(d.street_names)])
        self.model.retranslate()
        self._sized = False  # English labels are wider: size the columns again
        if self.model.rowCount():
            self.table.resizeColumnsToContents()
            self._sized = True
        self._update_counts()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        i = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(False)

    def current_filter(self) -> cf.CaseFilter:
        f = self.scope
        if self.state.currentData() is not None:
            f = f.with_(states=frozenset({int(self.state.currentData())}))
        if self.klass.currentData() is not None:
            f = f.with_(classes=frozenset({int(self.klass.currentData())}))
        if self.source.currentData() is not None:
            f = f.with_(sources=frozenset({int(self.source.currentData())}))
        if self.street.currentData() is not None:
            f = f.with_(streets=frozenset({int(self.street.currentData())}))
        f = f.with_(deadline=self.deadline.currentData(), open_only=self.open_only.isChecked())
        if self.drill:
            f = f.with_(**self.drill)
        if self.use_since.isChecked():
            from datetime import datetime
            d = self.since.date()
            f = f.with_(reported_from=seconds(datetime(d.year(), d.month(), d.day())))
        return f

    def set_drill(self, label: str, changes: dict) -> None:
        """Show only the cases behind a dashboard figure (a unit, a month) until cleared."""
        self.drill = dict(changes)
        self.drill_label.setText(tr("来自分析：{what}", what=label) if changes else "")
        self.drill_label.setVisible(bool(changes))
        self.drill_clear.setVisible(bool(changes))
        if changes:  # the figures count closed cases too
            self.open_only.blockSignals(True)
            self.open_only.setChecked(False)
            self.open_only.blockSignals(False)
        self.apply()

    def set_scope(self, scope: cf.CaseFilter) -> None:
        self.scope = scope
        self.apply()

    def apply(self, *_args) -> None:
        f = self.current_filter()
        self.ctx.case_filter = f
        self.ctx.invalidate(data_changed=False)
        self.refresh_rows()
        self.filter_changed.emit(f)

    def refresh_rows(self) -> None:
        idx = np.flatnonzero(self.ctx.case_mask)
        rows = cf.sort(self.ctx.data.cases, idx, self.sort_key, self.descending)
        self.model.set_rows(rows)
        if not self._sized and len(rows):
            self.table.resizeColumnsToContents()  # Qt samples the first rows only
            self._sized = True
        self._update_counts()

    def _update_counts(self) -> None:
        mask = self.ctx.case_mask
        dc = cf.deadline_counts(self.ctx.data.cases, mask, self.ctx.now)
        self.counts.setText(tr("共 {n} 件 · 处置中 {h} · 超期 {o} · 预警 {w}", n=int(mask.sum()),
                               h=dc["handling"], o=dc["overdue"], w=dc["warning"]))

    def _sort_by(self, section: int) -> None:
        key = SORT_KEY[COLUMNS[section][0]]
        self.descending = not self.descending if key == self.sort_key else True
        self.sort_key = key
        self.table.horizontalHeader().setSortIndicator(
            section, Qt.SortOrder.DescendingOrder if self.descending else
            Qt.SortOrder.AscendingOrder)
        self.refresh_rows()

    def _picked(self, current, _previous) -> None:
        if current.isValid():
            self.case_selected.emit(int(self.model.rows[current.row()]))

    def select_case(self, case_index: int) -> None:
        """Select a case picked on the map (scrolls it into view if it is listed)."""
        hits = np.flatnonzero(self.model.rows == case_index)
        if len(hits):
            row = int(hits[0])
            sm = self.table.selectionModel()  # the model, not the view, emits the change
            sm.blockSignals(True)
            self.table.selectRow(row)
            sm.blockSignals(False)
            self.table.viewport().update()
            self.table.scrollTo(self.model.index(row, 0),
                               QAbstractItemView.ScrollHint.PositionAtCenter)
