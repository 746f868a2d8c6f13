"""Bulk reads for indicators and analysis: a period's cases and audit rows as plain columns.

Times come back as int64 seconds since 1970 (local wall time, as stored), computed by the
database so a month of a city's cases converts without a Python datetime per value.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import Connection, text

NO_TIME = -(2 ** 62)  # "not yet": sorts before every real time

TIME_COLS = ("reported_at", "registered_at", "dispatched_at", "signed_at", "rectified_at",
             "verified_at", "closed_at", "deadline_at", "replied_at", "visited_at")
INT_COLS = ("id", "reporter_id", "road_chief_id", "grid_worker_id", "last_department_id",
            "verifier_id", "rework_count", "return_count", "extension_count")
TEXT_COLS = ("state", "source", "class_code", "street_code", "community_code", "cell_code",
             "satisfaction")


def epoch(column: str, backend: str) -> str:
    """SQL for a timestamp column as integer seconds, NO_TIME for NULL."""
    if backend == "postgresql":
        return f"COALESCE(CAST(EXTRACT(EPOCH FROM {column}) AS BIGINT), {NO_TIME})"
    return f"COALESCE(unixepoch({column}), {NO_TIME})"  # SQLite ≥ 3.38; faster than strftime


def _rows(conn: Connection, sql: str, params: dict) -> list[tuple]:
    """Plain tuples from the driver's cursor: a month of a city's cases is 80,000 rows, and
    SQLAlchemy's Row objects would cost more than the query (measured: 3×)."""
    if conn.dialect.name == "postgresql":
        sql = re.sub(r":(\w+)", r"%(\1)s", sql)
    cur = conn.connection.cursor()
    try:
        cur.execute(sql, params)
        return cur.fetchall()
    finally:
        cur.close()


def _select(backend: str) -> str:
    cols = [f"COALESCE({c}, -1)" for c in INT_COLS]
    cols += [epoch(c, backend) for c in TIME_COLS]
    cols += [f"COALESCE({c}, '')" for c in TEXT_COLS]
    return "SELECT " + ", ".join(cols) + " FROM cases "


def period_cases(conn: Connection, start: datetime, end: datetime) -> dict[str, list]:
    """Cases registered in [start, end) and cases reported in it, each once, as columns."""
    backend = conn.dialect.name
    sql = _select(backend)
    params = {"s": _param(conn, start), "e": _param(conn, end)}
    rows = _rows(conn, sql + "WHERE registered_at >= :s AND registered_at < :e", params)
    # reports of the period not registered in it (rejected, pending, registered later)
    rows += _rows(conn, sql + "WHERE reported_at >= :s AND reported_at < :e AND "
                  "(registered_at IS NULL OR registered_at < :s OR registered_at >= :e)", params)
    names = INT_COLS + TIME_COLS + TEXT_COLS
    if not rows:
        return {n: [] for n in names}
    return dict(zip(names, (list(c) for c in zip(*rows, strict=True)), strict=True))


def events(conn: Connection, action: str, start: datetime, end: datetime) -> list[tuple]:
    """(case_id, seq, actor_id, at seconds) of one audit action in [start, end)."""
    sql = (f"SELECT case_id, seq, actor_id, {epoch('at', conn.dialect.name)} FROM case_events "
           "WHERE action = :a AND at >= :s AND at < :e")
    return _rows(conn, sql, {"a": action, "s": _param(conn, start), "e": _param(conn, end)})


def _param(conn: Connection, t: datetime):
    """A datetime as the driver compares it with stored values (SQLite stores ISO text)."""
    return t.isoformat(sep=" ") if conn.dialect.name == "sqlite" else t


def people(conn: Connection) -> list[tuple[int, str, str, int | None, str]]:
    """(id, username, name, department_id, comma-joined roles) of everyone."""
    roles: dict[int, list[str]] = {}
    for pid, role in _rows(conn, "SELECT person_id, role FROM person_roles", {}):
        roles.setdefault(pid, []).append(role)
    return [(r[0], r[1], r[2], r[3], ",".join(sorted(roles.get(r[0], []))))
            for r in _rows(conn, "SELECT id, username, name, department_id FROM people", {})]


def unit_names(conn: Connection) -> dict[str, dict]:
    """Names of streets, communities and departments by code/id; cells by code (to street)."""
    return {
        "street": dict(conn.execute(text("SELECT code, name FROM streets")).all()),
        "community": dict(conn.execute(text("SELECT code, name FROM communities")).all()),
        "department": {i: n for i, n in conn.execute(text("SELECT id, name FROM departments"))},
        "department_code": {i: c for i, c in conn.execute(text("SELECT id, code FROM departments"))},
    }


def daily_counts(conn: Connection, start: datetime, end: datetime, by: str = "reported_at",
                 class_code: str | None = None, unit_column: str | None = None,
                 unit: str | None = None) -> list[tuple[str, int]]:
    """(YYYY-MM-DD, cases) per day in [start, end), optionally of one class in one unit."""
    if by not in ("reported_at", "registered_at", "closed_at"):
        raise ValueError(by)
    if unit_column not in (None, "street_code", "community_code", "cell_code"):
        raise ValueError(unit_column)
    where, params = [f"{by} >= :s", f"{by} < :e"], {"s": start, "e": end}
    if class_code:
        where.append("class_code = :c")
        params["c"] = class_code
    if unit_column and unit:
        where.append(f"{unit_column} = :u")
        params["u"] = unit
    day = f"CAST(date({by}) AS TEXT)" if conn.dialect.name == "postgresql" else f"date({by})"
    sql = (f"SELECT {day} AS d, COUNT(*) FROM cases WHERE {' AND '.join(where)} "
           f"GROUP BY d ORDER BY d")
    return [(str(d), int(n)) for d, n in conn.execute(text(sql), params)]


def case_points(conn: Connection, start: datetime, end: datetime) -> dict[str, list]:
    """x, y, class, cell and time of every case reported in [start, end) (hotspots, repeats)."""
    sql = (f"SELECT id, x, y, class_code, COALESCE(cell_code, ''), COALESCE(street_code, ''), "
           f"{epoch('reported_at', conn.dialect.name)}, COALESCE(source, '') FROM cases "
           "WHERE reported_at >= :s AND reported_at < :e")
    rows = _rows(conn, sql, {"s": _param(conn, start), "e": _param(conn, end)})
    names = ("id", "x", "y", "class_code", "cell_code", "street_code", "reported_at", "source")
    if not rows:
        return {n: [] for n in names}
    return dict(zip(names, (list(c) for c in zip(*rows, strict=True)), strict=True))


def open_deadlines(conn: Connection, states: tuple[str, ...], now: datetime) -> list[tuple]:
    """Cases in a unit's hands whose warning time has come: (id, reported_at, class_code,
    state, department_id, person_id, street_code, deadline s, warning s, supervisions)."""
    b = conn.dialect.name
    marks = ", ".join(f":s{i}" for i in range(len(states)))
    sql = (f"SELECT id, reported_at, class_code, state, COALESCE(assignee_department_id, -1), "
           f"COALESCE(assignee_person_id, -1), COALESCE(street_code, ''), "
           f"{epoch('deadline_at', b)}, {epoch('warning_at', b)}, supervision_count FROM cases "
           f"WHERE state IN ({marks}) AND deadline_at IS NOT NULL "
           f"AND (warning_at <= :now OR deadline_at <= :now)")
    params = {f"s{i}": s for i, s in enumerate(states)} | {"now": now}
    return [tuple(r) for r in conn.execute(text(sql), params)]
