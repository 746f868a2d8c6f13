"""The column-wise time text is the text `sqlite_time` writes, value for value."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gridapp.store.bulk import _times_as_text, sqlite_time
from gridapp.store.timetext import SMALL, times_text

_TIMES = st.one_of(st.none(), st.datetimes(min_value=datetime(1, 1, 1),
                                           max_value=datetime(9999, 12, 31, 23, 59, 59, 999999)))


@settings(max_examples=200, deadline=None)
@given(st.lists(_TIMES, min_size=1, max_size=50))
def test_each_time_is_written_as_sqlite_time_writes_it(values):
    column = values * (SMALL // len(values) + 1)  # long enough for the column-wise path
    assert times_text(column) == [sqlite_time(v) for v in column]
    if any(v is not None for v in column):
        assert _times_as_text(column) == [sqlite_time(v) for v in column]


def test_minute_times_of_a_migration_repeat_days_and_times_of_day():
    start = datetime(2024, 12, 30, 8, 30)
    column = [start + timedelta(minutes=7 * k) for k in range(5000)] + [None]
    assert times_text(column) == [sqlite_time(v) for v in column]


def test_anything_but_naive_datetimes_is_left_to_the_one_by_one_path():
    aware = [datetime(2025, 1, 1, tzinfo=UTC)] * SMALL
    days = [date(2025, 1, 1)] * SMALL
    mixed = [datetime(2025, 1, 1)] * SMALL + [date(2025, 1, 2)]
    half = [datetime(2025, 1, 1)] * SMALL + aware
    for column in (aware, days, mixed, half):
        assert times_text(column) is None
        assert _times_as_text(column) == [sqlite_time(v) for v in column]
