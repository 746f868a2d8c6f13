"""What the services need from a store: repositories behind one unit of work."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

import numpy.typing as npt

from ..domain.calendar import WorkCalendar
from ..domain.case import Case, CaseEvent
from ..domain.catalog import Catalog, CatalogClass
from ..domain.duplicates import Candidate
from ..domain.people import Actor, Assignment, Person, Role
from ..domain.places import (
    Area,
    ComponentAsset,
    Landmark,
    LocatedPoints,
    Location,
    RoadSegment,
    UnitGridCell,
)
from ..domain.settings import Settings
from .progress import Progress


@dataclass(frozen=True, slots=True)
class DepartmentInfo:
    id: int
    code: str
    name: str
    kind: str
    street_code: str | None = None


@dataclass(frozen=True, slots=True)
class ComponentInfo:
    code: str
    class_code: str
    owner_department_id: int | None


@dataclass(frozen=True, slots=True)
class PhotoRef:
    sha256: str
    mime: str
    size: int
    width: int
    height: int


@dataclass(frozen=True)
class CaseQuery:
    """Filters of the case list; None means any."""

    states: tuple[str, ...] | None = None
    class_codes: tuple[str, ...] | None = None
    sources: tuple[str, ...] | None = None
    street_code: str | None = None
    department_id: int | None = None
    road_chief_id: int | None = None
    segment_ids: tuple[int, ...] | None = None
    cell_codes: tuple[str, ...] | None = None
    overdue_at: datetime | None = None      # only cases overdue at this moment
    reported_from: datetime | None = None
    reported_to: datetime | None = None
    text: str | None = None
    placed: bool | None = None              # False: only cases without a position (待定位)
    limit: int | None = 1000
    offset: int = 0


class CaseRepository(Protocol):
    def get(self, case_id: int) -> Case: ...
    def get_by_number(self, number: str) -> Case: ...
    def add(self, case: Case) -> Case: ...
    def update(self, case: Case, expected_version: int) -> None: ...
    def add_event(self, event: CaseEvent) -> None: ...
    def events(self, case_id: int) -> list[CaseEvent]: ...
    def duplicate_candidates(self, class_code: str, x: float, y: float, radius: float,
                             since: datetime, until: datetime) -> list[Candidate]: ...
    def find(self, query: CaseQuery) -> list[Case]: ...
    def count(self, query: CaseQuery) -> int: ...
    def attach_photos(self, case_id: int, seq: int, photos: Sequence[str], phase: str) -> None: ...
    def known_external_ids(self, ids: Iterable[str]) -> set[str]: ...
    def open_cases(self, class_codes: set[str], since: datetime, until: datetime
                   ) -> list[tuple[str, int, float, float, datetime]]:
        """(class, id, x, y, reported_at) of open cases reported in the window."""
    def count_all(self) -> int: ...
    def by_external_id(self, ticket: str) -> Case | None: ...
    def trails(self, after: int, n: int) -> list[tuple[Case, list[CaseEvent]]]:
        """The next `n` cases with ids after `after`, each with its audit rows in order."""
    def reserve_ids(self, n: int) -> list[int]:
        """Ids for `n` new cases from the store's one numbering (a sequence on PostGIS)."""
    def bulk_add(self, cases: Sequence[Case], events: Sequence[CaseEvent],
                 progress: Progress | None = None,
                 data_json: Sequence[str] | None = None) -> None:
        """Sealed rows' data given as `audit.seal_encoded` encoded it is not encoded again."""
    def bulk_add_columns(self, fields: Sequence[str], rows: Sequence[tuple[Any, ...] | None],
                         engine: Mapping[int, tuple[Case, datetime]],
                         events: Callable[[], Mapping[str, Sequence[Any]]],
                         progress: Progress | None = None) -> None:
        """Cases as rows of `fields` (None: the case in `engine` at that place, with the time
        of its last audit row) and their sealed audit rows column-wise as `events()` gives
        them (called once, after the cases are written), data as JSON."""
    def bulk_add_case_columns(self, cases: Mapping[str, Any], n: int,
                              engine: Mapping[int, tuple[Case, datetime]],
                              events: Callable[[], Mapping[str, Sequence[Any]]],
                              progress: Progress | None = None) -> None:
        """`bulk_add_columns` with the `n` cases column-wise (a sequence per column of
        `cases`, or one value for all rows); the engine's cases replace the rows at their
        places."""
    def lock_duplicates(self, class_code: str, x: float, y: float, radius: float) -> None:
        """Hold off other duplicate checks near (x, y) until this transaction ends."""
    def lock_duplicate_classes(self, class_codes: set[str]) -> None:
        """Hold off every duplicate check of these classes until this transaction ends."""


class PlaceRepository(Protocol):
    def locate(self, x: float, y: float, tolerance: float) -> Location: ...
    def locate_many(self, x: npt.ArrayLike, y: npt.ArrayLike, tolerance: float,
                    known: tuple[object, Sequence[str | None]] | None = None
                    ) -> LocatedPoints:
        """`known`: (the place index the cells were found in, each point's cell or None);
        the cells are taken as found while the places are those of that index."""
    def component(self, code: str) -> ComponentInfo | None: ...
    def segment_code(self, segment_id: int) -> str | None: ...
    def segment_id(self, code: str) -> int | None: ...


class PeopleRepository(Protocol):
    def by_username(self, username: str) -> Person: ...
    def get(self, person_id: int) -> Person: ...
    def add(self, person: Person, password_hash: str | None) -> Person: ...
    def password_hash(self, username: str) -> str | None: ...
    def set_password_hash(self, person_id: int, password_hash: str) -> None: ...
    def actor(self, username: str, at: datetime) -> Actor: ...
    def responsible(self, kind: str, target_code: str, at: datetime) -> Assignment | None: ...
    def responsible_many(self, kind: str, targets: Sequence[str | None],
                         at: Sequence[datetime]) -> list[int | None]:
        """The person `responsible` names for each (target, time), None for none or for an
        empty target: a batch's answers in one call."""
    def scope(self, person_id: int, at: datetime) -> tuple[frozenset[int], frozenset[str]]:
        """Segment ids and cell codes the person is assigned to at `at`."""
    def add_assignment(self, assignment: Assignment) -> Assignment: ...
    def add_assignments(self, assignments: list[Assignment]) -> int: ...
    def assignments_of(self, person_id: int) -> list[Assignment]: ...
    def end_assignments(self, kind: str, target_code: str, at: datetime) -> int: ...
    def department(self, department_id: int) -> DepartmentInfo: ...
    def department_by_code(self, code: str) -> DepartmentInfo | None: ...
    def street_department(self, street_code: str) -> DepartmentInfo | None: ...
    def add_department(self, info: DepartmentInfo) -> DepartmentInfo: ...
    def departments(self) -> list[DepartmentInfo]: ...
    def people_with_role(self, role: Role) -> list[Person]: ...


class ConfigRepository(Protocol):
    def catalog(self, version: int | None = None) -> Catalog: ...
    def save_catalog(self, classes: Iterable[CatalogClass], by: int | None, note: str) -> int: ...
    def calendar(self) -> WorkCalendar: ...
    def save_calendar(self, calendar: WorkCalendar, names: dict[date, str]) -> None: ...
    def settings(self) -> Settings: ...
    def save_settings(self, settings: Settings) -> None: ...
    def meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...
    def assessment_scheme(self, version: int | None = None
                          ) -> tuple[int, dict[str, Any]] | None: ...
    def save_assessment_scheme(self, scheme: dict[str, Any], by: int | None,
                               note: str) -> int: ...
    def assessment_schemes(self) -> list[tuple[int, datetime, int | None, str]]: ...


class PhotoRepository(Protocol):
    def put(self, ref: PhotoRef, data: bytes) -> None: ...
    def get(self, sha256: str) -> tuple[PhotoRef, bytes]: ...
    def exists(self, sha256: str) -> bool: ...
    def for_case(self, case_id: int) -> list[tuple[int, str, str]]: ...


class PlaceLoader(Protocol):
    """Bulk writes of place layers (inside the unit of work's transaction)."""

    def existing_codes(self, table: str) -> set[str]: ...
    # each reports progress every CHUNK rows written
    def areas(self, table: str, areas: Iterable[Area], parent_column: str | None = None,
              progress: Progress | None = None) -> int: ...
    def cells(self, cells: Iterable[UnitGridCell], progress: Progress | None = None) -> int: ...
    def segments(self, segments: Iterable[RoadSegment],
                 progress: Progress | None = None) -> int: ...
    def components(self, components: Iterable[ComponentAsset], department_ids: dict[str, int],
                   progress: Progress | None = None) -> int: ...
    def landmarks(self, landmarks: Iterable[Landmark],
                  progress: Progress | None = None) -> int: ...
    def counts(self) -> dict[str, int]: ...


class UnitOfWork(Protocol):
    """One transaction: commit makes all of it durable, leaving without commit undoes it."""

    cases: CaseRepository
    places: PlaceRepository
    loader: PlaceLoader
    people: PeopleRepository
    config: ConfigRepository
    photos: PhotoRepository

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(self, *exc: object) -> None: ...
    def now(self) -> datetime:
        """The store's clock, in the district's time (one reading per transaction)."""
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, write: bool = True) -> UnitOfWork: ...
