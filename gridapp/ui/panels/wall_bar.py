"""大屏模式's headline: today's figures for the command room's wall display, large."""

from __future__ import annotations

from datetime import datetime

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ...app.map_data import OPEN, seconds
from .. import theme
from ..i18n import follow_language, tr


class WallBar(QWidget):
    """今日上报 · 在办 · 超期 · 预警 · 今日结案, and when the figures were read."""

    def __init__(self, app, parent=None) -> None:
        super().__init__(parent)
        self.app = app
        self.setObjectName("wall_bar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        self.title = QLabel()
        self.title.setObjectName("wall_title")
        lay.addWidget(self.title)
        lay.addStretch(1)
        self.figures: dict[str, QLabel] = {}
        for key in ("reported", "open", "overdue", "warning", "closed"):
            label = QLabel()
            label.setObjectName(f"wall_{key}")
            label.setTextFormat(Qt.TextFormat.RichText)
            self.figures[key] = label
            lay.addWidget(label)
            lay.addSpacing(24)
        self.clock = QLabel()
        lay.addWidget(self.clock)
        for signal in (app.data_changed, app.clock_changed, app.session_changed):
            signal.connect(lambda *_: self.refresh())
        follow_language(self, self.refresh)
        self.refresh()

    def counts(self) -> dict[str, int]:
        """Today's figures of the cases this user may see."""
        app = self.app
        c, d = app.data.cases, app.derived
        now = app.clock()
        midnight = seconds(datetime(now.year, now.month, now.day))
        scope = d.access_mask
        return {"reported": int((scope & (c.reported >= midnight)).sum()),
                "open": int((scope & OPEN[c.state]).sum()),
                "overdue": int((scope & d.overdue).sum()),
                "warning": int((scope & d.warned).sum()),
                "closed": int((scope & (c.closed >= midnight) & (c.closed != np.iinfo(
                    np.int64).min)).sum())}

    def refresh(self) -> None:
        if not self.isVisible() and self.parent() is not None:
            return
        names = {"reported": "今日上报", "open": "在办", "overdue": "超期", "warning": "预警",
                 "closed": "今日结案"}
        colors = {"overdue": theme.OVERDUE, "warning": theme.WARNING}
        n = self.counts()
        for key, label in self.figures.items():
            color = colors.get(key, "#1f3b63")
            label.setText(f"<span style='font-size:13pt'>{tr(names[key])}</span> "
                          f"<span style='font-size:26pt;font-weight:bold;color:{color}'>"
                          f"{n[key]:,}</span>")
        self.title.setText(f"<span style='font-size:18pt;font-weight:bold'>"
                           f"{tr('城市网格化管理一张图')}</span>")
        self.clock.setText(tr("数据更新于 {t}", t=self.app.clock().strftime("%H:%M")))
