"""`import inspect` drafts what the import will ask for: every time column's day/month order,
and for a migration the channel names only a hotline import knows by itself."""

import pandas as pd

from gridapp.io.inspect import inspect_file


def _csv(tmp_path, rows, name="f.csv"):
    path = tmp_path / name
    pd.DataFrame(rows).to_csv(path, index=False, encoding="utf-8-sig")
    return path


def test_a_history_draft_names_the_hotline_channels_a_migration_needs(tmp_path):
    rows = [{"案卷号": f"A{i}", "小类": "暴露垃圾", "来源": src, "上报时间": "2025-10-06 09:00"}
            for i, src in enumerate(["12345热线", "监督员上报", "grid_patrol"])]
    got = inspect_file(_csv(tmp_path, rows), kind="history")
    assert got.mapping.sources["12345热线"] == "hotline_12345"
    assert "sources.12345热线" not in got.comments          # known: nothing to check
    assert "check" in got.comments["sources.监督员上报"]      # unknown: the user says
    assert "grid_patrol" not in got.mapping.sources         # already ours


def test_a_hotline_draft_leaves_out_the_channels_it_knows(tmp_path):
    rows = [{"工单编号": f"T{i}", "受理时间": "2026-11-02 09:00", "问题分类": "暴露垃圾",
             "来源渠道": src} for i, src in enumerate(["12345热线", "snapshot", "网格通"])]
    got = inspect_file(_csv(tmp_path, rows))
    assert set(got.mapping.sources) == {"网格通"}


def test_the_day_month_order_of_an_event_time_column_is_drafted(tmp_path):
    steps = [("上报", "03/11/2025 09:00"), ("立案", "03/11/2025 09:05"),
             ("派遣", "13/11/2025 09:10")]
    rows = [{"案卷号": "E1", "环节": s, "办理时间": at, "小类": "暴露垃圾"} for s, at in steps]
    got = inspect_file(_csv(tmp_path, rows), kind="history")
    assert got.mapping.layout == "event"
    assert got.mapping.time_format == "%d/%m/%Y %H:%M"


def test_an_order_no_value_settles_is_marked_required(tmp_path):
    rows = [{"案卷号": f"A{i}", "小类": "暴露垃圾", "上报时间": "2025-10-06 09:00",
             "结案时间": f"0{i + 1}/10/2025 17:00"} for i in range(3)]
    got = inspect_file(_csv(tmp_path, rows), kind="history")
    assert got.mapping.time_format is None
    assert got.comments["time_format"].startswith("REQUIRED")
    assert "read two ways" in got.comments["time_format"]
