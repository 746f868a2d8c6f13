"""The store's health as the window shows it: a store found damaged or unwritable is said in
a red line that stays (every write would be refused anyway), and a SpatiaLite store gets its
daily backup from the running client, off the UI thread."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from .i18n import tr
from .workers import Job

FIRST_BACKUP_MS = 120_000       # two minutes after opening: the start stays quick
BACKUP_EVERY_MS = 3_600_000     # then hourly: the first check of a new day makes its backup


class StoreCare(QObject):
    checked = Signal(object)    # the open check's verdict: a reason, or None (writable)

    def __init__(self, window: QMainWindow, store) -> None:
        super().__init__(window)
        self.window, self.store = window, store
        self.reason: str | None = None
        self.banner = QLabel()
        self.banner.setObjectName("read_only_banner")
        self.banner.setStyleSheet("QLabel { color: white; background: #c0392b; "
                                  "padding: 1px 6px; }")
        self.banner.hide()
        window.statusBar().addPermanentWidget(self.banner)
        self.checked.connect(self._checked)
        self.backup_job: Job | None = None
        self.last_backup = None   # the last outcome (tests, the status bar's tooltip)
        self.timer = QTimer(self, interval=BACKUP_EVERY_MS)
        self.timer.timeout.connect(self.backup_if_due)
        if store.backend == "sqlite":  # PostGIS: one workstation or the server's cron does it
            QTimer.singleShot(FIRST_BACKUP_MS, self.backup_if_due)
            self.timer.start()
        store.on_checked(self._from_check_thread)

    def _from_check_thread(self, reason) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed before the check ended
            self.checked.emit(reason)  # queued to the UI thread

    def _checked(self, reason: str | None) -> None:
        self.reason = reason
        if reason is None:
            self.banner.hide()
            return
        self.banner.setText(tr("只读：数据库未通过检查，所有修改都会被拒绝"))
        self.banner.setToolTip(reason)
        self.banner.show()
        box = QMessageBox(QMessageBox.Icon.Warning, tr("数据库只读"),
                          tr("数据库只读：可以查看，但无法保存任何修改。请联系管理员运行"
                             "“gridapp store check”，必要时从备份恢复。"), parent=self.window)
        box.setDetailedText(reason)
        box.setWindowModality(box.windowModality().WindowModal)
        box.open()

    def backup_if_due(self) -> Job | None:
        """Today's backup, if there is none yet (one at a time; never in the user's way)."""
        if self.reason is not None or (self.backup_job and self.backup_job.running):
            return None
        from ..store.backup import backup_if_due
        store = self.store
        job = Job(lambda _progress: backup_if_due(store), "backup")
        job.finished.connect(self._backed_up)
        job.failed.connect(self._backup_failed)  # bound: dropped with this object
        self.backup_job = job
        return job.start()

    def _backup_failed(self, exc) -> None:
        self._backed_up(None, str(exc))

    def _backed_up(self, outcome, error: str | None = None) -> None:
        self.last_backup = outcome
        problem = error or (outcome.problem if outcome is not None else None)
        if problem:
            self.window.statusBar().showMessage(tr("自动备份失败：{e}", e=problem), 30_000)
        elif outcome is not None and outcome.written is not None:
            self.window.statusBar().showMessage(
                tr("已自动备份到 {p}", p=str(outcome.written)), 10_000)
