"""Honest floors: the same essential work as an import, done the simplest raw way.

Each reads the file, checks what the import must check with vectorised calls, and writes the
same rows (same tables, indexes, spatial index and triggers as the store has) in one
transaction through the raw driver (sqlean + mod_spatialite), committed; where a bulk load
of that size is faster with the indexes dropped and rebuilt after (the 12345 import), the
floor does so. What the floors leave
out is what the product adds: ownership, the duplicate rule, the transition table, the
audit chain's hashes, messages naming each bad row.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import shapely
import sqlean

from ..io.crs import lonlat_to_store


def raw_connection(path: Path):
    """The driver as a hand-written script would use it: WAL, synchronous=NORMAL."""
    con = sqlean.connect(str(path), isolation_level=None)
    con.enable_load_extension(True)
    con.load_extension("mod_spatialite")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    return con


def drop_indexes(con, tables) -> list[str]:
    """Drop the secondary indexes of `tables`; their CREATE statements, to make them again
    after a bulk load (the fastest way the driver loads many rows)."""
    ddl = []
    for table in tables:
        for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE type = "
                                     "'index' AND tbl_name = ? AND sql IS NOT NULL",
                                     (table,)).fetchall():
            con.execute(f'DROP INDEX "{name}"')
            ddl.append(sql)
    return ddl


def fresh(db: Path) -> None:
    """No store at `db` (nor its write-ahead log)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def copy_store(src: Path, dst: Path) -> None:
    """The same store twice: ours and the floor start from identical files (`src` has no
    write-ahead log pending: checkpoint it first if it is open)."""
    import shutil
    fresh(dst)
    shutil.copyfile(src, dst)


def _next_seq(con, table: str) -> int:
    return (con.execute(f"SELECT max(change_seq) FROM {table}").fetchone()[0] or 0) + 1


def polygon_floor(gpkg: Path, db: Path) -> float:
    """Seconds to read the cells, check them valid, measure them and insert them."""
    con = raw_connection(db)
    srid = con.execute("SELECT srid FROM geometry_columns WHERE f_table_name = "
                       "'grid_cells'").fetchone()[0]
    t0 = time.perf_counter()
    frame = pyogrio.read_dataframe(gpkg)
    geoms = np.asarray(frame.geometry.values)
    if not shapely.is_valid(geoms).all():
        raise ValueError(f"{gpkg}: invalid geometries in the bench file")
    codes = frame["code"].astype(str).tolist()
    inside = shapely.point_on_surface(geoms)
    rows = zip(codes, [c[:12] for c in codes], [c[:9] for c in codes],
               shapely.area(geoms).tolist(), shapely.get_x(inside).tolist(),
               shapely.get_y(inside).tolist(), shapely.to_wkb(geoms).tolist(), strict=True)
    con.execute("BEGIN")
    seq = _next_seq(con, "grid_cells")
    con.executemany("INSERT INTO grid_cells (code, community_code, street_code, area_m2, cx, "
                    f"cy, geom, change_seq) VALUES (?, ?, ?, ?, ?, ?, "
                    f"CastToMulti(GeomFromWKB(?, {srid})), {seq})", rows)
    con.execute("COMMIT")
    dt = time.perf_counter() - t0
    con.close()
    return dt


CLASSES = {"暴露垃圾": "E0102", "占道经营": "E0104", "共享单车乱停放": "E0501",
           "道路不洁": "E0506", "垃圾满溢": "E0111", "非法小广告": "E0201"}


def hotline_floor(csv: Path, db: Path, time_format: str, live_indexes: bool = False) -> float:
    """Seconds to read a 12345 export, check times, classes and points, and insert a case
    and its first audit row per ticket, the fastest way the raw driver loads them: the point
    made in the statement (the geometry triggers idle; the column's type and SRID, which its
    trigger checks at every row, checked once), one change number, the secondary indexes of
    both tables dropped and rebuilt after, the R*Tree of the points filled once after the
    rows by one statement (its trigger dropped and made again), committed.

    `live_indexes`: the floor as it was until 1 Dec 2026 (every index, the R*Tree and the
    geometry trigger updated row by row), kept to compare the two."""
    con = raw_connection(db)
    srid = con.execute("SELECT srid FROM geometry_columns WHERE f_table_name = "
                       "'grid_cells'").fetchone()[0]
    x0, y0, x1, y1 = con.execute("SELECT min(MbrMinX(geom)), min(MbrMinY(geom)), "
                                 "max(MbrMaxX(geom)), max(MbrMaxY(geom)) FROM grid_cells"
                                 ).fetchone()
    reporter = con.execute("SELECT id FROM people WHERE username = 'acc'").fetchone()[0]
    t0 = time.perf_counter()
    df = pd.read_csv(csv, dtype=str, encoding="utf-8")
    at = pd.to_datetime(df["受理时间"], format=time_format)
    if at.isna().any():
        raise ValueError(f"{csv}: rows without a time")
    cls = df["问题分类"].map(CLASSES)
    if cls.isna().any():
        raise ValueError(f"{csv}: unknown classes")
    lon, lat = pd.to_numeric(df["经度"]).to_numpy(), pd.to_numeric(df["纬度"]).to_numpy()
    x, y = lonlat_to_store(lon, lat, "gcj02", srid)
    if not ((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)).all():
        raise ValueError(f"{csv}: points outside the grid")
    n = len(df)
    stamp = at.dt.strftime("%Y-%m-%d %H:%M:%S.%f").tolist()
    con.execute("BEGIN")
    first = (con.execute("SELECT max(id) FROM cases").fetchone()[0] or 0) + 1
    ids = range(first, first + n)
    seq = _next_seq(con, "cases")
    rebuild: list[str] = []
    rtree = checked = None
    if not live_indexes:
        rebuild = drop_indexes(con, ("cases", "case_events"))
        rtree = con.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = "
                            "'gii_cases_geom'").fetchone()[0]
        con.execute('DROP TRIGGER "gii_cases_geom"')
        # every point is MakePoint(x, y, srid): the column's type and SRID checked once here,
        # not by its trigger at every row
        if con.execute("SELECT geometry_type, srid FROM geometry_columns WHERE f_table_name = "
                       "'cases'").fetchone() != (1, srid):
            raise ValueError(f"{db}: cases.geom does not take XY points of SRID {srid}")
        checked = con.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                              "name = 'ggi_cases_geom'").fetchone()[0]
        con.execute('DROP TRIGGER "ggi_cases_geom"')
    point = "NULL" if live_indexes else f"MakePoint(?, ?, {srid})"
    xs, ys = x.tolist(), y.tolist()
    rows = zip(ids, cls.tolist(), df["问题描述"].tolist(), df["问题地址"].tolist(), xs, ys,
               df["来电人"].tolist(), df["工单编号"].tolist(), stamp, stamp, strict=True)
    con.executemany(
        "INSERT INTO cases (id, source, kind, class_code, description, address, x, y, "
        "reporter_id, reporter_contact, external_id, state, version, reported_at, "
        "rectifier_ids, return_count, rework_count, extension_count, reopen_count, "
        "supervision_count, updated_at, change_seq, geom) VALUES (?, 'hotline_12345', 'event', "
        f"?, ?, ?, ?, ?, {reporter}, ?, ?, 'reported', 1, ?, '', 0, 0, 0, 0, 0, ?, {seq}, "
        f"{point})",
        rows if live_indexes else ((*r, r[4], r[5]) for r in rows))
    if checked is not None:
        con.execute(checked)
    data = [json.dumps({"external_id": e}, ensure_ascii=False) for e in df["工单编号"]]
    con.executemany(
        "INSERT INTO case_events (case_id, seq, action, actor_id, actor_role, at, to_state, "
        f"reason, data, attachments) VALUES (?, 1, 'report', {reporter}, 'acceptor', ?, "
        "'reported', ?, ?, '[]')",
        zip(ids, stamp, df["问题描述"].tolist(), data, strict=True))
    if rtree is not None:  # the boxes the trigger's RTreeAlign inserts, in rowid order, by
        # one statement (RTreeAlign prepares one per call: twice the time for the same tree)
        con.execute("INSERT INTO idx_cases_geom (pkid, xmin, xmax, ymin, ymax) SELECT ROWID, "
                    "MbrMinX(geom), MbrMaxX(geom), MbrMinY(geom), MbrMaxY(geom) FROM cases "
                    "WHERE ROWID BETWEEN ? AND ? AND geom IS NOT NULL ORDER BY ROWID",
                    (first, first + n - 1))
        con.execute(rtree)
    for sql in rebuild:
        con.execute(sql)
    con.execute("COMMIT")
    dt = time.perf_counter() - t0
    con.close()
    return dt
