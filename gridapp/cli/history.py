"""`gridapp import history FILE --mapping map.toml`: an old system's cases with their history."""

from __future__ import annotations

from pathlib import Path

import click

from . import pass_ctx
from .auth import as_admin
from .data import ProgressLine, _mapping, _save_report, import_


@import_.command("history")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--mapping", "mapping_ref", required=True, help="Mapping file (.toml, kind = "
              "\"history\") or the name of a mapping saved in the store.")
@click.option("--as", "user", required=True, help="The administrator running the migration.")
@click.option("--sheet", help="XLSX sheet (default: the first).")
@click.option("--save-mapping", "save_as", help="Keep the mapping in the store under this name.")
@click.option("--report", "report_to", type=click.Path(dir_okay=False),
              help="Write every problem to this CSV (default: beside the file, when there "
              "are more than fit the screen).")
@click.option("--dry-run", is_flag=True, help="Check everything and report; write nothing.")
@pass_ctx
def import_history(ctx, path, mapping_ref, user, sheet, save_as, report_to, dry_run):
    """Migrate an old system's cases: each timeline runs through the transition table."""
    from ..io.errors import ImportRejected
    from ..io.history import migrate_file
    as_admin(ctx, user)
    store = ctx.store
    mapping = _mapping(store, mapping_ref)
    try:
        with ProgressLine() as progress:  # Ctrl-C cancels up to the commit
            read, s = migrate_file(store, path, mapping, user, dry_run=dry_run,
                                   progress=progress, sheet=sheet)
    except ImportRejected as exc:
        _save_report(exc, path, report_to)
        raise
    if save_as and not dry_run:
        mapping.name = save_as
        with store.uow() as uow:
            uow.config.save_preset(save_as, mapping.to_dict())
            uow.commit()
    verb = "would migrate" if dry_run else "migrated"
    ctx.emit({"cases": s.cases, "events": s.events, "already_migrated": s.already_migrated,
              "people_created": s.people_created, "first_number": s.first_number,
              "last_number": s.last_number, "dry_run": dry_run, "notes": read.notes},
             f"{verb} {s.cases:,} case(s) with {s.events:,} audit rows from {Path(path).name}"
             + (f" ({s.first_number} … {s.last_number})" if s.cases else "")
             + f"; {s.already_migrated:,} already in the store"
             + (f"; {len(s.people_created)} migrated account(s) "
                f"{'to be made' if dry_run else 'made'} (inactive)" if s.people_created else "")
             + "".join(f"\nnote: {n}" for n in read.notes)
             + (f"\nmapping saved as {save_as!r}" if save_as and not dry_run else "")
             + progress.saved_note())
