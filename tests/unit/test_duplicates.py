"""The batch's shortcut past the duplicate rule (`may_link`) gives the rule's own answers."""

from datetime import datetime, timedelta

import numpy as np
import pytest

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
