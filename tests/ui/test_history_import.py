"""文件 → 导入历史案件…: the real dialog checks a file, lists its problems, migrates off the UI
thread and honours a cancel up to the commit."""

import os
from pathlib import Path

import pandas as pd
import pytest
from factories import cell_center, password_of
from PySide6.QtCore import Qt
from ui_support import NOW, hold, idle

from gridapp.app.session import Session
from gridapp.services.ports import CaseQuery
from gridapp.ui import history_import as dialog_module
from gridapp.ui import offloaded
from gridapp.ui.history_import import HistoryImportDialog

MAPPING = """
name = "旧数字城管"
kind = "history"
time_format = "%Y-%m-%d %H:%M"
coords = "store"
[columns]
external_id = "案卷号"
category = "小类"
x = "X"
y = "Y"
reported_at = "上报时间"
registered_at = "立案时间"
dispatched_at = "派遣时间"
department = "处置部门"
rectified_at = "处置时间"
verified_at = "核查时间"
closed_at = "结案时间"
[categories]
"暴露垃圾" = "E0102"
[departments]
"区环卫中心" = "sanitation"
"""


def rows(n, bad=()):
    x, y = cell_center("420102001001", 2)
    out = []
    for k in range(n):
        day = 6 + k % 20
        t = f"2025-10-{day:02d}"
        out.append({"案卷号": f"OLD-{k:04d}", "小类": "外星人" if k in bad else "暴露垃圾",
                    "X": x, "Y": y, "上报时间": f"{t} 09:00", "立案时间": f"{t} 09:10",
                    "派遣时间": f"{t} 09:20", "处置部门": "区环卫中心",
                    "处置时间": f"{t} 15:00", "核查时间": f"{t} 16:00",
                    "结案时间": f"{t} 16:30"})
    return out


@pytest.fixture
def admin_window(qtbot, seeded):
    from gridapp.ui.main import build_window
    store = seeded[0]
    session = Session.open(store, "admin", password_of("admin"))
    w = build_window(store, session, None, clock=lambda: NOW)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    idle(qtbot, w)
    yield w, store
    w.close()


def migrated(store):
    with store.uow(write=False) as uow:
        return [c for c in uow.cases.find(CaseQuery(limit=None)) if c.external_id]


def open_dialog(qtbot, w, tmp_path, data):
    path = tmp_path / "历史案件.csv"
    pd.DataFrame(data).to_csv(path, index=False, encoding="utf-8-sig")
    (tmp_path / "old.toml").write_text(MAPPING, encoding="utf-8")
    d = HistoryImportDialog(w)
    qtbot.addWidget(d)
    d.show()
    d.path.setText(str(path))
    assert d.use_mapping_file(str(tmp_path / "old.toml"))
    return d


def test_the_menu_opens_the_dialog_for_an_administrator_only(qtbot, window, messages):
    make, *_ = window
    w = make("acceptor")
    w.import_history()
    assert messages and "系统管理员" in messages[-1][1]
    assert any(a.text() == "导入历史案件…" for a in w.m_file.actions())


def test_check_then_import_with_progress(qtbot, admin_window, tmp_path):
    w, store = admin_window
    d = open_dialog(qtbot, w, tmp_path, rows(5))
    assert not d.import_button.isEnabled()  # nothing is imported before it is checked
    qtbot.mouseClick(d.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.job is None and d.import_button.isEnabled(), timeout=30000)
    assert "可迁移 5 件案件、35 条流转记录" in d.status.text()
    assert migrated(store) == []  # the check wrote nothing
    qtbot.mouseClick(d.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.summary is not None, timeout=30000)
    assert "已迁移 5 件案件" in d.status.text()
    assert sorted(c.external_id for c in migrated(store)) == [f"OLD-{k:04d}" for k in range(5)]
    assert d.bar.value() == d.bar.maximum()
    # the mapping loaded from a file was kept in the store, to be chosen by name next time
    assert "映射方案“旧数字城管”已保存" in d.status.text()
    again = HistoryImportDialog(w)
    qtbot.addWidget(again)
    assert again.mapping.findText("旧数字城管") >= 0


def test_problems_listed_by_row_and_column_and_saved_as_csv(qtbot, admin_window, tmp_path,
                                                             monkeypatch):
    w, store = admin_window
    d = open_dialog(qtbot, w, tmp_path, rows(6, bad={1, 4}))
    qtbot.mouseClick(d.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.job is None and d.problems.isVisible(), timeout=30000)
    assert "发现 2 个问题" in d.status.text() and not d.import_button.isEnabled()
    cells = [[d.problems.item(r, c).text() for c in range(3)]
             for r in range(d.problems.rowCount())]
    assert [c[:2] for c in cells] == [["3", "小类"], ["6", "小类"]]  # rows as Excel shows them
    assert "外星人" in cells[0][2] and "不在案件分类目录中" in cells[0][2]  # in the UI's language
    assert "；应为 " in cells[0][2]
    out = tmp_path / "problems.csv"
    monkeypatch.setattr(dialog_module.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(out), "CSV (*.csv)"))
    qtbot.mouseClick(d.save_problems, Qt.MouseButton.LeftButton)
    saved = out.read_text(encoding="utf-8-sig")
    assert saved.count("不在案件分类目录中") == 2 and ",3,小类,外星人," in saved
    assert "已保存" in d.status.text()
    assert migrated(store) == []


def _held(progress, url, path, *rest):
    """The dialog's child work, held at "committing" (everything written, nothing committed)
    until the test lets it go: files beside the history file say when."""
    gate = Path(path).parent

    def held_at(done, total, what):
        if what == "committing":
            hold(gate, "at_commit")
        progress(done, total, what)
    return offloaded.migrate_history(held_at, url, path, *rest)


def test_cancel_is_honoured_up_to_the_commit(qtbot, admin_window, tmp_path):
    w, store = admin_window
    d = open_dialog(qtbot, w, tmp_path, rows(4))
    qtbot.mouseClick(d.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.import_button.isEnabled(), timeout=30000)
    d.target = _held
    qtbot.mouseClick(d.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "at_commit").exists(), timeout=30000)
    assert d.close_button.text() == "取消" and d.job.pid != os.getpid()
    qtbot.mouseClick(d.close_button, Qt.MouseButton.LeftButton)
    (tmp_path / "go").touch()
    qtbot.waitUntil(lambda: d.job is None, timeout=30000)
    assert "已取消" in d.status.text() and d.summary is None
    assert migrated(store) == []
