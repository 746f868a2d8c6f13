"""Start the desktop client: open the store, log in, load the map, show the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QSettings, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from ..paths import data_dir
from .i18n import install_qt_language, language, set_language, tr

CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC",
             "Source Han Sans SC", "SimHei")


def settings() -> QSettings:
    """Per-user settings in gridapp's data folder (tests point GRIDAPP_DATA elsewhere)."""
    return QSettings(str(data_dir() / "gridapp.ini"), QSettings.Format.IniFormat)


def application() -> QApplication:
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
          "cell raster": "生成网格图像"}


def load_map(store, progress=None):
    """The map's data and cell image (from their files beside the store when they fit)."""
    from ..app.cell_raster import load_or_build
    from ..app.map_data import MapData

    def report(done: int, total: int, phase: str) -> None:
        if progress is not None:
            text = tr(PHASES.get(phase, phase))
            progress(done, total, f"{text} {done:,}" if phase == "cases" else text)
    cache, raster_path = cache_paths(store)
    data = MapData.load(store, cache, progress=report)
    return data, load_or_build(data, raster_path, report)


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


def _load_with_progress(store):
    """Read the map off the UI thread, with progress and a way out."""
    from .workers import Job
    dialog = QProgressDialog(tr("正在加载地图…"), tr("退出"), 0, 100)
    dialog.setWindowTitle("gridapp")
    dialog.setMinimumDuration(300)
    result: dict = {}
    loop = QEventLoop()
    job = Job(lambda progress: load_map(store, progress), "load")
    job.progress.connect(lambda d, t, what: (dialog.setMaximum(max(t, 1)), dialog.setValue(d),
                                            dialog.setLabelText(tr("正在加载地图…") + f"\n{what}")))
    job.finished.connect(lambda r: (result.setdefault("ok", r), loop.quit()))
    job.failed.connect(lambda exc: (result.setdefault("error", exc), loop.quit()))
    dialog.canceled.connect(lambda: (job.cancel(), result.setdefault("cancelled", True),
                                     loop.quit()))
    job.start()
    loop.exec()
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


def run(db: str | None, user: str | None = None, lang: str | None = None) -> int:
    from ..bootstrap import open_store
    from .login import LoginDialog
    app = application()
    st = settings()
    set_language(lang or st.value("language", "zh"))
    try:
        store = open_store(db)
    except Exception as exc:  # noqa: BLE001
        fatal(tr("无法打开数据库"), exc)
        return 2
    login = LoginDialog(store, user or st.value("user", ""))
    if not login.exec():
        return 0
    try:
        loaded = _load_with_progress(store)
    except Exception as exc:  # noqa: BLE001
        fatal(tr("无法加载地图"), exc)
        return 2
    if loaded is None:
        return 0
    window = build_window(store, login.session, st, loaded)
    window.show()
    return app.exec()
