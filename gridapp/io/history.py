"""An old system's export (CSV/XLSX) read through a TOML mapping into cases with timelines.

Two layouts: one row per case (a time column per stage) or one row per event (流转记录: case
number, step, time, who). Each problem is named by file, the line a spreadsheet shows and the
column; nothing is migrated while any is left.

The mapping (the smallest this reader needs; `import hotline` keeps its presets):

    [history]
    layout = "case"                  # or "event"
    time_format = "%Y-%m-%d %H:%M"   # optional: one format for every time column
    coords = "gcj02"                 # lon/lat system (wgs84, cgcs2000, gcj02, bd09), or
                                     # "store" when the columns are x/y in the store's CRS
    catch_all_class = "E9901"        # optional: class for values the map does not know
    [history.columns]                # field = column header
    number = "案卷号"  class = "小类"  lon = "经度"  lat = "纬度"  reported_at = "上报时间" …
    [history.classes]                # value in the file = catalog code (also sources,
    "暴露垃圾" = "E0102"             # departments, satisfaction, steps)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..domain.actions import Action
from ..domain.case import Satisfaction, Source
from ..domain.catalog import Catalog
from ..services.history import ACTIONS_BY_NAME, HistoryCase, HistoryStep
from .crs import LonLatSystem, lonlat_to_store
from .errors import ImportRejected, ValidationReport
from .tables import read_table

# the stages of a one-row-per-case export, in the loop's order, and what each records
STAGES = [("registered_at", Action.REGISTER), ("dispatched_at", Action.DISPATCH),
          ("signed_at", Action.SIGN), ("rectified_at", Action.RECTIFY),
          ("verified_at", Action.VERIFY_PASS), ("closed_at", Action.CLOSE)]
PEOPLE = {"reported_at": "reporter", "rectified_at": "handler", "signed_at": "handler",
          "verified_at": "verifier"}
CASE_FIELDS = ("number", "class", "source", "lon", "lat", "x", "y", "address", "description",
               "contact", "deadline_at")
HEADER_ROW = 1  # spreadsheets show the header on line 1, data from line 2


@dataclass
class HistoryMapping:
    layout: str = "case"
    columns: dict[str, str] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    departments: dict[str, str] = field(default_factory=dict)
    satisfaction: dict[str, str] = field(default_factory=dict)
    steps: dict[str, str] = field(default_factory=dict)
    time_format: str | None = None
    coords: str = "wgs84"
    catch_all_class: str | None = None
    default_source: str = "hotline_12345"

    @classmethod
    def read(cls, path: Path | str) -> HistoryMapping:
        """The [history] table of a TOML mapping file; one clear line if it is wrong."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("history")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise _rejected(path.name, None, None, f"cannot read the mapping: {exc}") from None
        if not isinstance(data, dict):
            raise _rejected(path.name, None, None, "no [history] table in the mapping")
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise _rejected(path.name, None, None, f"unknown keys {', '.join(unknown)} "
                            f"(known: {', '.join(sorted(known))})")
        m = cls(**data)
        if m.layout not in ("case", "event"):
            raise _rejected(path.name, None, "layout", f"{m.layout!r}: use case or event")
        return m


def _rejected(file: str, row: int | None, column: str | None, what: str) -> ImportRejected:
    report = ValidationReport()
    report.add(file, row, column, what)
    return ImportRejected(report)


def read_history(path: Path | str, mapping: HistoryMapping, catalog: Catalog, srid: int,
                 sheet: str | None = None) -> list[HistoryCase]:
    """The file's cases with their steps, or ImportRejected naming every bad cell."""
    path = Path(path)
    file, report = path.name, ValidationReport()
    frame = read_table(path, sheet)
    missing = [c for c in mapping.columns.values() if c not in frame.columns]
    if missing:
        raise _rejected(file, None, None, f"columns {', '.join(missing)} not found; the file "
                        f"has {', '.join(frame.columns)}")
    lines = np.arange(len(frame)) + HEADER_ROW + 1

    def col(name: str) -> pd.Series:
        c = mapping.columns.get(name)
        return frame[c].fillna("").astype(str).str.strip() if c else \
            pd.Series([""] * len(frame), index=frame.index)

    def times(name: str) -> pd.Series:
        raw = col(name)
        parsed = pd.to_datetime(raw, format=mapping.time_format, errors="coerce") \
            if mapping.time_format else pd.to_datetime(raw, errors="coerce", format="mixed")
        bad = (raw != "") & parsed.isna()
        for line, value in zip(lines[bad.to_numpy()], raw[bad], strict=True):
            report.add(file, int(line), mapping.columns.get(name), f"cannot read the time "
                       f"{value!r}" + (f" as {mapping.time_format}" if mapping.time_format
                                       else ""))
        return parsed

    if mapping.layout == "event":
        cases = _by_event(frame, mapping, catalog, srid, file, report, lines, col, times)
    else:
        cases = _by_case(frame, mapping, catalog, srid, file, report, lines, col, times)
    if report:
        raise ImportRejected(report)
    return cases


def _points(mapping, col, srid, lines, file, report) -> tuple[np.ndarray, np.ndarray]:
    if mapping.coords == "store":
        x = pd.to_numeric(col("x"), errors="coerce").to_numpy()
        y = pd.to_numeric(col("y"), errors="coerce").to_numpy()
        bad = np.isnan(x) | np.isnan(y)
    else:
        lon = pd.to_numeric(col("lon"), errors="coerce").to_numpy()
        lat = pd.to_numeric(col("lat"), errors="coerce").to_numpy()
        bad = np.isnan(lon) | np.isnan(lat)
        x, y = np.full(len(lon), np.nan), np.full(len(lon), np.nan)
        if (~bad).any():
            x[~bad], y[~bad] = lonlat_to_store(lon[~bad], lat[~bad],
                                               LonLatSystem(mapping.coords), srid)
    for line in lines[bad]:
        report.add(file, int(line), mapping.columns.get("lon" if mapping.coords != "store"
                                                        else "x"), "missing coordinates")
    return x, y


def _class(value: str, mapping: HistoryMapping, catalog: Catalog) -> str | None:
    found = catalog.find(mapping.classes.get(value) or value)
    if found is None and mapping.catch_all_class:
        found = catalog.find(mapping.catch_all_class)
    return found.code if found else None


def _source(value: str, mapping: HistoryMapping) -> Source | None:
    raw = mapping.sources.get(value) or value or mapping.default_source
    try:
        return Source(raw)
    except ValueError:
        return None


def _case_head(i: int, mapping, catalog, file, report, lines, col, x, y, deadline):
    line = int(lines[i])
    number = col("number").iloc[i]
    if not number:
        report.add(file, line, mapping.columns.get("number"), "no case number")
    value = col("class").iloc[i]
    code = _class(value, mapping, catalog)
    if code is None:
        report.add(file, line, mapping.columns.get("class"), f"class {value!r} is not in the "
                   "catalog (map it under [history.classes] or set catch_all_class)")
    source = _source(col("source").iloc[i], mapping)
    if source is None:
        report.add(file, line, mapping.columns.get("source"), f"source "
                   f"{col('source').iloc[i]!r} is unknown (map it under [history.sources])")
    d = deadline.iloc[i]
    return HistoryCase(number, line, code or "", source or Source.HOTLINE_12345,
                       float(x[i]), float(y[i]), [], col("address").iloc[i],
                       col("description").iloc[i], col("contact").iloc[i],
                       None if pd.isna(d) else d.to_pydatetime())


def _by_case(frame, mapping, catalog, srid, file, report, lines, col, times):
    x, y = _points(mapping, col, srid, lines, file, report)
    deadline = times("deadline_at")
    reported = times("reported_at")
    stage_times = {name: times(name) for name, _ in STAGES}
    replied, visited = times("replied_at"), times("visited_at")
    people = {k: col(v) for k, v in (("reporter", "reporter"), ("handler", "handler"),
                                     ("verifier", "verifier"))}
    dept, sat = col("department"), col("satisfaction")
    out = []
    for i in range(len(frame)):
        head = _case_head(i, mapping, catalog, file, report, lines, col, x, y, deadline)
        line = head.row
        if pd.isna(reported.iloc[i]):
            report.add(file, line, mapping.columns.get("reported_at"), "no report time")
            continue
        head.steps.append(HistoryStep(Action.REPORT, reported.iloc[i].to_pydatetime(), line,
                                      people["reporter"].iloc[i] or None))
        given = [(name, action, stage_times[name].iloc[i]) for name, action in STAGES]
        last = max((k for k, g in enumerate(given) if not pd.isna(g[2])), default=-1)
        for k in range(last + 1):  # a stage the file skipped took place by the next one
            name, action, t = given[k]
            inferred = pd.isna(t)
            if inferred:
                t = next(g[2] for g in given[k + 1:] if not pd.isna(g[2]))
            person = people[PEOPLE[name]].iloc[i] or None if name in PEOPLE else None
            values: dict = {}
            if action is Action.DISPATCH:
                values["department"] = mapping.departments.get(dept.iloc[i], dept.iloc[i])
            elif action is Action.RECTIFY:
                values["note"] = "历史记录：已处置"
            head.steps.append(HistoryStep(action, t.to_pydatetime(), line, person, values,
                                          inferred))
        if not pd.isna(replied.iloc[i]):
            head.steps.append(HistoryStep(Action.REPLY, replied.iloc[i].to_pydatetime(), line,
                                          values={"note": "历史记录：已回告"}))
        if not pd.isna(visited.iloc[i]):
            raw = sat.iloc[i]
            value = mapping.satisfaction.get(raw, raw)
            if value not in {s.value for s in Satisfaction}:
                report.add(file, line, mapping.columns.get("satisfaction"), f"satisfaction "
                           f"{raw!r} is unknown (map it under [history.satisfaction])")
            head.steps.append(HistoryStep(Action.VISIT, visited.iloc[i].to_pydatetime(), line,
                                          values={"satisfaction": value}))
        out.append(head)
    return out


def _by_event(frame, mapping, catalog, srid, file, report, lines, col, times):
    x, y = _points(mapping, col, srid, lines, file, report)
    deadline = times("deadline_at")
    at = times("at")
    numbers, steps, who, note = col("number"), col("step"), col("person"), col("note")
    dept, sat, extra = col("department"), col("satisfaction"), col("extra")
    cases: dict[str, HistoryCase] = {}
    for i in range(len(frame)):
        line = int(lines[i])
        number = numbers.iloc[i]
        raw = steps.iloc[i]
        action = ACTIONS_BY_NAME.get(mapping.steps.get(raw, raw))
        if action is None:
            report.add(file, line, mapping.columns.get("step"), f"step {raw!r} is unknown "
                       "(map it under [history.steps] to an action such as dispatch)")
            continue
        if pd.isna(at.iloc[i]):
            report.add(file, line, mapping.columns.get("at"), "no time")
            continue
        if number not in cases:
            if action is not Action.REPORT:
                report.add(file, line, mapping.columns.get("step"), f"case {number} starts "
                           f"with {raw!r}; its first row must be the report")
                continue
            cases[number] = _case_head(i, mapping, catalog, file, report, lines, col, x, y,
                                       deadline)
        values: dict = {}
        text = note.iloc[i]
        if text:
            values["reason" if action in (Action.RETURN, Action.REQUEST_EXTENSION,
                                          Action.REQUEST_SUSPENSION, Action.REOPEN)
                   else "note"] = text
        if action is Action.DISPATCH:
            values["department"] = mapping.departments.get(dept.iloc[i], dept.iloc[i])
        elif action is Action.VISIT:
            values["satisfaction"] = mapping.satisfaction.get(sat.iloc[i], sat.iloc[i])
        elif action is Action.REQUEST_EXTENSION:
            values["extra"] = extra.iloc[i] or "1d"
        elif action is Action.REJECT:
            values["reason_code"] = "invalid"
        if action is not Action.REPORT:
            cases[number].steps.append(HistoryStep(action, at.iloc[i].to_pydatetime(), line,
                                                   who.iloc[i] or None, values))
        else:
            cases[number].steps.insert(0, HistoryStep(action, at.iloc[i].to_pydatetime(), line,
                                                      who.iloc[i] or None))
    for c in cases.values():
        c.steps[1:] = sorted(c.steps[1:], key=lambda s: (s.at, s.row))
    return list(cases.values())


__all__ = ["HistoryMapping", "read_history"]
