"""Shared fixtures: a SpatiaLite template store, and a throwaway PostGIS for the same tests."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

# Qt must never try to open a display in tests (pytest-qt has no ini option for this).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the user's data or settings.
_DATA = tempfile.mkdtemp(prefix="gridapp-test-data-")
os.environ["GRIDAPP_DATA"] = _DATA
os.environ.pop("GRIDAPP_DB", None)

import pytest  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from factories import build_mini_store  # noqa: E402
from postgis_server import PostGISServer  # noqa: E402

from gridapp.store.store import Store  # noqa: E402


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "mini.sqlite"
    build_mini_store(str(path), basemap=path.with_suffix(".basemap.mbtiles")).close()
    return path


@pytest.fixture
def frozen_clock(monkeypatch):
    """`freeze(at)`: every store this process opens tells time `at` (a command line run in
    the test's own process included); returns the clock, to move it on."""
    from gridapp.domain.clock import SettableClock

    def freeze(at):
        clock = SettableClock(at)
        monkeypatch.setattr(Store, "clock", clock)
        return clock
    return freeze


@pytest.fixture
def sqlite_store(sqlite_template, tmp_path):
    path = tmp_path / "store.sqlite"
    shutil.copy(sqlite_template, path)
    store = Store.open(str(path))
    yield store
    store.close()


@pytest.fixture(scope="session")
def postgis():
    """One PostGIS server for the whole run; GRIDAPP_TEST_PG_URL points at an existing one."""
    if os.environ.get("GRIDAPP_SKIP_POSTGIS") == "1":
        pytest.skip("GRIDAPP_SKIP_POSTGIS=1")
    server = PostGISServer()
    if not server.available:
        pytest.fail("PostgreSQL/PostGIS is not installed: run the README's test command, "
                    "which installs postgresql-15-postgis-3")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgis_template(postgis, tmp_path_factory):
    url = postgis.create_database("gridapp_template")
    build_mini_store(url, basemap=tmp_path_factory.mktemp("pg") / "mini.basemap.mbtiles").close()
    return "gridapp_template"


@pytest.fixture
def postgis_store(postgis, postgis_template):
    name = "t_" + uuid.uuid4().hex[:12]
    url = postgis.create_database_from(name, postgis_template)
    store = Store.open(url)
    yield store
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def store(request):
    """The same test on both backends."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture
def data_dir() -> Path:
    """Real Wuhan boundaries and code lists kept with the tests (tests/data/wuhan, CC BY 4.0)."""
    return Path(__file__).resolve().parent / "data" / "wuhan"
