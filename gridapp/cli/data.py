"""`gridapp demo`, and later `import` / `export`: data in and out."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

import click

from . import parse_at, pass_ctx
from .auth import as_admin, authenticate


class ProgressLine:
    """One updating line per stage on a terminal; plain lines otherwise.

    Also the import's window for Ctrl-C (use it as a context manager): until the work reports
    COMMITTING an interrupt cancels it and nothing is written; from then on the commit goes
    through, and `late` says that an interrupt came too late to cancel anything.
    """

    def __init__(self) -> None:
        self.stage = None
        self.t0 = time.perf_counter()
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1
        self.committing = False
        self.late = False
        self._previous = None

    def __call__(self, done: int, total: int, what: str) -> None:
        from ..services.progress import COMMITTING
        if what == COMMITTING:
            self.committing = True
        if what != self.stage and self.stage is not None and self.tty:
            click.echo("", err=True)
        new_stage, self.stage = what != self.stage, what
        pct = f"{100 * done / total:5.1f}%" if total > 1 else ""
        count = f" {done:,}/{total:,}" if total > 1 else f" {done:,}" if done else ""
        msg = f"[{time.perf_counter() - self.t0:6.1f}s] {what} {pct}{count}"
        if self.tty:
            click.echo("\r" + msg, err=True, nl=False)
        elif new_stage or (total > 1 and (done == total or done * 10 // total
                                          != self.last_tenth)):
            self.last_tenth = done * 10 // total if total > 1 else -1
            click.echo(msg, err=True)

    def __enter__(self) -> ProgressLine:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._interrupt)
        return self

    def _interrupt(self, _signum, _frame) -> None:
        if self.committing:  # too late to cancel: let the commit finish and say so
            self.late = True
            return
        raise KeyboardInterrupt

    def __exit__(self, kind, _exc, _tb) -> None:
        if self._previous is not None:
            previous, self._previous = self._previous, None
            ctx = click.get_current_context(silent=True)
            if self.committing and ctx is not None:  # saved: no "Aborted!" before it is said
                ctx.call_on_close(lambda: signal.signal(signal.SIGINT, previous))
            else:
                signal.signal(signal.SIGINT, previous)
        if self.tty and self.stage is not None:
            click.echo("", err=True)
        if kind is KeyboardInterrupt:
            click.echo("cancelled before the commit: nothing was written", err=True)
            raise SystemExit(130)

    def saved_note(self) -> str:
        """What to add to the final message when Ctrl-C came during the commit."""
        return ("\nnote: Ctrl-C came while the import was being committed: it was not "
                "cancelled, everything above was saved" if self.late else "")


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
    counts.update(store.read_model.totals())
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
                                           "segments", "components", "landmarks"]))
@click.argument("path", type=click.Path(dir_okay=False))
@with_vector_opts
@click.option("--as", "user", required=True, help="The administrator.")
@pass_ctx
def import_places(ctx, kind, path, layer, field, crs, coords, encoding, repair, user):
    """Streets, communities, cells, road segments, components or landmarks (named points
    that ticket addresses mention) from GPKG / SHP / GeoJSON."""
    as_admin(ctx, user)
    from ..io.errors import ImportRejected, ValidationReport
    from ..io.places_import import read_places
    from ..services.places import PlacesRejected, load_places
    store = ctx.store
    district = _district(store)
    with ProgressLine() as progress:  # Ctrl-C cancels up to the commit
        progress(0, 1, f"reading {click.format_filename(path)}")
        layers, rows = read_places(path, kind, store.srid,
                                   _options(layer, field, crs, coords, encoding, repair),
                                   district, progress)
        try:
            result = load_places(store.uow(), layers, progress)
        except PlacesRejected as exc:  # clashes with the store: name the rows
            report = ValidationReport()
            for _, code, msg in exc.problems:
                report.add(click.format_filename(path), rows.get(code), "code",
                           f"{code}: {msg}")
            raise ImportRejected(report) from None
    ctx.emit(result.counts, "loaded; the store now has " +
             ", ".join(f"{v:,} {k}" for k, v in result.counts.items()) + progress.saved_note())


def _district(store):
    import shapely
    raw = store.read_model.district_wkb()
    return shapely.from_wkb(raw) if raw else None


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
    rows = read_assignments(Path(path), ctx.local(valid_from) or ctx.store.now())
    result = import_assignments(ctx.store.uow(), Path(path).name, rows)
    ctx.emit(result, f"{result['assignments']} assignment(s), "
             f"{result['people_created']} new person(s)")


def _mapping(store, ref: str | None, fallback: str = "12345", create: bool = False):
    """A mapping from a TOML file, or one saved in the store by name (default: the 12345
    one when saved, else the built-in column names; `create`: a new one of that name)."""
    from pathlib import Path

    from ..io.errors import ImportRejected, ValidationReport
    from ..io.mapping import Mapping, load_mapping
    if ref and (ref.lower().endswith(".toml") or Path(ref).is_file()):
        return load_mapping(ref)
    with store.uow(write=False) as uow:
        saved = uow.config.presets()
    name = ref or fallback
    if name in saved:
        return Mapping.from_dict(saved[name])
    if ref and not create:
        report = ValidationReport()
        report.add(ref, None, None, "no such mapping file, and no mapping of that name in "
                   "the store", expected="a .toml file or one of: "
                   + (", ".join(sorted(saved)) or "(none saved yet)"))
        raise ImportRejected(report)
    return Mapping(name=name)


def _save_report(exc, path: str, report_to: str | None) -> None:
    """All problems to a CSV when they do not fit the screen (or when asked)."""
    from ..io.errors import SCREEN_LINES, default_report_path, write_report
    if not report_to and len(exc.report) <= SCREEN_LINES:
        return
    target = report_to or default_report_path(path)
    try:
        write_report(exc.report, target)
    except OSError:  # a read-only folder beside the input: the working directory then
        from pathlib import Path
        write_report(exc.report, Path.cwd() / Path(target).name)


@import_.command("hotline")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--as", "user", required=True, help="The importing acceptor.")
@click.option("--mapping", "mapping_ref", help="Mapping file (.toml) or the name of a mapping "
              "saved in the store (default: the saved '12345' mapping, if any).")
@click.option("--preset", help="Old name of --mapping NAME.")
@click.option("--map", "columns", multiple=True, help="FIELD=COLUMN (external_id, reported_at, "
              "category, lon, lat, address, description, contact, phone, source).")
@click.option("--category", "categories", multiple=True, help="TEXT=CLASS_CODE, e.g. 垃圾=E0102.")
@click.option("--catch-all", help="Class of every category the mapping does not name.")
@click.option("--coords", type=click.Choice(["wgs84", "cgcs2000", "gcj02", "bd09"]))
@click.option("--source", type=click.Choice(["hotline_12345", "hotline_12319",
                                             "message_board", "snapshot", "media"]))
@click.option("--time-format", help="strptime format of the time column, e.g. "
              "'%d/%m/%Y %H:%M' (needed when day and month could be swapped).")
@click.option("--time-zone", help="Zone of times without an offset (default: the "
              "district's).")
@click.option("--header-row", type=int, help="Row of the header as Excel numbers it.")
@click.option("--sheet", help="XLSX sheet (default: the first).")
@click.option("--save-mapping", "save_as", help="Save the resulting mapping under this name.")
@click.option("--save-preset", help="Old name of --save-mapping.")
@click.option("--report", "report_to", type=click.Path(dir_okay=False),
              help="Write every problem to this CSV (default: beside the file, when there "
              "are more than fit the screen).")
@click.option("--dry-run", is_flag=True, help="Check and count; write nothing.")
@pass_ctx
def import_hotline(ctx, path, user, mapping_ref, preset, columns, categories, catch_all,
                   coords, source, time_format, time_zone, header_row, sheet, save_as,
                   save_preset, report_to, dry_run):
    """12345/12319 exports: each new ticket becomes a reported case (duplicates linked;
    tickets without coordinates located from their address, or 待定位)."""
    from ..domain.people import Role
    authenticate(ctx, user, Role.ACCEPTOR, Role.SHIFT_LEADER)
    from ..io.errors import ImportRejected, ValidationReport
    from ..io.hotline import import_context, parse_hotline
    from ..io.mapping import check_mapping
    from ..services.hotline import import_reports
    store = ctx.store
    mapping = _mapping(store, mapping_ref or preset, create=not mapping_ref).merged(
        columns=_fields(columns), categories=_fields(categories), catch_all=catch_all,
        coords=coords, source=source, time_format=time_format, time_zone=time_zone,
        header_row=header_row)
    check = ValidationReport()
    check_mapping(mapping, mapping.name, check)
    if mapping.kind == "history":
        check.add(mapping.name, None, "kind", f"mapping {mapping.name!r} is for history "
                  "migrations", mapping.kind, "a hotline mapping (gridapp import history "
                  "takes this one)")
    if check:
        raise ImportRejected(check)
    with ProgressLine() as progress:  # Ctrl-C cancels up to the commit
        progress(0, 1, "reading the store's places")
        try:
            batch = parse_hotline(path, mapping, import_context(store), sheet, progress)
        except ImportRejected as exc:
            _save_report(exc, path, report_to)
            raise
        summary = import_reports(store.uow(), user, batch, progress, dry_run=dry_run,
                                 source_name=os.path.basename(path))
    name = save_as or save_preset
    if name and not dry_run:
        mapping.name = name
        with store.uow() as uow:
            uow.config.save_preset(name, mapping.to_dict())
            uow.commit()
    ctx.emit(summary.__dict__, f"{'would import' if dry_run else 'imported'} "
             f"{summary.imported:,} case(s) ({summary.linked_duplicates:,} linked as "
             f"duplicates, {summary.located_from_address:,} located from the address, "
             f"{summary.unplaced:,} 待定位), {summary.already_imported:,} ticket(s) were "
             "already in the store"
             + (f"; cases {summary.first_number} … {summary.last_number}"
                if summary.first_number and not dry_run else "")
             + "".join(f"\nnote: {n}" for n in summary.notes)
             + (f"\nmapping saved as {name!r}" if name and not dry_run else "")
             + progress.saved_note())


@import_.command("inspect")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--mapping", "mapping_ref", help="Start from this mapping (file or saved name).")
@click.option("--sheet", help="XLSX sheet (default: the first).")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the draft mapping here "
              "(default: print it).")
@click.option("--for", "kind", type=click.Choice(["hotline", "history"]), default="hotline",
              show_default=True, help="Draft a mapping for `import hotline` or for a history "
              "migration (`import history`).")
@pass_ctx
def import_inspect(ctx, path, mapping_ref, sheet, out, kind):
    """Columns, samples, title/summary/duplicate rows of an export, and a draft mapping."""
    from pathlib import Path

    from ..io.inspect import inspect_file
    from ..io.mapping import Mapping
    from ..store.db import StoreUnavailable
    catalog, base, departments = None, None, {}
    try:  # the store's catalog suggests classes; a file can be inspected without a store
        with ctx.store.uow(write=False) as uow:
            catalog = uow.config.catalog()
            departments = {d.name: d.code for d in uow.people.departments()}
        if mapping_ref:
            base = _mapping(ctx.store, mapping_ref)
    except StoreUnavailable:
        if mapping_ref:
            from ..io.mapping import load_mapping
            base = load_mapping(mapping_ref)
    result = inspect_file(path, catalog, base or Mapping(name=Path(path).stem), sheet, kind,
                          departments)
    draft = result.draft()
    if out:
        Path(out).write_text(draft, encoding="utf-8")
    data = {"file": result.file, "header_row": result.header_row,
            "data_rows": result.data_rows, "notes": result.notes,
            "columns": [{"header": h, "field": f, "samples": s} for h, f, s in result.columns],
            "categories": [{"text": v, "rows": n, "suggested": c}
                           for v, n, c in result.category_counts],
            "mapping": out if out else draft}
    ctx.emit(data, result.text() + ("\n\ndraft mapping written to " + out if out
                                     else "\n\n" + draft))


@import_.group("mapping")
def mapping_group():
    """Mappings saved in the store: list, show, export, save, delete."""


@mapping_group.command("list")
@pass_ctx
def mapping_list(ctx):
    with ctx.store.uow(write=False) as uow:
        saved = uow.config.presets()
    ctx.emit(sorted(saved), "\n".join(sorted(saved)) or "no mappings saved yet")


@mapping_group.command("export")
@click.argument("name")
@click.option("--out", type=click.Path(dir_okay=False), help="File to write (default: print).")
@pass_ctx
def mapping_export(ctx, name, out):
    """A saved mapping as a TOML file (to edit, keep beside the exports, or share)."""
    from pathlib import Path

    from ..io.mapping import mapping_to_toml
    mapping = _mapping(ctx.store, name)
    text = mapping_to_toml(mapping, header=f"gridapp mapping {name!r}")
    if out:
        Path(out).write_text(text, encoding="utf-8")
    ctx.emit({"name": name, "out": out} if out else mapping.to_dict(),
             f"wrote {out}" if out else text.rstrip("\n"))


@mapping_group.command("save")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--name", help="Name in the store (default: the file's `name`).")
@pass_ctx
def mapping_save(ctx, path, name):
    """Check a TOML mapping against the catalog and keep it in the store."""
    from ..io.errors import ImportRejected, ValidationReport
    from ..io.mapping import check_mapping, load_mapping
    mapping = load_mapping(path)
    mapping.name = name or mapping.name
    report = ValidationReport()
    with ctx.store.uow() as uow:
        check_mapping(mapping, click.format_filename(path), report,
                      {c.code for c in uow.config.catalog()})
        if report:
            raise ImportRejected(report)
        uow.config.save_preset(mapping.name, mapping.to_dict())
        uow.commit()
    ctx.emit({"name": mapping.name}, f"mapping {mapping.name!r} saved")


@mapping_group.command("delete")
@click.argument("name")
@pass_ctx
def mapping_delete(ctx, name):
    with ctx.store.uow() as uow:
        if name not in uow.config.presets():
            raise click.BadParameter(f"no mapping {name!r}")
        uow.config.delete_preset(name)
        uow.commit()
    ctx.emit({"deleted": name}, f"mapping {name!r} deleted")


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
@click.option("--truncate-text", is_flag=True, help="Shapefiles: cut text over 254 bytes "
              "(each cut is listed) instead of refusing the export.")
@pass_ctx
def export_layers_cmd(ctx, out, layers, fmt, truncate_text):
    """Layers with their state: a GeoPackage styled for QGIS, shapefiles, or GeoJSON."""
    from pathlib import Path

    from ..io.export import export_layers
    notes: list[str] = []
    try:
        paths = export_layers(ctx.store, Path(out), [x.strip() for x in layers.split(",")],
                              fmt, truncate_text=truncate_text, notes=notes)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    for note in notes:
        click.echo(f"note: {note}", err=True)
    ctx.emit({"files": [str(p) for p in paths], "notes": notes},
             "wrote " + ", ".join(map(str, paths)))


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
    from ..services.reading import CaseSelection
    df = cases_frame(ctx.store, CaseSelection(states=tuple(states), reported_from=ctx.local(since),
                                              reported_to=ctx.local(until)))
    n = export_open311(ctx.store, out, df) if open311 or out.lower().endswith(".json") \
        else export_cases_table(ctx.store, out, df)
    ctx.emit({"cases": n, "out": out}, f"wrote {n:,} case(s) to {out}")


COMMANDS = [demo, import_, export]
