"""12345 / 12319 hotline exports (CSV, XLSX): a named column mapping, per-row checks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..domain.case import Source
from ..domain.catalog import Catalog
from ..services.hotline import ReportBatch
from .crs import LonLatSystem, lonlat_to_store
from .errors import ImportRejected, ValidationReport
from .tables import read_table

ALIASES = {
    "external_id": ["工单编号", "工单号", "编号", "受理编号", "ticket_id", "id"],
    "reported_at": ["受理时间", "来电时间", "登记时间", "创建时间", "reported_at", "time"],
    "category": ["问题分类", "诉求分类", "事项分类", "问题类型", "小类", "category", "class"],
    "lon": ["经度", "经度(GCJ02)", "lng", "lon", "longitude", "x"],
    "lat": ["纬度", "纬度(GCJ02)", "lat", "latitude", "y"],
    "address": ["问题地址", "地址", "事发地址", "address"],
    "description": ["问题描述", "诉求内容", "来电内容", "description", "content"],
    "contact": ["来电人", "联系人", "姓名", "contact"],
    "phone": ["联系电话", "电话", "手机", "phone"],
    "source": ["来源", "渠道", "source"],
}
SOURCES = {"12345": Source.HOTLINE_12345, "12345热线": Source.HOTLINE_12345,
           "市长热线": Source.HOTLINE_12345, "12319": Source.HOTLINE_12319,
           "12319热线": Source.HOTLINE_12319, "城建热线": Source.HOTLINE_12319,
           "城市留言板": Source.MESSAGE_BOARD, "留言板": Source.MESSAGE_BOARD,
           "随手拍": Source.SNAPSHOT, "媒体": Source.MEDIA}
REQUIRED = ("external_id", "reported_at", "category", "lon", "lat")


@dataclass
class HotlineMapping:
    """Which column holds what; `columns` maps our field to the export's header."""

    name: str = "12345"
    columns: dict[str, str] = field(default_factory=dict)
    source: str = Source.HOTLINE_12345.value  # when no column names the channel
    coords: str = LonLatSystem.GCJ02.value    # most exports are in GCJ-02 (Amap)
    time_format: str | None = None            # e.g. "%Y/%m/%d %H:%M"; default: inferred
    categories: dict[str, str] = field(default_factory=dict)  # export text → class code

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> HotlineMapping:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def _resolve(frame: pd.DataFrame, mapping: HotlineMapping, file: str,
             report: ValidationReport) -> dict[str, str | None]:
    cols: dict[str, str | None] = {}
    for fld, aliases in ALIASES.items():
        wanted = mapping.columns.get(fld)
        if wanted:
            cols[fld] = wanted if wanted in frame.columns else None
            if cols[fld] is None:
                report.add(file, None, fld, f"column {wanted!r} (preset {mapping.name}) not "
                           f"found; columns: {', '.join(frame.columns)}")
            continue
        cols[fld] = next((a for a in aliases if a in frame.columns), None)
        if cols[fld] is None and fld in REQUIRED:
            report.add(file, None, fld, f"no column for {fld}; map it in the preset (columns: "
                       f"{', '.join(frame.columns)})")
    return cols


def parse_hotline(path: Path | str, mapping: HotlineMapping, catalog: Catalog, srid: int,
                  sheet: str | None = None, max_problems: int = 500) -> ReportBatch:
    """Every row checked; ImportRejected names the file and each bad row."""
    path = Path(path)
    file, report = path.name, ValidationReport()
    frame = read_table(path, sheet)
    cols = _resolve(frame, mapping, file, report)
    if report:
        raise ImportRejected(report)
    n = len(frame)
    row_no = np.arange(1, n + 1)

    def text(fld: str) -> pd.Series:
        c = cols.get(fld)
        return frame[c].fillna("").astype(str).str.strip() if c else pd.Series([""] * n)

    ext = text("external_id")
    bad = ext == ""
    for r in row_no[bad.to_numpy()]:
        report.add(file, int(r), cols["external_id"], "no ticket number")
    dup = ext.duplicated(keep=False) & ~bad
    for value, rows in pd.Series(row_no[dup.to_numpy()]).groupby(ext[dup].to_numpy()):
        report.add(file, int(rows.iloc[1]), cols["external_id"],
                   f"ticket {value} appears on rows {', '.join(map(str, rows.tolist()))}")
    raw_time = text("reported_at")
    when = pd.to_datetime(raw_time, format=mapping.time_format, errors="coerce") \
        if mapping.time_format else pd.to_datetime(raw_time, errors="coerce", format="mixed")
    for r, v in zip(row_no[when.isna().to_numpy()], raw_time[when.isna()], strict=True):
        report.add(file, int(r), cols["reported_at"], f"cannot read the time {v!r}")
    cat = text("category")
    lookup: dict[str, str | None] = {}
    for value in cat.unique():
        code = mapping.categories.get(value)
        found = catalog.find(code or value)
        lookup[value] = found.code if found else None
    classes = cat.map(lookup)
    for r, v in zip(row_no[classes.isna().to_numpy()], cat[classes.isna()], strict=True):
        report.add(file, int(r), cols["category"], f"class {v!r} is not in the catalog "
                   "(map it in the preset's categories)")
    lon = pd.to_numeric(text("lon"), errors="coerce").to_numpy()
    lat = pd.to_numeric(text("lat"), errors="coerce").to_numpy()
    missing = np.isnan(lon) | np.isnan(lat)
    for r in row_no[missing]:
        report.add(file, int(r), cols["lon"], "missing or unreadable coordinates")
    far = ~missing & ((lon < 73) | (lon > 136) | (lat < 3) | (lat > 54))
    for r, a, b in zip(row_no[far], lon[far], lat[far], strict=True):
        report.add(file, int(r), cols["lon"], f"({a}, {b}) is not a lon/lat in China")
    src_text = text("source")
    sources = [SOURCES.get(s, Source(mapping.source)).value if s else mapping.source
               for s in src_text] if cols.get("source") else [mapping.source] * n
    if report:
        if len(report.problems) > max_problems:
            extra = len(report.problems) - max_problems
            report.problems = report.problems[:max_problems]
            report.add(file, None, None, f"… and {extra} more problems")
        raise ImportRejected(report)
    x, y = lonlat_to_store(lon, lat, mapping.coords, srid)
    contact = (text("contact") + " " + text("phone")).str.strip()
    return ReportBatch(
        external_id=ext.tolist(), reported_at=when.dt.to_pydatetime().tolist(),
        class_code=classes.tolist(), x=np.asarray(x), y=np.asarray(y), source=sources,
        description=text("description").tolist(), address=text("address").tolist(),
        contact=contact.tolist(), rows=row_no.tolist())
