"""The QGIS project of a field package, as QField opens it: the person's own area, his open
cases and nearby components styled like the client, the offline basemap, and edit layers
with forms — class as a drop-down from the catalog, photos from the camera into DCIM/
(relative paths), who and when filled in by default.

Written as XML, like io/qgis_project.py: QGIS is not needed to make a package.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from . import qml
from .qgis_project import PackageSource, _maplayer, _spatialrefsys, _srs
from .qgis_styles import TITLES, StyleData


@dataclass(frozen=True)
class EditLayer:
    """A layer the person fills in the field; one per action his role allows."""

    name: str
    title: str
    action: str
    geometry: str | None      # "Point" or None (a table)
    color: str
    fields: tuple[tuple[str, str, str], ...]   # (name, widget, alias)
    required: tuple[str, ...] = ()


COMMON = (("uuid", "Hidden", "编号"), ("made_at", "DateTime", "时间"),
          ("person", "Hidden", "人员"))
EDIT_LAYERS = {
    "reports": EditLayer("reports", "新上报", "report", "Point", "#d62728", COMMON + (
        ("class_code", "ValueMap", "问题类别"), ("description", "TextEdit", "问题描述"),
        ("address", "TextEdit", "地址"), ("photo", "ExternalResource", "照片")),
        ("class_code",)),
    "checkins": EditLayer("checkins", "巡查打卡", "checkin", "Point", "#0057d9", COMMON + (
        ("note", "TextEdit", "备注"),)),
    "rectifications": EditLayer("rectifications", "处置反馈", "rectify", None, "#16a085",
                                COMMON + (("case_id", "ValueRelation", "案件"),
                                          ("note", "TextEdit", "处置说明"),
                                          ("photo", "ExternalResource", "处置后照片"),
                                          ("photo2", "ExternalResource", "处置后照片2")),
                                ("case_id", "note")),
    "verifications": EditLayer("verifications", "核查结果", "verify", None, "#27ae60",
                               COMMON + (("case_id", "ValueRelation", "案件"),
                                         ("result", "ValueMap", "核查结论"),
                                         ("note", "TextEdit", "核查说明"),
                                         ("photo", "ExternalResource", "核查照片")),
                               ("case_id", "result")),
}
RESULTS = (("pass", "通过"), ("fail", "不通过（返工）"))


def _opt(parent, type_: str, name: str | None = None, value: str | None = None):
    attrs = {"type": type_}
    if name is not None:
        attrs["name"] = name
    if value is not None:
        attrs["value"] = value
    return ET.SubElement(parent, "Option", attrs)


def _value_map(config, pairs) -> None:
    root = _opt(config, "Map")
    lst = _opt(root, "List", "map")
    for value, label in pairs:
        _opt(_opt(lst, "Map"), "QString", label, value)


def _widget(field_el, widget: str, classes, cases_layer: str) -> None:
    ew = ET.SubElement(field_el, "editWidget", type=widget)
    config = ET.SubElement(ew, "config")
    name = field_el.get("name")
    if widget == "ValueMap":
        _value_map(config, RESULTS if name == "result" else
                   [(code, f"{code} {label}") for code, label in classes])
    elif widget == "ExternalResource":
        m = _opt(config, "Map")
        for key, value in (("DocumentViewer", "1"), ("RelativeStorage", "1"),
                           ("StorageMode", "0"), ("DocumentViewerHeight", "0"),
                           ("DocumentViewerWidth", "0")):
            _opt(m, "int", key, value)
        for key in ("FileWidget", "FileWidgetButton"):
            _opt(m, "bool", key, "true")
        _opt(m, "QString", "FileWidgetFilter", "Images (*.jpg *.jpeg *.png *.webp)")
        # QField's camera saves under DCIM/ beside the project, paths relative to it
        props = _opt(m, "Map", "PropertyCollection")
        _opt(props, "QString", "name", "")
        p = _opt(props, "Map", "properties")
        root = _opt(p, "Map", "propertyRootPath")
        _opt(root, "bool", "active", "true")
        _opt(root, "QString", "expression", "'DCIM'")
        _opt(root, "int", "type", "3")
        _opt(props, "QString", "type", "collection")
    elif widget == "ValueRelation":
        m = _opt(config, "Map")
        for key, value in (("Layer", cases_layer), ("LayerName", TITLES["cases"]),
                           ("Key", "id"), ("Value", "label")):
            _opt(m, "QString", key, value)
        for key, value in (("AllowNull", "false"), ("OrderByValue", "true"),
                           ("AllowMulti", "false"), ("UseCompleter", "true")):
            _opt(m, "bool", key, value)
    elif widget == "DateTime":
        m = _opt(config, "Map")
        _opt(m, "bool", "allow_null", "false")
        _opt(m, "bool", "calendar_popup", "true")
        _opt(m, "QString", "display_format", "yyyy-MM-dd HH:mm:ss")
        _opt(m, "QString", "field_format", "yyyy-MM-dd HH:mm:ss")
        _opt(m, "bool", "field_iso_format", "false")
    elif widget == "TextEdit":
        m = _opt(config, "Map")
        _opt(m, "bool", "IsMultiline", "true")
        _opt(m, "bool", "UseHtml", "false")
    else:
        _opt(config, "Map")


def _edit_layer(parent, layer: EditLayer, gpkg: str, srid: int, username: str, classes,
                cases_layer: str) -> None:
    attrs = {"type": "vector", "autoRefreshEnabled": "0", "refreshOnNotifyEnabled": "0",
             "readOnly": "0"}
    if layer.geometry:
        attrs.update(geometry="Point", wkbType="Point")
    else:
        attrs.update(geometry="No geometry", wkbType="NoGeometry")
    ml = ET.SubElement(parent, "maplayer", attrs)
    ET.SubElement(ml, "id").text = f"field_{layer.name}"
    ET.SubElement(ml, "datasource").text = f"{gpkg}|layername={layer.name}"
    ET.SubElement(ml, "layername").text = layer.title
    if layer.geometry:
        _srs(ml, srid)
    ET.SubElement(ml, "provider", encoding="UTF-8").text = "ogr"
    conf = ET.SubElement(ml, "fieldConfiguration")
    for name, widget, _alias in layer.fields:
        f = ET.SubElement(conf, "field", name=name, configurationFlags="None")
        _widget(f, widget, classes, cases_layer)
    aliases = ET.SubElement(ml, "aliases")
    for i, (name, _w, alias) in enumerate(layer.fields):
        ET.SubElement(aliases, "alias", field=name, index=str(i), name=alias)
    defaults = ET.SubElement(ml, "defaults")
    exprs = {"uuid": "uuid()", "made_at": "now()", "person": f"'{username}'"}
    for name, _w, _a in layer.fields:
        ET.SubElement(defaults, "default", field=name, expression=exprs.get(name, ""),
                      applyOnUpdate="0")
    constraints = ET.SubElement(ml, "constraints")
    for name, _w, _a in layer.fields:
        need = name in layer.required
        ET.SubElement(constraints, "constraint", field=name, constraints="1" if need else "0",
                      notnull_strength="1" if need else "0", unique_strength="0",
                      exp_strength="0")
    ET.SubElement(ml, "editform", tolerant="1")
    ET.SubElement(ml, "editorlayout").text = "generatedlayout"
    if layer.geometry:
        r = qml.single_renderer("marker", [qml.marker("circle", layer.color, 9.0, "#ffffff", 1.5)])
        ml.append(r)
        ET.SubElement(ml, "layerGeometryType").text = "0"
    props = ET.SubElement(ET.SubElement(ml, "customproperties"), "Option", type="Map")
    # QField: edits stay in the package's GeoPackage (no cable export, no offline copy)
    _opt(props, "QString", "QFieldSync/action", "no_action")
    _opt(props, "QString", "QFieldSync/cloud_action", "no_action")


def package_project(gpkg: str, srid: int, data: StyleData, layers: list[str],
                    edit_layers: list[str], username: str, title: str,
                    basemap: str | None, extent) -> ET.Element:
    """The project XML: read layers (styled as gridapp styles them), then the edit layers."""
    root = ET.Element("qgis", {"projectname": title, "version": qml.QGIS_VERSION})
    ET.SubElement(root, "homePath", path="")
    ET.SubElement(root, "title").text = title
    _spatialrefsys(ET.SubElement(root, "projectCrs"), srid)
    tree = ET.SubElement(root, "layer-tree-group")
    maplayers = ET.SubElement(root, "projectlayers")
    order = ET.SubElement(root, "layerorder")
    source = PackageSource(gpkg)
    for name in edit_layers:
        e = EDIT_LAYERS[name]
        ET.SubElement(tree, "layer-tree-layer", {
            "id": f"field_{name}", "name": e.title, "providerKey": "ogr",
            "source": f"{gpkg}|layername={name}", "checked": "Qt::Checked", "expanded": "0"})
        _edit_layer(maplayers, e, gpkg, srid, username, data.classes, "gridapp_cases")
        ET.SubElement(order, "layer", id=f"field_{name}")
    for layer in layers:  # top to bottom
        lid = f"gridapp_{layer}"
        ET.SubElement(tree, "layer-tree-layer", {
            "id": lid, "name": TITLES[layer], "providerKey": "ogr",
            "source": f"{gpkg}|layername={layer}", "checked": "Qt::Checked", "expanded": "0"})
        _maplayer(maplayers, source, layer, srid, data)
        maplayers[-1].set("readOnly", "1")
        ET.SubElement(order, "layer", id=lid)
    if basemap:
        ET.SubElement(tree, "layer-tree-layer", {
            "id": "gridapp_basemap", "name": "底图", "providerKey": "gdal", "source": basemap,
            "checked": "Qt::Checked", "expanded": "0"})
        rl = ET.SubElement(maplayers, "maplayer", type="raster")
        ET.SubElement(rl, "id").text = "gridapp_basemap"
        ET.SubElement(rl, "datasource").text = basemap
        ET.SubElement(rl, "layername").text = "底图"
        _srs(rl, 3857)
        ET.SubElement(rl, "provider").text = "gdal"
        ET.SubElement(order, "layer", id="gridapp_basemap")
    props = ET.SubElement(root, "properties")
    ET.SubElement(ET.SubElement(props, "Paths"), "Absolute", type="bool").text = "false"
    ET.SubElement(ET.SubElement(props, "SpatialRefSys"), "ProjectionsEnabled",
                  type="int").text = "1"
    if extent is not None:
        view = ET.SubElement(root, "ProjectViewSettings", UseProjectScales="0", rotation="0")
        de = ET.SubElement(view, "DefaultViewExtent", xmin=f"{extent[0]:.1f}",
                           ymin=f"{extent[1]:.1f}", xmax=f"{extent[2]:.1f}",
                           ymax=f"{extent[3]:.1f}")
        _spatialrefsys(de, srid)
    return root
