"""Place and asset codes: 15-digit unit grid codes and 16-digit component codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InvalidCode

_DIGITS = re.compile(r"^\d+$")


def _check_digits(value: str, length: int, what: str) -> str:
    value = str(value).strip()
    if len(value) != length or not _DIGITS.match(value):
        raise InvalidCode(
            f"{what} {value!r} must be exactly {length} digits", value=value, length=length
        )
    return value


def check_district_code(value: str) -> str:
    """A GB/T 2260 county-level code: 6 digits, province 11..82, not ending in 00."""
    value = _check_digits(value, 6, "district code")
    if not 11 <= int(value[:2]) <= 82 or value[4:] == "00":
        raise InvalidCode(f"district code {value!r} is not a county-level GB/T 2260 code",
                          value=value)
    return value


def _check_prefix(value: str, what: str) -> None:
    try:
        check_district_code(value[:6])
    except InvalidCode as exc:
        raise InvalidCode(f"{what} {value!r}: {exc}", value=value) from None


@dataclass(frozen=True, slots=True)
class GridCode:
    """单元网格编码: district 6 + street 3 + community 3 + serial 3."""

    district: str
    street: str
    community: str
    serial: str

    @classmethod
    def parse(cls, value: str) -> GridCode:
        value = _check_digits(value, 15, "grid code")
        _check_prefix(value, "grid code")
        street, community, serial = value[6:9], value[9:12], value[12:15]
        for part, name in ((street, "street"), (community, "community"), (serial, "serial")):
            if part == "000":
                raise InvalidCode(f"grid code {value!r}: {name} part must not be 000",
                                  value=value)
        return cls(value[:6], street, community, serial)

    @property
    def street_code(self) -> str:
        return self.district + self.street

    @property
    def community_code(self) -> str:
        return self.district + self.street + self.community

    def __str__(self) -> str:
        return self.district + self.street + self.community + self.serial


def grid_code(community_code: str, serial: int) -> str:
    """The 15-digit code of the `serial`-th cell (1-based) of a 12-digit community."""
    _check_digits(community_code, 12, "community code")
    if not 1 <= serial <= 999:
        raise InvalidCode(f"community {community_code} would need serial {serial}; "
                          "a community holds at most 999 cells", value=community_code)
    return str(GridCode.parse(f"{community_code}{serial:03d}"))


@dataclass(frozen=True, slots=True)
class ComponentCode:
    """部件编码: district 6 + large class 2 + small class 2 + serial 6."""

    district: str
    large: str
    small: str
    serial: str

    @classmethod
    def parse(cls, value: str) -> ComponentCode:
        value = _check_digits(value, 16, "component code")
        _check_prefix(value, "component code")
        if value[6:8] == "00" or value[8:10] == "00" or value[10:] == "000000":
            raise InvalidCode(f"component code {value!r}: class and serial must not be zero",
                              value=value)
        return cls(value[:6], value[6:8], value[8:10], value[10:])

    @property
    def class_code(self) -> str:
        """The catalog code of the component's small class (C + large + small)."""
        return f"C{self.large}{self.small}"

    def __str__(self) -> str:
        return self.district + self.large + self.small + self.serial


def check_street_code(value: str) -> str:
    value = _check_digits(value, 9, "street code")
    check_district_code(value[:6])
    return value


def check_community_code(value: str) -> str:
    value = _check_digits(value, 12, "community code")
    check_street_code(value[:9])
    return value
