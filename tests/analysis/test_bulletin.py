"""Bulletin files, repeat complaints, warnings and the CLI verbs, on the October story."""

import gc
import json

import numpy as np
import pandas as pd
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from factories import cli_env
from october import NOW, OCT
from python_calamine import CalamineWorkbook

from gridapp.analysis import bulletin as bl
from gridapp.analysis.bulletin import reported_classes
from gridapp.analysis.indicators import load_period
from gridapp.analysis.patterns import heat_grid, load_points, repeat_complaints
from gridapp.analysis.warnings import by_unit, warning_list
from gridapp.app.reports import issue, make_bulletin, write_bulletin
from gridapp.cli import main
from gridapp.domain.errors import PermissionDenied
from gridapp.domain.period import Period
from gridapp.io.bulletin_xlsx import label, write_xlsx
from gridapp.services.assessment import current_scheme, save_scheme


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_bulletin_files_open_and_carry_the_numbers(october, tmp_path):
    store, _ = october
    xlsx, pdf = write_bulletin(store, OCT, tmp_path, now=NOW)
    assert xlsx.name == "通报-2026-10.xlsx" and pdf.suffix == ".pdf"
    assert gc.isenabled()  # paused while it was written, not after
    wb = CalamineWorkbook.from_path(str(xlsx))  # the reader the hotline import uses
    assert wb.sheet_names[:7] == ["概况", "街道", "社区", "责任单位", "路长", "网格员", "派遣员"]
    summary = {r[0]: r[1] for r in wb.get_sheet_by_name("概况").to_python()[4:] if r and r[0]}
    assert summary["按期结案数"] == 2 and summary["应结案数"] == 4
    assert summary["按期结案率"] == pytest.approx(0.5)
    streets = wb.get_sheet_by_name("街道").to_python()[1:]
    assert {r[0] for r in streets} == {"420102001", "420102002"}
    doc = pdfium.PdfDocument(str(pdf))
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert "城市管理月度考核通报（2026年10月）" in text and "一元街" in text
    assert "按期结案率50.00%" in text.replace(" ", "")


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_each_level_sheet_holds_every_cell_of_its_table(october, tmp_path):
    store, _ = october
    b = make_bulletin(store, OCT, NOW)
    wb = CalamineWorkbook.from_path(str(write_xlsx(b, tmp_path / "b.xlsx")))
    for level, t in b.tables.items():
        head, *body = wb.get_sheet_by_name(level.label_zh).to_python()
        assert [r[0] for r in body] == [str(u) for u in t.index]
        shown = [c for c in t.columns if label(c) in head]
        assert len(shown) == len(head) - 1  # every column but the code is one of the table's
        for c in shown:
            cells = [r[head.index(label(c))] for r in body]
            want = ["—" if pd.isna(v) else v if isinstance(v, str) else pytest.approx(float(v))
                    for v in t[c].tolist()]
            assert cells == want, (level, c)


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
@pytest.mark.parametrize("recompute", [False, True])
def test_a_small_stores_reads_on_one_thread_gather_what_threads_gather(october, monkeypatch,
                                                                       recompute):
    """Below THREADS_FROM cases the reads run one after another on the calling thread: the
    same bulletin as with the threads, 上期 as issued or recomputed."""
    store, _ = october
    issue(store, make_bulletin(store, OCT.previous(), NOW))  # 上期 as issued
    made = {}
    for threads_from in (0, 10 ** 12):  # every store on threads; none
        monkeypatch.setattr(bl, "THREADS_FROM", threads_from)
        made[threads_from] = make_bulletin(store, OCT, NOW, recompute_previous=recompute)
    a, b = made.values()
    assert (a.previous_issue is None) == recompute == (b.previous_issue is None)
    assert a.headline == b.headline and a.previous == b.previous
    for lv in a.tables:
        pd.testing.assert_frame_equal(a.tables[lv], b.tables[lv])
    pd.testing.assert_series_equal(a.trend, b.trend)
    pd.testing.assert_frame_equal(a.top_classes, b.top_classes)
    assert a.repeats == b.repeats
    np.testing.assert_array_equal(a.handling_hours, b.handling_hours)
    pd.testing.assert_frame_equal(a.streets, b.streets)


def test_inline_executor_runs_at_once_and_keeps_a_jobs_error():
    pool = bl.InlineExecutor()
    assert pool.submit(lambda x, y=0: x + y, 1, y=2).result() == 3
    with pytest.raises(ZeroDivisionError):
        pool.submit(lambda: 1 / 0).result()


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_last_periods_classes_come_from_its_cases_as_from_its_points(october):
    """The bulletin's 上期 column counts the previous period's cases per class from the cases
    the assessment read; the same counts as reading that period's points."""
    store, cal = october
    for p in (OCT, OCT.previous(), Period.parse("2026-11")):
        ours = reported_classes(load_period(store, p, NOW, cal)).sort_index()
        points = load_points(store, p).class_code.value_counts().sort_index()
        assert ours.index.tolist() == points.index.tolist()
        assert ours.tolist() == points.tolist()
    assert reported_classes(load_period(store, OCT, NOW, cal)).sum() == 6


def test_scheme_is_saved_in_the_store_by_a_leader_only(store):
    assert current_scheme(store.uow(write=False))[0] == 0  # the shipped default
    data = current_scheme(store.uow(write=False))[1].to_dict()
    data["levels"]["street"]["weights"] = {"close_on_time_rate": 100}
    with pytest.raises(PermissionDenied):
        save_scheme(store.uow(), "worker1", data)
    assert save_scheme(store.uow(), "boss", data, "只看按期结案率") == 1
    version, scheme = current_scheme(store.uow(write=False))
    assert version == 1 and scheme.levels["street"].weights == {"close_on_time_rate": 100}


def test_repeat_complaints_link_nearby_same_class_cases():
    day = 86_400
    pts = pd.DataFrame({
        "id": [1, 2, 3, 4, 5, 6],
        "x": [0.0, 30.0, 60.0, 0.0, 500.0, 10.0],
        "y": [0.0, 0.0, 0.0, 10.0, 0.0, 0.0],
        "class_code": ["E0102", "E0102", "E0102", "E0104", "E0102", "E0102"],
        "cell_code": ["c1", "c1", "c2", "c1", "c9", "c1"],
        "reported_at": [0, 5 * day, 9 * day, 0, 0, 200 * day],
        "source": ["grid_patrol"] * 6})
    found = repeat_complaints(pts, radius_m=40, window_days=30, min_cases=3)
    # 1–2–3 chain within 40 m and 30 days; 4 is another class, 5 is far, 6 is months later
    assert len(found) == 1 and found[0].case_ids == (1, 2, 3) and found[0].cell_code == "c1"
    g = heat_grid(np.array([525.0]), np.array([475.0]), (0, 0, 1000, 1000), pixel=50,
                  bandwidth=100)  # row 0 is the north edge
    assert g.values.shape == (20, 20) and np.unravel_index(g.values.argmax(), (20, 20)) == (10, 10)
    assert g.values.sum() == pytest.approx(1.0, rel=0.05)


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_daily_warnings_by_unit(october):
    store, _ = october
    df = warning_list(store, NOW)
    # C (municipal) and E (sanitation, never signed) are past their deadlines on 21 Nov
    with store.uow(write=False) as uow:
        names = {uow.people.department_by_code(c).name for c in ("municipal", "sanitation")}
    assert set(df.unit) == names and len(df) == 2 and (df.overdue_hours > 0).all()
    assert set(df.status) == {"overdue"}
    assert by_unit(df).overdue.sum() == 2


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_cli_indicators_assess_report(october, tmp_path, frozen_clock):
    store, _ = october
    frozen_clock(NOW)  # the command line's store tells the test's time: --at is not ahead of it
    run = lambda *a: CliRunner().invoke(main, ["--db", store.url, "--json", *a],  # noqa: E731
                                        env=cli_env(a))
    r = run("indicators", "--period", "2026-10", "--level", "street", "--at", "2026-11-21T09:00")
    assert r.exit_code == 0, r.output
    units = {u["unit"]: u for u in json.loads(r.output)["units"]}
    assert units["420102001"]["close_on_time_rate"] == pytest.approx(2 / 3, abs=1e-6)
    r = run("assess", "--period", "2026-10", "--level", "dispatcher", "--at", "2026-11-21T09:00")
    assert json.loads(r.output)["units"][0]["dispatch_accuracy"] == pytest.approx(5 / 6, abs=1e-6)
    r = run("report", "--period", "2026-10", "--out", str(tmp_path), "--format", "xlsx",
            "--at", "2026-11-21T09:00")
    assert r.exit_code == 0 and json.loads(r.output)["files"][0].endswith("通报-2026-10.xlsx")
    r = run("report", "--period", "2026-13")
    assert r.exit_code == 2 and "2026-13" in r.output
    bad = tmp_path / "scheme.json"
    bad.write_text(json.dumps({"levels": {"street": {"weights": {"nope": 1}}}}))
    r = run("assess", "scheme", "--set", str(bad), "--by", "boss")
    assert r.exit_code == 2 and "nope" in r.output
