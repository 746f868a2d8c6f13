"""maps/: the QGIS projects and .qml styles gridapp ships, and projects made for one store.

`build_maps` writes the folder from the symbology definition alone (it is committed, and a
test fails when it differs from what this makes); `store_project` writes a project for a
given store or export with the store's own streets, road chiefs and catalog in the legend.
"""

from __future__ import annotations

import filecmp
import tempfile
from pathlib import Path

from ..paths import MAPS
from .qgis_project import (
    LAYOUT,
    PackageSource,
    StoreSource,
    project_text,
    project_xml,
    relative,
    store_style_data,
    write_project,
)
from .qgis_styles import LAYERS, layer_styles

DEFAULT_SRID = 4547
# the shipped projects look for the data beside them, under these names
STORE_FILE = "gridapp.sqlite"
PACKAGE_FILE = "gridapp.gpkg"
SERVICE = "gridapp"
PROJECTS = {
    "gridapp-spatialite.qgs": (StoreSource("sqlite", f"./{STORE_FILE}"),
                               "gridapp 一张图（SpatiaLite 库）"),
    "gridapp-postgis.qgs": (StoreSource("postgres", service=SERVICE),
                            "gridapp 一张图（PostGIS 库）"),
    "gridapp-geopackage.qgs": (PackageSource(f"./{PACKAGE_FILE}"),
                               "gridapp 一张图（导出的 GeoPackage）"),
}


def shipped_files() -> dict[str, str]:
    """Relative path → text of every generated file of maps/."""
    files = {}
    for layer in LAYERS:
        for style in layer_styles(layer):
            files[f"styles/{layer}-{style.key}.qml"] = style.text
    for name, (source, title) in PROJECTS.items():
        files[name] = project_text(project_xml(source, DEFAULT_SRID, title=title))
    files["gridapp-a3.qpt"] = LAYOUT.read_text(encoding="utf-8")
    return files


def build_maps(folder: Path = MAPS) -> list[Path]:
    """Write the shipped projects and styles into folder (maps/ by default)."""
    written = []
    for rel, text in shipped_files().items():
        path = Path(folder) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def check_maps(folder: Path = MAPS) -> list[str]:
    """Files of folder that differ from what build_maps makes (missing ones included)."""
    with tempfile.TemporaryDirectory() as tmp:
        build_maps(Path(tmp))
        return [rel for rel in sorted(shipped_files())
                if not (Path(folder) / rel).exists()
                or not filecmp.cmp(Path(tmp) / rel, Path(folder) / rel, shallow=False)]


def _district_extent(store):
    import shapely
    raw = store.read_model.district_wkb()
    return shapely.from_wkb(raw).bounds if raw else None


def _store_file(store) -> Path:
    from sqlalchemy.engine import make_url
    return Path(make_url(store.url).database)


def _basemap(store, out: Path) -> str | None:
    """The store's offline basemap (MBTiles) as the project finds it, if there is one."""
    path = store.read_model.meta("basemap")
    if not path and store.backend == "sqlite":
        guess = _store_file(store).with_suffix(".basemap.mbtiles")
        path = str(guess) if guess.exists() else None
    return relative(Path(path), out) if path and Path(path).exists() else None


def store_project(store, out: Path, service: str = SERVICE,
                  package: Path | None = None, now=None) -> Path:
    """A project for this store (or for a GeoPackage exported from it), its legend naming the
    store's streets, road chiefs and classes, opening on the district."""
    out = Path(out)
    if package is not None:
        source = PackageSource(relative(package, out))
        title = f"gridapp 一张图 — {Path(package).name}"
    elif store.backend == "sqlite":
        source = StoreSource("sqlite", relative(_store_file(store), out))
        title = f"gridapp 一张图 — {_store_file(store).name}"
    else:
        source = StoreSource("postgres", service=service)
        title = f"gridapp 一张图 — service {service}"
    root = project_xml(source, store.srid, store_style_data(store, now), title=title,
                       basemap=None if package is not None else _basemap(store, out),
                       extent=_district_extent(store))
    return write_project(out, root)
