"""文件 → 导入历史案件…: an old system's cases checked (a dry run with its report), then
migrated in a child process (checking a five-year archive is seconds of Python that would
hold up the threads keeping the window current), with progress and a cancel honoured up to
the commit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..app import problem_text
from ..io.errors import ImportRejected, ValidationReport, write_report
from ..io.mapping import Mapping, load_mapping
from ..services.history import HistorySummary
from ..services.progress import Cancelled
from ..store.sharing import OwnStoreFile, refuse_own_store
from . import offloaded
from .errors import explain
from .i18n import language, tr
from .processes import ProcessJob

SHOWN = 2000  # problems listed in the table; all of them go to the saved CSV


class HistoryImportDialog(QDialog):
    """Choose a file and a history mapping, check it, then migrate it."""

    target = staticmethod(offloaded.migrate_history)  # the child's work (a test may hold it)

    def __init__(self, window, parent=None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.store = window.model.store
        self.user = window.model.session.username
        self.job: ProcessJob | None = None
        self.checked: tuple[str, str] | None = None   # (file, mapping name) of a clean check
        self.summary: HistorySummary | None = None
        self.report: ValidationReport | None = None
        self.setWindowTitle(tr("导入历史案件"))
        self.setMinimumSize(720, 520)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.textChanged.connect(self._changed)
        browse = QPushButton(tr("选择文件…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(tr("历史案件文件（CSV/XLSX）"), row)
        row = QHBoxLayout()
        self.mapping = QComboBox()
        with self.store.uow(write=False) as uow:
            for name, data in sorted(uow.config.presets().items()):
                if data.get("kind") == "history":
                    self.mapping.addItem(name, Mapping.from_dict(data))
        from_file = QPushButton(tr("从文件载入映射…"))
        from_file.clicked.connect(self._browse_mapping)
        row.addWidget(self.mapping, 1)
        row.addWidget(from_file)
        form.addRow(tr("字段映射方案"), row)
        self.keep_mapping = QCheckBox(tr("导入后把映射方案保存到数据库（下次按名称选用）"))
        self.keep_mapping.setVisible(False)
        form.addRow("", self.keep_mapping)
        lay.addLayout(form)
        self.bar = QProgressBar()
        self.status = QLabel(tr("先检查文件：不写入任何数据，列出全部问题。"))
        self.status.setWordWrap(True)
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels([tr("行"), tr("列"), tr("问题")])
        self.problems.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setVisible(False)
        lay.addWidget(self.bar)
        lay.addWidget(self.status)
        lay.addWidget(self.problems, 100)
        lay.addStretch(1)  # keeps the status under the progress bar while no table shows
        buttons = QHBoxLayout()
        self.save_problems = QPushButton(tr("保存问题清单…"))
        self.save_problems.clicked.connect(self._save_problems)
        self.save_problems.setVisible(False)
        self.check_button = QPushButton(tr("检查"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(tr("导入"))
        self.import_button.clicked.connect(self.migrate)
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(tr("关闭"))
        self.close_button.clicked.connect(self.stop)
        buttons.addWidget(self.save_problems)
        buttons.addStretch(1)
        for b in (self.check_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        lay.addLayout(buttons)
        self.mapping.currentIndexChanged.connect(self._changed)  # once every widget is made

    # ---- choosing ------------------------------------------------------------------------

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("选择历史案件文件"), "",
                                              "CSV/Excel (*.csv *.xlsx)")
        if path:
            self.path.setText(path)

    def _browse_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("选择映射文件"), "", "TOML (*.toml)")
        if path:
            self.use_mapping_file(path)

    def use_mapping_file(self, path: str) -> bool:
        """A TOML mapping added to the choices and chosen; its problems shown if it is wrong."""
        try:
            mapping = load_mapping(path)
        except ImportRejected as exc:
            self._show_problems(exc.report)
            return False
        self.mapping.addItem(f"{mapping.name} ({Path(path).name})", mapping)
        self.mapping.setCurrentIndex(self.mapping.count() - 1)
        self.keep_mapping.setVisible(True)
        self.keep_mapping.setChecked(True)
        return True

    def _changed(self, *_args) -> None:
        """Another file or mapping: it must be checked again before it is imported."""
        self.checked = None
        self.import_button.setEnabled(False)
        if self.mapping.currentText().endswith(".toml)"):
            self.keep_mapping.setVisible(True)
        else:  # chosen from the store already
            self.keep_mapping.setVisible(False)

    # ---- the dry run -----------------------------------------------------------------------

    def _inputs(self) -> tuple[str, Mapping] | None:
        path, mapping = self.path.text().strip(), self.mapping.currentData()
        if not path or mapping is None:
            self.status.setText(tr("请选择文件和映射方案。"))
            return None
        try:
            refuse_own_store(path)
        except OwnStoreFile as exc:
            self.status.setText(explain(exc))
            return None
        return path, mapping

    def _job(self, path: str, mapping: Mapping, dry_run: bool, keep: bool = False) -> ProcessJob:
        store = self.store
        return ProcessJob(self.target, (store.url, path, mapping, self.user, dry_run, keep,
                                        offloaded.held_now(store), language()),
                          "history-import", asks=True)

    def _run(self, job: ProcessJob, done) -> None:
        self.problems.setVisible(False)
        self.save_problems.setVisible(False)
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.close_button.setText(tr("取消"))
        self.job = job
        self.job.progress.connect(self._progress)
        self.job.finished.connect(done)
        self.job.failed.connect(self._failed)
        self.job.start()

    def check(self) -> None:
        got = self._inputs()
        if got is None:
            return
        path, mapping = got
        self.status.setText(tr("正在检查…"))
        self._checking = (path, mapping)
        self._run(self._job(path, mapping, True), self._checked)  # (a bound method: Qt drops
        # the connection if the dialog is gone first)

    def _checked(self, result: tuple[list[str], HistorySummary]) -> None:
        (path, mapping), (notes_read, summary) = self._checking, result
        self._idle()
        self.checked = (path, mapping.name)
        notes = "".join("\n· " + problem_text.text(n, language()) for n in notes_read)
        if summary.cases == 0:
            self.status.setText(tr("没有要导入的案件：{k} 件此前已迁移。",
                                   k=summary.already_migrated) + notes)
            return
        self.status.setText(tr(
            "检查通过：可迁移 {n} 件案件、{e} 条流转记录（{a} … {b}）；{k} 件此前已迁移；"
            "将建立 {p} 个停用的历史账号。", n=f"{summary.cases:,}", e=f"{summary.events:,}",
            a=summary.first_number, b=summary.last_number, k=summary.already_migrated,
            p=len(summary.people_created)) + notes)
        self.import_button.setEnabled(True)

    # ---- the migration ---------------------------------------------------------------------

    def migrate(self) -> None:
        got = self._inputs()
        if got is None or self.checked != (got[0], got[1].name):
            return
        path, mapping = got
        self.status.setText(tr("正在导入…"))
        keep = self.keep_mapping.isVisible() and self.keep_mapping.isChecked()
        self._run(self._job(path, mapping, False, keep), self._migrated)

    def _migrated(self, result) -> None:
        _notes, summary = result
        self._idle()
        self.summary = summary
        self.checked = None
        self.status.setText(tr("已迁移 {n} 件案件、{e} 条流转记录（{a} … {b}）；{k} 件此前已迁移。",
                               n=f"{summary.cases:,}", e=f"{summary.events:,}",
                               a=summary.first_number, b=summary.last_number,
                               k=summary.already_migrated)
                            + (tr("映射方案“{m}”已保存。", m=self.mapping.currentData().name)
                               if self.keep_mapping.isVisible() and
                               self.keep_mapping.isChecked() else ""))

    # ---- both ------------------------------------------------------------------------------

    def _progress(self, done: int, total: int, what: str) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        labels = {"timelines": tr("逐件核对流转"), "writing": tr("写入"),
                  "committing": tr("提交")}
        self.status.setText(f"{labels.get(what, what)} {done:,} / {total:,}")

    def _idle(self) -> None:
        self.job = None
        self.check_button.setEnabled(True)
        self.close_button.setText(tr("关闭"))
        self.bar.setValue(self.bar.maximum())

    def _failed(self, exc) -> None:
        self._idle()
        self.bar.setValue(0)
        if isinstance(exc, Cancelled):
            self.status.setText(tr("已取消，未写入任何数据。"))
            return
        if isinstance(exc, ImportRejected):
            self._show_problems(exc.report)
            return
        self.status.setText(tr("未写入任何数据：") + explain(exc))

    def _show_problems(self, report: ValidationReport) -> None:
        self.report = report
        self.status.setText(tr("发现 {n} 个问题，未写入任何数据；改正文件或映射后再检查。",
                               n=f"{len(report):,}"))
        shown = report.ordered()[:SHOWN]
        self.problems.setRowCount(len(shown))
        for i, p in enumerate(shown):
            where = "" if p.row is None else str(p.row)
            text = problem_text.text(p.message, language()) + (
                tr("；应为 {x}", x=problem_text.text(p.expected, language())) if p.expected
                else "")
            for c, value in enumerate((where, p.field or "", text)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.problems.setItem(i, c, item)
        self.problems.setVisible(True)
        self.save_problems.setVisible(True)

    def _save_problems(self) -> None:
        if self.report is None:
            return
        start = self.path.text().strip()
        start = str(Path(start).with_suffix("")) + ".problems.csv" if start else ""
        path, _ = QFileDialog.getSaveFileName(self, tr("保存问题清单"), start, "CSV (*.csv)")
        if path:
            try:
                write_report(self.report, path,
                             lambda text: problem_text.text(text, language()))
            except OSError as exc:
                self.status.setText(tr("无法保存：{e}", e=exc))
                return
            self.status.setText(tr("全部 {n} 个问题已保存到 {p}", n=f"{len(self.report):,}",
                                   p=path))

    def stop(self) -> None:
        """关闭, or 取消 while working: the job stops at its next step, before the commit."""
        if self.job is not None and self.job.running:
            self.job.cancel()
            return
        self.accept() if self.summary else self.reject()

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.job.wait()
        super().reject()
