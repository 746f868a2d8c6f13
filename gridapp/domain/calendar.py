"""Work calendar: deadlines in working time over weekends, holidays and make-up days (调休)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from .errors import InvalidInput

_DAY = timedelta(days=1)
_MAX_DAYS = 3660  # a deadline ten years away means the calendar has no working days


def _minute(t: time) -> int:
    return t.hour * 60 + t.minute


@dataclass(frozen=True)
class WorkCalendar:
    """Working periods per day, the weekend, public holidays and make-up workdays."""

    periods: tuple[tuple[time, time], ...] = ((time(8, 30), time(12, 0)), (time(14, 0), time(17, 30)))
    weekend: frozenset[int] = frozenset({5, 6})          # Monday = 0
    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)  # 调休: weekend days worked

    def __post_init__(self) -> None:
        last = -1
        for start, end in self.periods:
            if not _minute(start) < _minute(end) or _minute(start) < last:
                raise InvalidInput("working periods must be increasing and non-overlapping: "
                                   + ", ".join(f"{s:%H:%M}-{e:%H:%M}" for s, e in self.periods))
            last = _minute(end)
        if not self.periods:
            raise InvalidInput("a work calendar needs at least one working period")
        overlap = self.holidays & self.workdays
        if overlap:
            raise InvalidInput(f"{min(overlap)} is both a holiday and a make-up workday")

    @property
    def minutes_per_day(self) -> int:
        return sum(_minute(e) - _minute(s) for s, e in self.periods)

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() not in self.weekend

    def _spans(self, day: date) -> Iterable[tuple[datetime, datetime]]:
        if self.is_workday(day):
            for start, end in self.periods:
                yield datetime.combine(day, start), datetime.combine(day, end)

    def add_working_minutes(self, start: datetime, minutes: float) -> datetime:
        """The moment `minutes` of working time after `start` (start outside hours waits)."""
        if minutes <= 0:
            return start
        remaining = timedelta(minutes=minutes)
        day = start.date()
        for _ in range(_MAX_DAYS):
            for span_start, span_end in self._spans(day):
                begin = max(start, span_start)
                if begin >= span_end:
                    continue
                available = span_end - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
            day += _DAY
        raise InvalidInput("the work calendar has no working day within ten years")

    def working_minutes_between(self, start: datetime, end: datetime) -> float:
        """Working minutes from `start` to `end` (negative if `end` is earlier)."""
        if end < start:
            return -self.working_minutes_between(end, start)
        total = timedelta()
        day = start.date()
        while day <= end.date():
            for span_start, span_end in self._spans(day):
                begin, finish = max(start, span_start), min(end, span_end)
                if finish > begin:
                    total += finish - begin
            day += _DAY
        return total.total_seconds() / 60.0

    def with_days(self, holidays: Iterable[date] = (), workdays: Iterable[date] = ()) -> WorkCalendar:
        """A copy with extra holidays and make-up workdays."""
        return WorkCalendar(self.periods, self.weekend, self.holidays | frozenset(holidays),
                            self.workdays | frozenset(workdays))


def parse_periods(text: str) -> tuple[tuple[time, time], ...]:
    """Parse '08:30-12:00,14:00-17:30'."""
    periods = []
    for part in text.split(","):
        try:
            a, b = part.strip().split("-")
            periods.append((time.fromisoformat(a.strip()), time.fromisoformat(b.strip())))
        except ValueError:
            raise InvalidInput(f"working period {part.strip()!r}: expected HH:MM-HH:MM",
                               value=part) from None
    return tuple(periods)
