"""Indicators on a hand-computed October: every count and rate checked against the story."""

import dataclasses
from datetime import datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from october import NOW, OCT

from gridapp.analysis.assessment import Assessment
from gridapp.analysis.indicators import FLAGS, _sum_by, indicator_table, load_period, totals
from gridapp.domain.assessment import default_scheme
from gridapp.domain.indicators import COUNTS_BY_LEVEL, Level
from gridapp.domain.period import Period
from gridapp.store import periods as q


def test_district_totals_match_the_hand_count(october):
    store, cal = october
    t = totals(load_period(store, OCT, NOW, cal))
    expect = {"reported": 6, "registered": 5, "dispatched": 5, "signed": 4, "handled": 3,
              "handled_on_time": 2, "due": 4, "closed": 3, "closed_on_time": 2, "reworked": 1,
              "returned": 1, "overdue": 1, "hotline": 1, "replied": 1, "visited": 1,
              "satisfied": 1, "dispatches": 6, "accurate_dispatches": 5, "returns": 1}
    assert {k: t[k] for k in expect} == expect
    assert t["sign_rate"] == pytest.approx(4 / 5)
    assert t["handle_rate"] == pytest.approx(3 / 4)
    assert t["handle_on_time_rate"] == pytest.approx(2 / 4)
    assert t["close_rate"] == pytest.approx(3 / 4)
    assert t["close_on_time_rate"] == pytest.approx(2 / 4)
    assert t["rework_rate"] == pytest.approx(1 / 3)
    assert t["dispatch_accuracy"] == pytest.approx(5 / 6)
    assert t["satisfaction_rate"] == 1.0


def test_units_at_every_level(october):
    store, cal = october
    d = load_period(store, OCT, NOW, cal)
    streets = indicator_table(d, Level.STREET)
    s1, s2 = streets.loc["420102001"], streets.loc["420102002"]
    assert s1["name"] == "一元街"
    assert (s1.registered, s1.due, s1.closed, s1.closed_on_time) == (3, 3, 3, 2)
    assert s1.close_on_time_rate == pytest.approx(2 / 3)
    assert (s2.reported, s2.registered, s2.due, s2.closed, s2.overdue) == (3, 2, 1, 0, 1)
    assert s2.close_rate == 0.0
    depts = indicator_table(d, Level.DEPARTMENT)
    with store.uow(write=False) as uow:
        san = uow.people.department_by_code("sanitation").id
        mun = uow.people.department_by_code("municipal").id
        w1, w2 = (uow.people.by_username(n).id for n in ("worker1", "worker2"))
        disp = uow.people.by_username("dispatcher").id
    assert (depts.loc[san].dispatched, depts.loc[san].returns) == (4, 1)  # A, B, E, F
    assert (depts.loc[mun].dispatched, depts.loc[mun].overdue) == (1, 1)  # C
    workers = indicator_table(d, Level.GRID_WORKER)
    assert (workers.loc[w1].reports, workers.loc[w1].judged_reports,
            workers.loc[w1].valid_reports) == (4, 4, 3)
    assert workers.loc[w1].valid_report_rate == pytest.approx(3 / 4)
    # worker2: A 1.5 h, F fail 0.5 h, F pass 0.5 h, G 8.5 h after a September fix
    assert (workers.loc[w2].verifications, workers.loc[w2].verified_on_time) == (4, 3)
    assert (workers.loc[w1].verifications, workers.loc[w1].verified_on_time) == (1, 0)
    dispatchers = indicator_table(d, Level.DISPATCHER)
    assert dispatchers.loc[disp].dispatch_accuracy == pytest.approx(5 / 6)


def test_a_case_counts_in_the_month_it_was_registered(october):
    store, cal = october
    sep = totals(load_period(store, Period.parse("2026-09"), NOW, cal))
    # G was fixed in September but closed in October: due, handled, not closed by 30 Sep
    assert (sep["registered"], sep["handled"], sep["due"], sep["closed"]) == (1, 1, 1, 0)


def test_assessment_scores_ranks_and_change(october):
    store, cal = october
    a = Assessment.run(store, OCT, default_scheme(), 0, NOW, cal)
    t = a.table(Level.STREET)
    s1 = t.loc["420102001"]
    # 40·2/3 + 20·1 + 20·2/3 + 10·(1−1/3) + 10·1 = 76.67; no overdue case to deduct
    assert s1.score == pytest.approx(100 * (40 * 2 / 3 + 20 + 20 * 2 / 3 + 10 * 2 / 3 + 10) / 100)
    assert s1["grade"] == "合格"
    assert pd_na(s1["rank"])  # 3 cases due: below the 5 needed for a rank
    assert s1.prev_score == pytest.approx(100 * (40 * 0 + 20 * 0 + 20 * 1 + 10 * 1) / 90)


def pd_na(v) -> bool:
    return v is None or str(v) == "<NA>"


# --- the fast paths against the plain ones -------------------------------------------------

def test_columns_read_as_one_string_each_hold_the_rows_values(october):
    """On SQLite a period's cases and acts come as one group_concat string per column: the
    same values, in the same order, as fetching the rows (PostgreSQL fetches rows anyway)."""
    store, _ = october
    with store.read() as conn:
        for s, e in ((OCT.start_at, OCT.end_at), (datetime(2026, 9, 1), OCT.end_at),
                     (datetime(2030, 1, 1), datetime(2030, 2, 1))):  # and a month of nothing
            fast, rows = q.period_cases(conn, s, e), q.period_cases(conn, s, e, columnar=False)
            assert fast.keys() == rows.keys()
            for k in fast:
                assert list(fast[k]) == list(rows[k]), k
            for action in ("report", "dispatch", "return", "verify_pass", "verify_fail",
                           "rectify"):
                np.testing.assert_array_equal(q.events(conn, action, s, e),
                                              q.events(conn, action, s, e, columnar=False))
    assert q.NO_TIME in fast_times(store)  # NULL times (not replied, not visited) came through


def fast_times(store) -> set[int]:
    with store.read() as conn:
        cols = q.period_cases(conn, OCT.start_at, OCT.end_at)
    return {int(v) for n in q.TIME_COLS for v in cols[n]}


@pytest.mark.parametrize("level", list(Level))
def test_tables_are_the_group_by_of_the_flags(october, level):
    """The tables sum the per-case flags with numpy: the same as pandas' group-by over the
    frame's flag columns, and the same when there is no flag matrix (a PeriodData by hand)."""
    store, cal = october
    d = load_period(store, OCT, NOW, cal)
    t = indicator_table(d, level)
    pd.testing.assert_frame_equal(t, indicator_table(dataclasses.replace(d, flags=None), level))
    key = {Level.STREET: "street_code", Level.COMMUNITY: "community_code",
           Level.CELL: "cell_code", Level.DEPARTMENT: "last_department_id",
           Level.ROAD_CHIEF: "road_chief_id"}.get(level)
    own = {Level.ROAD_CHIEF, Level.GRID_WORKER}
    groups = ([(key, [c for c in COUNTS_BY_LEVEL[level] if c in FLAGS and
                      c not in ("reports", "judged_reports", "valid_reports")])] if key else [])
    groups += [("reporter_id", ["reports", "judged_reports", "valid_reports"])] \
        if level in own else []
    for column, names in groups:
        ref = d.cases[names].groupby(d.cases[column].astype(str).to_numpy()).sum()
        for unit in t.index:
            want = ref.loc[str(unit)].tolist() if str(unit) in ref.index else [0] * len(names)
            assert t.loc[unit, names].tolist() == want, (unit, column)
        if column == key and level is not Level.ROAD_CHIEF:  # people: those with the role
            assert {u for u in ref.index if u not in ("", "-1")} <= {str(u) for u in t.index}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-2, 5), st.integers(0, 3), st.booleans()), max_size=40))
def test_sums_by_key_are_a_group_by(rows):
    keys = np.array([r[0] for r in rows], np.int64)
    values = np.array([[r[1], int(r[2])] for r in rows], np.int64).reshape(-1, 2)
    got_keys, got = _sum_by(keys, values)
    ref = pd.DataFrame(values, columns=["a", "b"]).groupby(keys).sum()
    assert got_keys.tolist() == ref.index.tolist()
    assert got.tolist() == ref.to_numpy().tolist()
