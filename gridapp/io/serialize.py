"""Cases and audit rows as plain dicts (JSON output, CSV/XLSX export)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..domain.case import Case, CaseEvent


def _iso(v: datetime | None) -> str | None:
    return v.isoformat(sep=" ", timespec="seconds") if v else None


def case_to_dict(case: Case, now: datetime | None = None) -> dict[str, Any]:
    loc, a = case.location, case.assignee
    d = {
        "id": case.id, "number": case.number, "state": case.state.value,
        "state_zh": case.state.label_zh, "version": case.version,
        "source": case.source.value, "kind": case.kind.value, "class_code": case.class_code,
        "description": case.description, "address": case.address, "x": case.x, "y": case.y,
        "cell_code": loc.cell_code, "community_code": loc.community_code,
        "street_code": loc.street_code, "segment_id": loc.segment_id,
        "road_chief_id": loc.road_chief_id, "grid_worker_id": loc.grid_worker_id,
        "component_code": case.component_code, "reporter_id": case.reporter_id,
        "external_id": case.external_id,
        "assignee_department_id": a.department_id if a else None,
        "assignee_person_id": a.person_id if a else None,
        "time_limit_minutes": case.time_limit_minutes, "catalog_version": case.catalog_version,
        "reject_reason": case.reject_reason.value if case.reject_reason else None,
        "duplicate_of": case.duplicate_of,
        "satisfaction": case.satisfaction.value if case.satisfaction else None,
        "return_count": case.return_count, "rework_count": case.rework_count,
        "extension_count": case.extension_count, "reopen_count": case.reopen_count,
        "supervision_count": case.supervision_count,
        "placed": case.placed,
        "located_by": case.located_by.value if case.located_by else None,
        "locate_match": case.locate_match or None,
        "locate_confidence": case.locate_confidence,
    }
    for f in ("reported_at", "registered_at", "dispatched_at", "signed_at", "rectified_at",
              "verified_at", "closed_at", "deadline_at", "warning_at", "replied_at",
              "visited_at"):
        d[f] = _iso(getattr(case, f))
    if now is not None:
        d["deadline_status"] = case.deadline_status(now).value
    return d


def event_to_dict(ev: CaseEvent) -> dict[str, Any]:
    return {"seq": ev.seq, "action": ev.action, "actor_id": ev.actor_id,
            "actor_role": ev.actor_role, "at": _iso(ev.at),
            "from_state": ev.from_state.value if ev.from_state else None,
            "to_state": ev.to_state.value, "reason": ev.reason, "data": ev.data,
            "attachments": list(ev.attachments)}
