"""Opening a store the first time: the map cache is built behind the client's progress dialog,
which names each step and counts the cases read against how many there are; the cache files
are written behind it, once the map is handed over."""

import threading
import time

from PySide6.QtCore import QTimer

from gridapp.app.cache_files import wait_written
from gridapp.app.map_data import MapData
from gridapp.ui import main
from gridapp.ui.workers import Job


def test_building_the_map_cache_shows_its_progress(qtbot, seeded, monkeypatch):
    store, _a, _b = seeded
    for f in main.cache_paths(store):
        f.unlink(missing_ok=True)  # the first open: no map cache, no cell image
    steps: list[tuple[str, int, int, bool]] = []

    class Recorded(main.QProgressDialog):
        """The client's own dialog, each step it shows noted (text, value, maximum, shown)."""

        def setLabelText(self, text: str) -> None:
            super().setLabelText(text)
            steps.append((text.split("\n")[-1], self.value(), self.maximum(), self.isVisible()))
    monkeypatch.setattr(main, "QProgressDialog", Recorded)
    places = MapData._places.__func__

    def slow_places(cls, *args):  # a city's places take a second: the dialog comes up
        time.sleep(1.0)
        return places(cls, *args)
    monkeypatch.setattr(MapData, "_places", classmethod(slow_places))
    save, release = MapData.save, threading.Event()

    def held_save(self, path):  # the cache is written only once the test lets it
        release.wait(30)
        save(self, path)
    monkeypatch.setattr(MapData, "save", held_save)

    job = Job(lambda progress: main._prepare(store, progress), "load")
    QTimer.singleShot(0, job.start)  # once the dialog listens: every step reaches it
    loaded = main._load_with_progress(job)

    assert loaded is not None and len(loaded[0].cases) == 2
    # the map is handed over before its cache is written: that is written behind it
    map_cache, cell_image = main.cache_paths(store)
    assert not map_cache.exists() and not cell_image.exists()
    release.set()
    assert wait_written(30)
    assert map_cache.exists() and cell_image.exists()  # built and kept
    texts = [s[0] for s in steps]
    order = ["读取缓存", "读取网格与路段", "读取案件 0", "读取案件 2", "生成网格图像"]
    assert [t for t in texts if t in order] == order, texts
    assert "写入地图缓存" not in texts  # nothing to wait for
    cases = [s for s in steps if s[0].startswith("读取案件")]
    assert cases[-1][1:3] == (2, 2)  # every case read, of all there are
    # the places took a second: the dialog is up for what follows
    assert steps[-1][0] == "生成网格图像" and steps[-1][3]


def test_opening_with_the_cache_reads_no_case_rows(qtbot, seeded, monkeypatch):
    store, _a, _b = seeded
    main.load_map(store)  # builds the cache
    assert wait_written(30)
    steps: list[str] = []
    job = Job(lambda progress: main._prepare(store, progress), "load")
    job.progress.connect(lambda _d, _t, what: steps.append(what))
    QTimer.singleShot(0, job.start)
    assert main._load_with_progress(job) is not None
    assert not any(s.startswith("读取案件") for s in steps)
