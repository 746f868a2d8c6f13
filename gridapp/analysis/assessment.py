"""Monthly assessment (月度考核): scores, grades, ranks and the change against last period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd

from ..domain.assessment import Scheme, competition_ranks
from ..domain.indicators import COUNTS_BY_LEVEL, Level
from ..domain.period import Period
from .indicators import PeriodData, indicator_table, load_period


@dataclass
class Assessment:
    """A period judged by one scheme, with the previous period for comparison."""

    period: Period
    scheme_version: int
    scheme: Scheme
    current: PeriodData
    previous: PeriodData

    @classmethod
    def run(cls, store, period: Period, scheme: Scheme, scheme_version: int, now: datetime,
            calendar) -> Assessment:
        load = lambda p: load_period(store, p, now, calendar, scheme.verify_limit_hours)  # noqa: E731
        return cls(period, scheme_version, scheme, load(period), load(period.previous()))

    def table(self, level: Level) -> pd.DataFrame:
        """Indicators with score, grade, rank, and last period's score and rank beside them."""
        return score_table(indicator_table(self.current, level),
                           indicator_table(self.previous, level), self.scheme, level)


def score_table(now: pd.DataFrame, before: pd.DataFrame, scheme: Scheme,
                level: Level) -> pd.DataFrame:
    ls = scheme.levels.get(level)
    t = now.copy()
    if ls is None:
        return t
    counts = list(COUNTS_BY_LEVEL[level])

    def scores(table: pd.DataFrame) -> tuple[list, list]:
        # plain dicts of Python ints, as to_dict("records") gives, at a tenth of its cost
        recs = [dict(zip(counts, row, strict=True))
                for row in table[counts].to_numpy().tolist()]
        sc = [ls.score(r) for r in recs]
        ranked = [s if ls.rankable(r) else None for s, r in zip(sc, recs, strict=True)]
        return sc, competition_ranks(ranked)

    sc, rk = scores(t)
    t["score"] = np.array([np.nan if s is None else s for s in sc], float)
    t["grade"] = [scheme.grade(s) for s in sc]
    t["rank"] = pd.array(rk, dtype="Int64")
    if len(before):
        psc, prk = scores(before)
        prev = pd.DataFrame({"prev_score": [np.nan if s is None else s for s in psc],
                             "prev_rank": pd.array(prk, dtype="Int64")}, index=before.index)
        t = t.join(prev)
    else:
        t["prev_score"], t["prev_rank"] = np.nan, pd.array([None] * len(t), dtype="Int64")
    t["change"] = t["score"] - t["prev_score"]
    t["rank_change"] = t["prev_rank"] - t["rank"]  # positive: moved up
    return t.sort_values(["rank", "score"], ascending=[True, False], na_position="last")
