"""标定位置: give a case without a position (待定位), or with a rough one, its point."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..domain import workflow as wf
from ..domain.case import Case, Source
from ..domain.people import AssignmentKind
from .cases import Outcome, _responsible, _transition, actor_for, now
from .ports import UnitOfWork


def report_unplaced(uow: UnitOfWork, username: str, *, source: Source, class_code: str,
                    description: str = "", address: str = "", contact: str = "",
                    external_id: str | None = None, locate_match: str = "",
                    at: datetime | None = None) -> Outcome:
    """上报 a problem whose place is not known yet (a call that gave an unknown address):
    a case in 待受理 without a position (待定位), to be placed before it is dispatched. No
    duplicate check: there is no point to compare."""
    at = at or now()
    with uow:
        actor = actor_for(uow, username, at)
        cls = uow.config.catalog()[class_code]
        case = Case(source=Source(source), kind=cls.kind, class_code=cls.code, x=None, y=None,
                    reported_at=at, reporter_id=actor.id, description=description.strip(),
                    address=address.strip(), reporter_contact=contact,
                    external_id=external_id, locate_match=locate_match)
        first = wf.new_case(case, actor)
        case = uow.cases.add(case)
        event = replace(first, case_id=case.id)
        uow.cases.add_event(event)
        uow.commit()
    return Outcome(case, [event])


def place_case(uow: UnitOfWork, username: str, ref: int | str, x: float, y: float, *,
               note: str = "", at: datetime | None = None,
               expected_version: int | None = None) -> Outcome:
    """Set the case's point (store CRS) and with it the cell, segment, road chief and grid
    worker in charge when it was reported; one audited act (Action.PLACE). Open cases of
    the same class near the point are returned as possible originals (not linked)."""
    found: dict = {}

    def step(case, actor, t):
        settings = uow.config.settings()
        loc = uow.places.locate(x, y, settings.road_tolerance_m)
        if loc.inside_district:
            when = case.reported_at  # who was in charge then: history stays true
            loc = replace(loc, road_chief_id=_responsible(
                uow, AssignmentKind.ROAD_CHIEF_SEGMENT, loc.segment_code, when),
                grid_worker_id=_responsible(uow, AssignmentKind.GRID_WORKER_CELL,
                                            loc.cell_code, when))
        event = wf.place(case, actor, t, x, y, loc, note)
        policy = settings.duplicates
        if policy.enabled:
            found["candidates"] = [
                c for c in uow.cases.duplicate_candidates(
                    case.class_code, x, y, policy.radius_m, case.reported_at - policy.window,
                    case.reported_at) if c.case_id != case.id]
        return event

    out = _transition(uow, username, ref, at, expected_version, step)
    out.duplicate_candidates = found.get("candidates", [])
    return out
