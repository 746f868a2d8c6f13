"""The map's place rows, read through the driver's own cursor, are what SQLAlchemy read."""

from dataclasses import fields
from datetime import datetime

from gridapp.services.reading import PlaceRows


def test_place_rows_as_through_sqlalchemy(store):
    read = store.read_model
    at = datetime(2026, 11, 2, 9, 0)
    got = read.places(at)
    # the earlier reading: the same statements through SQLAlchemy, row by row
    g = store.spatial.as_wkb("geom")
    with store.read() as conn:
        def q(sql, params=None):
            return [tuple(r) for r in conn.exec_driver_sql(
                read._sql(sql), read._params(params or {})).all()]
        want = {"streets": q(f"SELECT code, name, {g} FROM streets ORDER BY code"),
                "communities": q(f"SELECT code, name, {g} FROM communities ORDER BY code"),
                "cells": q(f"SELECT code, street_code, community_code, cx, cy, {g} "
                           "FROM grid_cells ORDER BY code"),
                "segments": q(f"SELECT id, code, name, road_class, {g}, road_name "
                              "FROM road_segments ORDER BY id"),
                "components": q(f"SELECT code, class_code, {g} FROM components ORDER BY code")}
    assert {f.name for f in fields(PlaceRows)} >= set(want)
    for name, rows in want.items():
        mine = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                for r in getattr(got, name)]
        theirs = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows]
        assert mine == theirs, name
        assert mine, name  # the mini store has every layer
    assert got.classes and got.chiefs and got.district
