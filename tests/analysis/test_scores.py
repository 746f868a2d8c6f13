"""Scores of a whole table at once (analysis.assessment.level_scores) against the rule
(LevelScheme.score), row by row, to the last bit."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from gridapp.analysis.assessment import level_scores
from gridapp.domain.assessment import LevelScheme, default_scheme
from gridapp.domain.indicators import COUNTS_BY_LEVEL, Level

SCHEMES = [(lv, ls) for lv, ls in default_scheme().levels.items()] + [
    # float and int weights, a weight of 0, deductions over the cap, a rate the level lacks
    (Level.STREET, LevelScheme({"close_on_time_rate": 60.5, "rework_rate": 20, "sign_rate": 0,
                                "satisfaction_rate": 19.5}, {"overdue": 0.7, "returned": 1},
                               max_deduction=5, basis="due", min_basis=2)),
    (Level.DISPATCHER, LevelScheme({"dispatch_accuracy": 100, "close_on_time_rate": 10})),
]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, len(SCHEMES) - 1), st.integers(0, 2 ** 32 - 1), st.integers(0, 30))
def test_a_tables_scores_are_the_rules_scores_row_by_row(which, seed, rows):
    level, ls = SCHEMES[which]
    counts = list(COUNTS_BY_LEVEL[level])
    rng = np.random.default_rng(seed)
    high = int(rng.choice([2, 10, 1000]))  # small counts give zeros: rates with nothing due
    table = pd.DataFrame(rng.integers(0, high, (rows, len(counts))), columns=counts)
    got = level_scores(ls, table, counts)
    for row, score in zip(table.to_dict("records"), got.tolist(), strict=True):
        want = ls.score(row)
        assert (np.isnan(score) and want is None) or score == want


def _former_score_table(now, before, scheme, level, issued=None):
    """The former score_table (pandas' join and sort_values): the reference."""
    from gridapp.analysis.assessment import _column
    from gridapp.domain.assessment import competition_ranks
    ls = scheme.levels.get(level)
    t = now.copy()
    counts = list(COUNTS_BY_LEVEL[level])

    def scores(table):
        sc = level_scores(ls, table, counts)
        rankable = _column(table, counts, ls.basis) >= ls.min_basis
        ranked = [None if np.isnan(s) or not ok else s
                  for s, ok in zip(sc.tolist(), rankable.tolist(), strict=True)]
        return sc, competition_ranks(ranked)

    sc, rk = scores(t)
    t["score"] = sc
    t["grade"] = [scheme.grade(None if np.isnan(s) else s) for s in sc.tolist()]
    t["rank"] = pd.array(rk, dtype="Int64")
    if issued is not None and "score" in issued.columns and len(issued):
        prev = pd.DataFrame({"prev_score": issued["score"].to_numpy(np.float64),
                             "prev_rank": issued["rank"].astype("Int64").array},
                            index=issued.index)
        t = t.join(prev)
    elif issued is None and before is not None and len(before):
        psc, prk = scores(before)
        prev = pd.DataFrame({"prev_score": psc,
                             "prev_rank": pd.array(prk, dtype="Int64")}, index=before.index)
        t = t.join(prev)
    else:
        t["prev_score"], t["prev_rank"] = np.nan, pd.array([None] * len(t), dtype="Int64")
    t["change"] = t["score"] - t["prev_score"]
    t["rank_change"] = t["prev_rank"] - t["rank"]
    return t.sort_values(["rank", "score"], ascending=[True, False], na_position="last")


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2 ** 32 - 1), st.integers(0, 25), st.integers(0, 25),
       st.sampled_from(["recomputed", "issued", "none", "empty"]),
       st.sampled_from([Level.STREET, Level.DEPARTMENT, Level.DISPATCHER]))
def test_a_scored_table_is_the_former_join_and_sort(seed, rows, prev_rows, source, level):
    """score_table aligns last period by an index lookup and orders by one lexsort: the same
    frame as pandas' join and sort_values gave (ties, unranked and unscored units included)."""
    from gridapp.analysis.assessment import score_table
    scheme = default_scheme()
    counts = list(COUNTS_BY_LEVEL[level])
    rng = np.random.default_rng(seed)
    high = int(rng.choice([2, 4, 50]))  # small counts: equal scores, nothing due, no rank

    def table(n):
        units = rng.choice(np.arange(40), n, replace=False)
        if level is not Level.DEPARTMENT:
            units = np.array([f"4201{u:05d}" for u in units], object)
        t = pd.DataFrame(rng.integers(0, high, (n, len(counts))), columns=counts,
                         index=pd.Index(units, name="unit"))
        t.insert(0, "name", [f"单位{u}" for u in t.index])
        return t
    now, before = table(rows), table(prev_rows)
    issued = None
    if source == "issued":
        issued = _former_score_table(before, None, scheme, level)
    elif source == "empty":
        issued = pd.DataFrame()
    prev = before if source == "recomputed" else None
    pd.testing.assert_frame_equal(score_table(now, prev, scheme, level, issued=issued),
                                  _former_score_table(now, prev, scheme, level, issued=issued))
