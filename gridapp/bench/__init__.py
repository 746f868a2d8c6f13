"""Benchmarks: each figure is printed next to a raw floor measured in the same run.

Every figure carries the machine's load average when it was taken (these machines are
shared); `compare` prints the change of each figure against an earlier run's JSON.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

RATES = {"rows/s", "/s", "cases/s"}  # higher is better; every other unit is a duration


def load_average() -> tuple[float, float, float]:
    try:
        return os.getloadavg()
    except OSError:  # not on every platform
        return (0.0, 0.0, 0.0)


@dataclass
class Figure:
    name: str
    value: float          # rate (per second) or duration (ms)
    unit: str
    floor: float | None = None
    floor_name: str = ""
    target: str = ""
    load: tuple[float, float, float] = field(default_factory=load_average)

    @property
    def ratio(self) -> float | None:
        if not self.floor:
            return None
        # rates: ours / floor (higher is better); durations: ours / floor (lower is better)
        return self.value / self.floor

    @property
    def suspicious(self) -> bool:
        """A ratio this far from 1 says the floor does other work than the figure."""
        return self.ratio is not None and not 0.1 <= self.ratio <= 10

    def line(self) -> str:
        r = f"{self.ratio:6.2f}× {self.floor_name} ({self.floor:,.1f} {self.unit})" \
            if self.ratio is not None else ""
        warn = "  (ratio outside 0.1–10: floor or code wrong)" if self.suspicious else ""
        return (f"  {self.name:<60} {self.value:>12,.1f} {self.unit:<8} {r}  {self.target}"
                f"  [load {self.load[0]:.2f}]{warn}")


@dataclass
class Report:
    title: str
    figures: list[Figure] = field(default_factory=list)

    def __post_init__(self) -> None:
        one, five, fifteen = load_average()
        print(f"  load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores",
              flush=True)

    def add(self, fig: Figure) -> Figure:
        self.figures.append(fig)
        print(fig.line(), flush=True)
        return fig

    def as_dict(self) -> dict:
        return {"title": self.title, "figures": [
            {"name": f.name, "value": f.value, "unit": f.unit, "floor": f.floor,
             "floor_name": f.floor_name, "ratio": f.ratio, "target": f.target,
             "load": list(f.load)}
            for f in self.figures]}


def compare(previous: list[dict], current: list[dict]) -> list[str]:
    """One line per figure found in both runs: old → new, and whether that is better."""
    old = {f["name"]: f for rep in previous for f in rep.get("figures", [])}
    lines = []
    for rep in current:
        for f in rep["figures"]:
            p = old.get(f["name"])
            if p is None or not p.get("value"):
                continue
            change = f["value"] / p["value"] - 1
            better = change > 0 if f["unit"] in RATES else change < 0
            verdict = "better" if better else "worse" if abs(change) > 0.005 else "same"
            ratio = ""
            if p.get("ratio") is not None and f.get("ratio") is not None:
                ratio = f"; ratio {p['ratio']:.2f}× → {f['ratio']:.2f}×"
            lines.append(f"  {f['name']:<60} {p['value']:>12,.1f} → {f['value']:>12,.1f} "
                         f"{f['unit']:<6} {change:+7.1%} {verdict}{ratio} "
                         f"[load {_load(p)} → {_load(f)}]")
    return lines


def _load(fig: dict) -> str:
    load = fig.get("load")
    return f"{load[0]:.2f}" if load else "?"


@contextmanager
def timer():
    box = {}
    t = time.perf_counter()
    yield box
    box["s"] = time.perf_counter() - t
