"""Colours and symbols, read from the one symbology definition (resources/symbology.toml).

The names below are what the client's widgets and renderers use; QGIS styles are generated
from the same definition (gridapp/io/qgis_styles.py), so the two cannot drift apart.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from ..app.map_data import ROAD_CLASSES, STATES
from ..app.patrol_layers import STATUSES
from ..io.symbology import MarkerStyle, symbology

SYMBOLOGY = symbology()
STATE_COLORS = dict(SYMBOLOGY.states)
OVERDUE = SYMBOLOGY.colors["overdue"]
WARNING = SYMBOLOGY.colors["warning"]
ROAD_COLORS = {k: r.color for k, r in SYMBOLOGY.roads.items()}
ROAD_WIDTHS = {k: r.width_px for k, r in SYMBOLOGY.roads.items()}
# carriageway widths in metres: close up, roads are drawn as wide as they are
ROAD_METRES = {k: r.width_m for k, r in SYMBOLOGY.roads.items()}
# soft categorical fills (streets, communities) and strong ones (road chiefs, classes)
PASTEL = list(SYMBOLOGY.pastel)
STRONG = list(SYMBOLOGY.strong)
SELECTION = SYMBOLOGY.colors["selection"]
NO_CHIEF = SYMBOLOGY.colors["no_chief"]
STREET_OUTLINE = SYMBOLOGY.section("streets")["outline"]
STREET_LABEL = SYMBOLOGY.section("streets")["label_color"]
COMMUNITY_OUTLINE = SYMBOLOGY.section("communities")["outline"]
CELL_OUTLINE = SYMBOLOGY.section("cells")["outline"]
COUNT_RAMP = SYMBOLOGY.ramps["counts"]
CLUSTER_RAMP = SYMBOLOGY.ramps["clusters"]
HEAT_RAMP = SYMBOLOGY.ramps["heat"]
PATROL = SYMBOLOGY.section("patrol")
PATROL_COLORS = tuple(QColor(PATROL[s]).name() for s in STATUSES)  # by status index
TRACKS = SYMBOLOGY.section("tracks")


def component_symbol(class_code: str) -> MarkerStyle:
    """A component class's own marker (shape, colour); other classes share one."""
    return SYMBOLOGY.component(class_code)


def component_color(class_code: str) -> str:
    return SYMBOLOGY.component(class_code).color


def qcolor(hex_: str, alpha: int = 255) -> QColor:
    c = QColor(hex_)
    c.setAlpha(alpha)
    return c


def argb(hex_: str, alpha: int = 255) -> int:
    """A colour as a 32-bit premultiplied-free ARGB integer (QImage.Format_ARGB32)."""
    c = QColor(hex_)
    return (alpha << 24) | (c.red() << 16) | (c.green() << 8) | c.blue()


STATE_ARGB = np.array([argb(STATE_COLORS[s]) for s in STATES], np.uint32)
ROAD_ORDER = list(ROAD_CLASSES)


def ramp(values: np.ndarray, stops=COUNT_RAMP) -> np.ndarray:
    """ARGB colours for values in [0, 1] along a sequential ramp."""
    cols = np.array([[QColor(s).red(), QColor(s).green(), QColor(s).blue()] for s in stops],
                    float)
    v = np.clip(values, 0, 1) * (len(stops) - 1)
    i = np.minimum(v.astype(int), len(stops) - 2)
    f = (v - i)[:, None]
    rgb = cols[i] * (1 - f) + cols[i + 1] * f
    rgb = rgb.astype(np.uint32)
    return (np.uint32(255) << 24) | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
