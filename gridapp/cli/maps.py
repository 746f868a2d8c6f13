"""`gridapp maps`: the QGIS projects and styles of maps/, and a project for your own store."""

from __future__ import annotations

import sys

import click

from . import pass_ctx


@click.group()
def maps():
    """QGIS projects and .qml styles made from gridapp's symbology."""


@maps.command("build")
@click.option("--out", type=click.Path(file_okay=False), help="Folder (default: maps/ of "
              "this gridapp).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the folder differs "
              "from what the symbology definition makes.")
@pass_ctx
def maps_build(ctx, out, check):
    """Write maps/ (projects for a SpatiaLite store, a PostGIS service and an exported
    GeoPackage, and a .qml per layer style) from resources/symbology.toml."""
    from pathlib import Path

    from ..io.maps import MAPS, build_maps, check_maps
    folder = Path(out) if out else MAPS
    if check:
        stale = check_maps(folder)
        ctx.emit({"stale": stale}, "maps are up to date" if not stale else
                 "differ from the symbology (run `gridapp maps build`): " + ", ".join(stale))
        if stale:
            sys.exit(1)
        return
    paths = build_maps(folder)
    ctx.emit([str(p) for p in paths], f"wrote {len(paths)} files to {folder}")


@maps.command("project")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--service", default="gridapp", show_default=True,
              help="PostGIS stores: the pg_service.conf entry QGIS connects through.")
@click.option("--gpkg", type=click.Path(exists=True, dir_okay=False),
              help="A project for this GeoPackage (exported from the store) instead.")
@pass_ctx
def maps_project(ctx, out, service, gpkg):
    """A QGIS project (.qgs or .qgz) of the store, its legend naming its streets and chiefs."""
    from pathlib import Path

    from ..io.maps import store_project
    try:
        path = store_project(ctx.store, Path(out), service, Path(gpkg) if gpkg else None)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    ctx.emit({"project": str(path)}, f"wrote {path}; open it in QGIS")


COMMANDS = [maps]
