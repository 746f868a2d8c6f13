"""`gridapp soak`: leave the real window running while other workstations work, and check."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--minutes", type=float, default=2.0, show_default=True)
@click.option("--writers", type=int, default=4, show_default=True,
              help="Other workstations (processes) writing to the same store.")
@click.option("--scale", type=click.Choice(["tiny", "district"]), default="tiny",
              show_default=True, help="Demo district built when --db names no store yet.")
@click.option("--pause", type=float, default=0.4, show_default=True,
              help="Mean seconds between two actions of one other workstation.")
@click.option("--places", type=click.FloatRange(0, 1), default=0.15, show_default=True,
              help="Share of those actions that edit a place (street, cell, component) "
                   "with plain SQL as QGIS would; the rest report cases or move them on.")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--trace-memory", type=click.Path(dir_okay=False, path_type=Path),
              help="Trace Python's allocations after the warm-up and write where they grew "
                   "most to this file (slows the window a little).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report as JSON here.")
@click.pass_obj
def soak(ctx, minutes, writers, scale, pause, places, seed, out, trace_memory):
    """Soak the client: random use of the real window (threaded rendering, default layers)
    while WRITERS processes with skewed clocks report, transition and edit places; checks no
    crash, no unhandled exception, every change shown within 5 s, memory, integrity, replay.
    Exit status 1 when any check fails. A real window: run under `xvfb-run` with DISPLAY set;
    without DISPLAY it runs offscreen."""
    try:
        from ..ui.soak import run_soak
    except ImportError as exc:
        raise click.ClickException(f"the desktop client cannot start: {exc}") from exc
    report = run_soak(minutes * 60, writers, ctx.db, scale, seed, pause, out,
                      progress=click.echo, places=places, trace_memory=trace_memory)
    for line in report.lines():
        click.echo(line)
    for text in report.missed[:10] + report.exceptions[:5] + report.replay_failures[:10]:
        click.echo(f"  {text}")
    raise SystemExit(0 if report.ok else 1)


COMMANDS = [soak]
