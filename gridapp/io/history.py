"""An old system's export (CSV/XLSX) read through a mapping file into cases with timelines.

The mapping is the one `import hotline` takes (`io/mapping.py`, `kind = "history"`): the
same header detection, title/summary/copy rows, value maps, catch-all class, time format and
zone, coordinate system. Two layouts: one row per case (a time column per stage) or one row
per event (流转记录: case number, step, time, who). Each problem is named by file, the row
Excel shows and the column; nothing is migrated while any is left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..domain.actions import Action
from ..domain.case import Satisfaction, Source
from ..domain.catalog import Catalog
from ..domain.settings import Settings
from ..services.history import (
    ACTIONS_BY_NAME,
    HistoryCase,
    HistoryRejected,
    HistoryStep,
    HistorySummary,
    migrate_history,
)
from ..services.progress import Progress
from .crs import LonLatSystem, lonlat_to_store
from .errors import ImportRejected, ValidationReport
from .mapping import STORE_COORDS, MappedRows, Mapping, check_mapping, read_rows

# the stages of a one-row-per-case export, in the loop's order, and what each records
STAGES = [("registered_at", Action.REGISTER), ("dispatched_at", Action.DISPATCH),
          ("signed_at", Action.SIGN), ("rectified_at", Action.RECTIFY),
          ("verified_at", Action.VERIFY_PASS), ("closed_at", Action.CLOSE)]
PEOPLE = {"reported_at": "reporter", "rectified_at": "handler", "signed_at": "handler",
          "verified_at": "verifier"}

_CASE = {
    "external_id": ["案卷号", "案卷编号", "案件编号", "案件号", "工单编号", "编号", "number"],
    "category": ["小类", "案件小类", "问题小类", "问题分类", "问题类型", "class", "category"],
    "source": ["来源", "案件来源", "问题来源", "来源渠道", "source"],
    "lon": ["经度", "经度(GCJ02)", "lng", "lon", "longitude"],
    "lat": ["纬度", "纬度(GCJ02)", "lat", "latitude"],
    "x": ["X", "X坐标", "横坐标"],
    "y": ["Y", "Y坐标", "纵坐标"],
    "address": ["地址", "问题地址", "事发地址", "发生地址", "address"],
    "description": ["问题描述", "案件描述", "描述", "description"],
    "contact": ["联系人", "举报人", "contact"],
    "deadline_at": ["应办结时间", "处置时限", "截止时间", "办结时限", "deadline_at"],
    "department": ["处置部门", "责任部门", "主办部门", "承办部门", "部门", "department"],
    "satisfaction": ["满意度", "回访结果", "评价", "satisfaction"],
}
_BY_CASE = {
    "reported_at": ["上报时间", "受理时间", "发现时间", "reported_at"],
    "registered_at": ["立案时间", "registered_at"],
    "dispatched_at": ["派遣时间", "派单时间", "dispatched_at"],
    "signed_at": ["签收时间", "signed_at"],
    "rectified_at": ["处置时间", "处置完成时间", "反馈时间", "rectified_at"],
    "verified_at": ["核查时间", "核实时间", "verified_at"],
    "closed_at": ["结案时间", "办结时间", "closed_at"],
    "replied_at": ["回告时间", "回复时间", "replied_at"],
    "visited_at": ["回访时间", "visited_at"],
    "reporter": ["上报人", "监督员", "reporter"],
    "handler": ["处置人", "经办人", "handler"],
    "verifier": ["核查人", "verifier"],
}
_BY_EVENT = {
    "step": ["环节", "办理环节", "流程环节", "操作", "步骤", "step"],
    "at": ["时间", "办理时间", "操作时间", "at"],
    "person": ["办理人", "操作人", "经办人", "person"],
    "note": ["说明", "办理意见", "意见", "备注", "note"],
    "extra": ["延期时长", "申请时长", "extra"],
}
FIELDS = {"case": {**_CASE, **_BY_CASE}, "event": {**_CASE, **_BY_EVENT}}
REQUIRED = {"case": ("external_id", "category", "reported_at"),
            "event": ("external_id", "step", "at")}
# every field a history mapping may name (both layouts), for `import inspect --for history`
ALIASES = {**_CASE, **_BY_CASE, **_BY_EVENT}


@dataclass
class HistoryContext:
    """What reading needs from the store: catalog, CRS, settings and its clock."""

    catalog: Catalog
    srid: int
    settings: Settings
    now: datetime


def history_context(store: Any) -> HistoryContext:
    """Catalog, settings and the store's clock, read once."""
    with store.uow(write=False) as uow:
        return HistoryContext(uow.config.catalog(), store.srid, uow.config.settings(),
                              uow.now())


@dataclass
class HistoryFile:
    """The file's cases with their steps, and what the reader noticed (title rows, …)."""

    cases: list[HistoryCase]
    notes: list[str]
    rows: int           # data rows read
    report: ValidationReport = field(default_factory=ValidationReport)  # when not strict


def read_history(path: Path | str, mapping: Mapping, ctx: HistoryContext,
                 sheet: str | None = None, strict: bool = True) -> HistoryFile:
    """The file's cases with their steps, or ImportRejected naming every bad cell (not
    `strict`: the cases without a problem, and the report of the others)."""
    layout = mapping.layout
    rows = read_rows(path, mapping, FIELDS[layout], REQUIRED[layout], sheet)
    if len(rows) == 0:
        rows.report.add(rows.file, None, None, f"no data rows below the header (row "
                        f"{rows.header_row})")
        raise ImportRejected(rows.report)
    reader = _Reader(rows, mapping, ctx)
    cases = reader.by_event() if layout == "event" else reader.by_case()
    if reader.caught:
        reader.notes.append(f"{reader.caught:,} case(s) of classes the mapping does not name "
                            f"went to the catch-all class {mapping.catch_all}")
    if rows.report and strict:
        raise ImportRejected(rows.report)
    if rows.report:  # a case with a bad cell on any of its rows is left out of the rest
        bad = {p.row for p in rows.report.problems}
        numbers = rows.text("external_id")
        left_out = {numbers[i] for i, r in enumerate(rows.rows.tolist()) if r in bad}
        cases = [c for c in cases if c.number not in left_out]
    return HistoryFile(cases, rows.notes + reader.notes, len(rows), rows.report)


def migrate_file(store: Any, path: Path | str, mapping: Mapping, admin: str, *,
                 dry_run: bool = False, progress: Progress | None = None,
                 sheet: str | None = None) -> tuple[HistoryFile, HistorySummary]:
    """Read, check and migrate a file; ImportRejected lists every problem at once, those
    of its cells and those of the timelines the table refuses, and nothing is written."""
    ctx = history_context(store)
    check_history_mapping(mapping, ctx.catalog)
    read = read_history(path, mapping, ctx, sheet, strict=False)
    report = read.report
    try:
        summary = migrate_history(store.uow(), admin, read.cases, Path(path).name,
                                  dry_run or bool(report), progress)
    except HistoryRejected as exc:
        for row, what in exc.found:
            report.add(exc.source, row, None, what)
    if report:
        raise ImportRejected(report)
    return read, summary


class _Reader:
    def __init__(self, rows: MappedRows, mapping: Mapping, ctx: HistoryContext) -> None:
        self.rows, self.m, self.ctx = rows, mapping, ctx
        self.notes: list[str] = []
        self.caught = 0
        self.x, self.y = self._points()
        self.deadline = self.times("deadline_at")
        self.classes = self._classes()
        self.sources = rows.mapped("source", mapping.sources, {s.value for s in Source},
                                   mapping.source)
        self.departments = [mapping.departments.get(d, d) for d in rows.text("department")]

    def times(self, fld: str) -> list[datetime | None]:
        if self.rows.column(fld) is None:
            return [None] * len(self.rows)
        column = self.rows.times(fld, self.m, self.ctx.settings, self.ctx.now)
        self.notes += column.notes
        return column.datetimes()

    def _points(self) -> tuple[np.ndarray, np.ndarray]:
        rows, m = self.rows, self.m
        store = m.coords == STORE_COORDS
        a_name, b_name = ("x", "y") if store else ("lon", "lat")
        a = pd.to_numeric(pd.Series(rows.text(a_name)), errors="coerce").to_numpy(float)
        b = pd.to_numeric(pd.Series(rows.text(b_name)), errors="coerce").to_numpy(float)
        bad = np.isnan(a) | np.isnan(b)
        self.point_fields = (a_name, b_name)
        if store:
            return a, b
        x, y = np.full(len(a), np.nan), np.full(len(a), np.nan)
        if (~bad).any():
            x[~bad], y[~bad] = lonlat_to_store(a[~bad], b[~bad], LonLatSystem(m.coords),
                                               self.ctx.srid)
        return x, y

    def _classes(self) -> list[str | None]:
        catalog, m, out = self.ctx.catalog, self.m, []
        for value in self.rows.text("category"):
            found = catalog.find(m.categories.get(value) or value) if value else None
            if found is None and m.catch_all:
                found = catalog.find(m.catch_all)
            out.append(found.code if found else None)
        return out

    def head(self, i: int) -> HistoryCase:
        rows = self.rows
        number = rows.text("external_id")[i]
        if not number:
            rows.problem(i, "external_id", "no case number", "", "the old system's number")
        value = rows.text("category")[i]
        if self.classes[i] is None:
            rows.problem(i, "category", f"class {value!r} is not in the catalog", value,
                         "a class of the catalog, an entry in [categories] or a catch_all "
                         "class")
        elif value and self.ctx.catalog.find(self.m.categories.get(value) or value) is None:
            self.caught += 1
        for fld in self.point_fields:
            text = rows.text(fld)[i]
            if (np.isnan(self.x[i]) or np.isnan(self.y[i])) and not _is_number(text):
                rows.problem(i, fld, "not a number" if text else "no coordinates", text,
                             "x/y in the store's CRS" if fld in ("x", "y") else
                             "longitude and latitude")
        return HistoryCase(number, int(rows.rows[i]), self.classes[i] or "",
                           Source(self.sources[i] or Source.HOTLINE_12345.value),
                           float(self.x[i]), float(self.y[i]), [],
                           rows.text("address")[i], rows.text("description")[i],
                           rows.text("contact")[i], self.deadline[i])

    def satisfaction(self, i: int) -> str:
        raw = self.rows.text("satisfaction")[i]
        value = self.m.value_map("satisfaction").get(raw, raw)
        if value not in {s.value for s in Satisfaction}:
            self.rows.problem(i, "satisfaction", f"satisfaction {raw!r} is unknown", raw,
                              ", ".join(s.value for s in Satisfaction)
                              + " or an entry in [values.satisfaction]")
        return value

    def by_case(self) -> list[HistoryCase]:
        rows = self.rows
        reported = self.times("reported_at")
        stage_times = {name: self.times(name) for name, _ in STAGES}
        replied, visited = self.times("replied_at"), self.times("visited_at")
        people = {k: rows.text(k) for k in ("reporter", "handler", "verifier")}
        out = []
        for i in range(len(rows)):
            head = self.head(i)
            line = head.row
            if reported[i] is None:
                if not rows.text("reported_at")[i]:
                    rows.problem(i, "reported_at", "no report time", "", "the time the case "
                                 "was reported")
                continue
            head.steps.append(HistoryStep(Action.REPORT, reported[i], line,
                                          people["reporter"][i] or None))
            given = [(name, action, stage_times[name][i]) for name, action in STAGES]
            last = max((k for k, g in enumerate(given) if g[2] is not None), default=-1)
            for k in range(last + 1):  # a stage the file skipped took place by the next one
                name, action, at = given[k]
                inferred = at is None
                if at is None:
                    at = next(g[2] for g in given[k + 1:] if g[2] is not None)
                person = people[PEOPLE[name]][i] or None if name in PEOPLE else None
                values: dict[str, Any] = {}
                if action is Action.DISPATCH:
                    values["department"] = self.departments[i]
                elif action is Action.RECTIFY:
                    values["note"] = "历史记录：已处置"
                head.steps.append(HistoryStep(action, at, line, person, values, inferred))
            if replied[i] is not None:
                head.steps.append(HistoryStep(Action.REPLY, replied[i], line,
                                              values={"note": "历史记录：已回告"}))
            if visited[i] is not None:
                head.steps.append(HistoryStep(Action.VISIT, visited[i], line,
                                              values={"satisfaction": self.satisfaction(i)}))
            out.append(head)
        return out

    def by_event(self) -> list[HistoryCase]:
        rows = self.rows
        at = self.times("at")
        numbers, who, note, extra = (rows.text(f) for f in ("external_id", "person", "note",
                                                             "extra"))
        cases: dict[str, HistoryCase] = {}
        for i, raw in enumerate(rows.text("step")):
            action = ACTIONS_BY_NAME.get(self.m.steps.get(raw, raw))
            if action is None:
                rows.problem(i, "step", f"step {raw!r} is unknown", raw, "an action such as "
                             "dispatch, or an entry in [steps] (\"派遣\" = \"dispatch\")")
                continue
            when = at[i]
            if when is None:
                if not rows.text("at")[i]:
                    rows.problem(i, "at", "no time", "", "the time of the step")
                continue
            number = numbers[i]
            if number not in cases:
                if action is not Action.REPORT:
                    rows.problem(i, "step", f"case {number} starts with {raw!r}; its first "
                                 "row must be the report", raw, "the report first")
                    continue
                cases[number] = self.head(i)
            values: dict[str, Any] = {}
            if note[i]:
                values["reason" if action in (Action.RETURN, Action.REQUEST_EXTENSION,
                                              Action.REQUEST_SUSPENSION, Action.REOPEN)
                       else "note"] = note[i]
            if action is Action.DISPATCH:
                values["department"] = self.departments[i]
            elif action is Action.VISIT:
                values["satisfaction"] = self.satisfaction(i)
            elif action is Action.REQUEST_EXTENSION:
                values["extra"] = extra[i] or "1d"
            elif action is Action.REJECT:
                values["reason_code"] = "invalid"
            self._deadline(i, cases[number])
            step = HistoryStep(action, when, int(rows.rows[i]), who[i] or None, values)
            if action is Action.REPORT:
                cases[number].steps.insert(0, step)
            else:
                cases[number].steps.append(step)
        for c in cases.values():
            c.steps[1:] = sorted(c.steps[1:], key=lambda s: (s.at, s.row))
        return list(cases.values())


    def _deadline(self, i: int, case: HistoryCase) -> None:
        """The record's deadline from whichever of its rows gives it (usually the 派遣 row);
        two different ones are refused rather than one silently kept."""
        given = self.deadline[i]
        if given is None or given == case.deadline:
            return
        if case.deadline is None:
            case.deadline = given
            return
        self.rows.problem(i, "deadline_at", f"case {case.number} already has the deadline "
                          f"{case.deadline:%Y-%m-%d %H:%M} on an earlier row",
                          self.rows.text("deadline_at")[i], "one deadline per case")


def check_history_mapping(mapping: Mapping, catalog: Catalog) -> None:
    """ImportRejected naming each key of the mapping that is wrong for a migration."""
    report = ValidationReport()
    if mapping.kind != "history":
        report.add(mapping.name, None, "kind", f"mapping {mapping.name!r} is for {mapping.kind} "
                   "exports", mapping.kind, 'kind = "history" (gridapp import inspect FILE '
                   "--for history drafts one)")
    check_mapping(mapping, mapping.name, report, {c.code for c in catalog})
    if report:
        raise ImportRejected(report)


def as_rejected(exc: HistoryRejected) -> ImportRejected:
    """The migration's problems (timelines the table refused) as an import report."""
    report = ValidationReport()
    for row, what in exc.found:
        report.add(exc.source, row, None, what)
    return ImportRejected(report)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def migration_mapping(name: str = "history") -> Mapping:
    """An empty history mapping (the fields are found by their usual Chinese names)."""
    return Mapping(name=name, kind="history", coords=LonLatSystem.GCJ02.value)


__all__ = ["ALIASES", "HistoryContext", "HistoryFile", "as_rejected", "check_history_mapping",
           "history_context", "migrate_file", "migration_mapping", "read_history"]
