"""Duplicate reports: same small class, within a radius, within a time window."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np


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


class DuplicateIndex:
    """Open cases by class in buckets as wide as the radius: a batch's duplicate check.

    Answers with `best_original`, the same rule and tie-break as a single report's check.
    """

    def __init__(self, policy: DuplicatePolicy) -> None:
        self.policy = policy
        self.size = max(policy.radius_m, 1.0)
        # class → (column, row) of the bucket → candidates (a batch asks a million times)
        self.buckets: dict[str, dict[tuple[int, int], list[Candidate]]] = {}

    def add(self, class_code: str, candidate: Candidate) -> None:
        key = (int(candidate.x // self.size), int(candidate.y // self.size))
        self.buckets.setdefault(class_code, {}).setdefault(key, []).append(candidate)

    def original(self, class_code: str, x: float, y: float, at: datetime) -> Candidate | None:
        of_class = self.buckets.get(class_code)
        if not of_class:
            return None
        gx, gy = int(x // self.size), int(y // self.size)
        near: list[Candidate] = []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                bucket = of_class.get((gx + dx, gy + dy))
                if bucket:
                    near.extend(bucket)
        return best_original(x, y, at, near, self.policy) if near else None


def may_link(codes: np.ndarray, x: np.ndarray, y: np.ndarray, at: np.ndarray,
             policy: DuplicatePolicy, tick: Callable[[], None] | None = None) -> np.ndarray:
    """Which points have another point of their class near enough in place and time that the
    rule could pair them (a superset: the rule still decides). Arrays hold the batch first,
    then the open cases it may link to; `codes` are class numbers, `at` datetime64[us].

    A point for which this is False is neither a duplicate nor anyone's original, so a
    batch need not ask `best_original` about it: the buckets are the radius and the window
    (a little wider in space, against rounding), and only the 27 around a point can hold
    one that close. `tick()`, if given, is called between the steps (a caller's progress).
    """
    n = len(codes)
    if n == 0:
        return np.zeros(0, bool)
    size = max(policy.radius_m, 1.0) * 1.001
    window = policy.window // timedelta(microseconds=1) + 1
    grid = [np.floor(x / size).astype(np.int64), np.floor(y / size).astype(np.int64),
            at.astype("datetime64[us]").astype(np.int64) // window]
    widths = []
    for g in grid:  # from 1, so the neighbours at -1 stay in range
        g -= int(g.min()) - 1
        widths.append(int(g.max()) + 2)
    wx, wy, wt = widths
    if wx * wy * wt * (int(codes.max()) + 1) >= 2 ** 62:  # keys would overflow: ask the rule
        return np.ones(n, bool)
    gx, gy, gt = grid
    key = ((codes.astype(np.int64) * wt + gt) * wy + gy) * wx + gx
    # the points sorted by bucket, asked in that order: the three buckets along x around a
    # bucket are one run of keys (gx never wraps), so 9 runs are counted instead of 27
    # buckets, and sorted questions keep each binary search where the last one ended
    order = np.argsort(key, kind="stable")
    keys = key[order]
    near = np.zeros(n, np.int64)
    for dt in (-1, 0, 1):
        for dy in (-1, 0, 1):
            if tick is not None:
                tick()
            base = keys + (dt * wy + dy) * wx
            near += np.searchsorted(keys, base + 1, "right") - np.searchsorted(keys, base - 1)
    out = np.empty(n, bool)
    out[order] = near > 1  # itself is counted once
    return out
