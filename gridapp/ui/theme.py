"""Colours and symbols: states, road classes, categorical palettes (one place to tune)."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from ..app.map_data import ROAD_CLASSES, STATES

STATE_COLORS = {
    "reported": "#7a8ba8", "registered": "#3b7dd8", "rejected": "#9e9e9e",
    "dispatched": "#f39c12", "returned": "#a0522d", "in_progress": "#e6b800",
    "extension_pending": "#d35400", "suspension_pending": "#8e44ad", "suspended": "#6c3483",
    "rectified": "#16a085", "verified": "#27ae60", "closed": "#95c99a",
}
OVERDUE = "#e53935"
WARNING = "#ff8f00"
ROAD_COLORS = {"main": "#e67e22", "secondary": "#f1c40f", "branch": "#bdbdbd"}
ROAD_WIDTHS = {"main": 3.0, "secondary": 2.0, "branch": 1.0}
# carriageway widths in metres: close up, roads are drawn as wide as they are
ROAD_METRES = {"main": 36.0, "secondary": 24.0, "branch": 12.0}
# soft categorical fills (streets, communities) and strong ones (road chiefs, classes)
PASTEL = ["#f7d6a9", "#c9e4c5", "#bcd4f5", "#f3c6d0", "#e1d3f1", "#fff2b3", "#c7ecec",
          "#f9d9bd", "#d7e9b9", "#d5d9f7", "#f2d0e6", "#e6e1c5"]
STRONG = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
          "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"]
SELECTION = "#00e5ff"


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


def ramp(values: np.ndarray, stops=("#fff5eb", "#fdae6b", "#e6550d", "#7f2704")) -> np.ndarray:
    """ARGB colours for values in [0, 1] along a sequential ramp."""
    cols = np.array([[QColor(s).red(), QColor(s).green(), QColor(s).blue()] for s in stops],
                    float)
    v = np.clip(values, 0, 1) * (len(stops) - 1)
    i = np.minimum(v.astype(int), len(stops) - 2)
    f = (v - i)[:, None]
    rgb = cols[i] * (1 - f) + cols[i + 1] * f
    rgb = rgb.astype(np.uint32)
    return (np.uint32(255) << 24) | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
