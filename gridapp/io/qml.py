"""QGIS style XML (the .qml format of QGIS 3.22+): symbols, renderers, labels, layer settings.

Only what gridapp's styles use, written the way QGIS 3.22 writes it (each symbol layer's
properties both as an Option map and as the older prop elements, so older 3.x read it too).
Sizes are given in the client's screen pixels and written in millimetres (points for text)
at 96 dpi: the same on screen, and the same proportions on paper at any print resolution.
Scales are QGIS scale denominators at 96 dpi.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

QGIS_VERSION = "3.22.16-Białowieża"
PX_PER_M_AT_96DPI = 96 / 0.0254
STROKE_ONLY = ("cross", "cross2", "line")  # simple-marker shapes drawn by their stroke alone


def mm(px: float) -> float:
    """Screen pixels (96 dpi) → millimetres."""
    return round(px * 25.4 / 96, 4)


def pt(px: float) -> float:
    """Screen pixels (96 dpi) → typographic points."""
    return round(px * 72 / 96, 3)


def scale_of(metres_per_pixel: float) -> int:
    """The QGIS scale denominator at which one screen pixel covers this many metres."""
    return round(metres_per_pixel * PX_PER_M_AT_96DPI)


def rgba(hex_: str, alpha: int = 255) -> str:
    """#rrggbb → the "r,g,b,a" QGIS writes."""
    h = hex_.lstrip("#")
    return f"{int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{alpha}"


def _sub(parent: ET.Element, tag: str, **attrs) -> ET.Element:
    return ET.SubElement(parent, tag, {k: str(v) for k, v in attrs.items()})


def _option_map(parent: ET.Element, values: dict, typ: str = "QString") -> ET.Element:
    m = _sub(parent, "Option", type="Map")
    for k, v in values.items():
        _sub(m, "Option", value=v, name=k, type=typ)
    return m


def data_defined(parent: ET.Element, tag: str, expressions: dict[str, str]) -> None:
    """Properties computed per feature (or per scale) from QGIS expressions."""
    dd = _sub(parent, tag)
    top = _sub(dd, "Option", type="Map")
    _sub(top, "Option", value="", name="name", type="QString")
    if expressions:
        props = _sub(top, "Option", name="properties", type="Map")
        for key, expr in expressions.items():
            p = _sub(props, "Option", name=key, type="Map")
            _sub(p, "Option", value="true", name="active", type="bool")
            _sub(p, "Option", value=expr, name="expression", type="QString")
            _sub(p, "Option", value="3", name="type", type="int")
    else:
        _sub(top, "Option", name="properties")
    _sub(top, "Option", value="collection", name="type", type="QString")


class SymbolLayer:
    """One layer of a symbol: a QGIS symbol-layer class, its properties, per-feature overrides."""

    def __init__(self, cls: str, props: dict[str, str], dd: dict[str, str] | None = None,
                 level: int = 0):
        self.cls, self.props, self.dd, self.level = cls, props, dd or {}, level

    def write(self, parent: ET.Element) -> None:
        el = _sub(parent, "layer", **{"class": self.cls, "enabled": 1, "pass": self.level,
                                      "locked": 0})
        _option_map(el, self.props)
        for k, v in self.props.items():
            _sub(el, "prop", k=k, v=v)
        data_defined(el, "data_defined_properties", self.dd)


def marker(shape: str, color: str, size_px: float, stroke: str | None = None,
           stroke_px: float = 0.0, dd=None, level: int = 0, fill: bool = True) -> SymbolLayer:
    """A simple marker (circle, square, star, …); a ring when fill is False."""
    return SymbolLayer("SimpleMarker", {
        "angle": "0", "color": rgba(color, 255 if fill else 0), "joinstyle": "miter",
        "name": shape, "offset": "0,0", "offset_unit": "MM",
        "outline_color": rgba(stroke or color, 255 if stroke or not fill else 0),
        "outline_style": "solid" if stroke or not fill else "no",
        "outline_width": f"{mm(stroke_px):g}", "outline_width_unit": "MM",
        "scale_method": "diameter", "size": f"{mm(size_px):g}", "size_unit": "MM",
        "horizontal_anchor_point": "1", "vertical_anchor_point": "1"}, dd, level)


def line(color: str, width_px: float, dd=None, level: int = 0, dash: bool = False,
         cap: str = "round") -> SymbolLayer:
    return SymbolLayer("SimpleLine", {
        "capstyle": cap, "joinstyle": "round", "line_color": rgba(color),
        "line_style": "dash" if dash else "solid", "line_width": f"{mm(width_px):g}",
        "line_width_unit": "MM", "offset": "0", "offset_unit": "MM",
        "use_custom_dash": "0", "draw_inside_polygon": "0"}, dd, level)


def fill(color: str | None, stroke: str | None = None, stroke_px: float = 0.0,
         dash: bool = False, dd=None, level: int = 0) -> SymbolLayer:
    """A polygon fill; color None leaves it hollow, stroke None leaves it without outline."""
    return SymbolLayer("SimpleFill", {
        "color": rgba(color) if color else "0,0,0,0", "style": "solid" if color else "no",
        "outline_color": rgba(stroke) if stroke else "0,0,0,0",
        "outline_style": ("dash" if dash else "solid") if stroke else "no",
        "outline_width": f"{mm(stroke_px):g}", "outline_width_unit": "MM",
        "joinstyle": "round", "offset": "0,0", "offset_unit": "MM"}, dd, level)


def symbol(parent: ET.Element, kind: str, name: str, layers: list[SymbolLayer]) -> None:
    """kind: marker, line or fill."""
    el = _sub(parent, "symbol", alpha=1, force_rhr=0, name=name, type=kind, clip_to_extent=1)
    data_defined(el, "data_defined_properties", {})
    for layer in layers:
        layer.write(el)


def single_renderer(kind: str, layers: list[SymbolLayer]) -> ET.Element:
    r = ET.Element("renderer-v2", {"type": "singleSymbol", "symbollevels": "0",
                                    "forceraster": "0", "enableorderby": "0",
                                    "referencescale": "-1"})
    symbol(_sub(r, "symbols"), kind, "0", layers)
    return r


def categorized_renderer(field: str, kind: str,
                         categories: list[tuple[str, str, list[SymbolLayer]]],
                         other: tuple[str, list[SymbolLayer]] | None = None) -> ET.Element:
    """One symbol per value (value, label, layers); `other` draws every value not listed."""
    r = ET.Element("renderer-v2", {"attr": field, "type": "categorizedSymbol",
                                    "symbollevels": "0", "forceraster": "0",
                                    "enableorderby": "0", "referencescale": "-1"})
    cats, syms = _sub(r, "categories"), _sub(r, "symbols")
    entries = list(categories) + ([("", other[0], other[1])] if other else [])
    for i, (value, label, layers) in enumerate(entries):
        _sub(cats, "category", value=value, symbol=i, render="true", label=label)
        symbol(syms, kind, str(i), layers)
    return r


def rule_renderer(kind: str, groups: list[tuple[str, list[tuple[str, str, list[SymbolLayer]]]]],
                  symbol_levels: bool = True, order_by: str | None = None) -> ET.Element:
    """Rules in groups (label, [(label, filter, layers)]); a filter "ELSE" catches the rest
    of its group. Every matching rule draws, so rings and dots stack; features are drawn in
    the ascending order of `order_by` (the last on top)."""
    r = ET.Element("renderer-v2", {"type": "RuleRenderer",
                                    "symbollevels": "1" if symbol_levels else "0",
                                    "forceraster": "0", "enableorderby": "1" if order_by else "0",
                                    "referencescale": "-1"})
    if order_by:
        ob = _sub(r, "orderby")
        _sub(ob, "orderByClause", asc=1, nullsFirst=0).text = order_by
    root = _sub(r, "rules", key="{root}")
    syms = _sub(r, "symbols")
    n = 0
    for gi, (glabel, rules) in enumerate(groups):
        group = _sub(root, "rule", key=f"{{group-{gi}}}", label=glabel)
        for ri, (label, flt, layers) in enumerate(rules):
            attrs = {"key": f"{{rule-{gi}-{ri}}}", "label": label, "symbol": str(n)}
            if flt == "ELSE":
                attrs["filter"] = "ELSE"
            elif flt:
                attrs["filter"] = flt
            _sub(group, "rule", **attrs)
            symbol(syms, kind, str(n), layers)
            n += 1
    return r


def labeling(field: str, font: str, size_px: float, color: str, halo: str, halo_px: float,
             placement: str, max_scale_denominator: int | None, bold: bool = False,
             size_dd: str | None = None, merge_lines: bool = False) -> ET.Element:
    """Simple labels from one field: placement "line" (curved along), "polygon" (centred
    horizontally inside) or "point"."""
    lab = ET.Element("labeling", type="simple")
    s = _sub(lab, "settings", calloutType="simple")
    ts = _sub(s, "text-style", fieldName=field, isExpression=0, fontFamily=font,
              fontSize=f"{pt(size_px):g}", fontSizeUnit="Point", fontWeight=75 if bold else 50,
              textColor=rgba(color), textOpacity=1, namedStyle="Bold" if bold else "",
              fontItalic=0, fontUnderline=0, fontStrikeout=0, fontKerning=1,
              multilineHeight=1, blendMode=0, capitalization=0, allowHtml=0,
              textOrientation="horizontal", previewBkgrdColor="255,255,255,255")
    _sub(ts, "text-buffer", bufferDraw=1, bufferSize=f"{mm(halo_px):g}", bufferSizeUnits="MM",
         bufferColor=rgba(halo), bufferOpacity=1, bufferNoFill=1, bufferJoinStyle=128,
         bufferBlendMode=0)
    data_defined(ts, "dd_properties", {})
    # placement enum of QGIS: 1 over the point, 3 curved along lines, 4 horizontal
    mode = {"line": 3, "polygon": 1, "point": 0}[placement]
    _sub(s, "placement", placement=mode, placementFlags=10, centroidInside=1,
         centroidWhole=0, fitInPolygonOnly=0, dist=0, distUnits="MM", priority=5,
         maxCurvedCharAngleIn=25, maxCurvedCharAngleOut=-25, repeatDistance=0,
         overrunDistance=0, offsetType=0, quadOffset=4, xOffset=0, yOffset=0)
    visible = max_scale_denominator is not None
    # QGIS keeps the farthest-out scale a label shows at in "scaleMax"
    _sub(s, "rendering", scaleVisibility=int(visible),
         scaleMin=0, scaleMax=max_scale_denominator or 0, mergeLines=int(merge_lines),
         obstacle=1, obstacleFactor=1, obstacleType=1, displayAll=0, upsidedownLabels=0,
         labelPerPart=0, limitNumLabels=0, maxNumLabels=2000, minFeatureSize=0,
         drawLabels=1, fontLimitPixelSize=0, zIndex=0, unplacedVisibility=0)
    data_defined(s, "dd_properties", {"Size": size_dd} if size_dd else {})
    return lab


def qml(renderer: ET.Element, geometry: str, label: ET.Element | None = None,
        opacity: float = 1.0, max_scale_denominator: int | None = None,
        aliases: dict[str, str] | None = None) -> ET.Element:
    """The style document: renderer, labels, opacity, scale range, field aliases.

    geometry: point, line or polygon. A layer with max_scale_denominator is drawn only when
    zoomed in closer than that scale.
    """
    root = ET.Element("qgis", {
        "version": QGIS_VERSION, "styleCategories": "AllStyleCategories",
        "hasScaleBasedVisibilityFlag": "1" if max_scale_denominator else "0",
        "minScale": str(max_scale_denominator or 100000000), "maxScale": "0",
        "labelsEnabled": "1" if label is not None else "0",
        "simplifyDrawingHints": "1" if geometry != "point" else "0",
        "simplifyDrawingTol": "1", "simplifyLocal": "1", "simplifyAlgorithm": "0",
        "simplifyMaxScale": "1", "readOnly": "0", "symbologyReferenceScale": "-1"})
    flags = _sub(root, "flags")
    for f, v in (("Identifiable", 1), ("Removable", 1), ("Searchable", 1), ("Private", 0)):
        _sub(flags, f).text = str(v)
    root.append(renderer)
    if label is not None:
        root.append(label)
    _sub(root, "blendMode").text = "0"
    _sub(root, "featureBlendMode").text = "0"
    _sub(root, "layerOpacity").text = f"{opacity:g}"
    _sub(root, "legend", type="default-vector", showLabelLegend="0")
    if aliases:
        al = _sub(root, "aliases")
        for i, (field, name) in enumerate(aliases.items()):
            _sub(al, "alias", field=field, index=i, name=name)
    _sub(root, "layerGeometryType").text = str({"point": 0, "line": 1, "polygon": 2}[geometry])
    return root


def to_text(root: ET.Element) -> str:
    """The document as QGIS writes a .qml file (deterministic: same input, same bytes)."""
    root = ET.fromstring(ET.tostring(root))  # a copy: indenting must not touch the caller's
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body + "\n"
