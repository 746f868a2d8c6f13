"""Real 12345 exports as they come (tests/data/hotline, see make_files.py there): one mapping
file, title/summary/repeated rows, tickets located from their address or 待定位, day-first
dates, offsets, impossible times, more problems than a screen holds; each bad input gives
its line and nothing is written. On both backends."""

import csv
import json
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import X0, Y0, act, cell_center, cli_env, clock

from gridapp.cli import main
from gridapp.domain import workflow as wf
from gridapp.domain.actions import Action
from gridapp.domain.case import CaseState
from gridapp.domain.catalog import CaseKind, CatalogClass, TimeLimit, TimeUnit
from gridapp.domain.errors import InvalidInput, PermissionDenied
from gridapp.domain.places import LocatedBy
from gridapp.io.crs import store_to_lonlat
from gridapp.io.errors import ImportRejected
from gridapp.io.hotline import import_context, parse_hotline
from gridapp.io.mapping import Mapping, load_mapping
from gridapp.io.places_import import read_places
from gridapp.services import admin
from gridapp.services.hotline import import_reports
from gridapp.services.locating import place_case
from gridapp.services.places import load_places
from gridapp.services.ports import CaseQuery

DATA = Path(__file__).resolve().parents[1] / "data" / "hotline"
XLSX = DATA / "江岸区12345工单明细_2026-11.xlsx"
MAPPING = DATA / "江岸区12345.toml"
NOW = datetime(2026, 11, 28, 12, 0)


@pytest.fixture(autouse=True)
def _the_day_of_the_export(frozen_clock):
    """The store's clock on the day the export was made, whatever day the suite runs."""
    frozen_clock(NOW)


def add_catch_all(store):
    """The district's catalog gains a class for the tickets that are not its business."""
    with store.uow(write=False) as uow:
        catalog = uow.config.catalog()
    other = CatalogClass("E0699", "其他（非城管事项）", CaseKind.EVENT, "06", "扩展事件",
                         "street", TimeLimit(5, TimeUnit.WORKING_DAYS))
    admin.save_catalog(store.uow(), "admin", [*catalog, other], "12345 catch-all")


def add_landmarks(store):
    layers, _ = read_places(DATA / "landmarks.geojson", "landmarks", store.srid)
    return load_places(store.uow(), layers).counts["landmarks"]


def run(store, path, mapping, now=NOW):
    clock(store, now)  # the store's clock: the day the export was made
    return import_reports(store.uow(), "acceptor",
                          parse_hotline(path, mapping, import_context(store, now)))


def cases_by_ticket(store):
    with store.uow(write=False) as uow:
        return {c.external_id: c for c in uow.cases.find(CaseQuery(limit=None))}


def cli(store, *args):
    return CliRunner().invoke(main, ["--db", store.url, *map(str, args)], env=cli_env(args))


def test_the_districts_export_goes_in_with_one_mapping_file(store):
    add_catch_all(store)
    assert add_landmarks(store) == 3
    # without the mapping every one of the platform's 37 category paths is refused
    with pytest.raises(ImportRejected) as e:
        run(store, XLSX, Mapping())
    assert str(e.value).startswith("45 problem(s)")
    assert "江岸区12345工单明细_2026-11.xlsx, row 4 [问题分类]: class '城市管理/市容环境/暴露垃圾' " \
        "is not in the catalog" in str(e.value)
    assert cases_by_ticket(store) == {}

    s = run(store, XLSX, load_mapping(MAPPING))
    assert (s.imported, s.located_from_address, s.unplaced) == (45, 5, 3)
    notes = "\n".join(s.notes)
    assert "skipped as title: 江岸区12345市民服务热线工单明细表" in notes
    assert "row(s) 51 are summary rows" in notes
    assert "imported once: row 24 = row 23" in notes
    assert "25 ticket(s) in 25 category(ies) the mapping does not name went to the catch-all " \
        "class E0699" in notes
    got = cases_by_ticket(store)
    assert len(got) == 45 and sum(c.class_code == "E0699" for c in got.values()) == 25
    assert got["GD202611020001"].class_code == "E0102"
    assert got["GD202611020010"].class_code == "C0101"  # a component class by the mapping
    assert got["GD202611020003"].source.value == "message_board"  # 城市留言板 in 诉求渠道

    def where(ticket):
        c = got[ticket]
        return c.located_by, c.locate_confidence, c.placed

    crossing = got["GD202611050001"]
    assert where("GD202611050001") == (LocatedBy.INTERSECTION, 0.9, True)
    assert abs(crossing.x - (X0 + 400)) < 0.01 and abs(crossing.y - (Y0 + 200)) < 0.01
    assert crossing.location.cell_code is not None and crossing.locate_match == "黄浦路 × 解放大道"
    assert crossing.location.road_chief_id is not None  # on 黄浦路/解放大道: a chief's segment
    assert where("GD202611050002")[:2] == (LocatedBy.ROAD_IN_AREA, 0.7)
    assert where("GD202611050003")[:2] == (LocatedBy.ROAD, 0.6)
    assert where("GD202611050004") == (LocatedBy.LANDMARK, 0.9, True)
    assert where("GD202611050005") == (LocatedBy.COMPONENT, 0.95, True)
    # too rough or nothing known: 待定位, with what the address matched
    for ticket, match in (("GD202611050006", "解放大道（800 m）"), ("GD202611050007", "大智社区"),
                          ("GD202611050008", "")):
        c = got[ticket]
        assert not c.placed and c.x is None and c.location.cell_code is None
        assert c.state is CaseState.REPORTED and c.locate_match == match
    with store.uow(write=False) as uow:
        pending = uow.cases.find(CaseQuery(placed=False, limit=None))
        assert {c.external_id for c in pending} == {"GD202611050006", "GD202611050007",
                                                   "GD202611050008"}
        for c in got.values():
            assert wf.replay(uow.cases.events(c.id)).state is c.state
    again = run(store, XLSX, load_mapping(MAPPING))
    assert (again.imported, again.already_imported) == (0, 45)


def test_a_case_without_a_position_is_placed_then_dispatched(store):
    add_catch_all(store)
    run(store, XLSX, load_mapping(MAPPING))
    case = cases_by_ticket(store)["GD202611050008"]
    act(store, "acceptor", case.id, Action.REGISTER)
    with pytest.raises(InvalidInput, match="has no position yet \\(待定位\\): place it on the map"):
        act(store, "dispatcher", case.id, Action.DISPATCH)
    with pytest.raises(InvalidInput, match="outside every unit grid cell"):
        place_case(store.uow(), "dispatcher", case.id, X0 - 300, Y0 - 300)
    x, y = cell_center("420102002002", 6)
    out = place_case(store.uow(), "dispatcher", case.id, x, y, note="电话核实",
                     expected_version=2)
    c = out.case
    assert c.placed and c.location.cell_code == "420102002002006"
    assert c.location.grid_worker_id is not None and c.located_by is LocatedBy.MAP
    assert out.events[0].action == "place" and out.events[0].data["previous"]["x"] is None
    assert act(store, "dispatcher", case.id, Action.DISPATCH).case.state is CaseState.DISPATCHED
    with store.uow(write=False) as uow:
        assert wf.replay(uow.cases.events(case.id)).version == 4
    # a case reported with its own point is not moved by the command room
    with pytest.raises(InvalidInput, match="reported with its own point"):
        place_case(store.uow(), "acceptor", cases_by_ticket(store)["GD202611020001"].id, x, y)
    with pytest.raises(PermissionDenied, match="needs one of the roles"):
        place_case(store.uow(), "worker1", cases_by_ticket(store)["GD202611050007"].id, x, y)


def test_day_first_dates_are_refused_until_the_mapping_names_the_order(store, tmp_path):
    path = DATA / "12319工单_日月年_gbk.csv"
    with pytest.raises(ImportRejected) as e:
        run(store, path, Mapping())
    text = str(e.value)
    assert text.splitlines()[0] == "1 problem(s); nothing was written:"
    assert "12319工单_日月年_gbk.csv, row 4 [来电时间]: 3 time(s) of the column can be read two " \
        "ways, e.g. 02/11/2026 9:00 = day first 2026-11-02 9:00 or month first 2026-02-11 9:00" \
        in text
    assert cases_by_ticket(store) == {}
    s = run(store, path, Mapping(time_format="%d/%m/%Y %H:%M", source="hotline_12319"))
    assert s.imported == 6 and "row(s) 10 are summary rows" in "\n".join(s.notes)
    got = cases_by_ticket(store)
    assert got["12319-00001"].reported_at == datetime(2026, 11, 2, 9, 0)
    assert got["12319-00002"].reported_at == datetime(2026, 11, 13, 10, 7)
    assert got["12319-00001"].source.value == "hotline_12319"


def test_offsets_among_plain_times_are_converted_not_a_crash(store):
    s = run(store, DATA / "12345_offsets.csv", Mapping())
    assert s.imported == 4 and "carried an offset" in "\n".join(s.notes)
    got = cases_by_ticket(store)
    assert [got[f"GD2026{i:06d}"].reported_at.strftime("%H:%M") for i in range(1, 5)] == \
        ["09:30", "09:30", "09:45", "10:00"]


def test_impossible_times_are_refused_with_row_and_value(store):
    with pytest.raises(ImportRejected) as e:
        run(store, DATA / "12345_impossible_times.csv", Mapping())
    lines = str(e.value).splitlines()
    assert lines[1].strip() == "12345_impossible_times.csv, row 3 [受理时间]: 1900-01-01 00:00 " \
        "is before 2000-01-01, the store's earliest plausible date; expected a time from " \
        "2000-01-01 to now"
    assert "row 4 [受理时间]: 2035-06-01 08:00 is in the future (now is 2026-11-28 12:00)" \
        in lines[2]
    assert cases_by_ticket(store) == {}


def test_more_problems_than_a_screen_go_to_a_report_file(store, tmp_path):
    src = tmp_path / "12345_many_problems.csv"
    shutil.copy(DATA / src.name, src)
    r = cli(store, "import", "hotline", src, "--as", "acceptor")
    assert r.exit_code == 2
    report = tmp_path / "12345_many_problems.problems.csv"
    assert "error (ImportRejected): 50 problem(s); nothing was written:" in r.output
    assert f"… and 20 more; all 50 are listed in {report}" in r.output
    with open(report, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 51 and rows[1] == [
        "12345_many_problems.csv", "2", "受理时间", "昨天下午", "cannot read the time '昨天下午'",
        "a date and time such as 2022-01-02 09:30 (or set time_format in the mapping)"]
    # rows in file order, not grouped by kind of problem
    assert [int(r[1]) for r in rows[1:]] == sorted(int(r[1]) for r in rows[1:])
    elsewhere = tmp_path / "out" / "r.csv"
    r = cli(store, "import", "hotline", src, "--as", "acceptor", "--report", elsewhere)
    assert r.exit_code == 2 and elsewhere.exists() and cases_by_ticket(store) == {}


@pytest.mark.parametrize("rows, line", [
    ([{"工单编号": "A1", "受理时间": "2026-11-02 09:00", "问题分类": "暴露垃圾",
       "经度": "{lat}", "纬度": "{lon}"}],
     "x.csv, row 2 [经度, 纬度]: ({lat}, {lon}) is {km} km from 江岸区; 经度 and 纬度 look swapped"),
    ([{"工单编号": "A1", "受理时间": "2026-11-02 09:00", "问题分类": "暴露垃圾",
       "经度": "114.5", "纬度": "东经"}],
     "x.csv, row 2 [纬度]: '东经' is not a latitude; expected a number such as 30.60"),
    ([{"工单号码": "A1", "受理时间": "2026-11-02 09:00", "问题分类": "暴露垃圾"}],
     "x.csv [external_id]: no column for external_id; expected a column named 工单编号"),
    ([{"工单编号": "A1", "受理时间": "", "问题分类": "暴露垃圾"}],
     "x.csv, row 2 [受理时间]: no time; expected the time the ticket was taken"),
])
def test_bad_rows_give_one_line_each_and_nothing_is_written(store, tmp_path, rows, line):
    lon, lat = (float(v) for v in store_to_lonlat(*cell_center("420102001001", 2), 4547,
                                                  "gcj02"))
    fmt = {"lon": f"{lon:.6f}", "lat": f"{lat:.6f}"}
    rows = [{k: v.format(**fmt) for k, v in r.items()} for r in rows]
    path = tmp_path / "x.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(ImportRejected) as e:
        run(store, path, Mapping())
    got = str(e.value).splitlines()[1].strip()
    if "{km}" in line:
        assert got.startswith(line.split("{km}")[0].format(**fmt)) and "look swapped" in got
    else:
        assert got.startswith(line), got
    assert cases_by_ticket(store) == {}


def test_a_point_outside_the_unit_grid_is_named_with_the_other_row_problems(store, tmp_path):
    lon, lat = (float(v) for v in store_to_lonlat(X0 - 400, Y0 - 400, 4547, "gcj02"))
    path = tmp_path / "x.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["工单编号", "受理时间", "问题分类", "经度", "纬度"])
        w.writerow(["A1", "2026-11-02 09:00", "外星人入侵", f"{lon:.6f}", f"{lat:.6f}"])
    with pytest.raises(ImportRejected) as e:
        run(store, path, Mapping())
    text = str(e.value)
    assert text.startswith("2 problem(s)")  # the class and the place, in one report
    assert f"x.csv, row 2 [经度, 纬度]: ({lon:.6f}, {lat:.6f}) lies outside every unit grid " \
        f"cell of 江岸区 (" in text and " m from the nearest)" in text


def test_cli_inspect_draft_save_export_and_import_by_name(store, tmp_path):
    add_catch_all(store)
    r = cli(store, "import", "inspect", XLSX, "--out", tmp_path / "draft.toml")
    assert r.exit_code == 0, r.output
    assert "header on row 3, 45 data row(s)" in r.output
    assert re.search(r"\n  问题分类 +→ category +城市管理/市容环境/暴露垃圾", r.output)
    draft = load_mapping(tmp_path / "draft.toml")  # the draft is a valid mapping as written
    assert draft.header_row == 3 and draft.columns["lon"] == "经度"
    assert draft.categories["城市管理/市容环境/暴露垃圾"] == "E0102"
    assert "# \"住房保障/物业管理/物业服务\" = \"\"" in (tmp_path / "draft.toml").read_text("utf-8")
    r = cli(store, "import", "mapping", "save", MAPPING)
    assert r.exit_code == 0 and "mapping '江岸区12345' saved" in r.output
    r = cli(store, "import", "mapping", "export", "江岸区12345", "--out", tmp_path / "m.toml")
    assert r.exit_code == 0 and load_mapping(tmp_path / "m.toml") == load_mapping(MAPPING)
    r = cli(store, "import", "hotline", XLSX, "--as", "acceptor", "--mapping", "江岸区12345")
    assert r.exit_code == 0, r.output
    assert "imported 45 case(s) (0 linked as duplicates, 4 located from the address, 4 待定位)" \
        in r.output  # no landmarks in this store: 江岸区政府 stays 待定位
    r = cli(store, "import", "hotline", XLSX, "--as", "acceptor", "--mapping", "江苏12345")
    assert r.exit_code == 2 and "江苏12345: no such mapping file, and no mapping of that name" \
        in r.output
    bad = tmp_path / "bad.toml"
    bad.write_text('catch_all = "E9999"\n', encoding="utf-8")
    r = cli(store, "import", "mapping", "save", bad)
    assert r.exit_code == 2 and "bad.toml [catch_all]: class 'E9999' is not in the catalog" \
        in r.output
    r = cli(store, "import", "mapping", "list")
    assert r.output.split() == ["江岸区12345"]


def test_landmarks_are_checked_like_other_places(store, tmp_path):
    data = json.loads((DATA / "landmarks.geojson").read_text("utf-8"))
    data["features"][1]["properties"]["名称"] = ""
    path = tmp_path / "lm.geojson"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = cli(store, "import", "places", "landmarks", path, "--as", "admin")
    assert r.exit_code == 2 and "lm.geojson, row 2 [名称]: no name" in r.output
    r = cli(store, "import", "places", "landmarks", DATA / "landmarks.geojson", "--as", "admin")
    assert r.exit_code == 0 and "3 landmarks" in r.output


def test_exports_with_cases_without_a_position(store, tmp_path):
    add_catch_all(store)
    run(store, XLSX, load_mapping(MAPPING))
    from gridapp.io.export import export_layers, open311
    requests = open311(store)
    json.dumps(requests, allow_nan=False)  # strict JSON: no NaN for a missing position
    assert sum(r["lat"] is None for r in requests) == 4
    import pyogrio
    out = export_layers(store, tmp_path / "x.gpkg", ["cases"])[0]
    assert pyogrio.read_dataframe(out, layer="cases").geometry.isna().sum() == 4


def test_a_gbk_code_list_builds_the_grid(data_dir, tmp_path):
    gbk = tmp_path / "adcode_420102_gbk.csv"
    gbk.write_bytes((data_dir / "adcode_420102.csv").read_text("utf-8").encode("gbk"))
    r = CliRunner().invoke(main, ["--db", str(tmp_path / "s.sqlite"), "import", "grid",
                                  "--boundary", str(data_dir / "fence_420102.geojson"),
                                  "--coords", "gcj02", "--district-code", "420102",
                                  "--district-name", "江岸区", "--codes", str(gbk), "--out",
                                  str(tmp_path / "g.gpkg")])
    assert r.exit_code == 0, r.output
    assert "江岸区:" in r.output and "communities" in r.output


def test_a_store_without_unit_grid_says_so(empty_store):
    with pytest.raises(ImportRejected, match="江岸区 has no unit grid cells yet: cases cannot "
                       "be located; expected cells loaded first"):
        run(empty_store, DATA / "12345_offsets.csv", Mapping())
