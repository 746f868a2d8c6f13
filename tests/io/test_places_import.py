"""Importing places: every format, Chinese encodings, any CRS; bad input refused whole."""

from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely
from factories import cli_env, mini_layers
from iohelpers import frame
from shapely.geometry import MultiPolygon, Polygon

from gridapp.io.crs import LonLatSystem
from gridapp.io.errors import ImportRejected
from gridapp.io.places_import import ImportOptions, read_places
from gridapp.services.places import load_places

L = mini_layers()
STREETS = {"code": "code", "name": "name"}
CELLS = {"GRIDCODE": "code"}
SEGMENTS = {"code": "code", "road_name": "road_name",
            "等级": lambda s: s.road_class.label_zh, "name": "name"}  # DBF names ≤ 10 bytes


def counts(store):
    with store.uow(write=False) as uow:
        return uow.loader.counts()


def load(store, path, kind, **opts):
    district = None
    with store.read() as conn:
        raw = conn.exec_driver_sql("SELECT AsBinary(geom) FROM districts").scalar()
        if raw:
            district = shapely.from_wkb(bytes(raw))
    layers, _ = read_places(path, kind, store.srid, ImportOptions(**opts), district)
    return load_places(store.uow(), layers)


@pytest.mark.parametrize("ext", ["gpkg", "shp", "geojson"])
def test_every_format_round_trips(empty_store, tmp_path, ext):
    for kind, items, cols in (("streets", L.streets, STREETS),
                              ("communities", L.communities, STREETS),
                              ("cells", L.cells, CELLS), ("segments", L.segments, SEGMENTS)):
        path = tmp_path / f"{kind}.{ext}"
        frame(items, cols).to_file(path, engine="pyogrio")
        load(empty_store, path, kind)
    c = counts(empty_store)
    assert (c["streets"], c["communities"], c["grid_cells"], c["road_segments"]) == (2, 4, 32, 3)
    with empty_store.read() as conn:
        names = dict(conn.exec_driver_sql("SELECT code, name FROM communities").all())
        seg = conn.exec_driver_sql("SELECT road_class, road_name FROM road_segments "
                                   "WHERE code = '420102-R002-01'").one()
    assert names["420102001001"] == "三阳社区" and tuple(seg) == ("secondary", "黄浦路")


def test_gbk_shapefile_without_cpg_is_read_as_gbk(empty_store, tmp_path):
    path = tmp_path / "streets.shp"
    pyogrio.write_dataframe(frame(L.streets, STREETS), path, encoding="GBK")
    path.with_suffix(".cpg").unlink(missing_ok=True)  # old tools write no .cpg
    raw = path.with_suffix(".dbf").read_bytes()
    assert "一元街".encode("gbk") in raw  # really GBK on disk
    load(empty_store, path, "streets")
    with empty_store.read() as conn:
        assert {r[0] for r in conn.exec_driver_sql("SELECT name FROM streets")} == \
            {"一元街", "大智街"}


def test_gbk_shapefile_with_cpg(empty_store, tmp_path):
    path = tmp_path / "comm.shp"
    pyogrio.write_dataframe(frame(L.communities, STREETS), path, encoding="GBK")
    path.with_suffix(".cpg").write_text("936")
    load(empty_store, path, "communities")
    with empty_store.read() as conn:
        assert "保成社区" in {r[0] for r in conn.exec_driver_sql("SELECT name FROM communities")}


@pytest.mark.parametrize("system", ["wgs84", "gcj02", "bd09"])
def test_lonlat_in_any_system_lands_on_the_same_metres(empty_store, tmp_path, system):
    path = tmp_path / "cells.geojson"
    frame(L.cells, CELLS, system=system).to_file(path)
    load(empty_store, path, "cells", coords=LonLatSystem(system))
    with empty_store.read() as conn:
        got = shapely.from_wkb(bytes(conn.exec_driver_sql(
            "SELECT AsBinary(geom) FROM grid_cells WHERE code = '420102002002008'").scalar()))
    want = next(c.geometry for c in L.cells if c.code == "420102002002008")
    assert got.symmetric_difference(want).area < 0.01  # within a hundredth of a m²


def test_components_with_owner(empty_store, tmp_path):
    path = tmp_path / "components.gpkg"
    frame(L.components, {"部件编码": "code", "name": "name", "权属单位": "owner_department_code"}
          ).to_file(path)
    load(empty_store, path, "components")
    with empty_store.read() as conn:
        row = conn.exec_driver_sql("SELECT c.class_code, d.code FROM components c JOIN "
                                   "departments d ON d.id = c.owner_department_id").one()
    assert tuple(row) == ("C0101", "water")


def _rejected(store, path, kind, **opts) -> list[str]:
    before = counts(store)
    with pytest.raises(ImportRejected) as e:
        load(store, path, kind, **opts)
    assert counts(store) == before  # nothing written
    return [str(p) for p in e.value.report.problems]


def test_bad_rows_are_all_named_and_nothing_is_written(empty_store, tmp_path):
    cells = list(L.cells)
    bowtie = MultiPolygon([Polygon([(529000, 3386000), (529100, 3386100), (529100, 3386000),
                                    (529000, 3386100)])])
    cells[3] = type(cells[3])(cells[3].code, cells[3].community_code, cells[3].street_code,
                              bowtie)
    gdf = frame(cells, CELLS)
    gdf.loc[5, "GRIDCODE"] = "42010200100100"     # 14 digits
    gdf.loc[7, "GRIDCODE"] = gdf.loc[6, "GRIDCODE"]  # duplicate
    gdf.loc[9, "GRIDCODE"] = None
    path = tmp_path / "bad_cells.gpkg"
    gdf.to_file(path)
    problems = _rejected(empty_store, path, "cells")
    text = "\n".join(problems)
    assert "bad_cells.gpkg, row 4 [geometry]: invalid geometry: Self-intersection" in text
    assert "row 6" in text and "exactly 15 digits" in text
    assert "row 8" in text and "also on row(s) 7" in text
    assert "row 10" in text and "no code" in text


def test_self_intersection_can_be_repaired(empty_store, tmp_path):
    c = L.cells[0]
    minx, miny, maxx, maxy = c.geometry.bounds
    bowtie = Polygon([(minx, miny), (maxx, maxy), (maxx, miny), (minx, maxy)])
    gdf = gpd.GeoDataFrame({"code": [c.code]}, geometry=[bowtie], crs="EPSG:4547")
    gdf.to_file(tmp_path / "one.geojson")
    load(empty_store, tmp_path / "one.geojson", "cells", repair=True)
    assert counts(empty_store)["grid_cells"] == 1


def test_points_outside_the_district(empty_store, tmp_path):
    comps = list(L.components)
    far = type(comps[0])("4201020101000002", "C0101", "井盖", "water",
                         shapely.Point(520000, 3380000))
    path = tmp_path / "comps.geojson"
    frame([*comps, far], {"code": "code", "name": "name"}).to_file(path)
    problems = _rejected(empty_store, path, "components")
    assert any("row 2" in p and "outside the district" in p for p in problems)


def test_malformed_and_unusable_files(empty_store, tmp_path):
    path = tmp_path / "cells.shp"
    frame(L.cells, CELLS).to_file(path)
    path.with_suffix(".shx").unlink()
    assert "cells.shp: incomplete shapefile: .shx missing" in _rejected(empty_store, path,
                                                                         "cells")[0]
    garbage = tmp_path / "broken.gpkg"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert "broken.gpkg: cannot open" in _rejected(empty_store, garbage, "cells")[0]
    nocrs = tmp_path / "nocrs.geojson"
    frame(L.streets, STREETS).set_crs(None, allow_override=True).to_file(nocrs)
    gdf = gpd.read_file(nocrs)
    assert gdf.crs is not None  # GeoJSON is WGS-84 by definition: metres read as degrees
    lines = tmp_path / "lines.geojson"
    frame(L.segments, {"code": "code", "name": "name"}).to_file(lines)
    assert "MultiLineString in a layer of streets" in "".join(
        _rejected(empty_store, lines, "streets"))
    wrong = tmp_path / "wrong.geojson"
    frame(L.streets, {"code": "code", "名称": "name"}).to_file(wrong)
    msgs = _rejected(empty_store, wrong, "streets", fields={"name": "NAME_X"})
    assert "column 'NAME_X' not found" in msgs[0]


def test_codes_already_in_the_store_name_their_rows(empty_store, tmp_path):
    path = tmp_path / "streets.gpkg"
    frame(L.streets, STREETS).to_file(path)
    load(empty_store, path, "streets")
    from click.testing import CliRunner

    from gridapp.cli import main
    r = CliRunner().invoke(main, ["--db", empty_store.url, "import", "places", "streets",
                                  str(path), "--as", "admin"], env=cli_env(["--as", "admin"]))
    assert r.exit_code == 2 and "streets.gpkg, row 1 [code]: 420102001: code already in the " \
        "store" in r.stderr


def test_cli_import_places_with_field_mapping(empty_store, tmp_path):
    from click.testing import CliRunner

    from gridapp.cli import main
    path = tmp_path / "seg.shp"
    frame(L.segments, {"LDBM": "code", "LM": "road_name", "DJ": lambda s: {
        "main": "1", "secondary": "2", "branch": "3"}[s.road_class.value]}).to_file(path)
    r = CliRunner().invoke(main, ["--db", empty_store.url, "import", "places", "segments",
                                  str(path), "--field", "code=LDBM", "--field", "road_name=LM",
                                  "--field", "road_class=DJ", "--as", "admin"],
                           env=cli_env(["--as", "admin"]))
    assert r.exit_code == 0, r.output
    assert counts(empty_store)["road_segments"] == 3
    assert Path(path).exists()
