"""Tabular files (CSV in UTF-8 or GB18030, XLSX) as data frames of text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import ImportRejected, ValidationReport


def read_table(path: Path | str, sheet: str | int | None = None) -> pd.DataFrame:
    """All cells as strings (codes keep their leading zeros); a clear error if unreadable."""
    path = Path(path)
    report = ValidationReport()
    if not path.exists():
        report.add(path.name, None, None, "file not found")
        raise ImportRejected(report)
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
            frame = pd.read_excel(path, sheet_name=sheet or 0, dtype=str, engine="calamine")
        elif suffix in (".csv", ".txt"):
            frame = _read_csv(path)
        else:
            report.add(path.name, None, None, "use CSV or XLSX")
            raise ImportRejected(report)
    except ImportRejected:
        raise
    except Exception as exc:  # noqa: BLE001 (parsers raise many kinds)
        report.add(path.name, None, None, f"cannot read: {exc}")
        raise ImportRejected(report) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def _read_csv(path: Path) -> pd.DataFrame:
    # Exports from Chinese systems are UTF-8 (often with BOM) or GB18030 (a superset of GBK).
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return pd.read_csv(path, dtype=str, encoding=encoding, keep_default_na=False,
                               na_values=[""], engine="c")
        except UnicodeDecodeError:
            continue
    raise ValueError("neither UTF-8 nor GB18030 text")
