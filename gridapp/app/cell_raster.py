"""Cells as an image of cell numbers: recolouring 100,000 cells is one numpy lookup.

Built once per store (Pillow draws each polygon with its index as a 32-bit value) and kept
in the map cache. At scales where a cell is a few pixels, the map draws this image recoloured
instead of 100,000 polygons.
"""

from __future__ import annotations

import contextlib
from functools import partial
from pathlib import Path
from zipfile import BadZipFile

import numpy as np
from PIL import Image, ImageDraw

from ..services.hotline import paused_gc
from .cache_files import save_arrays, write_behind
from .map_data import Cells, MapData


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
        # every ring's corners as one flat Python list [x0, y0, x1, y1, …] made by numpy,
        # sliced per ring (a list of pairs made ring by ring cost more than the drawing)
        flat = np.column_stack(((sh.coords[:, 0] - minx) / px,
                                (maxy - sh.coords[:, 1]) / px)).ravel().tolist()
        offsets = sh.ring_offsets.tolist()
        owner = sh.ring_owner.tolist()
        # big cells first: slivers merged into a neighbour are drawn over it, not under
        n = len(offsets) - 1
        for k in range(n):
            a, b = offsets[k], offsets[k + 1]
            if b - a >= 3:
                draw.polygon(flat[2 * a:2 * b], fill=owner[k] + 1)
            if progress and k % 20000 == 0:
                progress(k, n, "cell raster")
        return cls(np.asarray(img, dtype=np.int32), tuple(extent), px)

    def colorize(self, cell_argb: np.ndarray) -> np.ndarray:
        """(h, w) uint32 ARGB image: each pixel the colour of its cell (0 = transparent)."""
        lut = np.concatenate([np.zeros(1, np.uint32), cell_argb.astype(np.uint32)])
        return lut[self.ids]


def load_or_build(data: MapData, path: Path | None = None, progress=None,
                  behind: bool = False) -> CellRaster | None:
    """The cell-number image of these places: from its file when it was made for them
    (same store, same place layers, same extent), else built (and kept beside the store;
    `behind`: written on the cache writer thread after this returns)."""
    if path is not None and path.exists():
        try:
            z = np.load(path)
            if str(z["key"]) == data.places_key and tuple(z["extent"]) == tuple(data.extent):
                return CellRaster(z["ids"], tuple(data.extent), float(z["px"]))
        except (OSError, ValueError, KeyError, EOFError, BadZipFile):  # (a file cut short)
            pass
    if len(data.cells.codes) == 0:
        return None
    ext = data.extent
    px = max(10.0, float(np.sqrt((ext[2] - ext[0]) * (ext[3] - ext[1]) / 4e6)))
    with paused_gc():  # a Python call per polygon, no cycles: collections only cost
        raster = CellRaster.build(data.cells, ext, px, progress)
    raster.ids.flags.writeable = False
    if path is not None:
        save = partial(save_arrays, path, ids=raster.ids, extent=np.array(ext), px=raster.px,
                       key=np.array(data.places_key))
        if behind:
            write_behind(save)
        else:
            with contextlib.suppress(OSError):  # read-only folder: rebuilt next time
                save()
    return raster
