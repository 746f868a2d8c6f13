"""The demo district: a real partition coded by the rule, people, and every path of the loop."""

import sqlite3
from collections import Counter
from datetime import datetime

import numpy as np
import pytest
import shapely
from sqlalchemy import text

from gridapp.demo.build import build_demo
from gridapp.domain import workflow as wf
from gridapp.domain.codes import GridCode
from gridapp.services.ports import CaseQuery

UNTIL = datetime(2026, 11, 20, 16, 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    store = build_demo(str(path), "tiny", seed=11, until=UNTIL)
    yield store
    store.close()


def _cells(store):
    with store.read() as conn:
        rows = conn.execute(text("SELECT code, community_code, AsBinary(geom) FROM grid_cells "
                                 "ORDER BY code")).all()
    return [(r[0], r[1], shapely.from_wkb(bytes(r[2]))) for r in rows]


def test_cells_partition_each_community_and_follow_the_code_rule(demo):
    cells = _cells(demo)
    with demo.read() as conn:
        comms = {r[0]: shapely.from_wkb(bytes(r[1])) for r in conn.execute(
            text("SELECT code, AsBinary(geom) FROM communities"))}
        district = shapely.from_wkb(bytes(conn.execute(
            text("SELECT AsBinary(geom) FROM districts")).scalar()))
    by_comm = {}
    for code, comm, geom in cells:
        g = GridCode.parse(code)
        assert g.community_code == comm and g.district == "420120"
        by_comm.setdefault(comm, []).append((code, geom))
    assert set(by_comm) == set(comms)
    for comm, items in by_comm.items():
        geoms = [g for _, g in items]
        union = shapely.union_all(geoms)
        assert union.symmetric_difference(comms[comm]).area < 1e-3  # no gaps
        assert sum(g.area for g in geoms) - union.area < 1e-3       # no overlaps
        # numbered north → south, then west → east (by 100 m grid row and column)
        keys = [(-int(g.representative_point().y // 100), g.representative_point().x)
                for _, g in sorted(items)]
        rows = [k[0] for k in keys]
        assert rows == sorted(rows)
    areas = np.array([g.area for _, _, g in cells])
    assert areas.min() >= 0.3 * 1e4 and np.median(areas) == pytest.approx(1e4, rel=0.05)
    assert shapely.union_all([g for *_, g in cells]).symmetric_difference(district).area < 1


def test_roads_segments_components_people(demo):
    with demo.read() as conn:
        classes = dict(conn.execute(text(
            "SELECT road_class, count(*) FROM road_segments GROUP BY road_class")).all())
        assert set(classes) == {"main", "secondary", "branch"}
        names = [r[0] for r in conn.execute(text("SELECT road_name FROM road_segments"))]
        assert all(n.endswith(("大道", "路", "街", "巷", "支路")) for n in names)
        comp = dict(conn.execute(text(
            "SELECT class_code, count(*) FROM components GROUP BY class_code")).all())
        assert {"C0114", "C0309", "C0101", "C0301", "C0305"} <= set(comp)
        chiefs = conn.execute(text(
            "SELECT count(DISTINCT target_code), count(*) FROM assignments "
            "WHERE kind='road_chief_segment'")).one()
        segs = conn.execute(text("SELECT count(*) FROM road_segments")).scalar()
        assert chiefs[0] == segs  # every segment has a road chief
        assert chiefs[1] > chiefs[0]  # and some changed hands mid-year (history kept)
        roles = dict(conn.execute(text(
            "SELECT role, count(*) FROM person_roles GROUP BY role")).all())
        assert all(roles.get(r) for r in ("grid_worker", "acceptor", "shift_leader",
                                          "dispatcher", "dept_handler", "road_chief", "leader"))


def test_a_year_of_cases_takes_every_path(demo):
    with demo.uow(write=False) as uow:
        cases = uow.cases.find(CaseQuery(limit=None))
        events = {c.id: uow.cases.events(c.id) for c in cases}
    assert 1900 <= len(cases) <= 2000  # echoes after the end date are dropped
    actions = Counter(e.action for evs in events.values() for e in evs)
    for a in wf.Action:
        assert actions[a.value] > 0, a
    states = Counter(c.state for c in cases)
    assert states[wf.CaseState.CLOSED] > 1000
    assert sum(1 for c in cases if c.state.is_open) > 0  # the loop is still running today
    assert Counter(c.source.value for c in cases).keys() >= {
        "grid_patrol", "road_chief_patrol", "hotline_12345", "hotline_12319", "message_board",
        "snapshot", "video", "sensor", "inspection", "media"}
    assert any(c.duplicate_of for c in cases) and any(c.deadline_at and c.rectified_at and
                                                      c.rectified_at > c.deadline_at
                                                      for c in cases)
    for c in cases:  # every audit trail is genuine: it replays through the table
        r = wf.replay(events[c.id])
        assert r.state is c.state and r.version == c.version
    hotline = [c for c in cases if c.source.value == "hotline_12345" and c.external_id]
    assert hotline and all(c.reporter_contact for c in hotline)
    # daily rhythm: patrols report by day
    hours = Counter(c.reported_at.hour for c in cases if c.source.value == "grid_patrol")
    assert sum(hours[h] for h in range(0, 6)) == 0 and hours[9] > 0


def test_the_demo_is_deterministic_by_seed(demo, tmp_path):
    # written in batches of 300 finished cases instead of one, and its streets simulated by
    # two processes instead of one: the same cases and audit rows
    again = build_demo(str(tmp_path / "again.sqlite"), "tiny", seed=11, until=UNTIL,
                       basemap=False, batch=300, helper=True)
    with demo.read() as a, again.read() as b:
        columns = [r[1] for r in a.execute(text("PRAGMA table_info(cases)"))
                   if r[1] not in ("change_seq", "geom")]  # change_seq: one per batch
        q = f"SELECT {', '.join(columns)}, AsText(geom) FROM cases ORDER BY id"
        assert a.execute(text(q)).all() == b.execute(text(q)).all()
        q = "SELECT * FROM case_events ORDER BY case_id, seq"
        rows = a.execute(text(q)).all()
        assert len(rows) > 10_000 and rows == b.execute(text(q)).all()
        assert len({r[0] for r in b.execute(text("SELECT change_seq FROM cases"))}) > 2
        q2 = "SELECT code, AsText(geom) FROM grid_cells ORDER BY code"
        assert a.execute(text(q2)).all() == b.execute(text(q2)).all()
    again.close()


def test_basemap_tiles(demo):
    from gridapp.demo.build import basemap_path
    path = basemap_path(demo)
    db = sqlite3.connect(path)
    meta = dict(db.execute("SELECT name, value FROM metadata"))
    assert meta["format"] == "png" and int(meta["maxzoom"]) >= 15
    n, = db.execute("SELECT count(*) FROM tiles").fetchone()
    png, = db.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()
    assert n > 50 and png[:8] == b"\x89PNG\r\n\x1a\n"
    with demo.read() as conn:
        assert conn.execute(text("SELECT value FROM meta WHERE key='basemap'")).scalar() == str(path)


def test_a_cancelled_basemap_stops_at_the_next_tile(tmp_path):
    from factories import write_mini_basemap
    asked = []

    def cancelled() -> bool:  # a failed build says so after the third tile
        asked.append(1)
        return len(asked) > 3

    assert write_mini_basemap(tmp_path / "b.mbtiles", 4547, cancelled) == 3
    assert write_mini_basemap(tmp_path / "all.mbtiles", 4547) > 3


def test_reports_have_their_ids_and_streets_echoes_their_originals(demo):
    from gridapp.demo import build as b
    from gridapp.demo.geography import make_land, rng_for
    from gridapp.demo.names import Namer
    from gridapp.demo.roads import cut_segments, make_roads, place_components, place_hotspots
    from gridapp.demo.scales import SCALES
    from gridapp.demo.simulation import Simulation
    from gridapp.store.memory import snapshot
    sc = SCALES["tiny"]
    land = make_land(sc, 11, Namer(rng_for(11, "names")), lambda *a: None)
    rng = np.random.default_rng(11)
    roads = make_roads(sc, land, rng, Namer(rng_for(11, "names")))
    segments = cut_segments(roads)
    components = place_components(roads, land, rng, sc.component_density)
    hotspots = place_hotspots(land, roads, rng, Namer(rng_for(11, "names")))
    mem = snapshot(demo)
    sim = Simulation(mem, b._sites(land, segments, components, hotspots), rng,
                     datetime(2025, 11, 20, 16), UNTIL, demo.srid)
    reports = sim.specs(sc.cases)
    first = mem.data.next_id
    assert reports.case_id.tolist() == list(range(first, first + len(reports)))
    assert (np.diff(reports.at) >= np.timedelta64(0)).all()
    streets = {s.code for s in land.streets}
    assert set(reports.street.tolist()) <= streets
    specs = reports.specs()
    for sp in specs[::50]:  # the street of its point
        assert sp.street == mem.places.locate(sp.x, sp.y, 0).street_code or \
            sp.lonlat  # (a hotline point moved by its GCJ-02 round trip may cross a line)
    # an echo carries its original's ticket and is simulated in its original's street
    echoes = np.flatnonzero(reports.echo_of >= 0)
    original = {t: k for k, t in enumerate(reports.ticket.tolist()) if reports.echo_of[k] < 0}
    assert len(echoes) > 50
    assert all(reports.street[k] == reports.street[original[reports.ticket[k]]] for k in echoes)
    assert all(specs[k].external_id.endswith("E") and specs[k].lonlat for k in echoes)


@pytest.mark.postgis
def test_a_postgis_demo_built_with_a_helper_has_the_same_audit_trail(demo, postgis, tmp_path,
                                                                      monkeypatch):
    import uuid
    monkeypatch.setenv("GRIDAPP_DATA", str(tmp_path))
    url = postgis.create_database("demo_" + uuid.uuid4().hex[:10])
    pg = build_demo(url, "tiny", seed=11, until=UNTIL, basemap=False, helper=True)
    q = "SELECT case_id, seq, action, actor_id, hash FROM case_events ORDER BY case_id, seq"
    try:
        with demo.read() as a, pg.read() as b:
            rows = [tuple(r) for r in a.execute(text(q))]
            assert len(rows) > 10_000 and rows == [tuple(r) for r in b.execute(text(q))]
    finally:
        pg.close()
