"""上期 as issued: a bulletin of an ended period is kept, and the next one reads its 上期 from
it (on SpatiaLite and on PostGIS)."""

import pandas as pd
from october import NOW, OCT
from python_calamine import CalamineWorkbook
from sqlalchemy import text

from gridapp.analysis import issued
from gridapp.analysis.bulletin import LEVELS
from gridapp.app.reports import make_bulletin, write_bulletin
from gridapp.domain.indicators import Level
from gridapp.domain.period import Period

NOV = Period.parse("2026-11")


def test_last_period_as_issued_equals_its_recomputation_when_nothing_changed(october,
                                                                            tmp_path):
    store, _ = october
    recomputed = make_bulletin(store, NOV, NOW)
    assert recomputed.previous_issue is None
    assert recomputed.provenance() == "上期：重新计算"
    write_bulletin(store, OCT, tmp_path, now=NOW, made_by="leader")
    with store.read() as conn:
        kept = issued.read(conn, "2026-10")
    assert (kept.made_by, kept.issue, kept.made_at) == ("leader", 1, NOW)
    b = make_bulletin(store, NOV, NOW)
    assert b.previous_issue is not None and b.provenance().startswith("上期：按 2026-10 已发布通报")
    assert b.previous == recomputed.previous
    for lv in LEVELS:
        pd.testing.assert_frame_equal(b.tables[lv], recomputed.tables[lv])
    pd.testing.assert_frame_equal(b.top_classes, recomputed.top_classes)
    # the kept tables are the published ones, bit for bit (but their own 上期 columns)
    oct_b = make_bulletin(store, OCT, NOW)
    for lv in LEVELS:
        pd.testing.assert_frame_equal(
            kept.tables[lv], oct_b.tables[lv].drop(columns=list(issued.RELATIVE),
                                                   errors="ignore"), check_freq=False)


def test_after_a_place_change_the_issued_figures_stay(october, tmp_path):
    store, _ = october
    write_bulletin(store, OCT, tmp_path, now=NOW)
    published = make_bulletin(store, OCT, NOW).tables[Level.STREET]
    # the street's cases of October move to the other street (a re-drawn boundary)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE cases SET street_code = '420102002' "
                          "WHERE street_code = '420102001'"))
    today = make_bulletin(store, OCT, NOW).tables[Level.STREET]
    assert not today["score"].equals(published["score"])  # the change shows when recomputed
    b = make_bulletin(store, NOV, NOW)
    t = b.tables[Level.STREET]
    assert b.previous_issue is not None
    for unit in published.index:
        if unit in t.index:
            assert t.at[unit, "prev_score"] == published.at[unit, "score"] or \
                (pd.isna(t.at[unit, "prev_score"]) and pd.isna(published.at[unit, "score"]))


def test_a_newer_issue_replaces_the_older_and_says_so(october, tmp_path):
    store, _ = october
    write_bulletin(store, OCT, tmp_path, now=NOW)
    later = NOW.replace(hour=10)
    b = make_bulletin(store, OCT, later)
    assert b.replaces == (NOW, 1)
    assert "本通报为第2次发布，替换 2026-11-21 09:00 发布的同期通报" in b.provenance()
    xlsx, _pdf = write_bulletin(store, OCT, tmp_path, now=later)
    with store.read() as conn:
        kept = issued.read(conn, "2026-10")
        n = conn.execute(text("SELECT COUNT(*) FROM issued_bulletins")).scalar()
    assert (kept.issue, kept.made_at, n) == (2, later, 1)
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("概况").to_python()
    assert "替换 2026-11-21 09:00" in rows[2][0]


def test_a_period_not_ended_is_not_issued(october, tmp_path):
    store, _ = october
    write_bulletin(store, NOV, tmp_path, now=NOW)
    with store.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM issued_bulletins")).scalar() == 0


def test_a_period_read_with_its_acts_on_a_thread_is_the_same(october):
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

    from gridapp.analysis.indicators import load_period
    from gridapp.app.reports import context
    store, _ = october
    cal = context(store)["calendar"]
    alone = load_period(store, OCT, NOW, cal, 4.0)
    with ThreadPoolExecutor(2) as pool:
        threaded = load_period(store, OCT, NOW, cal, 4.0, pool)
    for name in ("cases", "dispatches", "returns", "verifications", "people"):
        pd.testing.assert_frame_equal(getattr(threaded, name), getattr(alone, name))
    assert np.array_equal(threaded.flags, alone.flags) and threaded.names == alone.names


def test_an_issue_withdrawn_while_the_bulletin_is_gathered_is_recomputed(october, tmp_path,
                                                                          monkeypatch):
    """Last period's issue is seen, then read on a thread: when it is gone by then, 上期 is
    recomputed, as when it was never issued."""
    store, _ = october
    write_bulletin(store, OCT, tmp_path, now=NOW, made_by="leader")
    monkeypatch.setattr(issued, "read", lambda conn, period: None)
    b = make_bulletin(store, NOV, NOW)
    recomputed = make_bulletin(store, NOV, NOW, recompute_previous=True)
    assert b.previous_issue is None and b.provenance() == "上期：重新计算"
    assert b.previous == recomputed.previous
    for lv in LEVELS:
        pd.testing.assert_frame_equal(b.tables[lv], recomputed.tables[lv])
