"""A shared SpatiaLite file: why it broke ("database disk image is malformed" with -wal/-shm
"(deleted)"), and the defences: the store is never read as a plain file by a process that
has it open, and a client whose logs were deleted under it reconnects."""

import os
import subprocess
import sys

import pytest

from gridapp.store.sharing import OwnStoreFile, refuse_own_store
from gridapp.store.store import Store

OTHER = ("from gridapp.store.store import Store; s = Store.open({db!r}); "
         "c = s.engine.connect(); "
         "c.exec_driver_sql(\"UPDATE streets SET name = name WHERE code = '420102001'\"); "
         "c.commit(); c.close(); s.close()")


def _other_workstation_writes(db: str) -> None:
    subprocess.run([sys.executable, "-c", OTHER.format(db=db)], check=True)


def _held_logs(path: str) -> list[str]:
    links = []
    for f in os.listdir("/proc/self/fd"):
        try:  # the listing's own descriptor is gone by the time it is read
            links.append(os.readlink(f"/proc/self/fd/{f}"))
        except OSError:
            continue
    return [link for link in links if link.startswith(path + "-")]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs Linux /proc")
def test_one_plain_open_of_the_store_file_loses_the_locks(sqlite_store):
    """The mechanism, shown: open()+close() of the file drops SQLite's POSIX locks, and the
    next writer elsewhere deletes the logs under our live connection."""
    db = sqlite_store.engine.url.database
    conn = sqlite_store.engine.connect()  # a client's pooled connection, kept open
    conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
    conn.rollback()
    _other_workstation_writes(db)
    assert all("(deleted)" not in p for p in _held_logs(db))  # locks held: logs kept
    with open(db, "rb"):  # what a careless file picker or copy would do
        pass
    _other_workstation_writes(db)
    assert any(p.endswith("(deleted)") for p in _held_logs(db))
    conn.close()  # back in the pool, as the client's connections are between reads
    # the client notices and reconnects before using the dead logs again
    assert sqlite_store.reconnect_if_orphaned()
    with sqlite_store.read() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert sqlite_store.reconnect_if_orphaned() == []


def test_the_store_is_never_read_as_a_plain_file(sqlite_store, tmp_path):
    db = sqlite_store.engine.url.database
    with sqlite_store.read() as c:
        c.exec_driver_sql("SELECT 1").scalar()
    for path in (db, db + "-wal", db + "-shm"):
        with pytest.raises(OwnStoreFile, match="never read as an ordinary file"):
            refuse_own_store(path)
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(b"x")
    refuse_own_store(copy)  # any other file is fine
    other = Store.open(db)  # a second store object on the same file: still the same file
    other.close()


def test_a_photo_of_the_store_file_is_refused_in_the_dialog(qtbot, sqlite_store, monkeypatch):
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    from gridapp.ui.panels.dialogs import PhotoPicker
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    with sqlite_store.read() as c:
        c.exec_driver_sql("SELECT 1").scalar()
    picker = PhotoPicker()
    qtbot.addWidget(picker)
    picker.add_path(Path(sqlite_store.engine.url.database))
    # said in the interface's language (Chinese by default)
    assert picker.paths == [] and "不能作为普通文件读取" in shown[0]


def test_a_new_file_on_a_deleted_store_s_inode_is_not_refused(tmp_path, monkeypatch):
    """A store deleted since it was opened frees its inode; the next new file (a photo) may get
    it and is an ordinary file (seen in CI: a photo refused as 'the store' in a later test)."""
    from gridapp.store import sharing
    gone = tmp_path / "gone.sqlite"
    gone.write_bytes(b"x")
    sharing.register(str(gone))
    photo = tmp_path / "after.jpg"
    photo.write_bytes(b"jpeg")
    # the photo lands on the store's old inode, as the file system may reuse it
    gone.unlink()
    key = (photo.stat().st_dev, photo.stat().st_ino)
    monkeypatch.setitem(sharing._OPEN, key, str(gone))
    refuse_own_store(photo)  # no OwnStoreFile
    assert key not in sharing._OPEN  # the stale entry is forgotten
