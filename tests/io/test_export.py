"""Exports open in QGIS/GDAL and Excel: read every file back."""

import json
from datetime import datetime

import pandas as pd
import pyogrio
import pytest
from factories import act, cell_center

from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.io.export import export_cases_table, export_layers, export_open311

T0 = datetime(2026, 11, 2, 9)


@pytest.fixture
def with_cases(sqlite_store):
    for i, (comm, serial, cls) in enumerate([("420102001001", 2, "E0102"),
                                             ("420102002002", 5, "E0506"),
                                             ("420102001002", 8, "E0501")]):
        x, y = cell_center(comm, serial)
        c = act(sqlite_store, 'acceptor', None, Action.REPORT, source=Source.HOTLINE_12345, class_code=cls, x=x, y=y, at=T0, description=f'描述{i}', external_id=f'T{i}').case
        if i < 2:
            act(sqlite_store, 'acceptor', c.id, Action.REGISTER, at=T0)
            act(sqlite_store, 'dispatcher', c.id, Action.DISPATCH, assignee=("department", 'sanitation'), at=T0)
    return sqlite_store


def test_geopackage_has_every_layer_with_state(with_cases, tmp_path):
    out = tmp_path / "all.gpkg"
    export_layers(with_cases, out)
    layers = dict(pyogrio.list_layers(out))
    assert layers == {"district": "MultiPolygon", "streets": "MultiPolygon",
                      "communities": "MultiPolygon", "cells": "MultiPolygon",
                      "segments": "MultiLineString", "components": "Point", "cases": "Point"}
    cells = pyogrio.read_dataframe(out, layer="cells")
    assert len(cells) == 32 and cells.crs.to_epsg() == 4547
    assert cells.set_index("code").loc["420102001001002", "open_cases"] == 1
    assert cells.set_index("code").loc["420102001001002", "grid_worker"] == "赵网格"
    segs = pyogrio.read_dataframe(out, layer="segments")
    assert set(segs["road_chief"]) == {"路长甲", "路长乙"} and set(segs["class_zh"]) == {
        "主干道", "次干道"}
    cases = pyogrio.read_dataframe(out, layer="cases")
    assert set(cases["state_zh"]) == {"待受理", "待签收"} and len(cases) == 3


def test_shapefiles_are_utf8_with_cpg_and_geojson_is_wgs84(with_cases, tmp_path):
    paths = export_layers(with_cases, tmp_path / "shp", layers=("streets", "cases"))
    assert all((p.with_suffix(".cpg")).read_text().strip().upper() == "UTF-8" for p in paths)
    streets = pyogrio.read_dataframe(paths[0])
    assert set(streets["name"]) == {"一元街", "大智街"}
    gj = export_layers(with_cases, tmp_path / "cells.geojson", layers=("cells",))[0]
    cells = pyogrio.read_dataframe(gj)
    assert cells.crs.to_epsg() == 4326 and 114 < cells.total_bounds[0] < 115


def test_cases_to_csv_xlsx_and_open311(with_cases, tmp_path):
    n = export_cases_table(with_cases, tmp_path / "cases.xlsx")
    x = pd.read_excel(tmp_path / "cases.xlsx", engine="calamine", dtype=str)
    assert n == 3 and {"案卷号", "问题类别", "状态", "责任单位", "处置时限"} <= set(x.columns)
    assert "区环境卫生服务中心" in set(x["责任单位"])
    export_cases_table(with_cases, tmp_path / "cases.csv")
    c = pd.read_csv(tmp_path / "cases.csv", encoding="utf-8-sig", dtype=str)
    assert list(c["热线工单号"]) == ["T0", "T1", "T2"]
    export_open311(with_cases, tmp_path / "311.json")
    reqs = json.loads((tmp_path / "311.json").read_text(encoding="utf-8"))
    first = reqs[0]
    assert set(first) >= {"service_request_id", "status", "service_code", "service_name",
                          "agency_responsible", "requested_datetime", "expected_datetime",
                          "lat", "long", "address", "description"}
    assert first["status"] == "open" and first["service_code"] == "E0102"
    assert first["requested_datetime"] == "2026-11-02T09:00:00+08:00"
    assert 30.5 < first["lat"] < 30.7 and 114.2 < first["long"] < 114.4


def test_cli_export(with_cases, tmp_path):
    from click.testing import CliRunner

    from gridapp.cli import main
    url = with_cases.url
    r = CliRunner().invoke(main, ["--db", url, "export", "cases", str(tmp_path / "x.json"),
                                  "--state", "dispatched"])
    assert r.exit_code == 0, r.output
    assert len(json.loads((tmp_path / "x.json").read_text())) == 2
    r = CliRunner().invoke(main, ["--db", url, "export", "layers", str(tmp_path / "o.gpkg"),
                                  "--layers", "cells,segments"])
    assert r.exit_code == 0 and len(pyogrio.list_layers(tmp_path / "o.gpkg")) == 2
