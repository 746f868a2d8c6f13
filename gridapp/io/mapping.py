"""Mapping files (TOML): which column holds what in a district's exports, and how to read it.

One file per kind of export, kept in the store (like the old presets) and exportable:

    name = "12345-江岸"
    header_row = 3                 # as Excel numbers it; default: found by the column names
    skip_rows = [4]                # more rows to ignore (Excel numbers)
    time_format = "%d/%m/%Y %H:%M" # needed when day and month could be swapped
    time_zone = "Asia/Shanghai"    # of times without an offset; default: the district's
    coords = "gcj02"               # wgs84 | cgcs2000 | gcj02 | bd09
    source = "hotline_12345"       # when no column names the channel
    catch_all = "E0604"            # class of every category the table below does not name

    [columns]                      # our field = the file's header
    external_id = "工单编号"
    [categories]                   # the file's text = catalog class code
    "市容环境-垃圾清运" = "E0102"
    [sources]                      # the file's text = source
    [states]                       # the file's text = case state (history imports)
    [departments]                  # the file's text = department code (history imports)
    [steps]                        # the file's text = action (history, one row per event)
    [values.satisfaction]          # any other field's value map

A history mapping has `kind = "history"` and `layout = "case"` (a time column per stage)
or `"event"` (one row per step); its coords may be "store" (x/y in the store's CRS). The
[history] table of earlier migration mappings is read into this form.

`read_rows` reads a file through a mapping into plain column arrays, each row carrying the
number Excel shows for it; title rows above the header, summary rows (合计/总计/小计),
blank rows and exact copies of earlier rows are recognised and said in `notes`.
"""

from __future__ import annotations

import itertools
import json
import operator
import re
import tomllib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from ..domain.case import CaseState, Source
from ..services.progress import CHUNK, Progress
from .crs import LonLatSystem
from .errors import ImportRejected, ValidationReport
from .tables import Sheet, iter_sheet
from .times import TimeColumn, parse_times

HEADER_SEARCH_ROWS = 30  # a header further down than this is named with header_row
SUMMARY = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计|共\s*计)\s*[:：]?")
KINDS = ("hotline", "history")


def norm_header(text: str) -> str:
    """Header text compared without spaces, line breaks, case or full-width brackets."""
    return re.sub(r"\s+", "", str(text)).replace("（", "(").replace("）", ")").lower()


@dataclass
class Mapping:
    """How to read one kind of export (see the module docstring for the TOML form)."""

    name: str = "12345"
    kind: str = "hotline"
    columns: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)
    departments: dict[str, str] = field(default_factory=dict)
    steps: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    layout: str = "case"
    catch_all: str | None = None
    source: str = Source.HOTLINE_12345.value
    coords: str = LonLatSystem.GCJ02.value      # most exports are in GCJ-02 (Amap)
    time_format: str | None = None
    time_zone: str | None = None
    header_row: int | None = None
    skip_rows: list[int] = field(default_factory=list)
    sheet: str | None = None

    def value_map(self, fld: str) -> dict[str, str]:
        """The file's text → our value, for one field."""
        named = {"category": self.categories, "source": self.sources, "state": self.states,
                 "department": self.departments, "step": self.steps}
        return named.get(fld) or self.values.get(fld, {})

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Mapping:
        """From a saved mapping or an old preset (unknown keys are ignored)."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def merged(self, **changes) -> Mapping:
        """A copy with options given on the command line laid over the file's."""
        data = json.loads(json.dumps(self.to_dict()))
        for key, value in changes.items():
            if value in (None, {}, [], ()):
                continue
            if isinstance(value, dict):
                data[key] = {**data.get(key, {}), **value}
            else:
                data[key] = value
        return Mapping.from_dict(data)


# ---- the TOML file ---------------------------------------------------------------------

_TABLES = ("columns", "categories", "sources", "states", "departments", "steps")
_SCALARS = ("name", "kind", "catch_all", "source", "coords", "time_format", "time_zone",
            "sheet", "layout")
LAYOUTS = ("case", "event")
STORE_COORDS = "store"  # history files may give x/y in the store's own CRS
# the [history] table of the first migration mappings → this form
_LEGACY_FIELDS = {"number": "external_id", "class": "category"}
_LEGACY_TABLES = {"classes": "categories", "sources": "sources", "departments": "departments",
                  "steps": "steps"}


def _from_legacy(data: dict) -> dict:
    """A `[history]` mapping of earlier versions in today's form (same meaning)."""
    old = dict(data.pop("history"))
    out: dict = {"kind": "history", **data}
    out["columns"] = {_LEGACY_FIELDS.get(k, k): v for k, v in (old.pop("columns", {}) or
                                                              {}).items()}
    for key, new in _LEGACY_TABLES.items():
        if key in old:
            out[new] = old.pop(key)
    if "satisfaction" in old:
        out.setdefault("values", {})["satisfaction"] = old.pop("satisfaction")
    if "catch_all_class" in old:
        out["catch_all"] = old.pop("catch_all_class")
    out["coords"] = old.pop("coords", "wgs84")  # the old reader's default
    if "default_source" in old:
        out["source"] = old.pop("default_source")
    out.update(old)  # layout, time_format, coords; anything else is named as unknown
    return out


def check_mapping(m: Mapping, file: str, report: ValidationReport,
                  class_codes: set[str] | None = None) -> None:
    """Every value of the mapping that can be wrong on its own (and, given the catalog's
    codes, the classes it maps to); each problem names the key."""
    if m.kind not in KINDS:
        report.add(file, None, "kind", f"kind {m.kind!r} unknown", m.kind,
                   " or ".join(KINDS))
    if m.layout not in LAYOUTS:
        report.add(file, None, "layout", f"layout {m.layout!r} unknown", m.layout,
                   "case (a row per case) or event (a row per step)")
    try:
        if not (m.kind == "history" and m.coords == STORE_COORDS):
            LonLatSystem(m.coords)
    except ValueError:
        report.add(file, None, "coords", f"coordinate system {m.coords!r} unknown", m.coords,
                   "wgs84, cgcs2000, gcj02 or bd09" + (", or store (x/y in the store's CRS)"
                                                       if m.kind == "history" else ""))
    if m.time_zone:
        try:
            ZoneInfo(m.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            report.add(file, None, "time_zone", f"time zone {m.time_zone!r} unknown",
                       m.time_zone, "an IANA zone such as Asia/Shanghai")
    if m.time_format and "%" not in m.time_format:
        report.add(file, None, "time_format", f"{m.time_format!r} is not a time format",
                   m.time_format, "strftime codes such as %Y-%m-%d %H:%M")
    sources = {s.value for s in Source}
    if m.source not in sources:
        report.add(file, None, "source", f"source {m.source!r} unknown", m.source,
                   ", ".join(sorted(sources)))
    for text, value in m.sources.items():
        if value not in sources:
            report.add(file, None, f"sources.{text}", f"source {value!r} unknown", value,
                       ", ".join(sorted(sources)))
    states = {s.value for s in CaseState}
    for text, value in m.states.items():
        if value not in states:
            report.add(file, None, f"states.{text}", f"state {value!r} unknown", value,
                       ", ".join(sorted(states)))
    if m.header_row is not None and (not isinstance(m.header_row, int) or m.header_row < 1):
        report.add(file, None, "header_row", "header_row must be a row number (1 = the "
                   "first row)", m.header_row)
    if any(not isinstance(r, int) or r < 1 for r in m.skip_rows):
        report.add(file, None, "skip_rows", "skip_rows must be row numbers", m.skip_rows)
    if class_codes is not None:
        for text, code in m.categories.items():
            if code not in class_codes:
                report.add(file, None, f"categories.{text}", f"class {code!r} is not in the "
                           "catalog", code, "a class code such as E0102")
        if m.catch_all and m.catch_all not in class_codes:
            report.add(file, None, "catch_all", f"class {m.catch_all!r} is not in the catalog",
                       m.catch_all, "a class code such as E0604")


def parse_mapping(text: str, file: str = "mapping.toml") -> Mapping:
    """A mapping from TOML text; ImportRejected names the line or key that is wrong."""
    report = ValidationReport()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        what = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        report.add(file, None, None, (f"line {where[1]}, column {where[2]}: " if where else "")
                   + f"not valid TOML: {what}", expected='key = "text" lines and [tables]')
        raise ImportRejected(report) from None
    if isinstance(data.get("history"), dict):
        data = _from_legacy(data)
    known = set(Mapping.__dataclass_fields__)
    for key in data:
        if key not in known:
            report.add(file, None, key, f"unknown key {key!r}",
                       expected=", ".join(sorted(known)))
    for key in _TABLES + ("values",):
        if key in data and not isinstance(data[key], dict):
            report.add(file, None, key, f"[{key}] must be a table of text = value")
    for key in _SCALARS:
        if key in data and not isinstance(data[key], str):
            report.add(file, None, key, f"{key} must be text in quotes", data[key])
    for key in _TABLES:
        for k, v in (data.get(key) or {}).items() if isinstance(data.get(key), dict) else ():
            if not isinstance(v, str):
                report.add(file, None, f"{key}.{k}", "the value must be text in quotes", v)
    if isinstance(data.get("values"), dict):
        for fld, table in data["values"].items():
            if not isinstance(table, dict) or not all(isinstance(v, str) for v in
                                                      table.values()):
                report.add(file, None, f"values.{fld}", f"[values.{fld}] must be a table of "
                           "text = value")
    if report:
        raise ImportRejected(report)
    try:
        mapping = Mapping.from_dict({k: v for k, v in data.items() if k in known})
    except TypeError as exc:  # a list where a table belongs, and the like
        report.add(file, None, None, f"cannot read the mapping: {exc}")
        raise ImportRejected(report) from None
    mapping.categories = {str(k).strip(): v.strip() for k, v in mapping.categories.items()}
    check_mapping(mapping, file, report)
    if report:
        raise ImportRejected(report)
    return mapping


def load_mapping(path: Path | str) -> Mapping:
    path = Path(path)
    if not path.exists():
        report = ValidationReport()
        report.add(path.name, None, None, "mapping file not found")
        raise ImportRejected(report)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="gb18030")
    mapping = parse_mapping(text, path.name)
    if mapping.name == Mapping.name:  # unnamed: call it after the file
        mapping.name = path.stem
    return mapping


def _q(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(str(text), ensure_ascii=False)


def _key(text: str) -> str:
    return text if re.fullmatch(r"[A-Za-z0-9_-]+", text) else _q(text)


def mapping_to_toml(m: Mapping, comments: dict[str, str] | None = None,
                    header: str = "", commented: set[str] | None = None) -> str:
    """The mapping as a TOML file a person can read and edit (`comments` after keys;
    `commented` table entries, e.g. "categories.垃圾", written as comments to fill in)."""
    comments, commented = comments or {}, commented or set()
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]

    def scalar(key, value):
        note = f"  # {comments[key]}" if key in comments else ""
        if value is None or value == []:
            lines.append(f"# {key} = …{note}")
        elif isinstance(value, list):
            lines.append(f"{key} = [{', '.join(str(v) for v in value)}]{note}")
        elif isinstance(value, int):
            lines.append(f"{key} = {value}{note}")
        else:
            lines.append(f"{key} = {_q(value)}{note}")

    scalar("name", m.name)
    scalar("kind", m.kind)
    if m.kind == "history":
        scalar("layout", m.layout)
    for key in ("sheet", "header_row", "skip_rows", "time_format", "time_zone", "coords",
                "source", "catch_all"):
        scalar(key, getattr(m, key))

    def table(title, items, prefix):
        lines.append("")
        lines.append(f"[{title}]")
        for k, v in items.items():
            note = f"  # {comments[prefix + k]}" if prefix + k in comments else ""
            lead = "# " if prefix + k in commented else ""
            lines.append(f"{lead}{_key(k)} = {_q(v)}{note}")

    table("columns", m.columns, "columns.")
    for title in ("categories", "sources", "states", "departments", "steps"):
        if getattr(m, title):
            table(title, getattr(m, title), f"{title}.")
    for fld, items in m.values.items():
        table(f"values.{_key(fld)}", items, f"values.{fld}.")
    return "\n".join(lines) + "\n"


# ---- reading a file through a mapping ----------------------------------------------------

@dataclass
class MappedRows:
    """A file's data rows as text columns, each row with the number Excel shows for it."""

    file: str
    header_row: int
    headers: list[str]
    columns: dict[str, str]          # field → the file's header it was read from
    rows: np.ndarray                 # Excel row number of each data row
    values: dict[str, np.ndarray]    # field → text of each data row ("" when empty)
    report: ValidationReport
    notes: list[str] = field(default_factory=list)
    sheet: Sheet | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def text(self, fld: str) -> np.ndarray:
        """The field's text per row; all "" when the file has no such column."""
        got = self.values.get(fld)
        return got if got is not None else np.full(len(self.rows), "", dtype=object)

    def column(self, fld: str) -> str | None:
        """The file's header for a field (what messages call the column)."""
        return self.columns.get(fld)

    def problem(self, i: int, fld: str | None, message: str, value: object = None,
                expected: str | None = None) -> None:
        """A problem of data row `i` (0-based), named by its Excel row and column."""
        col = self.columns.get(fld, fld) if fld else None
        self.report.add(self.file, int(self.rows[i]), col, message, value, expected)

    def times(self, fld: str, mapping: Mapping, settings, now) -> TimeColumn:
        """The field's times in the district's zone (NaT where empty or wrong); every
        unreadable, ambiguous or implausible value is added to the report."""
        return parse_times(self.text(fld), lambda i, m, v, e: self.problem(i, fld, m, v, e),
                           self.column(fld) or fld, time_format=mapping.time_format,
                           file_zone=mapping.time_zone, district_zone=settings.time_zone,
                           earliest=settings.earliest, now=now, skew=settings.future_skew)

    def mapped(self, fld: str, table: dict[str, str], allowed: set[str] | None = None,
               default: str | None = None) -> list[str | None]:
        """The field's values through a value map (the file's text → ours; a text already in
        `allowed` passes as is); a text neither maps nor is allowed is a problem, an empty
        cell gives `default`."""
        out: list[str | None] = []
        for i, text in enumerate(self.text(fld)):
            value = table.get(text, text if allowed is None or text in allowed else None)
            if not text:
                value = default
            elif value is None:
                self.problem(i, fld, f"{text!r} is not a known {fld}", text,
                             f"one of {', '.join(sorted(allowed or ()))[:120]} or an entry in "
                             "the mapping's value map")
            out.append(value)
        return out

    def keep(self, mask: np.ndarray) -> MappedRows:
        """Only the rows where `mask` is true (the same report and notes)."""
        return MappedRows(self.file, self.header_row, self.headers, self.columns,
                          self.rows[mask], {k: v[mask] for k, v in self.values.items()},
                          self.report, self.notes, self.sheet)


def _score(record: list[str], wanted: dict[str, list[str]]) -> int:
    cells = {norm_header(c) for c in record if c}
    return sum(1 for names in wanted.values() if any(norm_header(n) in cells for n in names))


def _ranges(rows: list[int]) -> str:
    """[1, 2, 3, 7] → '1–3, 7'."""
    out, start = [], None
    for i, r in enumerate(rows):
        if start is None:
            start = r
        if i + 1 == len(rows) or rows[i + 1] != r + 1:
            out.append(f"{start}–{r}" if r != start else f"{r}")
            start = None
    return ", ".join(out)


def find_header(sheet: Sheet, mapping: Mapping, aliases: dict[str, list[str]]) -> int:
    """The 0-based record holding the header: the mapping's header_row, else the first of
    the top rows naming the most known columns."""
    if mapping.header_row:
        return mapping.header_row - 1
    wanted = {f: ([mapping.columns[f]] if f in mapping.columns else []) + aliases.get(f, [])
              for f in set(aliases) | set(mapping.columns)}
    best, best_score = None, 0
    for i, record in enumerate(sheet.records[:HEADER_SEARCH_ROWS]):
        if (i + 1) in mapping.skip_rows:
            continue
        s = _score(record, wanted)
        if s > best_score:
            best, best_score = i, s
    if best is None or best_score < 2:
        first = next((i for i, r in enumerate(sheet.records) if "".join(r).strip()), None)
        if first is None:
            return -1
        return first
    return best


def resolve_columns(headers: list[str], mapping: Mapping, aliases: dict[str, list[str]],
                    file: str, report: ValidationReport,
                    required: tuple[str, ...] = ()) -> dict[str, int]:
    """Field → column index: the mapping's header, else the first alias the file has."""
    index: dict[str, int] = {}
    for i, h in enumerate(headers):
        if h:
            index.setdefault(norm_header(h), i)
    shown = ", ".join(h for h in headers if h)
    out: dict[str, int] = {}
    for fld in list(mapping.columns) + [f for f in aliases if f not in mapping.columns]:
        wanted = mapping.columns.get(fld)
        if wanted:
            if norm_header(wanted) in index:
                out[fld] = index[norm_header(wanted)]
            else:
                report.add(file, None, fld, f"column {wanted!r} (mapping {mapping.name}) is "
                           "not in the file", wanted, f"one of the columns: {shown}")
            continue
        found = next((index[norm_header(a)] for a in aliases[fld] if norm_header(a) in index),
                     None)
        if found is not None:
            out[fld] = found
        elif fld in required:
            report.add(file, None, fld, f"no column for {fld}", None,
                       f"a column named {' / '.join(aliases[fld][:4])}, or "
                       f"[columns] {fld} = \"…\" in the mapping (columns: {shown})")
    return out


def read_rows(path: Path | str, mapping: Mapping, aliases: dict[str, list[str]],
              required: tuple[str, ...] = (), sheet: str | int | None = None,
              keep_sheet: bool = False, progress: Progress | None = None) -> MappedRows:
    """Read a CSV/XLSX through `mapping`: the fields' text per data row with Excel's row
    numbers. File-level problems (no header, a required column missing) raise ImportRejected;
    problems of single rows are left for the caller to add to `report`. The file is read
    once, keeping only the mapped columns (`keep_sheet` keeps every record, to inspect)."""
    data = iter_sheet(path, sheet if sheet is not None else mapping.sheet)
    file, report = data.file, ValidationReport()
    stream = iter(data.records)
    head = list(itertools.islice(stream, max(HEADER_SEARCH_ROWS, mapping.header_row or 0)))
    h = find_header(Sheet(file, head), mapping, aliases)
    if h < 0 or h >= len(head) or not "".join(head[h]).strip():
        report.add(file, None, None, "the file has no header row" if h < len(head) else
                   f"header_row {mapping.header_row} is past the end of the file "
                   f"({len(head)} rows)")
        raise ImportRejected(report)
    headers = [c.strip() for c in head[h]]
    cols = resolve_columns(headers, mapping, aliases, file, report, required)
    if report:
        raise ImportRejected(report)
    notes: list[str] = []
    titles = [i + 1 for i in range(h) if "".join(head[i]).strip()]
    if titles:
        title = next(c.strip() for c in head[titles[0] - 1] if c.strip())
        notes.append(f"row(s) {_ranges(titles)} above the header (row {h + 1}) skipped "
                     f"as title: {title[:40]}")
    skip = set(mapping.skip_rows)
    fields = list(cols)
    width = max(cols.values(), default=-1) + 1
    index = list(cols.values())
    pick = operator.itemgetter(*index) if len(index) > 1 else \
        (lambda r: (r[index[0]],)) if index else (lambda r: ())
    kept: list[list[str]] | None = head[:h + 1] if keep_sheet else None
    candidates: list[int] = []
    short: list[bool] = []
    picked: list[tuple] = []
    summary: list[int] = []
    for k, record in enumerate(itertools.chain(head[h + 1:], stream)):
        row = h + 2 + k
        if progress is not None and k % CHUNK == 0:
            progress(k, 0, f"reading {file}")  # rows so far; the total is known at the end
        if kept is not None:
            kept.append(record)
        text = "".join(record)
        if row in skip or not text.strip():
            continue
        if _MAYBE_SUMMARY(text) and _is_summary(record):
            summary.append(row)
            continue
        candidates.append(row)
        short.append(len(record) - record.count("") <= 2)
        if len(record) < width:
            record = record + [""] * (width - len(record))
        picked.append(pick(record))
    keep = np.ones(len(candidates), bool)
    footer: list[int] = []
    if summary:  # a summary row closes the data; short rows after it (制表人) are its footer
        last = summary[-1]
        for j, (row, is_short) in enumerate(zip(candidates, short, strict=True)):
            if row > last and is_short:
                keep[j] = False
                footer.append(row)
        notes.append(f"row(s) {_ranges(summary)} are summary rows (合计/总计/小计): skipped")
    if footer:
        notes.append(f"row(s) {_ranges(footer)} below the summary row skipped")
    # a copy: the same text in every column the mapping reads (a running number 序号 that
    # differs does not make an export's repeated row a second ticket)
    if progress is not None:  # the rows are read; finding copies and columns takes seconds
        progress(len(candidates), len(candidates), f"reading {file}")
    first_of: dict[tuple, int] = {}
    repeat = np.zeros(len(candidates), bool)
    copies: dict[int, list[int]] = defaultdict(list)
    for j in np.flatnonzero(keep).tolist():
        first = first_of.setdefault(picked[j], j)
        if first != j:
            repeat[j] = True
            copies[candidates[first]].append(candidates[j])
    if copies:
        pairs = "; ".join(f"row {', '.join(map(str, dup))} = row {first}"
                          for first, dup in list(copies.items())[:10])
        notes.append(f"{int(repeat.sum())} row(s) repeat earlier rows exactly, imported once: "
                     f"{pairs}" + (" …" if len(copies) > 10 else ""))
    del first_of
    if progress is not None:
        progress(len(candidates), len(candidates), f"reading {file}")
    columns_of = list(zip(*picked, strict=True)) if picked else [()] * len(fields)
    keep &= ~repeat
    rows = np.asarray(candidates, dtype=np.int64)[keep]
    values = {fld: np.asarray(list(map(str.strip, columns_of[j])), dtype=object)[keep]
              for j, fld in enumerate(fields)}
    sheet_out = Sheet(file, kept, data.encoding, data.sheet) if kept is not None else None
    return MappedRows(file, h + 1, headers, {f: headers[c] for f, c in cols.items()}, rows,
                      values, report, notes, sheet_out)


# a summary row holds one of these characters somewhere: most rows are passed over by one
# search of their joined text instead of a look at their cells
_MAYBE_SUMMARY = re.compile("[合总小共]").search


def _is_summary(record: list[str]) -> bool:
    """合计/总计/小计 in one of the row's first two filled cells."""
    seen = 0
    for c in record:
        if c:
            if c.lstrip()[:1] in "合总小共" and SUMMARY.match(c):
                return True
            seen += 1
            if seen == 2:
                return False
    return False
