"""The bulletin as an XLSX workbook: a summary sheet, a sheet per level, the analyses."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from ..analysis.bulletin import Bulletin
from ..domain.indicators import COUNT_BY_KEY, RATE_BY_KEY, RATES
from .xlsx_sheet import FastWorkbook, NumberSheet

HEADLINE = ("reported", "registered", "dispatched", "handled", "due", "closed",
            "closed_on_time", "overdue", "reworked", "returned")
_EXTRA = {"name": ("名称", "Name"), "score": ("得分", "Score"), "grade": ("等级", "Grade"),
          "rank": ("排名", "Rank"), "prev_score": ("上期得分", "Last score"),
          "prev_rank": ("上期排名", "Last rank"), "change": ("得分变化", "Score change"),
          "rank_change": ("名次变化", "Places moved")}


def label(key: str, lang: str = "zh") -> str:
    i = 0 if lang == "zh" else 1
    if key in COUNT_BY_KEY:
        return (COUNT_BY_KEY[key].zh, COUNT_BY_KEY[key].en)[i]
    if key in RATE_BY_KEY:
        return (RATE_BY_KEY[key].zh, RATE_BY_KEY[key].en)[i]
    return _EXTRA.get(key, (key, key))[i]


def write_xlsx(b: Bulletin, path: Path, lang: str = "zh") -> Path:
    zh = lang == "zh"
    # in_memory: the sheets' XML goes to the zip from memory, not through a temp file each
    # (measured: writing and deleting ~20 temp files was half the workbook's time)
    wb = FastWorkbook(str(path), {"nan_inf_to_errors": True, "in_memory": True})
    f = _formats(wb)
    ws = wb.add_worksheet("概况" if zh else "Summary")
    ws.write(0, 0, b.title if zh else f"City management bulletin, {b.period.label}", f["title"])
    ws.write(1, 0, (f"考核方案：{b.scheme_name}（第{b.scheme_version}版）  生成时间：{b.made_at:%Y-%m-%d %H:%M}"
                    if zh else f"Scheme: {b.scheme_name} (v{b.scheme_version})  made "
                    f"{b.made_at:%Y-%m-%d %H:%M}"))
    ws.write(2, 0, b.provenance(zh))  # where 上期 comes from; which issue this replaces
    head = ("指标", "本期", "上期", "变化") if zh else ("Indicator", "This period", "Last", "Change")
    ws.write_row(3, 0, head, f["head"])
    row = 4
    for k in HEADLINE:
        ws.write(row, 0, label(k, lang))
        ws.write_number(row, 1, b.headline[k])
        ws.write_number(row, 2, b.previous[k])
        ws.write_number(row, 3, b.headline[k] - b.previous[k])
        row += 1
    for r in RATES:
        ws.write(row, 0, label(r.key, lang))
        _pct(ws, row, 1, b.headline[r.key], f)
        _pct(ws, row, 2, b.previous[r.key], f)
        a, p = b.headline[r.key], b.previous[r.key]
        _pct(ws, row, 3, None if a is None or p is None else a - p, f)
        row += 1
    ws.set_column(0, 0, 18)
    ws.set_column(1, 3, 12)
    for level, table in b.tables.items():
        _table_sheet(wb, f, level.label_zh if zh else level.label_en, table, lang)
    _frame_sheet(wb, f, "高频问题" if zh else "Top classes", b.top_classes.reset_index(),
                 {"class_code": "小类代码" if zh else "Class", "name": "名称" if zh else "Name",
                  "cases": "案件数" if zh else "Cases", "share": "占比" if zh else "Share",
                  "previous": "上期" if zh else "Last", "change": "变化" if zh else "Change"},
                 pct={"share"})
    reps = pd.DataFrame([{"class_code": r.class_code, "name": b.class_names.get(r.class_code, ""),
                          "cell_code": r.cell_code, "cases": r.cases, "x": round(r.x, 1),
                          "y": round(r.y, 1)} for r in b.repeats])
    _frame_sheet(wb, f, "重复投诉" if zh else "Repeat places", reps,
                 {"class_code": "小类代码" if zh else "Class", "name": "名称" if zh else "Name",
                  "cell_code": "网格" if zh else "Cell", "cases": "次数" if zh else "Cases",
                  "x": "X", "y": "Y"})
    tr = pd.DataFrame({"month": [f"{d:%Y-%m}" for d in b.trend.index],
                       "cases": b.trend.to_numpy()})
    _frame_sheet(wb, f, "趋势" if zh else "Trend", tr,
                 {"month": "月份" if zh else "Month", "cases": "上报数" if zh else "Reported"})
    wb.close()
    return path


def _formats(wb) -> dict:
    return {"title": wb.add_format({"bold": True, "font_size": 14}),
            "head": wb.add_format({"bold": True, "bg_color": "#DDE6F0", "border": 1,
                                   "text_wrap": True, "valign": "vcenter"}),
            "pct": wb.add_format({"num_format": "0.00%"}),
            "num": wb.add_format({"num_format": "0.00"})}


def _pct(ws, row: int, col: int, value, f) -> None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        ws.write(row, col, "—")
    else:
        ws.write_number(row, col, float(value), f["pct"])


def _table_sheet(wb, f, name: str, t: pd.DataFrame, lang: str) -> None:
    ws = wb.add_worksheet(name[:31], worksheet_class=NumberSheet)
    cols = ["name"] + [c for c in ("rank", "score", "grade", "prev_rank", "prev_score", "change",
                                   "rank_change") if c in t.columns]
    cols += [c for c in t.columns if c not in cols and c in COUNT_BY_KEY]
    cols += [c for c in t.columns if c in RATE_BY_KEY]
    ws.write(0, 0, "代码" if lang == "zh" else "Code", f["head"])
    ws.write_row(0, 1, [label(c, lang) for c in cols], f["head"])
    # the body column by column: the code, then each column's numbers, its text (names,
    # grades) and "—" for a missing value (pandas' lookup of a column is the cost: the text
    # columns are looked up one by one, the numbers read as one float matrix)
    missing = t.isna().to_numpy()[:, t.columns.get_indexer(cols)]
    dtypes = t.dtypes
    text = [not pd.api.types.is_numeric_dtype(dtypes[c]) for c in cols]
    numeric = [c for c, txt in zip(cols, text, strict=True) if not txt]
    numbers = t[numeric].to_numpy(np.float64, na_value=np.nan)
    columns: list[list] = [[str(u) for u in t.index.tolist()]]
    formats = [None]
    for j, (c, txt) in enumerate(zip(cols, text, strict=True)):
        values = t[c].tolist() if txt else numbers[:, numeric.index(c)].tolist()
        if txt:  # text, or a number among text: a number cell
            values = [v if isinstance(v, str) else float(v) for v in values]
        for i in np.flatnonzero(missing[:, j]).tolist():
            values[i] = "—"
        columns.append(values)
        formats.append(_number_format(c, f))
    ws.write_block(1, 0, columns, formats)
    ws.freeze_panes(1, 2)
    ws.set_row(0, 30)
    ws.set_column(0, 1, 16)
    ws.set_column(2, len(cols), 10)
    ws.autofilter(0, 0, len(t), len(cols))


def _number_format(column: str, f: dict):
    return f["pct"] if column in RATE_BY_KEY else \
        f["num"] if column in ("score", "prev_score", "change") else None


def _frame_sheet(wb, f, name: str, df: pd.DataFrame, headers: dict, pct=frozenset()) -> None:
    ws = wb.add_worksheet(name[:31])
    cols = list(df.columns)
    ws.write_row(0, 0, [headers.get(c, c) for c in cols], f["head"])
    for i, rec in enumerate(df.itertuples(index=False), start=1):
        for j, (c, v) in enumerate(zip(cols, rec, strict=True)):
            if c in pct:
                _pct(ws, i, j, v, f)
            elif isinstance(v, str):
                ws.write(i, j, v)
            else:
                ws.write_number(i, j, float(v))
    ws.set_column(0, len(cols), 14)
