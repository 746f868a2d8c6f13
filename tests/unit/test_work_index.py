"""The working-time index answers exactly as the work calendar it indexes."""

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gridapp.domain.calendar import WorkCalendar
from gridapp.domain.work_index import WINDOW_DAYS, WorkIndex

_DAYS = st.dates(min_value=date(2024, 12, 1), max_value=date(2025, 3, 31))
_TIMES = st.datetimes(min_value=datetime(2024, 12, 1), max_value=datetime(2025, 3, 31))
# times on and next to the periods' boundaries, where off-by-one answers would show
_EDGES = st.builds(
    lambda d, hm, delta: datetime.combine(d, time(*hm)) + timedelta(microseconds=delta),
    _DAYS, st.sampled_from([(0, 0), (8, 30), (12, 0), (14, 0), (17, 30), (9, 0), (23, 59)]),
    st.sampled_from([0, 0, 0, -1, 1, 59_999_999]))
_MOMENTS = st.one_of(_TIMES, _EDGES)
_MINUTES = st.one_of(st.integers(-5, 20_000), st.floats(-1, 20_000, allow_nan=False),
                     st.sampled_from([210, 420, 630, 1e-9, 0.5e-6, 2e-5]))


@st.composite
def calendars(draw):
    periods = draw(st.sampled_from([
        ((time(8, 30), time(12, 0)), (time(14, 0), time(17, 30))),
        ((time(0, 0), time(23, 59, 59, 999999)),),
        ((time(9, 0), time(9, 1, 0, 1)), (time(13, 15, 30), time(18, 0)))]))
    weekend = draw(st.sampled_from([frozenset({5, 6}), frozenset(), frozenset({6})]))
    holidays = draw(st.frozensets(_DAYS, max_size=20))
    workdays = draw(st.frozensets(_DAYS, max_size=5)) - holidays
    return WorkCalendar(periods, weekend, holidays, workdays)


@settings(max_examples=300, deadline=None)
@given(calendars(), _MOMENTS, _MINUTES)
def test_a_deadline_is_the_calendars(calendar, start, minutes):
    assert WorkIndex(calendar).add_working_minutes(start, minutes) \
        == calendar.add_working_minutes(start, minutes)


@settings(max_examples=300, deadline=None)
@given(calendars(), _MOMENTS, _MOMENTS)
def test_working_minutes_between_are_the_calendars(calendar, start, end):
    assert WorkIndex(calendar).working_minutes_between(start, end) \
        == calendar.working_minutes_between(start, end)


def test_times_outside_the_window_are_the_calendars_to_answer():
    calendar = WorkCalendar(holidays=frozenset({date(2025, 1, 1)}))
    index = WorkIndex(calendar)
    first = datetime(2025, 1, 1, 9)
    assert index.add_working_minutes(first, 60) == calendar.add_working_minutes(first, 60)
    far = first + timedelta(days=WINDOW_DAYS + 10)
    long_ago = first - timedelta(days=WINDOW_DAYS + 10)
    assert index.add_working_minutes(far, 600) == calendar.add_working_minutes(far, 600)
    assert index.working_minutes_between(long_ago, far) \
        == calendar.working_minutes_between(long_ago, far)
    near_end = first + timedelta(days=WINDOW_DAYS - 1)
    assert index.add_working_minutes(near_end, 10_000) \
        == calendar.add_working_minutes(near_end, 10_000)


def test_a_calendar_without_working_days_is_refused_as_the_calendar_refuses():
    never = WorkCalendar(weekend=frozenset(range(7)))
    with pytest.raises(Exception) as expected:
        never.add_working_minutes(datetime(2025, 1, 1), 1)
    with pytest.raises(type(expected.value), match="no working day"):
        WorkIndex(never).add_working_minutes(datetime(2025, 1, 1), 1)
