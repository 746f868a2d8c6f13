"""Exports open right in QGIS/GDAL and Excel: read every file back."""

import json
import sqlite3
import xml.etree.ElementTree as ET
from datetime import datetime

import pandas as pd
import pyogrio
import pytest
from factories import act, cell_center

from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.io import export as export_mod
from gridapp.io import layer_files
from gridapp.io.crs import store_to_lonlat
from gridapp.io.errors import ExportRefused
from gridapp.io.export import LAYERS, export_cases_table, export_layers, export_open311

T0 = datetime(2026, 11, 2, 9)
LONG = "占道经营严重，" * 40  # 280 characters, 840 bytes of UTF-8


def _report(store, i, comm, serial, cls, description=None):
    x, y = cell_center(comm, serial)
    return act(store, "acceptor", None, Action.REPORT, source=Source.HOTLINE_12345,
               class_code=cls, x=x, y=y, at=T0, description=description or f"描述{i}",
               external_id=f"T{i}").case


def _fill(store):
    for i, (comm, serial, cls) in enumerate([("420102001001", 2, "E0102"),
                                             ("420102002002", 5, "E0506"),
                                             ("420102001002", 8, "E0501")]):
        c = _report(store, i, comm, serial, cls)
        if i < 2:
            act(store, "acceptor", c.id, Action.REGISTER, at=T0)
            act(store, "dispatcher", c.id, Action.DISPATCH, assignee=("department", "sanitation"),
                at=T0)
    return store


@pytest.fixture
def with_cases(sqlite_store):
    return _fill(sqlite_store)


@pytest.fixture
def any_store_with_cases(store):
    return _fill(store)


def test_geopackage_has_every_layer_with_state_and_its_styles(any_store_with_cases, tmp_path):
    out = tmp_path / "all.gpkg"
    assert export_layers(any_store_with_cases, out) == [out]
    layers = dict(pyogrio.list_layers(out))
    assert layers == {"district": "MultiPolygon", "streets": "MultiPolygon",
                      "communities": "MultiPolygon", "cells": "MultiPolygon",
                      "segments": "MultiLineString", "components": "Point", "cases": "Point",
                      "layer_styles": None}
    cells = pyogrio.read_dataframe(out, layer="cells")
    assert len(cells) == 32 and cells.crs.to_epsg() == 4547
    assert cells.set_index("code").loc["420102001001002", "open_cases"] == 1
    assert cells.set_index("code").loc["420102001001002", "grid_worker"] == "赵网格"
    segs = pyogrio.read_dataframe(out, layer="segments")
    assert set(segs["road_chief"]) == {"路长甲", "路长乙"} and set(segs["class_zh"]) == {
        "主干道", "次干道"}
    cases = pyogrio.read_dataframe(out, layer="cases")
    assert set(cases["state_zh"]) == {"待受理", "待签收"} and len(cases) == 3
    # the styles QGIS applies with no project: one default per layer, named in the legend
    styles = pyogrio.read_dataframe(out, layer="layer_styles")
    assert set(styles["f_table_name"]) == set(LAYERS)
    assert (styles.groupby("f_table_name")["useAsDefault"].sum() == 1).all()
    assert set(styles["f_geometry_column"]) == {"geom"}
    default_cells = styles[(styles.f_table_name == "cells") & styles.useAsDefault].iloc[0]
    cats = ET.fromstring(default_cells["styleQML"]).find("renderer-v2/categories")
    assert {c.get("label") for c in cats} >= {"一元街", "大智街"}
    chiefs = styles[(styles.f_table_name == "segments") & (styles.styleName == "按路长")]
    assert "路长甲" in chiefs.iloc[0]["styleQML"]


def test_geopackage_is_version_1_3_with_integers_and_times_in_the_district_zone(
        with_cases, tmp_path):
    out = export_layers(with_cases, tmp_path / "all.gpkg")[0]
    with sqlite3.connect(out) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47  # "GPKG"
        assert db.execute("PRAGMA user_version").fetchone()[0] == 10300
        desc = db.execute("SELECT description FROM gpkg_contents WHERE table_name = 'cases'"
                          ).fetchone()[0]
    assert "Asia/Shanghai (UTC+08:00)" in desc
    info = pyogrio.read_info(out, layer="cases")
    types = dict(zip(info["fields"], info["ogr_types"], strict=True))
    assert types["reported_at"] == "OFTDateTime" and types["deadline_at"] == "OFTDateTime"
    for col in ("id", "return_count", "duplicate_of", "time_limit_minutes"):
        assert types[col] in ("OFTInteger", "OFTInteger64"), col
    cells = dict(zip(*[pyogrio.read_info(out, layer="cells")[k] for k in ("fields",
                                                                          "ogr_types")],
                     strict=True))
    assert cells["open_cases"] in ("OFTInteger", "OFTInteger64")
    cases = pyogrio.read_dataframe(out, layer="cases")
    assert (cases["reported_at"] == pd.Timestamp(T0)).all()  # wall clock, as the store has it


def test_a_store_without_cases_exports_every_layer_with_an_empty_cases_layer(empty_store,
                                                                           tmp_path):
    out = tmp_path / "empty.gpkg"
    export_layers(empty_store, out)
    layers = dict(pyogrio.list_layers(out))
    assert set(layers) == set(LAYERS) | {"layer_styles"} and layers["cases"] == "Point"
    info = pyogrio.read_info(out, layer="cases")
    assert info["features"] == 0
    types = dict(zip(info["fields"], info["ogr_types"], strict=True))
    assert types["reported_at"] == "OFTDateTime" and types["id"] in ("OFTInteger",
                                                                      "OFTInteger64")
    paths = export_layers(empty_store, tmp_path / "shp")
    assert len(paths) == len(LAYERS) and all(p.exists() for p in paths)
    gj = export_layers(empty_store, tmp_path / "cases.geojson", layers=("cases",))[0]
    assert json.loads(gj.read_text(encoding="utf-8"))["features"] == []


def test_a_failed_export_leaves_no_partial_file_and_keeps_the_old_one(with_cases, tmp_path,
                                                                      monkeypatch):
    out = tmp_path / "out" / "all.gpkg"
    out.parent.mkdir()
    out.write_bytes(b"yesterday's export")
    real = pyogrio.write_dataframe

    def failing(df, path, layer=None, **kw):
        if layer == "cases":
            raise OSError("disk full")
        return real(df, path, layer=layer, **kw)
    monkeypatch.setattr(layer_files.pyogrio, "write_dataframe", failing)
    with pytest.raises(OSError, match="disk full"):
        export_layers(with_cases, out)
    assert out.read_bytes() == b"yesterday's export"
    assert sorted(p.name for p in out.parent.iterdir()) == ["all.gpkg"]
    monkeypatch.setattr(layer_files.pyogrio, "write_dataframe", real)

    def broken_frame(store, name, now=None):
        raise RuntimeError(f"store lost while reading {name}")
    monkeypatch.setattr(export_mod, "layer_frame", broken_frame)
    with pytest.raises(RuntimeError):
        export_layers(with_cases, out.parent / "shp")
    assert sorted(p.name for p in out.parent.iterdir()) == ["all.gpkg"]


def test_shapefile_refuses_text_it_would_cut_naming_field_and_row(with_cases, tmp_path):
    long_case = _report(with_cases, 9, "420102002001", 3, "E0102", description=LONG)
    number = f"{T0.year}{long_case.id:08d}"
    with pytest.raises(ExportRefused) as err:
        export_layers(with_cases, tmp_path / "shp", layers=("streets", "cases"))
    msg = str(err.value)
    assert "nothing was written" in msg and f"cases.shp, row 4 [descriptio]: number {number}" \
        in msg and "840 bytes" in msg and ".gpkg" in msg
    assert not (tmp_path / "shp").exists()
    notes: list[str] = []
    paths = export_layers(with_cases, tmp_path / "shp", layers=("cases",), truncate_text=True,
                          notes=notes)
    assert len(notes) == 1 and "row 4 [descriptio]" in notes[0] and "cut to 254" in notes[0]
    cases = pyogrio.read_dataframe(paths[0])
    text = cases.set_index("number").loc[number, "descriptio"]
    assert LONG.startswith(text) and len(text.encode("utf-8")) <= 254


def test_shapefiles_are_utf8_with_times_as_iso_text_and_unique_field_names(with_cases,
                                                                          tmp_path):
    paths = export_layers(with_cases, tmp_path / "shp", layers=("streets", "cases"))
    assert all((p.with_suffix(".cpg")).read_text().strip().upper() == "UTF-8" for p in paths)
    streets = pyogrio.read_dataframe(paths[0])
    assert set(streets["name"]) == {"一元街", "大智街"}
    info = pyogrio.read_info(paths[1])
    names = list(info["fields"])
    assert len(names) == len({n.lower() for n in names}) and max(map(len, names)) <= 10
    cases = pyogrio.read_dataframe(paths[1])
    assert set(cases["reported_a"]) == {"2026-11-02T09:00:00+08:00"}


def test_geojson_is_rfc7946(with_cases, tmp_path):
    gj = export_layers(with_cases, tmp_path / "cases.geojson", layers=("cases",))[0]
    doc = json.loads(gj.read_text(encoding="utf-8"))
    assert "crs" not in doc
    props = doc["features"][0]["properties"]
    assert "x" not in props and "y" not in props
    assert props["reported_at"] == "2026-11-02T09:00:00+08:00"
    lon, lat = doc["features"][0]["geometry"]["coordinates"]
    assert 114 < lon < 115 and 30 < lat < 31
    both = export_layers(with_cases, tmp_path / "x.geojson", layers=("cells", "segments"))
    assert [p.name for p in both] == ["x_cells.geojson", "x_segments.geojson"]
    assert pyogrio.read_dataframe(both[0]).crs.to_epsg() == 4326


def test_csv_and_xlsx_name_the_zone_and_crs_and_carry_lonlat(with_cases, tmp_path):
    n = export_cases_table(with_cases, tmp_path / "cases.csv")
    c = pd.read_csv(tmp_path / "cases.csv", encoding="utf-8-sig", dtype=str)
    assert n == 3 and list(c["热线工单号"]) == ["T0", "T1", "T2"]
    assert {"上报时间 (UTC+08:00 Asia/Shanghai)", "X (EPSG:4547)", "Y (EPSG:4547)",
            "经度 (WGS-84)", "纬度 (WGS-84)"} <= set(c.columns)
    assert list(c["上报时间 (UTC+08:00 Asia/Shanghai)"]) == ["2026-11-02 09:00:00"] * 3
    assert list(c["退回次数"]) == ["0"] * 3  # integers, not 0.0
    later = export_mod.cases_frame(with_cases, now=datetime(2026, 11, 2, 9, 30))
    export_cases_table(with_cases, tmp_path / "then.csv", later)
    then = pd.read_csv(tmp_path / "then.csv", encoding="utf-8-sig", dtype=str)
    assert list(then["时限状态"].fillna("")) == ["正常", "正常", ""]  # dispatched ×2, reported
    x, y = cell_center("420102001001", 2)
    lon, lat = store_to_lonlat([x], [y], 4547)
    assert float(c["经度 (WGS-84)"][0]) == pytest.approx(lon[0], abs=1e-7)
    assert float(c["纬度 (WGS-84)"][0]) == pytest.approx(lat[0], abs=1e-7)
    # GDAL (and QGIS through it) reads the types from the .csvt beside the CSV
    info = pyogrio.read_info(tmp_path / "cases.csv")
    types = dict(zip(info["fields"], info["ogr_types"], strict=True))
    assert types["上报时间 (UTC+08:00 Asia/Shanghai)"] == "OFTDateTime"
    assert types["退回次数"] == "OFTInteger64" and types["经度 (WGS-84)"] == "OFTReal"

    export_cases_table(with_cases, tmp_path / "cases.xlsx")
    x = pd.read_excel(tmp_path / "cases.xlsx", engine="calamine")
    assert "区环境卫生服务中心" in set(x["责任单位"])
    assert x["上报时间 (UTC+08:00 Asia/Shanghai)"].iloc[0] == pd.Timestamp(T0)  # a real date
    assert pd.api.types.is_integer_dtype(x["退回次数"])
    assert x["经度 (WGS-84)"].iloc[0] == pytest.approx(lon[0], abs=1e-7)


def test_times_follow_the_district_zone_setting(with_cases, tmp_path, monkeypatch):
    monkeypatch.setattr(export_mod, "district_zone", lambda store: "Asia/Urumqi")
    export_cases_table(with_cases, tmp_path / "cases.csv")
    assert "上报时间 (UTC+06:00 Asia/Urumqi)" in pd.read_csv(tmp_path / "cases.csv",
                                                          encoding="utf-8-sig").columns
    reqs = export_mod.open311(with_cases)
    assert reqs[0]["requested_datetime"] == "2026-11-02T09:00:00+06:00"


def test_open311(with_cases, tmp_path):
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
    assert r.exit_code == 0 and {n for n, _ in pyogrio.list_layers(tmp_path / "o.gpkg")} == {
        "cells", "segments", "layer_styles"}
    _report(with_cases, 9, "420102002001", 3, "E0102", description=LONG)
    r = CliRunner().invoke(main, ["--db", url, "export", "layers", str(tmp_path / "shp"),
                                  "--layers", "cases"])
    assert r.exit_code == 2 and "error (export_refused)" in r.output and "[descriptio]" in \
        r.output
    r = CliRunner().invoke(main, ["--db", url, "export", "layers", str(tmp_path / "shp"),
                                  "--layers", "cases", "--truncate-text"])
    assert r.exit_code == 0 and "cut to 254 bytes" in r.output
