"""Screenshots of the main window (for the README and for looking at what users see).

    xvfb-run -s "-screen 0 1600x1000x24" python -m gridapp.ui.screenshots --db demo.sqlite
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ..app.session import Session
from ..bootstrap import open_store
from .i18n import set_language
from .main import application, build_window
from .map import render_pool


def settle(app: QApplication, seconds: float = 1.5) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        render_pool.drain(0.05)
        time.sleep(0.02)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", default="screenshots")
    ap.add_argument("--user", default="shift01")
    ap.add_argument("--password", default="demo1234")
    ap.add_argument("--sizes", default="1280x800,1920x1080",
                    help="window sizes for main_<W>x<H>_<lang>.png (the screen must be as big)")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    store = open_store(args.db)
    session = Session.open(store, args.user, args.password)
    w = build_window(store, session, None)
    w.resize(1600, 1000)
    w.show()
    settle(app)
    m = w.model
    over = np.flatnonzero(m.derived.overdue & m.derived.mask)
    if len(over):
        w.select_case(int(over[0]))
        w.canvas.zoom_to(m.data.extent)
    settle(app)
    for size in args.sizes.split(","):
        width, height = (int(v) for v in size.lower().split("x"))
        w.resize(width, height)
        settle(app)
        for lang in ("zh", "en"):
            set_language(lang)
            settle(app)
            w.grab().save(str(out / f"main_{width}x{height}_{lang}.png"))
    set_language("zh")
    w.resize(1600, 1000)
    settle(app)
    for lang in ("zh", "en"):
        set_language(lang)
        settle(app)
        w.grab().save(str(out / f"main_{lang}.png"))
        w.tabs.setCurrentWidget(w.warnings)
        settle(app, 0.5)
        w.grab().save(str(out / f"warnings_{lang}.png"))
        w.tabs.setCurrentWidget(w.detail)
    set_language("zh")
    vp = w.canvas.viewport
    if len(over):
        i = int(over[0])
        w.canvas.set_viewport(vp.centred(float(m.data.cases.x[i]),
                                         float(m.data.cases.y[i]), 1.5))
    settle(app)
    w.grab().save(str(out / "street_level_zh.png"))
    w.export_map("pdf", str(out / "map_zh.pdf"))
    # the dashboard with a thematic map of the on-time closing rate by community
    w.canvas.zoom_to(m.data.extent)
    w.show_dashboard()
    w.resizeDocks([w.dashboard_dock], [470], Qt.Orientation.Vertical)
    done = []
    w.dashboard.computed.connect(lambda: done.append(1))
    end = time.time() + 60
    while not done and time.time() < end:
        settle(app, 0.2)
    d = w.dashboard
    d.level.setCurrentIndex(d.level.findData("community"))
    d.indicator.setCurrentIndex(d.indicator.findData("close_on_time_rate"))
    d.map_button.setChecked(True)
    settle(app)
    w.grab().save(str(out / "dashboard_zh.png"))
    set_language("en")
    settle(app)
    w.grab().save(str(out / "dashboard_en.png"))
    set_language("zh")
    print("\n".join(str(p) for p in sorted(out.iterdir())))
    w.close()


if __name__ == "__main__":
    main()
