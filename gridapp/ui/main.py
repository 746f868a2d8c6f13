"""Start the desktop client: open the store, log in, load the map, show the window."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QSplashScreen

from ..app.map_data import MapData
from ..paths import data_dir
from .i18n import set_language, tr

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
    return app


def cache_paths(store) -> tuple[Path, Path]:
    if store.backend == "sqlite":
        base = Path(store.engine.url.database)
        return base.with_suffix(".mapcache.npz"), base.with_suffix(".cellraster.npz")
    name = store.engine.url.database
    return data_dir() / f"{name}.mapcache.npz", data_dir() / f"{name}.cellraster.npz"


def load_raster(data: MapData, path: Path):
    """The cell-number image (built once per store, kept next to it)."""
    from .map.cell_raster import CellRaster
    n = len(data.cells.codes)
    if path.exists():
        try:
            z = np.load(path)
            if str(z["key"]) == data.places_key and tuple(z["extent"]) == tuple(data.extent):
                return CellRaster(z["ids"], tuple(data.extent), float(z["px"]))
        except (OSError, ValueError, KeyError):
            pass
    if n == 0:
        return None
    px = max(10.0, float(np.sqrt((data.extent[2] - data.extent[0]) *
                                 (data.extent[3] - data.extent[1]) / 4e6)))
    raster = CellRaster.build(data.cells, data.extent, px)
    with contextlib.suppress(OSError):  # read-only folder: rebuilt next time
        np.savez(path, ids=raster.ids, extent=np.array(data.extent), px=raster.px,
                 key=np.array(data.places_key))
    return raster


def basemap_for(store):
    from .map.basemap import TileSource
    with store.read() as conn:
        path = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'basemap'").scalar()
    return TileSource(Path(path)) if path and Path(path).exists() else None


def build_window(store, session, settings_obj=None):
    from .main_window import MainWindow
    cache, raster_path = cache_paths(store)
    data = MapData.load(store, cache)
    raster = load_raster(data, raster_path)
    return MainWindow(store, session, data, raster, basemap_for(store), settings_obj, cache)


def run(db: str | None, user: str | None = None, lang: str | None = None) -> int:
    from ..bootstrap import open_store
    from .login import LoginDialog
    app = application()
    st = settings()
    set_language(lang or st.value("language", "zh"))
    try:
        store = open_store(db)
    except Exception as exc:  # noqa: BLE001
        QMessageBox.critical(None, "gridapp", tr("无法打开数据库：") + f"\n{exc}")
        return 2
    login = LoginDialog(store, user or st.value("user", ""))
    if not login.exec():
        return 0
    splash = QSplashScreen()
    splash.showMessage(tr("正在加载地图…"), Qt.AlignmentFlag.AlignCenter)
    splash.show()
    app.processEvents()
    window = build_window(store, login.session, st)
    window.show()
    splash.finish(window)
    return app.exec()
