"""Patrol matching and field packages, each figure beside a raw floor of the same run.

- patrols: one day of 600 people (1 fix a second for 8 hours: 17,280,000 fixes) matched to
  16,000 segments, against a bare shapely STRtree query of the same fixes against the same
  segments (`dwithin`, vectorised) — the floor finds, for every fix, the segments near it;
  ours finds, for every person, the share of each of his segments he covered;
- field: a package for one road chief (his segments, 500 open cases, components, basemap),
  against pyogrio writing the same layers; merging 500 edits back, against the same 500
  actions performed through the services directly.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

import numpy as np
import shapely

from . import Figure, Report, timer

SEG_LEN = 250.0


def _load() -> str:
    return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())


def _segments(n: int) -> tuple[np.ndarray, int]:
    """n straight segments of 250 m on a street grid (rows of east-west roads)."""
    per_row = int(np.ceil(np.sqrt(n)))
    k = np.arange(n)
    x0 = (k % per_row) * SEG_LEN
    y0 = (k // per_row) * 120.0
    lines = shapely.linestrings(np.stack([np.column_stack([x0, y0]),
                                          np.column_stack([x0 + SEG_LEN, y0])], axis=1))
    return lines, per_row


def _track(rng, lines, mine: np.ndarray, n: int) -> np.ndarray:
    """A day walking and riding his segments back and forth: n fixes, GPS noise of 5 m."""
    coords = shapely.get_coordinates(lines[mine]).reshape(-1, 2, 2)
    route = np.vstack([np.vstack([c, c[::-1]]) for c in coords])
    seg = np.hypot(*np.diff(route, axis=0).T)
    dist = np.r_[0, np.cumsum(seg)]
    at = (np.arange(n) * 1.6) % dist[-1]  # 1.6 m a second: walking with stops and rides
    x = np.interp(at, dist, route[:, 0])
    y = np.interp(at, dist, route[:, 1])
    return np.column_stack([x, y]) + rng.normal(0, 5, (n, 2))


def run_patrols(people: int = 600, segments: int = 16_000, hours: float = 8.0) -> Report:
    from ..analysis.patrol import coverage, track_lines
    from ..domain.settings import PatrolPolicy
    report = Report("patrols: a day of tracks matched to segments")
    print(f"  {_load()}", flush=True)
    rng = np.random.default_rng(12)
    lines, _ = _segments(segments)
    n = int(hours * 3600)
    per = segments // people
    owned = [np.arange(p * per, (p + 1) * per) for p in range(people)]
    t = np.datetime64("2026-11-02T08:00:00") + np.arange(n).astype("timedelta64[s]")
    tracks = [_track(rng, lines, owned[p], n) for p in range(people)]
    fixes = people * n
    policy = PatrolPolicy()
    by_id = dict(enumerate(lines))
    with timer() as ours:
        covered = 0
        for p in range(people):
            mine = {int(i): by_id[int(i)] for i in owned[p]}
            cov = coverage(track_lines([(t, tracks[p])]), np.zeros((0, 2)), mine, policy)
            covered += sum(1 for share, _ in cov.values() if share >= policy.share)
    with timer() as floor:
        tree = shapely.STRtree(lines)
        hits = 0
        for p in range(people):  # per person, so 17 M points never sit in memory at once
            pts = shapely.points(tracks[p])
            hits += len(tree.query(pts, predicate="dwithin", distance=policy.distance_m)[0])
    report.add(Figure(f"match {people} people × {n:,} fixes to {segments:,} segments",
                      ours["s"] * 1000, "ms", floor["s"] * 1000,
                      "bare STRtree dwithin of the same fixes", "≤ 10 s"))
    print(f"  {fixes:,} fixes, {covered:,} of {people * per:,} segments patrolled; "
          f"floor found {hits:,} (fix, segment) pairs; {_load()}", flush=True)
    return report


def _raw_package(db: Path, username: str, out: Path, srid: int) -> None:
    """The floor of a field package, as a hand-written script would make it: his open cases
    and his segments read with SQL through the raw driver, written as two GeoPackage layers
    (no styles, photos, edit layers, project, forms or basemap)."""
    import geopandas as gpd
    import pandas as pd
    import pyogrio

    from .floors import raw_connection

    def frame(sql: str, *params) -> pd.DataFrame:
        cur = con.execute(sql, params)
        return pd.DataFrame.from_records(cur.fetchall(), columns=[d[0] for d in cur.description])
    con = raw_connection(db)
    who = con.execute("SELECT id FROM people WHERE username = ?", (username,)).fetchone()[0]
    cases = frame("SELECT id, class_code, state, description, address, x, y, deadline_at "
                  "FROM cases WHERE state NOT IN ('closed', 'rejected') "
                  "AND (road_chief_id = ? OR assignee_person_id = ?)", who, who)
    segs = frame("SELECT s.id, s.code, s.road_name, s.length_m, AsBinary(s.geom) AS wkb "
                 "FROM road_segments s JOIN assignments a ON a.target_code = s.code "
                 "WHERE a.person_id = ?", who)
    con.close()
    crs = f"EPSG:{srid}"
    pts = gpd.GeoDataFrame(cases, geometry=shapely.points(cases.x, cases.y), crs=crs)
    lines = gpd.GeoDataFrame(segs.drop(columns="wkb"),
                             geometry=shapely.from_wkb(segs.wkb.map(bytes)), crs=crs)
    pyogrio.write_dataframe(pts, out, layer="cases", driver="GPKG")
    pyogrio.write_dataframe(lines, out, layer="segments", driver="GPKG")


def run_field(cases: int = 500, edits: int = 500, workdir: str | None = None) -> Report:
    from ..bootstrap import create_store
    from ..domain.actions import Action
    from ..domain.clock import SettableClock
    from ..domain.people import AssignmentKind, Role
    from ..io.field_import import import_package
    from ..io.field_package import export_package
    from ..services import admin
    from ..services import cases as svc
    from ..services.places import load_places
    from .synthetic import regular_layers
    report = Report("field: packages out and back")
    print(f"  {_load()}", flush=True)
    tmp = Path(tempfile.mkdtemp(dir=workdir))
    store = create_store(str(tmp / "field.sqlite"), admin_password=None)
    layers = regular_layers(10_000)
    load_places(store.uow(), layers)
    for user, roles, dept in (("acc", [Role.ACCEPTOR], None), ("disp", [Role.DISPATCHER], None),
                              ("chief", [Role.ROAD_CHIEF], "enforcement"),
                              ("twin", [Role.ROAD_CHIEF], "enforcement")):
        admin.add_person(store.uow(), user, user, roles, dept)
    mine = layers.segments[:27]
    for who, segs in (("chief", mine), ("twin", layers.segments[27:54])):  # noqa: B007
        for seg in segs:
            admin.assign(store.uow(), AssignmentKind.ROAD_CHIEF_SEGMENT, seg.code, person=who,
                         valid_from=datetime(2020, 1, 1))
    with store.uow() as uow:  # many cases close together: not duplicates of each other here
        uow.config.save_settings(uow.config.settings().with_value("duplicates.enabled",
                                                                  "false"))
        uow.commit()
    clock = store.clock = SettableClock(datetime(2026, 11, 2, 8, 0))
    twin = layers.segments[27:54]

    def along(segs):
        return [seg.geometry.geoms[0].interpolate(k % 5 * 40.0 + 20) for k, seg in
                enumerate(segs * (cases // len(segs) + 1))][:cases]
    points = along(mine) + along(twin)
    ids = []
    for k, pt in enumerate(points):  # his cases, and his twin's for the floor
        who = "chief" if k < cases else "twin"
        c = svc.report(store.uow(), "acc", class_code="E0102", x=pt.x, y=pt.y + (k % 7) * 3,
                       description=f"第{k}件").case
        svc.perform(store.uow(), "acc", c.id, Action.REGISTER)
        svc.perform(store.uow(), "disp", c.id, Action.DISPATCH, assignee=f"road_chief:{who}")
        svc.perform(store.uow(), who, c.id, Action.SIGN)
        ids.append(c.id)
    clock.set(datetime(2026, 11, 2, 9, 0))
    with timer() as out:
        info = export_package(store, "chief", tmp / "pkgs", "chief")
    import pyogrio
    gpkg = next(info.folder.glob("*.gpkg"))
    with timer() as raw:
        _raw_package(Path(store.engine.url.database), "chief", tmp / "raw.gpkg", store.srid)
    report.add(Figure(f"field package for one road chief ({info.cases} cases, "
                      f"{info.components} components, {info.basemap_tiles} tiles)",
                      out["s"] * 1000, "ms", raw["s"] * 1000,
                      "raw SQL read of his rows + pyogrio write", "≤ 3 s"))
    import pandas as pd
    when = datetime(2026, 11, 2, 9, 30)
    rows = [{"uuid": f"e{k}", "made_at": when, "person": "chief", "case_id": cid,
             "note": "已处置"} for k, cid in enumerate(ids[:edits])]
    pyogrio.write_dataframe(pd.DataFrame(rows), gpkg, layer="rectifications", driver="GPKG",
                            append=True)
    clock.set(datetime(2026, 11, 2, 10, 0))
    with timer() as merged:
        r = import_package(store, info.folder, "chief")
    with timer() as direct:
        for cid in ids[cases:cases + edits]:
            svc.perform(store.uow(), "twin", cid, Action.RECTIFY, note="已处置")
    report.add(Figure(f"merge {len(r.applied)} field edits (rectifications)",
                      merged["s"] * 1000, "ms", direct["s"] * 1000,
                      "the same actions through svc.perform", "≤ 2 s"))
    store.close()
    print(f"  {_load()}", flush=True)
    return report

