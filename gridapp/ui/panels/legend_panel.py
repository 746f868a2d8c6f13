"""图例 beside the map, never on it: every visible layer in its current style, compact, and
folded away with one click."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QScrollArea, QToolButton, QVBoxLayout, QWidget

from ..i18n import follow_language, tr

ROW = 17


class LegendView(QWidget):
    """Paints legend rows (kind, colour, label) as a compact list."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, str, str]] = []

    def set_items(self, items) -> None:
        self.items = list(items)
        self.setMinimumHeight(ROW * len(self.items) + 8)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(180, ROW * len(self.items) + 8)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        font = QFont(self.font())
        font.setPixelSize(12)
        bold = QFont(font)
        bold.setBold(True)
        y = 4
        for kind, color, label in self.items:
            mid = y + ROW / 2
            c = QColor(color) if color else QColor(0, 0, 0)
            if kind == "title":
                p.setFont(bold)
                p.setPen(QColor(30, 30, 30))
                p.drawText(QRectF(4, y, self.width() - 8, ROW), Qt.AlignmentFlag.AlignVCenter,
                           label)
                y += ROW
                continue
            p.setFont(font)
            if kind in ("point", "ring"):
                p.setPen(QPen(c, 3) if kind == "ring" else Qt.PenStyle.NoPen)
                p.setBrush(Qt.BrushStyle.NoBrush if kind == "ring" else c)
                p.drawEllipse(QPointF(18, mid), 4.5 if kind == "ring" else 4, 4.5 if
                              kind == "ring" else 4)
            elif kind == "line":
                p.setPen(QPen(c, 3))
                p.drawLine(QPointF(10, mid), QPointF(26, mid))
            else:
                p.setPen(QPen(QColor(110, 110, 110), 1))
                p.setBrush(c)
                side = 8 if kind == "square" else 10
                p.drawRect(QRectF(18 - side / 2 - (0 if kind == "square" else 3), mid - side / 2,
                                  side + (0 if kind == "square" else 6), side))
            p.setPen(QColor(25, 25, 25))
            p.drawText(QRectF(32, y, self.width() - 36, ROW), Qt.AlignmentFlag.AlignVCenter,
                       label)
            y += ROW
        p.end()


class LegendPanel(QWidget):
    """A header that folds the legend, and the legend itself (scrolls when long)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.header = QToolButton()
        self.header.setObjectName("legend_header")
        self.header.setCheckable(True)
        self.header.setChecked(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setArrowType(Qt.ArrowType.DownArrow)
        self.header.setAutoRaise(True)
        self.header.toggled.connect(self.fold)
        lay.addWidget(self.header)
        self.view = LegendView()
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.view)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        lay.addWidget(self.scroll, 1)
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.header.setText(tr("图例"))

    def fold(self, shown: bool) -> None:
        self.scroll.setVisible(shown)
        self.header.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def set_items(self, items) -> None:
        self.view.set_items(items)
