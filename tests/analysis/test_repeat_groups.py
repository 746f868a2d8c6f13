"""Repeat places: the groups' members found by one sort give what a scan per group gave."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from gridapp.analysis.patterns import DAY, linked_labels, repeat_complaints


def _scan(points, radius_m=50.0, window_days=30.0, min_cases=3):
    """The former grouping, a scan of every label per group (the reference)."""
    label = linked_labels(points, radius_m, window_days)
    sizes = np.bincount(label, minlength=len(points))
    return [(int(r), tuple(np.flatnonzero(label == r).tolist()))
            for r in np.flatnonzero(sizes >= min_cases)]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(5, 300))
def test_groups_by_one_sort_equal_the_scan(seed, n):
    rng = np.random.default_rng(seed)
    points = pd.DataFrame({
        "id": np.arange(1, n + 1), "x": rng.integers(0, 400, n).astype(float),
        "y": rng.integers(0, 400, n).astype(float),
        "class_code": rng.choice(["E0102", "E0201"], n),
        "cell_code": rng.choice(["c1", "c2", "c3"], n),
        "reported_at": rng.integers(0, 60 * DAY, n)})
    got = repeat_complaints(points, top=10**6)
    want = _scan(points)
    ids = points.id.to_numpy()
    assert sorted(r.case_ids for r in got) == sorted(tuple(int(ids[i]) for i in m)
                                                     for _, m in want)
    for r in got:  # the mean of the members in index order, bit for bit
        m = [i - 1 for i in r.case_ids]
        assert r.x == float(points.x.to_numpy()[m].mean())


def _former(points, radius_m=50.0, window_days=30.0, min_cases=3, top=20):
    """The former making of places: every group made, then sorted (the reference)."""
    x, y = points.x.to_numpy(float), points.y.to_numpy(float)
    t = points.reported_at.to_numpy(np.int64)
    cells, codes = points.cell_code.to_numpy(), points.class_code.to_numpy()
    out = []
    for root, members in _scan(points, radius_m, window_days, min_cases):
        m = list(members)
        names, times = np.unique(cells[m], return_counts=True)
        out.append((str(codes[root]), float(x[m].mean()), float(y[m].mean()), len(m),
                    int(t[m].min()), int(t[m].max()),
                    tuple(int(i) for i in points.id.to_numpy()[m]), str(names[np.argmax(times)])))
    out.sort(key=lambda r: (-r[3], -r[5]))
    return out[:top]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(5, 300), st.integers(1, 12))
def test_the_top_places_made_alone_equal_all_made_and_sorted(seed, n, top):
    rng = np.random.default_rng(seed)
    points = pd.DataFrame({  # few places and days: many groups of equal size and last time
        "id": np.arange(1, n + 1), "x": rng.integers(0, 6, n) * 30.0,
        "y": rng.integers(0, 6, n) * 30.0,
        "class_code": rng.choice(["E0102", "E0201", "E0301"], n),
        "cell_code": rng.choice(["c1", "c2", "c3"], n),
        "reported_at": rng.integers(0, 3, n) * 40 * DAY})
    got = [(r.class_code, r.x, r.y, r.cases, r.first, r.last, r.case_ids, r.cell_code)
           for r in repeat_complaints(points, top=top)]
    assert got == _former(points, top=top)
