"""`gridapp import history FILE --mapping map.toml`: an old system's cases with their history."""

from __future__ import annotations

from pathlib import Path

import click

from . import pass_ctx
from .auth import as_admin
from .data import ProgressLine, import_


@import_.command("history")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--mapping", "mapping_path", required=True,
              type=click.Path(exists=True, dir_okay=False), help="TOML mapping ([history]).")
@click.option("--as", "user", required=True, help="The administrator running the migration.")
@click.option("--sheet", help="XLSX sheet (default: the first).")
@click.option("--dry-run", is_flag=True, help="Check everything and report; write nothing.")
@pass_ctx
def import_history(ctx, path, mapping_path, user, sheet, dry_run):
    """Migrate an old system's cases: each timeline runs through the transition table."""
    from ..io.history import HistoryMapping, read_history
    from ..services.history import migrate_history
    as_admin(ctx, user)
    store = ctx.store
    mapping = HistoryMapping.read(mapping_path)
    with store.uow(write=False) as uow:
        catalog = uow.config.catalog()
    with ProgressLine() as progress:  # Ctrl-C cancels up to the commit
        progress(0, 1, f"reading {Path(path).name}")
        cases = read_history(path, mapping, catalog, store.srid, sheet)
        s = migrate_history(store.uow(), user, cases, Path(path).name, dry_run, progress)
    verb = "would migrate" if dry_run else "migrated"
    ctx.emit({"cases": s.cases, "events": s.events, "already_migrated": s.already_migrated,
              "people_created": s.people_created, "first_number": s.first_number,
              "last_number": s.last_number, "dry_run": dry_run},
             f"{verb} {s.cases:,} case(s) with {s.events:,} audit rows from {Path(path).name}"
             + (f" ({s.first_number} … {s.last_number})" if s.cases else "")
             + f"; {s.already_migrated:,} already in the store"
             + (f"; {len(s.people_created)} migrated account(s) made (inactive)"
                if s.people_created else "") + progress.saved_note())
