"""The patrol layers in the window: segments coloured by days since their last patrol against
their rhythm (chosen like any style, with its legend and tooltips), and the track layer with
its day picker — drawn on the render threads as the client draws them."""

from datetime import date, datetime

from factories import X0, Y0, patrol
from PySide6.QtCore import Qt
from ui_support import NOW, idle

from gridapp.app.patrol_layers import DUE, NEVER, OVERDUE, PATROLLED
from gridapp.ui import theme


def _pixel(w, key: str, x: float, y: float) -> str:
    """The colour the layer's last render left at a point of the map."""
    px, py = w.canvas.viewport.to_screen(x, y)
    image = w.canvas._images.get(key)  # None while the layer is drawn again
    return "" if image is None else image.pixelColor(int(round(float(px))),
                                                     int(round(float(py)))).name()


def _choose(w, qtbot, key: str, style: str | None = None, visible: bool = True) -> None:
    """As a user does: pick the layer in the list, tick it, pick its style."""
    panel = w.layers_panel
    row = next(i for i in range(panel.list.count())
               if panel.list.item(i).data(Qt.ItemDataRole.UserRole) == key)
    panel.list.setCurrentRow(row)
    item = panel.list.item(row)
    item.setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
    if style is not None:
        panel.style.setCurrentIndex(panel.style.findData(style))
    qtbot.waitUntil(lambda: not w.patrol_layers.busy, timeout=15000)
    idle(qtbot, w)


def test_segments_coloured_by_their_last_patrol_against_their_rhythm(window, qtbot,
                                                                      tmp_path):
    make, store, _a, _b = window
    # NOW is Monday 2 November. chief1 walked 解放大道(西段) this morning; chief2 walked
    # 解放大道(东段) on Saturday (a main road: Sunday's run was missed); 黄浦路 has no record
    patrol(store, tmp_path / "w.csv", "chief1", X0, Y0 + 205, X0 + 400, Y0 + 205,
           NOW.replace(hour=8))
    patrol(store, tmp_path / "e.csv", "chief2", X0 + 400, Y0 + 205, X0 + 800, Y0 + 205,
           datetime(2026, 10, 31, 15, 0))
    w = make("dispatcher")
    _choose(w, qtbot, "segments", "patrol")
    assert w.canvas.last_patrols is not None
    colour = {k: theme.PATROL_COLORS[k] for k in (PATROLLED, DUE, OVERDUE, NEVER)}
    assert _pixel(w, "segments", X0 + 100, Y0 + 200) == colour[PATROLLED]
    assert _pixel(w, "segments", X0 + 700, Y0 + 200) == colour[OVERDUE]
    assert _pixel(w, "segments", X0 + 400, Y0 + 80) == colour[NEVER]
    legend = w.legend_items()
    for label in ("本轮已巡查", "本轮待巡查", "漏巡 1 轮", "无巡查记录"):
        assert any(row[2] == label for row in legend), label
    tip = w.patrol_layers.describe(X0 + 100, Y0 + 200)
    assert "解放大道(西段)" in tip and "上次巡查 2026-11-02（0 天前）" in tip
    assert "每 1 天一次 · 本轮已巡查" in tip
    assert "漏巡 1 轮" in w.patrol_layers.describe(X0 + 700, Y0 + 200)
    # a new record anywhere reaches the map at the next refresh
    patrol(store, tmp_path / "e2.csv", "chief2", X0 + 400, Y0 + 205, X0 + 800, Y0 + 205,
           NOW.replace(hour=9))
    w.refresh_data()
    qtbot.waitUntil(lambda: _pixel(w, "segments", X0 + 700, Y0 + 200) == colour[PATROLLED]
                    and not w.patrol_layers.busy, timeout=15000)


def test_the_track_layer_shows_who_went_where_on_the_day_chosen(window, qtbot, tmp_path):
    make, store, _a, _b = window
    patrol(store, tmp_path / "a.csv", "chief1", X0, Y0 + 205, X0 + 400, Y0 + 205,
           NOW.replace(hour=8))
    patrol(store, tmp_path / "b.csv", "chief2", X0 + 400, Y0 + 60, X0 + 400, Y0 + 380,
           NOW.replace(hour=9, minute=30))
    patrol(store, tmp_path / "c.csv", "chief1", X0 + 400, Y0 + 205, X0 + 800, Y0 + 205,
           datetime(2026, 11, 1, 16, 0))
    w = make("dispatcher")
    pl = w.patrol_layers
    assert pl.picker.isHidden()  # shown with the track layer chosen in the list
    _choose(w, qtbot, "tracks")
    assert not pl.picker.isHidden() and pl.picker.day == NOW.date()
    t = w.canvas.tracks
    assert t.day == NOW.date() and [t.names[p] for p in t.people] == ["路长甲", "路长乙"]
    assert pl.picker.summary.text() == "2 人巡查，2 条轨迹，0.7 公里，0 次打卡"
    # each person in his own colour, as the legend says
    first, second = theme.STRONG[0], theme.STRONG[1]
    assert _pixel(w, "tracks", X0 + 100, Y0 + 205) == first
    assert _pixel(w, "tracks", X0 + 400, Y0 + 300) == second
    legend = w.legend_items()
    assert ("line", first, "路长甲") in legend and ("line", second, "路长乙") in legend
    tip = pl.describe(X0 + 200, Y0 + 206)
    assert tip.splitlines() == ["路长甲：08:00–08:04，0.4 公里", "约 08:02 经过此处"]
    # the day before: only chief1's walk on the eastern half, in the first colour
    pl.picker.back.click()
    qtbot.waitUntil(lambda: w.canvas.tracks.day == date(2026, 11, 1) and not pl.busy,
                    timeout=15000)
    idle(qtbot, w)
    assert _pixel(w, "tracks", X0 + 600, Y0 + 205) == first
    assert _pixel(w, "tracks", X0 + 100, Y0 + 205) != first
    assert pl.describe(X0 + 100, Y0 + 205) == ""
    pl.picker.back.click()
    qtbot.waitUntil(lambda: w.canvas.tracks.day == date(2026, 10, 31) and not pl.busy,
                    timeout=15000)
    assert pl.picker.summary.text() == "这一天没有巡查记录"


def test_a_road_chief_sees_only_where_he_went_himself(window, qtbot, tmp_path):
    make, store, _a, _b = window
    patrol(store, tmp_path / "a.csv", "chief1", X0, Y0 + 205, X0 + 400, Y0 + 205,
           NOW.replace(hour=8))
    patrol(store, tmp_path / "b.csv", "chief2", X0 + 400, Y0 + 60, X0 + 400, Y0 + 380,
           NOW.replace(hour=9, minute=30))
    w = make("chief1")
    _choose(w, qtbot, "tracks")
    assert [w.canvas.tracks.names[p] for p in w.canvas.tracks.people] == ["路长甲"]
