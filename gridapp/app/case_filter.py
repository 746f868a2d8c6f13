"""Which cases the list and the map show: filters over the case arrays, sorting, counts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .map_data import HANDLING, NO_TIME, OPEN, STATES, Cases


@dataclass(frozen=True)
class CaseFilter:
    states: frozenset[int] = field(default_factory=frozenset)    # indices into STATES
    classes: frozenset[int] = field(default_factory=frozenset)   # indices into classes
    sources: frozenset[int] = field(default_factory=frozenset)
    streets: frozenset[int] = field(default_factory=frozenset)
    department: int | None = None         # assignee department id
    road_chief: int | None = None         # person id: chief at report or assignee
    segments: frozenset[int] | None = None  # road chief scope (segment ids)
    cells: frozenset[int] | None = None     # grid worker scope (cell indices)
    deadline: str | None = None           # "overdue", "warning", "due" (either)
    reported_from: int | None = None      # int seconds
    reported_to: int | None = None
    open_only: bool = False
    unplaced: bool = False                # 待定位 only: no position yet

    def with_(self, **changes) -> CaseFilter:
        return replace(self, **changes)

    @property
    def is_empty(self) -> bool:
        return self == CaseFilter()


def _isin(values: np.ndarray, allowed) -> np.ndarray:
    return np.isin(values, np.fromiter(allowed, dtype=values.dtype, count=len(allowed)))


def apply(cases: Cases, f: CaseFilter, now: int) -> np.ndarray:
    """Boolean mask of the cases that pass the filter."""
    m = np.ones(len(cases), bool)
    if f.states:
        m &= _isin(cases.state, f.states)
    if f.open_only:
        m &= OPEN[cases.state]
    if f.unplaced:
        m &= np.isnan(cases.x)
    if f.classes:
        m &= _isin(cases.klass, f.classes)
    if f.sources:
        m &= _isin(cases.source, f.sources)
    if f.streets:
        m &= _isin(cases.street, f.streets)
    if f.department is not None:
        m &= cases.department == f.department
    if f.road_chief is not None:
        m &= (cases.chief == f.road_chief) | (cases.person == f.road_chief)
    if f.segments is not None:
        m &= _isin(cases.segment, f.segments) if f.segments else False
    if f.cells is not None:
        m &= _isin(cases.cell, f.cells) if f.cells else False
    if f.deadline:
        over, warn = cases.due(now)
        m &= {"overdue": over, "warning": warn, "due": over | warn}[f.deadline]
    if f.reported_from is not None:
        m &= cases.reported >= f.reported_from
    if f.reported_to is not None:
        m &= cases.reported < f.reported_to
    return m


SORT_KEYS = ("id", "reported", "state", "klass", "source", "street", "deadline")


def sort(cases: Cases, idx: np.ndarray, key: str = "id", descending: bool = True) -> np.ndarray:
    """`idx` ordered by a case column (ties by id, newest first)."""
    col = getattr(cases, key)[idx]
    if key == "deadline":  # cases without a deadline go last
        col = np.where(col == NO_TIME, np.iinfo(np.int64).max, col)
    order = np.lexsort((cases.id[idx], col))
    if descending:
        order = order[::-1]
    return idx[order]


def state_counts(cases: Cases, mask: np.ndarray) -> dict[str, int]:
    counts = np.bincount(cases.state[mask], minlength=len(STATES))
    return {s: int(n) for s, n in zip(STATES, counts, strict=True) if n}


def deadline_counts(cases: Cases, mask: np.ndarray, now: int) -> dict[str, int]:
    handling = mask & HANDLING[cases.state]
    over, warn = cases.due(now)
    over, warn = over & mask, warn & mask
    return {"handling": int(handling.sum()), "overdue": int(over.sum()),
            "warning": int(warn.sum())}
