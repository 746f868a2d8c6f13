"""Telling the user that work arrived: a tray message (where the desktop has a tray, else the
status bar) and a sound, each switchable in the 视图 menu and remembered per workstation."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon

from ..app.map_data import Cases
from ..app.todo import News, Todo
from .i18n import tr


def app_icon() -> QIcon:
    """The grid in a rounded square: the window's and the tray's icon."""
    pix = QPixmap(64, 64)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor("#1f5fa8"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(2, 2, 60, 60, 12, 12)
    p.setPen(QColor("#ffffff"))
    for k in (22, 42):
        p.drawLine(k, 12, k, 52)
        p.drawLine(12, k, 52, k)
    p.setBrush(QColor("#f0a020"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(38, 38, 14, 14)
    p.end()
    return QIcon(pix)


def describe(news: News, todo: Todo, cases: Cases) -> tuple[str, str] | None:
    """(title, text) of a notification: what arrived, in which groups, the first case."""
    def number(case_id: int) -> str:
        return cases.number(int(np.searchsorted(cases.id, case_id)))

    if news.supervised:
        ids = sorted(news.supervised)
        return tr("收到督办"), tr("{n} 件案件被督办：{first}", n=len(ids), first=number(ids[0]))
    if news.arrived:
        ids = sorted(news.arrived)
        kinds = []
        for group, idx in todo.groups:
            n = len(news.arrived & set(cases.id[idx].tolist()))
            if n:
                kinds.append(f"{tr(group.label_zh)} {n}")
        return tr("新待办 {n} 件", n=len(ids)), "、".join(kinds) + f"：{number(ids[0])}"
    if news.due:
        ids = sorted(news.due)
        return tr("临近时限"), tr("{n} 件待办案件已预警或超期：{first}", n=len(ids),
                                  first=number(ids[0]))
    return None


class Notifier(QObject):
    def __init__(self, window: QMainWindow, settings: QSettings | None) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self.popup = self._setting("notify/popup", True)
        self.sound = self._setting("notify/sound", True)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), window)
            self.tray.activated.connect(lambda *_: (window.showNormal(), window.raise_(),
                                                    window.activateWindow()))
            self.tray.show()
        self.last: tuple[str, str] | None = None  # what was told last (tests, the soak)

    def _setting(self, key: str, default: bool) -> bool:
        if self.settings is None:
            return default
        return str(self.settings.value(key, default)).lower() in ("true", "1")

    def set_popup(self, on: bool) -> None:
        self.popup = on
        if self.settings is not None:
            self.settings.setValue("notify/popup", on)

    def set_sound(self, on: bool) -> None:
        self.sound = on
        if self.settings is not None:
            self.settings.setValue("notify/sound", on)

    def tell(self, title: str, text: str) -> None:
        self.last = (title, text)
        if self.popup:
            if self.tray is not None and self.tray.isVisible():
                self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information,
                                      10_000)
            self.window.statusBar().showMessage(tr("{label}：{value}", label=title, value=text),
                                                15_000)
        if self.sound:
            QApplication.beep()
