"""Indicators on a hand-computed October: every count and rate checked against the story."""

import pytest
from october import NOW, OCT

from gridapp.analysis.assessment import Assessment
from gridapp.analysis.indicators import indicator_table, load_period, totals
from gridapp.domain.assessment import default_scheme
from gridapp.domain.indicators import Level
from gridapp.domain.period import Period


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
