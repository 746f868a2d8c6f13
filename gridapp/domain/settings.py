"""Store-wide settings the rules depend on (kept in the store, editable by an admin)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .clock import DEFAULT_ZONE, EARLIEST
from .duplicates import DuplicatePolicy
from .errors import InvalidInput


@dataclass(frozen=True)
class Settings:
    warning_share: float = 0.8          # 预警 once this share of the time limit is used
    road_tolerance_m: float = 30.0      # a point this close to a segment belongs to its chief
    photo_max_bytes: int = 10 * 1024 * 1024
    duplicates: DuplicatePolicy = field(default_factory=DuplicatePolicy)
    time_zone: str = DEFAULT_ZONE       # the district's; the store's clock tells time in it
    earliest_date: str = EARLIEST.isoformat()  # no event of this store is older

    @property
    def earliest(self) -> date:
        return date.fromisoformat(self.earliest_date)

    def __post_init__(self) -> None:
        if not 0 < self.warning_share < 1:
            raise InvalidInput(f"warning share must be between 0 and 1, got {self.warning_share}")
        if self.road_tolerance_m < 0:
            raise InvalidInput("road tolerance must not be negative")
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput(f"time zone {self.time_zone!r} is not a zone name like "
                               "Asia/Shanghai") from None
        try:
            date.fromisoformat(self.earliest_date)
        except (TypeError, ValueError):
            raise InvalidInput(f"earliest date {self.earliest_date!r} is not a date like "
                               "2000-01-01") from None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        data = dict(data)
        dup = DuplicatePolicy(**data.pop("duplicates", {}))
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(duplicates=dup, **known)
