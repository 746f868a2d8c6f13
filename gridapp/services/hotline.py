"""Import a batch of reports (a 12345 export): ownership, duplicates, one transaction.

Every ticket is opened by the REPORT rule of the transition table and, when it repeats an
open case, rejected as its duplicate by the REJECT rule, with the domain's duplicate rule
(`best_original`); the rows are then written in bulk.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, SupportsIndex

import numpy as np
import pandas as pd

from ..domain import workflow as wf
from ..domain.actions import SPECS, Action
from ..domain.case import Case, CaseEvent, RejectReason, Source, case_number
from ..domain.clock import check_plausible
from ..domain.duplicates import Candidate, DuplicateIndex, DuplicatePolicy, may_link
from ..domain.errors import InvalidInput, PermissionDenied
from ..domain.people import AssignmentKind, Role
from ..domain.places import LocatedBy, LocatedPoints, Location
from .hotline_rows import ColumnRows, Engine, Places, release
from .hotline_rows import Fast as _Fast
from .hotline_rows import columns as _columns
from .ports import UnitOfWork
from .progress import COMMITTING, Progress, quiet


@dataclass
class ReportBatch:
    """Parsed, validated rows, column-wise (points already in the store CRS)."""

    external_id: list[str]
    reported_at: list[datetime]
    class_code: list[str]
    x: np.ndarray
    y: np.ndarray
    source: list[str]
    description: list[str]
    address: list[str]
    contact: list[str]
    rows: list[int] = field(default_factory=list)  # file row of each entry, for messages
    # x/y NaN: no position yet (待定位); located_by says how a position without coordinates
    # in the file was found (LocatedBy value), with what matched and how sure it is
    located_by: list[str | None] = field(default_factory=list)
    locate_match: list[str] = field(default_factory=list)
    locate_confidence: list[float | None] = field(default_factory=list)
    # False where the duplicate rule must not link the row: a rough point (a road's middle
    # would swallow every ticket on that road) or a catch-all class (unrelated problems)
    linkable: list[bool] = field(default_factory=list)
    # the unit grid cell the reader found for each row (None: not looked up or none) in the
    # place index `cells_from`: the import takes them while the places are still those
    cells: list[str | None] = field(default_factory=list)
    cells_from: object | None = None
    file: str = ""
    notes: list[str] = field(default_factory=list)  # what the reader recognised and skipped

    def __len__(self) -> int:
        return len(self.external_id)


@dataclass
class ImportSummary:
    imported: int = 0
    linked_duplicates: int = 0
    already_imported: int = 0
    outside: list[int] = field(default_factory=list)  # file rows outside every cell
    first_number: str | None = None
    last_number: str | None = None
    located_from_address: int = 0   # tickets without coordinates placed by their address
    unplaced: int = 0               # 待定位: imported without a position
    notes: list[str] = field(default_factory=list)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a batch builds millions of objects that all stay
    alive: each full pass would walk them all again, a fifth of an import's time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def import_reports(uow: UnitOfWork, username: str, batch: ReportBatch,
                   progress: Progress | None = None, dry_run: bool = False,
                   source_name: str = "") -> ImportSummary:
    """Open a case for every new row, linked to an open original when it is a duplicate."""
    with paused_gc():
        return _import_reports(uow, username, batch, progress, dry_run, source_name)


def _import_reports(uow: UnitOfWork, username: str, batch: ReportBatch,
                    progress: Progress | None, dry_run: bool, source_name: str
                    ) -> ImportSummary:
    summary = ImportSummary(notes=list(batch.notes))
    progress = progress or quiet
    with uow:
        person = uow.people.by_username(username)
        if not any(r in person.roles for r in (Role.ACCEPTOR, Role.SHIFT_LEADER)):
            raise PermissionDenied(f"{username} may not import reports (acceptor or shift "
                                   "leader)", user=username)
        now = uow.now()
        catalog = uow.config.catalog()
        settings = uow.config.settings()
        policy = settings.duplicates
        known: set[str] = set()
        for start in range(0, len(batch), LOCATE_CHUNK):  # a million take seconds
            progress(start, len(batch), "tickets already in the store")
            known |= uow.cases.known_external_ids(batch.external_id[start:start + LOCATE_CHUNK])
        keep = np.array([e not in known for e in batch.external_id], bool)
        summary.already_imported = int((~keep).sum())
        new = np.flatnonzero(keep).tolist()
        limits = {i.name: i.max_length for i in SPECS[Action.REPORT].inputs if i.max_length}
        columns = {"external_id": batch.external_id, "description": batch.description,
                   "address": batch.address, "contact": batch.contact}
        every = len(new) == len(batch)  # nothing known: every row (most imports)
        for name, values in columns.items():
            limit = limits[name]
            # map in C: a generator per row and column took a second a million
            if max(map(len, values if every else map(values.__getitem__, new)),
                   default=0) > limit:
                i = next(i for i in new if len(values[i]) > limit)  # the first, to name it
                raise InvalidInput(f"row {_row(batch, i)} [{name}]: {len(values[i]):,} "
                                   f"characters; at most {limit:,}", field=name, limit=limit)
        tickets = [batch.external_id[i] for i in new]
        if len(set(tickets)) < len(tickets):
            seen: dict[str, int] = {}
            for i in new:
                ticket = batch.external_id[i]
                if ticket in seen:
                    raise InvalidInput(f"ticket {ticket} appears twice (rows {seen[ticket]} "
                                       f"and {_row(batch, i)}); one case per ticket")
                seen[ticket] = _row(batch, i)
        if new:  # the earliest and the latest decide; the message names the first bad row
            first = min(map(batch.reported_at.__getitem__, new))
            last = max(map(batch.reported_at.__getitem__, new))
            for t in {first, last}:
                try:
                    check_plausible(t, now, settings.earliest, "report time",
                                    settings.future_skew)
                except InvalidInput:
                    for i in new:
                        check_plausible(batch.reported_at[i], now, settings.earliest,
                                        f"row {_row(batch, i)}: report time",
                                        settings.future_skew)
        n_all = len(batch)
        by = batch.located_by or [None] * n_all
        sure = batch.locate_confidence or [None] * n_all
        matched = batch.locate_match or [""] * n_all
        placed = ~(np.isnan(batch.x) | np.isnan(batch.y))
        linkable = placed & (np.asarray(batch.linkable, bool) if batch.linkable
                             else np.ones(n_all, bool))
        loc = _locate(uow, np.where(placed, batch.x, 0.0), np.where(placed, batch.y, 0.0),
                      settings.road_tolerance_m, progress, batch.cells_from, batch.cells)
        outside = placed & np.array([c is None for c in loc.cell_code], bool)
        if outside.any():  # the reader checks this per row; the places may have changed since
            summary.outside = [_row(batch, i) for i in np.flatnonzero(outside)]
            raise InvalidInput(f"{batch.file or 'the file'}: {int(outside.sum())} report(s) "
                               f"lie outside every unit grid cell: rows "
                               f"{', '.join(map(str, summary.outside[:20]))}"
                               + (" …" if len(summary.outside) > 20 else ""))
        idx = np.flatnonzero(keep)
        if len(idx) == 0:
            return summary
        progress(0, len(idx), "ordering tickets by time")
        at = _datetime64(batch.reported_at)
        order = idx[np.argsort(at[idx], kind="stable")]
        times = [batch.reported_at[i] for i in order]
        classes = [batch.class_code[i] for i in order]
        kinds = {c: catalog[c].kind for c in set(classes)}  # raises for a class gone meanwhile
        linking = policy.enabled and policy.auto_link
        index = DuplicateIndex(policy)
        link = linkable[order] if linking else np.zeros(len(order), bool)
        if linking:
            progress(0, len(order), "open cases for the duplicate check")
            uow.cases.lock_duplicate_classes(set(classes))
            originals = uow.cases.open_cases(set(classes), min(times) - policy.window,
                                             max(times))
            for o in originals:
                index.add(o[0], Candidate(o[1], case_number(o[1], o[4]), o[2], o[3], o[4]))
            progress(0, len(order), "rows the duplicate rule must see")
            link[link] = _may_link(np.asarray(classes, object)[link], batch.x[order][link],
                                   batch.y[order][link], at[order][link], originals, policy,
                                   lambda: progress(0, len(order),
                                                    "rows the duplicate rule must see"))
        progress(0, len(order), "ownership and duplicates")
        ids = uow.cases.reserve_ids(len(order))
        actor = uow.people.actor(username, min(times))
        system = uow.people.actor("system", min(times))
        file = source_name or batch.file or "import"
        # plain Python values: a numpy scalar per row and column costs more than the rule
        order_l = order.tolist()
        on_map_l = placed[order].tolist()
        xs, ys = batch.x[order].tolist(), batch.y[order].tolist()
        source_of = {s: Source(s) for s in set(batch.source)}
        places = _places(uow, loc, order_l, on_map_l, times)
        # the open case each row repeats (the domain's rule, in time order): only a linkable
        # row can repeat one or be one, and only open cases are originals (a new case is one)
        repeats: dict[int, Candidate] = {}
        for k in np.flatnonzero(link & placed[order]).tolist():
            t, cls, x, y = times[k], classes[k], xs[k], ys[k]
            original = index.original(cls, x, y, t)
            if original is None:
                index.add(cls, Candidate(ids[k], case_number(ids[k], t), x, y, t))
            else:
                repeats[k] = original

        def engine(k: int, i: int, place: tuple[Any, ...], original: Candidate | None
                   ) -> tuple[Case, list[CaseEvent]]:
            """The row through the transition table: REPORT, and REJECT as a duplicate."""
            t, cls = times[k], classes[k]
            x, y = (xs[k], ys[k]) if on_map_l[k] else (None, None)
            case = Case(source=source_of[batch.source[i]], kind=kinds[cls], class_code=cls, x=x,
                        y=y, reported_at=t, reporter_id=person.id,
                        description=batch.description[i], address=batch.address[i],
                        location=Location(*place), reporter_contact=batch.contact[i],
                        external_id=batch.external_id[i], id=ids[k],
                        number=case_number(ids[k], t),
                        located_by=LocatedBy(b) if (b := by[i]) else None,
                        locate_match=matched[i] or "", locate_confidence=sure[i])
            origin = {"imported": {"source": file, "row": _row(batch, i)}}
            made = [_with(wf.open_case(case, actor), origin)]
            if original is not None:
                ev = wf.act(case, Action.REJECT, system, t,
                            reason_code=RejectReason.DUPLICATE.value,
                            note=f"与案件 {original.number} 重复", duplicate_of=original.case_id)
                made.append(_with(ev, origin))
            return case, made

        rows = (_columns if LEAN else _objects)(
            order_l, engine, places, repeats, progress, batch, _Fast(
                ids, times, classes, xs, ys, on_map_l, {c: k._value_ for c, k in kinds.items()},
                {s: v._value_ for s, v in source_of.items()}, person.id, actor, file, by,
                matched, sure))
        n = rows.n
        summary.imported, summary.linked_duplicates = n, rows.linked
        summary.unplaced = int((~placed[order]).sum())
        summary.located_from_address = sum(map(bool, map(by.__getitem__, order_l)))
        summary.first_number, summary.last_number = rows.first, rows.last
        if not dry_run:
            rows.write(uow, progress)
        # freed while a cancel still counts: after the commit it took seconds of silence
        rows.release(progress)
        if not dry_run:
            progress(n, n, COMMITTING)  # the last moment a cancel leaves nothing behind
            uow.commit()
    return summary


LOCATE_CHUNK = 100_000  # points per look-up: a million take half a minute on a busy machine


def _locate(uow: UnitOfWork, x: np.ndarray, y: np.ndarray, tolerance: float,
            progress: Progress, cells_from: object | None = None,
            found: list[str | None] | None = None) -> LocatedPoints:
    """Cell and nearest segment of every point, in chunks with progress between them; the
    cells the reader found (`found`, in `cells_from`) are taken while the places are those."""
    n = len(x)

    def known(start: int, end: int) -> tuple[object, list[str | None]] | None:
        return (cells_from, found[start:end]) if cells_from is not None and found else None
    if n <= LOCATE_CHUNK:
        progress(0, n, "cells and road segments")
        return uow.places.locate_many(x, y, tolerance, known(0, n))
    cells: list[str | None] = []
    ids: list[int | None] = []
    codes: list[str | None] = []
    dist: list[float | None] = []
    for start in range(0, n, LOCATE_CHUNK):
        progress(start, n, "cells and road segments")
        part = uow.places.locate_many(x[start:start + LOCATE_CHUNK],
                                      y[start:start + LOCATE_CHUNK], tolerance,
                                      known(start, start + LOCATE_CHUNK))
        cells.extend(part.cell_code)
        ids.extend(part.segment_id)
        codes.extend(part.segment_code)
        dist.extend(part.segment_distance)
    return LocatedPoints(cells, ids, codes, dist)


# False: every row through the transition table as objects, written by `bulk_add` (the path
# the column-wise one is tested against)
LEAN = True


@dataclass
class _ObjectRows:
    """A batch's cases and audit rows as the engine made them, and how to write them."""

    cases: list[Case]
    events: list[CaseEvent]
    linked: int

    def __post_init__(self) -> None:
        self.n = len(self.cases)
        self.first, self.last = self.cases[0].number, self.cases[-1].number

    def write(self, uow: UnitOfWork, progress: Progress) -> None:
        uow.cases.bulk_add(self.cases, self.events, progress)

    def release(self, progress: Progress) -> None:
        release(self.cases, progress)
        release(self.events, progress)


def _objects(order: list[int], engine: Engine, place: Places,
             originals: dict[int, Candidate], progress: Progress,
             batch: ReportBatch, fast: _Fast) -> _ObjectRows | ColumnRows:
    """Every row through the transition table, a `Case` and its `CaseEvent`s each."""
    cases: list[Case] = []
    events: list[CaseEvent] = []
    linked = 0
    step = max(1000, len(order) // 50)  # progress about every 2 %
    for k, i in enumerate(order):
        case, made = engine(k, i, tuple(p[k] for p in place), originals.get(k))
        cases.append(case)
        events.extend(made)
        linked += len(made) > 1
        if k % step == 0:
            progress(k, len(order), "ownership and duplicates")
    return _ObjectRows(cases, events, linked)


def _places(uow: UnitOfWork, loc: LocatedPoints, order: list[int], on_map: list[bool],
            times: list[datetime]) -> Places:
    """Each row's `Location` fields in time order: cell, community, street, segment,
    distance, road chief and grid worker at the time of the report (all None off the map;
    placed rows are inside a cell: checked before). Column by column; the people in charge
    asked of the store for the whole batch."""
    cell = [c if p else None for c, p in zip(map(loc.cell_code.__getitem__, order), on_map,
                                                strict=True)]
    on = [c is not None for c in cell]

    def placed(values: list[Any]) -> list[Any]:
        return [v if p else None for v, p in zip(map(values.__getitem__, order), on,
                                                  strict=True)]
    segment = placed(loc.segment_code)
    responsible = uow.people.responsible_many
    return (cell, [c and c[:12] for c in cell], [c and c[:9] for c in cell],
            placed(loc.segment_id), placed(loc.segment_distance),
            responsible(AssignmentKind.ROAD_CHIEF_SEGMENT.value, segment, times),
            responsible(AssignmentKind.GRID_WORKER_CELL.value, cell, times))


def _may_link(classes: np.ndarray, x: np.ndarray, y: np.ndarray, at: np.ndarray,
              originals: list[tuple[Any, ...]], policy: DuplicatePolicy,
              tick: Callable[[], None] | None = None) -> np.ndarray:
    """`may_link` of the batch's linkable rows, next to the open cases they may repeat
    (`tick()` between its steps: a million rows take seconds)."""
    number = {c: k for k, c in enumerate({*classes.tolist(), *(o[0] for o in originals)})}
    codes = np.fromiter((number[c] for c in [*classes.tolist(), *(o[0] for o in originals)]),
                        np.int64, len(classes) + len(originals))
    ox = np.asarray([o[2] for o in originals], float)
    oy = np.asarray([o[3] if o[3] is not None else np.nan for o in originals], float)
    known = np.isfinite(ox) & np.isfinite(oy)  # a case without both is nobody's original
    ot = np.array([o[4] for o in originals], dtype="datetime64[us]")
    n = len(classes)
    near = may_link(np.concatenate([codes[:n], codes[n:][known]]),
                    np.concatenate([x, ox[known]]), np.concatenate([y, oy[known]]),
                    np.concatenate([at, ot[known]]), policy, tick)
    return near[:n]


def _datetime64(times: list[datetime]) -> np.ndarray:
    """Naive times as datetime64[us], taken apart by pandas (numpy's own conversion of a
    million datetime objects takes seconds); aware ones, or any pandas does not take (out
    of its range), as numpy converts them."""
    try:
        index = pd.DatetimeIndex(times)
    except (TypeError, ValueError, OverflowError):  # OutOfBoundsDatetime is a ValueError
        index = None
    if index is None or index.tz is not None:
        return np.array(times, dtype="datetime64[us]")
    return index.as_unit("us").to_numpy()


def _row(batch: ReportBatch, i: SupportsIndex) -> int:
    return batch.rows[i] if batch.rows else int(i) + 1


def _with(event: CaseEvent, extra: dict[str, Any]) -> CaseEvent:
    """The row just made by the rule, with where it came from (set in place: nobody else
    has seen the row yet, and a copy per row would cost as much as the rule)."""
    object.__setattr__(event, "data", {**event.data, **extra})
    return event
