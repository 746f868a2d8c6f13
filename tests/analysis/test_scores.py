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
