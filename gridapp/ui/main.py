"""Start the desktop client: open the store, log in, load the map, show the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QSettings, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from ..paths import data_dir
from .i18n import install_qt_language, language, set_language, tr
from .memory import tame_allocator

CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC",
             "Source Han Sans SC", "SimHei")


def settings() -> QSettings:
    """Per-user settings in gridapp's data folder (tests point GRIDAPP_DATA elsewhere)."""
    return QSettings(str(data_dir() / "gridapp.ini"), QSettings.Format.IniFormat)


def application() -> QApplication:
    tame_allocator()  # before the first large arrays: a window runs all day
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("gridapp")
    families = set(QFontDatabase.families())
    for name in CJK_FONTS:  # Chinese must not fall back to boxes
        if name in families:
            app.setFont(QFont(name, 10))
            break
    install_qt_language()
    return app


def cache_paths(store) -> tuple[Path, Path]:
    if store.backend == "sqlite":
        base = Path(store.engine.url.database)
        return base.with_suffix(".mapcache.npz"), base.with_suffix(".cellraster.npz")
    name = store.engine.url.database
    return data_dir() / f"{name}.mapcache.npz", data_dir() / f"{name}.cellraster.npz"


def basemap_for(store):
    from .map.basemap import TileSource
    path = store.read_model.meta("basemap")
    return TileSource(Path(path)) if path and Path(path).exists() else None


class _Wake(QObject):
    """Lives on the UI thread; the NOTIFY listener's thread emits, the window refreshes."""

    changed = Signal()

    def __init__(self, store) -> None:
        super().__init__()
        from ..store.notify import ChangeListener
        self._listener = ChangeListener(store.url, self.changed.emit).start()

    def stop(self) -> None:
        self._listener.stop()


PHASES = {"cache": "读取缓存", "places": "读取网格与路段", "cases": "读取案件",
          "cell raster": "生成网格图像", "save": "写入地图缓存"}


def load_map(store, progress=None):
    """The map's data and cell image (from their files beside the store when they fit)."""
    from ..app.cell_raster import load_or_build
    from ..app.map_data import MapData

    def report(done: int, total: int, phase: str) -> None:
        if progress is not None:
            text = tr(PHASES.get(phase, phase))
            progress(done, total, f"{text} {done:,}" if phase == "cases" else text)
    cache, raster_path = cache_paths(store)
    # the cache files are written on a thread of their own once the map is handed over
    # (the window waits for them before it closes)
    data = MapData.load(store, cache, progress=report, behind=True)
    return data, load_or_build(data, raster_path, report, behind=True)


def build_window(store, session, settings_obj=None, loaded=None, clock=None):
    """The main window on a fresh application model (map data read unless `loaded`)."""
    from ..app.clock import StoreClock
    from ..app.model import AppModel
    from .main_window import MainWindow
    cache, raster_path = cache_paths(store)
    data, raster = loaded or load_map(store)
    model = AppModel(store, session, data, raster, clock or StoreClock(store), raster_path)
    listener = _Wake(store) if store.backend == "postgresql" else None
    return MainWindow(model, basemap_for(store), settings_obj, cache, listener)


def _load_with_progress(job):
    """Wait for the map being read off the UI thread, with progress and a way out."""
    dialog = QProgressDialog(tr("正在加载地图…"), tr("退出"), 0, 100)
    dialog.setWindowTitle("gridapp")
    dialog.setMinimumDuration(300)
    dialog.setAutoReset(False)  # the cases read to the last is not the end: more steps follow
    result: dict = {}
    loop = QEventLoop()

    def progressed(done: int, total: int, what: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        dialog.setLabelText(tr("正在加载地图…") + f"\n{what}")
    if job.last_progress is not None:  # it started while the user logged in
        progressed(*job.last_progress)
    job.progress.connect(progressed)
    job.settled.connect(loop.quit)
    dialog.canceled.connect(lambda: (job.cancel(), result.setdefault("cancelled", True),
                                     loop.quit()))
    if job.outcome is None:  # else it was read completely before the login was done
        loop.exec()
    if job.outcome is not None and "cancelled" not in result:
        result[job.outcome[0]] = job.outcome[1]
    dialog.reset()
    if "cancelled" in result:
        job.wait(30)
        return None
    if "error" in result:
        raise result["error"]
    return result["ok"]


def fatal(title: str, exc: BaseException) -> None:
    """The client cannot start: the sentence, the technical details behind 详细信息."""
    from .errors import details, explain
    box = QMessageBox(QMessageBox.Icon.Critical, "gridapp", f"{title}：{explain(exc)}"
                      if language() == "zh" else f"{title}: {explain(exc)}")
    more = details(exc)
    if more:
        box.setDetailedText(more)
    box.exec()


class _Behind(QObject):
    """What starts behind the login dialog: open the store, then read the map off the UI thread.

    The dialog needs neither, so it appears as soon as Qt can draw it (the work starts once
    it has painted: loading the database layer would compete with it for the interpreter);
    by the time the user has typed a password the store is usually open and the map read.
    """

    def __init__(self, db: str | None, login) -> None:
        from .startup import after_first_paint
        super().__init__()
        self.db, self.login = db, login
        self.store, self.error, self.opening, self.map_job = None, None, None, None
        after_first_paint(login, self._start)

    def _start(self) -> None:
        from .workers import Job
        self.opening = Job(lambda _progress: _open(self.db), "open store")
        self.opening.finished.connect(self._opened)
        self.opening.failed.connect(self._failed)
        self.opening.start()

    def _opened(self, store) -> None:
        from .workers import Job
        self.store = store
        self.map_job = Job(lambda progress: _prepare(store, progress), "load").start()
        self.login.store_ready(store)

    def _failed(self, exc) -> None:
        self.error = exc
        self.login.reject()

    def cancel(self) -> None:
        for job in (self.opening, self.map_job):
            if job is not None:
                job.cancel()
                job.wait(30)


def _prepare(store, progress):
    """Behind the login: the window's modules (pyqtgraph and the panels take ~1 s to import
    on this kind of machine), then the map's data."""
    from . import main_window  # noqa: F401 (imported for the main window to come)
    return load_map(store, progress)


def _open(db: str | None):
    from ..bootstrap import open_store
    return open_store(db)


def run(db: str | None, user: str | None = None, lang: str | None = None) -> int:
    from . import startup
    from .login import LoginDialog
    app = application()
    st = settings()
    set_language(lang or st.value("language", "zh"))
    login = LoginDialog(None, user or st.value("user", ""))
    behind = _Behind(db, login)
    startup.watch(login, "login")
    if not login.exec():
        behind.cancel()
        if behind.error is not None:
            fatal(tr("无法打开数据库"), behind.error)
            return 2
        return 0
    startup.mark("logged_in")
    try:
        loaded = _load_with_progress(behind.map_job)
    except Exception as exc:  # noqa: BLE001
        fatal(tr("无法加载地图"), exc)
        return 2
    if loaded is None:
        return 0
    window = build_window(behind.store, login.session, st, loaded)
    window.show()
    startup.watch(window, "window")
    return app.exec()
