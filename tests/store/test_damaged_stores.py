"""Damaged and unusual stores: one clear line, read-only when unsound, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

import pytest
import sqlean
from damage import (
    copy_store,
    damage_page,
    flip_bytes,
    one_line,
    raw_check,
    run_cli,
    without_file_override,
)
from factories import cli_env
from sqlalchemy import event

from gridapp.services import admin
from gridapp.store.errors import StoreBusy, StoreDamaged, StoreFull, StoreReadOnly, StoreUnavailable
from gridapp.store.health import full_check
from gridapp.store.store import Store


@pytest.fixture
def path(sqlite_template, tmp_path) -> Path:
    return copy_store(sqlite_template, tmp_path / "store.sqlite")


def _write(store: Store, code: str = "parks") -> None:
    admin.add_department(store.uow(), code, "园林")


# --- damaged files ------------------------------------------------------------------------

def test_a_store_failing_its_quick_check_is_read_only_with_one_line(path):
    damage_page(path, "people", 4)  # the cell count of the people page: a broken b-tree
    store = Store.open(str(path))
    reason = store.wait_checked()
    assert reason and "failed its check" in reason and "gridapp restore" in reason
    assert store.read_only_reason == reason
    with pytest.raises(StoreReadOnly) as e:
        _write(store)
    assert str(e.value) == reason
    with store.uow(write=False) as uow:  # reading what is still readable goes on
        assert uow.config.catalog().version == 1
    store.close()
    r = run_cli("--db", path, "dept", "add", "parks", "园林", "--as", "admin")
    assert r.returncode == 2
    assert "failed its check" in one_line(r.stderr)
    conn = sqlean.connect(path)
    assert conn.execute("SELECT count(*) FROM departments WHERE code = 'parks'").fetchone() \
        == (0,)
    r = run_cli("--db", path, "store", "check")  # the full check reads a read-only store
    assert r.returncode == 1 and r.stderr == ""
    assert "integrity        FAILED" in r.stdout and "Tree" in r.stdout


@pytest.mark.parametrize("seed", range(12))
def test_twenty_flipped_bytes_never_get_written_into(path, seed):
    """The issue's damaged store: whatever SQLite's own check sees, gridapp refuses to write."""
    flip_bytes(path, 20, seed)
    sound = raw_check(path)
    try:
        store = Store.open(str(path))
    except StoreDamaged as exc:
        assert not sound and "\n" not in str(exc)
        return
    try:
        if sound:
            assert store.wait_checked() is None
            return
        with pytest.raises((StoreReadOnly, StoreDamaged)):
            _write(store)
    finally:
        store.close()


def test_truncated_store_is_one_line(path):
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.truncate(size // 2)
    r = run_cli("--db", path, "case", "list")
    assert r.returncode == 2
    line = one_line(r.stderr)
    assert "truncated" in line and f"of {size:,} bytes" in line and str(path) in line
    with pytest.raises(StoreDamaged, match="truncated"):
        Store.open(str(path))


@pytest.mark.parametrize("content", [b"", b"name,code\n\xd6\xd0\xce\xc4,1\n", os.urandom(8192)])
def test_a_file_that_is_no_store_is_one_line(tmp_path, content):
    path = tmp_path / "not-a-store.sqlite"
    path.write_bytes(content)
    r = run_cli("--db", path, "case", "list")
    assert r.returncode == 2
    line = one_line(r.stderr)
    assert str(path) in line and ("not a gridapp store" in line or "empty" in line)


# --- files and folders without write permission ----------------------------------------------

def test_write_protected_store_reads_and_refuses_writes_in_one_line(path):
    path.chmod(0o444)
    prefix = without_file_override()
    r = run_cli("--db", path, "--json", "dept", "list", prefix=prefix)
    assert r.returncode == 0 and any(d["code"] == "sanitation" for d in json.loads(r.stdout))
    r = run_cli("--db", path, "dept", "add", "parks", "园林", "--as", "admin", prefix=prefix)
    assert r.returncode == 2
    assert "write-protected" in one_line(r.stderr)


def test_store_in_a_write_protected_folder_is_one_line(path):
    folder = path.parent / "readonly"
    folder.mkdir()
    moved = path.rename(folder / "store.sqlite")
    folder.chmod(0o555)
    try:
        r = run_cli("--db", moved, "case", "list", prefix=without_file_override())
    finally:
        folder.chmod(0o755)
    assert r.returncode == 2
    line = one_line(r.stderr)
    assert "write-protected" in line and "-wal" in line


def test_write_protected_wal_and_shm_are_one_line(path):
    conn = sqlean.connect(path)  # leave a live -wal and -shm behind, as a crashed client does
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE scratch (x)")
    conn.commit()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").chmod(0o444)
    r = run_cli("--db", path, "dept", "add", "parks", "园林", "--as", "admin", prefix=without_file_override())
    conn.close()
    assert r.returncode == 2
    line = one_line(r.stderr)
    assert "store.sqlite-wal" in line or "store.sqlite-shm" in line or "write-protected" in line


# --- a full disk --------------------------------------------------------------------------

def _png(nbytes: int) -> bytes:
    from PIL import Image
    side = int((nbytes / 3) ** 0.5) + 1
    buf = BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(buf, "PNG")
    return buf.getvalue()


def test_full_disk_is_one_line_and_keeps_nothing(path):
    from gridapp.services.photos import add_photo
    store = Store.open(str(path))
    store.wait_checked()
    pages = sqlean.connect(path).execute("PRAGMA page_count").fetchone()[0]
    store.engine.dispose()
    # SQLite's own page limit reports SQLITE_FULL exactly as a full disk does
    event.listen(store.engine, "connect",
                 lambda c, r: c.execute(f"PRAGMA max_page_count={pages + 2}"))
    photo = _png(400_000)
    with pytest.raises(StoreFull) as e:
        add_photo(store.uow(), photo, "big.png")
    message = str(e.value)
    assert "full" in message and str(path) in message and "\n" not in message
    assert "INSERT" not in message and "parameters" not in message
    with store.uow(write=False) as uow:
        assert not uow.photos.exists(__import__("hashlib").sha256(photo).hexdigest())
    store.close()


# --- busy: a long import holds the store ------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from gridapp.store.guard import activity
from gridapp.store.store import Store
store = Store.open(sys.argv[1])
with activity(store, "gridapp import hotline 12345工单.xlsx"), store.uow() as uow:
    uow.config.set_meta("import", "running")
    print("holding", flush=True)
    release = Path(sys.argv[2])
    for _ in range(1200):
        if release.exists():
            break
        time.sleep(0.05)
    uow.commit()
print("released", flush=True)
"""


def _hold(path: Path, release: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(release)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_writer_that_gives_up_waiting_names_who_holds_the_store(path, tmp_path):
    holder = _hold(path, tmp_path / "release")
    try:
        r = run_cli("--db", path, "dept", "add", "parks", "园林", "--as", "admin",
                    env={"GRIDAPP_BUSY_TIMEOUT": "0.5"})
    finally:
        (tmp_path / "release").touch()
        holder.wait(60)
    assert r.returncode == 2
    line = one_line(r.stderr)
    assert "busy" in line and "gridapp import hotline 12345工单.xlsx" in line
    assert f"pid {holder.pid}" in line


def test_writer_waits_for_a_long_import_and_succeeds(path, tmp_path):
    holder = _hold(path, tmp_path / "release")
    waiter = subprocess.Popen([sys.executable, "-c", "import sys; from gridapp.cli import main; "
                               "sys.exit(main())", "--db", str(path), "dept", "add", "parks",
                               "园林", "--as", "admin"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True,
                              env={**os.environ, **cli_env(["--as", "admin"])})
    time.sleep(0.5)  # let it start waiting; it must succeed whether or not it already waits
    (tmp_path / "release").touch()
    holder.wait(60)
    out, err = waiter.communicate(timeout=120)
    assert waiter.returncode == 0, err
    conn = sqlean.connect(path)
    assert conn.execute("SELECT count(*) FROM departments WHERE code = 'parks'").fetchone() \
        == (1,)


def test_busy_store_held_by_another_program_says_so(path, monkeypatch):
    other = sqlean.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        store = Store.open(str(path))
        store.wait_checked()
        monkeypatch.setenv("GRIDAPP_BUSY_TIMEOUT", "0.3")
        store.engine.dispose()
        with pytest.raises(StoreBusy) as e:
            _write(store)
        store.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "not gridapp" in str(e.value) and "\n" not in str(e.value)


# --- the full check -------------------------------------------------------------------------

def test_store_check_of_a_sound_store(store):
    report = full_check(store)
    assert report.ok, [f.line() for f in report.findings]
    checks = {f.check for f in report.findings}
    assert {"foreign keys", "spatial index", "geometries", "schema", "settings"} <= checks
    assert ("integrity" in checks) if store.backend == "sqlite" else ("amcheck" in checks)


def test_store_check_finds_an_index_that_disagrees_with_its_table(path):
    damage_page(path, "sqlite_autoindex_catalog_classes_1", -2, 0x01)
    assert raw_check(path, "quick_check") and not raw_check(path, "integrity_check")
    r = run_cli("--db", path, "store", "check")
    assert r.returncode == 1
    assert "integrity" in r.stdout and "FAILED" in r.stdout
    assert "missing from index sqlite_autoindex_catalog_classes_1" in r.stdout


def test_store_check_finds_orphans_and_a_stale_spatial_index(store):
    orphan = "INSERT INTO person_roles (person_id, role) VALUES (99999, 'admin')"
    if store.backend == "sqlite":  # another program, without foreign keys on
        conn = sqlean.connect(store.engine.url.database)
        conn.execute("DELETE FROM idx_grid_cells_geom WHERE pkid = "
                     "(SELECT min(pkid) FROM idx_grid_cells_geom)")
        conn.execute("UPDATE idx_road_segments_geom SET xmin = xmin + 50 WHERE pkid = "
                     "(SELECT min(pkid) FROM idx_road_segments_geom)")
        conn.execute(orphan)
        conn.commit()
        conn.close()
    else:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("SET session_replication_role = replica")  # FKs not enforced
            conn.exec_driver_sql("DROP INDEX idx_grid_cells_geom")
            conn.exec_driver_sql(orphan)
            conn.commit()
    report = full_check(store)
    failed = {f.check: f.detail for f in report.problems()}
    assert "person_roles" in failed["foreign keys"] and "people" in failed["foreign keys"]
    assert "grid_cells" in failed["spatial index"]
    if store.backend == "sqlite":
        assert "grid_cells (1 not in the index" in failed["spatial index"]
        assert "road_segments (0 not in the index, 0 in it for nothing, 1 with a wrong box)" \
            in failed["spatial index"]
    assert not report.ok


def test_store_check_cli_json(path):
    r = run_cli("--db", path, "--json", "store", "check")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["ok"] and data["read_only_reason"] is None
    assert all(f["ok"] for f in data["findings"])


# --- PostGIS ----------------------------------------------------------------------------

@pytest.mark.postgis
def test_postgis_read_only_database_opens_read_only(postgis, postgis_template):
    import uuid
    name = "ro_" + uuid.uuid4().hex[:10]
    url = postgis.create_database_from(name, postgis_template)
    postgis._run(postgis.bindir / "psql", "-h", "127.0.0.1", "-p", str(postgis.port), "-U",
                 "postgres", "-d", "postgres", "-c",
                 f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    store = Store.open(url)
    try:
        assert "read-only" in store.read_only_reason
        with pytest.raises(StoreReadOnly):
            _write(store)
        with store.uow(write=False) as uow:
            assert uow.config.catalog().version == 1
    finally:
        store.close()


@pytest.mark.postgis
def test_postgis_server_that_is_not_there_is_one_line_without_password(postgis):
    with pytest.raises(StoreUnavailable) as e:
        Store.open(f"postgresql+psycopg://postgres:s3cret@127.0.0.1:{postgis.port + 1}/gis")
    message = str(e.value)
    assert "s3cret" not in message and "\n" not in message
    assert f"127.0.0.1:{postgis.port + 1}/gis" in message


@pytest.mark.postgis
def test_postgis_login_that_may_only_read_opens_read_only(postgis, postgis_template):
    import uuid
    name = "view_" + uuid.uuid4().hex[:10]
    url = postgis.create_database_from(name, postgis_template)
    role = "viewer_" + uuid.uuid4().hex[:6]
    for sql in (f"CREATE ROLE {role} LOGIN", f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"):
        postgis._run(postgis.bindir / "psql", "-h", "127.0.0.1", "-p", str(postgis.port), "-U",
                     "postgres", "-d", name, "-c", sql)
    store = Store.open(url.replace("postgres@", f"{role}@"))
    try:
        assert store.read_only_reason.endswith(f"the login {role} may only read this database")
        with pytest.raises(StoreReadOnly, match="may only read"):
            _write(store)
        with store.uow(write=False) as uow:
            assert uow.people.by_username("acceptor").name == "张受理"
    finally:
        store.close()
