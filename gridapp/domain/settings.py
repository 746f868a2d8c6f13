"""Store-wide settings the rules depend on (kept in the store, editable by an admin).

Every setting has a type and a range (SPECS); a value outside it — NaN, infinity, a negative
size, a word where a number belongs — is refused with one line naming the key, its type and
its range. A store that already holds a bad value (saved before these checks) is read with
the default in its place, and `gridapp store check` names it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timedelta
from typing import Any

from .duplicates import DuplicatePolicy
from .errors import InvalidInput
from .times import DEFAULT_ZONE, zone


@dataclass(frozen=True, slots=True)
class BackupPolicy:
    """The client's daily backup (`backup_if_due`): where, and how many to keep."""

    folder: str = ""        # empty: a `backups` folder beside the store (or in user data)
    keep_days: int = 7      # the newest backup of each of the last N days that have one
    keep_weeks: int = 4     # and of each of the last N ISO weeks that have one (as restic)


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: type
    low: float | None = None
    high: float | None = None
    low_open: bool = False   # low itself not allowed
    high_open: bool = False  # high itself not allowed
    help: str = ""
    valid: Callable[[str], bool] | None = None  # text: what it must be (a zone, a date)
    shape: str = ""                             # … said in words

    def describe(self) -> str:
        """The type and range in words, e.g. 'a number > 0 and ≤ 8760'."""
        if self.kind is bool:
            return "true or false"
        if self.kind is str:
            return self.shape or "text"
        noun = "a whole number" if self.kind is int else "a number"
        parts = []
        if self.low is not None:
            parts.append(f"{'>' if self.low_open else '≥'} {_fmt(self.low)}")
        if self.high is not None:
            parts.append(f"{'<' if self.high_open else '≤'} {_fmt(self.high)}")
        return f"{noun} {' and '.join(parts)}".strip()

    def parse(self, text: str) -> object:
        """The value typed by a user, converted and checked."""
        raw = text.strip()
        if self.kind is bool:
            low = raw.lower()
            if low in ("1", "true", "yes", "on", "是"):
                return True
            if low in ("0", "false", "no", "off", "否"):
                return False
            raise self._refuse(text)
        if self.kind is str:
            return self.check(raw)
        try:
            value = int(raw) if self.kind is int else float(raw)
            return self.check(value)
        except (ValueError, OverflowError, InvalidInput):
            raise self._refuse(text) from None  # name what the user typed

    def check(self, value: object) -> object:
        """`value` if it has the right type and lies in the range, else InvalidInput."""
        if self.kind is bool:
            if not isinstance(value, bool):
                raise self._refuse(value)
            return value
        if self.kind is str:
            if not isinstance(value, str) or len(value) > 1000 or "\x00" in value or \
                    (self.valid is not None and not self.valid(value)):
                raise self._refuse(value)
            return value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._refuse(value)
        if self.kind is int and (isinstance(value, float) and not value.is_integer()):
            raise self._refuse(value)
        if not math.isfinite(value):
            raise self._refuse(value)
        if self.low is not None and (value < self.low or (self.low_open and value == self.low)):
            raise self._refuse(value)
        if self.high is not None and (value > self.high or (self.high_open and value == self.high)):
            raise self._refuse(value)
        return int(value) if self.kind is int else float(value)

    def _refuse(self, value: object) -> InvalidInput:
        return InvalidInput(f"setting {self.key} must be {self.describe()}, not {value!r}",
                            key=self.key, value=str(value))


def _is_zone(name: str) -> bool:
    try:
        zone(name)
    except InvalidInput:
        return False
    return bool(name)


def _is_date(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _fmt(v: float) -> str:
    return f"{v:,.0f}".replace(",", "") if float(v).is_integer() else f"{v:g}"


SPECS: dict[str, SettingSpec] = {s.key: s for s in (
    SettingSpec("warning_share", float, 0, 1, low_open=True, high_open=True,
                help="预警 once this share of the time limit is used"),
    SettingSpec("road_tolerance_m", float, 0, 1000,
                help="a point this close to a road segment belongs to its road chief (m)"),
    SettingSpec("photo_max_bytes", int, 1024, 100 * 1024 * 1024,
                help="largest photo accepted (bytes)"),
    SettingSpec("photo_max_pixels", int, 10_000, 80_000_000,  # Pillow's own bomb limit: 89 Mpx
                help="largest photo accepted (pixels; bigger is refused as a bomb)"),
    SettingSpec("duplicates.enabled", bool, help="look for duplicates of a new report"),
    SettingSpec("duplicates.radius_m", float, 0, 5000,
                help="a duplicate lies this close to the original (m)"),
    SettingSpec("duplicates.window_hours", float, 0, 24 * 366, low_open=True,
                help="… and was reported this many hours after it"),
    SettingSpec("duplicates.auto_link", bool, help="link duplicates at once"),
    SettingSpec("backup.folder", str, help="folder of the daily backups"),
    SettingSpec("backup.keep_days", int, 1, 366, help="daily backups kept"),
    SettingSpec("backup.keep_weeks", int, 0, 520, help="weekly backups kept"),
    SettingSpec("time_zone", str, help="the district's wall clock (an IANA zone)",
                valid=_is_zone, shape="an IANA time zone such as Asia/Shanghai"),
    SettingSpec("earliest_plausible", str, help="an imported or migrated time before it is wrong",
                valid=_is_date, shape="a date such as 2000-01-01"),
    SettingSpec("future_skew_minutes", float, 0, 24 * 60,
                help="how far ahead of the store's clock a time may be (clock drift)"),
    SettingSpec("area_tolerance_m", float, 0, 100_000,
                help="lon/lat this far outside the district is refused (m)"),
    SettingSpec("address_min_confidence", float, 0, 1,
                help="an address match below it leaves the case 待定位"),
)}


def spec(key: str) -> SettingSpec:
    try:
        return SPECS[key]
    except KeyError:
        raise InvalidInput(f"unknown setting {key!r}; known: {', '.join(SPECS)}",
                           key=key) from None


@dataclass(frozen=True)
class Settings:
    warning_share: float = 0.8          # 预警 once this share of the time limit is used
    road_tolerance_m: float = 30.0      # a point this close to a segment belongs to its chief
    photo_max_bytes: int = 10 * 1024 * 1024
    photo_max_pixels: int = 40_000_000  # Pillow's bomb limit for photos (40 Mpx)
    duplicates: DuplicatePolicy = field(default_factory=DuplicatePolicy)
    backup: BackupPolicy = field(default_factory=BackupPolicy)
    time_zone: str = DEFAULT_ZONE       # the district's wall clock: every stored time is in it
    earliest_plausible: str = "2000-01-01"  # an imported or back-dated time before it is wrong
    future_skew_minutes: float = 10.0   # how far ahead of now a time may be (clock drift)
    area_tolerance_m: float = 2000.0    # lon/lat this far outside the district is refused
    address_min_confidence: float = 0.5  # an address match below it stays 待定位

    @property
    def earliest(self) -> datetime:
        return datetime.fromisoformat(self.earliest_plausible)

    @property
    def future_skew(self) -> timedelta:
        return timedelta(minutes=self.future_skew_minutes)

    def __post_init__(self) -> None:
        flat = self.flat()
        for key, s in SPECS.items():
            s.check(flat[key])

    def get(self, key: str) -> object:
        spec(key)
        return self.flat()[key]

    def flat(self) -> dict[str, object]:
        """Every setting by its dotted key."""
        out: dict[str, object] = {}
        for k, v in self.to_dict().items():
            if isinstance(v, dict):
                out.update({f"{k}.{kk}": vv for kk, vv in v.items()})
            else:
                out[k] = v
        return out

    def with_value(self, key: str, text: str) -> Settings:
        """A copy with `key` set from what a user typed; InvalidInput names key and range."""
        # Any: each field's type is the one its SPECS entry parsed and checked
        value: Any = spec(key).parse(text)
        if "." in key:
            group, name = key.split(".", 1)
            return replace(self, **{group: replace(getattr(self, group), **{name: value})})
        return replace(self, **{key: value})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Settings:
        """Strict: any unknown type or out-of-range value is refused."""
        settings, problems = cls.load(data)
        if problems:
            raise InvalidInput(problems[0])
        return settings

    @classmethod
    def load(cls, data: Mapping[str, object]) -> tuple[Settings, list[str]]:
        """Lenient, for what a store holds: bad values give way to defaults, each named."""
        problems: list[str] = []
        groups = {"duplicates": DuplicatePolicy, "backup": BackupPolicy}
        values: dict[str, Any] = {}   # Any: each checked by its SPECS entry
        for f in fields(cls):
            if f.name in groups:
                sub = data.get(f.name, {})
                sub = sub if isinstance(sub, dict) else {}
                kept: dict[str, Any] = {}
                for g in fields(groups[f.name]):
                    if g.name in sub:
                        ok = _checked(f"{f.name}.{g.name}", sub[g.name], problems)
                        if ok is not _BAD:
                            kept[g.name] = ok
                values[f.name] = groups[f.name](**kept)
            elif f.name in data:
                ok = _checked(f.name, data[f.name], problems)
                if ok is not _BAD:
                    values[f.name] = ok
        return cls(**values), problems


_BAD = object()


def _checked(key: str, value: object, problems: list[str]) -> object:
    try:
        return SPECS[key].check(value)
    except InvalidInput as exc:
        problems.append(str(exc))
        return _BAD
