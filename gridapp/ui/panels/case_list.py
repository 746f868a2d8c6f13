"""The case list dock: a virtual table over the case arrays, filters, counts, selection.

It takes the application model: its filter widgets set the model's filter, and it shows the
model's cases again whenever the data, the filter or the user changes."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
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
from ..i18n import follow_language, tr

COLUMNS = [("number", "案卷号"), ("reported", "上报时间"), ("klass", "问题类别"),
           ("state", "状态"), ("deadline", "处置时限"), ("source", "来源"),
           ("street", "街道")]
SORT_KEY = {"number": "id", "reported": "reported", "klass": "klass", "state": "state",
            "deadline": "deadline", "source": "source", "street": "street"}


class CaseTableModel(QAbstractTableModel):
    """Rows are indices into the case arrays; nothing is copied per row."""

    def __init__(self, app) -> None:
        super().__init__()
        self.app = app
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
        data = self.app.data
        c = data.cases
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "number":
                return f"{labels.when(c.reported[i], '%Y')}{int(c.id[i]):08d}"
            if key == "reported":
                return labels.when(c.reported[i])
            if key == "klass":
                k = int(c.klass[i])
                return str(data.class_names[k]) if k >= 0 else ""
            if key == "state":
                return labels.state(int(c.state[i]))
            if key == "deadline":
                return labels.when(c.deadline[i]) if HANDLING[c.state[i]] else ""
            if key == "source":
                return labels.source(int(c.source[i]))
            if key == "street":
                s = int(c.street[i])
                return str(data.street_names[s]) if s >= 0 else ""
        if role == Qt.ItemDataRole.ForegroundRole and key in ("deadline", "state"):
            flag = _flag(c, i, self.app.now)
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
    """Filters on top, the table, counts below; picking a row picks the case in the model."""

    def __init__(self, app, parent=None) -> None:
        super().__init__(parent)
        self.app = app
        self.model = CaseTableModel(app)
        self.sort_key, self.descending = "id", True
        self._sized = False
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
        self.drill_clear.clicked.connect(lambda: self.app.set_drill("", {}))
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
        follow_language(self, self.retranslate)
        app.filter_changed.connect(self._filter_changed)
        app.data_changed.connect(self._data_changed)
        app.clock_changed.connect(lambda *_: self.refresh_rows())
        app.session_changed.connect(lambda *_: self._session_changed())
        app.current_case_changed.connect(self.select_case_id)
        self.apply()

    def retranslate(self) -> None:
        self.open_only.setText(tr("仅在办案件"))
        self.drill_clear.setText(tr("清除"))
        self.use_since.setText(tr("上报起"))
        self._fill(self.state, tr("全部状态"), [(i, labels.state(s)) for i, s in
                                                 enumerate(STATES)])
        self._fill(self.deadline, tr("全部时限"), [("overdue", tr("超期")), ("warning",
                                                   tr("预警")), ("due", tr("超期或预警"))])
        d = self.app.data
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
        """What the filter widgets ask for (the model adds the user's scope and any drill)."""
        f = cf.CaseFilter(open_only=self.open_only.isChecked(),
                          deadline=self.deadline.currentData())
        if self.state.currentData() is not None:
            f = f.with_(states=frozenset({int(self.state.currentData())}))
        if self.klass.currentData() is not None:
            f = f.with_(classes=frozenset({int(self.klass.currentData())}))
        if self.source.currentData() is not None:
            f = f.with_(sources=frozenset({int(self.source.currentData())}))
        if self.street.currentData() is not None:
            f = f.with_(streets=frozenset({int(self.street.currentData())}))
        if self.use_since.isChecked():
            from datetime import datetime
            d = self.since.date()
            f = f.with_(reported_from=seconds(datetime(d.year(), d.month(), d.day())))
        return f

    def apply(self, *_args) -> None:
        self.app.set_user_filter(self.current_filter())

    def _filter_changed(self, _f) -> None:
        app = self.app
        label = app.drill_label
        self.drill_label.setText(tr("来自分析：{what}", what=label) if label else "")
        self.drill_label.setVisible(bool(label))
        self.drill_clear.setVisible(bool(label))
        if app.user_filter.open_only != self.open_only.isChecked():
            self.open_only.blockSignals(True)
            self.open_only.setChecked(app.user_filter.open_only)
            self.open_only.blockSignals(False)
        self.refresh_rows()

    def _data_changed(self, changes) -> None:
        if changes.places or changes.tables & {"catalog_classes", "catalog_versions"}:
            self.retranslate()  # street or class names to choose from changed
        self.refresh_rows()

    def _session_changed(self) -> None:
        for w in (self.state, self.deadline, self.klass, self.source, self.street):
            w.blockSignals(True)
            w.setCurrentIndex(0)
            w.blockSignals(False)
        self.open_only.blockSignals(True)
        self.open_only.setChecked(True)
        self.open_only.blockSignals(False)
        self.use_since.blockSignals(True)
        self.use_since.setChecked(False)
        self.use_since.blockSignals(False)
        self.apply()

    def refresh_rows(self) -> None:
        """The model's cases again, in the list's order, keeping the picked case picked."""
        idx = np.flatnonzero(self.app.mask)
        rows = cf.sort(self.app.data.cases, idx, self.sort_key, self.descending)
        self.model.set_rows(rows)
        if not self._sized and len(rows):
            self.table.resizeColumnsToContents()  # Qt samples the first rows only
            self._sized = True
        self._update_counts()
        if self.app.current_case is not None:
            self.select_case_id(self.app.current_case)

    def shown_ids(self) -> list[int]:
        """Case ids as the list shows them, in its order (for an export)."""
        return [int(i) for i in self.app.data.cases.id[self.model.rows]]

    def describe(self) -> str:
        """The filter in words, for an export's header."""
        parts = []
        for label, combo in ((tr("状态"), self.state), (tr("时限"), self.deadline),
                             (tr("类别"), self.klass), (tr("来源"), self.source),
                             (tr("街道"), self.street)):
            if combo.currentData() is not None:
                parts.append(f"{label}={combo.currentText()}")
        if self.open_only.isChecked():
            parts.append(tr("仅在办案件"))
        if self.use_since.isChecked():
            parts.append(f"{tr('上报起')} {self.since.date().toString('yyyy-MM-dd')}")
        if self.app.drill_label:
            parts.append(tr("来自分析：{what}", what=self.app.drill_label))
        if not self.app.session.sees_everything:
            parts.append(tr("{u} 的责任范围", u=self.app.session.person.name))
        return "；".join(parts) or tr("全部案件")

    def _update_counts(self) -> None:
        mask = self.app.mask
        dc = cf.deadline_counts(self.app.data.cases, mask, self.app.now)
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
            i = int(self.model.rows[current.row()])
            if self.app.current_case != int(self.app.data.cases.id[i]):
                self.app.select_case(i)

    def select_case_id(self, case_id: int | None) -> None:
        """Show a case picked elsewhere (the map, a search) as picked here, if listed."""
        if case_id is None:
            self.table.selectionModel().blockSignals(True)
            self.table.clearSelection()
            self.table.selectionModel().blockSignals(False)
            return
        k = self.app.index_of(case_id)
        if k >= 0:
            self.select_case(k)

    def select_case(self, case_index: int) -> None:
        """Select a listed case (scrolls it into view)."""
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
