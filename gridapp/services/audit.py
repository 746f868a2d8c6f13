"""`audit verify`: every case's audit chain, its replay, and the case row against both."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain import workflow as wf
from ..domain.audit import first_broken
from ..domain.case import Case, CaseEvent
from ..domain.errors import DomainError
from .ports import UnitOfWork
from .progress import Progress

BATCH = 2000  # cases read at a time


@dataclass(frozen=True)
class Problem:
    case_number: str
    seq: int | None
    what: str
    row: str = ""   # the row as a person reads it: "(sign at 2026-11-02 09:20)"

    def __str__(self) -> str:
        row = f", audit row {self.seq}" if self.seq else ""
        return f"case {self.case_number}{row}{' ' + self.row if self.row else ''}: {self.what}"


@dataclass
class AuditReport:
    cases: int = 0
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def check_case(case: Case, events: list[CaseEvent]) -> list[Problem]:
    """What is wrong with one case's trail and record (empty when nothing is)."""
    n = case.number or str(case.id)
    broken = first_broken(events)
    if broken is not None:
        ev = next((e for e in events if e.seq == broken.seq), None)
        row = f"({ev.action} at {ev.at:%Y-%m-%d %H:%M})" if ev else ""
        return [Problem(n, broken.seq, broken.reason, row)]
    try:
        r = wf.replay(events)
    except DomainError as exc:
        return [Problem(n, None, f"the trail does not follow the transition table: {exc}")]
    out = []
    facts = {"state": (case.state.value, r.state.value), "version": (case.version, r.version),
             "return_count": (case.return_count, r.returns),
             "rework_count": (case.rework_count, r.reworks),
             "extension_count": (case.extension_count, r.extensions),
             "reopen_count": (case.reopen_count, r.reopens),
             "supervision_count": (case.supervision_count, r.supervisions),
             "rectifier_ids": (sorted(case.rectifier_ids), sorted(r.rectifiers)),
             "verifier_id": (case.verifier_id, r.verifier_id)}
    for column, (recorded, replayed) in facts.items():
        if recorded != replayed:
            out.append(Problem(n, None, f"cases.{column} says {recorded}, the audit trail says "
                                        f"{replayed} (the record was edited outside gridapp)"))
    where = trail_position(events)
    if where is not None and not _same_point((case.x, case.y), where):
        out.append(Problem(n, None, f"cases.x/y (its point on the map) says "
                                    f"{_shown((case.x, case.y))}, the audit trail says "
                                    f"{_shown(where)} (moved outside gridapp, e.g. in QGIS)"))
    return out


Point = tuple[float | None, float | None]  # a case's x/y; None while it is not placed


def trail_position(events: list[CaseEvent]) -> Point | None:
    """The point the audit trail last gave the case (report, then 标定位置); None when the
    trail records none (rows written before positions were recorded)."""
    where = None
    for ev in events:
        if ev.action in ("report", "place") and "x" in ev.data and "y" in ev.data:
            where = (ev.data["x"], ev.data["y"])
    return where


def _shown(p: Point) -> str:
    return "none" if p[0] is None or p[1] is None else f"({p[0]:.2f}, {p[1]:.2f})"


def _same_point(a: Point, b: Point) -> bool:
    if a[0] is None or a[1] is None or b[0] is None or b[1] is None:
        return (a[0] is None) == (b[0] is None)
    # 标定位置 records centimetres
    return abs(float(a[0]) - float(b[0])) <= 0.006 and abs(float(a[1]) - float(b[1])) <= 0.006


def verify(uow: UnitOfWork, progress: Progress | None = None) -> AuditReport:
    """Check every case; the report lists the first broken link of each damaged case."""
    report = AuditReport()
    with uow:
        total = uow.cases.count_all()
        after = 0
        while True:
            batch = uow.cases.trails(after, BATCH)
            if not batch:
                break
            for case, events in batch:
                report.cases += 1
                report.rows += len(events)
                report.problems.extend(check_case(case, events))
            after = batch[-1][0].stored_id
            if progress:
                progress(report.cases, total, "audit")
    return report
