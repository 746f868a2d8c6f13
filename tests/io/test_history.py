"""History migration: an old system's export, each case's timeline through the table."""

from datetime import datetime, timedelta

import pandas as pd
import pytest
from factories import cell_center

from gridapp.analysis.indicators import load_period, totals
from gridapp.domain import workflow as wf
from gridapp.domain.actions import Action
from gridapp.domain.case import CaseState, Source
from gridapp.domain.errors import PermissionDenied
from gridapp.domain.period import Period
from gridapp.io.errors import ImportRejected
from gridapp.io.history import history_context, read_history
from gridapp.io.mapping import load_mapping
from gridapp.services.audit import verify
from gridapp.services.auth import login
from gridapp.services.history import HistoryCase, HistoryRejected, HistoryStep, migrate_history
from gridapp.services.ports import CaseQuery

MAPPING = """
name = "旧系统"
kind = "history"
layout = "case"
time_format = "%Y-%m-%d %H:%M"
coords = "store"
[columns]
external_id = "案卷号"
category = "小类"
source = "来源"
x = "X"
y = "Y"
address = "地址"
description = "问题描述"
reported_at = "上报时间"
registered_at = "立案时间"
dispatched_at = "派遣时间"
department = "处置部门"
deadline_at = "应办结时间"
signed_at = "签收时间"
handler = "处置人"
rectified_at = "处置时间"
verifier = "核查人"
verified_at = "核查时间"
closed_at = "结案时间"
replied_at = "回告时间"
visited_at = "回访时间"
satisfaction = "满意度"
[categories]
"暴露垃圾" = "E0102"
"道路不洁" = "E0104"
[sources]
"12345热线" = "hotline_12345"
"监督员上报" = "grid_patrol"
[departments]
"区环卫中心" = "sanitation"
"区市政中心" = "municipal"
[values.satisfaction]
"满意" = "satisfied"
"不满意" = "dissatisfied"
"""


def t(day, hour, minute=0):
    return f"2025-10-{day:02d} {hour:02d}:{minute:02d}"


def old_case(n, *, late=False, closed=True, signed=True, cell=("420102001001", 2), **extra):
    """A case of October 2025: reported on day n, fixed before or after its deadline."""
    x, y = cell_center(*cell)
    day = 6 + n % 20
    row = {"案卷号": f"OLD-2025-{n:04d}", "小类": "暴露垃圾", "来源": "监督员上报", "X": x,
           "Y": y, "地址": "三阳路", "问题描述": "路边垃圾", "上报时间": t(day, 9),
           "立案时间": t(day, 9, 10), "派遣时间": t(day, 9, 20), "处置部门": "区环卫中心",
           "应办结时间": t(day, 17), "签收时间": t(day, 9, 40) if signed else "",
           "处置人": "张三", "处置时间": t(day + 1, 10) if late else t(day, 15),
           "核查人": "李四", "核查时间": t(day + 1, 11) if late else t(day, 16),
           "结案时间": (t(day + 1, 12) if late else t(day, 16, 30)) if closed else "",
           "回告时间": "", "回访时间": "", "满意度": "", "按期": "否" if late else "是"}
    row.update(extra)
    return row


def write(tmp_path, rows, name="old.csv", mapping=MAPPING):
    path = tmp_path / name
    pd.DataFrame(rows).to_csv(path, index=False, encoding="utf-8-sig")
    mp = tmp_path / "map.toml"
    mp.write_text(mapping, encoding="utf-8")
    return path, load_mapping(mp)


def migrate(store, path, mapping, dry_run=False):
    read = read_history(path, mapping, history_context(store))
    return migrate_history(store.uow(), "admin", read.cases, path.name, dry_run)


def all_cases(store):
    with store.uow(write=False) as uow:
        return {c.external_id: c for c in uow.cases.find(CaseQuery(limit=None))}


def test_a_past_month_comes_in_and_its_indicators_agree_with_the_file(store, tmp_path):
    rows = [old_case(n, late=n % 4 == 0, signed=n % 3 != 0) for n in range(12)]
    rows.append(old_case(12, closed=False))  # still open: verified, not closed
    rows.append(old_case(13, 来源="12345热线", 回告时间=t(20, 10), 回访时间=t(21, 10),
                         满意度="满意"))
    path, mapping = write(tmp_path, rows)
    s = migrate(store, path, mapping)
    assert (s.cases, s.already_migrated) == (14, 0)
    got = all_cases(store)
    assert got["OLD-2025-0012"].state is CaseState.VERIFIED
    assert got["OLD-2025-0013"].state is CaseState.CLOSED and got["OLD-2025-0013"].visited_at
    first = got["OLD-2025-0001"]
    assert first.deadline_at == datetime(2025, 10, 7, 17, 0)  # the record's own deadline
    assert first.reported_at == datetime(2025, 10, 7, 9, 0)
    with store.uow(write=False) as uow:
        trail = uow.cases.events(first.id)
        cal = uow.config.calendar()
    assert [e.action for e in trail] == ["report", "register", "dispatch", "sign", "rectify",
                                         "verify_pass", "close"]
    assert [e.data["migrated"] for e in trail] == \
        [{"source": "old.csv", "row": 3, "by": "admin"}] * 7, [e.data for e in trail]
    assert wf.replay(trail).state is CaseState.CLOSED
    unsigned = all_cases(store)["OLD-2025-0003"]
    with store.uow(write=False) as uow:
        sign = [e for e in uow.cases.events(unsigned.id) if e.action == "sign"][0]
    assert sign.data["migrated"]["inferred_time"] is True  # the file had no sign time
    assert verify(store.uow(write=False)).intact
    # the indicators of October 2025 say what the file says
    frame = pd.DataFrame(rows)
    closed = frame[frame["结案时间"] != ""]
    expect_on_time = int((closed["按期"] == "是").sum())
    tot = totals(load_period(store, Period.parse("2025-10"), datetime(2025, 11, 20), cal))
    assert tot["registered"] == len(rows)
    assert tot["closed"] == len(closed)
    assert tot["closed_on_time"] == expect_on_time


def test_unknown_people_become_inactive_migrated_accounts(store, tmp_path):
    path, mapping = write(tmp_path, [old_case(1)])
    s = migrate(store, path, mapping)
    assert len(s.people_created) >= 2
    with store.uow(write=False) as uow:
        c = next(iter(all_cases(store).values()))
        events = uow.cases.events(c.id)
        handler = uow.people.get(next(e for e in events if e.action == "rectify").actor_id)
    assert handler.name == "张三" and not handler.active
    with pytest.raises(PermissionDenied):
        login(store.uow(), handler.username, "")


def test_a_later_migration_numbers_its_accounts_after_the_earlier_ones(store, tmp_path):
    first, mapping = write(tmp_path, [old_case(1)], "a.csv")
    made = migrate(store, first, mapping).people_created
    later = [old_case(2, 处置人="王五"), old_case(3, 处置人="赵六"),
             old_case(4, 处置人="张三")]   # 张三 came with the first file: found again
    second, mapping = write(tmp_path, later, "b.csv")
    dry = migrate(store, second, mapping, dry_run=True)
    s = migrate(store, second, mapping)
    assert dry.people_created == s.people_created == ["hist-00003", "hist-00004"]
    assert not set(made) & set(s.people_created)
    with store.uow(write=False) as uow:
        assert [uow.people.by_username(u).name for u in s.people_created] == ["王五", "赵六"]


def test_re_import_is_safe_and_dry_run_writes_nothing(store, tmp_path):
    path, mapping = write(tmp_path, [old_case(n) for n in range(3)])
    dry = migrate(store, path, mapping, dry_run=True)
    assert dry.cases == 3 and all_cases(store) == {}
    migrate(store, path, mapping)
    again = migrate(store, path, mapping)
    assert (again.cases, again.already_migrated) == (0, 3) and len(all_cases(store)) == 3


def test_a_bad_row_rejects_the_file_naming_its_line(store, tmp_path):
    rows = [old_case(1), old_case(2, 核查时间=t(1, 8)),          # verified before it was fixed
            old_case(3, 处置部门="园林局"), old_case(4, 小类="外星人")]
    path, mapping = write(tmp_path, rows)
    with pytest.raises(ImportRejected) as e:
        migrate(store, path, mapping)
    assert "old.csv, row 5 [小类]" in str(e.value) and "外星人" in str(e.value)
    rows.pop()
    path, mapping = write(tmp_path, rows)
    with pytest.raises(HistoryRejected) as e:
        migrate(store, path, mapping)
    text = str(e.value)
    assert "old.csv, row 3: case OLD-2025-0002" in text and "comes before" in text
    assert "old.csv, row 4: case OLD-2025-0003" in text and "园林局" in text
    assert all_cases(store) == {}


def test_one_row_per_event_with_returns_and_extensions(store, tmp_path):
    # written in the [history] form of the first migration mappings: still read as it was
    x, y = cell_center("420102002002", 5)
    base = datetime(2025, 9, 1, 9, 0)
    steps = [("上报", 0, ""), ("立案", 5, ""), ("派遣", 10, "区市政中心"), ("退回", 30, ""),
             ("派遣", 40, "区环卫中心"), ("签收", 50, ""), ("申请延期", 60, ""),
             ("批准延期", 90, ""), ("处置反馈", 300, ""), ("核查通过", 400, ""),
             ("结案", 420, "")]
    rows = [{"案卷号": "EV-1", "环节": s, "时间": (base + timedelta(minutes=m)).strftime(
        "%Y-%m-%d %H:%M"), "部门": d, "小类": "道路不洁", "来源": "监督员上报", "X": x,
        "Y": y, "说明": "非本单位" if s == "退回" else ""} for s, m, d in steps]
    mapping = """
[history]
layout = "event"
coords = "store"
[history.columns]
number = "案卷号"
step = "环节"
at = "时间"
note = "说明"
department = "部门"
class = "小类"
source = "来源"
x = "X"
y = "Y"
[history.classes]
"道路不洁" = "E0104"
[history.sources]
"监督员上报" = "grid_patrol"
[history.departments]
"区环卫中心" = "sanitation"
"区市政中心" = "municipal"
[history.steps]
"上报" = "report"
"立案" = "register"
"派遣" = "dispatch"
"退回" = "return"
"签收" = "sign"
"申请延期" = "request_extension"
"批准延期" = "approve_extension"
"处置反馈" = "rectify"
"核查通过" = "verify_pass"
"结案" = "close"
"""
    path, m = write(tmp_path, rows, "flow.csv", mapping)
    s = migrate(store, path, m)
    c = all_cases(store)["EV-1"]
    assert s.cases == 1 and s.events == len(steps)
    assert c.state is CaseState.CLOSED and (c.return_count, c.extension_count) == (1, 1)
    with store.uow(write=False) as uow:
        assert [e.data["migrated"]["row"] for e in uow.cases.events(c.id)] == \
            list(range(2, 2 + len(steps)))


EVENT_MAPPING = """
name = "流转"
kind = "history"
layout = "event"
time_format = "%Y-%m-%d %H:%M"
coords = "store"
[columns]
external_id = "案卷号"
step = "环节"
at = "时间"
department = "部门"
deadline_at = "应办结时间"
category = "小类"
x = "X"
y = "Y"
[categories]
"道路不洁" = "E0104"
[departments]
"区环卫中心" = "sanitation"
[steps]
"上报" = "report"
"立案" = "register"
"派遣" = "dispatch"
"""


def _flow(*deadlines):
    x, y = cell_center("420102002002", 5)
    return [{"案卷号": "EV-2", "环节": step, "时间": at, "部门": dept, "应办结时间": due,
             "小类": "道路不洁", "X": x, "Y": y}
            for (step, at, dept), due in zip((("上报", "2025-09-01 09:00", ""),
                                             ("立案", "2025-09-01 09:05", ""),
                                             ("派遣", "2025-09-01 09:10", "区环卫中心")),
                                            deadlines, strict=True)]


def test_an_event_files_deadline_on_the_dispatch_row_is_the_records_own(store, tmp_path):
    path, m = write(tmp_path, _flow("", "", "2025-09-03 17:00"), "flow.csv", EVENT_MAPPING)
    migrate(store, path, m)
    assert all_cases(store)["EV-2"].deadline_at == datetime(2025, 9, 3, 17, 0)


def test_two_deadlines_for_one_case_are_refused_naming_the_row(store, tmp_path):
    path, m = write(tmp_path, _flow("2025-09-02 17:00", "", "2025-09-03 17:00"), "flow.csv",
                    EVENT_MAPPING)
    with pytest.raises(ImportRejected) as e:
        migrate(store, path, m)
    assert "flow.csv, row 4 [应办结时间]" in str(e.value)
    assert "2025-09-02 17:00 on an earlier row" in str(e.value)
    assert all_cases(store) == {}


def cli(store, tmp_path, *args):
    from click.testing import CliRunner
    from factories import cli_env

    from gridapp.cli import main
    return CliRunner().invoke(main, ["--db", store.url, *args], env=cli_env(args),
                              catch_exceptions=False)


def test_inspect_drafts_a_history_mapping_that_migrates_the_file(store, tmp_path):
    rows = [old_case(n) for n in range(3)]
    for r in rows:
        r["处置部门"] = "环卫中心（旧）"
    path, _ = write(tmp_path, rows)
    draft = tmp_path / "draft.toml"
    out = cli(store, tmp_path, "import", "inspect", str(path), "--for", "history",
              "--out", str(draft))
    assert out.exit_code == 0, out.output
    text = draft.read_text(encoding="utf-8")
    assert 'kind = "history"' in text and 'external_id = "案卷号"' in text
    assert 'closed_at = "结案时间"' in text and 'coords = "store"' in text
    # the department the store does not know is left for the user to fill in
    assert '# "环卫中心（旧）" = ""' in text
    text = text.replace('# "环卫中心（旧）" = ""', '"环卫中心（旧）" = "sanitation"')
    draft.write_text(text.replace('"监督员上报" = "hotline_12345"',
                                  '"监督员上报" = "grid_patrol"'), encoding="utf-8")
    out = cli(store, tmp_path, "import", "history", str(path), "--mapping", str(draft),
              "--as", "admin", "--save-mapping", "旧系统")
    assert out.exit_code == 0, out.output
    assert "migrated 3 case(s)" in out.output and len(all_cases(store)) == 3
    # saved in the store: it can be listed, exported, and named instead of a file
    listed = cli(store, tmp_path, "import", "mapping", "list")
    assert "旧系统" in listed.output
    again = cli(store, tmp_path, "import", "history", str(path), "--mapping", "旧系统",
                "--as", "admin")
    assert again.exit_code == 0 and "3 already in the store" in again.output
    exported = tmp_path / "back.toml"
    cli(store, tmp_path, "import", "mapping", "export", "旧系统", "--out", str(exported))
    assert load_mapping(exported).departments == {"环卫中心（旧）": "sanitation"}


def test_a_hotline_mapping_is_refused_for_a_migration(store, tmp_path):
    path, _ = write(tmp_path, [old_case(1)])
    hot = tmp_path / "hot.toml"
    hot.write_text('name = "12345"\n[columns]\nexternal_id = "工单编号"\n', encoding="utf-8")
    out = cli(store, tmp_path, "import", "history", str(path), "--mapping", str(hot),
              "--as", "admin")
    assert out.exit_code != 0
    assert "is for hotline exports" in out.output and 'kind = "history"' in out.output
    assert all_cases(store) == {}


def test_day_first_times_are_refused_not_guessed(store, tmp_path):
    rows = [old_case(1)]
    rows[0]["上报时间"] = "02/10/2025 09:00"
    rows[0]["立案时间"] = "02/10/2025 09:10"
    path, mapping = write(tmp_path, rows, mapping=MAPPING.replace(
        'time_format = "%Y-%m-%d %H:%M"\n', ""))
    with pytest.raises(ImportRejected) as e:
        migrate(store, path, mapping)
    assert "[上报时间]" in str(e.value) and "02/10/2025" in str(e.value)
    assert all_cases(store) == {}


def test_timeline_problems_go_to_a_report_file_by_row(store, tmp_path):
    rows = [old_case(n, 核查时间=t(1, 8)) for n in range(40)]  # verified before it was fixed
    path, _ = write(tmp_path, rows)
    mp = tmp_path / "map.toml"
    out = cli(store, tmp_path, "import", "history", str(path), "--mapping", str(mp),
              "--as", "admin")
    assert out.exit_code != 0 and "40 problem(s)" in out.output
    saved = (tmp_path / "old.problems.csv").read_text(encoding="utf-8-sig")
    assert saved.count("comes before") == 40 and "old.csv,3," in saved
    assert all_cases(store) == {}


def test_bad_cells_and_refused_timelines_are_reported_together(store, tmp_path):
    rows = [old_case(1), old_case(2, 小类="外星人"), old_case(3, 核查时间=t(1, 8)),
            old_case(4, 上报时间="明天")]
    path, _ = write(tmp_path, rows)
    out = cli(store, tmp_path, "import", "history", str(path), "--mapping",
              str(tmp_path / "map.toml"), "--as", "admin")
    assert out.exit_code != 0 and "3 problem(s)" in out.output, out.output
    assert "old.csv, row 3 [小类]" in out.output  # a cell the reader refused
    assert "old.csv, row 4: case OLD-2025-0003" in out.output  # a timeline the table refused
    assert "old.csv, row 5 [上报时间]" in out.output
    assert all_cases(store) == {}


def test_a_history_mapping_is_refused_for_a_hotline_import(store, tmp_path):
    path, _ = write(tmp_path, [old_case(1)])
    out = cli(store, tmp_path, "import", "hotline", str(path), "--mapping",
              str(tmp_path / "map.toml"), "--as", "acceptor")
    assert out.exit_code != 0 and "is for history migrations" in out.output, out.output
    assert all_cases(store) == {}


def _stored(store):
    """Every row a migration writes: cases, audit rows (with their seals), people."""
    from sqlalchemy import text as sql
    with store.engine.connect() as conn:
        return {table: conn.execute(sql(f"SELECT * FROM {table} ORDER BY {order}")).all()
                for table, order in (("cases", "id"), ("case_events", "case_id, seq"),
                                     ("people", "id"))}


def _engine_calls(monkeypatch):
    """The cases the engine built one event at a time (numbers), as the migration runs."""
    import gridapp.services.history as history
    calls = []
    one = history._one

    def counted(uow, hc, *args):
        calls.append(hc.number)
        return one(uow, hc, *args)
    monkeypatch.setattr(history, "_one", counted)
    return calls


def _per_event_path(m):
    """The migration as it ran before: each event through the engine, sealed row by row,
    every step's actor looked up anew."""
    import gridapp.services.history as history
    from gridapp.domain.audit import canonical_json, seal_new
    m.setattr(history, "LEAN", False)
    m.setattr(history, "seal_encoded", lambda events: [
        canonical_json(e.data) if e.data else "{}" for e in seal_new(events)])
    m.setattr(history._People, "actors", property(lambda self: {},
                                                  lambda self, value: None), raising=False)


def test_the_lean_migration_stores_what_the_per_event_path_stored(sqlite_template, tmp_path,
                                                                  monkeypatch, frozen_clock):
    """Clean timelines checked by their shape and written column-wise: the same cases, audit
    rows, seals and people as each event through the engine, sealed row by row; no case of
    the file needs the engine; `gridapp audit verify` passes and every trail replays."""
    import shutil

    from click.testing import CliRunner

    from gridapp.cli import main
    from gridapp.store.store import Store
    frozen_clock(datetime(2025, 11, 20, 9, 0))
    rows = [old_case(n, late=n % 4 == 0, signed=n % 3 != 0, 处置人=["张三", "王五", ""][n % 3])
            for n in range(12)]
    rows.append(old_case(12, closed=False))
    rows.append(old_case(13, 来源="12345热线", 回告时间=t(20, 10), 回访时间=t(21, 10),
                         满意度="满意"))
    rows.append(old_case(14, 应办结时间="", 核查人="赵网格"))  # the class's time limit
    rows.append(old_case(15, 派遣时间="", 签收时间="", 处置时间="", 核查时间="", 结案时间=""))
    path, mapping = write(tmp_path, rows)

    def migrated(name):
        shutil.copy(sqlite_template, tmp_path / name)
        store = Store.open(str(tmp_path / name))
        migrate(store, path, mapping)
        return store

    with monkeypatch.context() as m:
        engine = _engine_calls(m)
        lean = migrated("lean.sqlite")
    assert engine == []  # every case by its shape
    with monkeypatch.context() as m:
        _per_event_path(m)
        per_event = migrated("per_event.sqlite")
    got, expected = _stored(lean), _stored(per_event)
    # 0012 not closed; 0013 replied, visited; 0015 only registered
    assert len(got["case_events"]) == 15 * 7 + 2 - 1 + 2
    assert got == expected
    with lean.uow(write=False) as uow:
        for c in all_cases(lean).values():
            trail = uow.cases.events(c.id)
            assert wf.replay(trail).state is c.state
    ok = CliRunner().invoke(main, ["--db", lean.url, "audit", "verify"])
    assert ok.exit_code == 0 and "intact: 16 cases" in ok.output, ok.output
    lean.close()
    per_event.close()


def _timeline(number, row, *steps, source=Source.GRID_PATROL, deadline=None,
              cell=("420102001001", 2), cls="E0102"):
    """A case of the old system built directly: steps as (action, minutes after 9:00 on
    6 Oct 2025, person, values)."""
    x, y = cell_center(*cell)
    at0 = datetime(2025, 10, 6, 9, 0)
    return HistoryCase(number, row, cls, source, x, y, [
        HistoryStep(a, at0 + timedelta(minutes=m), row, p, dict(v))
        for a, m, p, v in steps], "三阳路", "路边垃圾", "", deadline)


A = Action
_LOOP = ((A.REPORT, 0, None, {}), (A.REGISTER, 10, None, {}),
         (A.DISPATCH, 20, None, {"department": "sanitation"}), (A.SIGN, 30, "陈环卫", {}),
         (A.RECTIFY, 60, "陈环卫", {"note": "已清理"}), (A.VERIFY_PASS, 90, "赵网格", {}),
         (A.CLOSE, 100, "李值班", {}))


def _swap(steps, k, *step):
    return (*steps[:k], step, *steps[k + 1:])


def _both(sqlite_template, tmp_path, monkeypatch, cases):
    """Each path on its own copy of the store: (stored rows or the refusal, engine calls)."""
    import shutil

    from gridapp.store.store import Store
    out = []
    for name, per_event in (("lean", False), ("per_event", True)):
        shutil.copy(sqlite_template, tmp_path / f"{name}.sqlite")
        store = Store.open(str(tmp_path / f"{name}.sqlite"))
        with monkeypatch.context() as m:
            if per_event:
                _per_event_path(m)
            engine = _engine_calls(m)
            try:
                s = migrate_history(store.uow(), "admin", cases, "old.csv")
                got = (_stored(store), s.people_created, s.first_number, s.last_number)
            except HistoryRejected as exc:
                got = exc.found
                assert _stored(store)["cases"] == []
        store.close()
        out.append((got, engine))
    return out


def test_timelines_the_shapes_do_not_build_go_through_the_engine_in_their_place(
        sqlite_template, tmp_path, monkeypatch, frozen_clock):
    """Returns, extensions, a reply and its visit, unknown people, the record's own
    deadline or none: cases by shape and by the engine interleave, and the store holds what
    the per-event path stores (people made in the same order, audit rows in the same
    order)."""
    frozen_clock(datetime(2025, 11, 20, 9, 0))
    returned = (*_LOOP[:3], (A.RETURN, 25, "新人甲", {"reason": "非本单位"}),
                (A.DISPATCH, 26, None, {"department": "municipal"}),
                (A.SIGN, 30, None, {}), (A.RECTIFY, 60, "新人乙", {}), *_LOOP[5:])
    extended = (*_LOOP[:4], (A.REQUEST_EXTENSION, 40, "陈环卫", {"extra": "1d",
                                                               "reason": "材料未到"}),
                (A.APPROVE_EXTENSION, 45, None, {}), *_LOOP[4:])
    citizen = (*_LOOP, (A.REPLY, 200, None, {"note": ""}),
               (A.VISIT, 300, "张受理", {"satisfaction": "basic", "note": "  好 "}))
    cases = [
        _timeline("H-1", 2, *_LOOP, deadline=datetime(2025, 10, 6, 17, 0)),
        _timeline("H-2", 3, *returned),
        _timeline("H-3", 4, *_swap(_LOOP, 3, A.SIGN, 30, "新人乙", {"note": "x"})),
        _timeline("H-4", 5, *extended, deadline=datetime(2025, 10, 8, 17, 0)),
        _timeline("H-5", 6, *citizen, source=Source.HOTLINE_12345,
                  cell=("420102002002", 5)),
        _timeline("H-6", 7, *_swap(_LOOP, 5, A.VERIFY_PASS, 90, "新人丙", {}), cls="E0104"),
        _timeline("H-7", 8, *_LOOP[:3]),
        _timeline("H-8", 9, *_LOOP)]
    cases[-1].x, cases[-1].y = int(cases[-1].x), int(cases[-1].y)  # JSON without ".0"
    (lean, engine), (per_event, _) = _both(sqlite_template, tmp_path, monkeypatch, cases)
    assert engine == ["H-2", "H-4"]
    assert lean == per_event
    assert len(lean[1]) >= 3  # 新人甲, 新人乙, 新人丙 and the desk


def test_bad_timelines_are_refused_with_the_engines_own_messages(
        sqlite_template, tmp_path, monkeypatch, frozen_clock):
    """Every refusal of the per-event path, row and message alike, whichever path found the
    case unclean; nothing is written."""
    frozen_clock(datetime(2025, 11, 20, 9, 0))
    bad = [
        _swap(_LOOP, 5, A.VERIFY_PASS, 50, None, {}),                      # before the fix
        _swap(_LOOP, 0, A.REPORT, -60 * 24 * 365 * 30, None, {}),          # implausibly early
        _swap(_LOOP, 6, A.CLOSE, 60 * 24 * 400, None, {}),                 # in the future
        _swap(_LOOP, 2, A.DISPATCH, 20, None, {"department": "园林局"}),   # unknown department
        _swap(_LOOP, 2, A.DISPATCH, 20, None, {}),                         # none at all
        _swap(_LOOP, 4, A.RECTIFY, 60, "陈环卫", {"note": "   "}),          # a blank report
        _swap(_swap(_LOOP, 4, A.RECTIFY, 60, "双岗员", {}), 5,               # 监管分离
              A.VERIFY_PASS, 90, "双岗员", {}),
        _swap(_LOOP, 3, A.SIGN, 30, "钱领导", {}),                          # not a handler
        (_LOOP[0], _LOOP[1], _LOOP[3], *_LOOP[4:]),                         # sign undispatched
        _LOOP[1:],                                                          # no report
        (*_LOOP, (A.REPLY, 200, None, {})),                                 # not a citizen's
        (*_LOOP, (A.VISIT, 200, None, {"satisfaction": "satisfied"})),      # no reply before
        (*_LOOP, (A.REPLY, 200, None, {}), (A.VISIT, 300, None, {"satisfaction": "meh"})),
        (*_LOOP, (A.REPLY, 200, None, {}), (A.REPLY, 300, None, {})),        # replied twice
    ]
    cases = [_timeline(f"B-{k}", k + 2, *steps,
                       source=Source.HOTLINE_12345 if k >= 12 else Source.GRID_PATROL)
             for k, steps in enumerate(bad)]
    cases.insert(3, _timeline("OK-1", 40, *_LOOP))
    cases.append(_timeline("B-late", 41, *_LOOP, deadline=datetime(2025, 10, 6, 9, 10)))
    cases.append(_timeline("B-out", 42, *_LOOP, cell=("420102001001", 2)))
    cases[-1].x -= 5000  # outside every cell
    cases.append(_timeline("B-class", 43, *_LOOP, cls="X9999"))
    cases.append(_timeline("OK-1", 44, *_LOOP))  # the same number twice
    (lean, engine), (per_event, _) = _both(sqlite_template, tmp_path, monkeypatch, cases)
    assert lean == per_event
    assert len(lean) == len(cases) - 1, "\n".join(what for _, what in lean)
    assert "OK-1" not in engine and "B-0" in engine
