"""Duplicate reports: same small class, within a radius, within a time window."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class DuplicatePolicy:
    enabled: bool = True
    radius_m: float = 50.0
    window_hours: float = 72.0
    auto_link: bool = True  # link to the original at once; else leave it to the acceptor

    @property
    def window(self) -> timedelta:
        return timedelta(hours=self.window_hours)


@dataclass(frozen=True, slots=True)
class Candidate:
    case_id: int
    number: str
    x: float
    y: float
    reported_at: datetime


def best_original(x: float, y: float, at: datetime, candidates: Iterable[Candidate],
                  policy: DuplicatePolicy) -> Candidate | None:
    """The nearest earlier open case within the policy's radius and window, if any."""
    if not policy.enabled:
        return None
    best, best_d = None, math.inf
    for c in candidates:
        if not (at - policy.window <= c.reported_at <= at):
            continue
        d = math.hypot(c.x - x, c.y - y)
        if d <= policy.radius_m and (d, c.reported_at) < (best_d, best.reported_at if best else at):
            best, best_d = c, d
    return best
