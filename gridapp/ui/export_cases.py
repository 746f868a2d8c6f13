"""Export the cases the list shows, in its order, in a child process, saying which filter."""

from __future__ import annotations

from PySide6.QtCore import QObject

from . import offloaded
from .i18n import language, tr
from .processes import ProcessJob


def export_job(model, ids: list[int], filter_text: str, path: str) -> ProcessJob:
    """A job writing the listed cases to `path` (CSV or XLSX); its result is the count. It
    runs in its own process: writing tens of thousands of rows would otherwise hold up the
    threads that keep the window current."""
    now = model.clock()
    note = tr("筛选：{f}；共 {n} 件；{u} 导出于 {t}", f=filter_text, n=len(ids),
              u=model.session.person.name, t=now.strftime("%Y-%m-%d %H:%M"))
    return ProcessJob(offloaded.export_cases,
                      (model.store.url, list(ids), note, path, now, language()), "export")


class ExportProgress(QObject):
    """One export's answers on its progress box and the window's status bar. A child of the
    box: Qt drops the job's connections with it, so an answer of this export never reaches
    another export's box (each export has its own) nor a freed one."""

    def __init__(self, window, dialog, path: str) -> None:
        super().__init__(dialog)
        self.window, self.dialog, self.path = window, dialog, path

    def progress(self, done: int, total: int, _what: str) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)

    def finished(self, n: int) -> None:
        window, path = self.window, self.path
        self._close()
        window.statusBar().showMessage(tr("已导出 {n} 件到 {p}", n=n, p=path), 8000)

    def failed(self, exc) -> None:
        window = self.window
        self._close()
        window.explain_error(exc)

    def _close(self) -> None:
        # each cross-thread connection is its own queued call: the box is freed by the one
        # slot that uses it last, never by another connection of the same signal
        self.dialog.reset()
        self.dialog.deleteLater()
