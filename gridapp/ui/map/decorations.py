"""Scale bar, north arrow and legend: drawn on the map and on printed maps alike."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ...app.map_data import ROAD_CLASSES, STATES
from ...app.viewport import Viewport, nice_length
from ...domain.case import CaseState
from ...domain.places import RoadClass
from .. import theme
from ..i18n import tr
from .snapshot import thematic_colors


def _fmt(m: float) -> str:
    return f"{m / 1000:g} km" if m >= 1000 else f"{m:g} m"


def draw_scale_bar(p: QPainter, vp: Viewport, x: float, y: float, max_px: float = 160) -> None:
    length = nice_length(max_px * vp.res)
    if length <= 0:
        return
    w = length / vp.res
    p.setPen(QPen(QColor(30, 30, 30), 2))
    p.setBrush(QColor(255, 255, 255, 200))
    p.drawRect(QRectF(x - 6, y - 20, w + 12, 28))
    p.setPen(QPen(QColor(20, 20, 20), 3))
    p.drawLine(QPointF(x, y), QPointF(x + w, y))
    p.drawLine(QPointF(x, y - 6), QPointF(x, y + 2))
    p.drawLine(QPointF(x + w, y - 6), QPointF(x + w, y + 2))
    font = QFont()
    font.setPixelSize(12)
    p.setFont(font)
    p.drawText(QRectF(x, y - 20, w, 14), Qt.AlignmentFlag.AlignCenter, _fmt(length))


def draw_north_arrow(p: QPainter, x: float, y: float, size: float = 28) -> None:
    path = QPainterPath()
    path.moveTo(x, y - size / 2)
    path.lineTo(x + size / 3, y + size / 2)
    path.lineTo(x, y + size / 4)
    path.lineTo(x - size / 3, y + size / 2)
    path.closeSubpath()
    p.setPen(QPen(QColor(20, 20, 20), 1.5))
    p.setBrush(QColor(40, 40, 40))
    p.drawPath(path)
    font = QFont()
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(x - 10, y - size / 2 - 18, 20, 16), Qt.AlignmentFlag.AlignCenter, "N")


def legend_items(layers, thematic=None, states=None,
                 components=None) -> list[tuple[str, str, str]]:
    """(kind, colour, label) for the visible layers: kind is fill, line or point.

    `states`, when given, limits the case states to those on the map (twelve rows of states
    nobody sees would push the rest of the legend off the screen); `components`, when given,
    are the (class code, name) of the component classes on the map, each with its own symbol.
    """
    items: list[tuple[str, str, str]] = []
    visible = {layer.key: layer for layer in layers.layers if layer.visible}
    if "cases" in visible:
        for s in STATES:
            if states is None or s in states:
                items.append(("point", theme.STATE_COLORS[s], tr(CaseState(s).label_zh)))
        items.append(("ring", theme.OVERDUE, tr("超期")))
        items.append(("ring", theme.WARNING, tr("预警")))
    if "segments" in visible:
        for c in reversed(ROAD_CLASSES):
            items.append(("line", theme.ROAD_COLORS[c], tr(RoadClass(c).label_zh)))
    if "components" in visible and components:
        for code, name in components:
            items.append(("point", theme.component_color(code), name))
    if "streets" in visible:
        items.append(("line", theme.STREET_OUTLINE, tr("街道界")))
    if "communities" in visible:
        items.append(("line", theme.COMMUNITY_OUTLINE, tr("社区界")))
    if "cells" in visible:
        if thematic is not None and visible["cells"].style == "indicator":
            items.append(("title", "", thematic.title))
            colors = thematic_colors(thematic)
            for color, label in zip(colors.tolist(), thematic.labels(), strict=True):
                items.append(("fill", QColor.fromRgba(color).name(), label))
        else:
            items.append(("fill", theme.PASTEL[0], tr("单元网格")))
    if "heatmap" in visible:
        items.append(("fill", "#f46d43", tr("热点")))
    return items


def legend_width(items, title: str | None = None) -> float:
    """Wide enough for the longest row (a thematic title can be long), at least 150 px."""
    font = QFont()
    font.setPixelSize(12)
    font.setBold(True)
    fm = QFontMetricsF(font)
    texts = [label for _k, _c, label in items] + ([title] if title else [])
    return max([150.0] + [fm.horizontalAdvance(t) + 44 for t in texts])


def draw_legend(p: QPainter, items, x: float, y: float, title: str | None = None) -> QRectF:
    """The legend box with its top-left at (x, y); see legend_width for where to put it."""
    font = QFont()
    font.setPixelSize(12)
    p.setFont(font)
    row = 18
    width = legend_width(items, title)
    height = row * (len(items) + (1 if title else 0)) + 10
    box = QRectF(x, y, width, height)
    p.setPen(QPen(QColor(120, 120, 120), 1))
    p.setBrush(QColor(255, 255, 255, 225))
    p.drawRect(box)
    bold = QFont(font)
    bold.setBold(True)

    def heading(text: str, top: float) -> None:
        p.setFont(bold)
        p.setPen(QColor(20, 20, 20))
        p.drawText(QRectF(x + 8, top, width - 12, row), Qt.AlignmentFlag.AlignVCenter, text)
        p.setFont(font)
    cy = y + 6
    if title:
        heading(title, cy)
        cy += row
    for kind, color, label in items:
        c = QColor(color)
        mid = cy + row / 2
        if kind == "title":  # a group's heading inside the legend (a thematic map's name)
            heading(label, cy)
            cy += row
            continue
        if kind == "point":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(c)
            p.drawEllipse(QPointF(x + 16, mid), 4, 4)
        elif kind == "ring":
            p.setPen(QPen(c, 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x + 16, mid), 5, 5)
        elif kind == "line":
            p.setPen(QPen(c, 3))
            p.drawLine(QPointF(x + 8, mid), QPointF(x + 24, mid))
        else:
            p.setPen(QPen(QColor(90, 90, 90), 1))
            p.setBrush(c)
            p.drawRect(QRectF(x + 8, mid - 5, 16, 10))
        p.setPen(QColor(20, 20, 20))
        p.drawText(QRectF(x + 32, cy, width - 36, row), Qt.AlignmentFlag.AlignVCenter, label)
        cy += row
    return box
