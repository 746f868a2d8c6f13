"""The district's time zone for exports: the store keeps wall-clock times without an offset."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

DEFAULT_ZONE = "Asia/Shanghai"


def district_zone(store) -> str:
    """The store's `time_zone` setting (IANA name), Asia/Shanghai when it has none."""
    with store.uow(write=False) as uow:
        settings = uow.config.settings()
    name = getattr(settings, "time_zone", None) or DEFAULT_ZONE
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"setting time_zone: {name!r} is not a time zone like "
                         f"{DEFAULT_ZONE}") from None
    return name


def utc_offset(zone: str, at: datetime | None = None) -> str:
    """+08:00 for Asia/Shanghai (at a given wall-clock time; now by default)."""
    at = at or datetime.now()
    off = at.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zone_label(zone: str, times: list[pd.Series] | None = None) -> str:
    """How a column header names the zone: "UTC+08:00 Asia/Shanghai" when the offset is one
    for every time exported (no daylight saving among them), else the zone's name alone."""
    offsets = set()
    for s in times or []:
        for t in s.dropna().dt.to_pydatetime():
            offsets.add(utc_offset(zone, t))
            if len(offsets) > 1:
                return zone
    offsets = offsets or {utc_offset(zone)}
    return f"UTC{offsets.pop()} {zone}"


def iso_with_offset(s: pd.Series, zone: str) -> pd.Series:
    """Wall-clock times → ISO 8601 text with the zone's offset (2026-11-02T09:00:00+08:00)."""
    aware = s.dt.tz_localize(zone, ambiguous="NaT", nonexistent="shift_forward")
    text = aware.dt.strftime("%Y-%m-%dT%H:%M:%S%z")
    # %z gives +0800; ISO 8601 extended format (what GDAL and QGIS parse) is +08:00
    text = text.str.replace(r"([+-]\d\d)(\d\d)$", r"\1:\2", regex=True)
    return text.where(s.notna(), None)
