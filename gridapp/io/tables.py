"""Tabular files (CSV in UTF-8, GB18030/GBK or UTF-16, XLSX) as text, row by row as Excel
shows them."""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd

from .errors import ImportRejected, ValidationReport

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_TABLES = (".csv", ".txt", ".tsv")


@dataclass
class Sheet:
    """Every record of a file as text; `records[i]` is the row Excel numbers i + 1."""

    file: str
    records: list[list[str]]
    encoding: str | None = None   # of a text file
    sheet: str | None = None      # of a workbook


def _decodes(path: Path, encoding: str) -> bool:
    """Whether the whole file decodes (chunk by chunk: a big file is never held twice)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK, which
    most Chinese systems still write); a clear error otherwise."""
    with open(path, "rb") as fh:
        start = fh.read(2)
    if start in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    for encoding in ("utf-8-sig", "gb18030"):
        if _decodes(path, encoding):
            return encoding
    report = ValidationReport()
    report.add(path.name, None, None, "the text is neither UTF-8 nor GBK/GB18030",
               expected="a CSV saved as UTF-8 or GBK")
    raise ImportRejected(report)


def decode_text(path: Path) -> tuple[str, str]:
    """(text, encoding) of a whole text file (see detect_encoding)."""
    encoding = detect_encoding(path)
    return path.read_bytes().decode(encoding), "gbk" if encoding == "gb18030" else \
        encoding.removesuffix("-sig")


def _delimiter(text: str) -> str:
    sample = [line for line in text.splitlines()[:50] if line.strip()]
    counts = {d: sum(line.count(d) for line in sample) for d in (",", "\t", ";")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def cell_text(value) -> str:
    """A spreadsheet cell as the text a user sees (whole numbers without '.0')."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="seconds")
    return str(value).strip()


def iter_sheet(path: Path | str, sheet: str | int | None = None) -> Sheet:
    """The records of a CSV or a workbook sheet, blank rows kept so row numbers stay true.
    A CSV's `records` is an iterator (a million rows are never all in memory as lists)."""
    path = Path(path)
    report = ValidationReport()
    if not path.exists():
        report.add(path.name, None, None, "file not found")
        raise ImportRejected(report)
    suffix = path.suffix.lower()
    if suffix in TEXT_TABLES:
        encoding = detect_encoding(path)
        with open(path, encoding=encoding, newline="") as fh:
            delimiter = _delimiter(fh.read(65536))
        return Sheet(path.name, _csv_records(path, encoding, delimiter),
                     encoding="gbk" if encoding == "gb18030" else encoding.removesuffix("-sig"))
    if suffix not in SPREADSHEETS:
        report.add(path.name, None, None, f"cannot read {suffix or 'a file without suffix'} "
                   "files", expected="CSV or XLSX")
        raise ImportRejected(report)
    try:
        from python_calamine import CalamineWorkbook
        book = CalamineWorkbook.from_path(str(path))
        names = book.sheet_names
        if sheet is None:
            name = names[0]
        elif isinstance(sheet, int):
            name = names[sheet]
        elif sheet in names:
            name = sheet
        else:
            report.add(path.name, None, None, f"no sheet {sheet!r}",
                       expected="one of " + ", ".join(names))
            raise ImportRejected(report)
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except ImportRejected:
        raise
    except Exception as exc:  # noqa: BLE001 (a damaged workbook raises many kinds)
        report.add(path.name, None, None, f"cannot read the workbook: {exc}")
        raise ImportRejected(report) from None
    return Sheet(path.name, [[cell_text(v) for v in r] for r in rows], sheet=name)


def _csv_records(path: Path, encoding: str, delimiter: str):
    """Records as written (readers strip the cells they use); a broken CSV is one line."""
    with open(path, encoding=encoding, newline="") as fh:
        try:
            yield from csv.reader(fh, delimiter=delimiter)
        except csv.Error as exc:
            report = ValidationReport()
            report.add(path.name, None, None, f"not a readable CSV: {exc}")
            raise ImportRejected(report) from None


def read_sheet(path: Path | str, sheet: str | int | None = None) -> Sheet:
    """All records of a CSV or a workbook sheet as lists (for small files and inspection)."""
    data = iter_sheet(path, sheet)
    data.records = list(data.records)
    return data


def read_table(path: Path | str, sheet: str | int | None = None) -> pd.DataFrame:
    """A simple table (header on its first filled row) as a frame of strings; the row Excel
    shows for each record is in `frame.attrs["rows"]`."""
    data = read_sheet(path, sheet)
    numbered = [(i + 1, [c.strip() for c in r]) for i, r in enumerate(data.records)
                if "".join(r).strip()]
    if not numbered:
        report = ValidationReport()
        report.add(data.file, None, None, "the file is empty")
        raise ImportRejected(report)
    header = numbered[0][1]
    width = len(header)
    body = [(r + [""] * width)[:width] for _, r in numbered[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=object).replace("", None)
    frame.attrs["rows"] = [n for n, _ in numbered[1:]]
    return frame
