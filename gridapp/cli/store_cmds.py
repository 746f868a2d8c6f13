"""`gridapp store check`, `gridapp backup`, `gridapp restore`: a store you can trust."""

from __future__ import annotations

import sys

import click

from . import pass_ctx


@click.group("store")
def store_group():
    """The store itself: its health."""


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


COMMANDS = [store_group]
