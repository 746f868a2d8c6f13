"""Layers: visibility, order, opacity and style of each map layer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ...app.layers import CASE_STYLES, CELL_STYLES, ROAD_STYLES, LayerStack
from ..i18n import follow_language, tr

NAMES = {"basemap": "底图", "cells": "单元网格", "communities": "社区", "streets": "街道",
         "segments": "路长责任段", "mine": "我的责任区", "components": "部件", "heatmap": "热点",
         "tracks": "巡查轨迹", "cases": "案件"}
STYLES = {"cells": CELL_STYLES + ("indicator",), "segments": ROAD_STYLES,
          "cases": CASE_STYLES}
STYLE_NAMES = {"street": "按街道着色", "community": "按社区着色", "outline": "仅边线",
               "cases": "案件数", "overdue": "超期案件数", "indicator": "专题指标",
               "class": "按类别", "chief": "按路长", "patrol": "按巡查",
               "state": "按状态", "source": "按来源"}


class LayersPanel(QWidget):
    def __init__(self, layers: LayerStack, on_style, parent=None) -> None:
        super().__init__(parent)
        self.layers, self.on_style = layers, on_style
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.list = QListWidget()
        self.list.itemChanged.connect(self._toggled)
        self.list.currentRowChanged.connect(self._current)
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.up, self.down = QPushButton("▲"), QPushButton("▼")
        self.up.clicked.connect(lambda: self._move(1))
        self.down.clicked.connect(lambda: self._move(-1))
        row.addWidget(self.up)
        row.addWidget(self.down)
        lay.addLayout(row)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.valueChanged.connect(self._opacity)
        lay.addWidget(self.opacity)
        self.style = QComboBox()
        self.style.currentIndexChanged.connect(self._style)
        lay.addWidget(self.style)
        self.refresh()
        follow_language(self, self.refresh)

    def _key(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def refresh(self) -> None:
        key = self._key()
        self.list.blockSignals(True)
        self.list.clear()
        for layer in reversed(self.layers.layers):  # top layer first, as users expect
            item = QListWidgetItem(tr(NAMES[layer.key]))
            item.setData(Qt.ItemDataRole.UserRole, layer.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if layer.visible else
                               Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        keys = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        self.list.setCurrentRow(keys.index(key) if key in keys else 0)
        self.opacity.setToolTip(tr("不透明度"))

    def _current(self, _row: int) -> None:
        key = self._key()
        if key is None:
            return
        layer = self.layers.get(key)
        self.opacity.blockSignals(True)
        self.opacity.setValue(int(layer.opacity * 100))
        self.opacity.blockSignals(False)
        self.style.blockSignals(True)
        self.style.clear()
        for s in STYLES.get(key, ()):
            self.style.addItem(tr(STYLE_NAMES[s]), s)
        self.style.setCurrentIndex(max(self.style.findData(layer.style), 0))
        self.style.setEnabled(key in STYLES)
        self.style.blockSignals(False)

    def _toggled(self, item: QListWidgetItem) -> None:
        self.layers.update(item.data(Qt.ItemDataRole.UserRole),
                           visible=item.checkState() == Qt.CheckState.Checked)

    def _opacity(self, value: int) -> None:
        if self._key():
            self.layers.update(self._key(), opacity=value / 100)

    def _style(self, _i: int) -> None:
        key, style = self._key(), self.style.currentData()
        if key and style:
            self.layers.update(key, style=style)
            self.on_style(key)

    def _move(self, delta: int) -> None:
        if self._key():
            self.layers.move(self._key(), delta)
            self.refresh()
