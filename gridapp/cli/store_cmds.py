"""`gridapp store check`, `gridapp backup`, `gridapp restore`: a store you can trust."""

from __future__ import annotations

import sys

import click

from . import pass_ctx


@click.group("store")
def store_group():
    """The store itself: its health (backups: `gridapp backup`, `gridapp restore`)."""


@store_group.command("check")
@pass_ctx
def store_check(ctx):
    """Full check: integrity, foreign keys, spatial indexes, geometries, schema, settings.

    PostGIS: also amcheck on every B-tree index and table when the extension can be used.
    Exit status 0 when sound, 1 when something is damaged.
    """
    from ..store.health import full_check
    store = ctx.store
    report = full_check(store)
    reason = store.wait_checked()
    data = report.to_dict() | {"read_only_reason": reason}
    lines = [f"{report.store}: " + ("sound" if report.ok else
                                    f"{len(report.problems())} problem(s)")]
    lines += ["  " + f.line() for f in report.findings]
    if reason and report.ok:
        lines.append(f"  note: {reason}")
    ctx.emit(data, "\n".join(lines))
    if not report.ok:
        sys.exit(1)


@click.command()
@click.option("--to", "folder", type=click.Path(file_okay=False),
              help="Folder of the backup (default: setting backup.folder, else a `backups` "
              "folder beside a SpatiaLite store).")
@click.option("--daily", is_flag=True, help="Only if there is no backup of today in the folder; "
              "then keep the newest per day (backup.keep_days) and per week (backup.keep_weeks) "
              "and remove the rest — what the client does by itself.")
@pass_ctx
def backup(ctx, folder, daily):
    """Back up the store while others go on working (online, consistent, checked)."""
    from pathlib import Path

    from ..store.backup import backup_if_due, default_folder, write_backup
    store = ctx.store
    if daily:
        outcome = backup_if_due(store, folder)
        ctx.emit({"written": str(outcome.written) if outcome.written else None,
                  "removed": [str(p) for p in outcome.removed], "problem": outcome.problem},
                 outcome.message)
        if not outcome.ok:
            sys.exit(1)
        return
    with store.uow(write=False) as uow:
        setting = uow.config.settings().backup.folder
    target = Path(folder) if folder else default_folder(store.engine.url, setting)
    result = write_backup(store, target)
    ctx.emit({"path": str(result.path), "taken_at": result.taken_at, "bytes": result.size,
              "sound": result.sound, "problem": result.problem},
             f"backup {result.path} ({result.size / 2**20:,.1f} MB), " +
             ("checked: sound" if result.sound else f"but it FAILED its check: {result.problem}"))
    if not result.sound:
        sys.exit(1)


@click.command()
@click.argument("backup_file", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace the store even while it is open elsewhere "
              "(what the others write afterwards is lost).")
@pass_ctx
def restore(ctx, backup_file, force):
    """Replace the store by BACKUP_FILE, after checking it; the old store is kept beside it."""
    from pathlib import Path

    from ..bootstrap import default_db
    from ..store.backup import restore as restore_store
    from ..store.db import normalize_url
    result = restore_store(normalize_url(ctx.db or default_db()), Path(backup_file), force)
    ctx.emit({"store": result.store, "backup": str(result.backup), "kept": result.kept},
             f"restored {result.store} from {result.backup}" +
             (f"; the store it replaced is kept as {result.kept}" if result.kept else ""))


COMMANDS = [store_group, backup, restore]
