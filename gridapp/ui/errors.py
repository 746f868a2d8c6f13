"""Errors in the client: the sentence of app/messages.py in the interface's language; the
technical details (the store's own line, driver text, SQL) only behind 详细信息."""

from __future__ import annotations

from ..app import messages
from .i18n import language


def explain(exc: BaseException) -> str:
    """One or two sentences in the interface language: what went wrong, what to do."""
    return messages.explain(exc, language())


def details(exc: BaseException) -> str | None:
    """What a technician needs (driver text, SQL), never in the main text."""
    return messages.details(exc, language())


def show_error(parent, title: str, exc: BaseException) -> None:
    """The sentence in a message box; the technical details behind its 详细信息 button."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox
    more = details(exc)
    if more is None:
        QMessageBox.warning(parent, title, explain(exc))
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, explain(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    box.setDetailedText(more)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    if parent is not None:
        parent.error_box = box   # the latest, for whoever looks (tests, the soak)
