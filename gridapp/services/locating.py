"""标定位置: give a case without a position (待定位), or with a rough one, its point."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..domain import workflow as wf
from ..domain.actions import Action
from ..domain.audit import seal_new
from ..domain.case import Case, Source
from ..domain.clock import History
from ..domain.errors import InvalidInput
from ..domain.places import Location
from .cases import Outcome, _acting, _located, _stamp, check_texts, perform, when
from .ports import UnitOfWork


def report_unplaced(uow: UnitOfWork, username: str, *, source: Source, class_code: str,
                    description: str = "", address: str = "", contact: str = "",
                    external_id: str | None = None, locate_match: str = "",
                    at: datetime | None = None, history: History | None = None) -> Outcome:
    """上报 a problem whose place is not known yet (a call that gave an unknown address):
    a case in 待受理 without a position (待定位), to be placed before it is dispatched. No
    duplicate check: there is no point to compare."""
    from ..domain.actions import SPECS
    check_texts(SPECS[Action.REPORT], {"description": description, "address": address,
                                       "contact": contact, "external_id": external_id or ""})
    with uow:
        at = when(uow, at, history)
        actor = _acting(uow, username, at, history)
        cls = uow.config.catalog()[class_code]
        if external_id:
            same = uow.cases.by_external_id(external_id)
            if same is not None:
                raise InvalidInput(f"hotline ticket {external_id} is already case "
                                   f"{same.number}; one case per ticket", value=external_id, why="ticket_taken", case=same.number)
        case = Case(source=Source(source), kind=cls.kind, class_code=cls.code, x=None, y=None,
                    reported_at=at, reporter_id=actor.id, description=description.strip(),
                    address=address.strip(), reporter_contact=contact,
                    external_id=external_id, locate_match=locate_match)
        first = _stamp(wf.open_case(case, actor), history)
        case = uow.cases.add(case)
        events = seal_new([replace(first, case_id=case.id)])
        uow.cases.add_event(events[0])
        uow.commit()
    return Outcome(case, events)


def place_case(uow: UnitOfWork, username: str, ref: int | str, x: float, y: float, *,
               note: str = "", at: datetime | None = None, history: History | None = None,
               expected_version: int | None = None) -> Outcome:
    """Set the case's point (store CRS) and with it the cell, segment, road chief and grid
    worker in charge when it was reported: the audited act PLACE of the transition table.
    Open cases of the same class near the point are returned as possible originals (not
    linked)."""
    out = perform(uow, username, ref, Action.PLACE, at=at, history=history,
                  expected_version=expected_version, x=x, y=y, note=note)
    case = out.case
    with uow:
        policy = uow.config.settings().duplicates
        if policy.enabled:
            out.duplicate_candidates = [
                c for c in uow.cases.duplicate_candidates(
                    case.class_code, x, y, policy.radius_m, case.reported_at - policy.window,
                    case.reported_at) if c.case_id != case.id]
    return out


def where(uow: UnitOfWork, x: float, y: float, at: datetime) -> Location:
    """What a point would give a case reported at `at` (cell, segment, people then): the
    preview a user sees before placing a case there."""
    with uow:
        return _located(uow, float(x), float(y), at)
