"""Data out: layers to GeoPackage / Shapefile / GeoJSON, cases to CSV / XLSX / Open311."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from sqlalchemy import text

from ..domain.case import SOURCE_LABELS_ZH, STATE_LABELS_ZH, CaseState, Source
from ..domain.places import RoadClass
from .crs import store_to_lonlat

LAYERS = ("district", "streets", "communities", "cells", "segments", "components", "cases")
HANDLING = tuple(s.value for s in CaseState if s.is_handling)
OPEN = tuple(s.value for s in CaseState if s.is_open)


def _q(conn, sql: str, **params) -> pd.DataFrame:
    return pd.read_sql_query(text(sql), conn, params=params)


def _geo(df: pd.DataFrame, srid: int, wkb: str = "wkb") -> gpd.GeoDataFrame:
    geom = shapely.from_wkb([bytes(b) if b is not None else None for b in df.pop(wkb)])
    return gpd.GeoDataFrame(df, geometry=geom, crs=f"EPSG:{srid}")


def _in(values) -> str:
    return ", ".join(f"'{v}'" for v in values)


def layer_frame(store, name: str, now: datetime | None = None) -> gpd.GeoDataFrame:
    """One layer with its current state (who is in charge now, open and overdue cases)."""
    now = now or datetime.now()
    g = store.spatial.as_wkb("geom")
    with store.read() as conn:
        if name == "district":
            return _geo(_q(conn, f"SELECT code, name, {g} AS wkb FROM districts"), store.srid)
        if name == "streets":
            return _geo(_q(conn, f"SELECT code, name, {g} AS wkb FROM streets ORDER BY code"),
                        store.srid)
        if name == "communities":
            return _geo(_q(conn, f"SELECT code, street_code, name, {g} AS wkb FROM communities "
                                 "ORDER BY code"), store.srid)
        if name == "cells":
            df = _q(conn, f"""
                SELECT c.code, c.community_code, c.street_code, co.name AS community,
                       s.name AS street, c.area_m2, p.name AS grid_worker,
                       p.username AS worker_user, {g.replace('geom', 'c.geom')} AS wkb
                FROM grid_cells c
                LEFT JOIN communities co ON co.code = c.community_code
                LEFT JOIN streets s ON s.code = c.street_code
                LEFT JOIN assignments a ON a.kind = 'grid_worker_cell' AND a.target_code = c.code
                     AND a.valid_from <= :now AND (a.valid_to IS NULL OR a.valid_to > :now)
                LEFT JOIN people p ON p.id = a.person_id
                ORDER BY c.code""", now=now)
            counts = _q(conn, f"SELECT cell_code AS code, count(*) AS open_cases, "
                              f"sum(CASE WHEN state IN ({_in(HANDLING)}) AND deadline_at < :now "
                              f"THEN 1 ELSE 0 END) AS overdue FROM cases "
                              f"WHERE state IN ({_in(OPEN)}) GROUP BY cell_code", now=now)
            df = df.merge(counts, on="code", how="left").fillna({"open_cases": 0, "overdue": 0})
            return _geo(df.astype({"open_cases": int, "overdue": int}), store.srid)
        if name == "segments":
            df = _q(conn, f"""
                SELECT sg.id, sg.code, sg.road_name, sg.road_class, sg.name, sg.length_m,
                       p.name AS road_chief, p.username AS chief_user,
                       {g.replace('geom', 'sg.geom')} AS wkb
                FROM road_segments sg
                LEFT JOIN assignments a ON a.kind = 'road_chief_segment'
                     AND a.target_code = sg.code AND a.valid_from <= :now
                     AND (a.valid_to IS NULL OR a.valid_to > :now)
                LEFT JOIN people p ON p.id = a.person_id
                ORDER BY sg.code""", now=now)
            df["class_zh"] = [RoadClass(c).label_zh for c in df["road_class"]]
            df["patrol_days"] = [RoadClass(c).patrol_interval_days for c in df["road_class"]]
            counts = _q(conn, f"SELECT segment_id AS id, count(*) AS open_cases FROM cases "
                              f"WHERE state IN ({_in(OPEN)}) AND segment_id IS NOT NULL "
                              "GROUP BY segment_id")
            df = df.merge(counts, on="id", how="left").fillna({"open_cases": 0})
            return _geo(df.drop(columns="id").astype({"open_cases": int}), store.srid)
        if name == "components":
            return _geo(_q(conn, f"""
                SELECT c.code, c.class_code, c.name, d.name AS owner, c.status,
                       {g.replace('geom', 'c.geom')} AS wkb
                FROM components c LEFT JOIN departments d ON d.id = c.owner_department_id
                ORDER BY c.code"""), store.srid)
        if name == "cases":
            df = cases_frame(store, now=now)
            placed = df["x"].notna() & df["y"].notna()  # 待定位 cases: no geometry yet
            return gpd.GeoDataFrame(df, geometry=np.where(placed, shapely.points(df["x"], df["y"]), None),
                                    crs=f"EPSG:{store.srid}")
    raise ValueError(f"unknown layer {name!r}; layers: {', '.join(LAYERS)}")


def cases_frame(store, where: str = "", params: dict | None = None,
                now: datetime | None = None) -> pd.DataFrame:
    """Every case as a row with readable names (class, state, unit in charge)."""
    now = now or datetime.now()
    with store.read() as conn:
        df = _q(conn, f"""
            SELECT c.id, c.reported_at, c.source, c.kind, c.class_code, cc.name AS class_name,
                   c.state, c.description, c.address, c.x, c.y, c.cell_code, c.community_code,
                   c.street_code, s.name AS street, c.external_id, c.deadline_at, c.warning_at,
                   c.dispatched_at, c.rectified_at, c.verified_at, c.closed_at,
                   d.name AS department, p.name AS road_chief, c.return_count,
                   c.rework_count, c.extension_count, c.reopen_count, c.supervision_count,
                   c.duplicate_of, c.satisfaction, c.updated_at, c.time_limit_minutes
            FROM cases c
            LEFT JOIN catalog_classes cc ON cc.code = c.class_code
                 AND cc.version = (SELECT max(version) FROM catalog_versions)
            LEFT JOIN streets s ON s.code = c.street_code
            LEFT JOIN departments d ON d.id = c.assignee_department_id
            LEFT JOIN people p ON p.id = c.assignee_person_id
            {where} ORDER BY c.id""", **(params or {}))
    for col in ("reported_at", "deadline_at", "warning_at", "dispatched_at", "rectified_at",
                "verified_at", "closed_at", "updated_at"):
        df[col] = pd.to_datetime(df[col], format="mixed")
    df.insert(0, "number", [f"{t.year}{i:08d}" for t, i in zip(df["reported_at"], df["id"],
                                                                strict=True)])
    df["state_zh"] = df["state"].map({s.value: z for s, z in STATE_LABELS_ZH.items()})
    df["source_zh"] = df["source"].map({s.value: z for s, z in SOURCE_LABELS_ZH.items()})
    handling = df["state"].isin(HANDLING)
    df["deadline_status"] = np.select(
        [handling & (df["deadline_at"] < now), handling & (df["warning_at"] <= now), handling],
        ["overdue", "warning", "normal"], "none")
    df["assignee"] = df["road_chief"].fillna(df["department"])
    return df


CASE_COLUMNS_ZH = {
    "number": "案卷号", "reported_at": "上报时间", "source_zh": "来源", "class_code": "小类代码",
    "class_name": "问题类别", "state_zh": "状态", "deadline_status": "时限状态",
    "description": "问题描述", "address": "地址", "street": "街道", "cell_code": "网格编码",
    "assignee": "责任单位", "deadline_at": "处置时限", "rectified_at": "处置时间",
    "closed_at": "结案时间", "external_id": "热线工单号", "return_count": "退回次数",
    "rework_count": "返工次数", "extension_count": "延期次数", "supervision_count": "督办次数",
    "satisfaction": "满意度", "x": "X", "y": "Y",
}


def export_cases_table(store, out: Path, df: pd.DataFrame | None = None) -> int:
    """Cases to CSV (UTF-8 with BOM, opens in Excel) or XLSX, with Chinese headers."""
    df = cases_frame(store) if df is None else df
    table = df[list(CASE_COLUMNS_ZH)].rename(columns=CASE_COLUMNS_ZH)
    out = Path(out)
    if out.suffix.lower() == ".xlsx":
        if len(table) > 1_048_575:
            raise ValueError(f"{len(table):,} cases exceed one XLSX sheet; export CSV")
        with pd.ExcelWriter(out, engine="xlsxwriter",
                            datetime_format="yyyy-mm-dd hh:mm") as xl:
            table.to_excel(xl, sheet_name="案件", index=False)
            xl.sheets["案件"].freeze_panes(1, 0)
            xl.sheets["案件"].autofilter(0, 0, len(table), len(table.columns) - 1)
    else:
        table.to_csv(out, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d %H:%M:%S")
    return len(table)


def open311(store, df: pd.DataFrame | None = None) -> list[dict]:
    """Cases as Open311 GeoReport v2 service requests (lat/long in WGS-84)."""
    df = cases_frame(store) if df is None else df
    lon, lat = store_to_lonlat(df["x"].to_numpy(), df["y"].to_numpy(), store.srid)

    def iso(v):
        return None if pd.isna(v) else v.isoformat(timespec="seconds") + "+08:00"
    out = []
    for i, r in enumerate(df.itertuples(index=False)):
        out.append({
            "service_request_id": r.number,
            "status": "open" if r.state in OPEN else "closed",
            "status_notes": r.state_zh + ("（超期）" if r.deadline_status == "overdue" else ""),
            "service_name": r.class_name, "service_code": r.class_code,
            "description": r.description,
            "agency_responsible": None if pd.isna(r.assignee) else r.assignee,
            "service_notice": None if pd.isna(r.time_limit_minutes) else
            f"处置时限 {int(r.time_limit_minutes)} 工作分钟",
            "requested_datetime": iso(r.reported_at), "updated_datetime": iso(r.updated_at),
            "expected_datetime": iso(r.deadline_at), "address": r.address,
            "address_id": None if pd.isna(r.cell_code) else r.cell_code, "zipcode": None,
            "lat": None if np.isnan(lat[i]) else round(float(lat[i]), 7),  # 待定位: none
            "long": None if np.isnan(lon[i]) else round(float(lon[i]), 7),
            "media_url": None,
        })
    return out


def export_open311(store, out: Path, df: pd.DataFrame | None = None) -> int:
    requests = open311(store, df)
    Path(out).write_text(json.dumps(requests, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(requests)


def _for_file(gdf: gpd.GeoDataFrame, shapefile: bool) -> gpd.GeoDataFrame:
    gdf = gdf.copy()
    for col in gdf.columns:
        if col != "geometry" and pd.api.types.is_datetime64_any_dtype(gdf[col]):
            gdf[col] = gdf[col].dt.strftime("%Y-%m-%d %H:%M:%S")
    if shapefile:  # DBF field names: 10 characters
        gdf.columns = [c if c == "geometry" else c[:10] for c in gdf.columns]
    return gdf


def export_layers(store, out: Path, layers=LAYERS, fmt: str | None = None,
                  progress=None) -> list[Path]:
    """GeoPackage (one file, every layer), Shapefile or GeoJSON (a file per layer)."""
    out = Path(out)
    fmt = fmt or {".gpkg": "gpkg", ".shp": "shp", ".geojson": "geojson",
                  ".json": "geojson"}.get(out.suffix.lower(), "shp" if not out.suffix else None)
    if fmt not in ("gpkg", "shp", "geojson"):
        raise ValueError(f"export to .gpkg, a folder of shapefiles, or .geojson (got {out})")
    written: list[Path] = []
    if fmt == "gpkg":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.unlink(missing_ok=True)
    else:
        folder = out if fmt == "shp" else out.parent
        folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now()
    for i, name in enumerate(layers):
        gdf = layer_frame(store, name, now)
        if progress:
            progress(i, len(layers), f"export {name}")
        if fmt == "gpkg":
            pyogrio.write_dataframe(_for_file(gdf, False), out, layer=name, driver="GPKG",
                                    append=out.exists())
            if out not in written:
                written.append(out)
        elif fmt == "shp":
            path = out / f"{name}.shp"
            pyogrio.write_dataframe(_for_file(gdf, True), path, driver="ESRI Shapefile",
                                    encoding="UTF-8")
            written.append(path)
        else:
            path = out.with_name(f"{out.stem}_{name}.geojson") if len(layers) > 1 else out
            pyogrio.write_dataframe(_for_file(gdf, False).to_crs(4326), path, driver="GeoJSON")
            written.append(path)
    return written


__all__ = ["export_layers", "export_cases_table", "export_open311", "layer_frame",
           "cases_frame", "Source"]
