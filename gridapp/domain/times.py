"""Times of the district: one zone for every stored time, and which times are plausible.

The store keeps naive times in the district's own zone (a setting, default Asia/Shanghai);
a time that arrives with an offset is converted into it, and a time that leaves (exports,
Open311) carries the zone's true offset at that moment, whatever the workstation's clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import InvalidInput

DEFAULT_ZONE = "Asia/Shanghai"


def zone(name: str | None) -> ZoneInfo:
    """The IANA zone named `name` (the default district zone when empty)."""
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"time zone {name!r} unknown; use an IANA name such as "
                           f"{DEFAULT_ZONE}", value=name) from None


def to_district(at: datetime, district_zone: str | ZoneInfo) -> datetime:
    """A time as the district's wall clock shows it (naive); naive input is taken as is."""
    if at.tzinfo is None:
        return at
    z = district_zone if isinstance(district_zone, ZoneInfo) else zone(district_zone)
    return at.astimezone(z).replace(tzinfo=None)


def with_offset(local: datetime, district_zone: str | ZoneInfo) -> datetime:
    """A stored (naive, district) time made aware with the district zone's offset then."""
    z = district_zone if isinstance(district_zone, ZoneInfo) else zone(district_zone)
    return local.replace(tzinfo=z) if local.tzinfo is None else local.astimezone(z)


def iso_with_offset(local: datetime | None, district_zone: str | ZoneInfo) -> str | None:
    """'2026-11-02T09:30:00+08:00' for a stored time (None stays None): for exports."""
    if local is None:
        return None
    return with_offset(local, district_zone).isoformat(timespec="seconds")


def implausible(at: datetime, earliest: datetime, now: datetime,
                skew: timedelta) -> str | None:
    """Why `at` cannot be a real time of this store (None when it can)."""
    if at < earliest:
        return f"before {earliest:%Y-%m-%d}, the store's earliest plausible date"
    if at > now + skew:
        return f"in the future (now is {now:%Y-%m-%d %H:%M})"
    return None


def check_plausible(at: datetime, earliest: datetime, now: datetime, skew: timedelta,
                    what: str = "time") -> datetime:
    """`at`, or InvalidInput naming it and why it cannot be right (for every --at)."""
    why = implausible(at, earliest, now, skew)
    if why:
        raise InvalidInput(f"{what} {at:%Y-%m-%d %H:%M} is {why}", value=at.isoformat())
    return at
