"""Data out: layers to GeoPackage / Shapefile / GeoJSON, cases to CSV / XLSX / Open311."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..analysis.patrol import NO_DAY, STATUSES, day_number, patrol_status
from ..domain.case import (
    SOURCE_LABELS_ZH,
    STATE_LABELS_ZH,
    CaseState,
    Satisfaction,
    Source,
    case_number,
)
from ..domain.places import RoadClass
from ..services.reading import CaseSelection
from .crs import store_to_lonlat
from .zone import district_zone, utc_offset, zone_label

LAYERS = ("district", "streets", "communities", "cells", "segments", "components", "cases")
HANDLING = tuple(s.value for s in CaseState if s.is_handling)
OPEN = tuple(s.value for s in CaseState if s.is_open)
TIMES = ("reported_at", "deadline_at", "warning_at", "dispatched_at", "rectified_at",
         "verified_at", "closed_at", "updated_at")
# whole numbers stay whole (GIS and Excel read them as integers, blanks stay blank)
INTEGERS = {"cells": ("open_cases", "overdue"),
            "segments": ("chief_id", "patrol_days", "open_cases"),
            "cases": ("id", "return_count", "rework_count", "extension_count", "reopen_count",
                      "supervision_count", "duplicate_of", "time_limit_minutes")}


def _integers(df: pd.DataFrame, layer: str) -> pd.DataFrame:
    for c in INTEGERS.get(layer, ()):
        if c in df.columns:
            df[c] = pd.to_numeric(df[c]).astype("Int64")
    return df


def _geo(df: pd.DataFrame, srid: int, wkb: str = "wkb") -> gpd.GeoDataFrame:
    geom = shapely.from_wkb([bytes(b) if b is not None else None for b in df.pop(wkb)])
    return gpd.GeoDataFrame(df, geometry=geom, crs=f"EPSG:{srid}")


def layer_frame(store, name: str, now: datetime | None = None) -> gpd.GeoDataFrame:
    """One layer with its current state (who is in charge now, open and overdue cases)."""
    now = now or store.now()
    if name == "cases":
        df = cases_frame(store, now=now)
        xy = df[["x", "y"]].to_numpy(float)
        placed = np.isfinite(xy).all(axis=1)  # 待定位 cases: no geometry yet
        geom = np.full(len(df), None, dtype=object)
        if placed.any():
            geom[placed] = shapely.points(xy[placed])
        return gpd.GeoDataFrame(df, geometry=geom, crs=f"EPSG:{store.srid}")
    if name not in LAYERS:
        raise ValueError(f"unknown layer {name!r}; layers: {', '.join(LAYERS)}")
    df = store.read_model.layer_table(name, now)
    if name == "segments":
        df["class_zh"] = [RoadClass(c).label_zh for c in df["road_class"]]
        df["patrol_days"] = [RoadClass(c).patrol_interval_days for c in df["road_class"]]
        _patrols(store, df, now)
        df = df.drop(columns="id")
    return _geo(_integers(df, name), store.srid)


def _patrols(store, df: pd.DataFrame, now: datetime) -> None:
    """Each segment's last patrol and its status against its rhythm at `now` (按巡查)."""
    with store.uow(write=False) as uow:
        share = uow.config.settings().patrol.share
    last = store.read_model.last_patrols(share)
    days = np.array([day_number(last[i]) if i in last else NO_DAY for i in df["id"]], np.int64)
    # the day as a time at its start (GIS filters on it; GDAL writes no plain dates here)
    df["last_patrol"] = pd.to_datetime(pd.Series([last.get(i) for i in df["id"]],
                                                 dtype=object, index=df.index))
    status = patrol_status(df["patrol_days"].to_numpy(np.int64), days, now.date())
    df["patrol_status"] = [STATUSES[k] for k in status]


def cases_frame(store, which: CaseSelection | None = None,
                now: datetime | None = None) -> pd.DataFrame:
    """The chosen cases (all by default) as rows with readable names (class, state, unit in
    charge) and their deadline status at `now` (the store's clock by default)."""
    now = now or store.now()
    df = store.read_model.case_table(which or CaseSelection())
    for col in TIMES:
        df[col] = pd.to_datetime(df[col], format="mixed")
    _integers(df, "cases")
    # typed explicitly: a store without cases still exports text numbers and real x/y
    df["x"], df["y"] = df["x"].astype(float), df["y"].astype(float)
    df.insert(0, "number", pd.Series([case_number(int(i), t) for t, i in zip(
        df["reported_at"], df["id"], strict=True)], index=df.index, dtype=object))
    # the original of a duplicate by its case number (the id stays for joins in GIS)
    original = pd.to_datetime(df.pop("original_reported_at"), format="mixed")
    df["duplicate_of_number"] = pd.Series(
        [case_number(int(i), t) if pd.notna(i) else None
         for t, i in zip(original, df["duplicate_of"], strict=True)], index=df.index, dtype=object)
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
    "satisfaction": "满意度", "duplicate_of_number": "重复于", "x": "X", "y": "Y",
    "lon": "经度", "lat": "纬度",
}


DEADLINE_ZH = {"overdue": "超期", "warning": "预警", "normal": "正常", "none": ""}


def case_table(store, df: pd.DataFrame | None = None, zone: str | None = None,
               translate: Callable[[str], str] = str) -> pd.DataFrame:
    """Cases as a sheet: headers that name the time zone and each coordinate's CRS, lon/lat
    (WGS-84) beside the store's projected x/y, whole numbers as integers. Headers and the
    words in cells (state, source, deadline, satisfaction) are Chinese, or what `translate`
    makes of them (the client passes its own translation: exports in the UI's language)."""
    df = cases_frame(store) if df is None else df.copy()
    zone = zone or district_zone(store)
    lon, lat = store_to_lonlat(df["x"].to_numpy(float), df["y"].to_numpy(float), store.srid) \
        if len(df) else (np.zeros(0), np.zeros(0))
    df["lon"], df["lat"] = np.round(lon, 7), np.round(lat, 7)
    df["x"], df["y"] = df["x"].astype(float).round(3), df["y"].astype(float).round(3)
    df["deadline_status"] = df["deadline_status"].map(
        {k: translate(v) if v else v for k, v in DEADLINE_ZH.items()})
    for col in ("state_zh", "source_zh"):
        df[col] = df[col].map(lambda v: translate(v) if isinstance(v, str) else v)
    df["satisfaction"] = df["satisfaction"].map(
        lambda v: translate(Satisfaction(v).label_zh) if isinstance(v, str) and v else v)
    table = df[list(CASE_COLUMNS_ZH)]
    when = zone_label(zone, [table[c] for c in CASE_COLUMNS_ZH if c in TIMES])
    heads = {c: (f"{translate(h)} ({when})" if c in TIMES else translate(h))
             for c, h in CASE_COLUMNS_ZH.items()}
    heads.update({"x": f"X (EPSG:{store.srid})", "y": f"Y (EPSG:{store.srid})",
                  "lon": f"{translate('经度')} (WGS-84)", "lat": f"{translate('纬度')} (WGS-84)"})
    return table.rename(columns=heads)


def _csvt(table: pd.DataFrame) -> str:
    """Column types for GDAL/QGIS (the .csvt beside a .csv): dates stay dates, integers
    integers."""
    def kind(s: pd.Series) -> str:
        if pd.api.types.is_datetime64_any_dtype(s):
            return "DateTime"
        if pd.api.types.is_integer_dtype(s):
            return "Integer64"
        if pd.api.types.is_float_dtype(s):
            return "Real"
        return "String"
    return ",".join(f'"{kind(table[c])}"' for c in table.columns) + "\n"


def _replace_atomically(out: Path, write) -> None:
    """write(tmp) then rename over out: a failure leaves no half file (and any old one)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.part{out.suffix}")
    try:
        write(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # day 0 of Excel's 1900 date system


def _cells(column: pd.Series) -> np.ndarray:
    """A column as the values xlsxwriter writes: times as Excel serial days, gaps as None."""
    if pd.api.types.is_datetime64_any_dtype(column):
        days = ((column - EXCEL_EPOCH) / pd.Timedelta(days=1)).to_numpy(float)
        out = days.astype(object)
        out[np.isnan(days)] = None
        return out
    out = column.to_numpy(object, copy=True)
    out[pd.isna(column).to_numpy()] = None
    return out


def _write_sheet(path: Path, table: pd.DataFrame, name: str, lonlat: set[str],
                 note: tuple[str, str] | None) -> None:
    """`table` as one sheet, written row by row in xlsxwriter's constant-memory mode (three
    times faster than pandas' to_excel, and flat in memory at a million rows): frozen header,
    autofilter, number formats for degrees, metres and times; `note` as a second sheet."""
    import xlsxwriter
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "nan_inf_to_errors": True})
    try:
        sheet = book.add_worksheet(name)
        bold = book.add_format({"bold": True, "border": 1, "align": "center"})
        formats = {"degrees": book.add_format({"num_format": "0.0000000"}),
                   "metres": book.add_format({"num_format": "0.000"}),
                   "time": book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})}
        for i, c in enumerate(table.columns):
            if c.split(" (")[0] in lonlat:
                sheet.set_column(i, i, 14, formats["degrees"])
            elif c.startswith(("X (", "Y (")):
                sheet.set_column(i, i, 14, formats["metres"])
            elif pd.api.types.is_datetime64_any_dtype(table[c]):
                sheet.set_column(i, i, 19, formats["time"])
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(table), len(table.columns) - 1)
        sheet.write_row(0, 0, list(table.columns), bold)
        columns = [_cells(table[c]) for c in table.columns]
        for r, row in enumerate(zip(*columns, strict=True), start=1):
            sheet.write_row(r, 0, row)
        if note is not None:
            extra = book.add_worksheet(note[0])
            extra.write(0, 0, note[0], bold)
            extra.write_string(1, 0, note[1])
    finally:
        book.close()


def export_cases_table(store, out: Path, df: pd.DataFrame | None = None,
                       note: str | None = None, translate: Callable[[str], str] = str) -> int:
    """Cases to CSV (UTF-8 with BOM, opens in Excel; a .csvt gives GIS the types) or XLSX.

    `note` (which cases, chosen how, by whom: the client's list export) goes into the file: a
    说明 sheet in XLSX; in CSV a first line starting with '#', and then no .csvt (GDAL reads
    the header from the first line)."""
    table = case_table(store, df, translate=translate)
    lonlat = {translate("经度"), translate("纬度")}
    out = Path(out)
    if out.suffix.lower() == ".xlsx":
        if len(table) > 1_048_575:
            raise ValueError(f"{len(table):,} cases exceed one XLSX sheet; export CSV")

        def write_xlsx(tmp: Path) -> None:
            _write_sheet(tmp, table, translate("案件"), lonlat,
                         (translate("说明"), note) if note else None)
        _replace_atomically(out, write_xlsx)
    elif note:
        def write_csv(tmp: Path) -> None:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                f.write("# " + note.replace("\n", " ") + "\n")
                table.to_csv(f, index=False, date_format="%Y-%m-%d %H:%M:%S")
        _replace_atomically(out, write_csv)
    else:
        _replace_atomically(out, lambda tmp: table.to_csv(
            tmp, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d %H:%M:%S"))
        if out.suffix.lower() == ".csv":
            _replace_atomically(out.with_suffix(".csvt"),
                                lambda tmp: tmp.write_text(_csvt(table), encoding="utf-8"))
    return len(table)


def open311(store, df: pd.DataFrame | None = None) -> list[dict]:
    """Cases as Open311 GeoReport v2 service requests (lat/long in WGS-84)."""
    df = cases_frame(store) if df is None else df
    zone = district_zone(store)
    lon, lat = store_to_lonlat(df["x"].to_numpy(float), df["y"].to_numpy(float), store.srid)

    def iso(v):
        if pd.isna(v):
            return None
        return v.isoformat(timespec="seconds") + utc_offset(zone, v.to_pydatetime())
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
    _replace_atomically(Path(out), lambda tmp: tmp.write_text(
        json.dumps(requests, ensure_ascii=False, indent=1), encoding="utf-8"))
    return len(requests)


def export_layers(store, out: Path, layers=LAYERS, fmt: str | None = None,
                  progress=None, truncate_text: bool = False,
                  notes: list[str] | None = None) -> list[Path]:
    """GeoPackage (one file, every layer, styled for QGIS), Shapefile or GeoJSON (a file per
    layer). Every layer is read before anything is written; a failure leaves no output."""
    from .layer_files import write_geojson, write_geopackage, write_shapefiles
    out = Path(out)
    fmt = fmt or {".gpkg": "gpkg", ".shp": "shp", ".geojson": "geojson",
                  ".json": "geojson"}.get(out.suffix.lower(), "shp" if not out.suffix else None)
    if fmt not in ("gpkg", "shp", "geojson"):
        raise ValueError(f"export to .gpkg, a folder of shapefiles, or .geojson (got {out})")
    unknown = [name for name in layers if name not in LAYERS]
    if unknown:
        raise ValueError(f"unknown layer {unknown[0]!r}; layers: {', '.join(LAYERS)}")
    now = store.now()  # the district's clock: overdue/预警 and patrol status as it sees them
    zone = district_zone(store)
    frames = {}
    for i, name in enumerate(layers):
        if progress:
            progress(i, len(layers), f"export {name}")
        frames[name] = layer_frame(store, name, now)
    if fmt == "gpkg":
        from .qgis_project import store_style_data
        from .qgis_styles import layer_styles
        data = store_style_data(store, now)
        styles = {name: layer_styles(name, data) for name in frames}
        return [write_geopackage(frames, out, zone, styles, now)]
    if fmt == "shp":
        return write_shapefiles(frames, out, zone, truncate_text, notes)
    return write_geojson(frames, out, zone)


__all__ = ["export_layers", "export_cases_table", "export_open311", "layer_frame",
           "cases_frame", "case_table", "Source"]
