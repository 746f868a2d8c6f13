"""`gridapp audit verify`: is every audit row as it was written?"""

from __future__ import annotations

import sys

import click

from . import pass_ctx
from .data import ProgressLine


@click.group()
def audit():
    """The tamper-evident audit trail."""


@audit.command("verify")
@click.option("--all", "show_all", is_flag=True, help="List every damaged case, not 20.")
@pass_ctx
def audit_verify(ctx, show_all):
    """Check every case's hash chain, its replay and its record; name the first broken link."""
    from ..services.audit import verify
    report = verify(ctx.store.uow(write=False), ProgressLine())
    shown = report.problems if show_all else report.problems[:20]
    data = {"cases": report.cases, "rows": report.rows, "intact": report.intact,
            "problems": [str(p) for p in report.problems]}
    if report.intact:
        ctx.emit(data, f"audit trail intact: {report.cases:,} cases, {report.rows:,} rows")
        return
    lines = [f"audit trail BROKEN: {len(report.problems):,} problem(s) in {report.cases:,} "
             f"cases, {report.rows:,} rows; first broken link:"] + [f"  {p}" for p in shown]
    if len(shown) < len(report.problems):
        lines.append(f"  … and {len(report.problems) - len(shown):,} more (--all)")
    ctx.emit(data, "\n".join(lines))
    sys.exit(1)


COMMANDS = [audit]
