"""`gridapp case …`: run a case through every path of the loop from a shell."""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.case import RejectReason, Satisfaction, Source
from ..io.serialize import case_to_dict, event_to_dict
from ..services import cases as svc
from ..services.photos import add_photo
from ..services.ports import CaseQuery
from . import parse_at, pass_ctx


@click.group("case")
def case():
    """Report, register, dispatch, … a case; show and list cases."""


def _show(ctx, outcome, verb: str) -> None:
    c = outcome.case
    data = case_to_dict(c, svc.now())
    data["events"] = [event_to_dict(e) for e in outcome.events]
    line = f"{verb}: case {c.number} is now {c.state.value} ({c.state.label_zh}), version {c.version}"
    if c.deadline_at and c.state.is_handling:
        line += f", deadline {c.deadline_at:%Y-%m-%d %H:%M}"
    if getattr(outcome, "duplicate_of", None):
        line += f"; duplicate of {outcome.duplicate_of.number}"
        data["duplicate_of_number"] = outcome.duplicate_of.number
    if getattr(outcome, "duplicate_candidates", None):
        nums = [d.number for d in outcome.duplicate_candidates]
        line += f"; possible duplicates: {', '.join(nums)}"
        data["duplicate_candidates"] = nums
    ctx.emit(data, line)


def _photos(ctx, paths) -> list[str]:
    return [add_photo(ctx.store.uow(), Path(p).read_bytes(), Path(p).name) for p in paths]


actor_opt = click.option("--as", "user", required=True, help="User name of whoever acts.")
at_opt = click.option("--at", "at", help="When it happened (ISO), default now.")
version_opt = click.option("--expected-version", type=int,
                           help="Refuse if the case is no longer at this version (stale write).")
photo_opt = click.option("--photo", "photos", multiple=True, type=click.Path(exists=True,
                         dir_okay=False), help="Photo file (JPEG/PNG/WebP); repeatable.")


def transition(name: str, help_: str, *extra):
    """A `case NAME CASE --as USER …` command calling one service function."""
    def deco(fn):
        fn = click.argument("case_ref", metavar="CASE")(fn)
        for opt in (actor_opt, at_opt, version_opt, *extra):
            fn = opt(fn)
        fn = pass_ctx(fn)
        return case.command(name, help=help_)(fn)
    return deco


@case.command("report")
@actor_opt
@click.option("--class", "class_code", required=True, help="Catalog class code, e.g. E0102.")
@click.option("--source", type=click.Choice([s.value for s in Source]), default="grid_patrol")
@click.option("--x", type=float, help="Easting in the store's CRS (metres).")
@click.option("--y", type=float, help="Northing in the store's CRS (metres).")
@click.option("--lon", type=float, help="Longitude (with --lat and --coords).")
@click.option("--lat", type=float)
@click.option("--coords", default="wgs84", show_default=True,
              type=click.Choice(["wgs84", "cgcs2000", "gcj02", "bd09"]),
              help="System of --lon/--lat (hotline exports are often GCJ-02).")
@click.option("--desc", "description", default="")
@click.option("--address", default="")
@click.option("--component", "component_code", help="16-digit component code.")
@click.option("--contact", default="", help="Citizen's name/phone for hotline cases.")
@click.option("--external-id", help="Hotline ticket number.")
@photo_opt
@at_opt
@pass_ctx
def report(ctx, user, class_code, source, x, y, lon, lat, coords, description, address,
           component_code, contact, external_id, photos, at):
    """上报: open a case at a point."""
    if lon is not None and lat is not None:
        from ..io.crs import lonlat_to_store
        x, y = (float(v) for v in lonlat_to_store(lon, lat, coords, ctx.store.srid))
    if x is None or y is None:
        raise click.UsageError("give --x/--y (store CRS) or --lon/--lat")
    out = svc.report(ctx.store.uow(), user, source=Source(source), class_code=class_code, x=x,
                     y=y, description=description, address=address,
                     component_code=component_code, contact=contact, external_id=external_id,
                     photos=_photos(ctx, photos), at=parse_at(at))
    _show(ctx, out, "reported")


@transition("register", "立案: accept a reported case.", click.option("--note", default=""))
def register(ctx, case_ref, user, at, expected_version, note):
    _show(ctx, svc.register(ctx.store.uow(), user, case_ref, note, at=parse_at(at),
                            expected_version=expected_version), "registered")


@transition("reject", "不予立案: reject as invalid, duplicate, not ours or out of area.",
            click.option("--reason", type=click.Choice([r.value for r in RejectReason]),
                         required=True),
            click.option("--note", default=""),
            click.option("--duplicate-of", help="The original case (number or id)."))
def reject(ctx, case_ref, user, at, expected_version, reason, note, duplicate_of):
    _show(ctx, svc.reject(ctx.store.uow(), user, case_ref, RejectReason(reason), note,
                          duplicate_of, at=parse_at(at), expected_version=expected_version),
          "rejected")


@transition("dispatch", "派遣: to a department or a road chief (default: the suggested unit).",
            click.option("--department", help="Department code."),
            click.option("--road-chief", help="Road chief's user name."),
            click.option("--note", default=""))
def dispatch(ctx, case_ref, user, at, expected_version, department, road_chief, note):
    _show(ctx, svc.dispatch(ctx.store.uow(), user, case_ref, department=department,
                            road_chief=road_chief, note=note, at=parse_at(at),
                            expected_version=expected_version), "dispatched")


@transition("sign", "签收: the unit accepts the dispatched case.")
def sign(ctx, case_ref, user, at, expected_version):
    _show(ctx, svc.sign(ctx.store.uow(), user, case_ref, at=parse_at(at),
                        expected_version=expected_version), "signed")


@transition("return", "退回: not ours; back to the dispatcher.",
            click.option("--reason", required=True))
def return_(ctx, case_ref, user, at, expected_version, reason):
    _show(ctx, svc.return_case(ctx.store.uow(), user, case_ref, reason, at=parse_at(at),
                               expected_version=expected_version), "returned")


@transition("rectify", "处置反馈: report the fix with a note and photos.",
            click.option("--note", required=True), photo_opt)
def rectify(ctx, case_ref, user, at, expected_version, note, photos):
    _show(ctx, svc.rectify(ctx.store.uow(), user, case_ref, note, _photos(ctx, photos),
                           at=parse_at(at), expected_version=expected_version), "rectified")


@transition("verify", "核查: on-site check; --pass closes the loop, --fail sends it back.",
            click.option("--pass/--fail", "passed", required=True),
            click.option("--note", default=""), photo_opt)
def verify(ctx, case_ref, user, at, expected_version, passed, note, photos):
    _show(ctx, svc.verify(ctx.store.uow(), user, case_ref, passed, note, _photos(ctx, photos),
                          at=parse_at(at), expected_version=expected_version), "verified")


@transition("close", "结案: the shift leader closes a verified case.",
            click.option("--note", default=""))
def close(ctx, case_ref, user, at, expected_version, note):
    _show(ctx, svc.close(ctx.store.uow(), user, case_ref, note, at=parse_at(at),
                         expected_version=expected_version), "closed")


@transition("extend", "申请延期: ask for more time (e.g. --by 1d, --by 4h).",
            click.option("--by", "extra", required=True), click.option("--reason", required=True))
def extend(ctx, case_ref, user, at, expected_version, extra, reason):
    _show(ctx, svc.request_extension(ctx.store.uow(), user, case_ref, extra, reason,
                                     at=parse_at(at), expected_version=expected_version),
          "extension requested")


@transition("extension", "审批延期: approve or deny the pending extension.",
            click.option("--approve/--deny", required=True), click.option("--note", default=""))
def extension(ctx, case_ref, user, at, expected_version, approve, note):
    _show(ctx, svc.decide_extension(ctx.store.uow(), user, case_ref, approve, note,
                                    at=parse_at(at), expected_version=expected_version),
          "extension " + ("approved" if approve else "denied"))


@transition("suspend", "申请挂账: the problem cannot be fixed now.",
            click.option("--reason", required=True))
def suspend(ctx, case_ref, user, at, expected_version, reason):
    _show(ctx, svc.request_suspension(ctx.store.uow(), user, case_ref, reason, at=parse_at(at),
                                      expected_version=expected_version), "suspension requested")


@transition("suspension", "审批挂账: approve or deny the pending suspension.",
            click.option("--approve/--deny", required=True), click.option("--note", default=""))
def suspension(ctx, case_ref, user, at, expected_version, approve, note):
    _show(ctx, svc.decide_suspension(ctx.store.uow(), user, case_ref, approve, note,
                                     at=parse_at(at), expected_version=expected_version),
          "suspension " + ("approved" if approve else "denied"))


@transition("resume", "解除挂账: handling restarts with the time that was left.",
            click.option("--note", default=""))
def resume(ctx, case_ref, user, at, expected_version, note):
    _show(ctx, svc.resume(ctx.store.uow(), user, case_ref, note, at=parse_at(at),
                          expected_version=expected_version), "resumed")


@transition("reopen", "回头看: the problem came back; reopen for dispatch.",
            click.option("--reason", required=True))
def reopen(ctx, case_ref, user, at, expected_version, reason):
    _show(ctx, svc.reopen(ctx.store.uow(), user, case_ref, reason, at=parse_at(at),
                          expected_version=expected_version), "reopened")


@transition("reinspect", "回头看: record a re-inspection that found the fix holding.",
            click.option("--note", default=""), photo_opt)
def reinspect(ctx, case_ref, user, at, expected_version, note, photos):
    _show(ctx, svc.reinspect(ctx.store.uow(), user, case_ref, note, _photos(ctx, photos),
                             at=parse_at(at), expected_version=expected_version), "re-inspected")


@transition("reply", "回告: tell the citizen what was done.", click.option("--note", required=True))
def reply(ctx, case_ref, user, at, expected_version, note):
    _show(ctx, svc.reply(ctx.store.uow(), user, case_ref, note, at=parse_at(at),
                         expected_version=expected_version), "replied")


@transition("visit", "回访: the citizen's satisfaction.",
            click.option("--satisfaction", required=True,
                         type=click.Choice([s.value for s in Satisfaction])),
            click.option("--note", default=""))
def visit(ctx, case_ref, user, at, expected_version, satisfaction, note):
    _show(ctx, svc.visit(ctx.store.uow(), user, case_ref, satisfaction, note, at=parse_at(at),
                         expected_version=expected_version), "visited")


@transition("supervise", "督办: a supervision order on a case that drags.",
            click.option("--note", required=True))
def supervise(ctx, case_ref, user, at, expected_version, note):
    _show(ctx, svc.supervise(ctx.store.uow(), user, case_ref, note, at=parse_at(at),
                             expected_version=expected_version), "supervised")


@transition("place", "标定位置: give a case without a position (待定位), or one located "
            "roughly from its address, its point.",
            click.option("--x", type=float, help="Easting in the store's CRS (metres)."),
            click.option("--y", type=float, help="Northing in the store's CRS (metres)."),
            click.option("--lon", type=float, help="Longitude (with --lat and --coords)."),
            click.option("--lat", type=float),
            click.option("--coords", default="wgs84", show_default=True,
                         type=click.Choice(["wgs84", "cgcs2000", "gcj02", "bd09"])),
            click.option("--note", default=""))
def place(ctx, case_ref, user, at, expected_version, x, y, lon, lat, coords, note):
    from ..services.locating import place_case
    if lon is not None and lat is not None:
        from ..io.crs import lonlat_to_store
        x, y = (float(v) for v in lonlat_to_store(lon, lat, coords, ctx.store.srid))
    if x is None or y is None:
        raise click.UsageError("give --x/--y (store CRS) or --lon/--lat")
    _show(ctx, place_case(ctx.store.uow(), user, case_ref, x, y, note=note, at=parse_at(at),
                          expected_version=expected_version), "placed")


@case.command("show")
@click.argument("case_ref", metavar="CASE")
@click.option("--as", "user", help="Also list what this user may do now.")
@pass_ctx
def show(ctx, case_ref, user):
    """Every field, the audit trail and the allowed actions."""
    v = svc.view(ctx.store.uow(write=False), user, case_ref)
    data = case_to_dict(v.case, svc.now())
    data["events"] = [event_to_dict(e) for e in v.events]
    data["allowed_actions"] = [a.value for a in v.allowed]
    data["photos"] = [{"seq": s, "phase": p, "sha256": h} for s, p, h in v.photos]
    c = v.case
    lines = [f"case {c.number}  {c.state.value} ({c.state.label_zh})  version {c.version}",
             f"  class {c.class_code}  source {c.source.value}  cell {c.location.cell_code}",
             *([f"  position: 待定位 (no point yet){'; the address matched ' + c.locate_match if c.locate_match else ''}"]
               if not c.placed else
               [f"  located by {c.located_by.value} ({c.located_by.label_zh}): {c.locate_match}"
                f" (confidence {c.locate_confidence:.2f})"] if c.located_by
               and c.locate_confidence is not None else []),
             f"  reported {c.reported_at:%Y-%m-%d %H:%M}  deadline "
             f"{c.deadline_at:%Y-%m-%d %H:%M}" if c.deadline_at else
             f"  reported {c.reported_at:%Y-%m-%d %H:%M}",
             "  history:"]
    for e in v.events:
        lines.append(f"    {e.seq:>2} {e.at:%Y-%m-%d %H:%M} {e.action:<18} "
                     f"{(e.from_state.value if e.from_state else '-'):>12} → {e.to_state.value:<12}"
                     f" by #{e.actor_id} ({e.actor_role}) {e.reason}")
    if user:
        lines.append("  allowed for " + user + ": " + (", ".join(a.value for a in v.allowed)
                                                      or "nothing"))
    ctx.emit(data, "\n".join(lines))


@case.command("suggest")
@click.argument("case_ref", metavar="CASE")
@pass_ctx
def suggest(ctx, case_ref):
    """Units the ownership rule proposes for dispatch, best first."""
    ranked = svc.dispatch_suggestions(ctx.store.uow(write=False), case_ref)
    with ctx.store.uow(write=False) as uow:
        rows = []
        for s in ranked:
            a = s.assignee
            name = uow.people.get(a.person_id).name if a.person_id else \
                uow.people.department(a.department_id).name
            rows.append({"basis": s.basis, "department_id": a.department_id,
                         "person_id": a.person_id, "name": name})
    ctx.emit(rows, "\n".join(f"{i + 1}. {r['name']} ({r['basis']})" for i, r in enumerate(rows)))


@case.command("list")
@click.option("--state", "states", multiple=True)
@click.option("--class", "classes", multiple=True)
@click.option("--source", "sources", multiple=True)
@click.option("--street")
@click.option("--overdue", is_flag=True, help="Only cases past their deadline now.")
@click.option("--text")
@click.option("--unplaced", is_flag=True, help="Only cases without a position (待定位).")
@click.option("--limit", type=int, default=50, show_default=True)
@pass_ctx
def list_(ctx, states, classes, sources, street, overdue, text, unplaced, limit):
    """Cases matching the filters, newest first, with the total count."""
    q = CaseQuery(states=states or None, class_codes=classes or None, sources=sources or None,
                  street_code=street, overdue_at=svc.now() if overdue else None, text=text,
                  placed=False if unplaced else None, limit=limit)
    with ctx.store.uow(write=False) as uow:
        found = uow.cases.find(q)
        total = uow.cases.count(q)
    now = svc.now()
    ctx.emit({"total": total, "cases": [case_to_dict(c, now) for c in found]},
             "\n".join([f"{total} case(s)"] + [
                 f"{c.number} {c.reported_at:%Y-%m-%d %H:%M} {c.class_code} "
                 f"{c.state.label_zh:<6} {c.deadline_status(now).value:<8} {c.description[:30]}"
                 for c in found]))


COMMANDS = [case]
