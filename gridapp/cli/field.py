"""`gridapp field`: QField packages out and back, and the conflicts they bring."""

from __future__ import annotations

from pathlib import Path

import click

from . import pass_ctx
from .auth import authenticate


@click.group()
def field():
    """外业包: QField packages for road chiefs, grid workers and handlers."""


@field.command("export")
@click.option("--for", "person", required=True, help="Whose package (user name).")
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Folder the package folder is made in.")
@click.option("--as", "user", required=True, help="The person himself, or an administrator.")
@pass_ctx
def field_export(ctx, person, out, user):
    """A folder QField opens as it is: his segments or cells, open cases with photos,
    nearby components, the offline basemap and forms for what his role may do."""
    from ..io.field_package import export_package
    authenticate(ctx, user)
    info = export_package(ctx.store, person, Path(out), user)
    ctx.emit({"package": info.id, "folder": str(info.folder), "project": str(info.project),
              "cases": info.cases, "photos": info.photos, "segments": info.segments,
              "cells": info.cells, "components": info.components,
              "edit_layers": list(info.edit_layers), "basemap_tiles": info.basemap_tiles},
             f"wrote {info.folder} (package {info.id}): {info.cases} open case(s), "
             f"{info.photos} photo(s), {info.segments} segment(s), {info.cells} cell(s), "
             f"{info.components} component(s), forms: {', '.join(info.edit_layers)}; "
             f"copy the folder to the phone and open {info.project.name} in QField")


@field.command("import")
@click.argument("folder", type=click.Path(file_okay=False, exists=True))
@click.option("--as", "user", required=True,
              help="The person whose package it is, or a dispatcher / shift leader / admin.")
@pass_ctx
def field_import(ctx, folder, user):
    """Merge a package back: each edit an action of the closed loop; conflicts held."""
    from ..io.field_import import import_package
    authenticate(ctx, user)
    r = import_package(ctx.store, Path(folder), user)
    lines = [f"package {r.package} ({r.person}): {len(r.applied)} applied, "
             f"{len(r.conflicts)} conflict(s) held, {len(r.refused)} refused, "
             f"{r.skipped} already merged"]
    for c in r.conflicts:
        lines.append(f"  conflict {c['edit']}: {c['action']} of case {c['number']} "
                     f"(now {c['state']}) — decide with `gridapp field decide {r.package} "
                     f"{c['edit']} --accept|--drop`")
    for c in r.refused:
        lines.append(f"  refused {c['edit']}: {c['message']}")
    ctx.emit({"package": r.package, "person": r.person, "applied": r.applied,
              "conflicts": r.conflicts, "refused": r.refused, "skipped": r.skipped},
             "\n".join(lines))


@field.command("conflicts")
@click.option("--all", "show_all", is_flag=True, help="Every merged edit, not only conflicts.")
@pass_ctx
def field_conflicts(ctx, show_all):
    """Field edits held for a decision (a case changed at the command room meanwhile)."""
    from ..store import field as fq
    with ctx.store.read() as conn:
        rows = fq.edits(conn, None if show_all else "conflict")
    lines = [f"{d['package_id']} {d['edit_id']:<12} {d['status']:<9} {d['action']:<12} "
             f"case {d['case_id'] or '-'}  {d['field_time'] or ''}  {d['message']}"
             for d in rows] or ["no field conflicts held"]
    ctx.emit(rows, "\n".join(lines))


@field.command("decide")
@click.argument("package")
@click.argument("edit")
@click.option("--accept/--drop", required=True,
              help="Accept the field edit as a new action now, or drop it.")
@click.option("--as", "user", required=True, help="A dispatcher, shift leader or leader.")
@pass_ctx
def field_decide(ctx, package, edit, accept, user):
    """Decide a held conflict."""
    from ..io.field_import import decide
    authenticate(ctx, user)
    d = decide(ctx.store, package, edit, accept, user)
    ctx.emit({k: v for k, v in d.items() if k != "data"},
             f"{edit}: {d['status']} ({d['action']} of case id {d['case_id']})")


COMMANDS = [field]
