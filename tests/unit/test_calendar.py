from datetime import date, datetime, time

import pytest

from gridapp.domain.calendar import WorkCalendar, parse_periods
from gridapp.domain.catalog import TimeLimit, TimeUnit
from gridapp.domain.errors import InvalidInput

CAL = WorkCalendar()  # 08:30-12:00, 14:00-17:30, Sat/Sun off: 420 minutes a day


def test_minutes_per_day():
    assert CAL.minutes_per_day == 420


def test_hours_within_a_morning():
    assert CAL.add_working_minutes(datetime(2026, 11, 2, 9, 0), 120) == datetime(2026, 11, 2, 11, 0)


def test_hours_cross_lunch_break():
    # 4 working hours from 10:00 Monday: 2h to noon, then 2h from 14:00.
    assert CAL.add_working_minutes(datetime(2026, 11, 2, 10, 0), 240) == datetime(2026, 11, 2, 16, 0)


def test_report_in_the_evening_waits_for_the_morning():
    assert CAL.add_working_minutes(datetime(2026, 11, 2, 20, 0), 60) == datetime(2026, 11, 3, 9, 30)


def test_weekend_is_skipped():
    # Friday 17:00 + 2 working hours: 30 min Friday, then Monday 08:30 + 90 min.
    assert CAL.add_working_minutes(datetime(2026, 11, 6, 17, 0), 120) == datetime(2026, 11, 9, 10, 0)


def test_working_days_keep_the_clock_time():
    limit = TimeLimit(20, TimeUnit.WORKING_DAYS)
    start = datetime(2026, 11, 2, 10, 0)  # Monday
    # 20 working days = 4 weeks of weekdays.
    assert CAL.add_working_minutes(start, limit.working_minutes(CAL.minutes_per_day)) == \
        datetime(2026, 11, 30, 10, 0)


def test_holidays_and_make_up_workdays():
    cal = WorkCalendar().with_days(
        holidays=[date(2026, 10, d) for d in range(1, 8) if date(2026, 10, d).weekday() < 5],
        workdays=[date(2026, 9, 20), date(2026, 10, 10)])  # National Day 2026, 调休
    # Wednesday 30 Sep 17:00 + 2h: 30 min, then 1-7 Oct off, Sat 10 Oct is a workday.
    assert cal.add_working_minutes(datetime(2026, 9, 30, 17, 0), 120) == datetime(2026, 10, 8, 10, 0)
    assert cal.is_workday(date(2026, 9, 20)) and not cal.is_workday(date(2026, 10, 5))
    # Friday 9 Oct 17:00 + 1h lands on the make-up Saturday.
    assert cal.add_working_minutes(datetime(2026, 10, 9, 17, 0), 60) == datetime(2026, 10, 10, 9, 0)


def test_working_minutes_between_is_the_inverse():
    start = datetime(2026, 11, 6, 15, 12)
    for minutes in (1, 59, 420, 421, 3000):
        end = CAL.add_working_minutes(start, minutes)
        assert CAL.working_minutes_between(start, end) == pytest.approx(minutes)
    assert CAL.working_minutes_between(end, start) == pytest.approx(-3000)


def test_configurable_hours():
    cal = WorkCalendar(parse_periods("09:00-17:00"), frozenset({6}))  # Sunday only off
    assert cal.minutes_per_day == 480
    assert cal.add_working_minutes(datetime(2026, 11, 7, 16, 0), 120) == datetime(2026, 11, 9, 10, 0)


def test_bad_calendars_are_refused():
    with pytest.raises(InvalidInput):
        WorkCalendar(((time(14), time(12)),))
    with pytest.raises(InvalidInput):
        WorkCalendar(((time(8), time(12)), (time(11), time(13))))
    with pytest.raises(InvalidInput):
        parse_periods("8-12")
    with pytest.raises(InvalidInput):
        WorkCalendar(weekend=frozenset(range(7))).add_working_minutes(datetime(2026, 1, 1), 1)


def test_time_limit_parse():
    assert TimeLimit.parse("4h") == TimeLimit(4, TimeUnit.WORKING_HOURS)
    assert TimeLimit.parse("20 工作日") == TimeLimit(20, TimeUnit.WORKING_DAYS)
    assert TimeLimit.parse("0.5d").working_minutes(420) == 210
    with pytest.raises(InvalidInput):
        TimeLimit.parse("soon")
