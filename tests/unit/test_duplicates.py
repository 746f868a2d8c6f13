"""The batch's shortcut past the duplicate rule (`may_link`) gives the rule's own answers."""

from datetime import datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gridapp.domain.duplicates import Candidate, DuplicateIndex, DuplicatePolicy, may_link

T0 = datetime(2026, 3, 1, 8)


def reports(seed: int, n: int):
    """Clustered reports of three classes: many pairs within the radius and window, ties on
    distance and time, and points exactly on the radius and on the window's edge."""
    rng = np.random.default_rng(seed)
    hubs = rng.uniform(0, 2000, (12, 2))
    pick = rng.integers(0, len(hubs), n)
    xy = hubs[pick] + rng.choice([0.0, 30.0, 50.0, 80.0], (n, 2)) * rng.choice([-1, 1], (n, 2))
    xy[::7] = rng.uniform(0, 2000, (len(xy[::7]), 2))  # some alone
    hours = rng.choice([0, 24, 48, 72, 73, 200], n) + rng.integers(0, 3, n)
    at = [T0 + timedelta(hours=int(h)) for h in np.sort(hours)]
    classes = rng.choice(["E0102", "E0104", "E0501"], n).tolist()
    return classes, xy[:, 0].tolist(), xy[:, 1].tolist(), at


def linked(classes, xs, ys, at, policy, ask, existing=()):
    """Run the batch loop as the import does; `ask` says which rows may ask the rule."""
    index = DuplicateIndex(policy)
    for cls, cand in existing:
        index.add(cls, cand)
    out = []
    for k, (cls, x, y, t) in enumerate(zip(classes, xs, ys, at, strict=True)):
        original = index.original(cls, x, y, t) if ask[k] else None
        if original is None and ask[k]:
            index.add(cls, Candidate(10_000 + k, f"N{k}", x, y, t))
        out.append(original.case_id if original else None)
    return out


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("policy", [DuplicatePolicy(), DuplicatePolicy(radius_m=30.0,
                                                                       window_hours=24.0),
                                    DuplicatePolicy(radius_m=0.5, window_hours=1.0)])
def test_the_shortcut_links_exactly_what_the_rule_links(seed, policy):
    classes, xs, ys, at = reports(seed, 600)
    open_cases = [("E0102", Candidate(k, f"O{k}", xs[k] + 10, ys[k], at[k] - timedelta(hours=5)))
                  for k in range(0, 600, 40)]
    everyone = [True] * len(xs)
    expected = linked(classes, xs, ys, at, policy, everyone, open_cases)
    codes = {"E0102": 0, "E0104": 1, "E0501": 2}
    near = may_link(np.array([codes[c] for c in classes + [c for c, _ in open_cases]]),
                    np.array(xs + [o.x for _, o in open_cases]),
                    np.array(ys + [o.y for _, o in open_cases]),
                    np.array(at + [o.reported_at for _, o in open_cases],
                             dtype="datetime64[us]"), policy)
    assert 0 < near[:len(xs)].sum() < len(xs)  # the shortcut is taken, and not everywhere
    assert linked(classes, xs, ys, at, policy, near[:len(xs)].tolist(), open_cases) == expected
    assert any(expected)


def test_a_point_alone_in_place_or_time_is_not_asked_about():
    policy = DuplicatePolicy(radius_m=50.0, window_hours=72.0)
    at = np.array([T0, T0 + timedelta(hours=1), T0, T0 + timedelta(hours=200), T0],
                  dtype="datetime64[us]")
    x = np.array([0.0, 49.0, 0.0, 0.0, 500.0])
    y = np.zeros(5)
    codes = np.array([0, 0, 1, 0, 0])  # another class at the same place is no company
    assert may_link(codes, x, y, at, policy).tolist() == [True, True, False, False, False]
    assert may_link(codes[:0], x[:0], y[:0], at[:0], policy).tolist() == []


def test_keys_too_wide_for_int64_leave_every_point_to_the_rule():
    policy = DuplicatePolicy(radius_m=1.0, window_hours=0.0)
    at = np.array([T0, T0 + timedelta(days=3000)], dtype="datetime64[us]")
    near = may_link(np.array([0, 1]), np.array([0.0, 4e7]), np.array([0.0, 4e7]), at, policy)
    assert near.tolist() == [True, True]


def _by_the_rule(classes, xs, ys, at, policy, existing):
    """The domain rule alone, row by row in time order: every open case of the class is a
    candidate (no buckets, no shortcut); a row that repeats none becomes one."""
    from gridapp.domain.duplicates import best_original
    open_cases = {}
    for cls, cand in existing:
        open_cases.setdefault(cls, []).append(cand)
    out = []
    for k, (cls, x, y, t) in enumerate(zip(classes, xs, ys, at, strict=True)):
        original = best_original(x, y, t, open_cases.get(cls, []), policy)
        if original is None:
            open_cases.setdefault(cls, []).append(Candidate(10_000 + k, f"N{k}", x, y, t))
        out.append(original.case_id if original else None)
    return out


_coordinate = st.sampled_from([0.0, 20.0, 49.9, 50.0, 50.05, 100.0, 149.9]) | st.floats(0, 400)
_report = st.tuples(st.sampled_from(["E0102", "E0104"]), _coordinate, _coordinate,
                    st.integers(0, 200) | st.sampled_from([72 * 60, 72 * 60 + 1]))


@settings(max_examples=150, deadline=None)
@given(st.lists(_report, max_size=40), st.lists(_report, max_size=5),
       st.sampled_from([DuplicatePolicy(), DuplicatePolicy(radius_m=30.0, window_hours=1.0),
                        DuplicatePolicy(radius_m=0.5, window_hours=0.0)]))
def test_the_batch_links_what_the_rule_alone_links(reports, earlier, policy):
    """The import's way (the shortcut, then the buckets) against the plain domain rule over
    every open case: the same original for every row, ties on distance and time included."""
    reports = sorted(reports, key=lambda r: r[3])  # the import orders the batch by time
    classes = [r[0] for r in reports]
    xs, ys = [r[1] for r in reports], [r[2] for r in reports]
    at = [T0 + timedelta(minutes=r[3]) for r in reports]
    existing = [(c, Candidate(k, f"O{k}", x, y, T0 - timedelta(minutes=m)))
                for k, (c, x, y, m) in enumerate(earlier)]
    codes = {"E0102": 0, "E0104": 1}
    n = len(reports)
    near = may_link(np.array([codes[c] for c in classes + [c for c, _ in existing]], np.int64),
                    np.array(xs + [o.x for _, o in existing], float),
                    np.array(ys + [o.y for _, o in existing], float),
                    np.array(at + [o.reported_at for _, o in existing], dtype="datetime64[us]"),
                    policy)
    assert linked(classes, xs, ys, at, policy, near[:n].tolist(), existing) == \
        _by_the_rule(classes, xs, ys, at, policy, existing)


def _bucket_neighbours(codes, x, y, at, policy):
    """The shortcut's definition, bucket by bucket: company in any of the 27 buckets around."""
    size = max(policy.radius_m, 1.0) * 1.001
    window = policy.window // timedelta(microseconds=1) + 1
    cell = list(zip(codes.tolist(), np.floor(x / size).astype(int).tolist(),
                    np.floor(y / size).astype(int).tolist(),
                    (at.astype(np.int64) // window).tolist(), strict=True))
    count: dict = {}
    for c in cell:
        count[c] = count.get(c, 0) + 1
    return [sum(count.get((c, gx + dx, gy + dy, gt + dt), 0) for dx in (-1, 0, 1)
                for dy in (-1, 0, 1) for dt in (-1, 0, 1)) > 1 for c, gx, gy, gt in cell]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 400))
def test_the_shortcut_counts_the_27_buckets_around_each_point(seed, n):
    """Runs of keys counted over sorted points answer as every bucket asked one by one."""
    rng = np.random.default_rng(seed)
    policy = DuplicatePolicy(radius_m=50.0, window_hours=72.0)
    x = np.round(rng.uniform(-300, 300, n) / 25) * 25
    y = rng.uniform(-300, 300, n)
    at = (np.datetime64("2026-03-01T08:00") + rng.integers(0, 400, n).astype(
        "timedelta64[h]")).astype("datetime64[us]")
    codes = rng.integers(0, 3, n)
    assert may_link(codes, x, y, at, policy).tolist() == _bucket_neighbours(codes, x, y, at,
                                                                            policy)
