"""Run by Debian's python3 with python3-qgis (not by pytest): open what QGIS users open and
report, as JSON on stdout, what QGIS sees: every layer's validity, features, CRS, renderer,
categories or rules (and how many features no category covers), labels, named styles, and
every expression of the style evaluated on a real feature at a street scale and a district
scale. A map is rendered as well, and its errors reported.

    python3 qgis_check.py project FILE.qgs
    python3 qgis_check.py gpkg FILE.gpkg LAYER [LAYER …]
    python3 qgis_check.py live FILE.qgs LAYER_ID   (opened, waits for the file "go", reloads)
    python3 qgis_check.py field FILE.qgs X Y PHOTO (a field package: forms, then one report
                                                    added through them as QField adds it)
"""

import json
import sys

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsMapLayerType,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize


def expressions(layer):
    """Every expression the layer's style evaluates: data-defined symbol properties, rule
    filters, label size."""
    out = []
    r = layer.renderer()
    ctx = QgsRenderContext()
    symbols = r.symbols(ctx)
    for sym in symbols:
        for sl in sym.symbolLayers():
            dd = sl.dataDefinedProperties()
            for key in dd.propertyKeys():
                prop = dd.property(key)
                if prop.isActive() and prop.expressionString():
                    out.append(prop.expressionString())
    if isinstance(r, QgsRuleBasedRenderer):
        root = r.rootRule()
        out += [rule.filterExpression() for rule in root.descendants()
                if rule.filterExpression() and not rule.isElse()]
    if layer.labelsEnabled():
        settings = layer.labeling().settings()  # a copy: keep it while reading from it
        dd = settings.dataDefinedProperties()
        out += [dd.property(k).expressionString() for k in dd.propertyKeys()
                if dd.property(k).isActive()]
    return out


def evaluate(layer, exprs, project):
    """Errors of each expression on the first feature, at 1:2,000 and 1:50,000."""
    errors = []
    feature = next(layer.getFeatures(QgsFeatureRequest().setLimit(1)), None)
    if feature is None:
        return errors
    for scale in (2000, 50000):
        ms = QgsMapSettings()
        ms.setDestinationCrs(layer.crs())
        ms.setOutputSize(QSize(800, 600))
        ms.setExtent(layer.extent())
        ctx = QgsExpressionContext()
        ctx.appendScopes([QgsExpressionContextUtils.globalScope(),
                          QgsExpressionContextUtils.projectScope(project),
                          QgsExpressionContextUtils.mapSettingsScope(ms),
                          QgsExpressionContextUtils.layerScope(layer)])
        ctx.lastScope().setVariable("map_scale", scale)
        ctx.setFeature(feature)
        ctx.setFields(layer.fields())
        for text in exprs:
            e = QgsExpression(text)
            if e.hasParserError():
                errors.append(f"{text}: {e.parserErrorString()}")
                continue
            e.prepare(ctx)
            e.evaluate(ctx)
            if e.hasEvalError():
                errors.append(f"{text}: {e.evalErrorString()}")
    return sorted(set(errors))


def describe(layer, project):
    info = {"name": layer.name(), "valid": layer.isValid(), "crs": layer.crs().authid()}
    if layer.type() != QgsMapLayerType.VectorLayer:
        return info
    if not layer.isValid():
        provider = layer.dataProvider()  # None when QGIS could not open the source at all
        info["error"] = layer.error().summary() or (provider.error().message() if provider
                                                    else "no data provider")
        return info
    e = layer.extent()
    info.update({"features": layer.featureCount(), "opacity": layer.opacity(),
                 "extent": [e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()],
                 "styles": sorted(layer.styleManager().styles()),
                 "current_style": layer.styleManager().currentStyle(),
                 "fields": [f.name() for f in layer.fields()]})
    info["by_style"] = {}
    manager = layer.styleManager()
    first = manager.currentStyle()
    for style in manager.styles():
        manager.setCurrentStyle(style)
        info["by_style"][style] = symbology(layer, project)
    manager.setCurrentStyle(first)
    info.update(info["by_style"][first])
    return info


def symbology(layer, project):
    """What the layer's current style draws: renderer, categories or rules, labels."""
    r = layer.renderer()
    info = {"renderer": r.type(), "labels": layer.labelsEnabled(),
            "order_by": r.orderBy().dump() if r.orderByEnabled() else None}
    if layer.labelsEnabled():
        info["label_field"] = layer.labeling().settings().fieldName
    if isinstance(r, QgsCategorizedSymbolRenderer):
        cats = r.categories()  # copies: keep them while reading from them
        values = {str(c.value()) for c in cats if str(c.value()) not in ("", "NULL")}
        info["categories"] = [c.label() for c in cats]
        info["attribute"] = r.classAttribute()
        idx = layer.fields().indexOf(r.classAttribute())
        seen = {str(v) for v in layer.uniqueValues(idx)} if idx >= 0 else set()
        info["uncovered"] = sorted(v for v in seen - values if v not in ("NULL", "None"))
    if isinstance(r, QgsRuleBasedRenderer):
        root = r.rootRule()
        info["rules"] = [rule.label() for rule in root.descendants()
                         if rule.symbol() is not None]
    info["expression_errors"] = evaluate(layer, expressions(layer), project)
    info["colours"] = colours(layer, project)
    return info


def colours(layer, project):
    """The colour QGIS gives each category or rule, or (for a colour computed per feature)
    the colour of each value of the field the expression reads."""
    def top(symbol):  # the symbol layer drawn last (a road's centre line over its casing)
        return symbol.symbolLayer(symbol.symbolLayerCount() - 1).color().name()
    r = layer.renderer()
    if isinstance(r, QgsCategorizedSymbolRenderer):
        cats = r.categories()
        return {str(c.value()): top(c.symbol()) for c in cats}
    if isinstance(r, QgsRuleBasedRenderer):
        root = r.rootRule()
        return {rule.label(): top(rule.symbol()) for rule in root.descendants()
                if rule.symbol() is not None}
    symbol = r.symbols(QgsRenderContext())[0]
    sl = symbol.symbolLayer(0)
    dd = sl.dataDefinedProperties()
    for key in dd.propertyKeys():
        prop = dd.property(key)
        text = prop.expressionString()
        if not prop.isActive() or "array_get" not in text:
            continue
        expr = QgsExpression(text)
        field = sorted(expr.referencedColumns() - {"code"})[0]
        ctx = QgsExpressionContext()
        ctx.appendScopes([QgsExpressionContextUtils.globalScope(),
                          QgsExpressionContextUtils.projectScope(project),
                          QgsExpressionContextUtils.layerScope(layer)])
        ctx.setFields(layer.fields())
        expr.prepare(ctx)
        out = {}
        for feature in layer.getFeatures():
            ctx.setFeature(feature)
            out[str(feature[field])] = str(expr.evaluate(ctx))
        return {"field": field, "values": out}
    return {"single": sl.color().name()}


def render(project, layers):
    ms = QgsMapSettings()
    ms.setLayers(layers)
    crs = layers[0].crs()
    ms.setDestinationCrs(crs)
    extent = layers[0].extent()
    for layer in layers[1:]:
        if layer.crs() == crs:  # a basemap in Web Mercator is drawn, not measured
            extent.combineExtentWith(layer.extent())
    ms.setExtent(extent)
    ms.setOutputSize(QSize(800, 600))
    ctx = QgsExpressionContext()
    ctx.appendScopes([QgsExpressionContextUtils.globalScope(),
                      QgsExpressionContextUtils.projectScope(project),
                      QgsExpressionContextUtils.mapSettingsScope(ms)])
    ms.setExpressionContext(ctx)
    job = QgsMapRendererSequentialJob(ms)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    colours = {image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 600, 7)}
    return {"errors": [f"{e.layerID}: {e.message}" for e in job.errors()],
            "colours": len(colours)}


def layouts(project, folder):
    """Each print layout: its items, and what exporting it as an image gives."""
    out = {}
    for layout in project.layoutManager().layouts():
        maps = [i for i in layout.items() if isinstance(i, QgsLayoutItemMap)]
        for m in maps:
            m.refreshDataDefinedProperty()
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = 40
        path = f"{folder}/layout.png"
        result = QgsLayoutExporter(layout).exportToImage(path, settings)
        from qgis.PyQt.QtGui import QImage
        image = QImage(path)
        colours = {image.pixel(x, y) for x in range(0, image.width(), 5)
                   for y in range(0, image.height(), 5)} if not image.isNull() else set()
        out[layout.name()] = {
            "items": sorted(i.id() for i in layout.items() if getattr(i, "id", None) and i.id()),
            "map_extent": [round(v) for v in (maps[0].extent().xMinimum(),
                                              maps[0].extent().yMinimum(),
                                              maps[0].extent().xMaximum(),
                                              maps[0].extent().yMaximum())] if maps else None,
            "export": int(result), "colours": len(colours)}
    return out


def live(project, path, layer_id):
    """The project open while the store changes: features before and after a reload (the
    newest case's attributes, deadline status and point included)."""
    import os
    import time
    project.read(path)
    layer = project.mapLayer(layer_id)

    def newest():
        req = QgsFeatureRequest().addOrderBy('"id"', False).setLimit(1)
        f = next(layer.getFeatures(req), None)
        if f is None:
            return None
        p = f.geometry().asPoint()
        return {"id": f["id"], "x": f["x"], "y": f["y"], "gx": p.x(), "gy": p.y(),
                "deadline_status": f["deadline_status"], "state": f["state"]}
    def count():  # features read now (featureCount may come from cached statistics)
        return sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setNoAttributes()))
    before = {"features": count(), "newest": newest()}
    open("opened", "w").close()
    for _ in range(600):
        if os.path.exists("go"):
            break
        time.sleep(0.1)
    layer.dataProvider().reloadData()
    layer.reload()
    return {"valid": layer.isValid(), "before": before,
            "after": {"features": count(), "newest": newest()}}


def field(project, path, x, y, photo):
    """A field package as QField sees it: every layer, each edit form's widgets and defaults;
    then a new report made through the form's defaults and saved into the GeoPackage."""
    from qgis.core import QgsGeometry, QgsPointXY, QgsVectorLayerUtils
    out = {"read": project.read(path), "layers": {}}
    for lid, layer in project.mapLayers().items():
        info = {"name": layer.name(), "valid": layer.isValid()}
        if layer.type() == QgsMapLayerType.VectorLayer and layer.isValid():
            info["features"] = layer.featureCount()
            info["renderer"] = layer.renderer().type() if layer.renderer() else None
            info["widgets"] = {f.name(): layer.editorWidgetSetup(i).type()
                               for i, f in enumerate(layer.fields())}
            info["defaults"] = {f.name(): layer.defaultValueDefinition(i).expression()
                                for i, f in enumerate(layer.fields())}
            setups = {f.name(): layer.editorWidgetSetup(i).config()
                      for i, f in enumerate(layer.fields())}
            info["value_map"] = [list(d.values())[0] for d in
                                 setups.get("class_code", {}).get("map", [])]
            info["relative_photos"] = setups.get("photo", {}).get("RelativeStorage")
            info["relation_layer"] = setups.get("case_id", {}).get("Layer")
        out["layers"][lid] = info
    reports = project.mapLayer("field_reports")
    if reports is not None:
        reports.startEditing()
        feat = QgsVectorLayerUtils.createFeature(
            reports, QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        feat["class_code"] = "E0102"
        feat["description"] = "QGIS 表单上报"
        feat["photo"] = photo
        out["added"] = reports.addFeature(feat)
        out["committed"] = reports.commitChanges()
        out["errors"] = reports.commitErrors()
        f = next(reports.getFeatures())
        out["new"] = {"uuid": f["uuid"], "person": f["person"],
                      "made_at": f["made_at"].toString("yyyy-MM-dd HH:mm:ss")
                      if f["made_at"] else None}
    return out


def segments(project, path):
    """Each segment's last patrol and the patrol status QGIS computes for it now."""
    project.read(path)
    layer = project.mapLayer("gridapp_segments")
    return {f["code"]: {"last_patrol": str(f["last_patrol"]) if f["last_patrol"] else None,
                        "patrol_status": f["patrol_status"]} for f in layer.getFeatures()}


def main(argv):
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    report = {}
    if argv[1] == "segments":
        print(json.dumps(segments(project, argv[2]), ensure_ascii=False, default=str))
        app.exitQgis()
        return
    if argv[1] == "field":
        print(json.dumps(field(project, *argv[2:6]), ensure_ascii=False, default=str))
        app.exitQgis()
        return
    if argv[1] == "live":
        print(json.dumps(live(project, argv[2], argv[3]), ensure_ascii=False, default=str))
        app.exitQgis()
        return
    if argv[1] == "project":
        report["read"] = project.read(argv[2])
        report["crs"] = project.crs().authid()
        report["title"] = project.title()
        tree = project.layerTreeRoot()
        report["order"] = [n.layer().id() for n in tree.findLayers()]
        report["visible"] = [n.layer().id() for n in tree.findLayers() if n.isVisible()]
        layers = {lid: describe(layer, project) for lid, layer in project.mapLayers().items()}
        vectors = [project.mapLayer(i) for i in report["visible"]
                   if project.mapLayer(i).isValid()]
        report["layouts"] = layouts(project, ".")
    else:
        layers, vectors = {}, []
        for name in argv[3:]:
            layer = QgsVectorLayer(f"{argv[2]}|layername={name}", name, "ogr")
            project.addMapLayer(layer)
            layers[name] = describe(layer, project)
            n, ids, names, _desc, _err = layer.listStylesInDatabase()
            layers[name]["database_styles"] = sorted(set(names[:n]))
            vectors.append(layer)
    report["layers"] = layers
    report["render"] = render(project, vectors) if vectors else None
    print(json.dumps(report, ensure_ascii=False))
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv)
