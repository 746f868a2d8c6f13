"""Who is logged in, what they may see at all and what they start on (a road chief his
segments, a grid worker his cells, a handler his department's cases)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..domain.people import Person, Role
from ..services.auth import login
from .map_data import Cases, MapData

# roles that work on the whole district from the command room
COMMAND_ROLES = frozenset({Role.SHIFT_LEADER, Role.DISPATCHER, Role.LEADER, Role.ACCEPTOR,
                           Role.ADMIN})


@dataclass(frozen=True)
class Access:
    """The cases a field user may see: on his segments or cells, or in his unit's hands."""

    segments: frozenset[int] = frozenset()
    cells: frozenset[int] = frozenset()      # cell indices of the map data
    person: int | None = None                # cases dispatched to him (a road chief)
    department: int | None = None            # cases dispatched to his department
    case_ids: frozenset[int] = frozenset()   # cases given to him to verify (指派核查)

    def mask(self, cases: Cases) -> np.ndarray:
        m = np.zeros(len(cases), bool)
        if self.segments:
            m |= np.isin(cases.segment, np.fromiter(self.segments, np.int64))
        if self.cells:
            m |= np.isin(cases.cell, np.fromiter(self.cells, np.int32))
        if self.person is not None:
            m |= cases.person == self.person
        if self.department is not None:
            m |= cases.department == self.department
        if self.case_ids:
            m |= np.isin(cases.id, np.fromiter(self.case_ids, np.int64, len(self.case_ids)))
        return m


@dataclass
class Session:
    store: object
    person: Person
    segment_ids: frozenset[int]
    cell_codes: frozenset[str]

    @classmethod
    def open(cls, store, username: str, password: str) -> Session:
        person = login(store.uow(write=False), username, password)
        return cls.for_person(store, person)

    @classmethod
    def for_person(cls, store, person: Person) -> Session:
        with store.uow(write=False) as uow:  # his scope today by the store's clock
            segs, cells = uow.people.scope(person.id, uow.now())
        return cls(store, person, segs, cells)

    @property
    def username(self) -> str:
        return self.person.username

    def has(self, role: Role) -> bool:
        return role in self.person.roles

    @property
    def sees_everything(self) -> bool:
        return bool(self.person.roles & COMMAND_ROLES)

    def access(self, data: MapData, assigned: frozenset[int] = frozenset()) -> Access | None:
        """What this user may see, list, search and open; None: the whole district.
        `assigned`: cases a dispatcher gave him to verify outside his own cells."""
        if self.sees_everything:
            return None
        roles = self.person.roles
        return Access(
            segments=frozenset(self.segment_ids) if Role.ROAD_CHIEF in roles else frozenset(),
            cells=frozenset(self.cell_indices(data).tolist())
            if Role.GRID_WORKER in roles else frozenset(),
            person=self.person.id if Role.ROAD_CHIEF in roles else None,
            department=self.person.department_id if Role.DEPT_HANDLER in roles else None,
            case_ids=assigned)

    def cell_indices(self, data: MapData) -> np.ndarray:
        if not self.cell_codes:
            return np.zeros(0, np.int64)
        pos = np.searchsorted(data.cells.codes.astype(str), sorted(self.cell_codes))
        return pos[pos < len(data.cells.codes)]

    def home_extent(self, data: MapData) -> tuple[float, float, float, float]:
        """Where the map opens: the user's segments or cells, else the whole district."""
        boxes = []
        if self.segment_ids:
            sel = np.isin(data.segments.ids, list(self.segment_ids))
            boxes.append(data.segments.bounds[sel])
        if self.cell_codes:
            boxes.append(data.cells.bounds[self.cell_indices(data)])
        boxes = [b for b in boxes if len(b)]
        if not boxes:
            return data.extent
        b = np.vstack(boxes)
        pad = 150.0
        return (float(b[:, 0].min()) - pad, float(b[:, 1].min()) - pad,
                float(b[:, 2].max()) + pad, float(b[:, 3].max()) + pad)
