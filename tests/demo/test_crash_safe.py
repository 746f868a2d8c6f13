"""Crash-safe builds: `gridapp demo` / `init` killed at any moment leave nothing half-built."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from gridapp.store.errors import StoreUnavailable
from gridapp.store.store import Store

CLI = "import sys; from gridapp.cli import main; sys.exit(main())"
UNTIL = "2026-06-30T16:00"


def _demo(db: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CLI, "--db", db, "demo", "--scale", "tiny",
                             "--until", UNTIL], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _complete(db: str, basemap: Path) -> None:
    """The store at `db` is the whole demo: places, people, every case, its basemap."""
    store = Store.open(db)
    try:
        assert store.wait_checked() is None
        with store.read() as conn:
            # every street's cases (a tiny year: 2,000 reports, less the echoes that would
            # come after the end; a street's part is ~600 cases)
            assert 1980 <= conn.execute(text("SELECT count(*) FROM cases")).scalar() <= 2000
            assert conn.execute(text("SELECT value FROM meta WHERE key = 'basemap'")).scalar() \
                == str(basemap)
            assert conn.execute(text("SELECT count(*) FROM meta WHERE key = 'building'")
                                ).scalar() == 0
    finally:
        store.close()
    assert basemap.exists()


def test_demo_killed_at_random_moments_leaves_nothing_half_built(tmp_path):
    db = tmp_path / "demo.sqlite"
    basemap = tmp_path / "demo.basemap.mbtiles"
    rng = random.Random(20261130)
    for _ in range(5):
        proc = _demo(str(db))
        time.sleep(rng.uniform(0.2, 7.0))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        visible = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
        if db.exists():  # it had finished before the kill: then it is whole
            _complete(str(db), basemap)
            for p in (db, basemap, *tmp_path.glob("demo.sqlite-*")):
                p.unlink()
        else:
            assert visible in ([], ["demo.basemap.mbtiles"]), visible
    proc = _demo(str(db))  # and `demo` can always be run again
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-2000:]
    _complete(str(db), basemap)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.basemap.mbtiles",
                                                          "demo.sqlite"]


def test_a_second_build_of_the_same_store_waits_its_turn(tmp_path):
    db = tmp_path / "demo.sqlite"
    first = _demo(str(db))
    try:
        for _ in range(600):  # until the first has taken its lock
            if (tmp_path / ".demo.sqlite.building.lock").exists():
                break
            time.sleep(0.05)
        second = subprocess.run([sys.executable, "-c", CLI, "--db", str(db), "demo", "--scale",
                                 "tiny"], capture_output=True, text=True, timeout=120)
    finally:
        first.kill()
        first.communicate(timeout=60)
    assert second.returncode == 2
    assert "is building" in second.stderr and second.stderr.strip().count("\n") == 0


def test_init_that_fails_leaves_nothing(tmp_path, monkeypatch):
    from gridapp import bootstrap
    db = tmp_path / "new.sqlite"

    def broken(*args, **kwargs):
        raise RuntimeError("power cut")
    monkeypatch.setattr(bootstrap, "initialize", broken)
    with pytest.raises(RuntimeError):
        bootstrap.create_store(str(db), admin_password="admin-pass")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    bootstrap.create_store(str(db), admin_password="admin-pass").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]


def test_init_after_a_killed_one_cleans_up(tmp_path):
    from gridapp import bootstrap
    db = tmp_path / "new.sqlite"
    for name in (".new.sqlite.building", ".new.sqlite.building-wal",
                 ".new.basemap.mbtiles.building"):  # what a kill -9 left
        (tmp_path / name).write_bytes(b"half")
    bootstrap.create_store(str(db), admin_password="admin-pass").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]


@pytest.mark.postgis
def test_postgis_demo_killed_is_refused_then_rebuilt(postgis, tmp_path):
    name = "crash_" + uuid.uuid4().hex[:10]
    url = postgis.create_database(name)
    env = {**os.environ, "GRIDAPP_DATA": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-c", CLI, "--db", url, "demo", "--scale", "tiny",
                             "--until", UNTIL], stderr=subprocess.PIPE, text=True, env=env)
    for line in proc.stderr:  # kill it once the store exists and holds places and people
        if "places and people stored" in line:
            break
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    with pytest.raises(StoreUnavailable, match="half-built store.*run it again"):
        Store.open(url)
    r = subprocess.run([sys.executable, "-c", CLI, "--db", url, "demo", "--scale", "tiny",
                        "--until", UNTIL], capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    _complete(url, tmp_path / f"{name}.basemap.mbtiles")


@pytest.mark.postgis
def test_postgis_build_that_fails_is_dropped_again(postgis, monkeypatch, tmp_path):
    from gridapp.demo import build as demo_build
    monkeypatch.setenv("GRIDAPP_DATA", str(tmp_path))
    url = postgis.create_database("fail_" + uuid.uuid4().hex[:10])

    def broken(*args, **kwargs):
        raise RuntimeError("disk pulled")
    monkeypatch.setattr(demo_build, "_people", broken)
    with pytest.raises(RuntimeError):
        demo_build.build_demo(url, "tiny")
    engine = create_engine(url)
    with engine.connect() as conn:
        left = conn.execute(text(
            "SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace "
            "AND c.relkind = 'r' AND NOT EXISTS (SELECT 1 FROM pg_depend d "
            "WHERE d.objid = c.oid AND d.deptype = 'e')")).scalar()
    engine.dispose()
    assert left == 0
    assert list(tmp_path.glob("*.mbtiles*")) == [] and list(tmp_path.glob(".*")) == []
