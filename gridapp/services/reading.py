"""The read side as a port: marks, changes and the rows the client draws (the store answers).

A mark is what a reader has seen; "changes after the mark" never depends on a clock
(gridapp/store/changes.py says how each backend numbers its changes).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the store answers with frames; the services only pass them on
    import pandas as pd

PLACE_TABLES = frozenset({"districts", "streets", "communities", "grid_cells", "road_segments",
                          "components", "landmarks"})
CONFIG_TABLES = frozenset({"people", "person_roles", "departments", "assignments",
                           "catalog_versions", "catalog_classes", "calendar_days",
                           "hotline_presets", "assessment_schemes", "meta"})
# patrol records the map's patrol layers are drawn from (tracks and check-ins are
# change-tracked; what they covered is recomputed with them)
PATROL_TABLES = frozenset({"patrol_tracks", "patrol_checkins"})
# the columns of a case the map, the list and the warnings work from, in this order
CASE_COLUMNS = ("id", "x", "y", "state", "class_code", "source", "street_code", "cell_code",
                "segment_id", "assignee_department_id", "assignee_person_id", "road_chief_id",
                "reported_at", "deadline_at", "warning_at", "closed_at", "change_seq",
                "supervision_count")
# what a column-wise read (ReadModel.case_columns) puts for a NULL text
NULL_TEXT = "\x1e"  # ASCII record separator: no code or state holds it
# one row as the store's driver gives it; which columns, in which order, each use says
Row = Sequence[Any]


@dataclass(frozen=True)
class CaseSelection:
    """Which cases an export reads: the ones listed (by id), or by state and report time."""

    ids: tuple[int, ...] | None = None
    states: tuple[str, ...] = ()
    reported_from: datetime | None = None
    reported_to: datetime | None = None


@dataclass(frozen=True)
class Mark:
    """What a reader has seen: a change number (SQLite) or a snapshot (PostgreSQL)."""

    value: str

    @property
    def is_snapshot(self) -> bool:
        return ":" in self.value

    def xmin(self) -> int:
        return int(self.value.split(":")[0])


NOTHING = Mark("0")  # before any change: everything is new


@dataclass(frozen=True)
class Changes:
    """What was written after a mark: cases to read again, cases gone, tables to reload."""

    mark: Mark
    case_ids: tuple[int, ...]
    deleted_cases: frozenset[int]
    tables: frozenset[str]

    @property
    def places(self) -> bool:
        return bool(self.tables & PLACE_TABLES)

    @property
    def config(self) -> bool:
        return bool(self.tables & CONFIG_TABLES)

    def __bool__(self) -> bool:
        return bool(self.case_ids or self.deleted_cases or self.tables)


@dataclass(frozen=True)
class PlaceRows:
    """Every place layer and the vocabularies the map codes its columns with."""

    streets: list[Row]          # code, name, wkb
    communities: list[Row]      # code, name, wkb
    classes: list[Row]          # code, name (the current catalog)
    cells: list[Row]            # code, street_code, community_code, cx, cy, wkb
    segments: list[Row]         # id, code, name, road_class, wkb, road_name
    components: list[Row]       # code, class_code, wkb
    district: bytes | None      # wkb
    chiefs: dict[str, int]      # segment code → road chief in charge at `at`


@dataclass(frozen=True)
class DayPatrols:
    """Every patrol of one day: tracks (person_id, started_at, ended_at, length_m, times,
    wkb — `times` the seconds after `started_at` of each vertex, int32 little-endian) and
    check-ins (person_id, at, note, wkb), each ordered by person and time."""

    day: date
    tracks: list[Row]
    checkins: list[Row]


class ReadModel(Protocol):
    def mark(self) -> Mark: ...
    def mark_is_valid(self, mark: Mark) -> bool: ...
    def changes(self, since: Mark) -> Changes: ...
    def places(self, at: datetime) -> PlaceRows: ...
    def case_rows(self, ids: Sequence[int] | None = None
                  ) -> Iterator[list[Row]]: ...  # CASE_COLUMNS, in chunks
    def case_columns(self) -> Iterator[list[Any]]: ...  # every case's, column-wise, in chunks
    def case_count(self) -> int: ...
    def search_cases(self, text: str, limit: int = 200) -> list[int]: ...
    def meta(self, key: str) -> str | None: ...
    def addresses(self, ids: Sequence[int]) -> dict[int, str]: ...
    def unit_names(self) -> tuple[dict[int, str], dict[int, str]]: ...
    def assigned_verifications(self, person_id: int) -> frozenset[int]: ...
    def layer_table(self, name: str, at: datetime) -> pd.DataFrame: ...  # WKB in `wkb`
    def case_table(self, which: CaseSelection) -> pd.DataFrame: ...      # in id order
    def district_wkb(self) -> bytes | None: ...
    def totals(self) -> dict[str, int]: ...
    def style_names(self, at: datetime) -> tuple[list[Row], list[Row], list[Row]]: ...
    def overlapping_cells(self, since: Mark = NOTHING, min_area: float = 1.0
                          ) -> list[tuple[str, str, float]]: ...
    def last_patrols(self, share: float) -> dict[int, date]: ...  # segment id → last day
    def day_patrols(self, day: date) -> DayPatrols: ...
    def checkin_points(self, person_id: int) -> list[Row]: ...  # day, wkb of each check-in
