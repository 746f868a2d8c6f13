"""Cells as an image of cell numbers: recolouring 100,000 cells is one numpy lookup.

Built once per store (Pillow draws each polygon with its index as a 32-bit value) and kept
in the map cache. At scales where a cell is a few pixels, the map draws this image recoloured
instead of 100,000 polygons.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from ...app.map_data import Cells


class CellRaster:
    def __init__(self, ids: np.ndarray, extent: tuple[float, float, float, float],
                 px: float) -> None:
        self.ids = ids          # (h, w) int32: cell index + 1, 0 = no cell
        self.extent = extent    # world bounds of the image
        self.px = px            # metres per raster pixel

    @classmethod
    def build(cls, cells: Cells, extent, px: float = 20.0, progress=None) -> CellRaster:
        minx, miny, maxx, maxy = extent
        w = int(np.ceil((maxx - minx) / px)) + 1
        h = int(np.ceil((maxy - miny) / px)) + 1
        img = Image.new("I", (w, h), 0)
        draw = ImageDraw.Draw(img)
        sh = cells.shapes
        xs = (sh.coords[:, 0] - minx) / px
        ys = (maxy - sh.coords[:, 1]) / px
        offsets = sh.ring_offsets
        owner = sh.ring_owner
        # big cells first: slivers merged into a neighbour are drawn over it, not under
        n = len(offsets) - 1
        for k in range(n):
            a, b = offsets[k], offsets[k + 1]
            pts = list(zip(xs[a:b].tolist(), ys[a:b].tolist(), strict=True))
            if len(pts) >= 3:
                draw.polygon(pts, fill=int(owner[k]) + 1)
            if progress and k % 20000 == 0:
                progress(k, n, "cell raster")
        return cls(np.asarray(img, dtype=np.int32), tuple(extent), px)

    def colorize(self, cell_argb: np.ndarray) -> np.ndarray:
        """(h, w) uint32 ARGB image: each pixel the colour of its cell (0 = transparent)."""
        lut = np.concatenate([np.zeros(1, np.uint32), cell_argb.astype(np.uint32)])
        return lut[self.ids]
