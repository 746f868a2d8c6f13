"""The unit grid of real Wuhan districts (GCJ-02 boundaries, statistics code lists)."""

from pathlib import Path

import pytest
import shapely

from gridapp.domain.codes import GridCode
from gridapp.io.crs import LonLatSystem
from gridapp.io.errors import ImportRejected
from gridapp.io.grid_import import build_grid
from gridapp.io.places_import import ImportOptions
from gridapp.services.places import load_places

GCJ = ImportOptions(coords=LonLatSystem.GCJ02)


@pytest.mark.parametrize("code,name,area", [("420102", "江岸区", 80.3), ("420103", "江汉区", 28.3)])
def test_wuhan_district_grid_is_built_and_coded(data_dir, code, name, area):
    res = build_grid(data_dir / f"fence_{code}.geojson", code, name, 4547, GCJ,
                     codes=data_dir / f"adcode_{code}.csv")
    L = res.layers
    assert L.district.geometry.area / 1e6 == pytest.approx(area, rel=0.03)  # official area
    assert len(L.streets) >= 13 and len(L.communities) >= 100
    union = shapely.union_all([c.geometry for c in L.cells])
    assert L.district.geometry.symmetric_difference(union).area < 1.0      # no gaps
    assert sum(c.geometry.area for c in L.cells) - union.area < 1.0         # no overlaps
    codes = [c.code for c in L.cells]
    assert len(set(codes)) == len(codes)
    communities = {c.code for c in L.communities}
    for c in L.cells:
        g = GridCode.parse(c.code)
        assert g.district == code and g.community_code in communities
    # the real names come through from the code list
    assert "大智" in "".join(s.name for s in L.streets) or code != "420102"
    assert res.notes  # it says which communities had to be placed without a centroid


def test_wuhan_grid_loads_into_a_store(data_dir, tmp_path):
    from gridapp.bootstrap import create_store
    store = create_store(str(tmp_path / "jiangan.sqlite"))
    res = build_grid(data_dir / "fence_420102.geojson", "420102", "江岸区", store.srid, GCJ,
                     codes=data_dir / "adcode_420102.csv")
    counts = load_places(store.uow(), res.layers).counts
    assert counts["grid_cells"] == len(res.layers.cells) > 7000
    with store.uow(write=False) as uow:
        loc = uow.places.locate(*res.layers.cells[100].geometry.representative_point().coords[0],
                                30)
        assert loc.cell_code == res.layers.cells[100].code
        assert uow.people.street_department(res.layers.streets[0].code) is not None
    store.close()


def test_community_polygons_give_exact_boundaries(tmp_path):
    import geopandas as gpd
    from factories import COMMUNITIES, mini_layers
    district = mini_layers().district
    path = tmp_path / "comm.gpkg"
    gpd.GeoDataFrame({"code": list(COMMUNITIES), "name": [v[0] for v in COMMUNITIES.values()]},
                     geometry=[v[1] for v in COMMUNITIES.values()], crs=4547).to_file(path)
    gpd.GeoDataFrame({"code": ["420102"]}, geometry=[district.geometry], crs=4547).to_file(
        tmp_path / "district.gpkg")
    res = build_grid(tmp_path / "district.gpkg", "420102", "江岸区", 4547, ImportOptions(),
                     communities=path)
    assert len(res.layers.cells) == 32 and not res.notes
    assert res.layers.cells[0].code == "420102001001001"


def test_a_boundary_needs_communities(data_dir):
    with pytest.raises(ImportRejected, match="give the communities"):
        build_grid(data_dir / "fence_420102.geojson", "420102", "江岸区", 4547, GCJ)
    with pytest.raises(ImportRejected, match="no communities of district 420199"):
        build_grid(data_dir / "fence_420102.geojson", "420199", "x", 4547, GCJ,
                   codes=data_dir / "adcode_420102.csv")


def test_cli_builds_a_geopackage(data_dir, tmp_path):
    import pyogrio
    from click.testing import CliRunner

    from gridapp.cli import main
    out = tmp_path / "jianghan.gpkg"
    r = CliRunner().invoke(main, ["--db", str(tmp_path / "none.sqlite"), "import", "grid",
                                  "--boundary", str(data_dir / "fence_420103.geojson"),
                                  "--codes", str(data_dir / "adcode_420103.csv"),
                                  "--district-code", "420103", "--district-name", "江汉区",
                                  "--coords", "gcj02", "--out", str(out)])
    assert r.exit_code == 0, r.output
    layers = {row[0] for row in pyogrio.list_layers(out)}
    assert layers == {"district", "streets", "communities", "cells"}
    cells = pyogrio.read_dataframe(out, layer="cells")
    assert cells["code"].str.startswith("420103").all() and len(cells) > 2000
    assert not Path(tmp_path / "none.sqlite").exists()  # --out writes no store
