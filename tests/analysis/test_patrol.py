"""Patrol tracks in, segments covered, calendars and 巡查到位率 — on both backends."""

from datetime import date, datetime, timedelta

import numpy as np
import pytest
from factories import X0, Y0, clock

from gridapp.analysis.patrol import calendars, chief_rates, compliance, import_tracks
from gridapp.domain.errors import InvalidInput, PermissionDenied
from gridapp.io.crs import store_to_lonlat
from gridapp.io.tracks import read_tracks

DAY = date(2026, 11, 2)


def walk(x0, y0, x1, y1, start: datetime, speed=1.4, offset=0.0):
    """A walk at `speed` m/s from (x0, y0) to (x1, y1), one fix a second, `offset` metres
    to the side (lon/lat WGS-84)."""
    n = int(np.hypot(x1 - x0, y1 - y0) / speed) + 1
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n) + offset
    lon, lat = store_to_lonlat(xs, ys, 4547)
    return [(start + timedelta(seconds=i), float(a), float(b)) for i, (a, b) in
            enumerate(zip(lon, lat, strict=True))]


def write_csv(path, person, fixes, header="账号,定位时间,经度,纬度"):
    lines = [header] + [f"{person},{t:%Y-%m-%d %H:%M:%S},{lon:.8f},{lat:.8f}"
                        for t, lon, lat in fixes]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(store, path, by="admin", person=None):
    days = read_tracks(path, store.srid, "Asia/Shanghai", person,
                       known={"chief1", "chief2", "worker1", "admin"})
    return import_tracks(store, days, path.name, by)


def test_a_walked_segment_counts_and_a_half_walked_one_does_not(store, tmp_path):
    clock(store, datetime(2026, 11, 5, 9, 0))
    # chief1 walks all of his segment (解放大道西段, 400 m) on the 2nd, 20 m beside it
    full = walk(X0, Y0 + 200, X0 + 400, Y0 + 200, datetime(2026, 11, 2, 9, 0), offset=20)
    # chief2 walks 100 m of his 400 m on the 3rd, and only past the end of the other one
    part = walk(X0 + 400, Y0 + 200, X0 + 500, Y0 + 200, datetime(2026, 11, 3, 9, 0))
    r = _import(store, write_csv(tmp_path / "a.csv", "chief1", full))
    assert (r.tracks, r.person_days, r.skipped) == (1, 1, 0) and r.points == len(full)
    _import(store, write_csv(tmp_path / "b.csv", "chief2", part))
    again = _import(store, write_csv(tmp_path / "a.csv", "chief1", full))
    assert (again.tracks, again.skipped) == (0, 1)  # the same file twice: nothing new
    c = compliance(store, date(2026, 11, 1), date(2026, 12, 1), date(2026, 11, 5), 0.6)
    days = c.days.set_index(["segment_id", "day"])
    with store.read() as conn:
        ids = dict(conn.exec_driver_sql("SELECT code, id FROM road_segments").all())
    west, east = ids["420102-R001-01"], ids["420102-R001-02"]
    assert days.loc[(west, DAY), "share"] == pytest.approx(1.0, abs=0.03)
    # 100 m walked, and the 30 m its end reaches: 130 of 400 m
    assert days.loc[(east, DAY + timedelta(days=1)), "share"] == pytest.approx(0.325, abs=0.02)
    assert bool(days.loc[(west, DAY), "patrolled"])
    assert not bool(days.loc[(east, DAY + timedelta(days=1)), "patrolled"])
    # main roads are due daily: Nov 1-4 complete on the 5th; chief1 walked 1 of 4
    with store.read() as conn:
        people = dict(conn.exec_driver_sql("SELECT username, id FROM people").all())
    rates = chief_rates(c)
    assert tuple(rates.loc[people["chief1"]]) == (4, 1)
    # chief2: 4 days of his main road + the secondary road's runs ending Nov 1-4 (two days)
    assert rates.loc[people["chief2"], "patrolled"] == 0
    cal = {x.segment_id: x for x in calendars(c, [west], date(2026, 11, 1), date(2026, 11, 8),
                                              date(2026, 11, 5))}[west]
    assert [cal.days[date(2026, 11, d)] for d in range(1, 8)] == [
        "missed", "patrolled", "missed", "missed", "open", "open", "open"]
    assert cal.last_patrol == DAY
    assert c.km[c.km.person_id == people["chief1"]].metres.sum() == pytest.approx(400, rel=0.01)


def test_a_road_chief_imports_only_his_own_tracks(store, tmp_path):
    clock(store, datetime(2026, 11, 5, 9, 0))
    path = write_csv(tmp_path / "c.csv", "chief2",
                     walk(X0, Y0 + 200, X0 + 50, Y0 + 200, datetime(2026, 11, 2, 9, 0)))
    with pytest.raises(PermissionDenied, match="only his own"):
        _import(store, path, by="chief1")
    assert _import(store, path, by="chief2").tracks == 1


def test_bad_rows_are_named_and_nothing_is_imported(sqlite_store, tmp_path):
    fixes = walk(X0, Y0 + 200, X0 + 30, Y0 + 200, datetime(2026, 11, 2, 9, 0))
    path = write_csv(tmp_path / "bad.csv", "chief1", fixes)
    text = path.read_text(encoding="utf-8").splitlines()
    text[3] = "chief1,昨天上午,114.3,30.6"
    text[5] = "nobody,2026-11-02 09:00:09,114.3,30.6"
    text[7] = "chief1,2026-11-02 09:00:11,30.6,114.3"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        _import(sqlite_store, path)
    msg = str(err.value)
    assert "bad.csv, row 4 [time]: '昨天上午'" in msg
    assert "bad.csv, row 6 [person]: 'nobody' is no user" in msg
    assert "bad.csv, row 8 [lon/lat]" in msg and "look swapped" in msg
    with sqlite_store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM patrol_tracks").scalar() == 0


def test_gpx_and_geojson_tracks_with_utc_times_and_gcj02(sqlite_store, tmp_path):
    from gridapp.io.crs import wgs84_to_gcj02
    fixes = walk(X0, Y0 + 200, X0 + 400, Y0 + 200, datetime(2026, 11, 2, 1, 0), offset=5)
    pts = "".join(f'<trkpt lat="{lat:.8f}" lon="{lon:.8f}"><time>{t:%Y-%m-%dT%H:%M:%S}Z</time>'
                  "</trkpt>" for t, lon, lat in fixes)
    gpx = tmp_path / "walk.gpx"
    gpx.write_text('<?xml version="1.0"?><gpx version="1.1" creator="test" '
                   'xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
                   f"{pts}</trkseg></trk></gpx>", encoding="utf-8")
    days = read_tracks(gpx, 4547, "Asia/Shanghai", "chief1")
    assert len(days) == 1 and days[0].t[0] == np.datetime64("2026-11-02T09:00:00")
    import json
    feats = []
    for t, lon, lat in fixes[:50]:
        glon, glat = wgs84_to_gcj02(lon, lat)
        feats.append({"type": "Feature", "geometry": {"type": "Point",
                      "coordinates": [float(glon), float(glat)]},
                      "properties": {"user": "chief1", "timestamp": int(t.timestamp() * 1000)}})
    gj = tmp_path / "app.geojson"
    gj.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), "utf-8")
    got = read_tracks(gj, 4547, "Asia/Shanghai", coords="gcj02")[0]
    assert abs(got.x[0] - days[0].x[0]) < 0.01 and abs(got.y[0] - days[0].y[0]) < 0.01


def test_patrol_compliance_joins_indicators_assessment_and_bulletin(sqlite_store, tmp_path):
    from python_calamine import CalamineWorkbook

    from gridapp.analysis.assessment import Assessment
    from gridapp.analysis.indicators import indicator_table, load_period
    from gridapp.app.reports import write_bulletin
    from gridapp.domain.assessment import default_scheme
    from gridapp.domain.indicators import Level
    from gridapp.domain.period import Period
    store = sqlite_store
    now = datetime(2026, 11, 5, 9, 0)
    clock(store, now)
    with store.uow(write=False) as uow:
        cal = uow.config.calendar()
        chief1 = uow.people.by_username("chief1").id
    nov = Period.parse("2026-11")
    # no patrol recorded at all: nobody is judged on patrols (not 0 %)
    t = indicator_table(load_period(store, nov, now, cal), Level.ROAD_CHIEF)
    assert t.loc[chief1, "patrol_due"] == 0 and np.isnan(t.loc[chief1, "patrol_rate"])
    for day in (2, 3):
        _import(store, write_csv(tmp_path / f"d{day}.csv", "chief1", walk(
            X0, Y0 + 200, X0 + 400, Y0 + 200, datetime(2026, 11, day, 9, 0))))
    t = indicator_table(load_period(store, nov, now, cal), Level.ROAD_CHIEF)
    # Nov 1-4 complete at the cut-off (the 5th runs on): walked on the 2nd and the 3rd
    assert (t.loc[chief1, "patrol_due"], t.loc[chief1, "patrolled"]) == (4, 2)
    assert t.loc[chief1, "patrol_rate"] == pytest.approx(0.5)
    a = Assessment.run(store, nov, default_scheme(), 0, now, cal).table(Level.ROAD_CHIEF)
    assert "patrol_rate" in a.columns and a.loc[chief1, "patrol_rate"] == pytest.approx(0.5)
    xlsx, _pdf = write_bulletin(store, nov, tmp_path, now=now)
    sheet = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("路长").to_python()
    head = sheet[0]
    assert "巡查到位率" in head
    row = next(r for r in sheet[1:] if "路长甲" in r)
    assert row[head.index("巡查到位率")] == pytest.approx(0.5)
