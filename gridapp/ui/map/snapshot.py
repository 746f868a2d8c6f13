"""What one render job draws from: an immutable snapshot of the model (as QGIS gives each
render job its own copy of the map settings). Nothing in it changes after it is made; the
UI thread makes a new one when the data, the filter, the clock or a style changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ...app.cell_raster import CellRaster
from ...app.derived import Derived
from ...app.map_data import EPOCH, MapData
from ...app.patrol_layers import DayTracks, LastPatrols, SegmentPatrol, segment_patrol
from ...app.thematic import Thematic
from ..theme import PASTEL, argb, ramp
from .basemap import TileSource


@dataclass(frozen=True, eq=False)
class RenderSnapshot:
    derived: Derived                 # the data, the filter, "now", the thematic values
    raster: CellRaster | None = None
    basemap: TileSource | None = None
    own_segments: frozenset[int] = frozenset()  # the user's own, outlined on the map
    own_cells: tuple[int, ...] = ()
    last_patrols: LastPatrols | None = None   # 路长责任段 按巡查 (None: not read yet)
    tracks: DayTracks | None = None            # 巡查轨迹 of the day chosen

    @property
    def data(self) -> MapData:
        return self.derived.data

    @property
    def thematic(self) -> Thematic | None:
        return self.derived.thematic

    @property
    def today(self) -> date:
        """The day of the snapshot's "now" (the district's date)."""
        return (EPOCH + np.timedelta64(self.derived.now, "s")).astype("datetime64[D]").item()

    def segment_patrol(self) -> SegmentPatrol | None:
        """Each segment against its rhythm today (computed once per snapshot state)."""
        last = self.last_patrols
        if last is None:
            return None
        return self.derived.get(("patrol", last.serial),
                                lambda: segment_patrol(self.data.segments, last, self.today))

    def cell_colors(self, style: str) -> np.ndarray:
        """ARGB per cell for a cell style (computed once per snapshot state)."""
        return self.derived.get(("cell_colors", style), lambda: _cell_colors(self, style))


def thematic_colors(t: Thematic) -> np.ndarray:
    """ARGB of each class of a thematic map, light to dark."""
    return ramp(t.shades())


def _cell_colors(snap: RenderSnapshot, style: str) -> np.ndarray:
    c = snap.data.cells
    n = len(c.codes)
    pastel = np.array([argb(h, 255) for h in PASTEL], np.uint32)
    if style == "street":
        return pastel[c.street_idx % len(pastel)]
    if style == "community":
        return pastel[(c.community_idx * 7) % len(pastel)]
    if style in ("cases", "overdue"):
        cases, d = snap.data.cases, snap.derived
        m = d.mask & (cases.cell >= 0)
        if style == "overdue":
            m &= d.overdue
        counts = np.bincount(cases.cell[m], minlength=n).astype(float)
        top = max(np.percentile(counts[counts > 0], 98) if (counts > 0).any() else 1, 1)
        cols = ramp(counts / top)
        cols[counts == 0] = argb("#ffffff", 40)
        return cols
    t = snap.thematic
    if style == "indicator" and t is not None:
        k = t.class_of(t.values)
        return np.where(k >= 0, thematic_colors(t)[np.maximum(k, 0)],
                        argb("#cccccc", 90)).astype(np.uint32)
    return np.zeros(n, np.uint32)
