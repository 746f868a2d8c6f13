"""A column of naive datetimes as the text SQLite keeps (`isoformat(" ", "microseconds")`),
each distinct day and each distinct time of day written once.

A migration writes millions of times; formatting each one costs ~0.7 µs, while a column
holds few distinct days and, at minute precision, at most 1,440 times of day. The column is
taken apart by pandas (microseconds since 1970), the parts formatted once and joined by
numpy's object arrays. Anything else (aware times, dates, subclasses) answers None and is
formatted one value at a time by the caller.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import numpy as np
import pandas as pd

_DAY_US = 86_400_000_000
_EPOCH = date(1970, 1, 1)
SMALL = 256  # below this many values the one-by-one formatting is cheaper


def times_text(values: list[Any]) -> list[str | None] | None:
    """`values` (naive `datetime`s or None) as SQLite text, or None when the column holds
    anything else."""
    if any(type(x) is not datetime and x is not None for x in values):
        return None
    try:
        index = pd.DatetimeIndex(values)
    except (TypeError, ValueError, OverflowError):
        return None
    if index.tz is not None:
        return None
    us = index.as_unit("us").asi8
    missing = np.asarray(index.isna())
    us = np.where(missing, 0, us)
    day, tod = np.divmod(us, _DAY_US)
    days, day_at = np.unique(day, return_inverse=True)
    tods, tod_at = np.unique(tod, return_inverse=True)
    day_text = np.array([(_EPOCH + timedelta(days=int(d))).isoformat() + " " for d in days],
                        object)
    tod_text = np.array([_time(int(t)).isoformat("microseconds") for t in tods], object)
    text = day_text[day_at] + tod_text[tod_at]
    if missing.any():
        text[missing] = None
    out: list[str | None] = text.tolist()
    return out


def _time(us: int) -> time:
    seconds, micro = divmod(us, 1_000_000)
    minutes, second = divmod(seconds, 60)
    hour, minute = divmod(minutes, 60)
    return time(hour, minute, second, micro)
