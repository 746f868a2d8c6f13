"""Who is logged in, what they may see first (a road chief his segments, a worker his cells)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from ..domain.people import Person, Role
from ..services.auth import login
from .case_filter import CaseFilter
from .map_data import MapData


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
        with store.uow(write=False) as uow:
            segs, cells = uow.people.scope(person.id, datetime.now())
        return cls(store, person, segs, cells)

    @property
    def username(self) -> str:
        return self.person.username

    def has(self, role: Role) -> bool:
        return role in self.person.roles

    def home_filter(self, data: MapData) -> CaseFilter:
        """The cases this user starts on."""
        roles = self.person.roles
        if Role.ROAD_CHIEF in roles and not roles & {Role.SHIFT_LEADER, Role.DISPATCHER,
                                                     Role.LEADER, Role.ACCEPTOR}:
            return CaseFilter(segments=frozenset(self.segment_ids), open_only=True)
        if Role.GRID_WORKER in roles and self.cell_codes and not roles & {
                Role.SHIFT_LEADER, Role.DISPATCHER, Role.LEADER, Role.ACCEPTOR}:
            return CaseFilter(cells=frozenset(self.cell_indices(data)))
        if Role.DEPT_HANDLER in roles and self.person.department_id and len(roles) == 1:
            return CaseFilter(department=self.person.department_id, open_only=True)
        return CaseFilter()

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
