"""SpatiaLite (system PROJ) and pyproj/pyogrio (bundled PROJ) in one process, then exit.

A wrong load order corrupts the heap and the process dies at exit (seen in the desktop
client); this runs the risky order in a child process and wants a clean exit.
"""

import subprocess
import sys

CODE = """
import sys
sys.path.insert(0, {tests!r})
from factories import build_mini_store
store = build_mini_store({db!r})
with store.read() as conn:
    conn.exec_driver_sql("SELECT spatialite_version()").scalar()
import pyproj, pyogrio
t = pyproj.Transformer.from_crs(4326, 4547, always_xy=True)
assert 520000 < t.transform(114.3, 30.6)[0] < 540000
store.close()
print("ok")
"""


def test_spatialite_then_proj_users_exit_cleanly(tmp_path):
    from pathlib import Path
    tests = str(Path(__file__).resolve().parents[1])
    r = subprocess.run([sys.executable, "-c", CODE.format(tests=tests,
                                                           db=str(tmp_path / "x.sqlite"))],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "ok" in r.stdout, (r.returncode, r.stderr[-2000:])
