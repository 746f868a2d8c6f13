"""The search box's result list: cases, cells, roads, segments, communities, streets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QVBoxLayout

from ..i18n import tr

KINDS = {"case": "案件", "cell": "单元网格", "road": "道路", "segment": "路段",
         "community": "社区", "street": "街道"}


class SearchResults(QFrame):
    """A list under the search box; Enter or a click goes to the result, Esc closes."""

    chosen = Signal(object)  # the Hit

    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("search_results")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self.list = QListWidget()
        self.list.itemActivated.connect(self._pick)
        self.list.itemClicked.connect(self._pick)
        lay.addWidget(self.list)
        self.hits: list = []

    def show_hits(self, hits, under) -> None:
        self.hits = list(hits)
        self.list.clear()
        for hit in self.hits:
            text = f"[{tr(KINDS[hit.kind])}] {hit.label}"
            if hit.kind == "road":
                text += "   " + tr("{n} 个路段", n=hit.detail)
            elif hit.detail:
                text += f"   {hit.detail}"
            item = QListWidgetItem(text)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        width = max(under.width(), 420)
        rows = min(len(self.hits), 14)
        self.resize(width, rows * self.list.sizeHintForRow(0) + 12)
        self.move(under.mapToGlobal(QPoint(0, under.height())))
        self.show()
        self.list.setFocus()

    def _pick(self, item: QListWidgetItem) -> None:
        self.chosen.emit(self.hits[self.list.row(item)])
