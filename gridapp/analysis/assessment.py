"""Monthly assessment (月度考核): scores, grades, ranks and the change against last period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd

from ..domain.assessment import LevelScheme, Scheme, competition_ranks
from ..domain.indicators import COUNTS_BY_LEVEL, RATE_BY_KEY, Level
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


def score_table(now: pd.DataFrame, before: pd.DataFrame | None, scheme: Scheme,
                level: Level, issued: pd.DataFrame | None = None) -> pd.DataFrame:
    """`now` scored, graded and ranked, beside last period's score and rank: recomputed from
    `before` (last period's indicator table), or as `issued` (its published table).

    The new columns are made as arrays and joined to `now` once, in the final order (a
    column set at a time, and the sorted copy, cost more than the scores: ~60 % of it)."""
    ls = scheme.levels.get(level)
    if ls is None:
        return now.copy()
    counts = list(COUNTS_BY_LEVEL[level])

    def scores(table: pd.DataFrame) -> tuple[np.ndarray, list]:
        sc = level_scores(ls, table, counts)
        rankable = _column(table, counts, ls.basis) >= ls.min_basis
        ranked = [None if np.isnan(s) or not ok else s
                  for s, ok in zip(sc.tolist(), rankable.tolist(), strict=True)]
        return sc, competition_ranks(ranked)

    sc, rk = scores(now)
    rank = pd.array(rk, dtype="Int64")
    grade = [scheme.grade(None if np.isnan(s) else s) for s in sc.tolist()]
    if issued is not None and "score" in issued.columns and len(issued):
        units, psc = issued.index, issued["score"].to_numpy(np.float64)
        prk = issued["rank"].astype("Int64").array
    elif issued is None and before is not None and len(before):
        psc, prk_list = scores(before)
        units, prk = before.index, pd.array(prk_list, dtype="Int64")
    else:
        units = None
    if units is not None:
        # last period's score and rank beside each unit, NaN/NA for a unit it had not (a left
        # join on the unit, by one index lookup: pandas' join cost more than the scores)
        at = units.get_indexer(now.index)
        prev_score = np.where(at >= 0, psc[np.maximum(at, 0)], np.nan)
        prev_rank = prk.take(at, allow_fill=True)
    else:
        prev_score, prev_rank = np.full(len(now), np.nan), pd.array([None] * len(now),
                                                                    dtype="Int64")
    # by rank, then the higher score, unranked and unscored last, in table order among equals
    # (what sort_values(["rank", "score"], ascending=[True, False], na_position="last")
    # gives, by one stable lexsort)
    order = np.lexsort((np.where(np.isnan(sc), np.inf, -sc),
                        rank.to_numpy(np.float64, na_value=np.inf)))
    t = now.take(order)
    added = pd.DataFrame({"score": sc[order], "grade": [grade[i] for i in order.tolist()],
                          "rank": rank.take(order), "prev_score": prev_score[order],
                          "prev_rank": prev_rank.take(order),
                          "change": (sc - prev_score)[order],
                          "rank_change": (prev_rank - rank).take(order)},  # positive: moved up
                         index=t.index)
    return pd.concat([t, added], axis=1)


def _column(table: pd.DataFrame, counts: list[str], key: str) -> np.ndarray:
    """A count of every row as float64 (exact for counts), 0 where the level keeps none."""
    if key in counts:
        return table[key].to_numpy(np.float64)
    return np.zeros(len(table))


def level_scores(ls: LevelScheme, table: pd.DataFrame, counts: list[str]) -> np.ndarray:
    """`ls.score` of every row of an indicator table at once (NaN: no score). The rule stays
    LevelScheme.score; this does its operations in its order on whole columns, so each row's
    float comes out the same (tested against it), at a fraction of a call per row."""
    n = len(table)
    num, den = np.zeros(n), np.zeros(n)
    for key, w in ls.weights.items():
        rate = RATE_BY_KEY[key]
        if w <= 0:
            continue
        d = _column(table, counts, rate.denominator)
        judged = d != 0  # the rate is None and drops out with its weight
        r = _column(table, counts, rate.numerator) / np.where(judged, d, 1)
        num = np.where(judged, num + w * (r if rate.higher_is_better else 1 - r), num)
        den = np.where(judged, den + w, den)
    minus = np.zeros(n)
    for k, d in ls.deductions.items():
        minus = minus + d * _column(table, counts, k)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.maximum(0.0, np.minimum(100.0, 100 * num / den
                                           - np.minimum(ls.max_deduction, minus)))
    return np.where(den == 0, np.nan, score)
