"""Assessment periods: a day, an ISO week, a month, a quarter, a year or a date range."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .errors import InvalidInput


@dataclass(frozen=True)
class Period:
    """Half-open [start, end) in local dates; `kind` decides what "the previous one" is."""

    kind: str  # day | week | month | quarter | year | range
    start: date
    end: date

    @classmethod
    def parse(cls, text: str) -> Period:
        """`2026-10`, `2026-W43`, `2026-Q3`, `2026`, `2026-10-05`, `2026-10-01..2026-10-15`."""
        t = text.strip()
        try:
            if m := re.fullmatch(r"(\d{4})-(\d{1,2})", t):
                return cls.month(int(m[1]), int(m[2]))
            if m := re.fullmatch(r"(\d{4})-?W(\d{1,2})", t, re.I):
                start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
                return cls("week", start, start + timedelta(days=7))
            if m := re.fullmatch(r"(\d{4})-?Q([1-4])", t, re.I):
                first = cls.month(int(m[1]), 3 * int(m[2]) - 2)
                return cls("quarter", first.start, _add_months(first.start, 3))
            if m := re.fullmatch(r"(\d{4})", t):
                return cls("year", date(int(m[1]), 1, 1), date(int(m[1]) + 1, 1, 1))
            if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})", t):
                a, b = date.fromisoformat(m[1]), date.fromisoformat(m[2])
                if b < a:
                    raise ValueError("the range ends before it starts")
                return cls("range", a, b + timedelta(days=1))
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
                d = date.fromisoformat(t)
                return cls("day", d, d + timedelta(days=1))
        except ValueError as exc:
            raise InvalidInput(f"period {text!r}: {exc}", value=text) from None
        raise InvalidInput(f"period {text!r} is not like 2026-10, 2026-W43, 2026-Q3, 2026, "
                           "2026-10-05 or 2026-10-01..2026-10-15", value=text)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        start = date(year, month, 1)
        return cls("month", start, _add_months(start, 1))

    @classmethod
    def containing(cls, day: date, kind: str = "month") -> Period:
        if kind == "day":
            return cls("day", day, day + timedelta(days=1))
        if kind == "week":
            start = day - timedelta(days=day.weekday())
            return cls("week", start, start + timedelta(days=7))
        return cls.month(day.year, day.month)

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "week":
            y, w, _ = self.start.isocalendar()
            return f"{y}-W{w:02d}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return f"{self.start.year}"
        if self.kind == "day":
            return self.start.isoformat()
        return f"{self.start}..{self.end - timedelta(days=1)}"

    @property
    def label_zh(self) -> str:
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月"
        if self.kind == "quarter":
            return f"{self.start.year}年第{(self.start.month - 1) // 3 + 1}季度"
        if self.kind == "year":
            return f"{self.start.year}年"
        if self.kind == "week":
            y, w, _ = self.start.isocalendar()
            return f"{y}年第{w}周"
        if self.kind == "day":
            return f"{self.start.year}年{self.start.month}月{self.start.day}日"
        last = self.end - timedelta(days=1)
        return f"{self.start:%Y.%m.%d}–{last:%Y.%m.%d}"

    @property
    def start_at(self) -> datetime:
        return datetime.combine(self.start, datetime.min.time())

    @property
    def end_at(self) -> datetime:
        return datetime.combine(self.end, datetime.min.time())

    def cutoff(self, now: datetime) -> datetime:
        """The moment the period is judged at: its end, or now while it is still running."""
        return min(self.end_at, now)

    def previous(self) -> Period:
        if self.kind in ("month", "quarter", "year"):
            months = {"month": 1, "quarter": 3, "year": 12}[self.kind]
            start = _add_months(self.start, -months)
            return Period(self.kind, start, self.start)
        length = self.end - self.start
        return Period(self.kind, self.start - length, self.start)

    def trailing_months(self, n: int = 12) -> Period:
        """The n calendar months up to this period's end, as a range (a trend's window)."""
        first = Period.month(self.start.year, self.start.month)
        for _ in range(n - 1):
            first = first.previous()
        return Period("range", first.start, self.end)

    def months(self) -> list[Period]:
        """The calendar months the period covers (for trends)."""
        out, d = [], date(self.start.year, self.start.month, 1)
        while d < self.end:
            out.append(Period.month(d.year, d.month))
            d = _add_months(d, 1)
        return out


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    return date(k // 12, k % 12 + 1, 1)
