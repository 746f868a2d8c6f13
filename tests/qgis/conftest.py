"""QGIS itself (Debian's python3-qgis, run by the system python) opens what gridapp ships and
exports. Skipped with a reason when QGIS is not installed, unless GRIDAPP_REQUIRE_QGIS=1 (CI),
which makes a missing QGIS a failure."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest

SYSTEM_PYTHON = "/usr/bin/python3"
CHECK = Path(__file__).with_name("qgis_check.py")
# QGIS runs with a clean environment: variables the test process sets for its own GDAL, PROJ
# and SpatiaLite (wheels in .venv) must not reach Debian's libraries
KEEP = ("PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "PGSERVICEFILE")
INSTALL = ("apt-get install -y --no-install-recommends qgis python3-qgis gdal-bin "
           "(scripts/install-system.sh test)")


def _env(**extra) -> dict:
    env = {k: os.environ[k] for k in KEEP if k in os.environ}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}


def _missing() -> str | None:
    if not Path(SYSTEM_PYTHON).exists():
        return f"no {SYSTEM_PYTHON}"
    r = subprocess.run([SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True,
                       text=True, env=_env())
    if r.returncode:
        return "python3-qgis is not installed"
    if not shutil.which("ogrinfo"):
        return "gdal-bin (ogrinfo) is not installed"
    return None


@pytest.fixture(scope="session")
def qgis():
    """Runs tests/qgis/qgis_check.py under QGIS and returns its JSON report."""
    missing = _missing()
    if missing:
        if os.environ.get("GRIDAPP_REQUIRE_QGIS") == "1":
            pytest.fail(f"GRIDAPP_REQUIRE_QGIS=1 but {missing}: {INSTALL}")
        pytest.skip(f"QGIS tests need QGIS 3.22: {missing}; {INSTALL}")

    def run(*args: str, cwd: Path, env: dict | None = None) -> dict:
        r = subprocess.run([SYSTEM_PYTHON, str(CHECK), *map(str, args)], cwd=cwd,
                           capture_output=True, text=True, timeout=300,
                           env=_env(XDG_RUNTIME_DIR=str(cwd), **(env or {})))
        assert r.returncode == 0, r.stderr[-3000:]
        return json.loads(r.stdout.strip().splitlines()[-1])
    return run


@pytest.fixture(scope="session")
def qgis_live(qgis):
    """QGIS holds a project open; `change()` runs meanwhile; QGIS reloads and reports."""
    def run(project: str, layer_id: str, change, cwd: Path):
        proc = subprocess.Popen([SYSTEM_PYTHON, str(CHECK), "live", project, layer_id],
                                cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=_env(XDG_RUNTIME_DIR=str(cwd)))
        try:
            for _ in range(1200):
                if (cwd / "opened").exists() or proc.poll() is not None:
                    break
                time.sleep(0.1)
            result = change()
            (cwd / "go").touch()
            out, err = proc.communicate(timeout=300)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == 0, err[-3000:]
        return json.loads(out.strip().splitlines()[-1]), result
    return run


UNTIL = datetime(2026, 11, 2, 16, 0)


@pytest.fixture(scope="session")
def demo_now() -> datetime:
    """The demo's "now": its people, assignments and cases are as of then."""
    return UNTIL


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    """The tiny demo district (every layer filled, 2,000 cases, an offline basemap)."""
    from gridapp.demo.build import build_demo
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    store = build_demo(str(path), "tiny", seed=3, until=UNTIL)
    yield store
    store.close()
