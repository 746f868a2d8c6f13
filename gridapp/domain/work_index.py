"""A work calendar's answers for many times at once: a working-time index per day.

`WorkCalendar` walks day by day and span by span for every deadline; a migration asks it
for every dispatch of 100,000 cases. The index keeps, per day of a window, the working
microseconds before that day, so the working time up to any moment is one look-up plus
the day's periods, and a deadline is a binary search over the days. Everything is counted
in whole microseconds, as `timedelta` counts, so the answers are exactly the calendar's
(tests/unit/test_work_index.py compares them); outside the window, or for times the
index does not take (aware ones), the calendar itself answers.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from datetime import date, datetime, timedelta

from .calendar import WorkCalendar

_US = timedelta(microseconds=1)
_MIDNIGHT = datetime.min.time()
WINDOW_DAYS = 7305  # twenty years either side of the first time asked about


class WorkIndex:
    """`working_minutes_between` and `add_working_minutes` of `calendar`, by look-up."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self.minutes_per_day = calendar.minutes_per_day
        self.periods = [(_us_of_day(s.hour, s.minute, s.second, s.microsecond),
                         _us_of_day(e.hour, e.minute, e.second, e.microsecond))
                        for s, e in calendar.periods]
        self.first = 0                 # ordinal of the window's first day (0: none yet)
        self.before: list[int] = []    # working µs of the window before each day
        self.through: list[int] = []   # … up to the end of each day
        self.working: list[bool] = []
        self.days = 0

    def _lay(self, first: int, last: int) -> None:
        per_day = sum(e - s for s, e in self.periods)
        total = 0
        for ordinal in range(first, last + 1):
            works = self.calendar.is_workday(date.fromordinal(ordinal))
            self.working.append(works)
            self.before.append(total)
            total += per_day if works else 0
            self.through.append(total)
        self.first, self.days = first, len(self.before)

    def _at(self, t: datetime) -> int | None:
        """Working µs of the window before `t` (None: outside it, an aware time or a
        subclass of datetime)."""
        if type(t) is not datetime or t.tzinfo is not None:
            return None
        day = t.toordinal()
        if not self.first:  # the window is laid around the first time asked about
            self._lay(max(1, day - WINDOW_DAYS), min(date.max.toordinal(), day + WINDOW_DAYS))
        k = day - self.first
        if not 0 <= k < self.days:
            return None
        done = self.before[k]
        if self.working[k]:
            tod = ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond
            for s, e in self.periods:
                if tod <= s:
                    break
                done += (tod if tod < e else e) - s
        return done

    def working_minutes_between(self, start: datetime, end: datetime) -> float:
        """As `WorkCalendar.working_minutes_between`."""
        if end < start:
            return -self.working_minutes_between(end, start)
        a, b = self._at(start), self._at(end)
        if a is None or b is None:
            return self.calendar.working_minutes_between(start, end)
        return (b - a) * _US / timedelta(seconds=1) / 60.0  # as total_seconds() / 60.0

    def add_working_minutes(self, start: datetime, minutes: float) -> datetime:
        """As `WorkCalendar.add_working_minutes`."""
        if minutes <= 0:
            return start
        done = self._at(start) if math.isfinite(minutes) else None
        if done is None:
            return self.calendar.add_working_minutes(start, minutes)
        wanted = timedelta(minutes=minutes) // _US
        if not wanted:  # under half a microsecond: the calendar moves `start` into hours
            return self.calendar.add_working_minutes(start, minutes)
        target = done + wanted
        k = bisect_left(self.through, target, start.toordinal() - self.first)
        if k == len(self.through):  # beyond the window: the calendar walks on (or refuses)
            return self.calendar.add_working_minutes(start, minutes)
        left = target - self.before[k]
        for s, e in self.periods:
            if left <= e - s:
                return datetime.combine(date.fromordinal(self.first + k), _MIDNIGHT) \
                    + timedelta(microseconds=s + left)
            left -= e - s
        raise AssertionError("a day's periods hold its working time")  # pragma: no cover


def _us_of_day(hour: int, minute: int, second: int, micro: int) -> int:
    return ((hour * 60 + minute) * 60 + second) * 1_000_000 + micro
