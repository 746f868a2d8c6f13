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
