"""The classification catalog and department list as CSV (UTF-8, Excel-friendly)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from ..domain.catalog import CaseKind, CatalogClass, TimeLimit
from ..domain.errors import DomainError
from .errors import ImportRejected, ValidationReport

CATALOG_FIELDS = ["code", "kind", "large_code", "large_name", "name", "department", "limit",
                  "register_condition", "close_condition"]


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def read_catalog(path: Path) -> list[CatalogClass]:
    """Every class in the file, or ImportRejected listing each bad row."""
    report, classes = ValidationReport(), []
    rows = _rows(path)
    missing = [f for f in CATALOG_FIELDS[:7] if rows and f not in rows[0]]
    if missing:
        report.add(path.name, None, None, f"missing columns: {', '.join(missing)}")
        raise ImportRejected(report)
    for i, r in enumerate(rows, start=1):
        try:
            classes.append(CatalogClass(
                code=r["code"].strip(), name=r["name"].strip(), kind=CaseKind(r["kind"].strip()),
                large_code=r["large_code"].strip().zfill(2), large_name=r["large_name"].strip(),
                department_code=r["department"].strip(), time_limit=TimeLimit.parse(r["limit"]),
                register_condition=(r.get("register_condition") or "").strip(),
                close_condition=(r.get("close_condition") or "").strip(),
                active=(r.get("active") or "1").strip() not in ("0", "false", "no")))
        except (DomainError, ValueError) as exc:
            report.add(path.name, i, None, str(exc))
    if report:
        raise ImportRejected(report)
    return classes


def write_catalog(path: Path, classes: Iterable[CatalogClass]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([*CATALOG_FIELDS, "active"])
        for c in classes:
            unit = "h" if c.time_limit.unit.value == "working_hours" else "d"
            amount = c.time_limit.amount
            w.writerow([c.code, c.kind.value, c.large_code, c.large_name, c.name,
                        c.department_code, f"{int(amount) if amount.is_integer() else amount}{unit}",
                        c.register_condition, c.close_condition, int(c.active)])


def read_departments(path: Path) -> list[dict[str, str]]:
    return [{k: (v or "").strip() for k, v in r.items()} for r in _rows(path)]
