"""`gridapp demo`: build the demo district into a store, deterministic by seed."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString
from sqlalchemy.engine import make_url

from ..bootstrap import seed_store
from ..domain.places import Area
from ..services.auth import hash_password
from ..services.places import PlaceLayers, load_places
from ..store import models as m
from ..store.build import StoreBuild
from ..store.bulk import CaseBulkWriter, insert_columns
from ..store.db import is_sqlite, normalize_url
from ..store.memory import snapshot
from ..store.store import Store
from .geography import make_land, rng_for
from .names import DISTRICT_CODE, DISTRICT_NAME, Namer
from .roads import cut_segments, make_roads, place_components, place_hotspots
from .scales import SCALES
from .simulation import Simulation, Sites
from .staff import DEMO_PASSWORD, assignment_rows, make_staff

Progress = Callable[[int, int, str], None]


def _quiet(done: int, total: int, what: str) -> None:
    pass


def default_until() -> datetime:
    """The demo's 'now': today at 16:00, so a fresh demo has today's open and overdue cases."""
    return datetime.now().replace(hour=16, minute=0, second=0, microsecond=0)


def build_demo(url: str, scale: str = "district", seed: int = 7, until: datetime | None = None,
               progress: Progress = _quiet, basemap: bool = True) -> Store:
    """Generate the district, its people and a year of cases; all or nothing.

    The store (and its basemap) is built out of sight and published only when complete, so
    a build killed at any moment leaves nothing, and the next one starts afresh.
    """
    url = normalize_url(url)
    with StoreBuild(url) as build:
        store = _build(build, url, scale, seed, until, progress, basemap)
        return build.publish(store)


def _build(build: StoreBuild, url: str, scale: str, seed: int, until: datetime | None,
           progress: Progress, basemap: bool) -> Store:
    sc = SCALES[scale]
    until = until or default_until()
    start = until - timedelta(days=365)
    t0 = time.perf_counter()
    namer = Namer(rng_for(seed, "names"))
    land = make_land(sc, seed, namer, progress)
    rng = np.random.default_rng(seed)
    roads = make_roads(sc, land, rng, namer)
    segments = cut_segments(roads)
    components = place_components(roads, land, rng, sc.component_density)
    hotspots = place_hotspots(land, roads, rng, namer)
    progress(1, 1, f"geography: {len(land.cells):,} cells, {len(segments):,} segments, "
             f"{len(components):,} components ({time.perf_counter() - t0:.0f} s)")
    store = seed_store(build, admin_password=DEMO_PASSWORD, district_code=DISTRICT_CODE,
                       district_name=DISTRICT_NAME)
    load_places(store.uow(), PlaceLayers(land.district, land.streets, land.communities,
                                         land.cells, segments, components))
    _people(store, land, segments, namer, seed, start)
    progress(1, 1, f"places and people stored ({time.perf_counter() - t0:.0f} s)")
    mem = snapshot(store)
    sim = Simulation(mem, _sites(land, segments, components, hotspots), rng, start, until,
                     store.srid)
    specs = sim.specs(sc.cases)
    progress(0, len(specs), "cases")

    def flush(ids: list[int]) -> None:
        cases = [mem.data.cases[i] for i in ids]
        events = [e for i in ids for e in mem.data.events[i]]
        with store.uow() as uow:
            CaseBulkWriter(uow.conn).write(cases, events)
            uow.commit()
        mem.evict(ids)

    # Millions of live objects make every cyclic collection a full scan; the simulation
    # creates no cycles worth collecting, so the collector waits until it is done.
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        sim.run(specs, on_finished=flush if sc.cases > 200_000 else None,
                progress=progress)
    finally:
        gc.enable()
        gc.unfreeze()
    flush(sorted(mem.data.cases))
    with store.uow() as uow:
        for key, value in (("demo_scale", scale), ("demo_seed", str(seed)),
                           ("demo_until", until.isoformat()), ("demo_start", start.isoformat())):
            uow.config.set_meta(key, value)
        uow.commit()
    progress(1, 1, f"{len(specs):,} reports, {sim.executed:,} steps through the services "
             f"({time.perf_counter() - t0:.0f} s)")
    if basemap:
        from .basemap import write_basemap
        path = basemap_path(url)
        write_basemap(build.sidecar(path), land, roads, store.srid, progress)
        with store.uow() as uow:
            uow.config.set_meta("basemap", str(path))  # where it will be once published
            uow.commit()
    return store


def basemap_path(store_or_url: Store | str) -> Path:
    """The basemap beside a SpatiaLite store, or in user data for a PostGIS one."""
    url = store_or_url if isinstance(store_or_url, str) else store_or_url.url
    u = make_url(normalize_url(url))
    if is_sqlite(str(u)):
        return Path(u.database).with_suffix(".basemap.mbtiles")
    from ..paths import data_dir
    return data_dir() / f"{u.database}.basemap.mbtiles"


def _people(store: Store, land, segments, namer: Namer, seed: int, start: datetime) -> None:
    street_tree = shapely.STRtree([s.geometry for s in land.streets])
    mids = shapely.points([s.geometry.interpolate(0.5, normalized=True).coords[0]
                           for s in segments])
    seg_idx, street_idx = street_tree.query(mids, predicate="intersects")
    seg_street = {segments[i].code: land.streets[j].code
                  for i, j in zip(seg_idx.tolist(), street_idx.tolist(), strict=True)}
    staff = make_staff(land.cells, segments, [s.code for s in land.streets], seg_street, namer,
                       rng_for(seed, "staff"), start, start + timedelta(days=180))
    pw = hash_password(DEMO_PASSWORD)  # one hash for every demo account (argon2 is slow)
    with store.uow() as uow:
        depts = {d.code: d.id for d in uow.people.departments()}
        n = len(staff.people)
        insert_columns(uow.conn, "people", {
            "username": [p.username for p in staff.people],
            "name": [p.name for p in staff.people], "password_hash": pw,
            "department_id": [depts.get(p.department) for p in staff.people],
            "phone": "", "active": True}, n)
        ids = dict(uow.conn.execute(m.Person.__table__.select().with_only_columns(
            m.Person.username, m.Person.id)).all())
        roles = [(ids[p.username], r.value) for p in staff.people for r in p.roles]
        insert_columns(uow.conn, "person_roles", {"person_id": [r[0] for r in roles],
                                                  "role": [r[1] for r in roles]}, len(roles))
        uow.people.set_password_hash(ids["admin"], pw)
        uow.people.add_assignments(assignment_rows(staff, ids))
        uow.commit()


def _sites(land, segments, components, hotspots) -> Sites:
    by_class: dict[str, list] = {}
    for c in components:
        by_class.setdefault(c.class_code, []).append(c)
    comp = {k: (np.array([(c.geometry.x, c.geometry.y) for c in v]), [c.code for c in v])
            for k, v in by_class.items()}
    lines = [LineString(s.geometry.geoms[0]) for s in segments]
    return Sites(np.array([c.code for c in land.cells]),
                 np.array([c.geometry for c in land.cells]),
                 {c.code: c.name for c in land.communities}, [s.code for s in segments], lines,
                 [s.road_name for s in segments], comp, hotspots, land.district.geometry)


__all__ = ["build_demo", "Area"]
