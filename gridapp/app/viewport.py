"""World (store CRS, metres) ↔ screen (pixels): a centre, a resolution, a size."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

NICE = (1, 2, 2.5, 5)


@dataclass(frozen=True)
class Viewport:
    cx: float
    cy: float
    res: float        # metres per pixel
    width: int
    height: int

    @classmethod
    def fit(cls, extent, width: int, height: int, margin: float = 0.05) -> Viewport:
        minx, miny, maxx, maxy = extent
        w, h = max(maxx - minx, 1.0), max(maxy - miny, 1.0)
        res = max(w / max(width, 1), h / max(height, 1)) * (1 + 2 * margin)
        return cls((minx + maxx) / 2, (miny + maxy) / 2, res, width, height)

    @property
    def extent(self) -> tuple[float, float, float, float]:
        hw, hh = self.width * self.res / 2, self.height * self.res / 2
        return self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh

    def to_screen(self, x, y):
        """Pixel coordinates of world points (works on numpy arrays)."""
        minx, _, _, maxy = self.extent
        return (x - minx) / self.res, (maxy - y) / self.res

    def to_world(self, px: float, py: float) -> tuple[float, float]:
        minx, _, _, maxy = self.extent
        return minx + px * self.res, maxy - py * self.res

    def panned(self, dx_px: float, dy_px: float) -> Viewport:
        """The view after dragging the map by (dx, dy) pixels."""
        return replace(self, cx=self.cx - dx_px * self.res, cy=self.cy + dy_px * self.res)

    def zoomed(self, factor: float, px: float | None = None, py: float | None = None,
               min_res: float = 0.05, max_res: float = 5000.0) -> Viewport:
        """Zoom in (factor > 1) keeping the world point under (px, py) where it is."""
        res = min(max(self.res / factor, min_res), max_res)
        if px is None:
            return replace(self, res=res)
        wx, wy = self.to_world(px, py)
        minx = wx - px * res
        maxy = wy + py * res
        return replace(self, cx=minx + self.width * res / 2, cy=maxy - self.height * res / 2,
                       res=res)

    def resized(self, width: int, height: int) -> Viewport:
        return replace(self, width=width, height=height)

    def centred(self, x: float, y: float, res: float | None = None) -> Viewport:
        return replace(self, cx=x, cy=y, res=res or self.res)

    def scale_denominator(self, dpi: float = 96.0) -> float:
        """1 : N on screen (a pixel is 25.4/dpi mm)."""
        return Viewport.scale_for(self.res, dpi)

    @staticmethod
    def scale_for(res: float, dpi: float = 96.0) -> float:
        """N of 1 : N at `res` metres a pixel."""
        return res / (0.0254 / dpi)


def nice_length(max_metres: float) -> float:
    """The largest 1-2-2.5-5 × 10^k length not above `max_metres` (for a scale bar)."""
    if max_metres <= 0:
        return 0.0
    k = 10 ** math.floor(math.log10(max_metres))
    return max(n * k for n in NICE if n * k <= max_metres)
