"""12345 / 12319 hotline exports (CSV, XLSX) read through a mapping, every row checked.

Each problem names the file, the row Excel shows, the column, the value and what was
expected, and all of them are counted. A ticket without coordinates is located from its
address against the store's own places, or imported as 待定位; a point outside the
district's unit grid is refused with the other per-row checks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from ..domain.case import Source
from ..domain.catalog import Catalog
from ..domain.gazetteer import Gazetteer
from ..domain.settings import Settings
from ..services.hotline import ReportBatch, paused_gc
from ..services.progress import Progress, quiet
from .crs import lonlat_to_store
from .errors import ImportRejected, ValidationReport
from .mapping import MappedRows, Mapping, read_rows
from .times import parse_times

ALIASES = {
    "external_id": ["工单编号", "工单号", "编号", "受理编号", "工单流水号", "诉求编号", "ticket_id",
                    "id"],
    "reported_at": ["受理时间", "来电时间", "登记时间", "创建时间", "诉求时间", "派单时间",
                    "reported_at", "time"],
    "category": ["问题分类", "诉求分类", "事项分类", "问题类型", "小类", "诉求类别", "category",
                 "class"],
    "lon": ["经度", "经度(GCJ02)", "经度(gcj02)", "lng", "lon", "longitude", "x"],
    "lat": ["纬度", "纬度(GCJ02)", "纬度(gcj02)", "lat", "latitude", "y"],
    "address": ["问题地址", "地址", "事发地址", "事发地点", "发生地址", "诉求地址", "address"],
    "description": ["问题描述", "诉求内容", "来电内容", "反映内容", "description", "content"],
    "contact": ["来电人", "联系人", "姓名", "市民姓名", "contact"],
    "phone": ["联系电话", "电话", "手机", "来电号码", "phone"],
    "source": ["来源", "渠道", "来源渠道", "诉求渠道", "受理渠道", "source"],
}
SOURCES = {"12345": Source.HOTLINE_12345, "12345热线": Source.HOTLINE_12345,
           "市长热线": Source.HOTLINE_12345, "12319": Source.HOTLINE_12319,
           "12319热线": Source.HOTLINE_12319, "城建热线": Source.HOTLINE_12319,
           "城市留言板": Source.MESSAGE_BOARD, "留言板": Source.MESSAGE_BOARD,
           "随手拍": Source.SNAPSHOT, "媒体": Source.MEDIA}
REQUIRED = ("external_id", "reported_at", "category")
NO_COORDINATE = {"", "0", "0.0", "-", "—", "/", "无", "null", "NULL", "nan"}
CHINA = (73.0, 3.0, 136.0, 54.0)
PRECISE = 0.85  # an address match at least this sure is a point, not an area  # lon/lat box, only when the store has no district yet

AREA_CHUNK = 100_000  # points looked up in the unit grid between two progress reports

HotlineMapping = Mapping  # the saved presets of earlier versions are mappings


@dataclass
class ImportContext:
    """What checking a file needs from the store: catalog, settings, now, the district."""

    catalog: Catalog
    srid: int
    settings: Settings = field(default_factory=Settings)
    now: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    district_name: str = "the district"
    district: object | None = None         # boundary polygon, store CRS
    places: object | None = None           # PlaceIndex: cells and segments
    gazetteer: Gazetteer | None = None


def import_context(store, now: datetime | None = None) -> ImportContext:
    """Read once what the checks need (catalog, settings, district, places, names); `now`
    defaults to the store's clock."""
    with store.uow(write=False) as uow:
        ctx = ImportContext(
            uow.config.catalog(), store.srid, uow.config.settings(), now or uow.now(),
            uow.config.meta("district_name") or "the district",
            uow.places.district_area(), uow.places.index(), uow.places.gazetteer())
    return ctx


@paused_gc()  # a million rows' objects all stay alive: full GC passes only cost (~4 s)
def parse_hotline(path: Path | str, mapping: Mapping, ctx: ImportContext,
                  sheet: str | None = None, progress: Progress | None = None) -> ReportBatch:
    """Every row checked against the mapping and the store; ImportRejected lists each
    problem (all of them) with its row and column."""
    progress = progress or quiet
    rows = read_rows(path, mapping, ALIASES, REQUIRED, sheet, progress=progress)
    report = rows.report
    if ctx.places is not None and len(ctx.places.cell_codes) == 0:
        report.add(rows.file, None, None, f"{ctx.district_name} has no unit grid cells yet: "
                   "cases cannot be located", expected="cells loaded first (gridapp import "
                   "grid, or import places cells)")
        raise ImportRejected(report)
    n = len(rows)
    if n == 0:
        report.add(rows.file, None, None, f"no data rows below the header (row "
                   f"{rows.header_row})")
        raise ImportRejected(report)
    progress(0, n, "checking ticket numbers")
    ext = rows.text("external_id")
    _check_tickets(rows, ext)
    progress(0, n, "checking times")
    times = parse_times(
        rows.text("reported_at"), lambda i, m, v, e: rows.problem(i, "reported_at", m, v, e),
        rows.column("reported_at"), time_format=mapping.time_format,
        file_zone=mapping.time_zone, district_zone=ctx.settings.time_zone,
        earliest=ctx.settings.earliest, now=ctx.now, skew=ctx.settings.future_skew)
    for i in np.flatnonzero(times.empty):
        rows.problem(int(i), "reported_at", "no time", "", "the time the ticket was taken")
    progress(0, n, "checking classes")
    classes, caught = _classes(rows, mapping, ctx.catalog)
    sources = _sources(rows, mapping)
    progress(0, n, "checking positions")
    x, y, pending, located, cells = _positions(rows, mapping, ctx, progress)
    if report:
        raise ImportRejected(report)
    progress(n, n, "checking positions")  # the rows' lists below take seconds a million
    contact = [f"{a} {b}".strip() for a, b in zip(rows.text("contact"), rows.text("phone"),
                                                  strict=True)]
    reported_at = times.datetimes()
    progress(n, n, "checking positions")
    batch = ReportBatch(
        external_id=ext.tolist(), reported_at=reported_at, class_code=classes,
        x=x, y=y, source=sources, description=rows.text("description").tolist(),
        address=rows.text("address").tolist(), contact=contact, rows=rows.rows.tolist())
    batch.located_by, batch.locate_match, batch.locate_confidence = located
    # duplicates are linked on precise points of a real class only
    batch.linkable = [not c and (b is None or (p or 0) >= PRECISE)
                      for c, b, p in zip(caught, located[0], located[2], strict=True)]
    batch.file = rows.file
    if ctx.places is not None:  # the cells found here, the import takes while they hold
        batch.cells, batch.cells_from = cells, ctx.places
    batch.notes = rows.notes + times.notes + _position_notes(pending, located)
    return batch


def _check_tickets(rows: MappedRows, ext: np.ndarray) -> None:
    tickets = pd.Series(ext, dtype=object)
    for i in np.flatnonzero((tickets == "").to_numpy()):
        rows.problem(int(i), "external_id", "no ticket number", "", "the ticket's number")
    twice = (tickets.duplicated(keep=False) & (tickets != "")).to_numpy()
    seen: dict[str, list[int]] = {}
    for i in np.flatnonzero(twice):
        seen.setdefault(ext[i], []).append(int(i))
    for value, idx in seen.items():
        if len(idx) > 1:  # exact copies were merged already: these rows differ
            on = ", ".join(str(int(rows.rows[k])) for k in idx)
            for k in idx[1:]:
                rows.problem(k, "external_id", f"ticket {value} appears on rows {on} with "
                             "different content", value, "each ticket once")


def _classes(rows: MappedRows, mapping: Mapping, catalog: Catalog
             ) -> tuple[list[str], list[bool]]:
    """The catalog class of each row: the mapping's table, a code or exact class name in
    the file, else the catch-all class (counted in a note, flagged), else a problem."""
    text = rows.text("category")
    table = {k.strip(): v for k, v in mapping.categories.items()}
    catch = catalog.find(mapping.catch_all) if mapping.catch_all else None
    if mapping.catch_all and catch is None:
        rows.report.add(rows.file, None, "catch_all", f"catch-all class {mapping.catch_all!r} "
                        "is not in the catalog", mapping.catch_all, "a class code such as E0604")
    for key, code in table.items():
        if catalog.find(code) is None:
            rows.report.add(rows.file, None, f"categories.{key}", f"class {code!r} of the "
                            "mapping is not in the catalog", code, "a class code such as E0102")
    lookup: dict[str, str | None] = {}
    caught: Counter[str] = Counter()
    out: list[str] = []
    by_catch_all: list[bool] = []
    for i, value in enumerate(text):
        value = value.strip()
        if value not in lookup:
            found = catalog.find(table[value]) if value in table else catalog.find(value)
            lookup[value] = found.code if found else None
        code = lookup[value]
        by_catch_all.append(code is None and catch is not None)
        if code is None and catch is not None:
            code = catch.code
            caught[value or "（空）"] += 1
        if code is None:
            if value:
                rows.problem(i, "category", f"class {value!r} is not in the catalog", value,
                             "a catalog class, a [categories] entry or catch_all in the mapping")
            else:
                rows.problem(i, "category", "no category", "", "a category, or catch_all in "
                             "the mapping")
            code = ""
        out.append(code)
    if caught:
        top = ", ".join(f"{k} ×{v}" for k, v in caught.most_common(8))
        rows.notes.append(f"{sum(caught.values()):,} ticket(s) in {len(caught)} category(ies) "
                          f"the mapping does not name went to the catch-all class "
                          f"{catch.code} {catch.name}: {top}" + (" …" if len(caught) > 8
                                                                  else ""))
    return out, by_catch_all


def _sources(rows: MappedRows, mapping: Mapping) -> list[str]:
    if not rows.column("source"):
        return [mapping.source] * len(rows)
    table = {**{k: v.value for k, v in SOURCES.items()}, **mapping.sources}
    known = {s.value for s in Source}
    out = []
    for i, value in enumerate(rows.text("source")):
        got = table.get(value.strip(), value.strip() if value.strip() in known else None)
        if value and got is None:
            rows.problem(i, "source", f"source {value!r} unknown", value,
                         "12345, 12319, 留言板, 随手拍, 媒体 or a [sources] entry")
        out.append(got or mapping.source)
    return out


def _numbers(rows: MappedRows, fld: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(value, empty, unreadable) of a coordinate column."""
    text = pd.Series(rows.text(fld), dtype=object)  # stripped by the reader
    empty = text.isin(NO_COORDINATE).to_numpy()
    vals = pd.to_numeric(pd.Series([t.rstrip("°") for t in text], dtype=object),
                         errors="coerce").to_numpy(float, copy=True)
    bad = ~empty & ~np.isfinite(vals)
    vals[empty] = np.nan
    return vals, empty, bad


def _positions(rows: MappedRows, mapping: Mapping, ctx: ImportContext,
               progress: Progress = quiet):
    """Store x/y of every row (NaN: 待定位), and how each was located."""
    n = len(rows)
    lon, lon_empty, lon_bad = _numbers(rows, "lon")
    lat, lat_empty, lat_bad = _numbers(rows, "lat")
    cols = ", ".join(c for c in (rows.column("lon"), rows.column("lat")) if c)
    for i in np.flatnonzero(lon_bad):
        rows.problem(int(i), "lon", f"{rows.text('lon')[i]!r} is not a longitude",
                     rows.text("lon")[i], "a number such as 114.30")
    for i in np.flatnonzero(lat_bad):
        rows.problem(int(i), "lat", f"{rows.text('lat')[i]!r} is not a latitude",
                     rows.text("lat")[i], "a number such as 30.60")
    half = (lon_empty ^ lat_empty) & ~lon_bad & ~lat_bad
    for i in np.flatnonzero(half):
        fld = "lat" if lat_empty[i] else "lon"
        rows.problem(int(i), fld, f"only one coordinate: {rows.column(fld)} is empty", "",
                     "both 经度 and 纬度, or neither")
    given = ~lon_empty & ~lat_empty & ~lon_bad & ~lat_bad
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    cells = np.full(n, None, dtype=object)
    if given.any():
        gx, gy = lonlat_to_store(lon[given], lat[given], mapping.coords, ctx.srid)
        x[given], y[given] = gx, gy
        _check_area(rows, ctx, np.flatnonzero(given), lon, lat, x, y, mapping, cols, progress,
                    cells)
    method: list[str | None] = [None] * n
    match = [""] * n
    conf: list[float | None] = [None] * n
    no_point = lon_empty & lat_empty
    address = rows.text("address")
    threshold = ctx.settings.address_min_confidence
    for i in np.flatnonzero(no_point):
        found = ctx.gazetteer.locate(address[i]) if ctx.gazetteer is not None else None
        if found is None:
            continue
        match[i] = found.match
        conf[i] = round(found.confidence, 2)
        if found.confidence < threshold:
            continue
        if ctx.places is not None and ctx.places.locate_many([found.x], [found.y], 0) \
                .cell_code[0] is None:
            match[i] += "（不在单元网格内）"
            continue
        x[i], y[i], method[i] = found.x, found.y, found.method.value
    pending = np.flatnonzero(no_point & np.isnan(x))
    return x, y, pending, (method, match, conf), cells.tolist()


def _check_area(rows, ctx, idx, lon, lat, x, y, mapping, cols, progress=quiet,
                found=None) -> None:
    """Points far from the district are wrong data (swapped, another system); points near
    it but outside every unit grid cell are outside the grid. Both name the coordinates.
    `found`: each row's cell is set there (an object array, None where not looked up)."""
    place = ctx.district_name
    if ctx.district is None:
        lo0, la0, lo1, la1 = CHINA
        inside = (lo0 <= lon[idx]) & (lon[idx] <= lo1) & (la0 <= lat[idx]) & (lat[idx] <= la1)
        for i in idx[~inside]:  # the rows outside, in file order (a loop over all took seconds)
            rows.problem(int(i), "lon", f"({lon[i]}, {lat[i]}) is not a lon/lat in China",
                         f"{lon[i]}, {lat[i]}", "经度 73–136, 纬度 3–54")
        return
    area = ctx.district
    shapely.prepare(area)
    dist = np.zeros(len(idx))
    out = ~shapely.contains_xy(area, x[idx], y[idx])  # most points: inside, no distance
    with np.errstate(invalid="ignore"):  # lon/lat no projection can take: infinitely far
        dist[out] = np.nan_to_num(shapely.distance(area, shapely.points(x[idx][out],
                                                                        y[idx][out])),
                                  nan=np.inf, posinf=np.inf)
    tol = ctx.settings.area_tolerance_m
    far = dist > tol
    for k in np.flatnonzero(far):
        i = int(idx[k])
        hint = ""
        if abs(lon[i]) <= 90:  # read the other way round, is it a point of the district?
            sx, sy = lonlat_to_store([lat[i]], [lon[i]], mapping.coords, ctx.srid)
            if np.isfinite(sx[0]) and np.isfinite(sy[0]) and \
                    shapely.distance(area, shapely.Point(sx[0], sy[0])) <= tol:
                hint = f"; {rows.column('lon')} and {rows.column('lat')} look swapped"
        rows.report.add(rows.file, int(rows.rows[i]), cols,
                        (f"({lon[i]}, {lat[i]}) is {dist[k] / 1000:,.1f} km from {place}"
                         if np.isfinite(dist[k]) else   # beyond what the projection can take
                         f"({lon[i]}, {lat[i]}) is far from {place}") + hint, f"{lon[i]}, {lat[i]}",
                        f"a point in {place} ({mapping.coords}; within "
                        f"{tol / 1000:g} km of its boundary)")
    near = idx[~far]
    if ctx.places is None or len(near) == 0:
        return
    cells: list[str | None] = []
    for start in range(0, len(near), AREA_CHUNK):  # a million take seconds: progress between
        progress(start, len(near), "checking positions")
        part = near[start:start + AREA_CHUNK]
        cells.extend(ctx.places.locate_many(x[part], y[part], 0).cell_code)
    if found is not None:
        found[near] = np.array(cells, dtype=object)
    outside = [int(i) for i, c in zip(near, cells, strict=True) if c is None]
    if not outside:
        return
    pts = shapely.points(x[outside], y[outside])
    _, dist = ctx.places.cells.query_nearest(pts, return_distance=True, all_matches=False)
    for i, d in zip(outside, dist.tolist(), strict=True):
        rows.report.add(rows.file, int(rows.rows[i]), cols,
                        f"({lon[i]}, {lat[i]}) lies outside every unit grid cell of {place}"
                        + (f" ({d:,.0f} m from the nearest)" if d is not None else ""),
                        f"{lon[i]}, {lat[i]}", "a point inside the unit grid")


def _position_notes(pending: np.ndarray, located) -> list[str]:
    method, match, _ = located
    notes = []
    by = Counter(m for m in method if m)
    if by:
        notes.append(f"{sum(by.values()):,} ticket(s) without coordinates located from their "
                     "address: " + ", ".join(f"{k} {v}" for k, v in by.most_common()))
    if len(pending):
        partial = sum(1 for i in pending if match[i])
        notes.append(f"{len(pending):,} ticket(s) could not be located and come in as 待定位 "
                     f"(to place on the map){f'; {partial} matched only roughly' if partial else ''}")
    return notes


__all__ = ["ALIASES", "HotlineMapping", "ImportContext", "ReportBatch", "SOURCES",
           "ValidationReport", "import_context", "parse_hotline"]
