"""`gridapp init`, people, departments, assignments, catalog, calendar, settings."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

import click

from ..domain.calendar import WorkCalendar, parse_periods
from ..domain.catalog import TimeLimit
from ..domain.people import AssignmentKind, Role
from ..services import admin
from . import pass_ctx
from .auth import as_admin, authenticate


@click.command()
@click.option("--crs", default="EPSG:4547", show_default=True,
              help="Projected CRS of the store (metres), e.g. the local CGCS2000 GK zone.")
@click.option("--district-code", default="")
@click.option("--district-name", default="")
@click.option("--owner-role", help="PostGIS: the role owning the schema (default <db>_owner).")
@click.option("--workstation-role", help="PostGIS: the role workstations log in as (default "
              "<db>_workstation); its password from GRIDAPP_WORKSTATION_PASSWORD or a prompt.")
@pass_ctx
def init(ctx, crs, district_code, district_name, owner_role, workstation_role):
    """Create an empty store with the default catalog, departments and calendar.

    The password of user `admin` comes from GRIDAPP_ADMIN_PASSWORD or a hidden prompt, never
    from the command line. On PostGIS, also creates the owner and workstation roles.
    """
    from pyproj import CRS

    from ..bootstrap import create_store, default_db
    from ..store.store import _safe
    c = CRS.from_user_input(crs)
    if not c.is_projected:
        raise click.BadParameter(f"{crs} is not a projected CRS in metres", param_hint="--crs")
    admin_password = new_password("GRIDAPP_ADMIN_PASSWORD", "password of user admin")
    store = create_store(ctx.db or default_db(), c.to_epsg(), admin_password, district_code,
                         district_name)
    data = {"db": _safe(store.url), "srid": store.srid, "revision": store.revision}
    line = f"created store {_safe(store.url)} (EPSG:{store.srid}, schema {store.revision})"
    if store.backend == "postgresql":
        from ..store.roles import default_roles, secure
        owner, ws = default_roles(store.engine)
        owner, ws = owner_role or owner, workstation_role or ws
        secure(store.engine, owner, ws, new_password("GRIDAPP_WORKSTATION_PASSWORD",
                                                     f"password of the database role {ws}"))
        ws_url = store.engine.url.set(username=ws, password=None)
        data.update(owner_role=owner, workstation_role=ws,
                    workstation_url=ws_url.render_as_string(hide_password=True))
        line += (f"\nroles: {owner} owns the schema; workstations connect as "
                 f"{data['workstation_url']} (with the password just set)")
    ctx.emit(data, line)


def new_password(env: str, what: str) -> str:
    """A new password from `env`, else typed twice at a hidden prompt; never an argument."""
    import os
    value = os.environ.get(env)
    if value:
        return value
    return click.prompt(what.capitalize(), hide_input=True, confirmation_prompt=True)


@click.group()
def dept():
    """Departments (专业部门, street offices, owners)."""


@dept.command("add")
@click.argument("code")
@click.argument("name")
@click.option("--kind", type=click.Choice(["professional", "street", "other"]),
              default="professional")
@click.option("--street-code")
@click.option("--as", "user", required=True, help="The administrator.")
@pass_ctx
def dept_add(ctx, code, name, kind, street_code, user):
    """Add a department (专业部门, street office, owner)."""
    as_admin(ctx, user)
    d = admin.add_department(ctx.store.uow(), code, name, kind, street_code)
    ctx.emit(asdict(d), f"department {d.code} (#{d.id})")


@dept.command("list")
@pass_ctx
def dept_list(ctx):
    with ctx.store.uow(write=False) as uow:
        rows = uow.people.departments()
    ctx.emit([{"id": d.id, "code": d.code, "name": d.name, "kind": d.kind,
               "street_code": d.street_code} for d in rows],
             "\n".join(f"{d.code:<22} {d.kind:<12} {d.name}" for d in rows))


@click.group()
def person():
    """People and their roles."""


@person.command("add")
@click.argument("username")
@click.option("--name", required=True)
@click.option("--role", "roles", multiple=True, required=True,
              type=click.Choice([r.value for r in Role]))
@click.option("--dept", "department")
@click.option("--as", "user", required=True, help="The administrator.")
@pass_ctx
def person_add(ctx, username, name, roles, department, user):
    """Add a person; the login password from GRIDAPP_NEW_PASSWORD or a hidden prompt."""
    as_admin(ctx, user)
    password = new_password("GRIDAPP_NEW_PASSWORD", f"password of {username}")
    p = admin.add_person(ctx.store.uow(), username, name, roles, department, password)
    ctx.emit({"id": p.id, "username": p.username, "roles": sorted(p.roles)},
             f"person {p.username} (#{p.id}): {', '.join(sorted(p.roles))}")


@person.command("passwd")
@click.argument("username")
@click.option("--as", "user", help="An administrator resetting USERNAME's password; without "
              "it, USERNAME changes their own (their current password is asked).")
@pass_ctx
def person_passwd(ctx, username, user):
    """Set a new password (from GRIDAPP_NEW_PASSWORD or a hidden prompt, typed twice)."""
    if user:
        as_admin(ctx, user)
    else:
        authenticate(ctx, username)
    password = new_password("GRIDAPP_NEW_PASSWORD", f"new password of {username}")
    admin.set_password(ctx.store.uow(), username, password)
    ctx.emit({"username": username}, f"password of {username} changed")


@person.command("list")
@click.option("--role", type=click.Choice([r.value for r in Role]))
@pass_ctx
def person_list(ctx, role):
    with ctx.store.uow(write=False) as uow:
        people = uow.people.people_with_role(Role(role)) if role else \
            [p for r in Role for p in uow.people.people_with_role(r)]
    seen, rows = set(), []
    for p in people:
        if p.id not in seen:
            seen.add(p.id)
            rows.append({"id": p.id, "username": p.username, "name": p.name,
                         "roles": sorted(p.roles), "department_id": p.department_id})
    ctx.emit(rows, "\n".join(f"{r['username']:<16} {r['name']:<8} {','.join(r['roles'])}"
                             for r in rows))


@click.command()
@click.argument("kind", type=click.Choice(["road-chief", "grid-worker", "department"]))
@click.argument("target")
@click.argument("who")
@click.option("--from", "valid_from", help="Valid from (ISO), default now.")
@click.option("--as", "user", required=True, help="The administrator.")
@pass_ctx
def assign(ctx, kind, target, who, valid_from, user):
    """Make WHO responsible for TARGET from now (the previous holder's period ends).

    road-chief SEGMENT_CODE USER | grid-worker CELL_CODE USER | department CLASS DEPT_CODE
    """
    as_admin(ctx, user)
    k = {"road-chief": AssignmentKind.ROAD_CHIEF_SEGMENT,
         "grid-worker": AssignmentKind.GRID_WORKER_CELL,
         "department": AssignmentKind.DEPARTMENT_CLASS}[kind]
    a = admin.assign(ctx.store.uow(), k, target, person=None if kind == "department" else who,
                     department=who if kind == "department" else None,
                     valid_from=ctx.local(valid_from))
    ctx.emit({"id": a.id, "kind": a.kind.value, "target": a.target_code,
              "valid_from": a.valid_from}, f"{kind} {target} → {who} from {a.valid_from}")


@click.group()
def catalog():
    """The classification catalog (部件/事件 classes, departments, deadlines)."""


@catalog.command("list")
@click.option("--version", type=int, help="An older version (default: current).")
@pass_ctx
def catalog_list(ctx, version):
    with ctx.store.uow(write=False) as uow:
        cat = uow.config.catalog(version)
    rows = [{"code": c.code, "kind": c.kind.value, "large": c.large_name, "name": c.name,
             "department": c.department_code, "limit": str(c.time_limit), "active": c.active,
             "register_condition": c.register_condition, "close_condition": c.close_condition}
            for c in cat]
    ctx.emit({"version": cat.version, "classes": rows},
             f"catalog version {cat.version}, {len(rows)} classes\n" + "\n".join(
                 f"{r['code']} {r['large']:<5} {r['name']:<12} {r['limit']:<10} {r['department']}"
                 for r in rows))


@catalog.command("versions")
@pass_ctx
def catalog_versions(ctx):
    with ctx.store.uow(write=False) as uow:
        rows = uow.config.catalog_versions()
    ctx.emit([{"version": v, "created_at": t, "note": n} for v, t, n in rows],
             "\n".join(f"v{v} {t:%Y-%m-%d %H:%M} {n}" for v, t, n in rows))


@catalog.command("edit")
@click.argument("code")
@click.option("--as", "user", required=True)
@click.option("--limit", help="New time limit, e.g. 4h or 20d.")
@click.option("--department")
@click.option("--name")
@click.option("--active/--inactive", default=None)
@click.option("--note", default="")
@pass_ctx
def catalog_edit(ctx, code, user, limit, department, name, active, note):
    """Change one class; saved as a new catalog version (old cases keep their deadlines)."""
    as_admin(ctx, user)
    if limit:
        TimeLimit.parse(limit)
    v = admin.edit_class(ctx.store.uow(), user, code, limit=limit, department=department,
                         name=name, active=active, note=note)
    ctx.emit({"version": v}, f"catalog version {v} saved")


@catalog.command("export")
@click.argument("path", type=click.Path(dir_okay=False))
@pass_ctx
def catalog_export(ctx, path):
    from ..io.catalog import write_catalog
    with ctx.store.uow(write=False) as uow:
        cat = uow.config.catalog()
    write_catalog(Path(path), cat)
    ctx.emit({"path": path, "version": cat.version}, f"wrote {len(cat)} classes to {path}")


@catalog.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--as", "user", required=True)
@click.option("--note", default="")
@pass_ctx
def catalog_import(ctx, path, user, note):
    """Replace the catalog from a CSV (as exported); saved as a new version."""
    as_admin(ctx, user)
    from ..io.catalog import read_catalog
    v = admin.save_catalog(ctx.store.uow(), user, read_catalog(Path(path)),
                           note or f"import {Path(path).name}")
    ctx.emit({"version": v}, f"catalog version {v} saved")


@click.group()
def calendar():
    """The work calendar: working hours, weekend, holidays, make-up days (调休)."""


def _calendar(ctx) -> WorkCalendar:
    with ctx.store.uow(write=False) as uow:
        return uow.config.calendar()


@calendar.command("show")
@click.option("--year", type=int, default=date.today().year, show_default=True)
@pass_ctx
def calendar_show(ctx, year):
    cal = _calendar(ctx)
    hol = sorted(d for d in cal.holidays if d.year == year)
    work = sorted(d for d in cal.workdays if d.year == year)
    periods = ",".join(f"{s:%H:%M}-{e:%H:%M}" for s, e in cal.periods)
    ctx.emit({"periods": periods, "weekend": sorted(cal.weekend), "holidays": hol,
              "workdays": work},
             f"hours {periods} ({cal.minutes_per_day} min/day); weekend {sorted(cal.weekend)}\n"
             f"holidays {year}: {', '.join(map(str, hol)) or '-'}\n"
             f"make-up workdays {year}: {', '.join(map(str, work)) or '-'}")


def _save(ctx, user, cal, names=None) -> None:
    admin.save_calendar(ctx.store.uow(), user, cal, names)


@calendar.command("hours")
@click.argument("periods")
@click.option("--as", "user", required=True)
@pass_ctx
def calendar_hours(ctx, periods, user):
    """Set working periods, e.g. '08:30-12:00,14:00-17:30'."""
    as_admin(ctx, user)
    cal = _calendar(ctx)
    _save(ctx, user, WorkCalendar(parse_periods(periods), cal.weekend, cal.holidays,
                                  cal.workdays))
    ctx.emit({"periods": periods}, f"working hours set to {periods}")


@calendar.command("holiday")
@click.argument("day", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--as", "user", required=True)
@pass_ctx
def calendar_holiday(ctx, day, user):
    """Add a day off."""
    as_admin(ctx, user)
    cal = _calendar(ctx)
    d = day.date()
    _save(ctx, user, WorkCalendar(cal.periods, cal.weekend, cal.holidays | {d},
                                  cal.workdays - {d}))
    ctx.emit({"holiday": d}, f"{d} is now a holiday")


@calendar.command("workday")
@click.argument("day", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--as", "user", required=True)
@pass_ctx
def calendar_workday(ctx, day, user):
    """Add a make-up workday (调休)."""
    as_admin(ctx, user)
    cal = _calendar(ctx)
    d = day.date()
    _save(ctx, user, WorkCalendar(cal.periods, cal.weekend, cal.holidays - {d},
                                  cal.workdays | {d}))
    ctx.emit({"workday": d}, f"{d} is now a workday")


@calendar.command("deadline")
@click.argument("start")
@click.argument("limit")
@pass_ctx
def calendar_deadline(ctx, start, limit):
    """The deadline of LIMIT (4h, 20d) counted from START under this calendar."""
    cal = _calendar(ctx)
    t = datetime.fromisoformat(start)
    end = cal.add_working_minutes(t, TimeLimit.parse(limit).working_minutes(cal.minutes_per_day))
    ctx.emit({"start": t, "limit": limit, "deadline": end}, f"{end:%Y-%m-%d %H:%M}")


@click.group()
def settings():
    """Rules that depend on the district: warning share, road tolerance, duplicates."""


@settings.command("show")
@pass_ctx
def settings_show(ctx):
    with ctx.store.uow(write=False) as uow:
        s = uow.config.settings()
    ctx.emit(s.to_dict(), json.dumps(s.to_dict(), ensure_ascii=False, indent=2))


@settings.command("set", context_settings={"ignore_unknown_options": True})
@click.argument("key")
@click.argument("value")
@click.option("--as", "user", required=True)
@pass_ctx
def settings_set(ctx, key, value, user):
    """Set KEY (e.g. warning_share, road_tolerance_m, duplicates.radius_m) to VALUE.

    Each setting has a type and a range (`gridapp.domain.settings.SPECS`); anything else is
    refused with one line naming the key, its type and its range.
    """
    as_admin(ctx, user)
    with ctx.store.uow(write=False) as uow:
        changed = uow.config.settings().with_value(key, value)
    admin.save_settings(ctx.store.uow(), user, changed)
    ctx.emit(changed.to_dict(), f"{key} = {changed.get(key)}")


COMMANDS = [init, dept, person, assign, catalog, calendar, settings]
