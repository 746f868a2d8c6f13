"""One place that maps an action the user picked onto its service call (UI and tests)."""

from __future__ import annotations

from ..domain.case import RejectReason, Satisfaction
from ..domain.errors import InvalidInput
from ..domain.workflow import Action
from ..services import cases as svc
from ..services.locating import place_case

# What each action asks the user for (the dialog builds its form from this).
FIELDS: dict[Action, tuple[str, ...]] = {
    Action.REGISTER: ("note",),
    Action.REJECT: ("reason_code", "note", "duplicate_of"),
    Action.DISPATCH: ("assignee", "note"),
    Action.SIGN: (),
    Action.RETURN: ("reason",),
    Action.RECTIFY: ("note", "photos"),
    Action.VERIFY_PASS: ("note", "photos"),
    Action.VERIFY_FAIL: ("note", "photos"),
    Action.CLOSE: ("note",),
    Action.REQUEST_EXTENSION: ("extra", "reason"),
    Action.APPROVE_EXTENSION: ("note",),
    Action.DENY_EXTENSION: ("note",),
    Action.REQUEST_SUSPENSION: ("reason",),
    Action.APPROVE_SUSPENSION: ("note",),
    Action.DENY_SUSPENSION: ("note",),
    Action.RESUME: ("note",),
    Action.REOPEN: ("reason",),
    Action.REINSPECT: ("note", "photos"),
    Action.REPLY: ("note",),
    Action.VISIT: ("satisfaction", "note"),
    Action.SUPERVISE: ("note",),
    Action.PLACE: ("note",),  # the point itself comes from a click on the map (x, y)
}
REQUIRED = {"reason", "extra", "satisfaction", "reason_code"}


def perform(store, username: str, case_id: int, action: Action, version: int | None,
            **p) -> svc.Outcome:
    """Run `action` on a case as `username`; `version` is what the user saw (stale check)."""
    uow, kw = store.uow(), {"expected_version": version}
    note = p.get("note", "")
    photos = tuple(p.get("photos", ()))
    match action:
        case Action.REGISTER:
            return svc.register(uow, username, case_id, note, **kw)
        case Action.REJECT:
            return svc.reject(uow, username, case_id, RejectReason(p["reason_code"]), note,
                              p.get("duplicate_of") or None, **kw)
        case Action.DISPATCH:
            a = p.get("assignee")  # ("department", code) | ("road_chief", username) | None
            return svc.dispatch(uow, username, case_id,
                                department=a[1] if a and a[0] == "department" else None,
                                road_chief=a[1] if a and a[0] == "road_chief" else None,
                                note=note, **kw)
        case Action.SIGN:
            return svc.sign(uow, username, case_id, **kw)
        case Action.RETURN:
            return svc.return_case(uow, username, case_id, p.get("reason", ""), **kw)
        case Action.RECTIFY:
            return svc.rectify(uow, username, case_id, note, photos, **kw)
        case Action.VERIFY_PASS | Action.VERIFY_FAIL:
            return svc.verify(uow, username, case_id, action is Action.VERIFY_PASS, note,
                              photos, **kw)
        case Action.CLOSE:
            return svc.close(uow, username, case_id, note, **kw)
        case Action.REQUEST_EXTENSION:
            return svc.request_extension(uow, username, case_id, p["extra"],
                                         p.get("reason", ""), **kw)
        case Action.APPROVE_EXTENSION | Action.DENY_EXTENSION:
            return svc.decide_extension(uow, username, case_id,
                                        action is Action.APPROVE_EXTENSION, note, **kw)
        case Action.REQUEST_SUSPENSION:
            return svc.request_suspension(uow, username, case_id, p.get("reason", ""), **kw)
        case Action.APPROVE_SUSPENSION | Action.DENY_SUSPENSION:
            return svc.decide_suspension(uow, username, case_id,
                                         action is Action.APPROVE_SUSPENSION, note, **kw)
        case Action.RESUME:
            return svc.resume(uow, username, case_id, note, **kw)
        case Action.REOPEN:
            return svc.reopen(uow, username, case_id, p.get("reason", ""), **kw)
        case Action.REINSPECT:
            return svc.reinspect(uow, username, case_id, note, photos, **kw)
        case Action.REPLY:
            return svc.reply(uow, username, case_id, note, **kw)
        case Action.VISIT:
            return svc.visit(uow, username, case_id, Satisfaction(p["satisfaction"]), note,
                             **kw)
        case Action.SUPERVISE:
            return svc.supervise(uow, username, case_id, note, **kw)
        case Action.PLACE:
            if p.get("x") is None or p.get("y") is None:
                raise InvalidInput("click the case's place on the map first (标定位置)")
            return place_case(uow, username, case_id, float(p["x"]), float(p["y"]),
                              note=note, **kw)
    raise ValueError(f"unknown action {action}")
