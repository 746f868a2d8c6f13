"""Import responsibility assignments atomically, keeping the history of who held what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.errors import InvalidInput, NotFound
from ..domain.people import Assignment, AssignmentKind, Person, Role
from .ports import UnitOfWork

ROLE_FOR = {AssignmentKind.ROAD_CHIEF_SEGMENT: Role.ROAD_CHIEF,
            AssignmentKind.GRID_WORKER_CELL: Role.GRID_WORKER}


@dataclass(frozen=True)
class AssignmentRow:
    row: int
    kind: AssignmentKind
    target: str
    username: str | None      # people (road chief, grid worker)
    name: str | None          # to create a person not yet known
    department: str | None    # department code (its person's department, or the assignee)
    valid_from: datetime
    valid_to: datetime | None = None


class AssignmentsRejected(InvalidInput):
    def __init__(self, file: str, problems: list[tuple[int, str]]) -> None:
        super().__init__(f"{len(problems)} problem(s) in {file}; nothing was written:\n  " +
                         "\n  ".join(f"{file}, row {r}: {m}" for r, m in problems[:100]))
        self.problems = problems


def import_assignments(uow: UnitOfWork, file: str, rows: list[AssignmentRow]) -> dict[str, int]:
    """Check every row, then write all of them (or none)."""
    problems: list[tuple[int, str]] = []
    created, written = 0, 0
    with uow:
        cells = uow.loader.existing_codes("grid_cells")
        catalog = uow.config.catalog()
        depts = {d.code: d.id for d in uow.people.departments()}
        new_people: dict[str, Person] = {}
        for r in rows:
            if r.kind is AssignmentKind.ROAD_CHIEF_SEGMENT and \
                    uow.places.segment_id(r.target) is None:
                problems.append((r.row, f"no road segment {r.target}"))
            elif r.kind is AssignmentKind.GRID_WORKER_CELL and r.target not in cells:
                problems.append((r.row, f"no unit grid cell {r.target}"))
            elif r.kind is AssignmentKind.DEPARTMENT_CLASS:
                if r.target not in catalog:
                    problems.append((r.row, f"no catalog class {r.target}"))
                if r.department not in depts:
                    problems.append((r.row, f"no department {r.department!r}"))
                continue
            if r.department and r.department not in depts:
                problems.append((r.row, f"no department {r.department!r}"))
            if not r.username:
                problems.append((r.row, "no user name"))
                continue
            try:
                p = uow.people.by_username(r.username)
                if ROLE_FOR[r.kind] not in p.roles:
                    problems.append((r.row, f"{r.username} is not a {ROLE_FOR[r.kind].value}"))
            except NotFound:
                if not r.name:
                    problems.append((r.row, f"unknown user {r.username}; give a name to create"))
                else:
                    new_people.setdefault(r.username, Person(
                        0, r.username, r.name, frozenset({ROLE_FOR[r.kind]}),
                        depts.get(r.department or "")))
            if r.valid_to and r.valid_to <= r.valid_from:
                problems.append((r.row, "valid_to is not after valid_from"))
        if problems:
            raise AssignmentsRejected(file, problems)
        for person in new_people.values():
            uow.people.add(person, None)
            created += 1
        for r in sorted(rows, key=lambda r: r.valid_from):
            uow.people.end_assignments(r.kind.value, r.target, r.valid_from)
            person_id = uow.people.by_username(r.username).id if r.username and \
                r.kind is not AssignmentKind.DEPARTMENT_CLASS else None
            uow.people.add_assignment(Assignment(
                r.kind, r.target, person_id,
                depts.get(r.department or "") if r.kind is AssignmentKind.DEPARTMENT_CLASS
                else None,
                r.valid_from, r.valid_to))
            written += 1
        uow.commit()
    return {"assignments": written, "people_created": created}
