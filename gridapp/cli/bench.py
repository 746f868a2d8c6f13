"""`gridapp bench …`: performance figures, each next to a raw floor measured in the same run."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group(invoke_without_command=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Also write the figures as JSON.")
@click.option("--workdir", type=click.Path(file_okay=False), help="Where to build bench stores.")
@click.pass_context
def bench(ctx, out, workdir):
    """Run benchmarks (all of them without a sub-command)."""
    ctx.ensure_object(dict)
    ctx.obj = {"out": out, "workdir": workdir, "reports": [], "parent": ctx.obj}
    if ctx.invoked_subcommand is None:
        for name in ("store", "data"):
            ctx.invoke(bench.commands[name])
    ctx.call_on_close(lambda: _write(ctx.obj))


def _write(obj) -> None:
    if obj["out"] and obj["reports"]:
        Path(obj["out"]).write_text(json.dumps([r.as_dict() for r in obj["reports"]],
                                               ensure_ascii=False, indent=2))


@bench.command("store")
@click.option("--cells", type=int, default=100_000, show_default=True)
@click.option("--reports", type=int, default=2_000, show_default=True)
@click.option("--cases", type=int, default=500, show_default=True)
@click.option("--bulk", type=int, default=500_000, show_default=True)
@click.pass_obj
def store(obj, cells, reports, cases, bulk):
    """The closed loop on SpatiaLite: transitions, reports with ownership, bulk load."""
    from ..bench.store_bench import run
    click.echo("== store: closed loop on SpatiaLite")
    obj["reports"].append(run(cells, reports, cases, bulk, obj["workdir"]))


@bench.command("data")
@click.option("--polygons", type=int, default=100_000, show_default=True)
@click.option("--hotline", type=int, default=1_000_000, show_default=True)
@click.option("--demo", "demo_scale", type=click.Choice(["tiny", "district", "city"]),
              help="Also time generating this demo scale.")
@click.pass_obj
def data(obj, polygons, hotline, demo_scale):
    """Imports (polygons, hotline rows) against raw reads; unit grid; demo generation."""
    from ..bench.import_bench import run
    click.echo("== data: imports, unit grid, demo")
    obj["reports"].append(run(polygons, hotline, obj["workdir"], demo_scale))


COMMANDS = [bench]
