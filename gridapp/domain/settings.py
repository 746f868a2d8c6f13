"""Store-wide settings the rules depend on (kept in the store, editable by an admin)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .duplicates import DuplicatePolicy
from .errors import InvalidInput


@dataclass(frozen=True)
class Settings:
    warning_share: float = 0.8          # 预警 once this share of the time limit is used
    road_tolerance_m: float = 30.0      # a point this close to a segment belongs to its chief
    photo_max_bytes: int = 10 * 1024 * 1024
    duplicates: DuplicatePolicy = field(default_factory=DuplicatePolicy)

    def __post_init__(self) -> None:
        if not 0 < self.warning_share < 1:
            raise InvalidInput(f"warning share must be between 0 and 1, got {self.warning_share}")
        if self.road_tolerance_m < 0:
            raise InvalidInput("road tolerance must not be negative")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        data = dict(data)
        dup = DuplicatePolicy(**data.pop("duplicates", {}))
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(duplicates=dup, **known)
