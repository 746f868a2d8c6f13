"""Statistics-bureau code lists (统计用区划代码): streets and communities of a district.

Reads the CSV layout of the public "adcode" dataset (code, parent, name, level, rank, …,
longitude, latitude, …; no header). Codes are 12 digits: district 6 + street 3 + community 3.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import ImportRejected, ValidationReport
from .tables import decode_text


@dataclass(frozen=True)
class AreaCode:
    code: str          # 9 digits for a street, 12 for a community
    name: str
    lon: float | None  # centroid, when the list has one
    lat: float | None


def _name(raw: str) -> str:
    return raw.removesuffix("办事处").removesuffix("居民委员会").removesuffix("居委会")


def read_adcodes(path: Path, district_code: str) -> tuple[list[AreaCode], list[AreaCode]]:
    """(streets, communities) of `district_code`, each with a centroid when one is listed."""
    report = ValidationReport()
    streets, communities = [], []
    text, _ = decode_text(path)  # UTF-8, or GBK as Excel on a Chinese Windows saves it
    for i, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        if not any(c.strip() for c in row):
            continue
        if len(row) < 14:
            report.add(path.name, i, None, f"expected at least 14 columns, found {len(row)}")
            continue
        code, name, rank = row[0].strip(), row[2].strip(), row[4].strip()
        if not code.startswith(district_code) or len(code) != 12 or not code.isdigit():
            continue
        try:
            lon = float(row[12]) if row[12] else None
            lat = float(row[13]) if row[13] else None
        except ValueError:
            report.add(path.name, i, "longitude", f"not a number: {row[12]!r}/{row[13]!r}")
            continue
        if rank == "4":
            streets.append(AreaCode(code[:9], _name(name), lon, lat))
        elif rank == "5":
            communities.append(AreaCode(code, _name(name), lon, lat))
    if report:
        raise ImportRejected(report)
    if not communities:
        report.add(path.name, None, None, f"no communities of district {district_code}")
        raise ImportRejected(report)
    return streets, communities
