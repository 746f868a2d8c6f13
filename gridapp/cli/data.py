"""`gridapp demo`, and later `import` / `export`: data in and out."""

from __future__ import annotations

import os
import sys
import time

import click

from . import parse_at, pass_ctx
from .auth import as_admin, authenticate


class ProgressLine:
    """One updating line per stage on a terminal; plain lines otherwise."""

    def __init__(self) -> None:
        self.stage = None
        self.t0 = time.perf_counter()
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int, what: str) -> None:
        if what != self.stage and self.stage is not None and self.tty:
            click.echo("", err=True)
        self.stage = what
        pct = f"{100 * done / total:5.1f}%" if total > 1 else ""
        msg = f"[{time.perf_counter() - self.t0:6.1f}s] {what} {pct} {done:,}/{total:,}" \
            if total > 1 else f"[{time.perf_counter() - self.t0:6.1f}s] {what}"
        if self.tty:
            click.echo("\r" + msg, err=True, nl=False)
        elif total <= 1 or done == total or done * 10 // total != self.last_tenth:
            self.last_tenth = done * 10 // total if total > 1 else -1
            click.echo(msg, err=True)


@click.command()
@click.option("--scale", type=click.Choice(["tiny", "district", "city"]), default="district",
              show_default=True, help="district ≈ 6,000 cells and 50,000 cases; city ≈ 100,000 "
              "cells, 20,000 segments and 1,000,000 cases.")
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--until", help="The demo's 'now' (ISO); default today 16:00.")
@click.option("--no-basemap", is_flag=True, help="Skip the offline basemap tiles.")
@pass_ctx
def demo(ctx, scale, seed, until, no_basemap):
    """Build the demo district (江滨区) into a new store: places, people, a year of cases."""
    from ..bootstrap import default_db
    from ..demo.build import build_demo
    from ..demo.staff import DEMO_PASSWORD
    db = ctx.db or default_db()
    progress = ProgressLine()
    store = build_demo(db, scale, seed, parse_at(until), progress, basemap=not no_basemap)
    if progress.tty:
        click.echo("", err=True)
    with store.uow(write=False) as uow:
        counts = uow.loader.counts()
        counts["cases"] = uow.conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
        counts["audit_rows"] = uow.conn.exec_driver_sql(
            "SELECT count(*) FROM case_events").scalar()
        counts["people"] = uow.conn.exec_driver_sql("SELECT count(*) FROM people").scalar()
    ctx.emit({"db": store.url, **counts, "password": DEMO_PASSWORD},
             f"demo store {store.url}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items())
             + f"\nlog in as admin, shift01, dispatcher01, acceptor01, wg0001, lz0001, "
               f"sanitation01 … with password {DEMO_PASSWORD}")




def _fields(pairs) -> dict[str, str]:
    out = {}
    for p in pairs:
        if "=" not in p:
            raise click.BadParameter(f"{p!r}: use FIELD=COLUMN")
        k, v = p.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def _options(layer, field, crs, coords, encoding, repair):
    from ..io.crs import LonLatSystem
    from ..io.places_import import ImportOptions
    return ImportOptions(layer=layer, fields=_fields(field), crs=crs,
                         coords=LonLatSystem(coords) if coords else None, encoding=encoding,
                         repair=repair)


vector_opts = [
    click.option("--layer", help="Layer of a GeoPackage (default: the first)."),
    click.option("--field", multiple=True, help="FIELD=COLUMN, e.g. code=GRIDCODE."),
    click.option("--crs", help="CRS of the data when the file has none (EPSG:4490, …)."),
    click.option("--coords", type=click.Choice(["wgs84", "cgcs2000", "gcj02", "bd09"]),
                 help="Lon/lat that are really GCJ-02 or BD-09 (Amap/Baidu)."),
    click.option("--encoding", help="Text encoding of a shapefile without .cpg (default: "
                 "detected, UTF-8 or GBK)."),
    click.option("--repair", is_flag=True, help="Make invalid geometries valid instead of "
                 "refusing them."),
]


def with_vector_opts(fn):
    for opt in reversed(vector_opts):
        fn = opt(fn)
    return fn


@click.group("import")
def import_():
    """Load places, a unit grid, assignments and hotline exports (all-or-nothing)."""


@import_.command("places")
@click.argument("kind", type=click.Choice(["district", "streets", "communities", "cells",
                                           "segments", "components"]))
@click.argument("path", type=click.Path(dir_okay=False))
@with_vector_opts
@click.option("--as", "user", required=True, help="The administrator.")
@pass_ctx
def import_places(ctx, kind, path, layer, field, crs, coords, encoding, repair, user):
    """Streets, communities, cells, road segments or components from GPKG / SHP / GeoJSON."""
    as_admin(ctx, user)
    from ..io.errors import ImportRejected, ValidationReport
    from ..io.places_import import read_places
    from ..services.places import PlacesRejected, load_places
    store = ctx.store
    district = _district(store)
    layers, rows = read_places(path, kind, store.srid,
                               _options(layer, field, crs, coords, encoding, repair), district,
                               ProgressLine())
    try:
        result = load_places(store.uow(), layers)
    except PlacesRejected as exc:  # clashes with the store: name the rows
        report = ValidationReport()
        for _, code, msg in exc.problems:
            report.add(click.format_filename(path), rows.get(code), "code", f"{code}: {msg}")
        raise ImportRejected(report) from None
    ctx.emit(result.counts, "loaded; the store now has " +
             ", ".join(f"{v:,} {k}" for k, v in result.counts.items()))


def _district(store):
    import shapely
    g = store.spatial.as_wkb("geom")
    with store.read() as conn:
        raw = conn.exec_driver_sql(f"SELECT {g} FROM districts").scalar()
    return shapely.from_wkb(bytes(raw)) if raw else None


@import_.command("grid")
@click.option("--boundary", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--district-code", required=True)
@click.option("--district-name", required=True)
@click.option("--codes", type=click.Path(exists=True, dir_okay=False),
              help="Statistics code list of streets and communities (adcode CSV).")
@click.option("--communities", type=click.Path(exists=True, dir_okay=False),
              help="Community polygons with 12-digit codes (exact boundaries).")
@click.option("--size", type=float, default=100.0, show_default=True, help="Cell size (m).")
@click.option("--out", type=click.Path(dir_okay=False), help="Write a GeoPackage instead of "
              "loading into the store.")
@with_vector_opts
@click.option("--as", "user", help="The administrator (when loading into the store).")
@pass_ctx
def import_grid(ctx, boundary, district_code, district_name, codes, communities, size, out,
                layer, field, crs, coords, encoding, repair, user):
    """Build and code the unit grid of a real district boundary."""
    if not out:
        if not user:
            raise click.UsageError("loading the grid into the store needs --as ADMIN")
        as_admin(ctx, user)
    from pathlib import Path

    from ..io.grid_import import build_grid
    from ..services.places import load_places
    srid = ctx.store.srid if not out else 4547
    res = build_grid(Path(boundary), district_code, district_name, srid,
                     _options(layer, field, crs, coords, encoding, repair),
                     Path(codes) if codes else None, Path(communities) if communities else None,
                     size, ProgressLine())
    L = res.layers
    summary = {"streets": len(L.streets), "communities": len(L.communities),
               "cells": len(L.cells), "area_km2": round(L.district.geometry.area / 1e6, 2),
               "notes": res.notes}
    if out:
        _write_layers(out, L, srid)
        summary["out"] = out
    else:
        summary["store"] = load_places(ctx.store.uow(), L).counts
    ctx.emit(summary, f"{district_name}: {summary['area_km2']} km², {len(L.streets)} streets, "
             f"{len(L.communities)} communities, {len(L.cells):,} cells"
             + "".join(f"\nnote: {n}" for n in res.notes))


def _write_layers(out: str, layers, srid: int) -> None:
    from pathlib import Path

    import geopandas as gpd
    import pyogrio
    path = Path(out)
    path.unlink(missing_ok=True)
    frames = {
        "district": gpd.GeoDataFrame({"code": [layers.district.code],
                                      "name": [layers.district.name]},
                                     geometry=[layers.district.geometry]),
        "streets": gpd.GeoDataFrame({"code": [s.code for s in layers.streets],
                                     "name": [s.name for s in layers.streets]},
                                    geometry=[s.geometry for s in layers.streets]),
        "communities": gpd.GeoDataFrame({"code": [c.code for c in layers.communities],
                                         "name": [c.name for c in layers.communities]},
                                        geometry=[c.geometry for c in layers.communities]),
        "cells": gpd.GeoDataFrame({"code": [c.code for c in layers.cells]},
                                  geometry=[c.geometry for c in layers.cells]),
    }
    for name, gdf in frames.items():
        pyogrio.write_dataframe(gdf.set_crs(srid), path, layer=name, driver="GPKG",
                                append=path.exists())


@import_.command("assignments")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--from", "valid_from", help="Valid from, for rows without a date (ISO).")
@click.option("--as", "user", required=True, help="The administrator.")
@pass_ctx
def import_assignments_cmd(ctx, path, valid_from, user):
    """路长/网格员/部门 assignments from CSV or XLSX (kind, target, username, name, …)."""
    as_admin(ctx, user)
    from pathlib import Path

    from ..io.assignments import read_assignments
    from ..services.assignments import import_assignments
    rows = read_assignments(Path(path), parse_at(valid_from))
    result = import_assignments(ctx.store.uow(), Path(path).name, rows)
    ctx.emit(result, f"{result['assignments']} assignment(s), "
             f"{result['people_created']} new person(s)")


@import_.command("hotline")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--as", "user", required=True, help="The importing acceptor.")
@click.option("--preset", default="12345", show_default=True, help="Saved column mapping.")
@click.option("--map", "columns", multiple=True, help="FIELD=COLUMN (external_id, reported_at, "
              "category, lon, lat, address, description, contact, phone, source).")
@click.option("--category", "categories", multiple=True, help="TEXT=CLASS_CODE, e.g. 垃圾=E0102.")
@click.option("--coords", type=click.Choice(["wgs84", "cgcs2000", "gcj02", "bd09"]))
@click.option("--source", type=click.Choice(["hotline_12345", "hotline_12319",
                                             "message_board", "snapshot", "media"]))
@click.option("--time-format", help="strptime format of the time column.")
@click.option("--sheet", help="XLSX sheet (default: the first).")
@click.option("--save-preset", help="Save the resulting mapping under this name.")
@click.option("--dry-run", is_flag=True, help="Check and count; write nothing.")
@pass_ctx
def import_hotline(ctx, path, user, preset, columns, categories, coords, source, time_format,
                   sheet, save_preset, dry_run):
    """12345/12319 exports: each new ticket becomes a reported case (duplicates linked)."""
    from ..domain.people import Role
    authenticate(ctx, user, Role.ACCEPTOR, Role.SHIFT_LEADER)
    from ..io.hotline import HotlineMapping, parse_hotline
    from ..services.hotline import import_reports
    store = ctx.store
    with store.uow(write=False) as uow:
        saved = uow.config.presets()
        catalog = uow.config.catalog()
    mapping = HotlineMapping.from_dict(saved[preset]) if preset in saved else \
        HotlineMapping(name=preset)
    mapping.columns.update(_fields(columns))
    mapping.categories.update(_fields(categories))
    mapping.coords = coords or mapping.coords
    mapping.source = source or mapping.source
    mapping.time_format = time_format or mapping.time_format
    batch = parse_hotline(path, mapping, catalog, store.srid, sheet)
    summary = import_reports(store.uow(), user, batch, ProgressLine(), dry_run=dry_run,
                             source_name=os.path.basename(path))
    if save_preset:
        mapping.name = save_preset
        with store.uow() as uow:
            uow.config.save_preset(save_preset, mapping.to_dict())
            uow.commit()
    ctx.emit(summary.__dict__, f"{'would import' if dry_run else 'imported'} "
             f"{summary.imported:,} case(s) ({summary.linked_duplicates:,} linked as "
             f"duplicates), {summary.already_imported:,} ticket(s) were already in the store"
             + (f"; cases {summary.first_number} … {summary.last_number}"
                if summary.first_number and not dry_run else ""))


@click.group("export")
def export():
    """Layers to GeoPackage/Shapefile/GeoJSON; cases to CSV/XLSX/Open311."""


@export.command("layers")
@click.argument("out", type=click.Path())
@click.option("--layers", default=",".join(("district", "streets", "communities", "cells",
                                           "segments", "components", "cases")),
              show_default=True)
@click.option("--format", "fmt", type=click.Choice(["gpkg", "shp", "geojson"]),
              help="Default: from OUT (.gpkg, .geojson, a folder for shapefiles).")
@pass_ctx
def export_layers_cmd(ctx, out, layers, fmt):
    from pathlib import Path

    from ..io.export import export_layers
    paths = export_layers(ctx.store, Path(out), [x.strip() for x in layers.split(",")], fmt)
    ctx.emit([str(p) for p in paths], "wrote " + ", ".join(map(str, paths)))


def _case_filter(states, since, until):
    where, params = [], {}
    if states:
        where.append("c.state IN (" + ", ".join(f":s{i}" for i in range(len(states))) + ")")
        params.update({f"s{i}": s for i, s in enumerate(states)})
    if since:
        where.append("c.reported_at >= :since")
        params["since"] = parse_at(since)
    if until:
        where.append("c.reported_at < :until")
        params["until"] = parse_at(until)
    return ("WHERE " + " AND ".join(where)) if where else "", params


@export.command("cases")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--state", "states", multiple=True)
@click.option("--since", help="Reported from (ISO).")
@click.option("--until", help="Reported before (ISO).")
@click.option("--open311", is_flag=True, help="Open311 GeoReport v2 JSON (also for .json).")
@pass_ctx
def export_cases(ctx, out, states, since, until, open311):
    """Cases with Chinese headers (CSV/XLSX) or as Open311 GeoReport v2 requests (JSON)."""
    from ..io.export import cases_frame, export_cases_table, export_open311
    where, params = _case_filter(states, since, until)
    df = cases_frame(ctx.store, where, params)
    n = export_open311(ctx.store, out, df) if open311 or out.lower().endswith(".json") \
        else export_cases_table(ctx.store, out, df)
    ctx.emit({"cases": n, "out": out}, f"wrote {n:,} case(s) to {out}")


COMMANDS = [demo, import_, export]
