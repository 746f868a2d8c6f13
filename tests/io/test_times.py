"""A time column is read one way for every row: no per-value guessing, zones honoured,
impossible times refused with row and value."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gridapp.domain.errors import InvalidInput
from gridapp.domain.settings import Settings
from gridapp.domain.times import check_plausible, iso_with_offset, to_district
from gridapp.io.times import parse_times

NOW = datetime(2026, 11, 20, 12, 0)


def read(values, **kw):
    problems = []
    col = parse_times(values, lambda i, m, v, e: problems.append((i, m, v, e)), "受理时间", **kw)
    return [None if v is None else v for v in col.datetimes()], problems, col.notes


def test_year_first_forms_read_as_written():
    got, problems, _ = read(["2026-11-02 09:30", "2026/11/2 9:05:07", "2026年11月2日 9时30分",
                             "20261102093000", "2026-11-02", "2026.11.02 21:00",
                             "2026-11-2 下午3:30", "2026-11-02 3:30 PM"])
    assert problems == []
    assert got == [datetime(2026, 11, 2, 9, 30), datetime(2026, 11, 2, 9, 5, 7),
                   datetime(2026, 11, 2, 9, 30), datetime(2026, 11, 2, 9, 30),
                   datetime(2026, 11, 2), datetime(2026, 11, 2, 21, 0),
                   datetime(2026, 11, 2, 15, 30), datetime(2026, 11, 2, 15, 30)]


def test_ambiguous_day_month_is_refused_with_both_readings_never_guessed():
    got, problems, _ = read(["02/11/2026 09:30", "03/11/2026 10:00", "05/11/2026 11:15"])
    assert got == [None, None, None]
    assert len(problems) == 1  # one line for the column, naming the first such row
    i, message, value, expected = problems[0]
    assert i == 0 and value == "02/11/2026 09:30"
    assert "day first 2026-11-02 09:30 or month first 2026-02-11 09:30" in message
    assert '"%d/%m/%Y %H:%M" (day first) or "%m/%d/%Y %H:%M" (month first)' in message


def test_rows_that_show_the_order_make_a_suggestion_but_no_guess():
    got, problems, _ = read(["02/11/2026 09:30", "13/11/2026 10:00"])
    assert got == [None, None]
    assert 'suggest day first: set time_format = "%d/%m/%Y %H:%M"' in problems[0][1]


def test_a_column_that_can_be_read_only_one_way_is_read_so():
    got, problems, notes = read(["13/11/2026 09:30", "25/11/2026 10:00", "05/05/2026"])
    assert problems == [] and got[0] == datetime(2026, 11, 13, 9, 30)
    assert got[2] == datetime(2026, 5, 5)
    assert "read day first" in notes[0]


def test_mixed_orders_are_refused():
    _, problems, _ = read(["13/11/2026 09:30", "11/25/2026 10:00"])
    assert len(problems) == 1 and "mixes day-first" in problems[0][1]


def test_a_format_decides_the_order_and_unambiguous_forms_still_read():
    got, problems, _ = read(["02/11/2026 09:30", "2026-11-02T09:30:00+08:00", "x"],
                            time_format="%d/%m/%Y %H:%M")
    assert got[:2] == [datetime(2026, 11, 2, 9, 30)] * 2
    assert problems == [(2, "cannot read the time 'x' with the format '%d/%m/%Y %H:%M'", "x",
                         "a time written as %d/%m/%Y %H:%M")]


def test_offsets_among_plain_times_are_converted_to_the_district_zone_not_a_crash():
    got, problems, notes = read(["2026-11-03 09:30", "2026-11-03T01:30:00Z",
                                 "2026-11-03 09:45:00+08:00", "2026-11-03T10:00:00+0800",
                                 "2026-11-03T03:00:00-05:00"])
    assert problems == []
    assert got == [datetime(2026, 11, 3, 9, 30), datetime(2026, 11, 3, 9, 30),
                   datetime(2026, 11, 3, 9, 45), datetime(2026, 11, 3, 10, 0),
                   datetime(2026, 11, 3, 16, 0)]
    assert "4 time(s) of 受理时间 carried an offset" in notes[0]


def test_naive_times_in_another_zone_are_converted():
    got, _, notes = read(["2026-11-03 01:30"], file_zone="UTC")
    assert got == [datetime(2026, 11, 3, 9, 30)] and "read in UTC" in notes[0]


def test_impossible_times_are_refused_with_row_and_value():
    got, problems, _ = read(["1900-01-01 00:00", "2035-06-01 08:00", "2026-02-30 10:00",
                             "明天上午", "2026-11-20 12:05"],
                            earliest=datetime(2000, 1, 1), now=NOW, skew=timedelta(minutes=10))
    assert got == [None, None, None, None, datetime(2026, 11, 20, 12, 5)]  # within the skew
    assert [p[0] for p in problems] == [2, 3, 0, 1]
    text = {p[0]: p[1] for p in problems}
    assert "before 2000-01-01, the store's earliest plausible date" in text[0]
    assert "in the future (now is 2026-11-20 12:00)" in text[1]
    assert "is not a date that exists" in text[2]
    assert "cannot read the time '明天上午'" in text[3]


def test_district_zone_helpers_and_settings():
    assert to_district(datetime.fromisoformat("2026-11-03T01:30:00+00:00"), "Asia/Shanghai") \
        == datetime(2026, 11, 3, 9, 30)
    # the zone's own offset, whatever the workstation's clock says
    assert iso_with_offset(datetime(2026, 11, 3, 9, 30), "Asia/Shanghai") == \
        "2026-11-03T09:30:00+08:00"
    assert iso_with_offset(datetime(2026, 7, 3, 9, 30), "Europe/Berlin").endswith("+02:00")
    s = Settings()
    with pytest.raises(InvalidInput, match="in the future"):
        check_plausible(datetime(2027, 1, 1), s.earliest, NOW, s.future_skew, "--at")
    with pytest.raises(InvalidInput, match="time_zone must be an IANA time zone.*'Mars/Base'"):
        Settings(time_zone="Mars/Base")
    with pytest.raises(InvalidInput, match="earliest_plausible must be a date.*'soon'"):
        Settings(earliest_plausible="soon")


_PIECE = st.sampled_from(["2025-01-01", " ", "T", "08:00", ":30", ".5", "Z", "z", "UTC", "GMT",
                          "+08:00", "-0500", "+8", "08", "-", "+", "年", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECE, max_size=6).map("".join), max_size=20))
def test_offsets_are_looked_for_only_where_a_text_can_end_in_one(texts):
    """Asking the offset pattern only of texts ending in Z, UTC, GMT or ±hh[:]mm finds what
    asking it of every text finds."""
    import pandas as pd

    from gridapp.io.times import _ZONE
    s = pd.Series(texts, dtype=object)
    maybe = (s.str[-1:].isin(["Z", "z"]) | s.str[-3:].isin(["UTC", "GMT"])
             | s.str[-5:-4].isin(["+", "-"]) | s.str[-6:-5].isin(["+", "-"]))
    everywhere = s.str.extract(_ZONE)
    assert everywhere["tz"].notna().sum() == everywhere["tz"][maybe].notna().sum()
    assert s[maybe].str.extract(_ZONE).reindex(s.index).equals(everywhere) or not len(s)
