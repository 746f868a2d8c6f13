"""Scale bar, north arrow and legend: drawn on the map and on printed maps alike."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ...app.map_data import ROAD_CLASSES, STATES
from ...app.patrol_layers import STATUSES
from ...app.viewport import Viewport, nice_length
from ...domain.case import CaseState
from ...domain.places import RoadClass
from .. import theme
from ..i18n import tr
from ..patrol_layers import STATUS_NAMES
from .renderers import COMPONENTS_MAX_RES, components_drawn
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


def _track_rows(tracks) -> list[tuple[str, str, str]]:
    """One row per person of the day shown, in his colour; the day itself first."""
    if tracks is None:
        return [("line", theme.STRONG[0], tr("每人一色"))]
    rows = [("line", theme.STRONG[i % len(theme.STRONG)], tracks.names.get(p, str(p)))
            for i, p in enumerate(tracks.people)]
    return [("title", "", tracks.day.isoformat() if rows else
             tr("{d} 无巡查记录", d=tracks.day.isoformat()))] + rows


LEGEND_ROWS = 12  # rows of one layer before the rest are summed up as "… and N more"


def legend_items(layers, data=None, mask=None, thematic=None, own: bool = False,
                 tracks=None, viewport: Viewport | None = None) -> list[tuple[str, str, str]]:
    """(kind, colour, label) for every visible layer in the order drawn (top first), each
    under its layer's name and in its current style: kind is title, fill, line, point or
    ring. With `data` (and the cases `mask` shown), only what is on the map is listed;
    `tracks` (a DayTracks) names the people of the track layer's day; at a `viewport` where
    a layer is not drawn (components from afar) its legend says to zoom in instead."""
    from ...domain.case import Source
    names = {"cases": "案件", "heatmap": "热点", "components": "部件", "mine": "我的责任区",
             "tracks": "巡查轨迹",
             "segments": "路长责任段", "streets": "街道", "communities": "社区",
             "cells": "单元网格", "basemap": "底图"}
    items: list[tuple[str, str, str]] = []

    def group(key: str, rows: list[tuple[str, str, str]]) -> None:
        if not rows:
            return
        more = len(rows) - LEGEND_ROWS
        if more > 1:
            rows = rows[:LEGEND_ROWS] + [("fill", "#ffffff", tr("… 另有 {n} 项", n=more))]
        items.append(("title", "", tr(names[key])))
        items.extend(rows)
    cases = data.cases if data is not None else None
    shown = mask if mask is not None else (np.ones(len(cases), bool) if cases is not None
                                           else None)
    for layer in reversed(layers.layers):
        if not layer.visible:
            continue
        key, style, rows = layer.key, layer.style, []
        if key == "cases":
            if style == "class" and cases is not None:
                k, n = np.unique(cases.klass[shown], return_counts=True)
                for i in k[np.argsort(-n)]:
                    if 0 <= i < len(data.classes):
                        rows.append(("point", theme.STRONG[int(i) % len(theme.STRONG)],
                                     str(data.class_names[i])))
            elif style == "source" and cases is not None:
                for i in np.unique(cases.source[shown]):
                    rows.append(("point", theme.STRONG[int(i) % len(theme.STRONG)],
                                 tr(list(Source)[int(i)].label_zh)))
            else:
                present = set(np.unique(cases.state[shown]).tolist()) if cases is not None \
                    else set(range(len(STATES)))
                rows = [("point", theme.STATE_COLORS[s], tr(CaseState(s).label_zh))
                        for i, s in enumerate(STATES) if i in present]
            rows += [("ring", theme.OVERDUE, tr("超期")), ("ring", theme.WARNING, tr("预警"))]
        elif key == "heatmap":
            rows = [("fill", theme.HEAT_RAMP[-1], tr("案件密集")),
                    ("fill", theme.HEAT_RAMP[1], tr("案件稀少"))]
        elif key == "components" and viewport is not None and not components_drawn(viewport):
            rows = [("title", "", tr("放大到 1:{n} 以内显示",
                                     n=f"{Viewport.scale_for(COMPONENTS_MAX_RES):,.0f}"))]
        elif key == "components" and data is not None:
            for k in np.unique(data.components_class):
                if 0 <= k < len(data.classes):
                    code = str(data.classes[k])
                    rows.append(("square", theme.component_color(code),
                                 str(data.class_names[k])))
        elif key == "mine" and own:
            rows = [("line", "#0057d9", tr("我的路段或网格"))]
        elif key == "tracks":
            rows = _track_rows(tracks)
        elif key == "segments":
            if style == "patrol":
                rows = [("line", theme.PATROL_COLORS[i], tr(STATUS_NAMES[s]))
                        for i, s in enumerate(STATUSES)]
            elif style == "chief":
                rows = [("line", theme.STRONG[0], tr("按路长着色（每人一色）")),
                        ("line", theme.NO_CHIEF, tr("未分配路长"))]
            else:
                rows = [("line", theme.ROAD_COLORS[c], tr(RoadClass(c).label_zh))
                        for c in reversed(ROAD_CLASSES)]
        elif key == "streets":
            rows = [("line", theme.STREET_OUTLINE, tr("街道界"))]
        elif key == "communities":
            rows = [("line", theme.COMMUNITY_OUTLINE, tr("社区界"))]
        elif key == "cells":
            if thematic is not None and style == "indicator":
                rows = [("title", "", thematic.title)]
                colors = thematic_colors(thematic)
                rows += [("fill", QColor.fromRgba(c).name(), label)
                         for c, label in zip(colors.tolist(), thematic.labels(), strict=True)]
            elif style == "street" and data is not None:
                rows = [("fill", theme.PASTEL[i % len(theme.PASTEL)], str(n))
                        for i, n in enumerate(data.street_names)]
            elif style in ("cases", "overdue"):
                label = tr("案件数") if style == "cases" else tr("超期案件数")
                rows = [("fill", theme.COUNT_RAMP[-1], label + tr("多")),
                        ("fill", theme.COUNT_RAMP[0], label + tr("少"))]
            elif style == "outline":
                rows = [("line", theme.CELL_OUTLINE, tr("单元网格"))]
            else:
                rows = [("fill", theme.PASTEL[0], tr("单元网格"))]
        group(key, rows)
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
        elif kind == "square":
            p.setPen(QPen(QColor(60, 60, 60), 1))
            p.setBrush(c)
            p.drawRect(QRectF(x + 12, mid - 4, 8, 8))
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
