"""Validation problems collected over a whole file before anything is written."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import DomainError

SCREEN_LINES = 30  # problems shown in a message; all of them go to the report file


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    row: int | None        # the row as Excel shows it (the file's own line); None: whole file
    field: str | None      # the column as the file names it
    message: str
    value: str | None = None      # the offending cell, for the report file
    expected: str | None = None   # what would have been accepted

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row is not None else "")
        tail = f"; expected {self.expected}" if self.expected else ""
        return f"{where}{f' [{self.field}]' if self.field else ''}: {self.message}{tail}"


@dataclass
class ValidationReport:
    problems: list[Problem] = field(default_factory=list)
    saved_to: Path | None = None   # where every problem was written (see write_report)

    def add(self, file: str, row: int | None, fld: str | None, message: str,
            value: object = None, expected: str | None = None) -> None:
        self.problems.append(Problem(file, row, fld, message,
                                     None if value is None else str(value), expected))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def ordered(self) -> list[Problem]:
        """File problems first, then by row as the file has them (stable within a row)."""
        return sorted(self.problems, key=lambda p: (p.file, -1 if p.row is None else p.row))

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"{n:,} problem(s); nothing was written:"
        shown = self.ordered()[:SCREEN_LINES]
        lines = [str(p) for p in shown]
        if n > len(shown):
            where = f"; all {n:,} are listed in {self.saved_to}" if self.saved_to else ""
            lines.append(f"… and {n - len(shown):,} more{where}")
        elif self.saved_to:
            lines.append(f"(also listed in {self.saved_to})")
        return "\n".join([head, *("  " + line for line in lines)])


REPORT_HEADERS = ("文件", "行号", "列", "值", "问题", "应为")


def write_report(report: ValidationReport, path: Path | str,
                 say: Callable[[str], str] | None = None) -> Path:
    """Every problem as a CSV row (UTF-8 with BOM: Excel opens it as Chinese text); `say`
    words the problem and the expectation in the reader's language (the client's)."""
    say = say or (lambda text: text)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(REPORT_HEADERS)
        for p in report.ordered():
            out.writerow([p.file, "" if p.row is None else p.row, p.field or "",
                          p.value or "", say(p.message), say(p.expected) if p.expected else ""])
    report.saved_to = path
    return path


def default_report_path(source: Path | str) -> Path:
    """Beside the input: 12345工单.xlsx → 12345工单.problems.csv."""
    source = Path(source)
    return source.with_name(source.stem + ".problems.csv")


class ImportRejected(Exception):
    """The input has problems; the report lists each with file and row."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(str(report))
        self.report = report

    def __str__(self) -> str:  # the report may have been saved after raising
        return str(self.report)


class ExportRefused(DomainError):
    """An export would lose data (e.g. text a shapefile cannot hold); nothing was written."""

    code = "export_refused"

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(str(report))
        self.report = report
