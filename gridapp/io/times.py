"""A column of times as exports write them, read the same way for every row.

Year-first forms (2022-01-02 09:30, 2022/1/2, 2022年1月2日 9时30分, 20220102093000) are
read as they are. Day/month-first forms (02/01/2022) are read only with a time format: the
order is a property of the file, never guessed value by value, and a column where it cannot
be told is refused with both readings. A trailing offset (Z, +08:00, +0800) is honoured and
the time converted into the district's zone; naive times are in the file's zone (the
mapping's time_zone, by default the district's). Times before the store's earliest plausible
date or after now (plus a small skew) are refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
import pandas as pd

from ..domain.times import DEFAULT_ZONE

# problem(index, message, value, expected)
Report = Callable[[int, str, str, str | None], None]

_ZONE = (r"^(?P<body>.*?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*"
         r"(?P<tz>[Zz]|UTC|GMT|[+-]\d{2}:?\d{2})$")
_TIME = (r"(?:(?:\s*[Tt]\s*|\s+|(?<=日))(?P<ap1>上午|下午|AM|PM|am|pm)?\s*"
         r"(?P<H>\d{1,2})\s*[:时]\s*(?P<M>\d{1,2})\s*分?"
         r"(?:\s*:?\s*(?P<S>\d{1,2})(?:[.,](?P<f>\d{1,9}))?\s*秒?)?"
         r"\s*(?P<ap2>AM|PM|am|pm)?)?\s*$")
_YMD = (r"^(?P<y>\d{4})\s*[-/.年]\s*(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?" + _TIME)
_AB = (r"^(?P<a>\d{1,2})\s*[-/.]\s*(?P<b>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})" + _TIME)
_COMPACT = r"^(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})(?:(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?)?$"

EXPECTED = "a date and time such as 2022-01-02 09:30 (or set time_format in the mapping)"


@dataclass
class TimeColumn:
    """Naive times in the district's zone (NaT where a row had a problem or no value)."""

    values: pd.Series
    empty: np.ndarray
    notes: list[str] = field(default_factory=list)

    def datetimes(self) -> list[datetime | None]:
        out = self.values.dt.to_pydatetime().astype(object)
        out[self.values.isna().to_numpy()] = None
        return out.tolist()


def _offset_minutes(tz: pd.Series) -> pd.Series:
    """'+08:00' → 480, 'Z' → 0, missing → NaN."""
    out = pd.Series(np.nan, index=tz.index)
    has = tz.notna()
    t = tz[has].str.upper()
    zero = t.isin(["Z", "UTC", "GMT"])
    out[t[zero].index] = 0.0
    rest = t[~zero].str.replace(":", "", regex=False)
    sign = np.where(rest.str[0] == "-", -1, 1)
    out[rest.index] = sign * (rest.str[1:3].astype(int) * 60 + rest.str[3:5].astype(int))
    return out


def _assemble(parts: pd.DataFrame, year, month, day) -> pd.Series:
    """Datetimes from extracted groups; NaT for dates that do not exist (31 April)."""
    hour = parts["H"].fillna("0").astype(int)
    ap = parts.get("ap1", pd.Series(index=parts.index, dtype=object)).fillna(
        parts.get("ap2", pd.Series(index=parts.index, dtype=object)))
    ap = ap.fillna("").str.upper()
    pm = ap.isin(["PM", "下午"]) & (hour < 12)
    am12 = ap.isin(["AM", "上午"]) & (hour == 12)
    hour = hour + np.where(pm, 12, 0) - np.where(am12, 12, 0)
    frac = parts["f"].fillna("0").str.ljust(6, "0").str[:6].astype(int) \
        if "f" in parts else 0
    frame = pd.DataFrame({"year": year.astype(int), "month": month.astype(int),
                          "day": day.astype(int), "hour": hour,
                          "minute": parts["M"].fillna("0").astype(int),
                          "second": parts["S"].fillna("0").astype(int),
                          "microsecond": frac})
    bad = (frame["month"] < 1) | (frame["month"] > 12) | (frame["day"] < 1) | \
        (frame["day"] > 31) | (frame["hour"] > 23) | (frame["minute"] > 59) | \
        (frame["second"] > 59)
    frame.loc[bad, :] = [2000, 1, 1, 0, 0, 0, 0]  # placeholders, blanked below
    out = pd.to_datetime(frame, errors="coerce")
    out[bad] = pd.NaT
    return out


def _readings(a: int, b: int, y: int, rest: str) -> str:
    first = f"{y}-{b:02d}-{a:02d}{rest}"
    second = f"{y}-{a:02d}-{b:02d}{rest}"
    return f"day first {first} or month first {second}"


def _format_for(sample: str, day_first: bool) -> str:
    sep = next((c for c in sample if c in "/-."), "/")
    date = f"%d{sep}%m{sep}%Y" if day_first else f"%m{sep}%d{sep}%Y"
    if ":" not in sample:
        return date
    return date + (" %H:%M:%S" if sample.count(":") >= 2 else " %H:%M")


def parse_times(texts, problem: Report, column: str, *, time_format: str | None = None,
                file_zone: str | None = None, district_zone: str = DEFAULT_ZONE,
                earliest: datetime | None = None, now: datetime | None = None,
                skew: timedelta = timedelta(minutes=10)) -> TimeColumn:
    """Every row's time in the district's zone; each unreadable, ambiguous or impossible
    value is reported through `problem` (row index, message, value, expected)."""
    s = pd.Series(np.asarray(texts, dtype=object)).fillna("").astype(str).str.strip()
    len(s)
    empty = (s == "").to_numpy()
    notes: list[str] = []
    # only a text ending in Z, UTC, GMT or ±hh[:]mm can carry an offset: the pattern is
    # asked about those alone (asked of a million plain times it takes seconds)
    maybe = (s.str[-1:].isin(["Z", "z"]) | s.str[-3:].isin(["UTC", "GMT"])
             | s.str[-5:-4].isin(["+", "-"]) | s.str[-6:-5].isin(["+", "-"]))
    zoned = s[maybe].str.extract(_ZONE).reindex(s.index)
    has_tz = zoned["tz"].notna()
    body = s.where(~has_tz, zoned["body"])
    result = pd.Series(pd.NaT, index=s.index, dtype="datetime64[us]")
    rest = pd.Series(~empty, index=s.index)      # rows no form has matched yet
    matched = pd.Series(False, index=s.index)    # rows a form matched (NaT: no such date)
    if time_format:
        parsed = pd.to_datetime(body[rest], format=time_format, errors="coerce")
        if getattr(parsed.dt, "tz", None) is not None:  # %z in the format itself
            parsed = parsed.dt.tz_convert(district_zone).dt.tz_localize(None)
        result[rest] = parsed.astype("datetime64[us]")
        rest &= result.isna()
    # year-first forms cannot be misread, with or without a format
    ymd = body[rest].str.extract(_YMD)
    ok = ymd["y"].notna()
    if ok.any():
        g = ymd[ok]
        result[g.index] = _assemble(g, g["y"], g["mo"], g["d"]).astype("datetime64[us]")
        matched[g.index] = True
        rest[g.index] = False
    compact = body[rest].str.extract(_COMPACT)
    okc = compact["y"].notna()
    if okc.any():
        g = compact[okc].copy()
        g["f"] = None
        result[g.index] = _assemble(g, g["y"], g["mo"], g["d"]).astype("datetime64[us]")
        matched[g.index] = True
        rest[g.index] = False
    if not time_format:
        ab = body[rest].str.extract(_AB)
        okab = ab["y"].notna()
        if okab.any():
            if _day_month(ab[okab], s, result, problem, column, notes):
                matched[ab[okab].index] = True
            rest[ab[okab].index] = False  # read, or refused once for the whole column
    for i in np.flatnonzero((matched & result.isna()).to_numpy()):
        problem(int(i), f"{s.iat[i]!r} is not a date that exists", s.iat[i], EXPECTED)
    for i in np.flatnonzero(rest.to_numpy()):
        if time_format:
            problem(int(i), f"cannot read the time {s.iat[i]!r} with the format "
                    f"{time_format!r}", s.iat[i], f"a time written as {time_format}")
        else:
            problem(int(i), f"cannot read the time {s.iat[i]!r}", s.iat[i], EXPECTED)
    # offsets: the file said which zone; convert into the district's
    tz_rows = has_tz & result.notna()
    if tz_rows.any():
        minutes = _offset_minutes(zoned["tz"][tz_rows])
        utc = result[tz_rows] - pd.to_timedelta(minutes, unit="min")
        result[tz_rows] = utc.dt.tz_localize("UTC").dt.tz_convert(district_zone) \
            .dt.tz_localize(None).astype("datetime64[us]")
        notes.append(f"{int(tz_rows.sum()):,} time(s) of {column} carried an offset "
                     f"(Z, +08:00, …) and were converted to {district_zone}")
    naive = ~has_tz & result.notna()
    zone_of_file = file_zone or district_zone
    if zone_of_file != district_zone and naive.any():
        local = result[naive].dt.tz_localize(zone_of_file, ambiguous="NaT",
                                             nonexistent="NaT")
        result[naive] = local.dt.tz_convert(district_zone).dt.tz_localize(None) \
            .astype("datetime64[us]")
        for i in np.flatnonzero((naive & result.isna()).to_numpy()):
            problem(int(i), f"{s.iat[i]} does not exist or happens twice in {zone_of_file} "
                    "(a daylight-saving change)", s.iat[i], "a time with its offset")
        notes.append(f"times of {column} without an offset were read in {zone_of_file} and "
                     f"converted to {district_zone}")
    if earliest is not None:
        early = (result < pd.Timestamp(earliest)).to_numpy()
        for i in np.flatnonzero(early):
            problem(int(i), f"{s.iat[i]} is before {earliest:%Y-%m-%d}, the store's earliest "
                    "plausible date", s.iat[i], f"a time from {earliest:%Y-%m-%d} to now")
        result[early] = pd.NaT
    if now is not None:
        late = (result > pd.Timestamp(now + skew)).to_numpy()
        for i in np.flatnonzero(late):
            problem(int(i), f"{s.iat[i]} is in the future (now is {now:%Y-%m-%d %H:%M})",
                    s.iat[i], "a time no later than now")
        result[late] = pd.NaT
    return TimeColumn(result, empty, notes)


def _day_month(ab: pd.DataFrame, s: pd.Series, result: pd.Series, problem: Report,
               column: str, notes: list[str]) -> bool:
    """Times written a/b/yyyy: read (True) only when no value could be read both ways."""
    a, b = ab["a"].astype(int), ab["b"].astype(int)
    day_first = (a > 12) & (b <= 12)
    month_first = (b > 12) & (a <= 12)
    ambiguous = (a <= 12) & (b <= 12) & (a != b)
    if day_first.any() and month_first.any():
        i, j = day_first.idxmax(), month_first.idxmax()
        problem(int(min(i, j)), f"the column mixes day-first ({s[i]}) and month-first "
                f"({s[j]}) dates; nothing can be read safely", s[min(i, j)],
                "one order in the whole column, named by time_format")
        return False
    if ambiguous.any():
        k = ambiguous.idxmax()
        rest = s[k].split(ab.at[k, "y"], 1)[1].strip()
        rest = f" {rest}" if rest else ""
        hint = ""
        if day_first.any() or month_first.any():
            e = day_first.idxmax() if day_first.any() else month_first.idxmax()
            order = "day" if day_first.any() else "month"
            hint = (f"; rows like {s[e]} suggest {order} first: set time_format = "
                    f"\"{_format_for(s[e], day_first.any())}\" in the mapping if every row "
                    "is written that way")
        else:
            hint = (f"; set time_format = \"{_format_for(s[k], True)}\" (day first) or "
                    f"\"{_format_for(s[k], False)}\" (month first) in the mapping")
        problem(int(k), f"{int(ambiguous.sum()):,} time(s) of the column can be read two "
                f"ways, e.g. {s[k]} = "
                f"{_readings(int(ab.at[k, 'a']), int(ab.at[k, 'b']), int(ab.at[k, 'y']), rest)}"
                + hint, s[k], "a time_format naming the order")
        return False
    first = day_first.any()
    day, month = (a, b) if first else (b, a)
    result[ab.index] = _assemble(ab, ab["y"], month, day).astype("datetime64[us]")
    if day_first.any() or month_first.any():
        notes.append(f"{column}: no value can be read two ways; read "
                     f"{'day' if first else 'month'} first")
    return True
