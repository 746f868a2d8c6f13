"""What the renderers draw from: the data, the current filter, derived colours, indexes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from ...app.case_filter import CaseFilter, apply
from ...app.hit import PointIndex
from ...app.map_data import MapData, seconds
from ..theme import PASTEL, argb, ramp
from .basemap import TileSource
from .cell_raster import CellRaster


@dataclass
class Thematic:
    """A value per cell to colour by (an indicator), in equal-interval classes.

    Classes, not a continuous ramp: a reader can match a cell to a legend row, and the map
    fills one path per class.
    """

    values: np.ndarray   # float per cell, NaN = no data
    title: str
    vmin: float
    vmax: float
    classes: int = 6
    fmt: str = "{:.0f}"  # how the legend writes a class bound
    reverse: bool = False  # dark for low values (a rate where low is bad)

    def breaks(self) -> np.ndarray:
        return np.linspace(self.vmin, self.vmax, self.classes + 1)

    def class_of(self, values: np.ndarray) -> np.ndarray:
        """Class index per value (0 … classes-1); -1 for no data."""
        k = np.clip(np.searchsorted(self.breaks()[1:-1], values, "right"), 0, self.classes - 1)
        return np.where(np.isnan(values), -1, k)

    def colors(self) -> np.ndarray:
        """ARGB of each class, light to dark."""
        v = (np.arange(self.classes) + 0.5) / self.classes
        return ramp(1 - v if self.reverse else v)

    def legend(self) -> list[tuple[int, str]]:
        b = self.breaks()
        return [(int(c), f"{self.fmt.format(b[i])} – {self.fmt.format(b[i + 1])}")
                for i, c in enumerate(self.colors())]


@dataclass
class MapContext:
    data: MapData
    raster: CellRaster | None = None
    basemap: TileSource | None = None
    case_filter: CaseFilter = field(default_factory=CaseFilter)
    now: int = field(default_factory=lambda: seconds(datetime.now()))
    thematic: Thematic | None = None
    _mask: np.ndarray | None = None
    _points: PointIndex | None = None
    _colors: dict = field(default_factory=dict)
    _flags: dict = field(default_factory=dict)

    @property
    def case_mask(self) -> np.ndarray:
        if self._mask is None or len(self._mask) != len(self.data.cases):
            self._mask = apply(self.data.cases, self.case_filter, self.now)
        return self._mask

    @property
    def overdue(self) -> np.ndarray:
        """Overdue per case at `now` (cached: every render of a million points needs it)."""
        if "overdue" not in self._flags:
            self._flags["overdue"] = self.data.cases.overdue(self.now)
        return self._flags["overdue"]

    @property
    def warned(self) -> np.ndarray:
        if "warned" not in self._flags:
            self._flags["warned"] = self.data.cases.warned(self.now)
        return self._flags["warned"]

    @property
    def points(self) -> PointIndex:
        if self._points is None or len(self._points.x) != len(self.data.cases):
            self._points = PointIndex(self.data.cases.x, self.data.cases.y)
        return self._points

    def invalidate(self, data_changed: bool = True) -> None:
        """After a refresh or a filter change: drop what depends on them."""
        self._mask = None
        self._colors = {k: v for k, v in self._colors.items()
                        if k in ("street", "community")}
        if data_changed:
            self._flags = {}
            self._points = None
            self.now = seconds(datetime.now())

    def cell_colors(self, style: str) -> np.ndarray:
        """ARGB per cell for a cell style (cached until the data or filter changes)."""
        if style in self._colors:
            return self._colors[style]
        c = self.data.cells
        n = len(c.codes)
        pastel = np.array([argb(h, 255) for h in PASTEL], np.uint32)
        if style == "street":
            cols = pastel[c.street_idx % len(pastel)]
        elif style == "community":
            cols = pastel[(c.community_idx * 7) % len(pastel)]
        elif style in ("cases", "overdue"):
            cases = self.data.cases
            m = self.case_mask & (cases.cell >= 0)
            if style == "overdue":
                m &= cases.overdue(self.now)
            counts = np.bincount(cases.cell[m], minlength=n).astype(float)
            top = max(np.percentile(counts[counts > 0], 98) if (counts > 0).any() else 1, 1)
            cols = ramp(counts / top)
            cols[counts == 0] = argb("#ffffff", 40)
        elif style == "indicator" and self.thematic is not None:
            t = self.thematic
            k = t.class_of(t.values)
            cols = np.where(k >= 0, t.colors()[np.maximum(k, 0)],
                            argb("#cccccc", 90)).astype(np.uint32)
        else:
            cols = np.zeros(n, np.uint32)
        self._colors[style] = cols
        return cols

