"""The store's health in the window: a damaged store is said at once and stays said; a
SpatiaLite store gets its daily backup from the running client."""

from datetime import datetime

from damage import copy_store, damage_page
from PySide6.QtWidgets import QMessageBox

from gridapp.app.session import Session
from gridapp.store.store import Store

NOW = datetime(2026, 11, 2, 10, 0)


def _window(qtbot, path, username="dispatcher"):
    from gridapp.ui.main import build_window
    store = Store.open(str(path))
    w = build_window(store, Session.open(store, username, f"secret-{username}"), None,
                     clock=lambda: NOW)
    qtbot.addWidget(w)
    w.show()
    return w, store


def test_a_damaged_store_is_said_in_the_window_and_writes_nothing(qtbot, sqlite_template,
                                                                   tmp_path):
    path = copy_store(sqlite_template, tmp_path / "store.sqlite")
    damage_page(path, "departments", 4)  # a broken b-tree the login does not need
    w, store = _window(qtbot, path)
    qtbot.waitUntil(lambda: w.care.reason is not None, timeout=15000)
    assert w.care.banner.isVisible() and "只读" in w.care.banner.text()
    assert "failed its check" in w.care.banner.toolTip()
    box = next(b for b in w.findChildren(QMessageBox) if b.isVisible())
    assert "只读" in box.text() and "failed its check" in box.detailedText()
    box.close()
    assert w.care.backup_if_due() is None  # a damaged store is not copied over a good backup
    w.close()
    store.close()


def test_the_running_client_makes_the_days_backup(qtbot, sqlite_template, tmp_path):
    path = copy_store(sqlite_template, tmp_path / "store.sqlite")
    w, store = _window(qtbot, path)
    qtbot.waitUntil(lambda: store.wait_checked(0) is None and w.care.reason is None, timeout=30000)
    job = w.care.backup_if_due()
    assert job is not None
    qtbot.waitUntil(lambda: w.care.last_backup is not None, timeout=60000)
    written = w.care.last_backup.written
    assert written is not None and written.exists() and written.parent.name == "backups"
    assert "已自动备份" in w.statusBar().currentMessage()
    job2 = w.care.backup_if_due()  # the same day again: nothing new
    qtbot.waitUntil(lambda: not job2.running, timeout=60000)
    qtbot.wait(50)
    assert w.care.last_backup.written is None and len(list(written.parent.iterdir())) == 1
    w.close()
    store.close()
