"""待办: what waits for the logged-in user, grouped by what waits, most urgent first; a click
opens the case, so a day's work never starts by typing a case number."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app.map_data import NO_TIME
from .. import labels, theme
from ..i18n import follow_language, tr

SHOWN = 200  # rows per group: the rest are counted (the list's filters find them all)


def remaining(deadline: int, now: int) -> str:
    """"超期 2天3小时" / "剩 5小时" in calendar time (the deadline itself is in working time)."""
    if deadline == NO_TIME:
        return ""
    left = int(deadline) - int(now)
    days, rest = divmod(abs(left), 86_400)
    hours = rest // 3600
    span = tr("{d}天{h}小时", d=days, h=hours) if days else tr("{h}小时", h=max(hours, 0)) \
        if hours else tr("{m}分钟", m=max(rest // 60, 1))
    return tr("超期 {t}", t=span) if left < 0 else tr("剩 {t}", t=span)


class TodoPanel(QWidget):
    """The user's to-do; the window puts its count in the title and tells of news."""

    def __init__(self, app, parent=None) -> None:
        super().__init__(parent)
        self.app = app
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setObjectName("todo_summary")
        lay.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setObjectName("todo_tree")
        self.tree.setColumnCount(4)
        self.tree.setUniformRowHeights(True)
        # in a narrow dock the class gives way (elided, whole in its tooltip): number, time
        # left and state always show
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        for col, mode in enumerate((fit, stretch, fit, fit)):
            header.setSectionResizeMode(col, mode)
        self.tree.itemClicked.connect(self._open)
        self.tree.itemActivated.connect(self._open)
        lay.addWidget(self.tree, 1)
        self._expanded: dict[str, bool] = {}
        app.todo_changed.connect(lambda *_: self.refresh())
        app.clock_changed.connect(lambda *_: self.refresh())
        follow_language(self, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        app = self.app
        todo, cases, now = app.todo, app.data.cases, app.now
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            self._expanded[item.data(0, Qt.ItemDataRole.UserRole)] = item.isExpanded()
        self.tree.clear()
        self.tree.setHeaderLabels([tr("案卷号"), tr("问题类别"), tr("时限"), tr("状态")])
        if not todo.groups:
            self.summary.setText(tr("暂无待办"))
            return
        self.summary.setText(tr("待办 {n} 件，其中超期或预警 {d} 件", n=todo.total,
                                d=len(todo.due_ids)))
        bold = QFont()
        bold.setBold(True)
        over, warn = cases.due(now)
        for group, idx in todo.groups:
            head = QTreeWidgetItem([tr("{what}（{n}）", what=tr(group.label_zh), n=len(idx))])
            head.setData(0, Qt.ItemDataRole.UserRole, group.key)
            head.setFont(0, bold)
            head.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(head)
            for k in idx[:SHOWN]:
                k = int(k)
                row = QTreeWidgetItem([
                    cases.number(k), str(app.data.class_names[cases.klass[k]]),
                    remaining(int(cases.deadline[k]), now), labels.state(int(cases.state[k]))])
                row.setData(0, Qt.ItemDataRole.UserRole, int(cases.id[k]))
                row.setToolTip(1, row.text(1))
                if over[k] or warn[k]:
                    colour = QBrush(QColor(theme.OVERDUE if over[k] else theme.WARNING))
                    row.setForeground(2, colour)
                head.addChild(row)
            if len(idx) > SHOWN:
                more = QTreeWidgetItem([tr("… 另有 {n} 件", n=len(idx) - SHOWN)])
                more.setFirstColumnSpanned(True)
                head.addChild(more)
            head.setExpanded(self._expanded.get(group.key, True))

    def _open(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if item.parent() is None or not isinstance(case_id, int):
            return
        k = self.app.index_of(case_id)
        if k >= 0:
            self.window().select_case(k)
