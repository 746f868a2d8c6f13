"""Validation problems collected over a whole file before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.errors import DomainError


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    row: int | None        # 1-based data row (header excluded), None for file-level problems
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row is not None else "")
        return f"{where}{f' [{self.field}]' if self.field else ''}: {self.message}"


@dataclass
class ValidationReport:
    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, row: int | None, fld: str | None, message: str) -> None:
        self.problems.append(Problem(file, row, fld, message))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __str__(self) -> str:
        head = f"{len(self.problems)} problem(s); nothing was written:"
        lines = [str(p) for p in self.problems[:200]]
        if len(self.problems) > 200:
            lines.append(f"… and {len(self.problems) - 200} more")
        return "\n".join([head, *("  " + line for line in lines)])


class ImportRejected(Exception):
    """The input has problems; the report lists each with file and row."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(str(report))
        self.report = report


class ExportRefused(DomainError):
    """An export would lose data (e.g. text a shapefile cannot hold); nothing was written."""

    code = "export_refused"

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(str(report))
        self.report = report
