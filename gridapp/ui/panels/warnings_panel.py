"""每日预警: units holding overdue or nearly overdue cases, and 督办 in one click."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.people import Role
from .. import labels
from ..i18n import follow_language, tr


class WarningsPanel(QWidget):
    case_selected = Signal(int)

    supervise_requested = Signal(object, str)  # unit, note

    def __init__(self, app, parent=None) -> None:
        super().__init__(parent)
        self.app = app
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        lay.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.itemDoubleClicked.connect(self._open)
        lay.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.supervise = QPushButton()
        self.supervise.setObjectName("supervise_unit")
        self.supervise.clicked.connect(self._supervise)
        row.addStretch(1)
        row.addWidget(self.supervise)
        lay.addLayout(row)
        self.units = []
        self._shown: tuple | None = None  # what the tree shows now (units, counts, cases)
        self.refresh()
        follow_language(self, lambda: self.refresh(force=True))
        # names of units change with the configuration, the scope with the session
        app.data_changed.connect(lambda changes: self.refresh(force=bool(changes.config)))
        app.session_changed.connect(lambda *_: self.refresh(force=True))
        app.clock_changed.connect(lambda *_: self.refresh())

    def refresh(self, force: bool = False) -> None:
        """Units holding overdue or nearly overdue cases, of this user's scope only; the tree
        is rebuilt only when they changed (most refreshes of a busy store change none)."""
        app = self.app
        units = app.warnings()
        c = app.data.cases
        shown = tuple((u.kind, u.unit_id, u.overdue, u.warning, u.oldest_deadline,
                       c.id[u.case_indices].tobytes(), c.deadline[u.case_indices].tobytes())
                      for u in units)
        self.units = units
        if shown == self._shown and not force:
            return
        self._shown = shown
        self.tree.clear()
        self.tree.setHeaderLabels([tr("责任单位"), tr("超期"), tr("预警"), tr("最早时限")])
        for unit in self.units:  # names from the model's cache: no query per unit
            name = app.unit_name(-1, unit.unit_id) + tr("（路长）") \
                if unit.kind == "road_chief" else app.unit_name(unit.unit_id, -1)
            item = QTreeWidgetItem([name, str(unit.overdue), str(unit.warning),
                                    labels.when(unit.oldest_deadline)])
            for i in unit.case_indices[:200]:
                child = QTreeWidgetItem([c.number(i), "", "", labels.when(c.deadline[i])])
                child.setData(0, 256, int(c.id[i]))  # by id: the arrays change under it
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        for col in range(4):
            self.tree.resizeColumnToContents(col)
        over = sum(u.overdue for u in self.units)
        warn = sum(u.warning for u in self.units)
        self.summary.setText(tr("今日预警：{u} 个单位，超期 {o} 件，即将超期 {w} 件",
                                u=len(self.units), o=over, w=warn))
        s = app.session
        self.supervise.setText(tr("对所选单位的超期案件督办"))
        self.supervise.setEnabled(s.has(Role.LEADER) or s.has(Role.SHIFT_LEADER))

    def _open(self, item: QTreeWidgetItem, _col: int) -> None:
        case_id = item.data(0, 256)
        if case_id is not None and (i := self.app.index_of(int(case_id))) >= 0:
            self.case_selected.emit(i)

    def _supervise(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        while item.parent() is not None:
            item = item.parent()
        unit = self.units[self.tree.indexOfTopLevelItem(item)]
        note, ok = QInputDialog.getText(self, tr("督办"), tr("督办意见："),
                                        text=tr("案件已超期，请立即办理并反馈"))
        if ok and note.strip():
            self.supervise_requested.emit(unit, note.strip())
