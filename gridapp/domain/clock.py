"""Honest time: actions are stamped by the store's clock; only a migration writes the past.

A clock is any callable returning the district's local time (naive, to the second). The
store's clock is the database server's on PostGIS and the store process's on SQLite; a
simulation (the demo) or a test holds a `SettableClock` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from . import times
from .errors import InvalidInput

Clock = Callable[[], datetime]

SKEW = timedelta(minutes=10)  # how far ahead of the store's clock a time may still be
DEFAULT_ZONE = times.DEFAULT_ZONE
EARLIEST = date(2000, 1, 1)   # before digital city management existed anywhere


def wall_clock(zone: str = DEFAULT_ZONE) -> datetime:
    """Now in the district's time zone, whatever zone this computer is set to."""
    return datetime.now(ZoneInfo(zone)).replace(tzinfo=None, microsecond=0)


class SettableClock:
    """A clock that says what it was last set to (simulations, tests)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at

    def advance(self, **delta: float) -> datetime:
        self.at += timedelta(**delta)
        return self.at


@dataclass(frozen=True, slots=True)
class History:
    """An event brought in by a history migration: which file and row, which admin ran it."""

    source: str
    row: int | None
    by: str

    def as_data(self) -> dict[str, str | int | None]:
        return {"source": self.source, "row": self.row, "by": self.by}


def check_plausible(at: datetime, now: datetime, earliest: date | datetime = EARLIEST,
                    what: str = "time", skew: timedelta = SKEW) -> None:
    """Refuse a time before the store's earliest plausible date or after now (+ skew)."""
    first = earliest if isinstance(earliest, datetime) else datetime.combine(earliest, time())
    times.check_plausible(at, first, now, skew, what)


def check_order(at: datetime, last: datetime | None, number: str | None) -> None:
    """An event never comes before the case's previous one (replay checks the same)."""
    if last is not None and at < last:
        raise InvalidInput(f"case {number}: {at:%Y-%m-%d %H:%M:%S} is earlier than its last "
                           f"event ({last:%Y-%m-%d %H:%M:%S}); times never go backwards (is "
                           "this computer's clock right?)", case=number, why="clock_backwards")
