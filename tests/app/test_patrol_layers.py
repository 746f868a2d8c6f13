"""The patrol layers' data: each segment against its rhythm (the runs 巡查到位率 counts), and
one day's tracks read through the read port — on both backends."""

from datetime import date, datetime, timedelta

import numpy as np
from factories import X0, Y0, clock, patrol

from gridapp.analysis.patrol import window_of
from gridapp.app.map_data import ROAD_CLASSES, MapData
from gridapp.app.patrol_layers import (
    DUE,
    NEVER,
    OVERDUE,
    OVERDUE_LONG,
    PATROLLED,
    DayTracks,
    LastPatrols,
    clock_text,
    day_number,
    segment_patrol,
)

NOW = datetime(2026, 11, 5, 9, 0)  # a Thursday


def _last(pairs: dict[int, date]) -> LastPatrols:
    ids = sorted(pairs)
    return LastPatrols(np.array(ids, np.int64),
                       np.array([day_number(pairs[i]) for i in ids], np.int64))


def test_each_segment_stands_against_its_own_rhythm(store):
    clock(store, NOW)
    data = MapData.load(store, now=NOW)
    seg = data.segments
    main = [int(i) for i, c in zip(seg.ids, seg.road_class, strict=True)
            if c == ROAD_CLASSES.index("main")]
    secondary = int(seg.ids[seg.road_class == ROAD_CLASSES.index("secondary")][0])
    today = NOW.date()
    west, east = main
    # main roads daily: today → patrolled; yesterday → due; the day before → one run
    # missed; never → no record
    for last, expected in ((today, PATROLLED), (today - timedelta(days=1), DUE),
                           (today - timedelta(days=2), OVERDUE),
                           (today - timedelta(days=5), OVERDUE_LONG)):
        sp = segment_patrol(seg, _last({west: last}), today)
        k = int(np.flatnonzero(seg.ids == west)[0])
        assert sp.status[k] == expected, last
        assert sp.days_since[k] == (today - last).days and sp.every[k] == 1
        assert sp.status[int(np.flatnonzero(seg.ids == east)[0])] == NEVER
    # a secondary road (every two days) patrolled on the first day of the current run is
    # patrolled all through it, and due in the next one
    first, end = window_of(today, 2)
    k = int(np.flatnonzero(seg.ids == secondary)[0])
    assert segment_patrol(seg, _last({secondary: first}), end).status[k] == PATROLLED
    assert segment_patrol(seg, _last({secondary: first}),
                          end + timedelta(days=1)).status[k] == DUE
    assert segment_patrol(seg, _last({secondary: first}),
                          end + timedelta(days=3)).status[k] == OVERDUE


def test_the_last_patrol_and_the_days_tracks_come_through_the_read_port(store, tmp_path):
    clock(store, NOW)
    day = date(2026, 11, 3)
    patrol(store, tmp_path / "a.csv", "chief1", X0, Y0 + 205, X0 + 400, Y0 + 205,
           datetime(2026, 11, 3, 8, 0))
    # a second file of the same morning is a second track
    patrol(store, tmp_path / "b.csv", "chief1", X0 + 400, Y0 + 205, X0 + 420, Y0 + 205,
           datetime(2026, 11, 3, 8, 15))
    patrol(store, tmp_path / "c.csv", "chief2", X0 + 400, Y0 + 205, X0 + 800, Y0 + 205,
           datetime(2026, 11, 3, 14, 30))
    patrol(store, tmp_path / "d.csv", "chief2", X0 + 400, Y0 + 205, X0 + 800, Y0 + 205,
           datetime(2026, 11, 4, 14, 30))
    read = store.read_model
    with store.read() as conn:
        ids = dict(conn.exec_driver_sql("SELECT code, id FROM road_segments").all())
        people = dict(conn.exec_driver_sql("SELECT username, id FROM people").all())
    last = LastPatrols.read(read, 0.6)
    got = dict(zip(last.segment_ids.tolist(), last.last_day.tolist(), strict=True))
    assert got == {ids["420102-R001-01"]: day_number(day),
                   ids["420102-R001-02"]: day_number(date(2026, 11, 4))}
    names = read.unit_names()[1]
    t = DayTracks.read(read, day, names)
    assert t.day == day and t.people == tuple(sorted((people["chief1"], people["chief2"])))
    assert [t.names[p] for p in t.person.tolist()] == ["路长甲", "路长甲", "路长乙"]
    assert [clock_text(int(s)) for s in t.started] == ["08:00", "08:15", "14:30"]
    assert [clock_text(int(s)) for s in t.ended] == ["08:04", "08:15", "14:34"]
    # each track its own feature; a 1 Hz walk of 400 m drawn with a handful of vertices
    assert np.array_equal(np.unique(t.shapes.ring_owner), [0, 1, 2])
    assert len(t.shapes.coords) < 20
    # when chief1 passed the middle of his segment (he walked 400 m in 286 s)
    assert clock_text(t.passed_at(0, X0 + 200, Y0 + 205)) == "08:02"
    mine = DayTracks.read(read, day, names, only=people["chief2"])
    assert mine.people == (people["chief2"],) and len(mine) == 1
    assert len(DayTracks.read(read, date(2026, 11, 1), names)) == 0


def test_a_track_is_not_drawn_across_where_the_gps_lost_the_person():
    import shapely

    from gridapp.services.reading import DayPatrols
    xy = np.array([[0, 0], [1, 0], [2, 0], [3, 0], [500, 0], [501, 0]], float)
    secs = np.array([0, 1, 2, 3, 4, 5], "<i4")   # 497 m in a second: a jump
    secs2 = np.array([0, 1, 2, 600, 601, 602], "<i4")  # ten minutes without a fix
    start = datetime(2026, 11, 3, 8, 0)
    rows = DayPatrols(date(2026, 11, 3), [
        (7, start, start + timedelta(seconds=5), 6.0, secs.tobytes(),
         shapely.to_wkb(shapely.LineString(xy))),
        (7, start, start + timedelta(seconds=602), 6.0, secs2.tobytes(),
         shapely.to_wkb(shapely.LineString([(x, 50) for x in range(6)])))], [])
    t = DayTracks.build(rows, {7: "路长甲"})
    assert t.shapes.ring_owner.tolist() == [0, 0, 1, 1]
    assert t.people == (7,) and t.names == {7: "路长甲"}


def test_a_long_track_is_drawn_in_runs_thinned_to_the_scale():
    import shapely

    from gridapp.services.reading import DayPatrols
    n = 1000  # a zigzag walk: 2 m steps, turning every 10 fixes
    x = np.arange(n) * 2.0
    y = np.where((np.arange(n) // 10) % 2 == 0, 0.0, 15.0)
    start = datetime(2026, 11, 3, 8, 0)
    rows = DayPatrols(date(2026, 11, 3), [
        (7, start, start + timedelta(seconds=n - 1), 2000.0,
         np.arange(n, dtype="<i4").tobytes(), shapely.to_wkb(shapely.LineString(
             np.column_stack([x, y]))))], [])
    t = DayTracks.build(rows, {7: "路长甲"})
    # runs of 120 fixes, each starting where the last ended: a close view strokes its own
    assert len(t.shapes.ring_owner) == 9 and set(t.shapes.ring_owner.tolist()) == {0}
    rb = t.ring_bounds
    assert rb[:, 0].min() == 0 and rb[:, 2].max() == x[-1]
    # farther out the same runs with fewer vertices; close up every turn is kept
    assert t.shapes_at(0.5) is t.shapes and len(t.shapes.coords) >= 200
    far = t.shapes_at(100.0)
    assert len(far.ring_owner) == 9 and len(far.coords) < len(t.shapes.coords) / 5
