"""`gridapp import inspect`: what a file holds, and a draft mapping to start from."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.case import Satisfaction, Source
from ..domain.catalog import Catalog
from ..services.history import ACTIONS_BY_NAME
from .history import ALIASES as HISTORY_ALIASES
from .hotline import ALIASES, SOURCES
from .mapping import MappedRows, Mapping, mapping_to_toml, norm_header, read_rows
from .times import parse_times

# words in a header that say what a column holds, when no alias matches exactly
HINTS = [("external_id", ("编号", "单号", "工单")), ("reported_at", ("时间", "日期")),
         ("category", ("分类", "类别", "类型")), ("lon", ("经度", "lng", "lon")),
         ("lat", ("纬度", "lat")), ("address", ("地址", "地点", "位置")),
         ("source", ("来源", "渠道")), ("description", ("内容", "描述", "诉求")),
         ("contact", ("姓名", "联系人")), ("phone", ("电话", "手机"))]


@dataclass
class Inspection:
    file: str
    header_row: int
    data_rows: int
    columns: list[tuple[str, str | None, list[str]]]  # header, guessed field, samples
    notes: list[str]
    mapping: Mapping
    comments: dict[str, str] = field(default_factory=dict)
    category_counts: list[tuple[str, int, str | None]] = field(default_factory=list)

    def text(self) -> str:
        lines = [f"{self.file}: header on row {self.header_row}, {self.data_rows:,} data "
                 "row(s)"]
        lines += [f"  note: {n}" for n in self.notes]
        lines.append("columns:")
        for header, fld, samples in self.columns:
            tag = f"→ {fld}" if fld else "  (not used)"
            lines.append(f"  {_pad(header, 18)} {tag:<16} {' | '.join(s[:24] for s in samples)}")
        if self.category_counts:
            lines.append("categories (rows; class suggested by name):")
            for value, count, code in self.category_counts[:60]:
                lines.append(f"  {_pad(value, 36)} {count:>6}  {code or '—'}")
            if len(self.category_counts) > 60:
                lines.append(f"  … and {len(self.category_counts) - 60} more")
        return "\n".join(lines)

    def draft(self) -> str:
        head = (f"Draft mapping for {self.file}, written by `gridapp import inspect`.\n"
                "Check every line, name a class for each category (or set catch_all), then:\n"
                "  gridapp import hotline FILE --as USER --mapping this.toml "
                "[--save-mapping NAME]")
        if self.mapping.kind == "history":
            head = head.replace("gridapp import hotline FILE --as USER", "gridapp import "
                                "history FILE --as ADMIN --dry-run")
        m = self.mapping
        empty = {f"{t}.{k}" for t in ("categories", "departments", "steps")
                 for k, v in getattr(m, t).items() if not v}
        empty |= {f"values.{f}.{k}" for f, table in m.values.items() for k, v in table.items()
                  if not v}
        return mapping_to_toml(m, self.comments, head, commented=empty)


def _pad(text: str, width: int) -> str:
    """Left-aligned in a terminal, where a Chinese character takes two columns."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - used)


def _guess(header: str, taken: set[str], aliases: dict[str, list[str]] = ALIASES,
           hints: list[tuple[str, tuple[str, ...]]] = HINTS) -> str | None:
    h = norm_header(header)
    for fld, names in aliases.items():
        if fld not in taken and any(norm_header(a) == h for a in names):
            return fld
    for fld, words in hints:
        if fld not in taken and any(w.lower() in h for w in words):
            return fld
    return None


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def suggest_class(text: str, catalog: Catalog | None) -> str | None:
    """The catalog class whose name shares the most of the text (a suggestion only)."""
    if catalog is None or not text:
        return None
    found = catalog.find(text)
    if found:
        return found.code
    leaf = re.split(r"[/\\\-—>＞|]", text)[-1]
    for part, needed in ((leaf, 0.6), (text, 0.66)):  # the platform's own class, then the path
        grams = _bigrams(re.sub(r"\W", "", part))
        best, score = None, 0.0
        for cls in catalog:
            g = _bigrams(cls.name)
            s = len(grams & g) / max(len(g), 1)
            if s > score:
                best, score = cls.code, s
        if score >= needed:
            return best
    return None


def inspect_file(path: Path | str, catalog: Catalog | None = None,
                 base: Mapping | None = None, sheet: str | None = None,
                 kind: str = "hotline", departments: dict[str, str] | None = None
                 ) -> Inspection:
    """Columns with their guessed fields and samples, what was skipped, and a draft mapping
    (`kind` "history": a migration's mapping; `departments`: the store's, name → code)."""
    history = kind == "history"
    base = base or Mapping(name=Path(path).stem)
    if history:
        base = Mapping.from_dict({**base.to_dict(), "kind": "history"})
    aliases = HISTORY_ALIASES if history else ALIASES
    hints = [h for h in HINTS if h[0] in ("lon", "lat", "address", "description")] \
        if history else HINTS
    rows: MappedRows = read_rows(path, base, aliases, (), sheet, keep_sheet=True)
    headers = rows.headers
    taken: set[str] = set()
    guessed: dict[str, str] = {}
    for h in headers:
        if not h:
            continue
        fld = next((f for f, col in rows.columns.items() if col == h), None) or \
            _guess(h, taken, aliases, hints)
        if fld and fld not in taken:
            taken.add(fld)
            guessed[h] = fld
    records = rows.sheet.records if rows.sheet else []
    columns = []
    for c, h in enumerate(headers):
        if not h:
            continue
        samples = []
        for r in rows.rows[:50]:
            rec = records[int(r) - 1]
            v = rec[c] if c < len(rec) else ""
            if v and v not in samples:
                samples.append(v)
            if len(samples) == 3:
                break
        columns.append((h, guessed.get(h), samples))
    mapping = Mapping.from_dict(base.to_dict())
    mapping.columns = {fld: h for h, fld in guessed.items()}
    comments: dict[str, str] = {}
    if rows.header_row != 1:
        mapping.header_row = rows.header_row
        comments["header_row"] = "rows above it are a title"
    by_field = {fld: h for h, fld in guessed.items()}
    # every time column (a migration's stages, an event's time), not the report's alone:
    # the import reads each one with the mapping's one time_format
    problems: list[str] = []
    for fld in (f for f in by_field if f == "at" or f.endswith("_at")):
        idx = headers.index(by_field[fld])
        texts = [(records[int(r) - 1] + [""] * (idx + 1))[idx] for r in rows.rows]
        parse_times(texts, lambda i, m, v, e: problems.append(m), by_field[fld],
                    time_format=base.time_format)
    two_ways = [p for p in problems if "read two ways" in p or "mixes" in p]
    if two_ways:
        shown = next((p for p in two_ways if "suggest" in p), two_ways[0])
        fmt = re.search(r'time_format = "([^"]+)"', shown)
        if fmt and "suggest" in shown:
            mapping.time_format = fmt.group(1)
            comments["time_format"] = "day/month order shown by values above 12: check"
        else:
            comments["time_format"] = "REQUIRED: " + shown[:160]
    if "lon" in by_field:
        comments["coords"] = "most 12345 exports are GCJ-02 (Amap); wgs84 if the platform " \
                             "says so, bd09 for Baidu"
    counts: list[tuple[str, int, str | None]] = []
    if "category" in by_field:
        idx = headers.index(by_field["category"])
        values = Counter((records[int(r) - 1] + [""] * (idx + 1))[idx] for r in rows.rows)
        for value, count in values.most_common():
            code = suggest_class(value, catalog)
            counts.append((value, count, code))
            direct = catalog.find(value) if catalog is not None else None
            if value and not direct and value not in mapping.categories:
                mapping.categories[value] = code or ""
                comments[f"categories.{value}"] = f"{count} row(s)" + (
                    "; suggested by name: check" if code else "; FILL IN a class code or "
                    "delete the line and set catch_all")
        unmapped = [v for v, c in mapping.categories.items() if not c]
        if unmapped:
            comments["catch_all"] = (f"{len(unmapped)} categor(ies) have no suggestion: "
                                     "name a class for each (the commented lines below), or "
                                     "set a catch-all class")
    if "source" in by_field:
        idx = headers.index(by_field["source"])
        ours = {s.value for s in Source}
        for value, _ in Counter((records[int(r) - 1] + [""] * (idx + 1))[idx]
                                for r in rows.rows).most_common():
            if not value or value in ours or value in mapping.sources:
                continue
            if value in SOURCES:  # a hotline import knows these names; a migration reads
                if history:       # only the mapping's table, so the draft names them
                    mapping.sources[value] = SOURCES[value].value
                continue
            mapping.sources[value] = base.source
            comments[f"sources.{value}"] = "check: which channel is this?"
    if history:
        _draft_history(mapping, comments, by_field, headers, records, rows, departments or {})
    required = ("external_id", "step", "at") if history and mapping.layout == "event" else \
        ("external_id", "reported_at", "category")
    missing = [f for f in required if f not in by_field]
    notes = list(rows.notes)
    if missing:
        notes.append("no column found for " + ", ".join(missing) + ": name them in [columns]")
    if "lon" not in by_field and "address" in by_field and not history:
        notes.append("no coordinates: tickets will be located from their address")
    return Inspection(rows.file, rows.header_row, len(rows), columns, notes, mapping,
                      comments, counts)


def _draft_history(mapping: Mapping, comments: dict[str, str], by_field: dict[str, str],
                   headers: list[str], records: list[list[str]], rows: MappedRows,
                   departments: dict[str, str]) -> None:
    """The parts only a migration's mapping has: layout, departments, steps, satisfaction."""
    def values(fld: str) -> Counter[str]:
        idx = headers.index(by_field[fld])
        return Counter((records[int(r) - 1] + [""] * (idx + 1))[idx] for r in rows.rows)

    mapping.layout = "event" if "step" in by_field else "case"
    comments["layout"] = ("one row per step (a step column was found)" if mapping.layout ==
                          "event" else "one row per case, a time column per stage")
    if "x" in by_field and "lon" not in by_field:
        mapping.coords = "store"
        comments["coords"] = "X/Y columns: the store's own CRS; gcj02/wgs84 for lon/lat"
    if "department" in by_field:
        known = {norm_header(n): c for n, c in departments.items()}
        for value, count in values("department").most_common():
            if value and value not in departments.values():
                mapping.departments[value] = known.get(norm_header(value), "")
                comments[f"departments.{value}"] = f"{count} row(s)" + (
                    "" if mapping.departments[value] else "; FILL IN the store's department "
                    "code (gridapp dept list)")
    if "step" in by_field:
        for value, count in values("step").most_common():
            if value and value not in ACTIONS_BY_NAME:
                mapping.steps[value] = ""
                comments[f"steps.{value}"] = f"{count} row(s); FILL IN an action such as " \
                                             "register, dispatch, sign, rectify, close"
    if "satisfaction" in by_field:
        ours = {s.value for s in Satisfaction}
        table = mapping.values.setdefault("satisfaction", {})
        for value, count in values("satisfaction").most_common():
            if value and value not in ours:
                table[value] = {"满意": "satisfied", "基本满意": "basic",
                                "不满意": "dissatisfied"}.get(value, "")
                if not table[value]:
                    comments[f"values.satisfaction.{value}"] = \
                        f"{count} row(s); FILL IN one of {', '.join(sorted(ours))}"
