"""Backups while others write, restores that check first and keep the replaced store, rotation."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from damage import flip_bytes
from factories import cli_env
from sqlalchemy import create_engine, text

from gridapp.cli import main
from gridapp.services import admin
from gridapp.services.backup import BackupFile, WrittenBackup, retained
from gridapp.services.backup import backup_if_due as rotate
from gridapp.store import backup as bk
from gridapp.store.errors import StoreBusy, StoreDamaged, StoreUnavailable
from gridapp.store.health import full_check
from gridapp.store.store import Store

TESTS = str(Path(__file__).resolve().parents[1])

WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from factories import cell_center
from gridapp.domain.case import Source
from gridapp.services import cases as svc
from gridapp.store.store import Store
store = Store.open(sys.argv[1])
stop = Path(sys.argv[2])
x, y = cell_center("420102001001", 2)
n = 0
while n < 5000 and (n < 5 or not stop.exists()):
    svc.report(store.uow(), "worker1", class_code="E0102", x=x + n % 40, y=y,
               description=f"r{{n}}",
               source=Source.GRID_PATROL)
    n += 1
    if n == 5:
        print("writing", flush=True)
store.close()
print(n, flush=True)
"""


def _count(url: str, sql: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def _restorable_url(store, postgis_or_none) -> str:
    """Where a backup of `store` can be restored as a new store for inspection."""
    if store.backend == "sqlite":
        return f"sqlite:///{Path(store.engine.url.database).with_name('inspect.sqlite')}"
    return postgis_or_none.url.rsplit("/", 1)[0] + "/insp_" + uuid.uuid4().hex[:10]


@pytest.fixture
def pg(request, store):
    return request.getfixturevalue("postgis") if store.backend != "sqlite" else None


def test_backup_while_another_process_writes_is_consistent(store, pg, tmp_path):
    stop = tmp_path / "stop"
    url = store.engine.url.render_as_string(hide_password=False)
    writer = subprocess.Popen([sys.executable, "-c", WRITER.format(tests=TESTS), url, str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing", writer.stderr.read()
        result = bk.write_backup(store, tmp_path / "backups")
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    written = int(out.split()[-1])
    assert result.sound and result.path.exists()
    assert result.path.name.endswith(bk.SQLITE_SUFFIX if store.backend == "sqlite"
                                      else bk.PG_SUFFIX)
    target = _restorable_url(store, pg)
    bk.restore(target, result.path)
    # one snapshot: every case with its whole audit trail, nothing half-written
    assert _count(target, "SELECT count(*) FROM cases c WHERE c.version <> (SELECT count(*) "
                          "FROM case_events e WHERE e.case_id = c.id)") == 0
    in_backup = _count(target, "SELECT count(*) FROM cases")
    assert 5 <= in_backup <= written
    restored = Store.open(target)
    try:
        assert full_check(restored).ok
    finally:
        restored.close()


def test_restore_brings_the_store_back_and_keeps_the_one_it_replaced(store, tmp_path):
    url = store.engine.url.render_as_string(hide_password=False)
    identity = store.identity
    result = bk.write_backup(store, tmp_path)
    admin.add_department(store.uow(), "parks", "园林")
    store.close()
    done = bk.restore(url, result.path)
    assert done.kept
    back = Store.open(url)
    try:
        with back.uow(write=False) as uow:
            assert uow.people.department_by_code("parks") is None
        assert back.identity != identity  # caches of the old timeline are not trusted
        assert full_check(back).ok
        admin.add_department(back.uow(), "parks2", "园林")  # writable again
    finally:
        back.close()
    kept_url = (f"sqlite:///{done.kept}" if store.backend == "sqlite"
                else url.rsplit("/", 1)[0] + "/" + done.kept)
    assert _count(kept_url, "SELECT count(*) FROM departments WHERE code = 'parks'") == 1


def test_restore_refuses_a_store_open_elsewhere_unless_forced(store, tmp_path):
    url = store.engine.url.render_as_string(hide_password=False)
    result = bk.write_backup(store, tmp_path)
    admin.add_department(store.uow(), "parks", "园林")
    with store.uow(write=False) as uow:  # the other workstation holds a connection
        uow.people.departments()
        with pytest.raises(StoreBusy, match="open elsewhere.*--force"):
            bk.restore(url, result.path)
    assert _count(url, "SELECT count(*) FROM departments WHERE code = 'parks'") == 1
    done = bk.restore(url, result.path, force=True)
    store.close()
    assert done.kept
    assert _count(url, "SELECT count(*) FROM departments WHERE code = 'parks'") == 0


def test_restore_refuses_a_damaged_backup_and_changes_nothing(store, tmp_path):
    url = store.engine.url.render_as_string(hide_password=False)
    result = bk.write_backup(store, tmp_path)
    admin.add_department(store.uow(), "parks", "园林")
    if store.backend == "sqlite":
        with result.path.open("r+b") as f:
            f.truncate(result.path.stat().st_size // 2)
    else:
        data = bytearray(result.path.read_bytes())
        result.path.write_bytes(bytes(data[: len(data) // 3]))
    store.close()
    with pytest.raises(StoreDamaged) as e:
        bk.restore(url, result.path)
    assert "cannot be restored" in str(e.value) and "nothing was changed" in str(e.value)
    assert _count(url, "SELECT count(*) FROM departments WHERE code = 'parks'") == 1


def test_a_backup_with_flipped_bytes_is_refused(sqlite_store, tmp_path):
    result = bk.write_backup(sqlite_store, tmp_path)
    for seed in range(40):  # until SQLite's integrity check sees the damage
        flip_bytes(result.path, 20, seed)
        if bk.check_backup(result.path):
            break
    problem = bk.check_backup(result.path)
    assert problem
    with pytest.raises(StoreDamaged, match="cannot be restored"):
        bk.restore(sqlite_store.url, result.path)


def test_backup_of_a_damaged_store_is_marked_and_never_rotated_in(sqlite_template, tmp_path):
    from damage import copy_store, damage_page
    path = copy_store(sqlite_template, tmp_path / "store.sqlite")
    damage_page(path, "people", 4)
    store = Store.open(str(path))
    folder = tmp_path / "backups"
    days = [datetime(2026, 11, d, 23) for d in (1, 2)]
    for day in days:  # two good backups from before the damage, made by name
        good = bk.backup_path(store.engine.url, folder, day)
        folder.mkdir(exist_ok=True)
        good.write_bytes(b"placeholder")
    outcome = bk.backup_if_due(store, folder, keep=1, keep_weeks=0,
                               now=datetime(2026, 11, 3, 23))
    store.close()
    assert not outcome.ok and "failed its check" in outcome.message
    assert outcome.written.name.endswith("-DAMAGED.backup.sqlite")
    assert all(bk.backup_path(store.engine.url, folder, d).exists() for d in days)


def test_cli_backup_and_restore(sqlite_store, tmp_path):
    url = sqlite_store.url
    sqlite_store.close()
    run = CliRunner()
    r = run.invoke(main, ["--db", url, "backup", "--to", str(tmp_path / "b")])
    assert r.exit_code == 0, r.stderr
    assert "checked: sound" in r.stdout
    file = next((tmp_path / "b").iterdir())
    assert run.invoke(main, ["--db", url, "dept", "add", "parks", "园林", "--as", "admin"],
                      env=cli_env(["--as", "admin"])).exit_code == 0
    r = run.invoke(main, ["--db", url, "restore", str(file)])
    assert r.exit_code == 0, r.stderr
    assert "kept as" in r.stdout
    r = run.invoke(main, ["--db", url, "restore", str(tmp_path / "nothing.backup.sqlite")])
    assert r.exit_code == 2
    assert r.stderr.strip().count("\n") == 0 and "no such file" in r.stderr


def test_pg_dump_of_the_wrong_major_version_is_named(monkeypatch):
    monkeypatch.setattr(bk, "_tool_major", lambda path: 14)
    with pytest.raises(StoreUnavailable) as e:
        bk._pg_tool("pg_dump", 16)
    message = str(e.value)
    assert "pg_dump for PostgreSQL 16 or newer is not installed (found: 14)" in message
    assert "postgresql-client-16" in message


# --- rotation -----------------------------------------------------------------------------

def _file(day: date, hour: int = 23) -> BackupFile:
    return BackupFile(Path(f"s-{day:%Y%m%d}-{hour:02d}.backup.sqlite"),
                      datetime(day.year, day.month, day.day, hour))


def test_retention_keeps_newest_per_day_and_per_week():
    start = date(2026, 9, 1)  # a Tuesday
    files = [_file(start + timedelta(days=i), h) for i in range(60) for h in (9, 23)
             if (start + timedelta(days=i)).day % 10 != 5]  # the client was off on the 5ths
    keep = retained(files, keep_days=7, keep_weeks=4)
    kept = sorted((f for f in files if f.path in keep), key=lambda f: f.taken_at)
    by_day = sorted({f.taken_at.date() for f in kept})
    newest = max(f.taken_at.date() for f in files)
    assert all(f.taken_at.hour == 23 for f in kept)  # the newest of its day
    daily = [d for d in by_day if d > newest - timedelta(days=8)]
    assert len(daily) == 7  # seven days that have a backup, the 5th skipped, not lost
    weeks = {f.taken_at.isocalendar()[:2] for f in kept}
    assert len(weeks) == 4 and len(kept) == len(by_day)
    assert retained(files, 1, 0) == {max(files, key=lambda f: f.taken_at).path}


class FakeBackups:
    def __init__(self):
        self.files: dict[Path, datetime] = {}

    def backups(self, folder):
        return sorted((BackupFile(p, t) for p, t in self.files.items()),
                      key=lambda b: b.taken_at)

    def write(self, folder, at):
        path = folder / f"s-{at:%Y%m%d-%H%M%S}.backup.sqlite"
        self.files[path] = at
        return WrittenBackup(path)

    def remove(self, path):
        del self.files[path]


def test_daily_backup_by_an_injected_clock():
    target, folder = FakeBackups(), Path("/backups")
    now = datetime(2026, 1, 1, 8, 30)
    for _ in range(120):  # the client's timer, every 6 hours for 30 days
        rotate(target, folder, keep_days=7, keep_weeks=4, now=now)
        now += timedelta(hours=6)
    taken = sorted(target.files.values())
    assert len({t.date() for t in taken}) == len(taken)  # one per day
    # the last run was Saturday 31 January: the 7 days 25–31 January, and the newest of the
    # four newest ISO weeks — which adds Sunday 18 and Sunday 11 January
    assert [t.date() for t in taken] == [date(2026, 1, 11), date(2026, 1, 18)] + [
        date(2026, 1, 25) + timedelta(days=i) for i in range(7)]


def test_daily_backup_of_a_real_store_by_an_injected_clock(sqlite_store, tmp_path):
    folder = tmp_path / "daily"
    outcomes = [bk.backup_if_due(sqlite_store, folder, keep=3, keep_weeks=1,
                                 now=datetime(2026, 3, 1, 18) + timedelta(days=i))
                for i in range(6)]
    again = bk.backup_if_due(sqlite_store, folder, keep=3, keep_weeks=1,
                             now=datetime(2026, 3, 6, 20))
    assert all(o.ok and o.written for o in outcomes)
    assert again.written is None and "exists" in again.message
    names = sorted(p.name for p in folder.iterdir())
    # 1 March is a Sunday: its week ended before the newest week, so 1 week keeps none of it
    assert [n.split("-")[1] for n in names] == ["20260304", "20260305", "20260306"]
    assert all(bk.check_backup(folder / n) is None for n in names)


def test_backups_are_named_and_counted_by_the_stores_clock(sqlite_store, tmp_path, frozen_clock):
    """A workstation set to UTC still names backups by the district's time: 01:30 on 2 March
    in the district is 17:30 on 1 March in UTC, and "today's backup" is the district's day."""
    frozen_clock(datetime(2026, 3, 2, 1, 30))
    written = bk.write_backup(sqlite_store, tmp_path / "manual")
    assert "-20260302-013000" in written.path.name
    daily = bk.backup_if_due(sqlite_store, tmp_path / "daily", keep=3, keep_weeks=0)
    assert daily.written is not None and "-20260302-013000" in daily.written.name


def test_scheme_and_catalog_versions_are_stamped_by_the_stores_clock(sqlite_store, frozen_clock):
    frozen_clock(datetime(2026, 3, 2, 1, 30))
    with sqlite_store.uow() as uow:
        version, scheme = uow.config.assessment_scheme() or (0, {})
        new = uow.config.save_assessment_scheme(scheme, None, "test")
        catalog = uow.config.catalog()
        cv = uow.config.save_catalog(list(catalog), None, "test")
        uow.commit()
    with sqlite_store.uow(write=False) as uow:
        assert dict((v, at) for v, at, _by, _n in uow.config.assessment_schemes())[new] == \
            datetime(2026, 3, 2, 1, 30)
        assert dict((v, at) for v, at, _n in uow.config.catalog_versions())[cv] == \
            datetime(2026, 3, 2, 1, 30)
