"""外业包: a folder QField opens as it is, made for one person.

    <out>/<user>-<date>/
        <user>.qgs          the project (io/field_project.py)
        <user>.gpkg         his segments or cells, open cases, nearby components, edit layers
        DCIM/               the cases' photos (and, after the field day, his own)
        basemap.mbtiles     the offline basemap, clipped to his area
        package.json        which package this is (the store keeps what it carried)

The store records the package and the version of every case it carried: a case changed at
the command room after that is a conflict when the package comes back (io/field_import.py).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import Transformer

from ..domain.actions import REPORT_ROLES, SPECS, Action
from ..domain.case import STATE_LABELS_ZH
from ..domain.errors import PermissionDenied
from ..domain.people import Role
from ..services.ports import CaseQuery
from ..store import field as fq
from ..store import patrols as pq
from .field_project import EDIT_LAYERS, package_project
from .qgis_project import store_style_data, write_project

NEARBY_M = 200.0          # components this close to the person's area come along
BASEMAP_MARGIN_M = 500.0  # the basemap reaches this far beyond it
CHECKIN_ROLES = frozenset({Role.ROAD_CHIEF, Role.GRID_WORKER})
MIME_EXT = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def edit_layers_for(roles) -> list[str]:
    """The edit layers a person's roles allow, from the transition table itself."""
    roles = set(roles)
    out = []
    if roles & set(REPORT_ROLES):
        out.append("reports")
    if roles & CHECKIN_ROLES:
        out.append("checkins")
    if roles & set(SPECS[Action.RECTIFY].rules[0].roles):
        out.append("rectifications")
    if roles & set(SPECS[Action.VERIFY_PASS].rules[0].roles):
        out.append("verifications")
    return out


@dataclass(frozen=True)
class PackageInfo:
    id: str
    folder: Path
    project: Path
    cases: int
    photos: int
    segments: int
    cells: int
    components: int
    edit_layers: tuple[str, ...]
    basemap_tiles: int


def export_package(store, username: str, out: Path, by: str) -> PackageInfo:
    """Make the package of `username` under `out` (by him, or by an administrator)."""
    with store.uow(write=False) as uow:
        person = uow.people.by_username(username)
        runner = uow.people.by_username(by)
        if by != username and Role.ADMIN not in runner.roles:
            raise PermissionDenied(f"{by} may make a field package only for himself, not for "
                                   f"{username}", user=by)
        now = uow.now()
        segs, cells = uow.people.scope(person.id, now)
        catalog = uow.config.catalog()
        share = uow.config.settings().patrol.share
        cases = _open_cases(uow, person, segs, cells)
    stamp = now.strftime("%Y%m%d-%H%M")
    folder = Path(out) / f"{username}-{stamp}"
    if folder.exists():
        raise PermissionDenied(f"{folder} already exists: a package is never written over")
    tmp = folder.with_name(f".{folder.name}.part")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "DCIM").mkdir(parents=True)
    try:
        info = _write(store, tmp, folder, username, person, segs, cells, cases, catalog, now,
                      share)
        package_id = info["id"]
        with store.uow() as uow:
            fq.add_package(uow.conn, package_id, person.id, now, runner.id,
                           {c.id: c.version for c in cases})
            uow.commit()
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return PackageInfo(package_id, folder, folder / f"{username}.qgs", len(cases),
                       info["photos"], info["segments"], info["cells"], info["components"],
                       tuple(info["edit_layers"]), info["tiles"])


def _open_cases(uow, person, segs, cells) -> list:
    open_ = tuple(s for s in fq.OPEN_STATES)
    found: dict[int, object] = {}
    queries = []
    if Role.ROAD_CHIEF in person.roles:
        queries.append(CaseQuery(states=open_, road_chief_id=person.id, limit=None))
        if segs:
            queries.append(CaseQuery(states=open_, segment_ids=tuple(segs), limit=None))
    if Role.GRID_WORKER in person.roles and cells:
        queries.append(CaseQuery(states=open_, cell_codes=tuple(sorted(cells)), limit=None))
    if Role.DEPT_HANDLER in person.roles and person.department_id is not None:
        queries.append(CaseQuery(states=open_, department_id=person.department_id, limit=None))
    for q in queries:
        for c in uow.cases.find(q):
            found[c.id] = c
    return sorted(found.values(), key=lambda c: c.id)


def _read_layers(store, segs, cells):
    g = store.spatial.as_wkb("geom")
    with store.read() as conn:
        q = conn.exec_driver_sql
        seg_rows = q(f"SELECT id, code, road_name, road_class, name, length_m, {g} "
                     "FROM road_segments").all()
        cell_rows = q(f"SELECT code, community_code, street_code, {g} FROM grid_cells").all() \
            if cells else []
        district = q(f"SELECT {g} FROM districts").scalar()
    seg_rows = [r for r in seg_rows if r[0] in segs]
    cell_rows = [r for r in cell_rows if r[0] in cells]
    return seg_rows, cell_rows, district


def _write(store, tmp: Path, folder: Path, username, person, segs, cells, cases, catalog, now,
           share) -> dict:
    srid = store.srid
    gpkg = tmp / f"{username}.gpkg"
    crs = f"EPSG:{srid}"
    seg_rows, cell_rows, district = _read_layers(store, segs, cells)
    with store.read() as conn:
        last = pq.last_patrol(conn, share)
    names = {c.code: c.name for c in catalog}
    geoms = []
    if seg_rows:
        seg = gpd.GeoDataFrame({
            "id": [r[0] for r in seg_rows], "code": [r[1] for r in seg_rows],
            "road_name": [r[2] for r in seg_rows], "road_class": [r[3] for r in seg_rows],
            "name": [r[4] for r in seg_rows], "length_m": [r[5] for r in seg_rows],
            "chief_user": username, "chief_id": person.id,
            "last_patrol": [last.get(r[0]).isoformat() if last.get(r[0]) else None
                            for r in seg_rows]},
            geometry=shapely.from_wkb([bytes(r[6]) for r in seg_rows]), crs=crs)
        _write_layer(seg, gpkg, "segments")
        geoms += list(seg.geometry)
    if cell_rows:
        cel = gpd.GeoDataFrame({
            "code": [r[0] for r in cell_rows], "community_code": [r[1] for r in cell_rows],
            "street_code": [r[2] for r in cell_rows]},
            geometry=shapely.from_wkb([bytes(r[3]) for r in cell_rows]), crs=crs)
        _write_layer(cel, gpkg, "cells")
        geoms += list(cel.geometry)
    photos = _case_photos(store, [c.id for c in cases], tmp / "DCIM")
    case_gdf = _cases_frame(cases, names, photos, now, crs)
    _write_layer(case_gdf, gpkg, "cases")
    geoms += [g for g in case_gdf.geometry if g is not None]
    if geoms:
        area = shapely.union_all(np.array(geoms, dtype=object))
    elif district:
        area = shapely.envelope(shapely.from_wkb(bytes(district)))
    else:
        area = shapely.box(0, 0, 1, 1)
    comps = _components(store, area.buffer(NEARBY_M, quad_segs=4), crs)  # coarse arcs: "near"
    _write_layer(comps, gpkg, "components")
    layers = edit_layers_for(person.roles)
    for name in layers:
        _empty_edit_layer(gpkg, EDIT_LAYERS[name], crs)
    tiles = _basemap(store, tmp / "basemap.mbtiles",
                     shapely.envelope(area).buffer(BASEMAP_MARGIN_M), srid)
    package_id = str(uuid.uuid4())
    read_layers = [n for n, have in (("cases", True), ("components", True),
                                     ("segments", bool(seg_rows)), ("cells", bool(cell_rows)))
                   if have]
    data = store_style_data(store, now)
    root = package_project(f"./{gpkg.name}", srid, data, read_layers, layers, username,
                           f"外业包 — {person.name}（{username}） {now:%Y-%m-%d}",
                           "./basemap.mbtiles" if tiles else None, area.bounds)
    write_project(tmp / f"{username}.qgs", root)
    (tmp / "package.json").write_text(json.dumps({
        "package": package_id, "person": username, "name": person.name,
        "made_at": now.isoformat(timespec="seconds"), "store": store.identity, "srid": srid,
        "edit_layers": layers, "cases": {str(c.id): c.version for c in cases}},
        ensure_ascii=False, indent=2), encoding="utf-8")
    return {"id": package_id, "photos": sum(len(v) for v in photos.values()),
            "segments": len(seg_rows), "cells": len(cell_rows), "components": len(comps),
            "edit_layers": layers, "tiles": tiles}


def _write_layer(gdf, gpkg: Path, name: str) -> None:
    pyogrio.write_dataframe(gdf, gpkg, layer=name, driver="GPKG",
                            layer_options={"DESCRIPTION": name})


def _cases_frame(cases, names, photos, now: datetime, crs) -> gpd.GeoDataFrame:
    def status(c) -> str:
        return c.deadline_status(now).value
    rows = {
        "id": [c.id for c in cases], "number": [c.number for c in cases],
        "label": [f"{c.number} {names.get(c.class_code, c.class_code)} "
                  f"{(c.address or c.description)[:20]}" for c in cases],
        "state": [c.state.value for c in cases],
        "state_zh": [STATE_LABELS_ZH[c.state] for c in cases],
        "class_code": [c.class_code for c in cases],
        "class_name": [names.get(c.class_code, "") for c in cases],
        "description": [c.description for c in cases], "address": [c.address for c in cases],
        "reported_at": pd.to_datetime([c.reported_at for c in cases]),
        "deadline_at": pd.to_datetime([c.deadline_at for c in cases]),
        "deadline_status": [status(c) for c in cases],
        "version": [c.version for c in cases],
        "photo": [_first(photos.get(c.id, []), "report") for c in cases],
        "photo_after": [_first(photos.get(c.id, []), "rectify", last=True) for c in cases],
    }
    geom = [shapely.Point(c.x, c.y) if c.x is not None else None for c in cases]
    return gpd.GeoDataFrame(rows, geometry=gpd.GeoSeries(geom, crs=crs), crs=crs)


def _first(items, phase: str, last: bool = False) -> str | None:
    found = [path for p, path in items if p == phase]
    return (found[-1] if last else found[0]) if found else None


def _case_photos(store, ids, dcim: Path) -> dict[int, list[tuple[str, str]]]:
    """Each case's photos written into DCIM/ (once per photo): id → [(phase, relative)]."""
    out: dict[int, list[tuple[str, str]]] = {}
    with store.read() as conn:
        for k in range(0, len(ids), 500):
            part = ids[k:k + 500]
            if not part:
                continue
            rows = conn.exec_driver_sql(
                "SELECT cp.case_id, cp.seq, cp.phase, p.sha256, p.mime, p.data FROM case_photos cp "
                "JOIN photos p ON p.sha256 = cp.sha256 WHERE cp.case_id IN ("
                + ", ".join(str(int(i)) for i in part) + ") ORDER BY cp.case_id, cp.seq").all()
            for case_id, _seq, phase, sha, mime, data in rows:
                name = f"{sha[:16]}.{MIME_EXT.get(mime, 'jpg')}"
                target = dcim / name
                if not target.exists():
                    target.write_bytes(bytes(data))
                out.setdefault(int(case_id), []).append((phase, f"DCIM/{name}"))
    return out


def _components(store, area, crs) -> gpd.GeoDataFrame:
    from sqlalchemy import text
    g = store.spatial.as_wkb("geom")
    xmin, ymin, xmax, ymax = area.bounds
    with store.read() as conn:  # through the spatial index on both back-ends
        rows = conn.execute(text(
            f"SELECT code, class_code, name, status, {g} FROM components WHERE id IN "
            f"({store.spatial.bbox_ids('components')})"),
            {"xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax}).all()
    pts = shapely.from_wkb([bytes(r[4]) for r in rows]) if rows else np.array([], dtype=object)
    keep = shapely.intersects(pts, area) if len(rows) else np.zeros(0, bool)
    rows = [r for r, k in zip(rows, keep, strict=True) if k]
    return gpd.GeoDataFrame({"code": [r[0] for r in rows], "class_code": [r[1] for r in rows],
                             "name": [r[2] for r in rows], "status": [r[3] for r in rows]},
                            geometry=gpd.GeoSeries(pts[keep] if len(rows) else [], crs=crs),
                            crs=crs)


def _empty_edit_layer(gpkg: Path, layer, crs) -> None:
    cols = {}
    for name, widget, _alias in layer.fields:
        if widget == "DateTime":
            cols[name] = pd.Series([], dtype="datetime64[ms]")
        elif name == "case_id":
            cols[name] = pd.Series([], dtype="int64")
        else:
            cols[name] = pd.Series([], dtype=object)
    df = pd.DataFrame(cols)
    if layer.geometry:
        gdf = gpd.GeoDataFrame(df, geometry=gpd.GeoSeries([], crs=crs), crs=crs)
        pyogrio.write_dataframe(gdf, gpkg, layer=layer.name, driver="GPKG",
                                geometry_type="Point")
    else:
        pyogrio.write_dataframe(df, gpkg, layer=layer.name, driver="GPKG")


# ---- the basemap, clipped --------------------------------------------------------------

def _store_basemap(store) -> Path | None:
    from .maps import _store_file
    with store.read() as conn:
        path = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'basemap'").scalar()
    if not path and store.backend == "sqlite":
        guess = _store_file(store).with_suffix(".basemap.mbtiles")
        path = str(guess) if guess.exists() else None
    return Path(path) if path and Path(path).exists() else None


def _basemap(store, out: Path, area, srid: int) -> int:
    """The store's MBTiles clipped to `area` (tiles are copied as they are); tiles written."""
    src = _store_basemap(store)
    if src is None:
        return 0
    to_merc = Transformer.from_crs(srid, 3857, always_xy=True)
    xmin, ymin, xmax, ymax = area.bounds
    mx, my = to_merc.transform([xmin, xmax, xmin, xmax], [ymin, ymin, ymax, ymax])
    half = 20037508.342789244
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as s, sqlite3.connect(out) as d:
        d.executescript("CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles "
                        "(zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                        "tile_data BLOB); CREATE UNIQUE INDEX tile_index ON tiles "
                        "(zoom_level, tile_column, tile_row);")
        d.executemany("INSERT INTO metadata VALUES (?, ?)",
                      [r for r in s.execute("SELECT name, value FROM metadata")
                       if r[0] != "bounds"])
        lon, lat = Transformer.from_crs(srid, 4326, always_xy=True).transform(
            [xmin, xmax], [ymin, ymax])
        d.execute("INSERT INTO metadata VALUES ('bounds', ?)",
                  (f"{lon[0]:.6f},{lat[0]:.6f},{lon[1]:.6f},{lat[1]:.6f}",))
        n = 0
        for (z,) in s.execute("SELECT DISTINCT zoom_level FROM tiles").fetchall():
            size = 2 * half / (1 << z)
            c0, c1 = math.floor((min(mx) + half) / size), math.floor((max(mx) + half) / size)
            r0 = (1 << z) - 1 - math.floor((half - min(my)) / size)  # TMS rows count upward
            r1 = (1 << z) - 1 - math.floor((half - max(my)) / size)
            rows = s.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles "
                             "WHERE zoom_level = ? AND tile_column BETWEEN ? AND ? AND tile_row "
                             "BETWEEN ? AND ?", (z, c0, c1, min(r0, r1), max(r0, r1))).fetchall()
            d.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
            n += len(rows)
    return n
