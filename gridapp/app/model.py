"""The headless application model: who works, on what data, seeing which cases, and what is
selected. Panels take this model (never the window), listen to its signals and change it;
tests change it and look at the widgets. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np

from ..domain.people import Role
from ..domain.workflow import Action
from ..services.reading import Changes
from . import actions as app_actions
from .case_filter import CaseFilter
from .cell_raster import CellRaster, load_or_build
from .derived import Derived
from .events import Signal
from .layers import LayerStack
from .map_data import EPOCH, MapData, seconds
from .session import Session
from .thematic import Thematic
from .todo import Me, News, Todo, news, waiting
from .warnings import UnitWarning, daily_warnings


def year_of(secs: int) -> int:
    return int(str((EPOCH + np.timedelta64(secs, "s")).astype("datetime64[Y]")))


@dataclass(frozen=True)
class Refresh:
    """What a refresh job brings back to the UI thread."""

    data: MapData
    changes: Changes
    raster: CellRaster | None
    overlaps: tuple = ()   # (code, code, m²) of cells edited into each other
    assigned: frozenset[int] | None = None  # verifications given to this user (待核查)


@dataclass(frozen=True)
class Selection:
    """What is picked on the map or in the list: cases (by id), a cell or a segment (index),
    or a whole road (its name: every segment of it)."""

    case_ids: tuple[int, ...] = ()
    cell: int = -1
    segment: int = -1
    road: str = ""


class AppModel:
    def __init__(self, store, session: Session, data: MapData, raster: CellRaster | None = None,
                 clock: Callable[[], datetime] = datetime.now, raster_path=None) -> None:
        self.store, self.read = store, store.read_model
        self.clock = clock
        self.data, self.raster, self.raster_path = data, raster, raster_path
        self.layers = LayerStack()
        self.session = session
        self.user_filter = CaseFilter()
        self.drill: dict = {}
        self.drill_label = ""
        self.selection = Selection()
        self.current_case: int | None = None   # case id shown in the detail panel
        self.thematic: Thematic | None = None
        self.now = seconds(clock())
        self.session_changed = Signal()        # (session)
        self.data_changed = Signal()           # (Changes)
        self.filter_changed = Signal()         # (CaseFilter)
        self.selection_changed = Signal()      # (Selection)
        self.current_case_changed = Signal()   # (case id | None)
        self.thematic_changed = Signal()       # (Thematic | None)
        self.clock_changed = Signal()          # (now): overdue and due flags moved on
        self.message = Signal()                # (text): something the user should read
        self.place_problems = Signal()         # (overlapping cell pairs) after places changed
        self.todo_changed = Signal()           # (Todo, News): 待办 and what just arrived in it
        self._assigned = self._read_assigned(store, session)
        self.derived = self._derive()
        self.todo: Todo = self._waiting()
        self._names: tuple[dict, dict] | None = None
        self._addresses: dict[int, str] = {}

    # ---- names and addresses (read as needed) -------------------------------------------
    def unit_name(self, department: int, person: int) -> str:
        """责任单位 of a case: the road chief it was dispatched to, else the department."""
        if self._names is None:
            self._names = self.read.unit_names()
        depts, people = self._names
        if person >= 0:
            return people.get(person, "")
        return depts.get(department, "") if department >= 0 else ""

    def segment_name(self, code: str) -> str:
        """A segment as people name it: its road and stretch (the code if unknown)."""
        seg = self.data.segments
        hit = np.flatnonzero(seg.codes.astype(str) == code)
        return str(seg.names[hit[0]]) if len(hit) else code

    def address(self, case_id: int) -> str | None:
        """The case's address if already read (None: ask `read_addresses` for it)."""
        return self._addresses.get(case_id)

    def read_addresses(self, ids) -> None:
        missing = [int(i) for i in ids if int(i) not in self._addresses]
        if missing:
            if len(self._addresses) > 200_000:  # a long day of scrolling: start afresh
                self._addresses = {}
            self._addresses.update(self.read.addresses(missing))

    def reveal(self, index: int) -> bool:
        """Make a case the user may see show in the list and on the map: lift the filters
        that hide it (True if some were lifted)."""
        if not self.may_see(index) or self.derived.mask[index]:
            return False
        self.user_filter, self.drill, self.drill_label = CaseFilter(), {}, ""
        self._refilter()
        return True

    # ---- what the list and the map show -------------------------------------------------
    @property
    def case_filter(self) -> CaseFilter:
        """The user's filter, narrowed to a dashboard figure while one is drilled into (the
        user's scope comes on top: `Derived.mask`)."""
        f = self.user_filter
        return f.with_(**self.drill) if self.drill else f

    def _derive(self) -> Derived:
        return Derived(self.data, self.case_filter, self.now, self.thematic,
                       self.session.access(self.data, self._assigned))

    @property
    def mask(self) -> np.ndarray:
        return self.derived.mask

    def set_user_filter(self, f: CaseFilter) -> None:
        self.user_filter = f
        self._refilter()

    def set_drill(self, label: str, changes: dict) -> None:
        """Show only the cases behind a dashboard figure until cleared."""
        self.drill, self.drill_label = dict(changes), label if changes else ""
        if changes:  # the figures count closed cases too
            self.user_filter = self.user_filter.with_(open_only=False)
        self._refilter()

    def _refilter(self) -> None:
        self.derived = self._derive()
        self.filter_changed.emit(self.case_filter)

    def set_thematic(self, thematic: Thematic | None) -> None:
        self.thematic = thematic
        self.derived = self._derive()
        self.thematic_changed.emit(thematic)

    def tick(self) -> bool:
        """Move "now" on (overdue flags change with the clock); True if it moved."""
        now = seconds(self.clock())
        if now // 60 == self.now // 60:
            return False
        self.now = now
        self.derived = self._derive()
        self.clock_changed.emit(now)
        self._update_todo()
        return True

    # ---- 待办 -------------------------------------------------------------------------------
    @staticmethod
    def _read_assigned(store, session: Session) -> frozenset[int]:
        if Role.GRID_WORKER not in session.person.roles:
            return frozenset()
        return store.read_model.assigned_verifications(session.person.id)

    def _waiting(self) -> Todo:
        s, d = self.session, self.data
        me = Me(s.person.id, frozenset(s.person.roles), s.person.department_id,
                frozenset(s.segment_ids), s.cell_indices(d).astype(np.int32), self._assigned)
        return waiting(d.cases, me, self.now, self.derived.access_mask)

    def _update_todo(self, quiet: bool = False) -> None:
        before, self.todo = self.todo, self._waiting()
        if before.signature != self.todo.signature:
            self.todo_changed.emit(self.todo, News() if quiet else news(before, self.todo))

    # ---- sessions ------------------------------------------------------------------------
    def switch_session(self, session: Session) -> None:
        """Another user at this workstation: his scope, nothing of the last user's picks."""
        self.session = session
        self.user_filter, self.drill, self.drill_label = CaseFilter(open_only=True), {}, ""
        self.selection, self.current_case = Selection(), None
        self._assigned = self._read_assigned(self.store, session)
        self.derived = self._derive()
        self.session_changed.emit(session)
        self.selection_changed.emit(self.selection)
        self.current_case_changed.emit(None)
        self.filter_changed.emit(self.case_filter)
        self.todo = Todo()
        self._update_todo(quiet=True)  # his backlog is in the title, not in a notification

    # ---- data ----------------------------------------------------------------------------
    def refresh_job(self) -> Callable[[], Refresh]:
        """The work of taking in what changed in the store, for a worker thread."""
        data, store, now, raster, path = (self.data, self.store, self.clock(), self.raster,
                                          self.raster_path)
        session = self.session

        def work() -> Refresh:
            fresh, changes = data.refreshed(store, now)
            assigned = self._read_assigned(store, session) if changes.case_ids else None
            if fresh.places_key == data.places_key:
                return Refresh(fresh, changes, raster, assigned=assigned)
            # new cells: a new cell image, and are any now on top of each other?
            overlaps = tuple(store.read_model.overlapping_cells(data.mark)) \
                if "grid_cells" in changes.tables else ()
            return Refresh(fresh, changes, load_or_build(fresh, path), overlaps, assigned)
        return work

    def accept(self, result: Refresh) -> None:
        """New data from the store (on the thread that owns the model)."""
        data, changes = result.data, result.changes
        if data is self.data:
            return
        if not changes and data.segments is self.data.segments:
            self.data = data  # only the mark moved on: nothing to show again
            return
        places_changed = data.places_key != self.data.places_key
        self.data, self.raster = data, result.raster
        if changes.config:
            self._names = None
        if changes.case_ids:
            for i in changes.case_ids:
                self._addresses.pop(i, None)
        self.now = seconds(self.clock())
        if places_changed:
            self.selection = replace(self.selection, cell=-1, segment=-1)
        if result.assigned is not None:
            self._assigned = result.assigned
        self.derived = self._derive()
        gone = set(changes.deleted_cases)
        if self.current_case in gone:
            self.current_case = None
            self.current_case_changed.emit(None)
        self.data_changed.emit(changes)
        self._update_todo()
        if result.overlaps:
            self.place_problems.emit(result.overlaps)

    # ---- cases ---------------------------------------------------------------------------
    def index_of(self, case_id: int) -> int:
        """Index of a case in the arrays, or -1."""
        ids = self.data.cases.id
        i = int(np.searchsorted(ids, case_id))
        return i if i < len(ids) and ids[i] == case_id else -1

    def may_see(self, index: int) -> bool:
        return index >= 0 and bool(self.derived.access_mask[index])

    def select_case(self, index: int) -> bool:
        """Pick a case (it opens in the detail panel); False if outside the user's scope."""
        if not self.may_see(index):
            self.message.emit("out_of_scope")
            return False
        case_id = int(self.data.cases.id[index])
        self.selection = Selection(case_ids=(case_id,))
        self.selection_changed.emit(self.selection)
        self.current_case = case_id
        self.current_case_changed.emit(case_id)
        return True

    def select_cases(self, indices: np.ndarray) -> None:
        ok = [int(self.data.cases.id[i]) for i in indices if self.may_see(int(i))]
        self.selection = Selection(case_ids=tuple(ok))
        self.selection_changed.emit(self.selection)

    def select_place(self, cell: int = -1, segment: int = -1, road: str = "") -> None:
        self.selection = Selection(cell=cell, segment=segment, road=road)
        self.selection_changed.emit(self.selection)

    def road_segments(self, road: str) -> np.ndarray:
        """Indices of every segment of the road named `road`."""
        return np.flatnonzero(self.data.segments.roads.astype(str) == road) if road else \
            np.zeros(0, np.int64)

    def selected_indices(self) -> np.ndarray:
        if not self.selection.case_ids:
            return np.zeros(0, np.int64)
        idx = np.array([self.index_of(i) for i in self.selection.case_ids], np.int64)
        return idx[idx >= 0]

    def case_by_number(self, text: str) -> int:
        """Index of the case with this number (year + 8-digit serial), or -1."""
        t = text.strip()
        if not (len(t) == 12 and t.isdigit()):
            return -1
        i = self.index_of(int(t[4:]))
        return i if i >= 0 and year_of(int(self.data.cases.reported[i])) == int(t[:4]) else -1

    def perform(self, case, action: Action, values: dict):
        """Run `action` on `case` as the current user (the version they saw is checked)."""
        return app_actions.perform(self.store, self.session.username, case.id, action,
                                   case.version, **values)

    def warnings(self) -> list[UnitWarning]:
        """每日预警 of the units holding the cases this user may see."""
        d = self.derived
        return daily_warnings(self.data.cases, self.now, d.access_mask)
