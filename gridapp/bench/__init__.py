"""Benchmarks: each figure is printed next to a raw floor measured in the same run."""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Figure:
    name: str
    value: float          # rate (per second) or duration (ms)
    unit: str
    floor: float | None = None
    floor_name: str = ""
    target: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.floor:
            return None
        # rates: ours / floor (higher is better); durations: ours / floor (lower is better)
        return self.value / self.floor

    def line(self) -> str:
        r = f"{self.ratio:6.2f}× {self.floor_name} ({self.floor:,.1f} {self.unit})" \
            if self.ratio is not None else ""
        return f"  {self.name:<60} {self.value:>12,.1f} {self.unit:<8} {r}  {self.target}"


@dataclass
class Report:
    title: str
    figures: list[Figure] = field(default_factory=list)

    def add(self, fig: Figure) -> Figure:
        self.figures.append(fig)
        print(fig.line(), flush=True)
        return fig

    def as_dict(self) -> dict:
        return {"title": self.title, "figures": [
            {"name": f.name, "value": f.value, "unit": f.unit, "floor": f.floor,
             "floor_name": f.floor_name, "ratio": f.ratio, "target": f.target}
            for f in self.figures]}


@contextmanager
def timer():
    box = {}
    t = time.perf_counter()
    yield box
    box["s"] = time.perf_counter() - t
