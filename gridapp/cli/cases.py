"""`gridapp case …`: every verb of the loop, generated from the action specs; show and list."""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.actions import SPECS, Action, ActionSpec, Input, Kind
from ..io.serialize import case_to_dict, event_to_dict
from ..services import cases as svc
from ..services.photos import add_photo
from ..services.ports import CaseQuery
from . import Context, pass_ctx
from .auth import authenticate


@click.group("case")
def case():
    """Report, register, dispatch, … a case; show and list cases."""


def _now(ctx):
    """The store's clock (deadline states are judged by it, as the actions were stamped)."""
    with ctx.store.uow(write=False) as uow:
        return uow.now()


def _show(ctx, outcome, verb: str) -> None:
    c = outcome.case
    data = case_to_dict(c, _now(ctx))
    data["events"] = [event_to_dict(e) for e in outcome.events]
    line = f"{verb}: case {c.number} is now {c.state.value} ({c.state.label_zh}), version {c.version}"
    if c.deadline_at and c.state.is_handling:
        line += f", deadline {c.deadline_at:%Y-%m-%d %H:%M}"
    if getattr(outcome, "duplicate_of", None):
        line += f"; duplicate of {outcome.duplicate_of.number}"
        data["duplicate_of_number"] = outcome.duplicate_of.number
    elif c.duplicate_of:
        with ctx.store.uow(write=False) as uow:
            number = uow.cases.get(c.duplicate_of).number
        line += f"; duplicate of {number}"
        data["duplicate_of_number"] = number
    if getattr(outcome, "duplicate_candidates", None):
        nums = [d.number for d in outcome.duplicate_candidates]
        line += f"; possible duplicates: {', '.join(nums)}"
        data["duplicate_candidates"] = nums
    ctx.emit(data, line)


def _photos(ctx, paths) -> list[str]:
    return [add_photo(ctx.store.uow(), Path(p).read_bytes(), Path(p).name) for p in paths]


# ---- options from inputs, by kind ----------------------------------------------------------

def _options(inp: Input, required: bool) -> list[click.Option]:
    """The click options that give one input."""
    opt, name = inp.cli_option, inp.name
    help_ = inp.help or f"{inp.label_en} ({inp.label_zh})."
    match inp.kind:
        case Kind.PHOTOS:
            return [click.Option([opt, name], multiple=True, help=help_,
                                 type=click.Path(exists=True, dir_okay=False))]
        case Kind.CHOICE:
            return [click.Option([opt, name], required=required, help=help_,
                                 type=click.Choice([c[0] for c in inp.choices]))]
        case Kind.ASSIGNEE:
            return [click.Option(["--department"], help="Department code."),
                    click.Option(["--road-chief"], help="Road chief's user name.")]
        case Kind.COORD:
            extra = [] if name != "x" else [
                click.Option(["--lon"], type=float, help="Longitude (with --lat and --coords)."),
                click.Option(["--lat"], type=float),
                click.Option(["--coords"], default="wgs84", show_default=True,
                             type=click.Choice(["wgs84", "cgcs2000", "gcj02", "bd09"]),
                             help="System of --lon/--lat (hotline exports are often GCJ-02).")]
            return [click.Option([opt, name], type=float, help=help_), *extra]
        case _:
            return [click.Option([opt, name], required=required, help=help_)]


def _inputs_of(specs: list[ActionSpec]) -> list[tuple[Input, bool]]:
    """The union of the inputs of actions sharing a verb; required only if all require it."""
    seen: dict[str, tuple[Input, bool]] = {}
    for spec in specs:
        for inp in spec.inputs:
            first, req = seen.get(inp.name, (inp, True))
            seen[inp.name] = (first, req and inp.required)
    for name, (inp, _req) in list(seen.items()):
        if any(s.input(name) is None for s in specs):
            seen[name] = (inp, False)
    return list(seen.values())


def _values(ctx, specs: list[ActionSpec], kw: dict) -> dict:
    """The service's inputs from the parsed options (photos stored, lon/lat converted)."""
    values = {}
    for inp, _ in _inputs_of(specs):
        if inp.kind is Kind.ASSIGNEE:
            dept, chief = kw.pop("department", None), kw.pop("road_chief", None)
            if dept and chief:
                raise click.UsageError("dispatch to --department or to --road-chief, not both")
            values["assignee"] = ("department", dept) if dept else \
                ("road_chief", chief) if chief else None
        elif inp.kind is Kind.PHOTOS:
            values["photos"] = _photos(ctx, kw.pop(inp.name, ()))
        else:
            values[inp.name] = kw.pop(inp.name, None)
    if "x" in values:
        lon, lat, coords = kw.pop("lon", None), kw.pop("lat", None), kw.pop("coords", "wgs84")
        if lon is not None and lat is not None:
            from ..io.crs import lonlat_to_store
            values["x"], values["y"] = (float(v) for v in
                                        lonlat_to_store(lon, lat, coords, ctx.store.srid))
        needed = any(inp.name == "x" and req for inp, req in _inputs_of(specs))
        given = [values.get("x") is not None, values.get("y") is not None]
        if (needed and not all(given)) or any(given) != all(given):
            raise click.UsageError("give --x/--y (store CRS) or --lon/--lat")
        if all(given) and "address" in values and not values.get("address") and \
                specs[0].action is Action.REPORT:
            from ..app.addresses import address_at  # the address of the point, as typed
            values["address"] = address_at(ctx.store, values["x"], values["y"]).text
    return {k: v for k, v in values.items() if v is not None}


def _command(verb: str, specs: list[ActionSpec]) -> click.Command:
    """`case VERB [CASE] --as USER …` performing the spec's action (or one of two by flag)."""
    report = specs[0].action is Action.REPORT
    params: list[click.Parameter] = []
    if not report:
        params.append(click.Argument(["case_ref"], metavar="CASE"))
    params.append(click.Option(["--as", "user"], required=True, help="User name of whoever acts."))
    if not report:
        params.append(click.Option(["--expected-version"], type=int, help="Refuse if the case "
                                   "is no longer at this version (stale write)."))
    flag = specs[0].flag
    if flag:
        params.append(click.Option([flag[0], "flag"], required=True, default=None))
    for inp, req in _inputs_of(specs):
        params.extend(_options(inp, req))

    def run(**kw) -> None:
        ctx = click.get_current_context().find_object(Context)
        action = specs[0].action
        if flag:
            chosen = kw.pop("flag")
            action = next(s.action for s in specs if s.flag and s.flag[1] == chosen)
        user = authenticate(ctx, kw.pop("user"))
        case_ref = kw.pop("case_ref", None)
        version = kw.pop("expected_version", None)
        values = _values(ctx, specs, kw)
        out = svc.perform(ctx.store.uow(), user, case_ref, action, expected_version=version,
                          **values)
        _show(ctx, out, SPECS[action].label_en)
    return click.Command(verb, params=params, callback=run, help=specs[0].help)


def _verbs() -> dict[str, list[ActionSpec]]:
    by_verb: dict[str, list[ActionSpec]] = {}
    for spec in SPECS.values():
        by_verb.setdefault(spec.verb, []).append(spec)
    return by_verb


for _verb, _specs in _verbs().items():
    case.add_command(_command(_verb, _specs))


# ---- reading ------------------------------------------------------------------------------

@case.command("show")
@click.argument("case_ref", metavar="CASE")
@click.option("--as", "user", help="Also list what this user may do now.")
@pass_ctx
def show(ctx, case_ref, user):
    """Every field, the audit trail and the allowed actions."""
    v = svc.view(ctx.store.uow(write=False), user, case_ref)
    data = case_to_dict(v.case, _now(ctx))
    data["events"] = [event_to_dict(e) for e in v.events]
    data["allowed_actions"] = [a.value for a in v.allowed]
    data["photos"] = [{"seq": s, "phase": p, "sha256": h} for s, p, h in v.photos]
    c = v.case
    if c.duplicate_of:
        with ctx.store.uow(write=False) as uow:
            data["duplicate_of_number"] = uow.cases.get(c.duplicate_of).number
    lines = [f"case {c.number}  {c.state.value} ({c.state.label_zh})  version {c.version}",
             *([f"  duplicate of {data['duplicate_of_number']}"] if c.duplicate_of else []),
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
                     f" by #{e.actor_id} ({e.actor_role}) {e.reason}"
                     + (f"  [migrated: {_origin(e.data)}]" if "migrated" in e.data else ""))
    if user:
        lines.append("  allowed for " + user + ": " + (", ".join(a.value for a in v.allowed)
                                                      or "nothing"))
    ctx.emit(data, "\n".join(lines))


def _origin(data: dict) -> str:
    m = data.get("migrated") or {}
    return f"{m.get('source', '?')} row {m.get('row', '?')}"


@case.command("sheet")
@click.argument("case_ref", metavar="CASE")
@click.option("--out", "out", type=click.Path(dir_okay=False), help="The PDF to write "
              "(default: 案件处理单-NUMBER.pdf here).")
@click.option("--as", "user", required=True, help="Who prints it (named on the sheet).")
@pass_ctx
def sheet(ctx, case_ref, out, user):
    """案件处理单: the case on one A4 page (fields, map, photos, timeline, signatures)."""
    from ..io.case_sheet import case_sheet
    user = authenticate(ctx, user)
    with ctx.store.uow(write=False) as uow:
        number = svc.resolve_case(uow, case_ref).number
        name = uow.people.by_username(user).name
    path = Path(out or f"案件处理单-{number}.pdf")
    case_sheet(ctx.store, case_ref, path, printed_by=name)
    ctx.emit({"number": number, "path": str(path)}, f"case {number}: sheet written to {path}")


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
    now = _now(ctx)
    q = CaseQuery(states=states or None, class_codes=classes or None, sources=sources or None,
                  street_code=street, overdue_at=now if overdue else None, text=text,
                  placed=False if unplaced else None, limit=limit)
    with ctx.store.uow(write=False) as uow:
        found = uow.cases.find(q)
        total = uow.cases.count(q)
    ctx.emit({"total": total, "cases": [case_to_dict(c, now) for c in found]},
             "\n".join([f"{total} case(s)"] + [
                 f"{c.number} {c.reported_at:%Y-%m-%d %H:%M} {c.class_code} "
                 f"{c.state.label_zh:<6} {c.deadline_status(now).value:<8} {c.description[:30]}"
                 for c in found]))


COMMANDS = [case]
