"""Import dialogs: a hotline export with its preset, checked, then written in the background."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..io.errors import SCREEN_LINES, ImportRejected, default_report_path, write_report
from ..io.hotline import HotlineMapping, import_context, parse_hotline
from ..services.hotline import import_reports
from ..services.progress import Cancelled
from ..store.sharing import OwnStoreFile, refuse_own_store
from .i18n import tr
from .workers import Job


class HotlineImportDialog(QDialog):
    def __init__(self, window, parent=None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.job: Job | None = None
        self.summary = None
        self.setWindowTitle(tr("导入热线工单"))
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit()
        browse = QPushButton(tr("选择文件…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(tr("工单文件（CSV/XLSX）"), row)
        self.preset = QComboBox()
        with window.model.store.uow(write=False) as uow:
            self.presets = uow.config.presets()
        self.preset.addItem("12345", HotlineMapping().to_dict())
        for name, mapping in self.presets.items():
            if name != "12345" and mapping.get("kind") != "history":  # migrations: 导入历史案件
                self.preset.addItem(name, mapping)
        form.addRow(tr("字段映射方案"), self.preset)
        self.coords = QComboBox()
        for value, text in (("gcj02", "GCJ-02（高德）"), ("bd09", "BD-09（百度）"),
                            ("wgs84", "WGS-84"), ("cgcs2000", "CGCS2000")):
            self.coords.addItem(text, value)
        form.addRow(tr("坐标系"), self.coords)
        lay.addLayout(form)
        self.bar = QProgressBar()
        self.status = QLabel()
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setVisible(False)
        lay.addWidget(self.bar)
        lay.addWidget(self.status)
        lay.addWidget(self.problems, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("导入"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.stop)
        lay.addWidget(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("选择工单文件"), "",
                                              "CSV/Excel (*.csv *.xlsx)")
        if path:
            self.path.setText(path)

    def start(self) -> None:
        w = self.window
        mapping = HotlineMapping.from_dict(self.preset.currentData())
        mapping.coords = self.coords.currentData()
        path, user, store = self.path.text().strip(), w.model.session.username, w.model.store
        try:
            refuse_own_store(path)
        except OwnStoreFile as exc:
            self.status.setText(str(exc))
            return

        def work(progress):
            progress(0, 1, tr("检查文件"))
            try:
                batch = parse_hotline(path, mapping, import_context(store))
            except ImportRejected as exc:  # every problem in a CSV beside the file
                if len(exc.report) > SCREEN_LINES:
                    with contextlib.suppress(OSError):
                        write_report(exc.report, default_report_path(path))
                raise
            return import_reports(store.uow(), user, batch, progress)

        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.problems.setVisible(False)
        self.job = Job(work)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._done)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _progress(self, done: int, total: int, what: str) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.status.setText(what)

    def _done(self, summary) -> None:
        self.summary = summary
        self.status.setText(tr("已导入 {n} 件（其中 {d} 件关联为重复），{k} 件此前已导入",
                               n=summary.imported, d=summary.linked_duplicates,
                               k=summary.already_imported))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("关闭"))
        self.buttons.rejected.disconnect()
        self.buttons.rejected.connect(self.accept)

    def _failed(self, exc) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if isinstance(exc, Cancelled):
            self.status.setText(tr("已取消，未写入任何数据"))
            return
        self.status.setText(tr("文件有问题，未写入任何数据："))
        self.problems.setVisible(True)
        self.problems.setPlainText(str(exc.report) if isinstance(exc, ImportRejected)
                                   else str(exc))

    def stop(self) -> None:
        if self.job is not None and self.job.thread.isRunning():
            self.job.cancel()
            self.job.wait()
        self.reject()
