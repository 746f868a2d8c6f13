"""Periods, the scheme (validation, scoring, grades, ranks) and the working-time clock."""

from datetime import date, datetime, timedelta

import numpy as np
import pytest

from gridapp.analysis.workclock import WorkClock
from gridapp.domain.assessment import LevelScheme, Scheme, competition_ranks, default_scheme
from gridapp.domain.calendar import WorkCalendar
from gridapp.domain.errors import InvalidInput
from gridapp.domain.indicators import RATE_BY_KEY, percent
from gridapp.domain.period import Period


def test_periods_parse_and_step_back():
    oct_ = Period.parse("2026-10")
    assert (oct_.start, oct_.end, oct_.label_zh) == (date(2026, 10, 1), date(2026, 11, 1),
                                                     "2026年10月")
    assert Period.parse("2026-01").previous().label == "2025-12"
    w = Period.parse("2026-W45")
    assert (w.start, w.end, w.previous().label) == (date(2026, 11, 2), date(2026, 11, 9),
                                                   "2026-W44")
    assert Period.parse("2026-Q4").previous() == Period("quarter", date(2026, 7, 1),
                                                        date(2026, 10, 1))
    r = Period.parse("2026-10-01..2026-10-15")
    assert r.end == date(2026, 10, 16) and r.previous().end == date(2026, 10, 1)
    assert oct_.trailing_months(12) == Period("range", date(2025, 11, 1), date(2026, 11, 1))
    assert w.trailing_months(2) == Period("range", date(2026, 10, 1), date(2026, 11, 9))
    assert oct_.cutoff(datetime(2026, 10, 20, 9)) == datetime(2026, 10, 20, 9)
    assert oct_.cutoff(datetime(2027, 1, 1)) == datetime(2026, 11, 1)
    for bad in ("2026-13", "10/2026", "2026-10-15..2026-10-01"):
        with pytest.raises(InvalidInput, match="period"):
            Period.parse(bad)


def test_rates_are_none_when_nothing_was_due():
    rate = RATE_BY_KEY["close_on_time_rate"]
    assert rate.of({"closed_on_time": 737, "due": 972}) == pytest.approx(0.7582, abs=1e-4)
    assert percent(rate.of({"closed_on_time": 737, "due": 972})) == "75.82%"  # published example
    assert rate.of({"closed_on_time": 0, "due": 0}) is None and percent(None) == "—"


def test_score_weights_inverse_rates_deductions_and_missing_rates():
    ls = LevelScheme({"close_on_time_rate": 60, "rework_rate": 20, "satisfaction_rate": 20},
                     {"overdue": 1.0}, max_deduction=5)
    counts = {"closed_on_time": 8, "due": 10, "reworked": 1, "handled": 10, "satisfied": 0,
              "visited": 0, "overdue": 3}
    # satisfaction has nothing to judge: its weight drops out; rework counts as 1 − 10 %
    assert ls.score(counts) == pytest.approx(100 * (60 * 0.8 + 20 * 0.9) / 80 - 3)
    assert ls.score({**counts, "overdue": 50}) == pytest.approx(100 * (60 * 0.8 + 20 * 0.9) / 80 - 5)
    assert ls.score({"due": 0}) is None
    assert ls.rankable({"due": 5}) and not ls.rankable({"due": 4})


def test_scheme_round_trips_and_names_every_mistake():
    s = default_scheme()
    assert Scheme.from_dict(s.to_dict()) == s
    assert (s.grade(95), s.grade(85), s.grade(61), s.grade(10), s.grade(None)) == \
        ("优秀", "良好", "合格", "不合格", "—")
    bad = s.to_dict()
    bad["levels"]["street"]["weights"]["dispatch_accuracy"] = 10
    bad["levels"]["dispatcher"]["deductions"] = {"nonsense": 1}
    bad["levels"]["planet"] = {"weights": {"sign_rate": 1}}
    with pytest.raises(InvalidInput) as e:
        Scheme.from_dict(bad)
    msg = str(e.value)
    assert "street: 'dispatch_accuracy'" in msg and "nonsense" in msg and "planet" in msg


def test_competition_ranking():
    assert competition_ranks([80.0, 90.0, None, 80.0, 70.0]) == [2, 1, None, 2, 4]


def test_work_clock_agrees_with_the_calendar():
    cal = WorkCalendar().with_days(holidays=[date(2026, 10, 1), date(2026, 10, 2)],
                                   workdays=[date(2026, 10, 10)])
    rng = np.random.default_rng(3)
    base = datetime(2026, 9, 25)
    a = [base + timedelta(minutes=int(m)) for m in rng.integers(0, 30 * 1440, 300)]
    b = [t + timedelta(minutes=int(m)) for t, m in zip(a, rng.integers(0, 6 * 1440, 300),
                                                       strict=True)]
    secs = lambda ts: np.array([int((t - datetime(1970, 1, 1)).total_seconds()) for t in ts])  # noqa: E731
    clock = WorkClock.around(cal, np.concatenate([secs(a), secs(b)]))
    got = clock.between(secs(a), secs(b))
    want = [cal.working_minutes_between(x, y) for x, y in zip(a, b, strict=True)]
    assert np.allclose(got, want)
