"""Import problems and notes read in Chinese in the Chinese interface: every line of a real
messy export's report, with its values kept, and no English left in it."""

import csv
import re
from datetime import datetime
from pathlib import Path

import pytest
from factories import X0, Y0, clock

from gridapp.app import problem_text
from gridapp.io.crs import store_to_lonlat
from gridapp.io.errors import ImportRejected
from gridapp.io.hotline import import_context, parse_hotline
from gridapp.io.mapping import Mapping, load_mapping

DATA = Path(__file__).parent.parent / "data" / "hotline"
NOW = datetime(2026, 11, 28, 12, 0)
# words that are names the user types in a mapping file, not English prose
NAMES = {"time_format", "catch_all", "header_row", "skip_rows", "TOML", "IANA", "strftime",
         "kind", "layout", "case", "event", "columns", "categories", "sources",
         "gcj", "wgs", "cgcs"}   # coordinate systems by their codes


@pytest.fixture(autouse=True)
def _the_day_of_the_export(frozen_clock):
    frozen_clock(NOW)


def english_left(line: str) -> list[str]:
    """English words in a line, leaving out quoted values, [column] names and file names."""
    line = re.sub(r"'[^']*'|\"[^\"]*\"|\[[^\]]*\]|\S+\.(csv|xlsx|toml)", " ", line)
    words = re.findall(r"[A-Za-z_]{3,}", line)
    return [w for w in words if w not in NAMES and not w.isupper()]  # codes: OLD-2025-0003


def problems_of(store, path: Path, mapping: Mapping) -> ImportRejected:
    clock(store, NOW)
    with pytest.raises(ImportRejected) as e:
        parse_hotline(path, mapping, import_context(store, NOW))
    return e.value


@pytest.mark.parametrize("name", ["12319工单_日月年_gbk.csv", "12345_impossible_times.csv",
                                  "12345_many_problems.csv", "12345_ambiguous_dates.csv"])
def test_every_line_of_a_messy_file_s_report_is_chinese(store, name):
    report = problems_of(store, DATA / name, Mapping()).report
    text = problem_text.report(report, "zh")
    lines = text.splitlines()
    assert lines[0] == f"共 {len(report):,} 个问题，未写入任何数据："
    for line in lines:
        assert english_left(line) == [], line
    assert problem_text.report(report, "en") == str(report)  # English stays as it was


def test_values_rows_and_columns_are_kept(store):
    report = problems_of(store, DATA / "12345_impossible_times.csv", Mapping()).report
    lines = problem_text.report(report, "zh").splitlines()
    assert lines[1].strip() == ("12345_impossible_times.csv，第 3 行 [受理时间]：1900-01-01 00:00 "
                                "早于本库可接受的最早日期 2000-01-01；应为 2000-01-01 至今的时间")
    assert "第 4 行 [受理时间]：2035-06-01 08:00 晚于当前时间（现在是 2026-11-28 12:00）" in lines[2]


def test_a_point_far_away_and_outside_the_cells(store, tmp_path):
    lon, lat = (float(v) for v in store_to_lonlat(X0 - 400, Y0 - 400, 4547, "gcj02"))
    path = tmp_path / "x.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["工单编号", "受理时间", "问题分类", "经度", "纬度"])
        w.writerow(["A1", "2026-11-02 09:00", "外星人入侵", f"{lon:.6f}", f"{lat:.6f}"])
        w.writerow(["A2", "2026-11-02 09:00", "暴露垃圾", f"{lat:.6f}", f"{lon:.6f}"])
    text = problem_text.report(problems_of(store, path, Mapping()).report, "zh")
    assert f"（{lon:.6f}, {lat:.6f}）不在江岸区的任何单元网格内（距最近的网格 " in text
    assert "类别 '外星人入侵' 不在案件分类目录中" in text
    assert "经度 和 纬度 似乎填反了" in text
    assert all(english_left(line) == [] for line in text.splitlines()), text


def test_the_notes_of_a_real_export_are_chinese(store):
    from test_real_exports import XLSX, add_catch_all
    add_catch_all(store)
    batch = parse_hotline(XLSX, load_mapping(DATA / "江岸区12345.toml"),
                          import_context(store, NOW))
    assert batch.notes
    for note in batch.notes:
        zh = problem_text.text(note, "zh")
        assert english_left(zh) == [], (note, zh)


def test_a_message_no_pattern_knows_stays_whole():
    assert problem_text.text("something new went wrong", "zh") == "something new went wrong"


def test_a_history_file_s_cells_and_timelines_read_in_chinese(store, tmp_path):
    from test_history import old_case, t, write

    from gridapp.io.history import migrate_file
    rows = [old_case(1), old_case(2, 小类="外星人"), old_case(3, 核查时间=t(1, 8)),
            old_case(4, 上报时间="明天")]
    path, mapping = write(tmp_path, rows)
    with pytest.raises(ImportRejected) as e:
        migrate_file(store, path, load_mapping(tmp_path / "map.toml"), "admin")
    text = problem_text.report(e.value.report, "zh")
    assert "old.csv，第 4 行：案件 OLD-2025-0003：核查通过时间 2025-10-01 08:00 早于上一环节（" \
        in text
    assert all(english_left(line) == [] for line in text.splitlines()), text
