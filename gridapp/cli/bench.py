"""`gridapp bench …`: performance figures, each next to a raw floor measured in the same run."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group(invoke_without_command=True)
@click.option("--json", "--out", "out", type=click.Path(dir_okay=False),
              help="Also write the figures (with floors, ratios, load) as JSON to this file.")
@click.option("--compare", "previous", type=click.Path(exists=True, dir_okay=False),
              help="An earlier run's JSON: print the change of every figure against it.")
@click.option("--workdir", type=click.Path(file_okay=False), help="Where to build bench stores.")
@click.pass_context
def bench(ctx, out, previous, workdir):
    """Run benchmarks (all of them without a sub-command)."""
    parent = ctx.parent.obj if ctx.parent is not None else None  # the --db of `gridapp`
    prev = None
    if previous:
        try:
            prev = json.loads(Path(previous).read_text(encoding="utf-8"))
            if not isinstance(prev, list) or not all(isinstance(r, dict) for r in prev):
                raise ValueError("expected the list that --json writes")
        except (ValueError, OSError) as exc:
            raise click.BadParameter(f"{previous}: not a bench JSON file ({exc})",
                                     param_hint="--compare") from None
    ctx.obj = {"out": out, "workdir": workdir, "reports": [], "parent": parent, "prev": prev}
    if ctx.invoked_subcommand is None:
        for name in ("store", "data"):
            ctx.invoke(bench.commands[name])
    ctx.call_on_close(lambda: _write(ctx.obj))


def _write(obj) -> None:
    current = [r.as_dict() for r in obj["reports"]]
    if obj["out"] and current:
        Path(obj["out"]).write_text(json.dumps(current, ensure_ascii=False, indent=2))
    if obj["prev"] is not None and current:
        from ..bench import compare
        lines = compare(obj["prev"], current)
        click.echo("== change against the earlier run")
        click.echo("\n".join(lines) if lines else "  no figure of this run is in that file")


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
@click.option("--hotline-cells", type=int, default=100_000, show_default=True,
              help="Unit grid cells of the store the hotline rows go into.")
@click.option("--grid/--no-grid", default=True, show_default=True,
              help="Also time building a district's unit grid.")
@click.option("--demo", "demo_scale", type=click.Choice(["tiny", "district", "city"]),
              help="Also time generating this demo scale.")
@click.option("--live-index-floor", is_flag=True,
              help="Also time the earlier 12345 floor (indexes updated row by row).")
@click.pass_obj
def data(obj, polygons, hotline, hotline_cells, grid, demo_scale, live_index_floor):
    """Imports (polygons, hotline rows) against their raw floors; unit grid; demo generation."""
    from ..bench.import_bench import run
    click.echo("== data: imports, unit grid, demo")
    obj["reports"].append(run(polygons, hotline, obj["workdir"], demo_scale, hotline_cells,
                              grid, live_index_floor))


@bench.command("patrols")
@click.option("--people", type=int, default=600, show_default=True)
@click.option("--segments", type=int, default=16_000, show_default=True)
@click.option("--hours", type=float, default=8.0, show_default=True)
@click.pass_obj
def patrols(obj, people, segments, hours):
    """A day of 1 Hz tracks matched to segments, against a bare STRtree query."""
    from ..bench.field_bench import run_patrols
    click.echo("== patrols: tracks matched to segments")
    obj["reports"].append(run_patrols(people, segments, hours))


@bench.command("field")
@click.option("--cases", type=int, default=500, show_default=True)
@click.option("--edits", type=int, default=500, show_default=True)
@click.pass_obj
def field_packages(obj, cases, edits):
    """A road chief's field package out, 500 edits merged back."""
    from ..bench.field_bench import run_field
    click.echo("== field: packages out and back")
    obj["reports"].append(run_field(cases, edits, obj["workdir"]))


@bench.command("history")
@click.option("--cases", type=int, default=100_000, show_default=True)
@click.option("--cells", type=int, default=10_000, show_default=True)
@click.pass_obj
def history(obj, cases, cells):
    """History migration (rules, audit seals, bulk write) beside a bulk insert of its rows."""
    from ..bench.history_bench import run
    click.echo("== history: migration through the transition table")
    obj["reports"].append(run(cases, cells, obj["workdir"]))


@bench.command("map")
@click.option("--width", type=int, default=1280, show_default=True)
@click.option("--height", type=int, default=960, show_default=True)
@click.option("--only", "only", type=click.Choice(["8"]),
              help="Only this target: 8 = opening the store, the first time (building the "
                   "map cache) and with its cache.")
@click.pass_obj
def map_(obj, width, height, only):
    """The map canvas on the store given by --db (map targets 1-5, 8, 9).

    Use a city-scale demo for the targets: `gridapp --db city.sqlite demo --scale city`.
    """
    try:
        from ..ui.map_bench import run
    except ImportError as exc:
        raise click.ClickException(f"the desktop client is not installed: {exc}") from exc
    db = getattr(obj["parent"], "db", None)  # None: the demo store
    click.echo(f"== map: {db or 'demo store'}, {width}×{height} offscreen")
    obj["reports"].append(run(db, width, height, obj["workdir"],
                              {int(only)} if only else None))


@bench.command("analysis")
@click.option("--period", help="The month to judge (default: the last full month of cases).")
@click.option("--in-place", is_flag=True,
              help="PostGIS: bench in the store itself (it issues two months' bulletins there).")
@click.pass_obj
def analysis(obj, period, in_place):
    """Indicators, a year's trend and the bulletin on the store given by --db.

    The bulletin bench issues bulletins (kept in the store for the next 上期): a SpatiaLite
    store is benched on a copy in --workdir (or a temporary folder), never changed."""
    import tempfile
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from ..bench.analysis_bench import run
    from ..bootstrap import default_db, open_store
    from ..domain.period import Period
    from ..store.backup import sqlite_copy
    from ..store.db import is_sqlite, normalize_url
    db = getattr(obj["parent"], "db", None)
    url = normalize_url(db or default_db())
    click.echo(f"== analysis: {db or 'demo store'}")
    source = Path(make_url(url).database) if is_sqlite(url) else None
    if source is None and not in_place:
        raise click.ClickException(
            "bench analysis issues bulletins into the store it measures: give --in-place to "
            "bench a PostGIS store itself (a scratch database), or bench a SpatiaLite copy")
    with tempfile.TemporaryDirectory(dir=obj["workdir"]) as tmp:
        if source is not None:  # a consistent copy (the backup API: a pending WAL included)
            copy = Path(tmp) / source.name
            sqlite_copy(source, copy)
            click.echo(f"  on a copy: {copy}")
            url = str(copy)
        store = open_store(url)
        try:
            obj["reports"].append(run(store, Period.parse(period) if period else None))
        finally:
            store.close()


@bench.command("startup")
@click.option("--user", default="admin", show_default=True, help="Who logs in.")
@click.option("--runs", type=int, default=5, show_default=True)
@click.option("--typing", type=float, default=3.0, show_default=True,
              help="Seconds the user takes to type the password.")
@click.pass_obj
def startup(obj, user, runs, typing):
    """The client's start-up on the store given by --db: login dialog, main window.

    The password comes from GRIDAPP_PASSWORD (the demo's is demo1234).
    """
    import os

    from ..bench.startup_bench import run
    from ..bootstrap import default_db
    password = os.environ.get("GRIDAPP_PASSWORD")
    if not password:
        raise click.UsageError("set GRIDAPP_PASSWORD to the password of --user")
    db = getattr(obj["parent"], "db", None) or default_db()
    click.echo(f"== startup: {db}")
    try:
        obj["reports"].append(run(db, user, password, runs, typing))
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None


COMMANDS = [bench]
