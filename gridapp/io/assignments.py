"""Assignment sheets (CSV, XLSX): who is responsible for which segment, cell or class."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd

from ..domain.people import AssignmentKind
from ..services.assignments import AssignmentRow
from .errors import ImportRejected, ValidationReport
from .tables import read_table

KINDS = {"road_chief": AssignmentKind.ROAD_CHIEF_SEGMENT, "路长": AssignmentKind.ROAD_CHIEF_SEGMENT,
         "road_chief_segment": AssignmentKind.ROAD_CHIEF_SEGMENT,
         "grid_worker": AssignmentKind.GRID_WORKER_CELL, "网格员": AssignmentKind.GRID_WORKER_CELL,
         "grid_worker_cell": AssignmentKind.GRID_WORKER_CELL,
         "department": AssignmentKind.DEPARTMENT_CLASS, "部门": AssignmentKind.DEPARTMENT_CLASS,
         "department_class": AssignmentKind.DEPARTMENT_CLASS}
COLUMNS = {"kind": ["kind", "类型", "责任类型"], "target": ["target", "对象编码", "编码",
                                                          "路段编码", "网格编码", "小类编码"],
           "username": ["username", "账号", "用户名"], "name": ["name", "姓名"],
           "department": ["department", "部门", "部门编码", "单位"],
           "valid_from": ["valid_from", "起始日期", "生效日期", "开始"],
           "valid_to": ["valid_to", "截止日期", "失效日期", "结束"]}


def read_assignments(path: Path | str, default_from: datetime | None = None) -> list[AssignmentRow]:
    path = Path(path)
    frame = read_table(path)
    report = ValidationReport()
    cols = {k: next((c for c in v if c in frame.columns), None) for k, v in COLUMNS.items()}
    for need in ("kind", "target"):
        if cols[need] is None:
            report.add(path.name, None, need, f"no column for {need} (one of "
                       f"{', '.join(COLUMNS[need])})")
    if report:
        raise ImportRejected(report)
    rows: list[AssignmentRow] = []
    start = default_from or datetime.now().replace(microsecond=0)
    for i, rec in zip(frame.attrs["rows"], frame.to_dict("records"), strict=True):
        def get(k, rec=rec):
            v = rec.get(cols[k]) if cols[k] else None
            return None if v is None or (isinstance(v, float) and pd.isna(v)) or \
                str(v).strip() == "" else str(v).strip()
        kind = KINDS.get((get("kind") or "").lower()) or KINDS.get(get("kind") or "")
        if kind is None:
            report.add(path.name, i, cols["kind"], f"kind {get('kind')!r} unknown (路长, 网格员, "
                       "部门 or road_chief, grid_worker, department)")
            continue
        dates = []
        for k in ("valid_from", "valid_to"):
            raw = get(k)
            if raw is None:
                dates.append(None)
                continue
            ts = pd.to_datetime(raw, errors="coerce")
            if pd.isna(ts):
                report.add(path.name, i, cols[k], f"cannot read the date {raw!r}")
            dates.append(None if pd.isna(ts) else ts.to_pydatetime())
        rows.append(AssignmentRow(i, kind, get("target") or "", get("username"), get("name"),
                                  get("department"), dates[0] or start, dates[1]))
    if report:
        raise ImportRejected(report)
    return rows
