"""The dashboard: indicators of a period, click-through to the case list, thematic map,
bulletin from the menu."""

import numpy as np
from PySide6.QtCore import Qt
from ui_support import NOW

OCTOBER = "2026-10"  # b was registered and dispatched in October (ten days before NOW)


def _open(w, qtbot, period: str):
    d = w.dashboard
    w.show_dashboard()
    qtbot.waitUntil(lambda: d.result is not None, timeout=30000)
    if d.period.currentData() != period:
        d.result = None
        d.period.setCurrentIndex(d.period.findData(period))
        qtbot.waitUntil(lambda: d.result is not None, timeout=30000)
    return d


def test_dashboard_shows_the_period_and_clicks_through(window, qtbot):
    make, store, a, b = window
    w = make("leader_shift")
    d = _open(w, qtbot, OCTOBER)
    assert d.result["assessment"].period.label == OCTOBER
    assert d.period.itemData(0) == "2026-11"  # the running month comes first, by the clock
    streets = d.result["tables"][d.current_level()]
    assert set(streets.index) == {"420102001", "420102002"}
    assert "上报数" in d.kpi.text()
    # department level: the ranking lists the departments; a double-click lists their cases
    d.level.setCurrentIndex(d.level.findData("department"))
    units = d._row_units
    enf = next(u for u in units if d.result["tables"][d.current_level()].loc[u, "dispatched"])
    row = units.index(enf)
    d.table.scrollToItem(d.table.item(row, 1))
    rect = d.table.visualRect(d.table.model().index(row, 1))
    # Qt sees a double-click only after a click, as a real mouse does
    qtbot.mouseClick(d.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(d.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.model.drill["department"] == int(enf)
    listed = w.model.data.cases.id[w.case_list.model.rows]
    assert b.id in listed and a.id not in listed  # b went to enforcement; a is only reported
    assert "drill" in w.case_list.chips.keys()  # noqa: SIM118 (chips are widgets)
    w.case_list.remove_filter("drill")  # the chip's ✕
    assert w.model.drill == {} and "drill" not in w.case_list.chips.keys()  # noqa: SIM118
    # a month on the trend chart lists that month's reports
    d._month_clicked(len(d._months) - 1)
    assert w.model.drill["reported_from"] < w.model.drill["reported_to"]


def test_thematic_map_of_an_indicator(window, qtbot):
    make, *_ = window
    w = make("leader_shift")
    d = _open(w, qtbot, OCTOBER)
    d.level.setCurrentIndex(d.level.findData("street"))
    d.indicator.setCurrentIndex(d.indicator.findData("reported"))
    d.map_button.setChecked(True)
    t = w.model.thematic
    assert t is not None and w.model.layers.get("cells").style == "indicator"
    per_street = d.result["tables"][d.current_level()]["reported"]
    c = w.model.data.cells
    first = int(np.flatnonzero(c.street_idx == 0)[0])
    assert t.values[first] == per_street.loc["420102001"]
    assert any(kind == "title" for kind, _c, _l in w.legend_items())
    d.map_button.setChecked(False)
    assert w.model.thematic is None and w.model.layers.get("cells").style == "street"


def test_bulletin_from_the_dashboard(window, qtbot, tmp_path, messages):
    make, *_ = window
    w = make("leader_shift")
    d = _open(w, qtbot, OCTOBER)
    out = tmp_path / "bulletins"
    job = d.make_bulletin(str(out))
    qtbot.waitUntil(lambda: bool(messages) and messages[-1][0] == "information", timeout=60000)
    files = sorted(p.suffix for p in out.iterdir())
    assert files == [".pdf", ".xlsx"] and not job.running
    from gridapp.store import issued
    with w.model.store.uow(write=False) as uow:  # October has ended: issued in his name
        assert issued.read(uow.conn, "2026-10").made_by == "leader_shift"
    assert NOW.year == 2026
