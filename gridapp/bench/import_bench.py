"""Data benchmark (issue 3): imports against raw reads, grid building, demo generation."""

from __future__ import annotations

import math
import tempfile
import time
from datetime import datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from ..analysis.grid_builder import Seed, build_from_seeds
from ..bootstrap import create_store, open_store
from ..domain.places import Area
from ..io.crs import store_to_lonlat
from ..io.hotline import HotlineMapping, import_context, parse_hotline
from ..io.places_import import read_places
from ..services.hotline import import_reports
from ..services.places import PlaceLayers, load_places
from . import Figure, Report, timer
from .floors import copy_store, fresh
from .store_bench import build
from .synthetic import X0, Y0, regular_layers


def run(n_polygons: int = 100_000, n_hotline: int = 1_000_000, workdir: str | None = None,
        demo_scale: str | None = None, hotline_cells: int = 100_000,
        grid: bool = True, live_index_floor: bool = False) -> Report:
    rep = Report("data: imports, unit grid, demo")
    root = Path(workdir or tempfile.mkdtemp(prefix="gridapp-bench-io-"))
    root.mkdir(parents=True, exist_ok=True)
    if n_polygons:  # 0: not this figure (a ratio of two empty imports says nothing)
        _polygons(rep, root, n_polygons)
    if n_hotline:
        _hotline(rep, root, n_hotline, hotline_cells, live_index_floor)
    if grid:
        _grid(rep)
    if demo_scale:
        _demo(rep, root, demo_scale)
    return rep


def _polygons(rep: Report, root: Path, n: int) -> None:
    from .floors import polygon_floor
    layers = regular_layers(n)
    path = root / "cells.gpkg"
    path.unlink(missing_ok=True)
    gdf = gpd.GeoDataFrame({"code": [c.code for c in layers.cells]},
                           geometry=[c.geometry for c in layers.cells], crs=4547)
    pyogrio.write_dataframe(gdf, path, layer="cells")
    db, floor_db = root / "polygons.sqlite", root / "polygons-floor.sqlite"
    fresh(db)
    store = create_store(str(db))
    load_places(store.uow(), PlaceLayers(streets=layers.streets, communities=layers.communities))
    store.close()
    copy_store(db, floor_db)
    store = open_store(str(db))
    seen: list[float] = []
    with timer() as t:
        parsed, _ = read_places(path, "cells", store.srid, progress=_clock(seen))
        load_places(store.uow(), parsed, _clock(seen))
    store.close()
    floor = polygon_floor(path, floor_db)
    rep.add(Figure(f"import {n:,} cell polygons (GPKG → checked → store)", t["s"], "s",
                   floor, "read + is_valid + raw executemany with R*Tree",
                   "target ≤ 2.5×, well under 60 s"))
    print(f"      ({n / t['s']:,.0f} rows/s; {_gaps(seen, t['s'])})", flush=True)


def _clock(seen: list[float]):
    """A progress callback that keeps when it was called (to find gaps without progress)."""
    def progress(_done: int, _total: int, _what: str) -> None:
        seen.append(time.perf_counter())
    progress.t0 = time.perf_counter()  # type: ignore[attr-defined]
    seen.append(progress.t0)  # type: ignore[attr-defined]
    return progress


def _gaps(seen: list[float], total: float) -> str:
    """The longest time without progress, and how early the first and late the last came."""
    if len(seen) < 2:
        return "no progress reported"
    t0 = seen[0]
    marks = sorted(seen[1:])
    gaps = [b - a for a, b in zip([t0] + marks, marks + [t0 + total], strict=True)]
    return (f"progress first after {marks[0] - t0:.2f} s, last {t0 + total - marks[-1]:.2f} s "
            f"before the end, longest gap {max(gaps):.2f} s")


def hotline_file(path: Path, n: int, side: int, seed: int = 5) -> None:
    rng = np.random.default_rng(seed)
    x = X0 + rng.uniform(1, side * 100 - 1, n)
    y = Y0 + rng.uniform(1, side * 100 - 1, n)
    lon, lat = store_to_lonlat(x, y, 4547, "gcj02")
    t = np.datetime64("2025-01-01T00:00:00") + rng.integers(0, 300 * 86400, n).astype(
        "timedelta64[s]")
    cats = np.array(["暴露垃圾", "占道经营", "共享单车乱停放", "道路不洁", "垃圾满溢", "非法小广告"])
    pd.DataFrame({
        "工单编号": [f"GD{i:09d}" for i in range(n)],
        "受理时间": np.datetime_as_string(t, unit="s"),
        "问题分类": cats[rng.integers(0, len(cats), n)],
        "经度": np.round(lon, 7), "纬度": np.round(lat, 7),
        "问题地址": "某路某号", "问题描述": "市民反映", "来电人": "市民",
    }).to_csv(path, index=False, encoding="utf-8")


def _hotline(rep: Report, root: Path, n: int, cells: int, live_index_floor: bool) -> None:
    from .floors import hotline_floor
    db, floor_db = root / "hotline.sqlite", root / "hotline-floor.sqlite"
    fresh(db)
    store, _, _ = build(db, cells)
    store.close()
    copy_store(db, floor_db)
    live_db = root / "hotline-live-floor.sqlite"
    if live_index_floor:
        copy_store(db, live_db)
    side = int(math.ceil(math.sqrt(cells)))
    path = root / "hotline.csv"
    hotline_file(path, n, min(side, cells // side))
    store = open_store(str(db))
    seen: list[float] = []
    with timer() as t:
        progress = _clock(seen)
        progress(0, 1, "reading the store's places")  # as `gridapp import hotline` does
        batch = parse_hotline(path, HotlineMapping(time_format="%Y-%m-%dT%H:%M:%S"),
                              import_context(store, datetime(2027, 1, 1)), progress=progress)
        summary = import_reports(store.uow(), "acc", batch, progress)
    store.close()
    floor = hotline_floor(path, floor_db, "%Y-%m-%dT%H:%M:%S")
    if live_index_floor:  # the floor until 1 Dec 2026, for comparison only
        live = hotline_floor(path, live_db, "%Y-%m-%dT%H:%M:%S", live_indexes=True)
        print(f"      (the earlier floor, indexes and R*Tree updated row by row: {live:.1f} s; "
              f"ours {t['s'] / live:.2f}× it)", flush=True)
        fresh(live_db)
    rep.add(Figure(f"import {n:,} hotline rows into {cells:,} cells (CSV → cases, ownership, "
                   "dups, audit)",
                   t["s"], "s", floor, "read_csv + checks + raw executemany of cases+audit, "
                   "indexes rebuilt after",
                   "target ≤ 2.5×, well under 60 s"))
    print(f"      ({n / t['s']:,.0f} rows/s; {summary.imported:,} cases, "
          f"{summary.linked_duplicates:,} linked as duplicates; {_gaps(seen, t['s'])})",
          flush=True)


def _grid(rep: Report) -> None:
    rng = np.random.default_rng(3)
    r = math.sqrt(100e6 / math.pi)
    t_ = np.linspace(0, 2 * np.pi, 200, endpoint=False)
    rr = r * (1 + 0.1 * np.cos(3 * t_) + 0.05 * np.sin(5 * t_))
    poly = shapely.Polygon(np.column_stack([X0 + rr * np.cos(t_), Y0 + rr * np.sin(t_)]))
    district = Area("420120", "基准区", shapely.MultiPolygon([poly]))
    streets = [Seed(f"420120{i:03d}", f"街道{i}", None) for i in range(1, 16)]
    comms = [Seed(f"{s.code}{j:03d}", f"社区{j}", None) for s in streets for j in range(1, 11)]
    with timer() as t:
        res = build_from_seeds(district, streets, comms, seed=int(rng.integers(100)))
    rep.add(Figure(f"build the unit grid of a 100 km² district ({len(res.layers.cells):,} "
                   "cells)", t["s"] * 1000, "ms"))


def _demo(rep: Report, root: Path, scale: str) -> None:
    from ..demo.build import build_demo
    db = root / f"demo-{scale}.sqlite"
    for s in ("", "-wal", "-shm"):
        Path(str(db) + s).unlink(missing_ok=True)
    cpu0 = _cpu()
    t0 = time.perf_counter()
    store = build_demo(str(db), scale, until=datetime(2026, 11, 20, 16), basemap=False)
    dt = time.perf_counter() - t0
    cpu = _cpu() - cpu0  # this process and the helper it ran: how much of two cores it used
    with store.read() as conn:
        n = conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
        ev = conn.exec_driver_sql("SELECT count(*) FROM case_events").scalar()
    rep.add(Figure(f"generate the {scale} demo ({n:,} cases, {ev:,} audit rows; CPU "
                   f"{cpu:.1f} s)", dt, "s", target="district ≤ 30 s, city ≤ 6 min"))
    store.close()


def _cpu() -> float:
    """CPU seconds of this process and its finished children."""
    import resource
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))
