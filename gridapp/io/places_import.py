"""Import streets, communities, cells, road segments and components with per-row checks."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS
from shapely.geometry import MultiLineString, MultiPolygon

from ..domain.codes import (
    ComponentCode,
    GridCode,
    check_community_code,
    check_district_code,
    check_street_code,
)
from ..domain.errors import DomainError
from ..domain.places import (
    Area,
    ComponentAsset,
    Landmark,
    RoadClass,
    RoadSegment,
    UnitGridCell,
)
from ..services.places import PlaceLayers
from ..services.progress import Cancelled, Progress  # noqa: F401  (re-exported)
from .crs import LonLatSystem, to_wgs84, transformer
from .errors import ImportRejected, ValidationReport
from .vector import read_vector


class LayerKind(StrEnum):
    DISTRICT = "district"
    STREETS = "streets"
    COMMUNITIES = "communities"
    CELLS = "cells"
    SEGMENTS = "segments"
    COMPONENTS = "components"
    LANDMARKS = "landmarks"


GEOMETRY = {LayerKind.DISTRICT: "polygon", LayerKind.STREETS: "polygon",
            LayerKind.COMMUNITIES: "polygon", LayerKind.CELLS: "polygon",
            LayerKind.SEGMENTS: "line", LayerKind.COMPONENTS: "point",
            LayerKind.LANDMARKS: "point"}

# Column names seen in Chinese GIS data, tried in order when no mapping is given.
ALIASES = {
    "code": ["code", "CODE", "编码", "代码", "网格编码", "GRIDCODE", "GRID_CODE", "BGCODE",
             "部件编码", "OBJCODE", "路段编码", "SEGCODE", "街道编码", "社区编码"],
    "name": ["name", "NAME", "名称", "街道名称", "社区名称", "路段名称", "部件名称", "地标名称",
             "标志物", "MC"],
    "road_name": ["road_name", "ROADNAME", "ROAD_NAME", "道路名称", "路名", "DLMC"],
    "road_class": ["road_class", "ROADCLASS", "CLASS", "道路等级", "等级", "DJ"],
    "owner": ["owner", "OWNER", "权属单位", "主管部门", "owner_department"],
    "parent": ["street_code", "parent", "所属街道", "街道编码"],
    "kind": ["kind", "KIND", "type", "TYPE", "类别", "类型", "分类", "LB"],
}
ROAD_CLASSES = {"main": RoadClass.MAIN, "主干道": RoadClass.MAIN, "主干路": RoadClass.MAIN,
                "快速路": RoadClass.MAIN, "1": RoadClass.MAIN, "secondary": RoadClass.SECONDARY,
                "次干道": RoadClass.SECONDARY, "次干路": RoadClass.SECONDARY,
                "2": RoadClass.SECONDARY, "branch": RoadClass.BRANCH, "支路": RoadClass.BRANCH,
                "街巷": RoadClass.BRANCH, "3": RoadClass.BRANCH}



@dataclass
class ImportOptions:
    layer: str | None = None
    fields: dict[str, str] = field(default_factory=dict)   # our name → column in the file
    crs: str | None = None            # when the file has none (or it is wrong)
    coords: LonLatSystem | None = None  # lon/lat actually in GCJ-02 / BD-09
    encoding: str | None = None
    repair: bool = False              # make invalid geometries valid instead of refusing them


def _column(frame, name: str, opts: ImportOptions, required: bool, report, file: str):
    if name in opts.fields:
        col = opts.fields[name]
        if col not in frame.columns:
            report.add(file, None, name, f"column {col!r} not found; columns: "
                       f"{', '.join(map(str, frame.columns))}")
            return None
        return col
    for alias in ALIASES.get(name, [name]):
        if alias in frame.columns:
            return alias
    if required:
        report.add(file, None, name, f"no column for {name!r}; map one with --field "
                   f"{name}=COLUMN (columns: {', '.join(map(str, frame.columns[:-1]))})")
    return None


def to_store_crs(geoms: np.ndarray, src: CRS | None, opts: ImportOptions, srid: int,
                 file: str, report: ValidationReport) -> np.ndarray | None:
    """Geometries in the store's CRS; lon/lat in GCJ-02 or BD-09 is un-shifted first."""
    crs = CRS.from_user_input(opts.crs) if opts.crs else src
    if crs is None:
        report.add(file, None, None, "the file has no coordinate system; give one with --crs")
        return None
    if opts.coords in (LonLatSystem.GCJ02, LonLatSystem.BD09):
        if not crs.is_geographic:
            report.add(file, None, None, f"--coords {opts.coords} needs lon/lat data, the file "
                       f"is in {crs.name}")
            return None
        geoms = shapely.transform(geoms, lambda xy: np.column_stack(
            to_wgs84(xy[:, 0], xy[:, 1], opts.coords)))
        crs = CRS.from_epsg(4326)
    tr = transformer(crs.to_wkt(), srid)
    return shapely.transform(geoms, lambda xy: np.column_stack(tr.transform(xy[:, 0],
                                                                            xy[:, 1])))


def _check_geometry(geom, kind: LayerKind, repair: bool, file: str, row: int, report,
                    valid: bool | None = None):
    want = GEOMETRY[kind]
    if geom is None or geom.is_empty:
        report.add(file, row, "geometry", "no geometry")
        return None
    family = {"Polygon": "polygon", "MultiPolygon": "polygon", "LineString": "line",
              "MultiLineString": "line", "Point": "point", "MultiPoint": "point"}.get(
        geom.geom_type)
    if family != want:
        report.add(file, row, "geometry", f"{geom.geom_type} in a layer of {kind.value} "
                   f"(needs a {want})")
        return None
    if not (geom.is_valid if valid is None else valid):
        reason = shapely.is_valid_reason(geom)
        if not repair:
            report.add(file, row, "geometry", f"invalid geometry: {reason} "
                       "(--repair makes it valid)")
            return None
        geom = shapely.make_valid(geom)
        parts = [p for p in shapely.get_parts(geom) if p.geom_type.lower().startswith(
            {"polygon": "polygon", "line": "linestring", "point": "point"}[want])]
        if not parts:
            report.add(file, row, "geometry", f"invalid geometry could not be repaired: {reason}")
            return None
        geom = shapely.union_all(parts) if want == "polygon" else parts[0]
    if want == "polygon":
        return geom if isinstance(geom, MultiPolygon) else MultiPolygon(
            [p for p in shapely.get_parts(geom)])
    if want == "line":
        merged = shapely.line_merge(geom) if isinstance(geom, MultiLineString) else geom
        return merged if isinstance(merged, MultiLineString) else MultiLineString([merged])
    return geom if geom.geom_type == "Point" else shapely.get_parts(geom)[0]


def read_places(path: Path | str, kind: LayerKind | str, srid: int,
                opts: ImportOptions | None = None, district=None,
                progress: Progress | None = None) -> tuple[PlaceLayers, dict[str, int]]:
    """Read and check one layer; ImportRejected lists every bad row. Returns the layers to
    load and, per code, the row it came from (to name rows in errors found later)."""
    kind, opts = LayerKind(kind), opts or ImportOptions()
    if progress:
        progress(0, 1, f"reading {Path(path).name}")
    data = read_vector(path, opts.layer, opts.encoding)
    file, frame, report = Path(path).name, data.frame, ValidationReport()
    if kind is LayerKind.LANDMARKS:
        return _read_landmarks(path, data, opts, srid, district, report)
    code_col = _column(frame, "code", opts, True, report, file)
    name_col = _column(frame, "name", opts, kind not in (LayerKind.CELLS, LayerKind.SEGMENTS,
                                                        LayerKind.COMPONENTS), report, file)
    road_col = _column(frame, "road_name", opts, kind is LayerKind.SEGMENTS, report, file)
    class_col = _column(frame, "road_class", opts, kind is LayerKind.SEGMENTS, report, file)
    owner_col = _column(frame, "owner", opts, False, report, file)
    if report:
        raise ImportRejected(report)
    geoms = to_store_crs(np.asarray(frame.geometry.values), data.crs, opts, srid, file, report)
    if report:
        raise ImportRejected(report)
    zone = None
    if district is not None:  # 1 m of slack for cells drawn along the boundary
        zone = district.buffer(1.0)
        shapely.prepare(zone)
    seen: dict[str, int] = {}
    rows_of: dict[str, list[int]] = defaultdict(list)
    out = PlaceLayers()
    items: list = []
    n = len(frame)
    codes = frame[code_col].tolist()  # plain lists: a frame's per-cell access costs ~20 µs
    names = frame[name_col].tolist() if name_col else None
    valid = shapely.is_valid(geoms)  # the common case checked at once; the rest one by one
    for i in range(n):
        row = i + 1
        if progress and i % 5000 == 0:
            progress(i, n, f"checking {file}")
        code = str(codes[i]).strip() if codes[i] is not None else ""
        if code.endswith(".0"):  # codes read as numbers from a DBF
            code = code[:-2]
        if not code or code == "nan":
            report.add(file, row, code_col, "no code")
            continue
        rows_of[code].append(row)
        geom = _check_geometry(geoms[i], kind, opts.repair, file, row, report, bool(valid[i]))
        name = str(names[i]).strip() if names is not None else ""
        try:
            item = _record(kind, code, name, geom, frame, i, road_col, class_col, owner_col)
        except DomainError as exc:
            report.add(file, row, code_col, str(exc))
            continue
        except ValueError as exc:
            report.add(file, row, None, str(exc))
            continue
        if geom is None:
            continue
        if district is not None and kind in (LayerKind.CELLS, LayerKind.COMPONENTS,
                                             LayerKind.SEGMENTS):
            probe = geom.representative_point() if kind is not LayerKind.SEGMENTS \
                else geom.interpolate(0.5, normalized=True)
            if not zone.contains(probe):
                report.add(file, row, "geometry", f"{code} lies outside the district")
                continue
        seen[code] = row
        items.append(item)
    for code, rows in rows_of.items():
        if len(rows) > 1:
            report.add(file, rows[1], code_col, f"code {code} also on row(s) "
                       f"{', '.join(map(str, rows[:1] + rows[2:]))}")
    if report:
        raise ImportRejected(report)
    if kind is LayerKind.DISTRICT:
        out.district = items[0] if items else None
    else:
        setattr(out, kind.value, items)
    return out, seen


def _read_landmarks(path, data, opts: ImportOptions, srid: int, district,
                    report: ValidationReport) -> tuple[PlaceLayers, dict[str, int]]:
    """Named points (a polygon, e.g. a building, gives its representative point)."""
    file, frame = Path(path).name, data.frame
    name_col = _column(frame, "name", opts, True, report, file)
    kind_col = _column(frame, "kind", opts, False, report, file)
    if report:
        raise ImportRejected(report)
    geoms = to_store_crs(np.asarray(frame.geometry.values), data.crs, opts, srid, file, report)
    if report:
        raise ImportRejected(report)
    zone = district.buffer(1.0) if district is not None else None
    items, rows = [], {}
    for i, geom in enumerate(geoms):
        row = i + 1
        name = str(frame[name_col].iat[i] or "").strip()
        if not name or name == "nan":
            report.add(file, row, name_col, "no name")
            continue
        if geom is None or geom.is_empty:
            report.add(file, row, "geometry", "no geometry")
            continue
        point = geom if geom.geom_type == "Point" else geom.representative_point()
        if zone is not None and not zone.contains(point):
            report.add(file, row, "geometry", f"{name} lies outside the district",
                       f"({point.x:.1f}, {point.y:.1f})")
            continue
        kind = str(frame[kind_col].iat[i] or "").strip() if kind_col else ""
        items.append(Landmark(name, "" if kind == "nan" else kind, point))
        rows[name] = row
    if report:
        raise ImportRejected(report)
    return PlaceLayers(landmarks=items), rows


def _record(kind, code, name, geom, frame, i, road_col, class_col, owner_col):
    if kind is LayerKind.DISTRICT:
        return Area(check_district_code(code), name, geom)
    if kind is LayerKind.STREETS:
        return Area(check_street_code(code), name, geom)
    if kind is LayerKind.COMMUNITIES:
        return Area(check_community_code(code), name, geom, code[:9])
    if kind is LayerKind.CELLS:
        g = GridCode.parse(code)
        return UnitGridCell(str(g), g.community_code, g.street_code, geom)
    if kind is LayerKind.SEGMENTS:
        raw = str(frame[class_col].iat[i]).strip().lower()
        cls = ROAD_CLASSES.get(raw) or ROAD_CLASSES.get(raw.removesuffix(".0"))
        if cls is None:
            raise ValueError(f"road class {raw!r} unknown (use main/secondary/branch or "
                             "主干道/次干道/支路)")
        return RoadSegment(code, str(frame[road_col].iat[i]).strip(), cls, name, geom)
    c = ComponentCode.parse(code)
    owner = str(frame[owner_col].iat[i]).strip() if owner_col else None
    return ComponentAsset(str(c), c.class_code, name, owner or None, geom)
