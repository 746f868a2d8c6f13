"""A thematic map: a value per cell (an indicator) in classes a reader can match to a legend.

Class breaks come from the data (natural breaks by Jenks' method, or quantiles), so a map of
street scores that all lie between 78 and 96 shows five classes there, not two on a fixed
40–100 scale.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

METHODS = ("natural", "quantile", "equal")


@dataclass(frozen=True, eq=False)
class Thematic:
    """Values per cell (NaN = no data), their class edges, and how to write them."""

    values: np.ndarray
    title: str
    edges: np.ndarray            # ascending, len = classes + 1
    fmt: str = "{:.0f}"          # how the legend writes a class bound
    reverse: bool = False        # dark for low values (a rate where low is bad)
    method: str = "natural"

    @classmethod
    def classify(cls, values: np.ndarray, title: str, method: str = "natural",
                 classes: int = 5, fmt: str = "{:.0f}", reverse: bool = False,
                 basis: np.ndarray | None = None) -> Thematic:
        """Classes from the data: `natural` (Jenks), `quantile` or `equal` intervals; fewer
        classes when there are fewer distinct values. `basis`: the units' own values to
        find the breaks in (a street's score once, not once per cell of the street)."""
        v = np.asarray(values, float)
        b = v if basis is None else np.asarray(basis, float)
        ok = b[np.isfinite(b)]
        distinct = np.unique(ok)
        k = max(1, min(classes, len(distinct) - 1)) if len(distinct) > 1 else 1
        if len(distinct) <= 1:
            lo = float(distinct[0]) if len(distinct) else 0.0
            edges = np.array([lo, lo])
        elif method == "quantile":
            edges = np.unique(np.quantile(ok, np.linspace(0, 1, k + 1)))
        elif method == "equal":
            edges = np.linspace(ok.min(), ok.max(), k + 1)
        else:
            import jenkspy
            edges = np.asarray(jenkspy.jenks_breaks(ok.tolist(), n_classes=k), float)
        return cls(v, title, np.asarray(edges, float), fmt, reverse, method)

    @property
    def classes(self) -> int:
        return max(1, len(self.edges) - 1)

    def breaks(self) -> np.ndarray:
        return self.edges

    def class_of(self, values: np.ndarray) -> np.ndarray:
        """Class index per value (0 … classes-1); -1 for no data."""
        k = np.clip(np.searchsorted(self.edges[1:-1], values, "right"), 0, self.classes - 1)
        return np.where(np.isnan(values), -1, k)

    def shades(self) -> np.ndarray:
        """Position of each class on a light-to-dark ramp, in [0, 1]."""
        v = (np.arange(self.classes) + 0.5) / self.classes
        return 1 - v if self.reverse else v

    def labels(self) -> list[str]:
        b = self.edges
        if len(b) == 2 and b[0] == b[1]:
            return [self.fmt.format(b[0])]
        return [f"{self.fmt.format(b[i])} – {self.fmt.format(b[i + 1])}"
                for i in range(self.classes)]
