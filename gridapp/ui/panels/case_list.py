"""The case list dock: a virtual table over the case arrays, filters, chips, counts, selection.

It takes the application model: its filter widgets set the model's filter (several choices
per filter), every active filter shows as a removable chip above the list, and the list shows
the model's cases again whenever the data, the filter or the user changes. Columns can be
shown, hidden and reordered; the window keeps that arrangement.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...app import case_filter as cf
from ...app.map_data import EPOCH, HANDLING, NO_TIME, SOURCES, STATES, seconds
from .. import labels, theme
from ..i18n import follow_language, tr
from ..widgets import Chips, MultiSelect

COLUMNS = [("number", "案卷号"), ("reported", "上报时间"), ("klass", "问题类别"),
           ("state", "状态"), ("due", "时限状态"), ("deadline", "处置时限"),
           ("unit", "责任单位"), ("address", "地址"), ("source", "来源"), ("street", "街道")]
HIDDEN_AT_FIRST = ("source",)
SORT_KEY = {"number": "id", "reported": "reported", "klass": "klass", "state": "state",
            "due": "deadline", "deadline": "deadline", "source": "source", "street": "street",
            "unit": "department", "address": "id"}
DEADLINES = [("overdue", "超期"), ("warning", "预警"), ("due", "超期或预警")]


class CaseTableModel(QAbstractTableModel):
    """Rows are indices into the case arrays; nothing is copied per row (addresses are read
    for the rows in view only)."""

    def __init__(self, app) -> None:
        super().__init__()
        self.app = app
        self.rows = np.zeros(0, np.int64)
        self._wanted: set[int] = set()
        self._fetch = QTimer(singleShot=True, interval=30)
        self._fetch.timeout.connect(self._read_addresses)

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
        app = self.app
        data = app.data
        c = data.cases
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "number":
                return c.number(i)
            if key == "reported":
                return labels.when(c.reported[i])
            if key == "klass":
                k = int(c.klass[i])
                return str(data.class_names[k]) if k >= 0 else ""
            if key == "state":
                return labels.state(int(c.state[i]))
            if key == "due":
                return {"over": tr("超期"), "warn": tr("预警"), "ok": tr("正常")}.get(
                    _flag(c, i, app.now), "")
            if key == "deadline":
                return labels.when(c.deadline[i]) if HANDLING[c.state[i]] else ""
            if key == "unit":
                return app.unit_name(int(c.department[i]), int(c.person[i]))
            if key == "address":
                text = app.address(int(c.id[i]))
                if text is None:
                    self._wanted.add(int(c.id[i]))
                    self._fetch.start()
                    return "…"
                return text
            if key == "source":
                return labels.source(int(c.source[i]))
            if key == "street":
                s = int(c.street[i])
                return str(data.street_names[s]) if s >= 0 else ""
        if role == Qt.ItemDataRole.ForegroundRole and key in ("deadline", "state", "due"):
            flag = _flag(c, i, app.now)
            if flag in ("over", "warn"):
                return QBrush(QColor(theme.OVERDUE if flag == "over" else theme.WARNING))
        if role == Qt.ItemDataRole.UserRole:
            return i
        return None

    def _read_addresses(self) -> None:
        wanted, self._wanted = self._wanted, set()
        self.app.read_addresses(wanted)
        col = [k for k, _ in COLUMNS].index("address")
        if len(self.rows):
            self.dataChanged.emit(self.index(0, col), self.index(len(self.rows) - 1, col))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)


def _flag(c, i: int, now: int) -> str:
    if not HANDLING[c.state[i]] or c.deadline[i] == NO_TIME:
        return ""
    if c.deadline[i] < now:
        return "over"
    if c.warning[i] != NO_TIME and c.warning[i] <= now:
        return "warn"
    return "ok"


class CaseListPanel(QWidget):
    """Filters on top, active filters as chips, the table, counts below; picking a row picks
    the case in the model."""

    def __init__(self, app, parent=None) -> None:
        super().__init__(parent)
        self.app = app
        self.model = CaseTableModel(app)
        self.sort_key, self.descending = "id", True
        self._sized = False
        self._syncing = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        self.state, self.klass = MultiSelect(), MultiSelect()
        self.source, self.street = MultiSelect(), MultiSelect()
        for w, name in ((self.state, "filter_state"), (self.klass, "filter_class"),
                        (self.source, "filter_source"), (self.street, "filter_street")):
            w.setObjectName(name)
            w.changed.connect(self.apply)
        self.deadline = QComboBox()
        self.deadline.setObjectName("filter_deadline")
        self.open_only = QCheckBox()
        self.open_only.setChecked(True)
        self.unplaced = QCheckBox()  # 待定位: tickets whose address gave no point
        self.unplaced.setObjectName("filter_unplaced")
        self.since = QDateEdit(calendarPopup=True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.use_since = QCheckBox()
        for w in (self.state, self.deadline, self.klass, self.open_only):
            row1.addWidget(w)
        row1.addStretch(1)
        for w in (self.source, self.street, self.unplaced, self.use_since, self.since):
            row2.addWidget(w)
        row2.addStretch(1)
        lay.addLayout(row1)
        lay.addLayout(row2)
        self.chips = Chips()
        self.chips.removed.connect(self.remove_filter)
        lay.addWidget(self.chips)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsMovable(True)
        header.sectionClicked.connect(self._sort_by)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._columns_menu)
        for k, _ in COLUMNS:
            if k in HIDDEN_AT_FIRST:
                header.hideSection([c for c, _ in COLUMNS].index(k))
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        lay.addWidget(self.table, 1)
        self.counts = QLabel()
        self.counts.setObjectName("case_counts")
        lay.addWidget(self.counts)
        self.deadline.currentIndexChanged.connect(self.apply)
        self.open_only.toggled.connect(self.apply)
        self.unplaced.toggled.connect(self.apply)
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

    # ---- labels ----------------------------------------------------------------------------
    def retranslate(self, resize: bool = True) -> None:
        """Every label in the current language; `resize=False` keeps the columns' widths
        (sizing them asks a thousand rows for their text: not on every place edit)."""
        self.open_only.setText(tr("仅在办案件"))
        self.unplaced.setText(tr("仅待定位"))
        self.use_since.setText(tr("上报起"))
        d = self.app.data
        self.state.set_items(tr("状态"), tr("全部状态"),
                             [(i, labels.state(s)) for i, s in enumerate(STATES)])
        self.klass.set_items(tr("类别"), tr("全部类别"),
                             [(i, f"{d.classes[i]} {d.class_names[i]}")
                              for i in range(len(d.classes))])
        self.source.set_items(tr("来源"), tr("全部来源"),
                              [(i, labels.source(s)) for i, s in enumerate(SOURCES)])
        self.street.set_items(tr("街道"), tr("全部街道"),
                              [(i, str(n)) for i, n in enumerate(d.street_names)])
        current = self.deadline.currentData()
        self.deadline.blockSignals(True)
        self.deadline.clear()
        self.deadline.addItem(tr("全部时限"), None)
        for value, text in DEADLINES:
            self.deadline.addItem(tr(text), value)
        self.deadline.setCurrentIndex(max(self.deadline.findData(current), 0))
        self.deadline.blockSignals(False)
        self.model.retranslate()
        if not resize:
            self._update_counts()
            self._show_chips()
            return
        self._sized = False  # English labels are wider: size the columns again
        if self.model.rowCount():
            self.table.resizeColumnsToContents()
            self._sized = True
        self._update_counts()
        self._show_chips()

    # ---- the filter --------------------------------------------------------------------------
    def current_filter(self) -> cf.CaseFilter:
        """What the filter widgets ask for (the model adds the user's scope and any drill)."""
        f = cf.CaseFilter(states=frozenset(self.state.selected()),
                          classes=frozenset(self.klass.selected()),
                          sources=frozenset(self.source.selected()),
                          streets=frozenset(self.street.selected()),
                          open_only=self.open_only.isChecked(),
                          unplaced=self.unplaced.isChecked(),
                          deadline=self.deadline.currentData())
        if self.use_since.isChecked():
            from datetime import datetime
            d = self.since.date()
            f = f.with_(reported_from=seconds(datetime(d.year(), d.month(), d.day())))
        return f

    def apply(self, *_args) -> None:
        if not self._syncing:
            self.app.set_user_filter(self.current_filter())

    def _sync_widgets(self, f: cf.CaseFilter) -> None:
        """The widgets as the model's filter says (it was changed elsewhere: a search that
        lifted filters, another user)."""
        self._syncing = True
        try:
            self.state.set_selected(f.states)
            self.klass.set_selected(f.classes)
            self.source.set_selected(f.sources)
            self.street.set_selected(f.streets)
            self.deadline.setCurrentIndex(max(self.deadline.findData(f.deadline), 0))
            self.open_only.setChecked(f.open_only)
            self.unplaced.setChecked(f.unplaced)
            self.use_since.setChecked(f.reported_from is not None)
            if f.reported_from is not None:
                day = (EPOCH + np.timedelta64(int(f.reported_from), "s")).astype("M8[D]")
                y, m, dd = (int(x) for x in str(day).split("-"))
                self.since.setDate(QDate(y, m, dd))
        finally:
            self._syncing = False

    def _filter_changed(self, _f) -> None:
        if self.app.user_filter != self.current_filter():
            self._sync_widgets(self.app.user_filter)
        self._show_chips()
        self.refresh_rows()

    def chips_of(self) -> list[tuple[str, str]]:
        """(key, text) of every active filter."""
        out = []
        for key, label, w in (("states", "状态", self.state), ("classes", "类别", self.klass),
                              ("sources", "来源", self.source), ("streets", "街道", self.street)):
            if w.selected():
                out.append((key, tr("{label}：{value}", label=tr(label),
                                    value=tr("、").join(w.texts()))))
        if self.deadline.currentData():
            out.append(("deadline", tr("{label}：{value}", label=tr("时限"),
                                       value=self.deadline.currentText())))
        if self.open_only.isChecked():
            out.append(("open_only", tr("仅在办案件")))
        if self.unplaced.isChecked():
            out.append(("unplaced", tr("待定位")))
        if self.use_since.isChecked():
            out.append(("since", f"{tr('上报起')} {self.since.date().toString('yyyy-MM-dd')}"))
        if self.app.drill_label:
            out.append(("drill", tr("来自分析：{what}", what=self.app.drill_label)))
        return out

    def _show_chips(self) -> None:
        self.chips.set_chips(self.chips_of())

    def remove_filter(self, key: str) -> None:
        """A chip's ✕: that filter goes, the others stay."""
        if key == "drill":
            self.app.set_drill("", {})
            return
        f = self.app.user_filter
        changes = {"states": frozenset(), "classes": frozenset(), "sources": frozenset(),
                   "streets": frozenset(), "deadline": None, "open_only": False,
                   "unplaced": False,
                   "since": None}
        f = f.with_(reported_from=None) if key == "since" else f.with_(**{key: changes[key]})
        self.app.set_user_filter(f)

    def _data_changed(self, changes) -> None:
        if changes.places or changes.tables & {"catalog_classes", "catalog_versions"}:
            self.retranslate(resize=False)  # street or class names to choose from changed
        self.refresh_rows()

    def _session_changed(self) -> None:
        self._sync_widgets(self.app.user_filter)
        self._show_chips()
        self.refresh_rows()

    # ---- rows ------------------------------------------------------------------------------
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
        """The filter in words, for an export's header and a printed map."""
        parts = [text for _key, text in self.chips_of()]
        if not self.app.session.sees_everything:
            parts.append(tr("{u} 的责任范围", u=self.app.session.person.name))
        return tr("；").join(parts) or tr("全部案件")

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

    def _columns_menu(self, pos) -> None:
        """Right click on the header: show or hide each column (drag a header to reorder)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for i, (_key, label) in enumerate(COLUMNS):
            a = menu.addAction(tr(label))
            a.setCheckable(True)
            a.setChecked(not header.isSectionHidden(i))
            a.toggled.connect(lambda on, col=i: header.setSectionHidden(col, not on))
        menu.exec(header.mapToGlobal(pos))

    def header_state(self):
        return self.table.horizontalHeader().saveState()

    def restore_header(self, state) -> None:
        if state:
            self.table.horizontalHeader().restoreState(state)

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
