"""A thematic map: a value per cell (an indicator) in classes a reader can match to a legend."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Thematic:
    """A value per cell to colour by, in equal-interval classes.

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

    def shades(self) -> np.ndarray:
        """Position of each class on a light-to-dark ramp, in [0, 1]."""
        v = (np.arange(self.classes) + 0.5) / self.classes
        return 1 - v if self.reverse else v

    def labels(self) -> list[str]:
        b = self.breaks()
        return [f"{self.fmt.format(b[i])} – {self.fmt.format(b[i + 1])}"
                for i in range(self.classes)]
