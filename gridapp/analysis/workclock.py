"""Working time for many timestamps at once: the work calendar as a cumulative clock."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from ..domain.calendar import WorkCalendar

DAY = 86_400
_EPOCH = date(1970, 1, 1)


class WorkClock:
    """clock(t) = working minutes from a fixed origin to t; differences are working time."""

    def __init__(self, calendar: WorkCalendar, first_day: date, last_day: date) -> None:
        self.day0 = (first_day - _EPOCH).days
        days = (last_day - first_day).days + 2
        work = np.array([calendar.is_workday(first_day + timedelta(days=i))
                         for i in range(days)], bool)
        self.work = work
        self.start_of_day = np.concatenate([[0.0], np.cumsum(work * calendar.minutes_per_day)])
        self.spans = np.array([(s.hour * 60 + s.minute, e.hour * 60 + e.minute)
                               for s, e in calendar.periods], float)

    @classmethod
    def around(cls, calendar: WorkCalendar, seconds: np.ndarray) -> WorkClock:
        real = seconds[seconds > -(2 ** 61)]
        if not len(real):
            return cls(calendar, date.today(), date.today())
        lo, hi = int(real.min()) // DAY, int(real.max()) // DAY
        return cls(calendar, _EPOCH + timedelta(days=lo), _EPOCH + timedelta(days=hi))

    def minutes(self, seconds: np.ndarray) -> np.ndarray:
        """Working minutes since the origin at each time (int64 seconds, local wall time)."""
        seconds = np.asarray(seconds, np.int64)
        day = np.clip(seconds // DAY - self.day0, 0, len(self.work) - 1)
        minute = (seconds % DAY) / 60.0
        within = np.zeros(len(seconds))
        for s, e in self.spans:
            within += np.clip(minute - s, 0, e - s)
        return self.start_of_day[day] + np.where(self.work[day], within, 0.0)

    def between(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        return self.minutes(end) - self.minutes(start)
