"""Exports judge and stamp by the district's clock (the store's), not this computer's, and a
store without cases exports its cases layer with the types a full one has."""

import json
from datetime import datetime

import pyogrio
from factories import act, cell_center, clock

from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.io.export import export_layers, export_open311

T0 = datetime(2026, 11, 2, 9, 0)  # Monday, long before this computer's now


def _dispatched(store):
    x, y = cell_center("420102001001", 2)
    c = act(store, "acceptor", None, Action.REPORT, source=Source.HOTLINE_12345,
            class_code="E0102", x=x, y=y, description="暴露垃圾", at=T0).case
    act(store, "acceptor", c.id, Action.REGISTER, at=T0)
    act(store, "dispatcher", c.id, Action.DISPATCH, assignee=("department", "sanitation"),
        at=T0.replace(minute=10))
    return c


def test_open311_updated_time_is_the_store_clock_with_the_district_offset(sqlite_store,
                                                                         tmp_path):
    _dispatched(sqlite_store)
    export_open311(sqlite_store, tmp_path / "311.json")
    req = json.loads((tmp_path / "311.json").read_text(encoding="utf-8"))[0]
    assert req["updated_datetime"] == "2026-11-02T09:10:00+08:00"


def test_exported_layers_judge_deadlines_by_the_store_clock(sqlite_store, tmp_path):
    _dispatched(sqlite_store)
    clock(sqlite_store, T0.replace(minute=30))  # just dispatched: not yet due
    export_layers(sqlite_store, tmp_path / "now.gpkg", layers=("cases",))
    status = pyogrio.read_dataframe(tmp_path / "now.gpkg", layer="cases")["deadline_status"]
    assert list(status) == ["normal"]
    clock(sqlite_store, datetime(2026, 11, 20, 9))
    export_layers(sqlite_store, tmp_path / "later.gpkg", layers=("cases",))
    status = pyogrio.read_dataframe(tmp_path / "later.gpkg", layer="cases")["deadline_status"]
    assert list(status) == ["overdue"]


def test_an_empty_cases_layer_has_the_field_types_of_a_full_one(empty_store, sqlite_store,
                                                                 tmp_path):
    _dispatched(sqlite_store)
    export_layers(empty_store, tmp_path / "empty.gpkg", layers=("cases",))
    export_layers(sqlite_store, tmp_path / "full.gpkg", layers=("cases",))
    empty, full = (pyogrio.read_info(tmp_path / f"{n}.gpkg", layer="cases")
                   for n in ("empty", "full"))
    assert empty["features"] == 0 and full["features"] == 1
    assert dict(zip(empty["fields"], empty["ogr_types"], strict=True)) == \
        dict(zip(full["fields"], full["ogr_types"], strict=True))
