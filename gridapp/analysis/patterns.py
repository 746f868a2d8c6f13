"""分析研判: high-frequency problems, repeat complaints at one place, hotspots, trends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
import shapely

from ..domain.period import Period
from ..store import periods as q

DAY = 86_400


def load_points(store, period: Period) -> pd.DataFrame:
    """Every case reported in the period: id, x, y, class, cell, street, time, source."""
    with store.read() as conn:
        cols = q.case_points(conn, period.start_at, period.end_at)
    df = pd.DataFrame(cols)
    if not len(df):
        return pd.DataFrame({"id": [], "x": [], "y": [], "class_code": [], "cell_code": [],
                             "street_code": [], "reported_at": [], "source": []})
    df["reported_at"] = df.reported_at.astype(np.int64)
    return df


def high_frequency(points: pd.DataFrame, by: str, top: int = 10) -> pd.DataFrame:
    """高频问题: the most frequent classes, places (cell, street), hours or weekdays."""
    if by == "hour":
        key = (points.reported_at % DAY) // 3600
    elif by == "weekday":  # Monday = 0; 1970-01-01 was a Thursday
        key = (points.reported_at // DAY + 3) % 7
    elif by in ("class_code", "cell_code", "street_code", "source"):
        key = points[by]
    else:
        raise ValueError(f"unknown grouping {by!r}")
    counts = key.value_counts()
    counts = counts.sort_index() if by in ("hour", "weekday") else counts.head(top)
    out = counts.rename("cases").to_frame()
    out["share"] = out.cases / max(1, len(points))
    out.index.name = by
    return out


@dataclass(frozen=True)
class RepeatPlace:
    """重复投诉: cases of one class close together in space and time."""

    class_code: str
    x: float
    y: float
    cases: int
    first: int   # seconds
    last: int
    case_ids: tuple[int, ...]
    cell_code: str


def linked_labels(points: pd.DataFrame, radius_m: float, window_days: float) -> np.ndarray:
    """Each point's group (the smallest index in it): points of one class within `radius_m`
    and `window_days` of each other are linked, and links chain (single linkage)."""
    geoms = shapely.points(points.x.to_numpy(float), points.y.to_numpy(float))
    klass = pd.factorize(points.class_code)[0]
    t = points.reported_at.to_numpy(np.int64)
    # a tree per class: only a class's own pairs are tested (a city month: 100,000 of the
    # 450,000 pairs within reach across classes)
    order = np.argsort(klass, kind="stable")
    cuts = np.flatnonzero(np.diff(klass[order])) + 1
    found = []
    for members in np.split(order, cuts):
        if len(members) > 1:
            g = geoms[members]
            i, j = shapely.STRtree(g).query(g, predicate="dwithin", distance=radius_m)
            found.append((members[i], members[j]))
    a = np.concatenate([f[0] for f in found]) if found else np.zeros(0, np.intp)
    b = np.concatenate([f[1] for f in found]) if found else np.zeros(0, np.intp)
    keep = (a < b) & (np.abs(t[a] - t[b]) <= window_days * DAY)
    a, b = a[keep], b[keep]
    label = np.arange(len(points))
    while True:  # connected components by label propagation: clusters are small
        lo = np.minimum(label[a], label[b])
        new = label.copy()
        np.minimum.at(new, a, lo)
        np.minimum.at(new, b, lo)
        new = new[new]
        if np.array_equal(new, label):
            return label
        label = new


def repeat_complaints(points: pd.DataFrame, radius_m: float = 50.0, window_days: float = 30.0,
                      min_cases: int = 3, top: int = 20) -> list[RepeatPlace]:
    """Places where one class was reported `min_cases`+ times, each within `radius_m` and
    `window_days` of another of the group (single linkage), the most repeated first."""
    points = points[points.x.notna() & points.y.notna()]  # 待定位 cases have no place yet
    n = len(points)
    if n == 0:
        return []
    x, y = points.x.to_numpy(float), points.y.to_numpy(float)
    t = points.reported_at.to_numpy(np.int64)
    label = linked_labels(points, radius_m, window_days)
    ids = points.id.to_numpy()
    cells = points.cell_code.to_numpy()
    codes = points.class_code.to_numpy()
    # each group's members in index order, from one stable sort of the labels (not a scan of
    # every label per group: a city month has thousands of groups among 80,000 points)
    order = np.argsort(label, kind="stable")
    firsts = np.flatnonzero(np.r_[True, np.diff(label[order]) != 0])
    roots, sizes = label[order][firsts], np.diff(np.r_[firsts, n])
    lasts = np.maximum.reduceat(t[order], firsts)
    big = sizes >= min_cases
    roots, starts, sizes, lasts = roots[big], firsts[big], sizes[big], lasts[big]
    # the most repeated first, the latest first among equals, the smallest root among those
    # (a stable sort of the groups in root order): only the `top` first are made
    out = []
    for k in np.lexsort((-lasts, -sizes))[:top].tolist():
        members = order[starts[k]:starts[k] + sizes[k]]
        # the most frequent cell, the first in order among equals (as Series.mode gives)
        names, times = np.unique(cells[members], return_counts=True)
        out.append(RepeatPlace(str(codes[roots[k]]), float(x[members].mean()),
                               float(y[members].mean()), int(sizes[k]), int(t[members].min()),
                               int(lasts[k]), tuple(int(i) for i in ids[members]),
                               str(names[np.argmax(times)])))
    return out


def cell_counts(points: pd.DataFrame) -> pd.Series:
    """Cases per grid cell (hotspots as coloured cells)."""
    return points.cell_code[points.cell_code != ""].value_counts()


@dataclass(frozen=True)
class HeatGrid:
    """A kernel-density surface of case points: values[row, col], row 0 at the north."""

    values: np.ndarray
    xmin: float
    ymax: float
    pixel: float


def heat_grid(x: np.ndarray, y: np.ndarray, bounds: tuple[float, float, float, float],
              pixel: float = 50.0, bandwidth: float = 150.0) -> HeatGrid:
    """热力图: points binned to `pixel` metres, smoothed by a Gaussian of `bandwidth` metres."""
    xmin, ymin, xmax, ymax = bounds
    placed = np.isfinite(x) & np.isfinite(y)  # 待定位 cases have no place to heat
    x, y = np.asarray(x, float)[placed], np.asarray(y, float)[placed]
    cols = max(1, int(np.ceil((xmax - xmin) / pixel)))
    rows = max(1, int(np.ceil((ymax - ymin) / pixel)))
    c = np.clip(((x - xmin) / pixel).astype(np.int64), 0, cols - 1)
    r = np.clip(((ymax - y) / pixel).astype(np.int64), 0, rows - 1)
    grid = np.bincount(r * cols + c, minlength=rows * cols).reshape(rows, cols).astype(float)
    sigma = bandwidth / pixel
    half = int(np.ceil(3 * sigma))
    k = np.exp(-0.5 * (np.arange(-half, half + 1) / sigma) ** 2)
    k /= k.sum()
    # separable blur: rows then columns (a 2-D FFT would do no better at these sizes)
    grid = np.apply_along_axis(lambda v: np.convolve(v, k, "same"), 1, grid)
    grid = np.apply_along_axis(lambda v: np.convolve(v, k, "same"), 0, grid)
    return HeatGrid(grid, xmin, ymax, pixel)


def trend(store, period: Period, class_code: str | None = None, level: str | None = None,
          unit: str | None = None, step: str = "month", by: str = "reported_at") -> pd.Series:
    """Cases reported (or registered, closed: `by`) per day, week or month over the period,
    optionally of one class in one unit."""
    column = {"street": "street_code", "community": "community_code", "cell": "cell_code",
              None: None}[level]
    if step == "month" and by in q.INDEXED_TIMES and not class_code and not (column and unit) \
            and period.start_at < period.end_at:
        return _monthly(store, period, by)
    with store.read() as conn:
        rows = q.daily_counts(conn, period.start_at, period.end_at, by, class_code,
                              column, unit)
    days = pd.date_range(period.start_at, period.end_at, freq="D", inclusive="left")
    s = pd.Series(dict(rows), dtype=np.int64)
    s.index = pd.to_datetime(s.index)
    s = s.reindex(days, fill_value=0)
    if step == "day":
        return s
    rule = {"week": "W-MON", "month": "MS"}[step]
    return s.resample(rule, label="left", closed="left").sum()


def _monthly(store, period: Period, by: str) -> pd.Series:
    """trend(store, period, step="month", by=by) of all cases: a count per month read from
    the column's index, the same Series the daily counts resampled give."""
    start, end = pd.Timestamp(period.start_at), pd.Timestamp(period.end_at)
    months = pd.date_range(start.to_period("M").to_timestamp(), end, freq="MS",
                           inclusive="left")
    edges = [start, *months[1:], end]
    with store.read() as conn:
        counts = q.range_counts(conn, [t.to_pydatetime() for t in edges], by)
    return pd.Series(counts, index=months, dtype=np.int64)


def handling_hours(cases: pd.DataFrame, clock) -> np.ndarray:
    """Working hours from dispatch to the fix report of every handled case of a period."""
    sel = cases.handled.to_numpy() & (cases.dispatched_at.to_numpy() > q.NO_TIME) & \
        (cases.rectified_at.to_numpy() > q.NO_TIME)
    a = cases.dispatched_at.to_numpy()[sel]
    b = cases.rectified_at.to_numpy()[sel]
    return clock.between(a, b) / 60.0 if len(a) else np.zeros(0)


def as_datetime(seconds: int) -> datetime:
    return datetime(1970, 1, 1) + pd.Timedelta(seconds=int(seconds)).to_pytimedelta()
