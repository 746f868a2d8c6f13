"""Values derived from one immutable view state, computed once, safely from any thread.

The case mask of a filter, the overdue flags at a moment, a cell's colour for a style: the
list, the counts and every render thread need them. A `Derived` is made for one (data,
filter, moment, thematic) and never changes its inputs, so each value is computed at most
once, by whichever thread asks first, and shared; a change of any input makes a new Derived.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

import numpy as np

from .case_filter import CaseFilter, apply
from .hit import PointIndex
from .map_data import MapData
from .session import Access
from .thematic import Thematic

# values that depend on the data alone (a point index) outlive a filter change
_PER_DATA: weakref.WeakKeyDictionary[MapData, dict] = weakref.WeakKeyDictionary()
_PER_DATA_GUARD = threading.Lock()


class Derived:
    def __init__(self, data: MapData, case_filter: CaseFilter, now: int,
                 thematic: Thematic | None = None, access: Access | None = None) -> None:
        self.data, self.case_filter, self.now = data, case_filter, now
        self.thematic, self.access = thematic, access
        self._values: dict[Any, Any] = {}
        self._locks: dict[Any, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, key, compute: Callable[[], Any], per_data: bool = False):
        """The value under `key`, computed by `compute()` the first time anyone asks
        (`per_data`: shared by every Derived of the same data)."""
        if per_data:
            with _PER_DATA_GUARD:
                values = _PER_DATA.setdefault(self.data, {})
        else:
            values = self._values
        try:
            return values[key]
        except KeyError:
            pass
        with self._guard:
            lock = self._locks.setdefault((per_data, key), threading.Lock())
        with lock:
            if key not in values:
                value = compute()
                if isinstance(value, np.ndarray):
                    value.flags.writeable = False
                values[key] = value
            return values[key]

    @property
    def access_mask(self) -> np.ndarray:
        """The cases this user may see at all (a road chief: his segments' and his own)."""
        return self.get("access", lambda: self.access.mask(self.data.cases)
                        if self.access is not None else np.ones(len(self.data.cases), bool))

    @property
    def mask(self) -> np.ndarray:
        """The cases the list and the map show: the user's scope and filter."""
        return self.get("mask", lambda: self.access_mask &
                        apply(self.data.cases, self.case_filter, self.now))

    @property
    def overdue(self) -> np.ndarray:
        return self.get("overdue", lambda: self.data.cases.overdue(self.now))

    @property
    def warned(self) -> np.ndarray:
        return self.get("warned", lambda: self.data.cases.warned(self.now))

    @property
    def points(self) -> PointIndex:
        c = self.data.cases
        return self.get("points", lambda: PointIndex(c.x, c.y), per_data=True)
