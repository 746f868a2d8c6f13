"""Layers into files GIS software reads right: GeoPackage 1.3 with its QGIS styles, Shapefile
without silent truncation, GeoJSON per RFC 7946. Each export is complete or not there at all:
files are written beside their target and moved into place only when every one is whole.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from .errors import ExportRefused, ValidationReport
from .qgis_styles import TITLES, Style
from .zone import iso_with_offset, utc_offset

WKB = {"district": "MultiPolygon", "streets": "MultiPolygon", "communities": "MultiPolygon",
       "cells": "MultiPolygon", "segments": "MultiLineString", "components": "Point",
       "cases": "Point"}
# GDAL 3.6 (Debian 12, QGIS 3.22) warns on every open of a GeoPackage 1.4; 1.3 it reads
GPKG_VERSION = "1.3"
DBF_TEXT_BYTES = 254
# what says which row a problem is in, per layer (a case's number, a cell's code, …)
ROW_NAMES = {"cases": "number"}


def _times(gdf: gpd.GeoDataFrame) -> list[str]:
    return [c for c in gdf.columns
            if c != "geometry" and pd.api.types.is_datetime64_any_dtype(gdf[c])]


def _geometry_type(name: str) -> str:
    return WKB.get(name, "Unknown")


def _staging(target: Path) -> Path:
    """A private folder beside the target (same file system: moving in is a rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))


def write_geopackage(frames: dict[str, gpd.GeoDataFrame], out: Path, zone: str,
                     styles: dict[str, list[Style]], exported_at: datetime) -> Path:
    """Every layer into one GeoPackage 1.3, its styles in layer_styles (QGIS applies the
    default style of a layer when it opens it, with no project)."""
    stage = _staging(out)
    try:
        tmp = stage / out.name
        for i, (name, gdf) in enumerate(frames.items()):
            desc = (f"gridapp {TITLES.get(name, name)}, exported {exported_at:%Y-%m-%d %H:%M}; "
                    f"times are wall-clock {zone} (UTC{utc_offset(zone, exported_at)})")
            pyogrio.write_dataframe(
                gdf, tmp, layer=name, driver="GPKG", append=i > 0,
                geometry_type=_geometry_type(name),
                dataset_options=None if i else {"VERSION": GPKG_VERSION},
                layer_options={"IDENTIFIER": TITLES.get(name, name), "DESCRIPTION": desc})
        rows = [style_row(s, exported_at) for name in frames for s in styles.get(name, [])]
        if rows:
            pyogrio.write_dataframe(pd.DataFrame(rows), tmp, layer="layer_styles",
                                    driver="GPKG", append=True, layer_options={"FID": "id"})
        os.replace(tmp, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return out


def style_row(style: Style, at: datetime) -> dict:
    """A row of the layer_styles table QGIS reads (and writes, from Save Style → Database)."""
    return {"f_table_catalog": "", "f_table_schema": "", "f_table_name": style.layer,
            "f_geometry_column": "geom", "styleName": style.name, "styleQML": style.text,
            "styleSLD": "", "useAsDefault": style.default,
            "description": f"gridapp {TITLES[style.layer]} {style.name}",
            "owner": "gridapp", "ui": None, "update_time": pd.Timestamp(at)}


def _utf8_cut(text: str, limit: int) -> str:
    raw = text.encode("utf-8")[:limit]
    return raw.decode("utf-8", errors="ignore")  # never half a character


def _dbf_names(columns) -> dict[str, str]:
    """Field names of at most 10 characters, unique (extension_count, extension_at …)."""
    out, used = {}, set()
    for c in columns:
        if c == "geometry":
            continue
        name, k = c[:10], 1
        while name.lower() in used:
            k += 1
            name = f"{c[:10 - len(str(k))]}{k}"
        used.add(name.lower())
        out[c] = name
    return out


def _for_shapefile(name: str, gdf: gpd.GeoDataFrame, zone: str, truncate: bool,
                   report: ValidationReport, cut: list[str]) -> gpd.GeoDataFrame:
    gdf = gdf.copy()
    for c in _times(gdf):  # DBF has no date-time: ISO 8601 text with the zone's offset
        gdf[c] = iso_with_offset(gdf[c], zone)
    names = _dbf_names(gdf.columns)
    key = ROW_NAMES.get(name, "code")
    for c in gdf.columns:
        if c == "geometry" or not (pd.api.types.is_object_dtype(gdf[c])
                                   or pd.api.types.is_string_dtype(gdf[c])):
            continue
        sizes = gdf[c].map(lambda v: len(v.encode("utf-8")) if isinstance(v, str) else 0)
        for i in map(int, (sizes > DBF_TEXT_BYTES).to_numpy().nonzero()[0]):
            who = f"{key} {gdf[key].iloc[i]}" if key in gdf else f"feature {i + 1}"
            msg = (f"{who}: {c} is {int(sizes.iloc[i])} bytes of text, a shapefile holds "
                   f"{DBF_TEXT_BYTES}")
            if truncate:
                cut.append(f"{name}.shp, row {i + 1} [{names[c]}]: {msg}; cut to "
                           f"{DBF_TEXT_BYTES} bytes")
                gdf.iloc[i, gdf.columns.get_loc(c)] = _utf8_cut(gdf[c].iloc[i], DBF_TEXT_BYTES)
            else:
                report.add(f"{name}.shp", i + 1, names[c],
                           msg + " — export to .gpkg to keep it whole, or cut it with "
                                 "--truncate-text")
    return gdf.rename(columns=names)


def write_shapefiles(frames: dict[str, gpd.GeoDataFrame], folder: Path, zone: str,
                     truncate: bool = False, notes: list[str] | None = None) -> list[Path]:
    """A shapefile per layer (UTF-8 with .cpg). Text over 254 bytes is refused, naming each
    field and row, unless `truncate` (then each cut is listed in `notes`)."""
    report, cut = ValidationReport(), []
    ready = {n: _for_shapefile(n, g, zone, truncate, report, cut) for n, g in frames.items()}
    if report:
        raise ExportRefused(report)
    folder.mkdir(parents=True, exist_ok=True)
    stage = _staging(folder / "shp")
    try:
        for name, gdf in ready.items():
            pyogrio.write_dataframe(gdf, stage / f"{name}.shp", driver="ESRI Shapefile",
                                    encoding="UTF-8", geometry_type=_geometry_type(name))
        paths = []
        for name in ready:
            for part in sorted(stage.glob(f"{name}.*")):
                os.replace(part, folder / part.name)
            paths.append(folder / f"{name}.shp")
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if notes is not None:
        notes.extend(cut)
    return paths


def write_geojson(frames: dict[str, gpd.GeoDataFrame], out: Path, zone: str) -> list[Path]:
    """RFC 7946: WGS-84 lon/lat, no projected x/y columns, times in ISO 8601 with offset."""
    targets = {name: (out.with_name(f"{out.stem}_{name}.geojson") if len(frames) > 1 else out)
               for name in frames}
    stage = _staging(out)
    try:
        for name, gdf in frames.items():
            gdf = gdf.drop(columns=[c for c in ("x", "y") if c in gdf.columns])
            for c in _times(gdf):
                gdf[c] = iso_with_offset(gdf[c], zone)
            pyogrio.write_dataframe(gdf.to_crs(4326), stage / targets[name].name,
                                    driver="GeoJSON", geometry_type=_geometry_type(name),
                                    layer_options={"RFC7946": "YES", "WRITE_NAME": "NO"})
        for name in frames:
            os.replace(stage / targets[name].name, targets[name])
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return list(targets.values())
