"""QGIS opens maps/ and every exported GeoPackage styled as the client draws them."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from factories import cell_center
from sqlalchemy.engine import make_url

from gridapp.domain.case import STATE_LABELS_ZH, CaseState, Source
from gridapp.io.export import LAYERS, export_layers
from gridapp.io.maps import PACKAGE_FILE, STORE_FILE, store_project
from gridapp.io.qgis_styles import STYLES, TITLES
from gridapp.io.symbology import symbology
from gridapp.paths import MAPS
from gridapp.services import cases as svc

LABELLED = {"streets": "name", "segments": "road_name", "cells": "code"}


def copy_store(store, target) -> None:
    """A consistent copy of a SpatiaLite store (its recent writes may be in the WAL file)."""
    import sqlite3
    with sqlite3.connect(make_url(store.url).database) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _ids(layer: str) -> str:
    return "gridapp_streets" if layer == "streets" else f"gridapp_{layer}"


def _streets(store) -> list[str]:
    with store.read() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT code FROM streets ORDER BY code")]


def assert_styled(report: dict, by_id=True) -> None:
    """Every layer valid, with features, in the store's CRS, styled as gridapp styles it."""
    layers = report["layers"]
    for layer in LAYERS:
        info = layers[_ids(layer) if by_id else layer]
        assert info["valid"], (layer, info.get("error"))
        assert info["crs"] == "EPSG:4547", layer
        assert info["features"] > 0, layer
        assert info["styles"] == sorted(name for _, name in STYLES[layer]), layer
        assert info["current_style"] == STYLES[layer][0][1], layer
        for style, drawn in info["by_style"].items():
            assert drawn["expression_errors"] == [], (layer, style)
            assert not drawn.get("uncovered"), (layer, style, drawn.get("uncovered"))
        if layer in LABELLED:
            assert info["labels"] and info["label_field"] == LABELLED[layer], layer
    sym = symbology()
    cases = layers[_ids("cases") if by_id else "cases"]
    assert cases["renderer"] == "RuleRenderer"
    assert "'overdue' THEN 3" in cases["order_by"]  # overdue cases drawn on top
    states = {STATE_LABELS_ZH[CaseState(s)]: c for s, c in sym.states.items()}
    assert {k: cases["colours"][k] for k in states} == states
    assert cases["colours"]["超期"] == sym.colors["overdue"]
    assert cases["colours"]["预警"] == sym.colors["warning"]
    segs = layers[_ids("segments") if by_id else "segments"]
    assert segs["renderer"] == "categorizedSymbol" and set(segs["categories"]) == {
        "主干道", "次干道", "支路"}
    assert segs["colours"] == {k: r.color for k, r in sym.roads.items()}
    comps = layers[_ids("components") if by_id else "components"]
    assert comps["renderer"] == "categorizedSymbol"
    assert {code: comps["colours"][code] for code in sym.components} == {
        code: m.color for code, m in sym.components.items()}
    assert report["render"]["errors"] == [] and report["render"]["colours"] > 20
    if "layouts" in report:  # the A3 sheet: framed on the district, exported whole
        sheet = report["layouts"]["一张图 A3"]
        assert {"map", "legend", "scalebar", "north", "title"} <= set(sheet["items"])
        district = layers[_ids("district") if by_id else "district"]
        assert sheet["export"] == 0 and sheet["colours"] > 20
        xmin, ymin, xmax, ymax = sheet["map_extent"]
        dx0, dy0, dx1, dy1 = district["extent"]
        assert xmin <= dx0 and ymin <= dy0 and xmax >= dx1 and ymax >= dy1  # all of it
        # framed on it: one side fits the district (the frame's shape sets the other)
    assert min((xmax - xmin) / (dx1 - dx0), (ymax - ymin) / (dy1 - dy0)) < 1.5  # and no more


def test_shipped_spatialite_project_opens_the_store_styled_like_the_client(qgis, demo_store,
                                                                          tmp_path):
    shutil.copy(MAPS / "gridapp-spatialite.qgs", tmp_path)
    copy_store(demo_store, tmp_path / STORE_FILE)
    report = qgis("project", "gridapp-spatialite.qgs", cwd=tmp_path)
    assert report["read"] and report["crs"] == "EPSG:4547"
    assert report["order"][0] == "gridapp_cases" and report["order"][-1] == "gridapp_cells"
    assert_styled(report)
    layers = report["layers"]
    with demo_store.read() as conn:
        n = conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
    assert layers["gridapp_cases"]["features"] == n > 1000
    # the store's own point layer, its deadline status a virtual field computed live
    assert "deadline_status" in layers["gridapp_cases"]["fields"]
    assert "geom" not in layers["gridapp_cases"]["fields"]
    # the colours the client computes from the data, computed by QGIS expressions
    sym = symbology()
    cells = layers["gridapp_cells"]["colours"]
    assert cells["field"] == "street_code"
    assert cells["values"] == {code: sym.street_color(i)
                               for i, code in enumerate(_streets(demo_store))}
    chiefs = layers["gridapp_segments"]["by_style"]["按路长"]["colours"]
    assert chiefs["field"] == "chief_id"
    assert {k: v for k, v in chiefs["values"].items() if k != "NULL"} == {
        k: sym.chief_color(int(k)) for k in chiefs["values"] if k != "NULL"}


def test_qgis_colours_segments_by_their_last_patrol_as_the_client_does(qgis, demo_store,
                                                                       tmp_path):
    """按巡查 in QGIS: the last day that counted (by the store's patrol.share) and the status
    against the rhythm, computed by QGIS against its clock — as the client computes it."""
    import sqlite3
    from datetime import date, timedelta

    import numpy as np

    from gridapp.analysis.patrol import STATUSES, day_number, patrol_status, rhythm
    shutil.copy(MAPS / "gridapp-spatialite.qgs", tmp_path)
    copy_store(demo_store, tmp_path / STORE_FILE)
    today = date.today()  # QGIS's now() is the workstation's clock
    with sqlite3.connect(tmp_path / STORE_FILE) as db:
        segs = db.execute("SELECT id, code, road_class FROM road_segments ORDER BY id").fetchall()
        person = db.execute("SELECT id FROM people LIMIT 1").fetchone()[0]
        last = {}
        for k, (sid, _code, _cls) in enumerate(segs[:40]):
            day = today - timedelta(days=k % 10)
            last[sid] = day
            db.execute("INSERT INTO patrol_days (segment_id, day, person_id, covered_share, "
                       "checked_in, within_m) VALUES (?, ?, ?, 0.9, 0, 30)",
                       (sid, day.isoformat(), person))
            # a later day with too little covered does not count
            db.execute("INSERT INTO patrol_days (segment_id, day, person_id, covered_share, "
                       "checked_in, within_m) VALUES (?, ?, ?, 0.2, 0, 30)",
                       (sid, (day + timedelta(days=1)).isoformat(), person))
    got = qgis("segments", "gridapp-spatialite.qgs", cwd=tmp_path)
    every = np.array([rhythm(c) for _, _, c in segs], np.int64)
    days = np.array([day_number(last[s]) if s in last else -1 for s, _, _ in segs], np.int64)
    expected = patrol_status(every, days, today)
    assert {code: got[code]["patrol_status"] for _, code, _ in segs} == {
        code: STATUSES[k] for (_, code, _), k in zip(segs, expected, strict=True)}
    assert {got[code]["last_patrol"] for _, code, _ in segs[40:]} == {None}
    assert len({got[code]["patrol_status"] for _, code, _ in segs}) >= 4


def test_qgis_sees_cases_reported_after_the_project_was_opened(qgis_live, demo_store, tmp_path):
    """The store's cases are a real layer: a case reported while QGIS has the project open
    shows on reload, at its point, with its deadline status."""
    from gridapp.store.store import Store
    shutil.copy(MAPS / "gridapp-spatialite.qgs", tmp_path)
    copy_store(demo_store, tmp_path / STORE_FILE)
    copy = Store.open(str(tmp_path / STORE_FILE))
    try:
        with copy.read() as conn:
            x, y = conn.exec_driver_sql("SELECT cx, cy FROM grid_cells LIMIT 1").one()

        def report_one():
            return svc.report(copy.uow(), "wg0001", class_code="E0102", x=x, y=y,
                              description="QGIS 打开后上报").case
        result, case = qgis_live("gridapp-spatialite.qgs", "gridapp_cases", report_one,
                                 cwd=tmp_path)
    finally:
        copy.close()
    assert result["valid"], result
    assert result["after"]["features"] == result["before"]["features"] + 1, result
    newest = result["after"]["newest"]
    assert newest["id"] == case.id and newest["state"] == "reported"
    assert (newest["x"], newest["y"]) == (newest["gx"], newest["gy"]) == (x, y)
    assert newest["deadline_status"] == "none"  # not dispatched yet: no deadline
    assert result["before"]["newest"]["deadline_status"] in ("overdue", "warning", "normal",
                                                             "none")


def test_a_project_made_for_a_store_names_its_streets_and_chiefs(qgis, demo_store, demo_now,
                                                                 tmp_path):
    out = store_project(demo_store, tmp_path / "maps" / "江滨区.qgz", now=demo_now)
    report = qgis("project", out, cwd=tmp_path)
    assert report["read"]
    assert_styled(report)
    layers = report["layers"]
    with demo_store.read() as conn:
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM streets ORDER BY code")]
        chiefs = {r[0] for r in conn.exec_driver_sql(
            "SELECT DISTINCT p.name FROM assignments a JOIN people p ON p.id = a.person_id "
            "WHERE a.kind = 'road_chief_segment' AND a.valid_to IS NULL")}
    cells = layers["gridapp_cells"]
    assert cells["renderer"] == "categorizedSymbol" and cells["categories"][:-1] == names
    by_chief = layers["gridapp_segments"]["by_style"]["按路长"]
    assert chiefs <= set(by_chief["categories"])
    assert layers["gridapp_basemap"]["valid"]  # the offline basemap, found beside the store


def test_exported_geopackage_opens_styled_in_qgis_without_a_project(qgis, demo_store,
                                                                   tmp_path):
    out = export_layers(demo_store, tmp_path / "江滨区.gpkg")[0]
    report = qgis("gpkg", out, *LAYERS, cwd=tmp_path)
    for layer in LAYERS:
        info = report["layers"][layer]
        assert info["valid"] and info["features"] > 0 and info["crs"] == "EPSG:4547", layer
        # QGIS applied the default style from layer_styles on its own
        assert info["database_styles"] == sorted(name for _, name in STYLES[layer]), layer
        if layer in LABELLED:
            assert info["labels"], layer
        assert info["expression_errors"] == [], layer
    streets = [r for r in report["layers"]["cells"]["categories"] if r != "其他"]
    assert len(streets) == 3
    assert report["layers"]["cases"]["renderer"] == "RuleRenderer"
    assert report["layers"]["segments"]["renderer"] == "categorizedSymbol"
    assert report["render"]["errors"] == []


def test_debian_gdal_reads_the_exported_geopackage_without_warnings(qgis, demo_store,
                                                                   tmp_path):
    out = export_layers(demo_store, tmp_path / "export.gpkg")[0]
    r = subprocess.run(["ogrinfo", "-so", "-al", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "Warning" not in r.stderr and "ERROR" not in r.stderr, r.stderr
    assert "GeoPackage" in subprocess.run(["ogrinfo", "--format", "GPKG"], capture_output=True,
                                          text=True).stdout or True
    for layer in LAYERS:
        assert f"Layer name: {layer}" in r.stdout
    assert "reported_at: DateTime" in r.stdout and "return_count: Integer64" in r.stdout


def test_shipped_geopackage_project_opens_an_export(qgis, demo_store, tmp_path):
    export_layers(demo_store, tmp_path / PACKAGE_FILE)
    shutil.copy(MAPS / "gridapp-geopackage.qgs", tmp_path)
    report = qgis("project", "gridapp-geopackage.qgs", cwd=tmp_path)
    assert report["read"]
    assert_styled(report)
    assert {info["name"] for info in report["layers"].values()} == set(TITLES.values())


@pytest.mark.postgis
def test_shipped_postgis_project_opens_the_store_through_a_service(qgis, postgis_store,
                                                                  tmp_path):
    for i, (comm, serial) in enumerate([("420102001001", 2), ("420102002002", 5)]):
        x, y = cell_center(comm, serial)
        svc.report(postgis_store.uow(), "acceptor", source=Source.HOTLINE_12345,
                   class_code="E0102", x=x, y=y, description=f"描述{i}")
    url = make_url(postgis_store.url)
    service = tmp_path / "pg_service.conf"
    service.write_text(f"[gridapp]\nhost={url.host}\nport={url.port}\ndbname={url.database}\n"
                       f"user={url.username}\n", encoding="utf-8")
    shutil.copy(MAPS / "gridapp-postgis.qgs", tmp_path)
    report = qgis("project", "gridapp-postgis.qgs", cwd=tmp_path,
                  env={"PGSERVICEFILE": str(service)})
    assert report["read"]
    for layer in LAYERS:
        info = report["layers"][_ids(layer)]
        assert info["valid"] and info["crs"] == "EPSG:4547", (layer, info.get("error"))
        assert info["features"] > 0, layer
        assert all(not d["expression_errors"] for d in info["by_style"].values()), layer
    assert report["layers"]["gridapp_cases"]["features"] == 2
    assert report["render"]["errors"] == []
    xmin, ymin, xmax, ymax = report["layouts"]["一张图 A3"]["map_extent"]
    dx0, dy0, dx1, dy1 = report["layers"]["gridapp_district"]["extent"]  # 800 m × 400 m
    assert xmin <= dx0 and ymin <= dy0 and xmax >= dx1 and ymax >= dy1
    # framed on it: one side fits the district (the frame's shape sets the other)
    assert min((xmax - xmin) / (dx1 - dx0), (ymax - ymin) / (dy1 - dy0)) < 1.5
