"""A 12345 batch's rows straight into the store's columns (the import's fast path).

A clean ticket — a new case in REPORTED, its first audit row — is the same every time: the
REPORT rule asked once for the importing person's role, then the batch goes into the case
and audit columns as `store.cases.case_to_row` and `workflow.open_case` would make them,
a column at a time (constants once, the rest one comprehension over the batch each),
without a `Case`, a `Location` or a `CaseEvent`; the audit rows are sealed in one loop over
their canonical texts (`timelines.Columns`). A row this path does not vouch for — a
duplicate the REJECT rule closes, a value of an unexpected type, a coordinate JSON would
not write as a number — goes through the transition table (`engine`) in its place, so its
rows are the engine's own. tests/io/test_hotline_lean.py compares both paths row for row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

import numpy as np

from ..domain import workflow as wf
from ..domain.audit import row_texts, seal_texts
from ..domain.case import Case, CaseEvent, case_number
from ..domain.duplicates import Candidate
from ..domain.people import Actor
from ..domain.places import LocatedBy
from .ports import UnitOfWork
from .progress import CHUNK, Progress
from .timelines import CASE_FIELDS, EVENT_FIELDS, SEAL_CHUNK, Columns

NOWHERE: tuple[None, ...] = (None,) * 7  # a `Location` of a case off the map (待定位)
_LOCATED = frozenset(m.value for m in LocatedBy)
_FAR = 1e300  # a finite coordinate: written by float's repr, as JSON writes it
_STEP = "ownership and duplicates"

Engine = Callable[[int, int, tuple[Any, ...], Candidate | None], tuple[Case, list[CaseEvent]]]
# a row's `Location` fields, a list each in the batch's time order: cell, community, street,
# segment id, distance to it, road chief and grid worker (None off the map)
Places = tuple[list[Any], list[Any], list[Any], list[Any], list[Any], list[Any], list[Any]]


@dataclass(frozen=True)
class Fast:
    """What a row built column-wise needs beside the batch, in the batch's time order
    (index k) or file order (index i)."""

    ids: list[int]                 # k
    times: list[datetime]          # k
    classes: list[str]             # k
    xs: list[float]                # k
    ys: list[float]                # k
    on_map: list[bool]             # k
    kinds: dict[str, str]          # class → kind value
    sources: dict[str, str]        # the batch's source → its value
    reporter: int
    actor: Actor
    file: str
    by: Sequence[str | None]       # i
    matched: Sequence[str]         # i
    sure: Sequence[float | None]   # i


def release(objects: list[Any], progress: Progress) -> None:
    """Empty a batch's list from its end, a chunk at a time with progress (a million rows'
    objects take seconds to free)."""
    n = len(objects)
    while objects:
        progress(n - len(objects), n, "releasing memory")
        del objects[-CHUNK:]


class ColumnRows:
    """A batch's case columns and sealed-on-write audit columns, and how to write them."""

    def __init__(self, out: Cases, linked: int) -> None:
        self.out, self.linked = out, linked
        self.n = out.n
        self.first, self.last = out.numbers[0], out.numbers[-1]

    def write(self, uow: UnitOfWork, progress: Progress) -> None:
        out = self.out
        uow.cases.bulk_add_case_columns(out.cases, out.n, out.engine,
                                        lambda: out.sealed(progress), progress)

    def release(self, progress: Progress) -> None:
        for column in (*self.out.cases.values(), *self.out.events.values()):
            if isinstance(column, list):
                release(column, progress)
        self.out.engine.clear()


class Cases(Columns):
    """`Columns` with the cases column-wise (`cases`: a list, or one value for every row;
    the engine's cases at their places in `engine`), and only the first and last numbers.
    Every audit row without a body of its own is a clean ticket's report by `actor_id` as
    `role`: its canonical text is the row's four varying fields around the fixed ones."""

    def __init__(self, cases: dict[str, Any], n: int, engine: dict[int, tuple[Case, datetime]],
                 events: dict[str, list[Any]], bodies: list[str | None],
                 numbers: list[str], actor_id: int, role: str) -> None:
        super().__init__([], engine, events, bodies, numbers)
        self.cases, self.n, self.actor_id, self.role = cases, n, actor_id, role

    def sealed(self, progress: Callable[[int, int, str], None] | None = None
               ) -> dict[str, list[Any]]:
        """`Columns.sealed` for a batch of reports: the same texts and hashes, the fixed
        fields of a clean row joined once."""
        ev = self.events
        action, role, before, after = row_texts("report", self.role, None, "reported")
        head = f",1,{action},{self.actor_id},{role},\""
        mid = f"\",{before},{after},"
        string = encode_basestring
        n = len(ev["seq"])
        hashes: list[str] = []
        start = 0
        while start < n:
            if progress is not None:
                progress(start, n, "sealing audit rows")
            end = min(start + SEAL_CHUNK, n)
            while end < n and ev["seq"][end] != 1:  # a chain never crosses two chunks
                end += 1
            bodies = [f"[{cid}{head}{at.isoformat()}{mid}{string(r)},{d},[]]" if body is None
                      else body for body, cid, at, r, d in zip(
                          self.bodies[start:end], ev["case_id"][start:end], ev["at"][start:end],
                          ev["reason"][start:end], ev["data"][start:end], strict=True)]
            hashes.extend(seal_texts(bodies, ev["seq"][start:end]))
            start = end
        self.bodies = []
        ev["hash"] = hashes
        return ev


def _at(values: Sequence[Any], order: list[int]) -> list[Any]:
    """`values` in the batch's time order (a C loop)."""
    return list(map(values.__getitem__, order))


def _all_typed(values: list[Any], kind: type) -> list[bool] | None:
    """None when every value is exactly of `kind` (asked of the set of types, in C), else
    the answer row by row."""
    if set(map(type, values)) <= {kind}:
        return None
    return [type(v) is kind for v in values]


def columns(order: list[int], engine: Engine, place: Places,
            originals: dict[int, Candidate], progress: Progress, batch: Any,
            fast: Fast) -> ColumnRows:
    """Every row of the batch in time order: clean ones column-wise, the rest (a duplicate
    of `originals`, a value this path does not vouch for) by `engine`."""
    n = len(order)
    progress(0, n, _STEP)
    ids, times, classes, on_map = fast.ids, fast.times, fast.classes, fast.on_map
    rows = _at(batch.rows, order) if batch.rows else [i + 1 for i in order]
    desc, tickets = _at(batch.description, order), _at(batch.external_id, order)
    by = _at(fast.by, order)
    # which rows the engine makes: the duplicates, and any value this path does not vouch for
    placed = np.asarray(on_map, bool)
    xa, ya = np.asarray(fast.xs, float), np.asarray(fast.ys, float)
    with np.errstate(invalid="ignore"):
        bad = placed & ~((np.abs(xa) < _FAR) & (np.abs(ya) < _FAR))
    for values, kind in ((rows, int), (desc, str), (tickets, str)):
        typed = _all_typed(values, kind)
        if typed is not None:
            bad |= ~np.asarray(typed, bool)
    if not set(by) - {None, ""} <= _LOCATED:
        bad |= ~np.asarray([not b or b in _LOCATED for b in by], bool)
    by_engine = sorted({*originals, *np.flatnonzero(bad).tolist()})
    progress(n // 10, n, _STEP)
    x = [v if p else None for v, p in zip(fast.xs, on_map, strict=True)]
    y = [v if p else None for v, p in zip(fast.ys, on_map, strict=True)]
    sources = _at(batch.source, order)
    progress(n // 5, n, _STEP)
    # `open_case`'s data with the import's stamp, keys sorted as canonical_json
    file_json = encode_basestring(fast.file)
    class_json = {c: encode_basestring(c) for c in fast.kinds}
    source_json = {s: encode_basestring(v) for s, v in fast.sources.items()}
    rep = float.__repr__
    data: list[str] = []
    for start in range(0, n, CHUNK):  # the costliest column: a chunk between two reports
        end = start + CHUNK
        progress(n // 5 + start * 3 // 10, n, _STEP)
        data += [
            f'{{"class":{class_json[c]},' + (f'"external_id":{encode_basestring(t)},' if t else "")
            + f'"imported":{{"row":{r},"source":{file_json}}},"source":{source_json[s]},'
            f'"x":{"null" if xv is None else rep(xv)},"y":{"null" if yv is None else rep(yv)}}}'
            for c, t, r, s, xv, yv in zip(classes[start:end], tickets[start:end],
                                          rows[start:end], sources[start:end], x[start:end],
                                          y[start:end], strict=True)]
    progress(n // 2, n, _STEP)
    role = wf.report_role(fast.actor)._value_  # what `open_case` asks of every row
    # CASE_FIELDS: what `case_to_row` makes of the engine's new case
    cases: dict[str, Any] = dict.fromkeys(CASE_FIELDS)
    cases.update({
        "id": ids, "source": list(map(fast.sources.__getitem__, sources)),
        "kind": list(map(fast.kinds.__getitem__, classes)), "class_code": classes,
        "description": desc, "address": _at(batch.address, order), "x": x, "y": y,
        "reporter_id": fast.reporter, "reporter_contact": _at(batch.contact, order),
        "external_id": tickets, "state": "reported", "version": 1, "reported_at": times,
        "rectifier_ids": "", "return_count": 0, "rework_count": 0, "extension_count": 0,
        "reopen_count": 0, "supervision_count": 0, "updated_at": times,
        "located_by": [b or None for b in by],
        "locate_match": [m or None for m in _at(fast.matched, order)],
        "locate_confidence": _at(fast.sure, order)})
    for name, values in zip(("cell_code", "community_code", "street_code", "segment_id",
                             "segment_distance", "road_chief_id", "grid_worker_id"), place,
                            strict=True):
        cases[name] = values
    events: dict[str, Any] = {
        "case_id": ids, "seq": [1] * n, "action": ["report"] * n, "actor_id": [fast.actor.id] * n,
        "actor_role": [role] * n, "at": times, "from_state": [None] * n,
        "to_state": ["reported"] * n, "reason": desc, "data": data, "attachments": ["[]"] * n}
    bodies: list[str | None] = [None] * n
    progress(n * 3 // 4, n, _STEP)
    out = Cases(cases, n, {}, events, bodies,
                [case_number(ids[0], times[0]), case_number(ids[-1], times[-1])],
                fast.actor.id, role)
    if by_engine:
        made = Columns([], {}, {k: [] for k in EVENT_FIELDS}, [], [])
        counts = []
        for k in by_engine:
            i = order[k]
            case, rows_made = engine(k, i, tuple(p[k] for p in place), originals.get(k))
            out.engine[k] = (case, rows_made[-1].at)
            made.add_engine(case, rows_made)
            counts.append(len(rows_made))
        for name in EVENT_FIELDS:
            events[name] = _merged(events[name], by_engine, counts, made.events[name])
        out.bodies = _merged(bodies, by_engine, counts, made.bodies)
    progress(n, n, _STEP)
    return ColumnRows(out, len(originals))


def _merged(clean: list[Any], at: list[int], counts: list[int], made: list[Any]) -> list[Any]:
    """The clean rows' column with the row at each of `at` (ascending) replaced by the
    engine's `counts[j]` rows from `made`, in order."""
    out: list[Any] = []
    prev = start = 0
    for k, c in zip(at, counts, strict=True):
        out += clean[prev:k]
        out += made[start:start + c]
        prev, start = k + 1, start + c
    out += clean[prev:]
    return out
