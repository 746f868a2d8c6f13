"""我的责任区: a road chief sees his segments with their patrol calendar and 巡查到位率, makes
his field package from the window, and the command room decides field conflicts."""

from datetime import datetime

from factories import X0, Y0
from ui_support import NOW, idle

from gridapp.analysis.patrol import import_tracks
from gridapp.io.tracks import read_tracks


def test_a_road_chief_sees_his_segment_calendar_and_makes_his_package(window, qtbot,
                                                                      tmp_path, messages):
    make, store, _a, _b = window
    import numpy as np

    from gridapp.io.crs import store_to_lonlat
    xs = np.linspace(X0, X0 + 400, 300)
    lon, lat = store_to_lonlat(xs, np.full(300, Y0 + 205), 4547)
    rows = ["账号,时间,经度,纬度"] + [
        f"chief1,2026-11-02 08:{i // 60:02d}:{i % 60:02d},{lo:.8f},{la:.8f}"
        for i, (lo, la) in enumerate(zip(lon, lat, strict=True))]
    path = tmp_path / "walk.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    import_tracks(store, read_tracks(path, 4547, "Asia/Shanghai"), path.name, "chief1")
    w = make("chief1")
    panel = w.my_area
    assert w.tabs.currentWidget() is panel  # a road chief starts on his own area
    qtbot.waitUntil(lambda: panel.view is not None and panel._job is None, timeout=15000)
    view = panel.view
    assert view.kind == "segments" and [r["name"] for r in view.rows] == ["解放大道(西段)"]
    cal = view.rows[0]["calendar"]
    assert cal[datetime(2026, 11, 1).date()] == "missed"
    assert cal[datetime(2026, 11, 2).date()] == "patrolled"
    # Nov 1 ended unpatrolled; Nov 2 (still running) already patrolled: 1 of 2
    assert (view.due, view.patrolled) == (2, 1)
    assert "巡查到位率" in panel.title.text()
    t = panel.table
    assert t.item(0, 0).text() == "解放大道(西段)" and t.item(0, 6).text() == "✗"
    assert t.item(0, 7).text() == "✓"
    assert not t.isColumnHidden(1) and t.item(0, 1).text().startswith("每 ")
    job = panel.export_package(str(tmp_path / "pkgs"))
    assert job.wait(60)
    made = list((tmp_path / "pkgs").glob("chief1-*/chief1.qgs"))
    assert len(made) == 1
    # the child's answer reaches the panel on the UI thread and tells the road chief
    qtbot.waitUntil(lambda: any("已写入" in text for _kind, text in messages), timeout=30000)
    assert "用 QField 打开 chief1.qgs" in messages[-1][1]
    idle(qtbot, w)


def test_the_command_room_decides_a_field_conflict(window, qtbot, tmp_path, messages):
    import pandas as pd
    import pyogrio
    from factories import act, clock

    from gridapp.domain.actions import Action
    from gridapp.io.field_import import import_package
    from gridapp.io.field_package import export_package
    from gridapp.services import cases as svc
    make, store, a, _b = window
    c = svc.report(store.uow(), "worker1", class_code="E0102", x=X0 + 150, y=Y0 + 205).case
    act(store, "acceptor", c.id, Action.REGISTER)
    act(store, "dispatcher", c.id, Action.DISPATCH, assignee="road_chief:chief1")
    act(store, "chief1", c.id, Action.SIGN)
    info = export_package(store, "chief1", tmp_path, "chief1")
    act(store, "boss", c.id, Action.SUPERVISE, note="加快")
    gpkg = info.folder / "chief1.gpkg"
    pyogrio.write_dataframe(pd.DataFrame([{"uuid": "x-1", "made_at": NOW, "person": "chief1",
                                           "case_id": c.id, "note": "已处理"}]),
                            gpkg, layer="rectifications", driver="GPKG", append=True)
    clock(store, NOW.replace(hour=11))
    assert len(import_package(store, info.folder, "chief1").conflicts) == 1
    w = make("dispatcher")
    dialog = w.my_area.show_conflicts()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "x-1"
    assert dialog.decide(True, 0) and dialog.table.rowCount() == 0
    assert svc.view(store.uow(), "dispatcher", c.id).case.state.value == "rectified"
    dialog.close()


def test_a_grid_worker_sees_the_last_day_he_checked_in_in_each_cell(window, qtbot):
    from factories import cell_center

    from gridapp.store.patrols import add_checkin
    make, store, _a, _b = window
    with store.read() as conn:
        me = conn.exec_driver_sql("SELECT id FROM people WHERE username = 'worker1'").scalar()
    x, y = cell_center("420102001001", 3)
    with store.uow() as uow:
        for day in (29, 31):  # two 巡查打卡 in the same cell: the later counts
            add_checkin(uow.conn, store.srid, me, datetime(2026, 10, day, 9, 0), x, y, "",
                        "field")
        uow.commit()
    w = make("worker1")
    panel = w.my_area
    qtbot.waitUntil(lambda: panel.view is not None and panel._job is None, timeout=15000)
    view = panel.view
    assert view.kind == "cells" and len(view.rows) == 16
    last = {r["name"]: r["last"] for r in view.rows}
    assert last.pop("420102001001003") == datetime(2026, 10, 31).date()
    assert set(last.values()) == {None}
    # cells have no patrol rhythm: the 巡查频次 column, always empty for them, is not shown
    assert panel.table.horizontalHeaderItem(1).text() == "巡查频次"
    assert panel.table.isColumnHidden(1)
    idle(qtbot, w)
