"""文件 → 导入热线工单…: the real dialog imports a 12345 export in a child process, lists a bad
file's problems with nothing written, and honours a cancel up to the commit."""

import os
from pathlib import Path

import pandas as pd
import pytest
from factories import cell_center
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_support import NOW, hold

from gridapp.io.crs import store_to_lonlat
from gridapp.services.ports import CaseQuery
from gridapp.services.progress import COMMITTING
from gridapp.ui import offloaded
from gridapp.ui.imports import HotlineImportDialog


def _ticket(n: int, cls: str = "暴露垃圾") -> dict:
    x, y = cell_center("420102001001", 2)
    lon, lat = store_to_lonlat(x + 40 * n, y, 4547, "gcj02")
    return {"工单编号": f"GD2026{n:06d}", "受理时间": NOW.strftime("%Y-%m-%d 09:%M"),
            "问题分类": cls, "经度": f"{float(lon):.7f}", "纬度": f"{float(lat):.7f}",
            "问题地址": "三阳路12号", "问题描述": "路边垃圾成堆"}


def _held(progress, url, path, *rest):
    """The dialog's child work, held at a stage until the test lets it go (files beside the
    export: the stage to hold at is named in `hold`)."""
    gate = Path(path).parent
    stage = (gate / "hold").read_text()

    def held_at(done, total, what):
        if what == stage:
            hold(gate)
        progress(done, total, what)
    return offloaded.import_hotline(held_at, url, path, *rest)


def imported(store):
    with store.uow(write=False) as uow:
        return sorted(c.external_id for c in uow.cases.find(CaseQuery(limit=None))
                      if c.external_id)


def open_dialog(qtbot, window, tmp_path, rows):
    make, store, *_ = window
    w = make("acceptor")
    path = tmp_path / "12345工单.csv"
    pd.DataFrame(rows).to_csv(path, index=False, encoding="utf-8-sig")
    d = HotlineImportDialog(w)
    qtbot.addWidget(d)
    d.show()
    d.path.setText(str(path))
    return d, store


def press(qtbot, d, which):
    qtbot.mouseClick(d.buttons.button(which), Qt.MouseButton.LeftButton)


def test_an_export_is_imported_in_a_child_process(qtbot, window, tmp_path):
    d, store = open_dialog(qtbot, window, tmp_path, [_ticket(1), _ticket(2), _ticket(3)])
    press(qtbot, d, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: d.summary is not None, timeout=60000)
    assert d.job.pid not in (None, os.getpid())
    assert "已导入 3 件" in d.status.text()
    assert imported(store) == ["GD2026000001", "GD2026000002", "GD2026000003"]
    assert d.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "关闭"


def test_a_bad_file_lists_its_problems_and_writes_nothing(qtbot, window, tmp_path):
    d, store = open_dialog(qtbot, window, tmp_path, [_ticket(1), _ticket(2, "外星人")])
    press(qtbot, d, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: d.problems.isVisible(), timeout=60000)
    assert "未写入任何数据" in d.status.text()
    assert "外星人" in d.problems.toPlainText() and "第 3 行" in d.problems.toPlainText()
    assert imported(store) == []
    assert d.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # try again


@pytest.mark.parametrize("stage", ["reading", COMMITTING])
def test_a_cancel_up_to_the_commit_leaves_nothing_written(qtbot, window, tmp_path, stage):
    d, store = open_dialog(qtbot, window, tmp_path, [_ticket(1), _ticket(2)])
    (tmp_path / "hold").write_text(stage)
    d.target = _held
    press(qtbot, d, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: (tmp_path / "held").exists(), timeout=60000)
    press(qtbot, d, QDialogButtonBox.StandardButton.Cancel)
    assert d.status.text() == "正在取消…"
    (tmp_path / "go").touch()
    # the dialog's answer (each of the job's slots gets its own queued event: wait for the
    # dialog's, not the job's own bookkeeping)
    qtbot.waitUntil(lambda: d.status.text() != "正在取消…", timeout=60000)
    assert "已取消，未写入任何数据" in d.status.text()
    assert imported(store) == [] and d.summary is None
