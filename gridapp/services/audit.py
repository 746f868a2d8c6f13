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
    return out


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
