"""Who should fix a case: 部件先属主后属地, 事件先属地后属主."""

from __future__ import annotations

from dataclasses import dataclass

from .case import Assignee
from .catalog import CaseKind


@dataclass(frozen=True, slots=True)
class Suggestion:
    assignee: Assignee
    basis: str  # why: owner / class department / road chief / street


def suggest_assignees(kind: CaseKind, *, owner_department_id: int | None = None,
                      class_department_id: int | None = None,
                      road_chief_id: int | None = None,
                      street_department_id: int | None = None) -> list[Suggestion]:
    """Candidate units in the order the rule ranks them (first = the default)."""
    owner = [Suggestion(Assignee(department_id=owner_department_id), "owner")] \
        if owner_department_id else []
    professional = [Suggestion(Assignee(department_id=class_department_id), "class_department")] \
        if class_department_id else []
    territory = []
    if road_chief_id:
        territory.append(Suggestion(Assignee(person_id=road_chief_id), "road_chief"))
    if street_department_id:
        territory.append(Suggestion(Assignee(department_id=street_department_id), "street"))
    order = owner + professional + territory if kind is CaseKind.COMPONENT \
        else territory + professional
    seen: set[Assignee] = set()
    unique = []
    for s in order:
        if s.assignee not in seen:
            seen.add(s.assignee)
            unique.append(s)
    return unique
