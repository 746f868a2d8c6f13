"""A 12345 batch's rows straight into the store's columns (the import's fast path).

A clean ticket — a new case in REPORTED, its first audit row — is the same every time: the
REPORT rule asked once for the importing person's role, then each row goes into the case
and audit columns as `store.cases.case_to_row` and `workflow.open_case` would make them,
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

from ..domain import workflow as wf
from ..domain.case import Case, CaseEvent, case_number
from ..domain.duplicates import Candidate
from ..domain.people import Actor
from ..domain.places import LocatedBy
from .ports import UnitOfWork
from .progress import CHUNK, Progress
from .timelines import CASE_FIELDS, EVENT_FIELDS, Columns

NOWHERE: tuple[None, ...] = (None,) * 7  # a `Location` of a case off the map (待定位)
_LOCATED = frozenset(m.value for m in LocatedBy)
_FAR = 1e300  # a finite coordinate: written by float's repr, as JSON writes it

Engine = Callable[[int, int, tuple[Any, ...], Candidate | None], tuple[Case, list[CaseEvent]]]


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
    """A batch's case rows and sealed-on-write audit columns, and how to write them."""

    def __init__(self, out: Columns, linked: int) -> None:
        self.out, self.linked = out, linked
        self.n = len(out.case_rows)
        self.first, self.last = out.numbers[0], out.numbers[-1]

    def write(self, uow: UnitOfWork, progress: Progress) -> None:
        out = self.out
        uow.cases.bulk_add_columns(CASE_FIELDS, out.case_rows, out.engine,
                                   lambda: out.sealed(progress), progress)

    def release(self, progress: Progress) -> None:
        release(self.out.case_rows, progress)
        for column in self.out.events.values():
            release(column, progress)
        self.out.engine.clear()


def columns(order: list[int], engine: Engine,
            owners: Callable[[int, int], tuple[Any, ...]],
            original_of: Callable[[int], Candidate | None], progress: Progress,
            batch: Any, fast: Fast) -> ColumnRows:
    """Every row of the batch in time order: clean ones column-wise, the rest by `engine`."""
    out = Columns([], {}, {k: [] for k in EVENT_FIELDS}, [], [])
    role = wf.report_role(fast.actor)._value_  # what `open_case` asks of every row
    actor_id = fast.actor.id
    ids, times, classes, xs, ys, on_map = (fast.ids, fast.times, fast.classes, fast.xs,
                                           fast.ys, fast.on_map)
    by, matched, sure = fast.by, fast.matched, fast.sure
    rows_of, descriptions, tickets = batch.rows, batch.description, batch.external_id
    addresses, contacts, sources = batch.address, batch.contact, batch.source
    kinds = fast.kinds
    reporter = fast.reporter
    file_json = encode_basestring(fast.file)
    class_json = {c: encode_basestring(c) for c in set(classes)}
    source_json = {s: encode_basestring(v) for s, v in fast.sources.items()}
    case_rows, numbers, bodies = out.case_rows, out.numbers, out.bodies
    ev = out.events
    e_case, e_seq, e_action, e_actor, e_role = (ev["case_id"], ev["seq"], ev["action"],
                                                ev["actor_id"], ev["actor_role"])
    e_at, e_from, e_to, e_reason, e_data, e_att = (ev["at"], ev["from_state"], ev["to_state"],
                                                   ev["reason"], ev["data"], ev["attachments"])
    linked = 0
    n = len(order)
    step = max(1000, n // 50)  # progress about every 2 %
    for k, i in enumerate(order):
        place = owners(k, i)
        original = original_of(k)
        row = rows_of[i] if rows_of else i + 1
        b, desc, ticket = by[i], descriptions[i], tickets[i]
        placed = on_map[k]
        x, y = (xs[k], ys[k]) if placed else (None, None)
        if original is None and type(row) is int and (not b or b in _LOCATED) \
                and type(desc) is str and type(ticket) is str \
                and (not placed or (-_FAR < xs[k] < _FAR and -_FAR < ys[k] < _FAR)):
            t, cls, case_id, src = times[k], classes[k], ids[k], sources[i]
            # `open_case`'s data with the import's stamp, keys sorted as canonical_json
            e_data.append(
                f'{{"class":{class_json[cls]},'
                + (f'"external_id":{encode_basestring(ticket)},' if ticket else "")
                + f'"imported":{{"row":{row},"source":{file_json}}},"source":'
                f'{source_json[src]},"x":{"null" if x is None else float.__repr__(x)},'
                f'"y":{"null" if y is None else float.__repr__(y)}}}')
            e_case.append(case_id)
            e_seq.append(1)
            e_action.append("report")
            e_actor.append(actor_id)
            e_role.append(role)
            e_at.append(t)
            e_from.append(None)
            e_to.append("reported")
            e_reason.append(desc)
            e_att.append("[]")
            bodies.append(None)
            # CASE_FIELDS' order: what `case_to_row` makes of the engine's new case
            case_rows.append((
                case_id, fast.sources[src], kinds[cls], cls, None, desc, addresses[i], x, y,
                *place[:7], None, reporter, contacts[i], ticket, "reported", 1, t,
                None, None, None, None, None, None, None, None, None, None, None, None, None,
                None, None, "", None, None, None, None, None, None, 0, 0, 0, 0, 0, t, None,
                b or None, matched[i] or None, sure[i]))
            numbers.append(case_number(case_id, t))
        else:
            case, made = engine(k, i, place, original)
            out.add_engine(case, made)
            linked += original is not None
        if k % step == 0:
            progress(k, n, "ownership and duplicates")
    return ColumnRows(out, linked)
