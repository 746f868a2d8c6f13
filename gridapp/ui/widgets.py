"""Small widgets the panels share: a multi-choice filter button and removable filter chips."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from .i18n import tr


class MultiSelect(QToolButton):
    """A filter of several choices: a button that opens a checklist; nothing ticked = all."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Fusion draws the menu arrow over the caption's last character ("全部状态" read
        # "全部状" + arrow): room for it on the right
        self.setStyleSheet("QToolButton { padding-right: 14px; }")
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.caption, self.everything = "", ""
        self._actions: dict[object, QAction] = {}

    def set_items(self, caption: str, everything: str, items) -> None:
        """(value, text) choices; the ticked values stay ticked if still offered."""
        keep = self.selected()
        self.caption, self.everything = caption, everything
        self.menu_.clear()
        self._actions = {}
        clear = self.menu_.addAction(everything)
        clear.triggered.connect(lambda: self.set_selected(set(), emit=True))
        self.menu_.addSeparator()
        for value, text in items:
            a = self.menu_.addAction(text)
            a.setCheckable(True)
            a.setChecked(value in keep)
            a.toggled.connect(lambda _on: self._toggled())
            self._actions[value] = a
        self._caption()

    def _toggled(self) -> None:
        self._caption()
        self.changed.emit()

    def _caption(self) -> None:
        chosen = [a.text() for a in self._actions.values() if a.isChecked()]
        if not chosen:
            self.setText(self.everything)
        elif len(chosen) == 1:
            self.setText(chosen[0])
        else:
            self.setText(tr("{what}（{n}）", what=self.caption, n=len(chosen)))
        self.setToolTip("、".join(chosen) or self.everything)

    def selected(self) -> set:
        return {v for v, a in self._actions.items() if a.isChecked()}

    def texts(self) -> list[str]:
        return [a.text() for a in self._actions.values() if a.isChecked()]

    def set_selected(self, values, emit: bool = False) -> None:
        for v, a in self._actions.items():
            a.blockSignals(True)
            a.setChecked(v in values)
            a.blockSignals(False)
        self._caption()
        if emit:
            self.changed.emit()


class Chips(QWidget):
    """Active filters as chips above the list: "状态：待派遣 ✕"; a click removes one."""

    removed = Signal(str)  # the chip's key

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(4)
        self.row.addStretch(1)

    def set_chips(self, chips: list[tuple[str, str]]) -> None:
        """(key, text) of every active filter, in order."""
        while self.row.count() > 1:
            w = self.row.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        for key, text in chips:
            chip = QToolButton()
            chip.setObjectName(f"chip_{key}")
            chip.setText(f"{text}  ✕")
            chip.setAutoRaise(False)
            chip.setStyleSheet("QToolButton { border: 1px solid #8aa4c8; border-radius: 9px; "
                               "background: #e8f0fb; padding: 1px 6px; }")
            chip.clicked.connect(lambda _=False, k=key: self.removed.emit(k))
            self.row.insertWidget(self.row.count() - 1, chip)
        self.setVisible(bool(chips))

    def keys(self) -> list[str]:
        return [self.row.itemAt(i).widget().objectName()[5:] for i in range(self.row.count() - 1)]
