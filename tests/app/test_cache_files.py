"""Cache files are written whole or not at all, and when written behind, in the order asked."""

import subprocess
import sys
import textwrap
import threading
from datetime import datetime

import numpy as np
import pytest
from factories import act, cell_center

from gridapp.app import cache_files
from gridapp.app.cache_files import save_arrays, wait_written, write_behind
from gridapp.app.cell_raster import load_or_build
from gridapp.app.map_data import MapData
from gridapp.domain.case import Source
from gridapp.domain.workflow import Action

T0 = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def store(sqlite_store):
    x, y = cell_center("420102001001", 2)
    act(sqlite_store, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
        class_code="E0102", x=x, y=y, at=T0)
    return sqlite_store


def test_a_crash_mid_write_leaves_the_old_file(tmp_path):
    """The process dies (no cleanup at all) halfway through a cache file: the file at the
    path is still the old one, whole, and nothing half-written loads in its place."""
    path = tmp_path / "map.npz"
    save_arrays(path, a=np.arange(10))
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        import numpy as np
        from numpy.lib import format as fmt
        from gridapp.app.cache_files import save_arrays
        write = fmt.write_array
        def dies(fp, array, *a, **k):
            if array.size > 100:  # the second array: the first is in the file already
                fp.write(b"x" * 1000)
                os._exit(3)
            write(fp, array, *a, **k)
        fmt.write_array = dies
        save_arrays(Path({str(path)!r}), a=np.arange(5), b=np.arange(10**6))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == 3, done.stderr.decode()
    with np.load(path) as z:
        assert z.files == ["a"] and list(z["a"]) == list(range(10))
    left = [p for p in tmp_path.iterdir() if p != path]
    assert len(left) == 1 and left[0].name.startswith(".map.npz.")  # never loaded: not the path


def test_a_failed_write_keeps_the_old_map_cache(store, tmp_path, monkeypatch):
    (tmp_path / "c").mkdir()
    cache = tmp_path / "c" / "map.npz"
    data = MapData.load(store, cache)
    before = cache.read_bytes()

    def full(*args, **kw):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(np.lib.format, "write_array", full)
    with pytest.raises(OSError):
        data.save(cache)
    assert cache.read_bytes() == before and list(cache.parent.iterdir()) == [cache]
    monkeypatch.undo()
    again = MapData._from_cache(store, cache)
    assert again is not None and list(again.cases.id) == list(data.cases.id)


def test_a_cut_cache_file_is_not_loaded(store, tmp_path):
    """A file cut short (an older client wrote the cell image in place) is built anew."""
    cache, raster = tmp_path / "map.npz", tmp_path / "cells.npz"
    data = MapData.load(store, cache)
    load_or_build(data, raster)
    for path in (cache, raster):
        path.write_bytes(path.read_bytes()[:1000])
    assert MapData._from_cache(store, cache) is None
    assert load_or_build(data, raster) is not None
    raster.write_bytes(b"")
    assert load_or_build(data, raster) is not None


def test_written_behind_the_same_files(store, tmp_path):
    """Written behind, the cache files are the files written in place, byte for byte."""
    now = datetime(2026, 11, 3, 8, 0)
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    data = MapData.load(store, here / "map.npz", now=now)
    load_or_build(data, here / "cells.npz")
    late = MapData.load(store, there / "map.npz", now=now, behind=True)
    load_or_build(late, there / "cells.npz", behind=True)
    assert wait_written(60)
    for name in ("map.npz", "cells.npz"):
        assert (here / name).read_bytes() == (there / name).read_bytes()
    assert sorted(p.name for p in there.iterdir()) == ["cells.npz", "map.npz"]
    plain = tmp_path / "plain.npz"
    np.savez(plain, a=np.arange(3))  # as the files were made before: by the umask
    assert (there / "map.npz").stat().st_mode == plain.stat().st_mode


def test_writes_behind_in_the_order_asked(tmp_path):
    path = tmp_path / "x.npz"
    gate = threading.Event()
    write_behind(gate.wait)  # the writer busy: the next two wait their turn
    write_behind(lambda: save_arrays(path, v=np.array(1)))
    write_behind(lambda: save_arrays(path, v=np.array(2)))
    # not waiting (0): a timeout that must run out would hang the dated test runs
    assert not wait_written(0) and not path.exists()
    gate.set()
    assert wait_written(60)
    with np.load(path) as z:
        assert int(z["v"]) == 2


def test_a_write_behind_into_a_read_only_place_is_no_error(tmp_path):
    def refused():
        raise PermissionError(13, "read-only")
    write_behind(refused)
    assert wait_written(60)
    assert cache_files.wait_written() is True
