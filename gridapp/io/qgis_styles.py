"""QGIS styles for gridapp's layers, generated from the one symbology definition.

Each layer has one or more named styles (the first is its default), the way QGIS keeps them
in a project's style manager and in a GeoPackage's layer_styles table. Without data (the
styles shipped in maps/) values that depend on the store — a cell's street, a segment's
road chief — are turned into the client's colours by QGIS expressions; with a `StyleData`
read from a store (exports, `gridapp maps project`) they become categories named in the
legend. Either way the colours are the client's.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..analysis.patrol import STATUS_LABELS_ZH
from ..domain.case import SOURCE_LABELS_ZH, STATE_LABELS_ZH, CaseState, Source
from ..domain.places import RoadClass
from ..paths import resource
from . import qml
from .symbology import Symbology, symbology

LAYERS = ("district", "streets", "communities", "cells", "segments", "components", "cases")
GEOMETRY = {"district": "polygon", "streets": "polygon", "communities": "polygon",
            "cells": "polygon", "segments": "line", "components": "point", "cases": "point"}
TITLES = {"district": "区界", "streets": "街道", "communities": "社区", "cells": "单元网格",
          "segments": "道路路段", "components": "部件", "cases": "案件"}
# (key, name) per layer; the first is the layer's default style
STYLES = {
    "district": (("default", "默认"),), "streets": (("default", "默认"),),
    "communities": (("default", "默认"),), "cells": (("street", "按街道"),),
    "segments": (("class", "按道路等级"), ("chief", "按路长"), ("patrol", "按巡查")),
    "components": (("class", "按部件类别"),),
    "cases": (("state", "按状态"), ("class", "按问题类别"), ("source", "按来源")),
}
# the layer a cell's street colour is looked up in when the styles know no streets (the id
# the maps/ projects give the streets layer)
STREETS_LAYER_ID = "gridapp_streets"
ALIASES = {
    "district": {"code": "区划代码", "name": "名称"},
    "streets": {"code": "街道代码", "name": "街道"},
    "communities": {"code": "社区代码", "street_code": "街道代码", "name": "社区"},
    "cells": {"code": "网格编码", "community_code": "社区代码", "street_code": "街道代码",
              "community": "社区", "street": "街道", "area_m2": "面积(m²)",
              "grid_worker": "网格员", "worker_user": "网格员账号", "open_cases": "在办案件",
              "overdue": "超期案件"},
    "segments": {"code": "路段编码", "road_name": "道路", "road_class": "道路等级代码",
                 "name": "路段", "length_m": "长度(m)", "road_chief": "路长",
                 "chief_user": "路长账号", "chief_id": "路长编号", "class_zh": "道路等级",
                 "patrol_days": "巡查周期(天)", "open_cases": "在办案件",
                 "last_patrol": "上次巡查", "patrol_status": "巡查状态"},
    "components": {"code": "部件编码", "class_code": "小类代码", "name": "部件名称",
                   "owner": "权属单位", "status": "状态"},
    "cases": {"number": "案卷号", "id": "编号", "reported_at": "上报时间", "source": "来源代码",
              "kind": "类型", "class_code": "小类代码", "class_name": "问题类别",
              "state": "状态代码", "description": "问题描述", "address": "地址",
              "cell_code": "网格编码", "community_code": "社区代码", "street_code": "街道代码",
              "street": "街道", "external_id": "热线工单号", "deadline_at": "处置时限",
              "warning_at": "预警时间", "dispatched_at": "派遣时间", "rectified_at": "处置时间",
              "verified_at": "核查时间", "closed_at": "结案时间", "department": "责任部门",
              "road_chief": "路长", "return_count": "退回次数", "rework_count": "返工次数",
              "extension_count": "延期次数", "reopen_count": "重开次数",
              "supervision_count": "督办次数", "duplicate_of": "重复于", "satisfaction": "满意度",
              "updated_at": "更新时间", "time_limit_minutes": "时限(工作分钟)",
              "state_zh": "状态", "source_zh": "来源", "deadline_status": "时限状态",
              "assignee": "责任单位", "lon": "经度", "lat": "纬度"},
}


@functools.lru_cache(maxsize=1)
def _default_catalog() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    from .catalog import read_catalog
    classes = sorted(read_catalog(resource("catalog", "default_catalog.csv")),
                     key=lambda c: c.code)
    return (tuple((c.code, c.name) for c in classes),
            tuple((c.code, c.name) for c in classes if c.kind.value == "component"))


@dataclass(frozen=True)
class StyleData:
    """What a store adds to the styles: its streets, road chiefs and catalog, by code."""

    streets: tuple[tuple[str, str], ...] | None = None         # (code, name), in code order
    chiefs: tuple[tuple[str, str, int], ...] | None = None     # (username, name, person id)
    classes: tuple[tuple[str, str], ...] = field(
        default_factory=lambda: _default_catalog()[0])         # every class, in code order
    components: tuple[tuple[str, str], ...] = field(
        default_factory=lambda: _default_catalog()[1])         # component classes


@dataclass(frozen=True)
class Style:
    layer: str
    key: str
    name: str
    default: bool
    root: object  # the <qgis> element

    @property
    def text(self) -> str:
        return qml.to_text(self.root)


def _px(sym: Symbology, section: str, key: str) -> float:
    return float(sym.section(section)[key])


def _scale(sym: Symbology, section: str, key: str) -> int:
    return qml.scale_of(float(sym.section(section)[key]))


def _label(sym: Symbology, section: str, placement: str, bold=False, size_dd=None,
           merge=False):
    s, lab = sym.section(section), sym.section("labels")
    return qml.labeling(s["label_field"], lab["font"], float(s["label_px"]), s["label_color"],
                        lab["halo"], float(lab["halo_px"]), placement,
                        qml.scale_of(float(s["label_max_res"])), bold, size_dd, merge)


def _outline_style(sym, layer: str, color_key="outline", px_key="outline_px", dash=False):
    s = sym.section(layer)
    return qml.single_renderer("fill", [qml.fill(None, s[color_key], float(s[px_key]),
                                                 dash=dash)])


def district(sym: Symbology, data: StyleData, key: str):
    return qml.qml(_outline_style(sym, "district"), "polygon", aliases=ALIASES["district"])


def streets(sym: Symbology, data: StyleData, key: str):
    s = sym.section("streets")
    close = qml.scale_of(float(s["label_close_res"]))
    size = (f"if(@map_scale <= {close}, {qml.pt(float(s['label_close_px'])):g}, "
            f"{qml.pt(float(s['label_px'])):g})")
    return qml.qml(_outline_style(sym, "streets"), "polygon",
                   _label(sym, "streets", "polygon", bold=True, size_dd=size),
                   aliases=ALIASES["streets"])


def communities(sym: Symbology, data: StyleData, key: str):
    s = sym.section("communities")
    return qml.qml(_outline_style(sym, "communities", dash=bool(s.get("dash"))), "polygon",
                   aliases=ALIASES["communities"])


def _array(colors) -> str:
    return "array(" + ", ".join(f"'{c}'" for c in colors) + ")"


def cells(sym: Symbology, data: StyleData, key: str):
    s = sym.section("cells")
    near = f"@map_scale < {_scale(sym, 'cells', 'outline_max_res')}"
    outline = qml.fill(None, s["outline"], 0.0, dd={"enabled": near})  # hairline, close up
    if data.streets is not None:
        cats = [(code, name, [qml.fill(sym.street_color(i)), outline])
                for i, (code, name) in enumerate(data.streets)]
        renderer = qml.categorized_renderer("street_code", "fill", cats,
                                            ("其他", [qml.fill("#ffffff"), outline]))
    else:  # the street's index among the streets layer's codes, as the client counts it
        index = (f"array_find(aggregate(layer:='{STREETS_LAYER_ID}', aggregate:='array_agg', "
                 f"expression:=\"code\", order_by:=\"code\"), \"street_code\")")
        color = f"array_get({_array(sym.pastel)}, {index} % {len(sym.pastel)})"
        renderer = qml.single_renderer("fill", [qml.fill(sym.pastel[0], dd={"fillColor": color}),
                                                outline])
    return qml.qml(renderer, "polygon", _label(sym, "cells", "polygon"),
                   opacity=float(s["opacity"]), aliases=ALIASES["cells"])


def _road_layers(sym: Symbology, road: str) -> list[qml.SymbolLayer]:
    """Cased and as wide as the carriageway close up; a line of its screen width farther out."""
    r = sym.roads[road]
    street = qml.scale_of(r.width_m / (2 * r.width_px))  # carriageway > twice the line
    thin = _scale(sym, "roads", "thin_res")
    shown = f"@map_scale <= {_scale(sym, 'roads', 'hide_branch_res')}" if road == "branch" \
        else "true"
    ground = f"{r.width_m:g} * 1000 / @map_scale"  # the carriageway in mm on the screen
    s = sym.section("roads")
    close = f"@map_scale < {street}"
    casing = qml.line(_shade(r.color, 1 / float(s["casing_darker"])), 0, cap="flat", level=0,
                      dd={"enabled": close, "outlineWidth": f"{ground} + {qml.mm(2):g}"})
    fill = qml.line(_shade(r.color, float(s["carriageway_lighter"]), lighter=True), 0,
                    cap="flat", level=1, dd={"enabled": close, "outlineWidth": ground})
    width = r.width_px
    centre = qml.line(r.color, width, level=2, dd={
        "enabled": shown,
        "outlineWidth": f"CASE WHEN @map_scale < {street} THEN {qml.mm(1):g} "
                        f"WHEN @map_scale >= {thin} THEN {qml.mm(max(width * 0.6, 1.0)):g} "
                        f"ELSE {qml.mm(max(width, 1.0)):g} END"})
    return [casing, fill, centre]


def _shade(hex_: str, factor: float, lighter: bool = False) -> str:
    """Qt's QColor.darker/lighter in HSV value (what the client draws casings with)."""
    import colorsys
    rgb = [int(hex_[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    h, s, v = colorsys.rgb_to_hsv(*rgb)
    v2 = v * factor
    if lighter and v2 > 1:  # Qt moves the overflow into less saturation
        s, v2 = max(s - (v2 - 1), 0.0), 1.0
    r, g, b = colorsys.hsv_to_rgb(h, s, v2)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def segments(sym: Symbology, data: StyleData, key: str):
    s = sym.section("roads")
    label = _label(sym, "roads", "line", merge=True)
    if key == "class":
        cats = [(c.value, c.label_zh, _road_layers(sym, c.value)) for c in RoadClass]
        renderer = qml.categorized_renderer("road_class", "line", cats)
        renderer.set("symbollevels", "1")  # casings under every fill, fills under centres
    elif key == "patrol":
        renderer = _patrol_renderer(sym)
    else:
        far, thin = _scale(sym, "roads", "chief_far_res"), float(s["chief_far_px"])
        width = f"if(@map_scale < {far}, {qml.mm(float(s['chief_px'])):g}, {qml.mm(thin):g})"
        if data.chiefs is not None:
            cats = [(user, name, [qml.line(sym.chief_color(pid), float(s["chief_px"]),
                                           dd={"outlineWidth": width})])
                    for user, name, pid in data.chiefs]
            renderer = qml.categorized_renderer(
                "chief_user", "line", cats,
                ("无路长", [qml.line(sym.colors["no_chief"], thin, dd={"outlineWidth": width})]))
        else:
            color = (f"if(\"chief_id\" IS NULL, '{sym.colors['no_chief']}', "
                     f"array_get({_array(sym.strong)}, \"chief_id\" % {len(sym.strong)}))")
            renderer = qml.single_renderer("line", [qml.line(
                sym.colors["no_chief"], float(s["chief_px"]),
                dd={"outlineColor": color, "outlineWidth": width})])
    return qml.qml(renderer, "line", label, aliases=ALIASES["segments"])


def _patrol_renderer(sym: Symbology):
    """按巡查: each segment in the colour of its patrol status over a white edge, as the
    client draws it (the status a field: computed by QGIS in the store projects, written
    at export time in GeoPackages)."""
    p, edge = sym.section("patrol"), sym.section("tracks")["halo"]
    near, far = float(p["width_px"]), float(p["far_px"])
    scale = _scale(sym, "patrol", "far_res")

    def width(extra: float) -> str:
        return f"if(@map_scale < {scale}, {qml.mm(near + extra):g}, {qml.mm(far + extra):g})"
    cats = [(status, label, [qml.line(edge, near + 2, dd={"outlineWidth": width(2)}, level=0),
                             qml.line(p[status], near, dd={"outlineWidth": width(0)},
                                      level=1)])
            for status, label in STATUS_LABELS_ZH.items()]
    renderer = qml.categorized_renderer("patrol_status", "line", cats)
    renderer.set("symbollevels", "1")  # every edge under every colour
    return renderer


def components(sym: Symbology, data: StyleData, key: str):
    s = sym.section("components")
    size, stroke = float(s["size_px"]), s["outline"]

    def layers(code):
        m = sym.component(code)
        if m.shape in qml.STROKE_ONLY:  # a cross has no inside: its strokes carry the colour
            return [qml.marker(m.shape, m.color, size, m.color, 2.0)]
        return [qml.marker(m.shape, m.color, size, stroke, 0.6)]
    cats = [(code, name, layers(code)) for code, name in data.components]
    renderer = qml.categorized_renderer("class_code", "marker", cats,
                                        ("其他部件", layers("")))
    return qml.qml(renderer, "point", max_scale_denominator=_scale(sym, "components", "max_res"),
                   aliases=ALIASES["components"])


def cases(sym: Symbology, data: StyleData, key: str):
    s = sym.section("cases")
    near = _scale(sym, "cases", "near_res")
    size, far, ring = float(s["size_px"]), float(s["far_size_px"]), float(s["ring_px"])
    dot_size = f"if(@map_scale < {near}, {qml.mm(size):g}, {qml.mm(far):g})"
    # the client draws a disc ring_px wider under the dot; a ring of half that width around
    # a dot that covers its inside looks the same, and reads as a ring in the legend
    ring_size = (f"if(@map_scale < {near}, {qml.mm(size + ring / 2):g}, "
                 f"{qml.mm(far + ring / 2):g})")

    def ring_rule(label, status, color):
        return (label, f"\"deadline_status\" = '{status}'",
                [qml.marker("circle", color, size + ring / 2, stroke_px=ring / 2, fill=False,
                            dd={"size": ring_size}, level=0)])

    done = _scale(sym, "cases", "done_max_res")
    shown = f"\"state\" NOT IN ('closed', 'rejected') OR @map_scale < {done}"

    def dot(color):
        return [qml.marker("circle", color, size, dd={"size": dot_size, "enabled": shown},
                           level=1)]
    rings = ("时限", [ring_rule("超期", "overdue", sym.colors["overdue"]),
                    ring_rule("预警", "warning", sym.colors["warning"])])
    if key == "state":
        rules = [(STATE_LABELS_ZH[CaseState(v)], f"\"state\" = '{v}'", dot(c))
                 for v, c in sym.states.items()]
        group = ("状态", rules)
    elif key == "class":
        index = {code: i for i, (code, _) in enumerate(data.classes)}
        rules = [(f"{code} {name}", f"\"class_code\" = '{code}'",
                  dot(sym.class_color(index[code]))) for code, name in data.classes]
        rules.append(("其他类别", "ELSE", dot(sym.colors["no_chief"])))
        group = ("问题类别", rules)
    else:
        rules = [(SOURCE_LABELS_ZH[src], f"\"source\" = '{src.value}'", dot(sym.class_color(i)))
                 for i, src in enumerate(Source)]
        group = ("来源", rules)
    # what needs doing on top of what is done: closed and rejected cases first, overdue last
    order = ("CASE WHEN \"deadline_status\" = 'overdue' THEN 3 "
             "WHEN \"deadline_status\" = 'warning' THEN 2 "
             "WHEN \"state\" IN ('closed', 'rejected') THEN 0 ELSE 1 END")
    return qml.qml(qml.rule_renderer("marker", [rings, group], order_by=order), "point",
                   aliases=ALIASES["cases"])


BUILDERS = {"district": district, "streets": streets, "communities": communities,
            "cells": cells, "segments": segments, "components": components, "cases": cases}


def layer_styles(layer: str, data: StyleData | None = None,
                 sym: Symbology | None = None) -> list[Style]:
    """Every named style of a layer, its default first."""
    sym, data = sym or symbology(), data or StyleData()
    return [Style(layer, key, name, i == 0, BUILDERS[layer](sym, data, key))
            for i, (key, name) in enumerate(STYLES[layer])]
