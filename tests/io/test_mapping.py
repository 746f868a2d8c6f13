"""Mapping files and reading a file through one: rows as Excel numbers them, title, summary,
footer, blank and repeated rows recognised; a bad mapping named by its key."""

import csv
from pathlib import Path

import pytest

from gridapp.io.errors import ImportRejected, ValidationReport, write_report
from gridapp.io.hotline import ALIASES, REQUIRED
from gridapp.io.mapping import Mapping, load_mapping, mapping_to_toml, parse_mapping, read_rows

DATA = Path(__file__).resolve().parents[1] / "data" / "hotline"
XLSX = DATA / "江岸区12345工单明细_2026-11.xlsx"


def test_the_districts_mapping_file_reads_and_round_trips():
    m = load_mapping(DATA / "江岸区12345.toml")
    assert m.name == "江岸区12345" and m.catch_all == "E0699" and m.coords == "gcj02"
    assert m.columns["category"] == "问题分类" and len(m.categories) == 12
    again = parse_mapping(mapping_to_toml(m, {"coords": "Amap"}, "a header\nline two"))
    assert again == m


@pytest.mark.parametrize("text, where, what", [
    ('name = "x"\ncoords = gcj02\n', ":", "line 2, column 10: not valid TOML: Invalid value"),
    ('name = "x"\ntime_fromat = "%d/%m/%Y"\n', "[time_fromat]", "unknown key 'time_fromat'"),
    ('coords = "mars"\n', "[coords]", "coordinate system 'mars' unknown"),
    ('time_zone = "China/Wuhan"\n', "[time_zone]", "time zone 'China/Wuhan' unknown"),
    ('source = "phone"\n', "[source]", "source 'phone' unknown"),
    ('[states]\n"已办结" = "done"\n', "[states.已办结]", "state 'done' unknown"),
    ('[categories]\n"垃圾" = 102\n', "[categories.垃圾]", "the value must be text in quotes"),
    ('header_row = 0\n', "[header_row]", "header_row must be a row number"),
])
def test_a_bad_mapping_names_its_line_or_key(text, where, what):
    with pytest.raises(ImportRejected) as e:
        parse_mapping(text, "map.toml")
    line = str(e.value).splitlines()[1]
    assert line.strip().startswith(f"map.toml{where}" if where == ":"
                                   else f"map.toml {where}"), line
    assert what in line


def test_rows_are_numbered_as_excel_shows_them():
    rows = read_rows(XLSX, Mapping(), ALIASES, REQUIRED)
    assert rows.header_row == 3
    # 45 tickets; the sheet's rows 4… with one repeated row and one blank row in between
    assert len(rows) == 45
    assert rows.rows[0] == 4 and rows.rows[-1] == 50
    assert 24 not in rows.rows and 35 not in rows.rows  # the repeat and the blank row
    first = dict(zip(rows.values, (v[0] for v in rows.values.values()), strict=True))
    assert first["external_id"] == "GD202611020001"
    assert first["reported_at"] == "2026-11-02 08:12:00"  # an Excel date cell, as text
    notes = "\n".join(rows.notes)
    assert "row(s) 1–2 above the header (row 3) skipped as title: 江岸区12345市民服务热线工单明细表" \
        in notes
    assert "row(s) 51 are summary rows (合计/总计/小计): skipped" in notes
    assert "row(s) 53 below the summary row skipped" in notes
    assert "1 row(s) repeat earlier rows exactly, imported once: row 24 = row 23" in notes


def test_header_row_and_skip_rows_from_the_mapping(tmp_path):
    path = tmp_path / "units.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerows([["报表"], ["编号", "时间", "说明"], ["单位：件", "", ""],
                     ["A1", "2026-11-02 09:00", "x"], [], ["A2", "2026-11-02 10:00", "y"]])
    m = Mapping(columns={"external_id": "编号", "reported_at": "时间"}, header_row=2,
                skip_rows=[3])
    rows = read_rows(path, m, ALIASES, REQUIRED[:2])
    assert rows.rows.tolist() == [4, 6]
    assert rows.text("external_id").tolist() == ["A1", "A2"]
    assert rows.column("reported_at") == "时间"


def test_gbk_csv_and_missing_columns_are_named(tmp_path):
    rows = read_rows(DATA / "12319工单_日月年_gbk.csv", Mapping(), ALIASES, REQUIRED)
    assert rows.column("reported_at") == "来电时间" and rows.rows[0] == 4
    assert rows.text("category")[0] == "道路不洁"
    with pytest.raises(ImportRejected) as e:
        read_rows(DATA / "12319工单_日月年_gbk.csv", Mapping(columns={"address": "事发地点"}),
                  ALIASES, REQUIRED)
    assert "12319工单_日月年_gbk.csv [address]: column '事发地点' (mapping 12345) is not in " \
        "the file; expected one of the columns: 工单号, 来电时间" in str(e.value)


@pytest.mark.parametrize("content, message", [
    (b"", "the file has no header row"),
    (b"\xff\xfe\x00\xd8broken", "the text is neither UTF-8 nor GBK/GB18030"),
])
def test_unreadable_files_give_one_line(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content if message != "the text is neither UTF-8 nor GBK/GB18030"
                     else b"\x81\x30\x81" * 3 + b"\xff\xff\xff")
    with pytest.raises(ImportRejected, match=message):
        read_rows(path, Mapping(), ALIASES, REQUIRED)


def test_an_unknown_sheet_lists_the_sheets():
    with pytest.raises(ImportRejected, match="no sheet '工单'; expected one of 工单明细"):
        read_rows(XLSX, Mapping(sheet="工单"), ALIASES, REQUIRED)


def test_every_problem_is_counted_and_the_report_file_lists_all(tmp_path):
    report = ValidationReport()
    for r in range(1, 1294):
        report.add("big.csv", r + 1, "问题分类", f"class 'x{r}' is not in the catalog", f"x{r}",
                   "a catalog class")
    text = str(report)
    assert text.startswith("1,293 problem(s); nothing was written:")
    assert "… and 1,263 more" in text
    path = write_report(report, tmp_path / "big.problems.csv")
    assert f"all 1,293 are listed in {path}" in str(report)
    with open(path, encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["文件", "行号", "列", "值", "问题", "应为"]
    assert len(lines) == 1294 and lines[1][:4] == ["big.csv", "2", "问题分类", "x1"]


def test_history_rows_through_the_same_api(tmp_path):
    """What `import history` builds on: plain columns, times in the district zone, value
    maps, every problem with its Excel row."""
    from datetime import datetime

    from gridapp.domain.settings import Settings
    path = tmp_path / "old_system.csv"
    with open(path, "w", encoding="gbk", newline="") as fh:
        w = csv.writer(fh)
        w.writerows([["案卷号", "上报时间", "结案时间", "案件状态"],
                      ["2021000001", "2021/3/4 9:00", "2021/3/5 17:20", "已结案"],
                      ["2021000002", "2021/3/4 10:00", "", "处置中"],
                      ["2021000003", "2021/3/4 11:00", "2035/1/1 0:00", "已作废"]])
    m = Mapping(kind="history", columns={"external_id": "案卷号", "reported_at": "上报时间",
                                         "closed_at": "结案时间", "state": "案件状态"},
                states={"已结案": "closed", "处置中": "in_progress"})
    rows = read_rows(path, m, {}, ("external_id", "reported_at", "state"))
    closed = rows.times("closed_at", m, Settings(), datetime(2026, 11, 28))
    assert closed.datetimes()[:2] == [datetime(2021, 3, 5, 17, 20), None]
    states = rows.mapped("state", m.value_map("state"), {"closed", "in_progress", "rejected"})
    assert states == ["closed", "in_progress", None]
    assert [str(p) for p in rows.report.ordered()] == [
        "old_system.csv, row 4 [结案时间]: 2035/1/1 0:00 is in the future (now is 2026-11-28 "
        "00:00); expected a time no later than now",
        "old_system.csv, row 4 [案件状态]: '已作废' is not a known state; expected one of "
        "closed, in_progress, rejected or an entry in the mapping's value map"]
