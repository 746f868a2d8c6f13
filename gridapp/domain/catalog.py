"""Classification catalog (CJ/T 214 style): 部件/事件 large and small classes, deadlines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from .errors import InvalidInput


class CaseKind(StrEnum):
    COMPONENT = "component"  # 部件: a physical asset is damaged or missing
    EVENT = "event"          # 事件: something happens on the street

    @property
    def label_zh(self) -> str:
        return "部件" if self is CaseKind.COMPONENT else "事件"

    @property
    def prefix(self) -> str:
        return "C" if self is CaseKind.COMPONENT else "E"


class TimeUnit(StrEnum):
    WORKING_HOURS = "working_hours"
    WORKING_DAYS = "working_days"

    @property
    def label_zh(self) -> str:
        return "工作时" if self is TimeUnit.WORKING_HOURS else "工作日"


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """处置时限: an amount of working time, in working hours or working days."""

    amount: float
    unit: TimeUnit

    def __post_init__(self) -> None:
        if not self.amount > 0:
            raise InvalidInput(f"time limit must be positive, got {self.amount}")

    def working_minutes(self, minutes_per_day: int) -> int:
        """Length in working minutes under a calendar whose workday has `minutes_per_day`."""
        if self.unit is TimeUnit.WORKING_HOURS:
            return round(self.amount * 60)
        return round(self.amount * minutes_per_day)

    def __str__(self) -> str:
        amount = int(self.amount) if float(self.amount).is_integer() else self.amount
        return f"{amount} {self.unit.label_zh}"

    @classmethod
    def parse(cls, text: str) -> TimeLimit:
        """Parse '4h', '4 working_hours', '20d', '20 工作日'."""
        m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(h|d|working_hours|working_days|工作时|"
                         r"工作小时|工作日)\s*", text)
        if not m:
            raise InvalidInput(f"time limit {text!r}: expected e.g. '4h' or '20d'", value=text)
        unit = TimeUnit.WORKING_HOURS if m[2] in ("h", "working_hours", "工作时", "工作小时") \
            else TimeUnit.WORKING_DAYS
        return cls(float(m[1]), unit)


_CLASS_CODE = re.compile(r"^[CE]\d{4}$")


@dataclass(frozen=True, slots=True)
class CatalogClass:
    """A small class (小类) with its large class, department and rules."""

    code: str                   # C0101 (部件) or E0102 (事件): kind + large 2 + small 2
    name: str
    kind: CaseKind
    large_code: str
    large_name: str
    department_code: str        # 默认处置部门
    time_limit: TimeLimit
    register_condition: str = ""  # 立案条件
    close_condition: str = ""     # 结案条件
    active: bool = True

    def __post_init__(self) -> None:
        if not _CLASS_CODE.match(self.code) or self.code[0] != self.kind.prefix:
            raise InvalidInput(
                f"class code {self.code!r} must be {self.kind.prefix} + 4 digits", value=self.code)
        if self.code[1:3] != self.large_code:
            raise InvalidInput(f"class {self.code}: large class code {self.large_code} does not "
                               "match the code's digits", value=self.code)


class Catalog:
    """One version of the catalog; old cases keep the version they were dispatched under."""

    def __init__(self, version: int, classes: Iterable[CatalogClass]) -> None:
        self.version = version
        self._by_code: dict[str, CatalogClass] = {}
        for cls in classes:
            if cls.code in self._by_code:
                raise InvalidInput(f"catalog version {version}: class {cls.code} twice",
                                   value=cls.code)
            self._by_code[cls.code] = cls

    def __getitem__(self, code: str) -> CatalogClass:
        try:
            return self._by_code[code]
        except KeyError:
            raise InvalidInput(f"unknown class code {code!r} in catalog version {self.version}",
                               value=code) from None

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[CatalogClass]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def find(self, text: str) -> CatalogClass | None:
        """A class by code or by exact name (hotline exports name the class in Chinese)."""
        text = text.strip()
        if text in self._by_code:
            return self._by_code[text]
        for cls in self._by_code.values():
            if cls.name == text:
                return cls
        return None
