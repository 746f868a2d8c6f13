"""Field packages and the edits merged back from them, as SQL."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Connection, text

from ..domain.case import CaseState


def _t(conn: Connection, v: datetime | None):
    if v is None or conn.dialect.name != "sqlite":
        return v
    return v.isoformat(" ", "microseconds")


def _time(v) -> datetime | None:
    return v if v is None or isinstance(v, datetime) else datetime.fromisoformat(str(v))


def _json(v) -> dict:
    return v if isinstance(v, dict) else json.loads(v or "{}")


def add_package(conn: Connection, package_id: str, person_id: int, made_at: datetime,
                made_by: int, cases: dict[int, int]) -> None:
    conn.execute(text("INSERT INTO field_packages (id, person_id, made_at, made_by, cases) "
                      "VALUES (:i, :p, :t, :b, :c)"),
                 {"i": package_id, "p": person_id, "t": _t(conn, made_at), "b": made_by,
                  "c": json.dumps({str(k): v for k, v in cases.items()})})


def package(conn: Connection, package_id: str) -> dict | None:
    row = conn.execute(text("SELECT id, person_id, made_at, made_by, cases FROM field_packages "
                            "WHERE id = :i"), {"i": package_id}).first()
    if row is None:
        return None
    return {"id": row[0], "person_id": int(row[1]), "made_at": _time(row[2]),
            "made_by": int(row[3]), "cases": {int(k): int(v) for k, v in _json(row[4]).items()}}


def edit_ids(conn: Connection, package_id: str) -> set[str]:
    return set(conn.execute(text("SELECT edit_id FROM field_edits WHERE package_id = :i"),
                            {"i": package_id}).scalars())


def record_edit(conn: Connection, package_id: str, edit_id: str, layer: str, person_id: int,
                case_id: int | None, action: str, field_time: datetime | None, status: str,
                data: dict, message: str, now: datetime) -> None:
    conn.execute(text(
        "INSERT INTO field_edits (package_id, edit_id, layer, person_id, case_id, action, "
        "field_time, status, data, message, imported_at) VALUES (:pk, :e, :l, :p, :c, :a, :ft, "
        ":s, :d, :m, :now)"),
        {"pk": package_id, "e": edit_id, "l": layer, "p": person_id, "c": case_id, "a": action,
         "ft": _t(conn, field_time), "s": status, "d": json.dumps(data, ensure_ascii=False),
         "m": message, "now": _t(conn, now)})


def decide(conn: Connection, package_id: str, edit_id: str, status: str, by: int,
           at: datetime, message: str = "") -> int:
    return conn.execute(text(
        "UPDATE field_edits SET status = :s, decided_by = :b, decided_at = :t, message = :m "
        "WHERE package_id = :pk AND edit_id = :e AND status = 'conflict'"),
        {"s": status, "b": by, "t": _t(conn, at), "m": message, "pk": package_id,
         "e": edit_id}).rowcount


EDIT_COLUMNS = ("package_id", "edit_id", "layer", "person_id", "case_id", "action",
                "field_time", "status", "data", "message", "imported_at", "decided_by",
                "decided_at")


def edits(conn: Connection, status: str | None = None, package_id: str | None = None,
          person_id: int | None = None) -> list[dict]:
    where, params = [], {}
    for col, val in (("status", status), ("package_id", package_id), ("person_id", person_id)):
        if val is not None:
            where.append(f"{col} = :{col}")
            params[col] = val
    sql = f"SELECT {', '.join(EDIT_COLUMNS)} FROM field_edits"
    if where:
        sql += " WHERE " + " AND ".join(where)
    out = []
    for r in conn.execute(text(sql + " ORDER BY imported_at, package_id, edit_id"), params):
        d = dict(zip(EDIT_COLUMNS, r, strict=True))
        d["data"] = _json(d["data"])
        for k in ("field_time", "imported_at", "decided_at"):
            d[k] = _time(d[k])
        out.append(d)
    return out


OPEN_STATES = tuple(s.value for s in CaseState if s.is_open)
