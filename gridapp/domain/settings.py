"""Store-wide settings the rules depend on (kept in the store, editable by an admin)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from .duplicates import DuplicatePolicy
from .errors import InvalidInput
from .times import DEFAULT_ZONE, zone


@dataclass(frozen=True)
class Settings:
    warning_share: float = 0.8          # 预警 once this share of the time limit is used
    road_tolerance_m: float = 30.0      # a point this close to a segment belongs to its chief
    photo_max_bytes: int = 10 * 1024 * 1024
    duplicates: DuplicatePolicy = field(default_factory=DuplicatePolicy)
    time_zone: str = DEFAULT_ZONE       # the district's wall clock: every stored time is in it
    earliest_plausible: str = "2000-01-01"  # an imported or back-dated time before it is wrong
    future_skew_minutes: float = 10.0   # how far ahead of now a time may be (clock drift)
    area_tolerance_m: float = 2000.0    # lon/lat this far outside the district is refused
    address_min_confidence: float = 0.5  # an address match below it stays 待定位

    def __post_init__(self) -> None:
        if not 0 < self.warning_share < 1:
            raise InvalidInput(f"warning share must be between 0 and 1, got {self.warning_share}")
        if self.road_tolerance_m < 0:
            raise InvalidInput("road tolerance must not be negative")
        zone(self.time_zone)
        try:
            date_ok = datetime.fromisoformat(self.earliest_plausible)
        except (TypeError, ValueError):
            date_ok = None
        if date_ok is None:
            raise InvalidInput(f"earliest plausible date {self.earliest_plausible!r} is not a "
                               "date like 2000-01-01")
        if self.future_skew_minutes < 0 or self.area_tolerance_m < 0:
            raise InvalidInput("future skew and area tolerance must not be negative")
        if not 0 <= self.address_min_confidence <= 1:
            raise InvalidInput("address_min_confidence must be between 0 and 1")

    @property
    def earliest(self) -> datetime:
        return datetime.fromisoformat(self.earliest_plausible)

    @property
    def future_skew(self) -> timedelta:
        return timedelta(minutes=self.future_skew_minutes)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        data = dict(data)
        dup = DuplicatePolicy(**data.pop("duplicates", {}))
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(duplicates=dup, **known)
