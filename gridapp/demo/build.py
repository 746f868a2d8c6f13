"""`gridapp demo`: build the demo district into a store, deterministic by seed."""

from __future__ import annotations

import gc
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
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
from ..store.bulk import CaseBulkWriter, CaseRows, drop_indexes, insert_columns
from ..store.db import is_sqlite, normalize_url
from ..store.memory import snapshot
from ..store.store import Store
from . import staging
from .basemap import write_basemap
from .geography import make_land, rng_for
from .names import DISTRICT_CODE, DISTRICT_NAME, Namer
from .parts import Helper, Schedule, helper_wanted, rows_of, split
from .roads import cut_segments, make_roads, place_components, place_hotspots
from .scales import SCALES
from .simulation import Simulation, Sites
from .staff import DEMO_PASSWORD, assignment_rows, make_staff

Progress = Callable[[int, int, str], None]
# finished cases handed to the writer at a time: small enough that little is left to write
# when a part ends, large enough that a batch's transaction costs nothing
BATCH = 8_000


def _quiet(done: int, total: int, what: str) -> None:
    pass


def default_until() -> datetime:
    """The demo's 'now': today at 16:00, so a fresh demo has today's open and overdue cases."""
    return datetime.now().replace(hour=16, minute=0, second=0, microsecond=0)


def build_demo(url: str, scale: str = "district", seed: int = 7, until: datetime | None = None,
               progress: Progress = _quiet, basemap: bool = True,
               batch: int | None = None, helper: bool | None = None) -> Store:
    """Generate the district, its people and a year of cases; all or nothing.

    The store (and its basemap) is built out of sight and published only when complete, so
    a build killed at any moment leaves nothing, and the next one starts afresh. `batch`:
    how many finished cases are written at a time; `helper`: simulate streets in a second
    process too (default: for a large year on more than one core). The content depends on
    neither.
    """
    url = normalize_url(url)
    with StoreBuild(url) as build:
        store = _build(build, url, scale, seed, until, progress, basemap, batch, helper)
        return build.publish(store)


def _build(build: StoreBuild, url: str, scale: str, seed: int, until: datetime | None,
           progress: Progress, basemap: bool, batch: int | None,
           helper: bool | None) -> Store:
    sc = SCALES[scale]
    # started first: it imports gridapp while the geography is made
    aide = Helper() if helper_wanted(sc.cases, helper) else None
    try:
        return _build_with(build, url, sc, scale, seed, until, progress, basemap, batch, aide)
    finally:
        if aide is not None:
            aide.stop()


def _build_with(build: StoreBuild, url: str, sc, scale: str, seed: int, until: datetime | None,
                progress: Progress, basemap: bool, batch: int | None,
                aide: Helper | None) -> Store:
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
    # the admin's password is set with everyone's below (one argon2 hash for all, ~0.5 s each)
    store = seed_store(build, district_code=DISTRICT_CODE, district_name=DISTRICT_NAME)
    # the basemap depends on the land and roads only: its tiles are rendered in a thread of
    # their own while the cases are simulated (resampling and PNG coding run without the GIL)
    tiles = _start_basemap(build, url, land, roads, store.srid) if basemap else None
    try:
        _fill(store, land, roads, segments, components, hotspots, namer, sc, seed, rng, start,
              until, scale, progress, t0, batch, aide)
        if tiles is not None:
            done, _, path = tiles
            progress(0, 1, "basemap tiles")
            done.result()
            progress(1, 1, "basemap tiles")
            with store.uow() as uow:
                uow.config.set_meta("basemap", str(path))  # where it will be once published
                uow.commit()
    finally:
        if tiles is not None:  # done, or the build failed: then stop it before its file goes
            tiles[1].set()
            tiles[0].exception()
    return store


def _fill(store: Store, land, roads, segments, components, hotspots, namer: Namer, sc, seed: int,
          rng: np.random.Generator, start: datetime, until: datetime, scale: str,
          progress: Progress, t0: float, batch: int | None, aide: Helper | None) -> None:
    """Places, people and a year of cases into the store."""
    load_places(store.uow(), PlaceLayers(land.district, land.streets, land.communities,
                                         land.cells, segments, components))
    _people(store, land, segments, namer, seed, start)
    progress(1, 1, f"places and people stored ({time.perf_counter() - t0:.0f} s)")
    mem = snapshot(store)
    sim = Simulation(mem, _sites(land, segments, components, hotspots), rng, start, until,
                     store.srid)
    reports = sim.specs(sc.cases)
    sim.sites = None  # (a city's cells and roads: not needed any more)
    total = len(reports)
    progress(0, total, "cases")
    # streets are simulated one at a time, each written as it finishes and then forgotten:
    # a year is never held whole (a city's does not fit in memory)
    schedule = Schedule(split(reports, seed))
    del reports
    flush_every = batch or BATCH
    writer = _Writer(store)
    ran = 0  # reports of the streets simulated here

    def tell(done: int = 0, *_: object) -> None:
        if aide is not None:
            aide.check()  # the helper failed: stop now
        progress(ran + done + (aide.reports() if aide else 0), total, "cases")

    sqlite = is_sqlite(store.url)

    def flush(ids: list[int]) -> None:
        writer.put(rows_of(sim, ids, sqlite))

    if aide is not None:
        aide.start(store.url, start, until, store.srid, flush_every, schedule, writer.put)
    # Millions of live objects make every cyclic collection a full scan; neither the
    # simulation nor the writer creates cycles worth collecting, so the collector waits
    # until both are done.
    gc.freeze()  # (without a collection first: what the set-up left is little and harmless)
    gc.disable()
    try:
        while (part := schedule.take()) is not None:
            sim.run_part(part.reports.specs(), part.stream, flush, tell, flush_every)
            ran += len(part)
        if aide is not None:
            aide.join(tell)
        tell()
        progress(0, 1, "writing the last cases")
        writer.close()
    finally:
        writer.stop()
        gc.enable()
        gc.unfreeze()
    with store.uow() as uow:
        for key, value in (("demo_scale", scale), ("demo_seed", str(seed)),
                           ("demo_until", until.isoformat()), ("demo_start", start.isoformat())):
            uow.config.set_meta(key, value)
        uow.commit()
    steps = sim.executed + (aide.executed if aide else 0)
    progress(1, 1, f"{total:,} reports, {steps:,} steps through the services "
             f"({time.perf_counter() - t0:.0f} s)")


def _start_basemap(build: StoreBuild, url: str, land, roads,
                   srid: int) -> tuple[Future, threading.Event, Path]:
    path = basemap_path(url)
    stop = threading.Event()
    pool = ThreadPoolExecutor(1, thread_name_prefix="demo-basemap")
    done = pool.submit(write_basemap, build.sidecar(path), land, roads, srid,
                       cancelled=stop.is_set)
    pool.shutdown(wait=False)  # the thread ends with its one job
    return done, stop, path


class _Writer:
    """Writes batches of finished cases (as the store's columns) in a thread of its own, in
    the order given, each in its own transaction. SQLite runs a statement without holding
    the GIL, so the inserts go on beside the simulation; there the batches are staged and
    copied into the store's tables once in id order after the last one (demo/staging.py).
    The indexes of cases and audit rows, and the cases' spatial index, are made once after
    that (sorted builds, not a B-tree update a row)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.batches: queue.Queue = queue.Queue(maxsize=2)  # bounded: the builders wait
        self.error: BaseException | None = None
        self.stopping = False
        self.complete = False  # set by close: after the last batch, copy and index
        self.deferred: list[str] | None = None  # DDL to run after the last batch
        self.stage = staging.stage_path(store.url) if is_sqlite(store.url) else None
        self.attached = False
        self.thread = threading.Thread(target=self._run, name="demo-writer", daemon=True)
        self.thread.start()

    def put(self, rows: CaseRows) -> None:
        """Hand over a batch (from any thread); waits while two are queued."""
        while True:
            if self.error is not None:
                raise self.error
            if self.stopping:  # the build failed: nothing more is written
                raise RuntimeError("the demo's writer has stopped")
            try:
                self.batches.put(rows, timeout=0.2)
                return
            except queue.Full:
                continue

    def _run(self) -> None:
        conn = None
        try:
            conn = self.store.connection(True)  # one connection: the staging file is its own
            if self.stage is not None:
                staging.attach(conn, self.stage)
                self.attached = True
        except BaseException as exc:  # noqa: BLE001 (re-raised in the building thread)
            self.error = exc
        try:
            self._write(conn)
            if self.complete and self.error is None:
                self._finish(conn)
        except BaseException as exc:  # noqa: BLE001 (re-raised in the building thread)
            self.error = exc
        finally:
            if conn is not None:
                conn.rollback()  # (nothing, unless finishing failed)
                self._detach(conn)
                self.store.release(conn)

    def _write(self, conn) -> None:
        while (batch := self.batches.get()) is not None:
            try:
                if self.error is None:  # else drain: the builder learns of it at put or close
                    with conn.begin():
                        if self.deferred is None:
                            self.deferred = _defer_indexes(conn)
                        # its indexes are made once after the last batch (SQLite: dropped
                        # here before the first; PostgreSQL: COPY keeps them cheaply)
                        CaseBulkWriter(conn).write_prepared(
                            batch, rebuild_indexes=False,
                            schema=staging.SCHEMA if self.stage is not None else None)
            except BaseException as exc:  # noqa: BLE001 (re-raised in the building thread)
                self.error = exc
            finally:
                self.batches.task_done()

    def _finish(self, conn) -> None:
        """After the last batch: the staged rows into the store in id order, then the
        indexes dropped before the first batch."""
        raw = conn.connection.driver_connection if self.stage is not None else None
        if raw is not None:
            # the copy and the indexes write the whole store once more (~3 GB at city scale)
            # through the WAL: no syncs on the way — a build that dies is discarded, and
            # publishing folds the WAL in and syncs the file before anyone may open it
            was = raw.execute("PRAGMA main.synchronous").fetchone()[0]
            raw.execute("PRAGMA main.synchronous=OFF")
        try:
            if self.stage is not None:
                with conn.begin():
                    staging.copy_in_order(conn)
                self._detach(conn)  # (before the DDL below: names are the store's alone again)
            if self.deferred:
                with conn.begin():
                    for ddl in self.deferred:
                        conn.exec_driver_sql(ddl)
        finally:
            if raw is not None:
                raw.execute(f"PRAGMA main.synchronous={int(was)}")

    def _detach(self, conn) -> None:
        if self.attached:
            self.attached = False
            staging.detach(conn, self.stage)

    def close(self) -> None:
        """Wait until everything handed over is written and indexed; raises what writing
        raised."""
        self.complete = True
        self.stop()
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        if self.thread.is_alive():
            self.stopping = True
            self.batches.put(None)
            self.thread.join()


# SpatiaLite's trigger adding each new case to the R*Tree of case points (one tree insert a row)
_RTREE_TRIGGER = "gii_cases_geom"
_RTREE_FILL = ("INSERT INTO idx_cases_geom (pkid, xmin, xmax, ymin, ymax) SELECT id, "
               "MbrMinX(geom), MbrMaxX(geom), MbrMinY(geom), MbrMaxY(geom) FROM cases "
               "WHERE geom IS NOT NULL")


def _defer_indexes(conn) -> list[str]:
    """SQLite: drop the indexes the demo's batches would update row by row; the DDL that
    makes them again over everything written (PostgreSQL: COPY has no such cost)."""
    if conn.dialect.name != "sqlite":
        return []
    assert not conn.exec_driver_sql("SELECT count(*) FROM cases").scalar(), \
        "the demo writes into a new store"
    ddl = drop_indexes(conn, "cases") + drop_indexes(conn, "case_events")
    trigger = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                                   "name = ?", (_RTREE_TRIGGER,)).scalar()
    if trigger:
        conn.exec_driver_sql(f'DROP TRIGGER "{_RTREE_TRIGGER}"')
        ddl += [trigger, _RTREE_FILL]
    return ddl


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
