"""Import a batch of reports (a 12345 export): ownership, duplicates, one transaction."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from ..domain.case import CaseState
from ..domain.errors import InvalidInput, PermissionDenied
from ..domain.people import AssignmentKind, Role
from ..domain.workflow import REPORT_ROLES, Action
from .ports import UnitOfWork
from .progress import Progress


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


def import_reports(uow: UnitOfWork, username: str, batch: ReportBatch,
                   progress: Progress | None = None, dry_run: bool = False) -> ImportSummary:
    """Open a case for every new row, linked to an open original when it is a duplicate."""
    summary = ImportSummary()
    with uow:
        person = uow.people.by_username(username)
        if not any(r in person.roles for r in (Role.ACCEPTOR, Role.SHIFT_LEADER)):
            raise PermissionDenied(f"{username} may not import reports (acceptor or shift "
                                   "leader)", user=username)
        role = next(r for r in REPORT_ROLES if r in person.roles)
        catalog = uow.config.catalog()
        settings = uow.config.settings()
        policy = settings.duplicates
        summary.notes = list(batch.notes)
        known = uow.cases.known_external_ids(batch.external_id)
        keep = np.array([e not in known for e in batch.external_id], bool)
        summary.already_imported = int((~keep).sum())
        n_all = len(batch)
        by = batch.located_by or [None] * n_all
        sure = batch.locate_confidence or [None] * n_all
        placed = ~(np.isnan(batch.x) | np.isnan(batch.y))
        linkable = placed & (np.asarray(batch.linkable, bool) if batch.linkable
                             else np.ones(n_all, bool))
        loc = uow.places.locate_many(np.where(placed, batch.x, 0.0),
                                     np.where(placed, batch.y, 0.0), settings.road_tolerance_m)
        outside = placed & np.array([c is None for c in loc.cell_code], bool)
        if outside.any():  # the reader checks this per row; the places may have changed since
            summary.outside = [batch.rows[i] for i in np.flatnonzero(outside)]
            raise InvalidInput(f"{batch.file or 'the file'}: {int(outside.sum())} report(s) "
                               f"lie outside every unit grid cell: rows "
                               f"{', '.join(map(str, summary.outside[:20]))}"
                               + (" …" if len(summary.outside) > 20 else ""))
        idx = np.flatnonzero(keep)
        if len(idx) == 0:
            return summary
        order_np = idx[np.argsort(np.array(batch.reported_at, dtype="datetime64[us]")[idx],
                                  kind="stable")]
        order = order_np.tolist()  # plain ints: list indexing in the loops below
        on_map = placed.tolist()
        xs, ys = batch.x.tolist(), batch.y.tolist()
        times = [batch.reported_at[i] for i in order]
        classes = [batch.class_code[i] for i in order]
        for c in set(classes):
            catalog[c]  # raises for a class the catalog lost meanwhile
        originals = uow.cases.open_cases(set(classes), min(times) - policy.window, max(times)) \
            if policy.enabled and policy.auto_link else []
        first = uow.cases.next_id()
        ids = list(range(first, first + len(order)))
        link = linkable[order_np]
        dup_of = [None] * len(order)
        if policy.enabled and policy.auto_link and link.any():
            sub = np.flatnonzero(link)
            linked = _link_duplicates([ids[k] for k in sub], [classes[k] for k in sub],
                                      [times[k] for k in sub], batch.x[order_np][sub],
                                      batch.y[order_np][sub], originals, policy)
            for k, d in zip(sub, linked, strict=True):
                dup_of[k] = d
        chiefs, workers = [], []
        for k, i in enumerate(order):
            seg = loc.segment_code[i] if on_map[i] else None
            a = uow.people.responsible(AssignmentKind.ROAD_CHIEF_SEGMENT.value, seg, times[k]) \
                if seg else None
            chiefs.append(a.person_id if a else None)
            w = uow.people.responsible(AssignmentKind.GRID_WORKER_CELL.value,
                                       loc.cell_code[i], times[k]) if on_map[i] else None
            workers.append(w.person_id if w else None)
            if progress and k % 20000 == 0:
                progress(k, len(order), "ownership")
        system = uow.people.by_username("system")
        kinds = {c.code: c.kind.value for c in catalog}
        n = len(order)
        state = [CaseState.REJECTED.value if d else CaseState.REPORTED.value for d in dup_of]
        cases = {
            "id": ids, "source": [batch.source[i] for i in order],
            "kind": [kinds[c] for c in classes], "class_code": classes,
            "description": [batch.description[i] for i in order],
            "address": [batch.address[i] for i in order],
            "x": [xs[i] if on_map[i] else None for i in order],
            "y": [ys[i] if on_map[i] else None for i in order],
            "cell_code": [loc.cell_code[i] if on_map[i] else None for i in order],
            "community_code": [loc.cell_code[i][:12] if on_map[i] else None for i in order],
            "street_code": [loc.cell_code[i][:9] if on_map[i] else None for i in order],
            "segment_id": [loc.segment_id[i] if on_map[i] else None for i in order],
            "segment_distance": [loc.segment_distance[i] if on_map[i] else None
                                 for i in order],
            "located_by": [by[i] for i in order],
            "locate_match": [(batch.locate_match[i] or None) if batch.locate_match else None
                             for i in order],
            "locate_confidence": [sure[i] for i in order],
            "road_chief_id": chiefs, "grid_worker_id": workers, "reporter_id": person.id,
            "reporter_contact": [batch.contact[i] for i in order],
            "external_id": [batch.external_id[i] for i in order], "state": state,
            "version": [2 if d else 1 for d in dup_of], "reported_at": times,
            "rectifier_ids": "", "reject_reason": ["duplicate" if d else None for d in dup_of],
            "duplicate_of": dup_of, "return_count": 0, "rework_count": 0,
            "extension_count": 0, "reopen_count": 0, "supervision_count": 0,
            "updated_at": datetime.now().replace(microsecond=0),
        }
        events = {"case_id": ids, "seq": 1, "action": Action.REPORT.value,
                  "actor_id": person.id, "actor_role": role.value, "at": times,
                  "from_state": None, "to_state": CaseState.REPORTED.value,
                  "reason": cases["description"],
                  "data": [json.dumps({"source": s, "class": c, "imported": True})
                           for s, c in zip(cases["source"], classes, strict=True)],
                  "attachments": "[]"}
        dups = [k for k in range(n) if dup_of[k]]
        number = {o[1]: f"{o[4].year}{o[1]:08d}" for o in originals}
        number.update((i, f"{t.year}{i:08d}") for i, t in zip(ids, times, strict=True))
        dup_events = {"case_id": [ids[k] for k in dups], "seq": 2,
                      "action": Action.REJECT.value, "actor_id": system.id,
                      "actor_role": Role.ACCEPTOR.value, "at": [times[k] for k in dups],
                      "from_state": CaseState.REPORTED.value,
                      "to_state": CaseState.REJECTED.value,
                      "reason": [f"与案件 {number[dup_of[k]]} 重复" for k in dups],
                      "data": [json.dumps({"reject_reason": "duplicate",
                                           "duplicate_of": dup_of[k]}) for k in dups],
                      "attachments": "[]"}
        if progress:
            progress(n, n, "writing")
        if not dry_run:
            uow.cases.bulk_insert(cases, n, [(events, n), (dup_events, len(dups))])
            uow.commit()
        summary.imported, summary.linked_duplicates = n, len(dups)
        summary.unplaced = int((~placed[order_np]).sum())
        summary.located_from_address = sum(1 for i in order if by[i])
        summary.first_number, summary.last_number = number[ids[0]], number[ids[-1]]
    return summary


def _link_duplicates(ids, classes, times, xs, ys, originals, policy) -> list[int | None]:
    """Sweep in time order: a report links to the nearest earlier open case of its class
    within the radius and window (an earlier report of this batch counts too)."""
    cell = max(policy.radius_m, 1.0)
    window = policy.window
    buckets: dict[tuple[str, int, int], list[tuple[datetime, int, float, float]]] = \
        defaultdict(list)
    for o in originals:  # (class, id, x, y, reported_at)
        buckets[(o[0], int(o[2] // cell), int(o[3] // cell))].append((o[4], o[1], o[2], o[3]))
    out: list[int | None] = []
    r2 = policy.radius_m ** 2
    for cid, cls, t, x, y in zip(ids, classes, times, xs.tolist(), ys.tolist(), strict=True):
        gx, gy = int(x // cell), int(y // cell)
        best, best_d = None, None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for (ot, oid, ox, oy) in buckets.get((cls, gx + dx, gy + dy), ()):
                    if not (t - window <= ot <= t):
                        continue
                    d = (ox - x) ** 2 + (oy - y) ** 2
                    if d <= r2 and (best_d is None or d < best_d):
                        best, best_d = oid, d
        out.append(best)
        if best is None:  # only open originals can be linked to: a new case is one
            buckets[(cls, gx, gy)].append((t, cid, x, y))
    return out
