"""QGIS projects (.qgs/.qgz) of the store or of an exported GeoPackage, styled like the client.

Three kinds of source: a SpatiaLite store (by a path relative to the project), a PostGIS store
(by a named connection service from pg_service.conf, so no password is ever written into a
project) and an exported GeoPackage. Cases are a plain table with x/y in the store: the store
projects read them through a query that makes the point and the deadline status, so QGIS
shows them live. (Once the store keeps a point column for cases, that query selects it
instead of making one, and QGIS can use its spatial index.)
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..domain.case import CaseState
from ..paths import resource
from . import qml
from .qgis_styles import (
    GEOMETRY,
    LAYERS,
    STREETS_LAYER_ID,
    STYLES,
    TITLES,
    StyleData,
    layer_styles,
)

WKB = {"district": "MultiPolygon", "streets": "MultiPolygon", "communities": "MultiPolygon",
       "cells": "MultiPolygon", "segments": "MultiLineString", "components": "Point",
       "cases": "Point"}
TABLES = {"district": "districts", "streets": "streets", "communities": "communities",
          "cells": "grid_cells", "components": "components"}
# bottom to top as the client stacks them, and whether each is on when the project opens
ORDER = ("cells", "district", "communities", "streets", "segments", "components", "cases")
HIDDEN = {"communities", "components"}
HANDLING = tuple(s.value for s in CaseState if s.is_handling)
DEFAULT_ZONE = "Asia/Shanghai"
LAYOUT = resource("qgis", "layout-a3.qpt")


@dataclass(frozen=True)
class StoreSource:
    """Where a project finds the store: a SpatiaLite file or a PostGIS service."""

    backend: str            # "sqlite" or "postgres"
    path: str = ""          # SpatiaLite: as written into the project (relative to it)
    service: str = "gridapp"  # PostGIS: the pg_service.conf entry
    schema: str = "public"


@dataclass(frozen=True)
class PackageSource:
    """An exported GeoPackage, by a path relative to the project."""

    path: str


def _quoted(values) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _now_sql(backend: str) -> str:
    """The district's wall-clock time, as the store keeps its (zone-less) times."""
    if backend == "sqlite":  # SQLite knows no zones: the machine's local time
        return "datetime('now', 'localtime')"
    return ("(now() AT TIME ZONE COALESCE((SELECT value::json->>'time_zone' FROM meta "
            f"WHERE key = 'settings'), '{DEFAULT_ZONE}'))")


def cases_query(backend: str, srid: int | None) -> str:
    """The store's cases as points with their deadline status, computed as QGIS reads them."""
    now = _now_sql(backend)
    handling = f"c.state IN ({_quoted(HANDLING)})"
    if backend == "sqlite":
        srid_sql = str(srid) if srid else \
            "(SELECT srid FROM geometry_columns WHERE f_table_name = 'grid_cells')"
        point = f"MakePoint(c.x, c.y, {srid_sql})"
    else:
        point = f"ST_SetSRID(ST_MakePoint(c.x, c.y), {srid or 4547})::geometry(Point, " \
                f"{srid or 4547})"
    return (
        "SELECT c.id, c.state, c.class_code, c.source, c.reported_at, c.deadline_at, "
        "c.warning_at, c.closed_at, c.description, c.address, c.cell_code, c.street_code, "
        "c.external_id, c.return_count, c.rework_count, c.supervision_count, "
        f"CASE WHEN {handling} AND c.deadline_at < {now} THEN 'overdue' "
        f"WHEN {handling} AND c.warning_at <= {now} THEN 'warning' "
        f"WHEN {handling} THEN 'normal' ELSE 'none' END AS deadline_status, "
        f"{point} AS geom FROM cases c")


def segments_query(backend: str) -> str:
    """Road segments with the road chief in charge now (as the client colours them)."""
    now = _now_sql(backend)
    return (
        "SELECT sg.id, sg.code, sg.road_name, sg.road_class, sg.name, sg.length_m, "
        "p.id AS chief_id, p.name AS road_chief, p.username AS chief_user, sg.geom "
        "FROM road_segments sg LEFT JOIN assignments a ON a.kind = 'road_chief_segment' "
        f"AND a.target_code = sg.code AND a.valid_from <= {now} "
        f"AND (a.valid_to IS NULL OR a.valid_to > {now}) "
        "LEFT JOIN people p ON p.id = a.person_id")


def _escape(sql: str) -> str:
    return sql.replace("\\", "\\\\").replace('"', '\\"')


def datasource(source, layer: str, srid: int | None) -> tuple[str, str]:
    """(provider, datasource string) of one layer."""
    if isinstance(source, PackageSource):
        return "ogr", f"{source.path}|layername={layer}"
    if layer in TABLES:
        table = TABLES[layer]
        if source.backend == "sqlite":
            return "spatialite", f"dbname='{source.path}' table=\"{table}\" (geom)"
        return "postgres", (f"service='{source.service}' key='id' srid={srid or 4547} "
                            f"type={WKB[layer]} checkPrimaryKeyUnicity='0' "
                            f"table=\"{source.schema}\".\"{table}\" (geom)")
    sql = cases_query(source.backend, srid) if layer == "cases" else \
        segments_query(source.backend)
    if source.backend == "sqlite":
        return "spatialite", f"dbname='{source.path}' key='id' table=\"({_escape(sql)})\" (geom)"
    return "postgres", (f"service='{source.service}' key='id' srid={srid or 4547} "
                        f"type={WKB[layer]} checkPrimaryKeyUnicity='0' "
                        f"table=\"({_escape(sql)})\" (geom)")


def _spatialrefsys(parent: ET.Element, srid: int) -> None:
    """A CRS as QGIS reads it: by its WKT (QGIS takes the authid only with its own ids)."""
    from pyproj import CRS
    crs = CRS.from_epsg(srid)
    srs = ET.SubElement(parent, "spatialrefsys")
    ET.SubElement(srs, "wkt").text = crs.to_wkt()
    ET.SubElement(srs, "authid").text = f"EPSG:{srid}"
    ET.SubElement(srs, "srid").text = str(srid)
    ET.SubElement(srs, "description").text = crs.name


def _srs(parent: ET.Element, srid: int) -> None:
    _spatialrefsys(ET.SubElement(parent, "srs"), srid)


def _layer_id(layer: str) -> str:
    return STREETS_LAYER_ID if layer == "streets" else f"gridapp_{layer}"


def _maplayer(parent: ET.Element, source, layer: str, srid: int, data: StyleData) -> None:
    provider, ds = datasource(source, layer, srid)
    geom = {"point": "Point", "line": "Line", "polygon": "Polygon"}[GEOMETRY[layer]]
    ml = ET.SubElement(parent, "maplayer", {"type": "vector", "geometry": geom,
                                            "wkbType": WKB[layer], "autoRefreshEnabled": "0",
                                            "refreshOnNotifyEnabled": "0"})
    ET.SubElement(ml, "id").text = _layer_id(layer)
    ET.SubElement(ml, "datasource").text = ds
    ET.SubElement(ml, "layername").text = TITLES[layer]
    _srs(ml, srid)
    ET.SubElement(ml, "provider", encoding="UTF-8").text = provider
    styles = layer_styles(layer, data)
    current = styles[0]
    manager = ET.SubElement(ml, "map-layer-style-manager", current=current.name)
    for style in styles:
        entry = ET.SubElement(manager, "map-layer-style", name=style.name)
        if style is not current:
            entry.append(style.root)
    for attr in ("hasScaleBasedVisibilityFlag", "minScale", "maxScale", "labelsEnabled"):
        ml.set(attr, current.root.get(attr))
    for child in current.root:
        ml.append(child)


def project_xml(source, srid: int, data: StyleData | None = None, title: str = "",
                basemap: str | None = None, extent=None) -> ET.Element:
    """The whole project: every layer with its named styles, the client's order and view."""
    data = data or StyleData()
    root = ET.Element("qgis", {"projectname": title, "version": qml.QGIS_VERSION})
    ET.SubElement(root, "homePath", path="")
    ET.SubElement(root, "title").text = title
    _spatialrefsys(ET.SubElement(root, "projectCrs"), srid)
    tree = ET.SubElement(root, "layer-tree-group")
    layers = ET.SubElement(root, "projectlayers")
    top_down = list(reversed(ORDER))
    for layer in top_down:
        provider, ds = datasource(source, layer, srid)
        ET.SubElement(tree, "layer-tree-layer", {
            "id": _layer_id(layer), "name": TITLES[layer], "providerKey": provider,
            "source": ds, "checked": "Qt::Unchecked" if layer in HIDDEN else "Qt::Checked",
            "expanded": "0" if layer in ("cases", "components") else "1"})
        _maplayer(layers, source, layer, srid, data)
    if basemap:
        node = ET.SubElement(tree, "layer-tree-layer", {
            "id": "gridapp_basemap", "name": "底图", "providerKey": "gdal", "source": basemap,
            "checked": "Qt::Checked", "expanded": "0"})
        # no "Band 1 (Red) …" rows for a picture in the legends
        custom = ET.SubElement(ET.SubElement(node, "customproperties"), "Option", type="Map")
        ET.SubElement(custom, "Option", type="QString", name="legend/node-order", value="empty")
        rl = ET.SubElement(layers, "maplayer", type="raster")
        ET.SubElement(rl, "id").text = "gridapp_basemap"
        ET.SubElement(rl, "datasource").text = basemap
        ET.SubElement(rl, "layername").text = "底图"
        _srs(rl, 3857)
        ET.SubElement(rl, "provider").text = "gdal"
    order = ET.SubElement(root, "layerorder")
    for layer in top_down:
        ET.SubElement(order, "layer", id=_layer_id(layer))
    if basemap:
        ET.SubElement(order, "layer", id="gridapp_basemap")
    layouts = ET.SubElement(root, "Layouts")  # the A3 map sheet, ready to print
    layouts.append(ET.parse(LAYOUT).getroot())
    props = ET.SubElement(root, "properties")
    paths = ET.SubElement(props, "Paths")
    ET.SubElement(paths, "Absolute", type="bool").text = "false"
    # QGIS reads projectCrs only when this says the project has one
    ET.SubElement(ET.SubElement(props, "SpatialRefSys"), "ProjectionsEnabled",
                  type="int").text = "1"
    if extent is not None:
        view = ET.SubElement(root, "ProjectViewSettings", UseProjectScales="0", rotation="0")
        de = ET.SubElement(view, "DefaultViewExtent", xmin=f"{extent[0]:.1f}",
                           ymin=f"{extent[1]:.1f}", xmax=f"{extent[2]:.1f}",
                           ymax=f"{extent[3]:.1f}")
        _spatialrefsys(de, srid)
    return root


def project_text(root: ET.Element) -> str:
    root = ET.fromstring(ET.tostring(root))
    ET.indent(root, space=" ")
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            + ET.tostring(root, encoding="unicode") + "\n")


def write_project(out: Path, root: ET.Element) -> Path:
    """A .qgs (XML) or .qgz (zipped, as QGIS saves by default); replaced whole or not at all."""
    out = Path(out)
    if out.suffix.lower() not in (".qgs", ".qgz"):
        raise ValueError(f"{out.name}: a QGIS project is .qgs or .qgz")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    text = project_text(root)
    try:
        if out.suffix.lower() == ".qgz":
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr(out.stem + ".qgs", text)
        else:
            tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def relative(target: Path, project: Path) -> str:
    """target as a path relative to the project's folder (what QGIS stores), ./ first."""
    rel = os.path.relpath(Path(target).resolve(), Path(project).resolve().parent)
    return rel if rel.startswith("..") else "./" + rel


__all__ = ["LAYERS", "STYLES", "StoreSource", "PackageSource", "project_xml", "write_project",
           "relative", "cases_query", "segments_query"]


def store_style_data(store, now=None) -> StyleData:
    """The store's streets, current road chiefs and catalog, for styles that name them."""
    streets, chiefs, classes = store.read_model.style_names(now or store.now())
    return StyleData(
        streets=tuple((c, n) for c, n in streets),
        chiefs=tuple((u, n, int(i)) for u, n, i in chiefs),
        classes=tuple((c, n) for c, n, _ in classes) or StyleData().classes,
        components=tuple((c, n) for c, n, k in classes if k == "component")
        or StyleData().components)
