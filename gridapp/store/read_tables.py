"""The read side of exports: each layer and the case table as the store holds them now, with
the names people read (street, class, unit and person in charge at the given time)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pandas as pd
from sqlalchemy import text

from ..domain.case import CaseState
from ..services.reading import CaseSelection

HANDLING = tuple(s.value for s in CaseState if s.is_handling)
OPEN = tuple(s.value for s in CaseState if s.is_open)
IDS_AT_ONCE = 900  # SQLite's bound-parameter limit
IDS_BY_ID = 20_000  # more ids than this: read every case and keep those (fewer round trips)


def _in(values: Sequence[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)  # the states' own names, never user text


def in_charge_sql(alias: str, at: str = ":at") -> str:
    """`domain.people.in_charge` as SQL over an assignments row `alias` at the bind `at`."""
    return (f"{alias}.valid_from <= {at} AND ({alias}.valid_to IS NULL "
            f"OR {alias}.valid_to > {at})")


def _q(conn, sql: str, **params) -> pd.DataFrame:
    return pd.read_sql_query(text(sql), conn, params=params)


def layer_table(store, name: str, at: datetime) -> pd.DataFrame:
    """One place layer (geometry as WKB in `wkb`) with who is in charge at `at` and its open
    and overdue cases at `at`."""
    g = store.spatial.as_wkb("geom")
    with store.read() as conn:
        if name == "district":
            return _q(conn, f"SELECT code, name, {g} AS wkb FROM districts")
        if name == "streets":
            return _q(conn, f"SELECT code, name, {g} AS wkb FROM streets ORDER BY code")
        if name == "communities":
            return _q(conn, f"SELECT code, street_code, name, {g} AS wkb FROM communities "
                            "ORDER BY code")
        if name == "cells":
            df = _q(conn, f"""
                SELECT c.code, c.community_code, c.street_code, co.name AS community,
                       s.name AS street, c.area_m2, p.name AS grid_worker,
                       p.username AS worker_user, {g.replace('geom', 'c.geom')} AS wkb
                FROM grid_cells c
                LEFT JOIN communities co ON co.code = c.community_code
                LEFT JOIN streets s ON s.code = c.street_code
                LEFT JOIN assignments a ON a.kind = 'grid_worker_cell' AND a.target_code = c.code
                     AND {in_charge_sql('a')}
                LEFT JOIN people p ON p.id = a.person_id
                ORDER BY c.code""", at=at)
            counts = _q(conn, f"SELECT cell_code AS code, count(*) AS open_cases, "
                              f"sum(CASE WHEN state IN ({_in(HANDLING)}) AND deadline_at < :at "
                              f"THEN 1 ELSE 0 END) AS overdue FROM cases "
                              f"WHERE state IN ({_in(OPEN)}) GROUP BY cell_code", at=at)
            return df.merge(counts, on="code", how="left").fillna({"open_cases": 0,
                                                                   "overdue": 0})
        if name == "segments":
            df = _q(conn, f"""
                SELECT sg.id, sg.code, sg.road_name, sg.road_class, sg.name, sg.length_m,
                       p.name AS road_chief, p.username AS chief_user, p.id AS chief_id,
                       {g.replace('geom', 'sg.geom')} AS wkb
                FROM road_segments sg
                LEFT JOIN assignments a ON a.kind = 'road_chief_segment'
                     AND a.target_code = sg.code AND {in_charge_sql('a')}
                LEFT JOIN people p ON p.id = a.person_id
                ORDER BY sg.code""", at=at)
            counts = _q(conn, f"SELECT segment_id AS id, count(*) AS open_cases FROM cases "
                              f"WHERE state IN ({_in(OPEN)}) AND segment_id IS NOT NULL "
                              "GROUP BY segment_id")
            return df.merge(counts, on="id", how="left").fillna({"open_cases": 0})
        if name == "components":
            return _q(conn, f"""
                SELECT c.code, c.class_code, c.name, d.name AS owner, c.status,
                       {g.replace('geom', 'c.geom')} AS wkb
                FROM components c LEFT JOIN departments d ON d.id = c.owner_department_id
                ORDER BY c.code""")
    raise ValueError(f"no place layer {name!r}")


def district_wkb(store) -> bytes | None:
    """The district's boundary (WKB), if the store has one."""
    with store.read() as conn:
        raw = conn.exec_driver_sql(f"SELECT {store.spatial.as_wkb('geom')} FROM districts"
                                   ).scalar()
    return bytes(raw) if raw else None


def style_names(store, at: datetime) -> tuple[list, list, list]:
    """Streets (code, name), the road chiefs on duty at `at` (username, name, id) and the
    current catalog's classes (code, name, kind): what a legend names."""
    with store.read() as conn:
        streets = _q(conn, "SELECT code, name FROM streets ORDER BY code")
        chiefs = _q(conn, "SELECT DISTINCT p.username, p.name, p.id FROM assignments a "
                          "JOIN people p ON p.id = a.person_id WHERE a.kind = "
                          f"'road_chief_segment' AND {in_charge_sql('a')} ORDER BY p.username",
                    at=at)
        classes = _q(conn, "SELECT code, name, kind FROM catalog_classes WHERE version = "
                           "(SELECT max(version) FROM catalog_versions) ORDER BY code")
    return ([tuple(r) for r in streets.itertuples(index=False)],
            [tuple(r) for r in chiefs.itertuples(index=False)],
            [tuple(r) for r in classes.itertuples(index=False)])


CASE_SELECT = """
    SELECT c.id, c.reported_at, c.source, c.kind, c.class_code, cc.name AS class_name,
           c.state, c.description, c.address, c.x, c.y, c.cell_code, c.community_code,
           c.street_code, s.name AS street, c.external_id, c.deadline_at, c.warning_at,
           c.dispatched_at, c.rectified_at, c.verified_at, c.closed_at,
           d.name AS department, p.name AS road_chief, c.return_count,
           c.rework_count, c.extension_count, c.reopen_count, c.supervision_count,
           c.duplicate_of, o.reported_at AS original_reported_at, c.satisfaction,
           c.updated_at, c.time_limit_minutes
    FROM cases c
    LEFT JOIN cases o ON o.id = c.duplicate_of
    LEFT JOIN catalog_classes cc ON cc.code = c.class_code
         AND cc.version = (SELECT max(version) FROM catalog_versions)
    LEFT JOIN streets s ON s.code = c.street_code
    LEFT JOIN departments d ON d.id = c.assignee_department_id
    LEFT JOIN people p ON p.id = c.assignee_person_id"""


def case_table(store, which: CaseSelection) -> pd.DataFrame:
    """The chosen cases in id order (the unit in charge is the one they are dispatched to)."""
    where, params = [], {}
    if which.states:
        where.append("c.state IN (" + ", ".join(f":s{i}" for i in range(len(which.states)))
                     + ")")
        params.update({f"s{i}": s for i, s in enumerate(which.states)})
    if which.reported_from is not None:
        where.append("c.reported_at >= :since")
        params["since"] = which.reported_from
    if which.reported_to is not None:
        where.append("c.reported_at < :until")
        params["until"] = which.reported_to
    with store.read() as conn:
        if which.ids is None or len(which.ids) > IDS_BY_ID:
            sql = CASE_SELECT + (" WHERE " + " AND ".join(where) if where else "")
            df = _q(conn, sql + " ORDER BY c.id", **params)
            if which.ids is None:
                return df
            return df[df["id"].isin(which.ids)].reset_index(drop=True)
        ids = sorted(set(which.ids))
        if not ids:
            return _q(conn, CASE_SELECT + " WHERE 1 = 0")
        parts = []
        for k in range(0, len(ids), IDS_AT_ONCE):
            chunk = {f"i{j}": v for j, v in enumerate(ids[k:k + IDS_AT_ONCE])}
            cond = where + ["c.id IN (" + ", ".join(":" + n for n in chunk) + ")"]
            parts.append(_q(conn, CASE_SELECT + " WHERE " + " AND ".join(cond) +
                            " ORDER BY c.id", **params, **chunk))
        return pd.concat(parts, ignore_index=True)
