"""Import dialogs: a hotline export with its preset, checked, then written in a child
process (a million rows of Python would otherwise hold up the threads that keep the window
current), with a cancel honoured up to the commit."""

from __future__ import annotations

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

from ..app import problem_text
from ..io.errors import ImportRejected
from ..io.hotline import HotlineMapping
from ..services.progress import COMMITTING, Cancelled
from ..store.sharing import OwnStoreFile, refuse_own_store
from . import offloaded
from .errors import explain
from .i18n import language, tr
from .processes import ProcessJob

# the service's stages as the user reads them (English in resources/translations/en.json)
STAGES = {"reading": "读取文件", "checking ticket numbers": "检查工单编号",
          "checking times": "检查时间", "checking classes": "检查分类",
          "checking positions": "检查位置", "tickets already in the store": "查找已导入的工单",
          "cells and road segments": "确定网格与路段", "ordering tickets by time": "按时间排序工单",
          "open cases for the duplicate check": "读取查重所需的案件",
          "rows the duplicate rule must see": "筛选需查重的工单",
          "ownership and duplicates": "确定责任人并查重", "sealing audit rows": "封存审计记录",
          "preparing cases": "准备案件", "writing cases": "写入案件",
          "preparing audit rows": "准备审计记录", "writing audit rows": "写入审计记录",
          "indexing": "重建索引", "releasing memory": "释放内存",
          COMMITTING: "提交中（此时取消已无效）"}


class HotlineImportDialog(QDialog):
    """导入热线工单: a file, its field mapping and coordinate system; progress, then what was
    imported, or every problem with nothing written."""

    target = staticmethod(offloaded.import_hotline)  # the child's work (a test may hold it)

    def __init__(self, window, parent=None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.job: ProcessJob | None = None
        self.summary = None
        self.cancelling = False
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
            self.status.setText(explain(exc))
            return

        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.problems.setVisible(False)
        self.job = ProcessJob(self.target, (store.url, path, mapping, user,
                                            offloaded.held_now(store), language()),
                              "hotline-import", asks=True)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._done)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _progress(self, done: int, total: int, what: str) -> None:
        if self.cancelling:  # a step reported before the cancel: "正在取消…" stays
            return
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        stage = next((zh for en, zh in STAGES.items() if what.startswith(en)), what)
        self.status.setText(tr(stage) + (f" {done:,}/{total:,}" if total > 1 else ""))

    def _done(self, summary) -> None:
        self.summary = summary
        self.status.setText(tr("已导入 {n} 件（其中 {d} 件关联为重复），{k} 件此前已导入",
                               n=summary.imported, d=summary.linked_duplicates,
                               k=summary.already_imported)
                            + (tr("（取消时已在提交，数据已保存）") if self.cancelling else "")
                            + "".join("\n· " + problem_text.text(n, language())
                                      for n in summary.notes))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("关闭"))
        self.buttons.rejected.disconnect()
        self.buttons.rejected.connect(self.accept)

    def _failed(self, exc) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if isinstance(exc, Cancelled):
            self.cancelling = False
            self.status.setText(tr("已取消，未写入任何数据"))
            return
        self.status.setText(tr("文件有问题，未写入任何数据："))
        self.problems.setVisible(True)
        self.problems.setPlainText(problem_text.report(exc.report, language())
                                   if isinstance(exc, ImportRejected) else explain(exc))

    def stop(self) -> None:
        """Cancel a running import (honoured up to its commit; the outcome is shown), or
        close the dialog."""
        if self.job is not None and self.job.running:
            self.cancelling = True
            self.job.cancel()
            self.status.setText(tr("正在取消…"))
            return
        self.reject()
