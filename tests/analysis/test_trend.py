"""A trend by month counts each month's range on the column's index: the same Series as the
daily counts resampled (the former path), whatever the period's bounds."""

from datetime import date

import pandas as pd
import pytest

from gridapp.analysis.patterns import trend
from gridapp.domain.period import Period


def _resampled_days(store, period: Period, **kw) -> pd.Series:
    days = trend(store, period, step="day", **kw)
    return days.resample("MS", label="left", closed="left").sum()


@pytest.mark.parametrize("bounds", [
    ("2026-01-01", "2027-01-01"),   # a year: whole months
    ("2025-11-01", "2026-11-01"),   # the bulletin's trailing twelve months
    ("2026-10-12", "2026-10-13"),   # one day, inside a month
    ("2026-09-15", "2026-11-20"),   # parts of months at both ends
    ("2026-10-01", "2026-10-30"),   # a month but its last day
    ("2026-10-30", "2026-11-02"),   # across a month's end, past the cases
])
@pytest.mark.parametrize("by", ["reported_at", "registered_at"])
def test_months_by_ranges_equal_the_days_resampled(october, bounds, by):
    store, _ = october
    period = Period("range", date.fromisoformat(bounds[0]), date.fromisoformat(bounds[1]))
    got = trend(store, period, by=by)
    pd.testing.assert_series_equal(got, _resampled_days(store, period, by=by), check_freq=True)
    if bounds[0] <= "2026-10-12" < bounds[1]:
        assert got.sum() > 0  # the October story's cases are counted


def test_a_filtered_or_unindexed_trend_still_counts_days(october):
    store, _ = october
    year = Period.parse("2026-10").trailing_months(12)
    for kw in ({"by": "closed_at"}, {"class_code": "E0102"},
               {"class_code": "E0102", "level": "street", "unit": "420102001"}):
        got = trend(store, year, **kw)
        pd.testing.assert_series_equal(got, _resampled_days(store, year, **kw), check_freq=True)
        assert len(got) == 12
