"""The class box: type a name (暴露垃圾), pinyin (blj, baolu) or a code (E0102) and choose
from the ranked list; the headless matcher (app/class_search.py) does the finding."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from ..app.class_search import ClassMatcher, matcher_for
from .i18n import tr


class ClassPicker(QComboBox):
    """An editable combo of the catalog's active classes; `code()` is the class chosen."""

    def __init__(self, catalog, current: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.matcher: ClassMatcher = matcher_for(catalog)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        for e in self.matcher.entries:
            self.addItem(e.display, e.code)
        self.lineEdit().setPlaceholderText(tr("输入名称、拼音首字母或编码，如 暴露垃圾 / blj / E0102"))
        self._hits = QStringListModel(self)
        self.finder = QCompleter(self._hits, self)
        # the matcher has ranked and filtered already: show its list as it is
        self.finder.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.finder.setMaxVisibleItems(12)
        self.finder.setWidget(self.lineEdit())
        self.finder.activated[str].connect(self.choose_display)
        self.lineEdit().textEdited.connect(self._typed)
        self.lineEdit().editingFinished.connect(self._finished)
        self.set_code(current)

    def _typed(self, text: str) -> None:
        hits = self.matcher.search(text, limit=20) if text.strip() else []
        self._hits.setStringList([e.display for e in hits])
        if hits:
            self.finder.complete()
        else:
            self.finder.popup().hide()

    def hits(self) -> list[str]:
        """What the list under the box offers now (display lines, best first)."""
        return self._hits.stringList()

    def choose_display(self, display: str) -> None:
        e = self.matcher.resolve(display)
        if e is not None:
            self.set_code(e.code)

    def _finished(self) -> None:
        """Enter or leaving the box: a text that names one class chooses it."""
        e = self.matcher.resolve(self.currentText())
        if e is not None and e.code != self.currentData():
            self.set_code(e.code)

    def set_code(self, code: str | None) -> None:
        k = self.findData(code) if code else -1
        self.setCurrentIndex(k)
        if k < 0:
            self.setEditText("")

    def code(self) -> str | None:
        """The class chosen, or the one the typed text names unambiguously, or None."""
        text = self.currentText().strip()
        if self.currentIndex() >= 0 and text == self.itemText(self.currentIndex()):
            return self.currentData()
        e = self.matcher.resolve(text)
        return e.code if e is not None else None
