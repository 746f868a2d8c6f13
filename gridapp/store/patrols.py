"""Patrol tracks, check-ins and what they covered, as SQL (read and written in bulk)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import numpy as np
import shapely
from sqlalchemy import Connection, text

from ..domain.people import AssignmentKind
from .changes import log_table

NOON = time(12, 0)  # a segment's day belongs to whoever is in charge of it at noon


def _day(v) -> date:
    return v if isinstance(v, date) and not isinstance(v, datetime) else \
        date.fromisoformat(str(v)[:10])


def _time(v) -> datetime:
    return v if isinstance(v, datetime) else datetime.fromisoformat(str(v))


def _t(conn: Connection, v: datetime):
    """A time bound as SQLAlchemy's SQLite DateTime writes it (comparisons stay textual)."""
    return v.isoformat(" ", "microseconds") if conn.dialect.name == "sqlite" else v


def _wkb(conn: Connection, column: str = "geom") -> str:
    return f"AsBinary({column})" if conn.dialect.name == "sqlite" else f"ST_AsBinary({column})"


def _from_wkb(conn: Connection, srid: int) -> str:
    return f"GeomFromWKB(:g, {srid})" if conn.dialect.name == "sqlite" else \
        f"ST_GeomFromWKB(:g, {srid})"


def add_track(conn: Connection, srid: int, person_id: int, t: np.ndarray, x: np.ndarray,
              y: np.ndarray, source: str) -> int:
    """One person-day's points (t: datetime64[s] in the district's time, in order) as one row."""
    start = t[0].astype("datetime64[s]").astype(datetime)
    offsets = (t - t[0]).astype("timedelta64[s]").astype(np.int32)
    coords = np.column_stack([x, y])
    if len(coords) == 1:  # a line needs two vertices: a track of one fix stands still
        coords, offsets = np.vstack([coords, coords]), np.r_[offsets, offsets]
    line = shapely.linestrings(coords)
    seq = log_table(conn, "patrol_tracks")
    row = {"p": person_id, "d": start.date(), "s": _t(conn, start),
           "e": _t(conn, t[-1].astype("datetime64[s]").astype(datetime)), "n": int(len(t)),
           "len": float(shapely.length(line)), "src": source,
           "times": offsets.astype("<i4").tobytes(), "g": shapely.to_wkb(line), "seq": seq}
    return conn.execute(text(
        "INSERT INTO patrol_tracks (person_id, day, started_at, ended_at, points, length_m, "
        f"source, times, geom, change_seq) VALUES (:p, :d, :s, :e, :n, :len, :src, :times, "
        f"{_from_wkb(conn, srid)}, :seq) RETURNING id"), row).scalar_one()


def add_checkin(conn: Connection, srid: int, person_id: int, at: datetime, x: float, y: float,
                note: str, source: str) -> int:
    seq = log_table(conn, "patrol_checkins")
    return conn.execute(text(
        "INSERT INTO patrol_checkins (person_id, day, at, note, source, geom, change_seq) "
        f"VALUES (:p, :d, :at, :note, :src, {_from_wkb(conn, srid)}, :seq) RETURNING id"),
        {"p": person_id, "d": at.date(), "at": _t(conn, at), "note": note, "src": source,
         "g": shapely.to_wkb(shapely.Point(x, y)), "seq": seq}).scalar_one()


def tracks_of(conn: Connection, person_id: int, day: date) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each track of a person-day: (times as datetime64[s], coords (n, 2))."""
    out = []
    for started, times, wkb in conn.execute(text(
            f"SELECT started_at, times, {_wkb(conn)} FROM patrol_tracks "
            "WHERE person_id = :p AND day = :d ORDER BY started_at"),
            {"p": person_id, "d": day}):
        offsets = np.frombuffer(bytes(times), "<i4").astype("timedelta64[s]")
        t = np.datetime64(_time(started), "s") + offsets
        out.append((t, shapely.get_coordinates(shapely.from_wkb(bytes(wkb)))))
    return out


def checkins_of(conn: Connection, person_id: int, day: date) -> np.ndarray:
    rows = conn.execute(text(f"SELECT {_wkb(conn)} FROM patrol_checkins "
                             "WHERE person_id = :p AND day = :d"),
                        {"p": person_id, "d": day}).scalars().all()
    if not rows:
        return np.zeros((0, 2))
    return shapely.get_coordinates(shapely.from_wkb([bytes(r) for r in rows]))


def in_charge(conn: Connection, day: date, person_id: int | None = None) -> dict[int, list[int]]:
    """person id → ids of the segments he is in charge of at noon of `day`."""
    at = _t(conn, datetime.combine(day, NOON))
    sql = ("SELECT a.person_id, s.id FROM assignments a JOIN road_segments s "
           "ON s.code = a.target_code WHERE a.kind = :k AND a.person_id IS NOT NULL "
           "AND a.valid_from <= :at AND (a.valid_to IS NULL OR a.valid_to > :at)")
    params = {"k": AssignmentKind.ROAD_CHIEF_SEGMENT.value, "at": at}
    if person_id is not None:
        sql += " AND a.person_id = :p"
        params["p"] = person_id
    out: dict[int, list[int]] = {}
    for p, s in conn.execute(text(sql), params):
        out.setdefault(int(p), []).append(int(s))
    return out


def segment_lines(conn: Connection, ids=None) -> dict[int, tuple[object, str]]:
    """segment id → (line geometry, road class)."""
    rows = conn.execute(text(f"SELECT id, road_class, {_wkb(conn)} FROM road_segments")).all()
    want = None if ids is None else set(ids)
    return {int(i): (shapely.from_wkb(bytes(g)), c) for i, c, g in rows
            if want is None or int(i) in want}


def replace_days(conn: Connection, person_id: int, day: date, rows: list[dict]) -> None:
    """What one person-day covered, replacing what was computed for it before."""
    conn.execute(text("DELETE FROM patrol_days WHERE person_id = :p AND day = :d"),
                 {"p": person_id, "d": day})
    if rows:
        conn.execute(text(
            "INSERT INTO patrol_days (segment_id, day, person_id, covered_share, checked_in, "
            "within_m) VALUES (:segment_id, :day, :person_id, :covered_share, :checked_in, "
            ":within_m)"), rows)


def covered(conn: Connection, start: date, end: date) -> list[tuple]:
    """(segment_id, day, person_id, covered_share, checked_in) of days in [start, end)."""
    return [(int(s), _day(d), int(p), float(c), bool(k)) for s, d, p, c, k in conn.execute(text(
        "SELECT segment_id, day, person_id, covered_share, checked_in FROM patrol_days "
        "WHERE day >= :s AND day < :e"), {"s": start, "e": end})]


def charge_periods(conn: Connection) -> list[tuple]:
    """(segment id, person id, valid_from, valid_to) of every road chief assignment."""
    return [(int(s), int(p), _time(f), _time(t) if t is not None else None)
            for s, p, f, t in conn.execute(text(
                "SELECT s.id, a.person_id, a.valid_from, a.valid_to FROM assignments a "
                "JOIN road_segments s ON s.code = a.target_code WHERE a.kind = :k "
                "AND a.person_id IS NOT NULL"),
                {"k": AssignmentKind.ROAD_CHIEF_SEGMENT.value})]


def kilometres(conn: Connection, start: date, end: date) -> list[tuple]:
    """(person id, day, metres walked) of tracks in [start, end)."""
    return [(int(p), _day(d), float(m)) for p, d, m in conn.execute(text(
        "SELECT person_id, day, sum(length_m) FROM patrol_tracks WHERE day >= :s AND day < :e "
        "GROUP BY person_id, day"), {"s": start, "e": end})]


def day_tracks(conn: Connection, day: date) -> list[tuple]:
    """(person id, started, ended, metres, packed seconds, wkb) of every track of a day (the
    map's track layer), by person and start."""
    return [(int(p), _time(s), _time(e), float(m), bytes(t), bytes(g))
            for p, s, e, m, t, g in conn.execute(text(
                f"SELECT person_id, started_at, ended_at, length_m, times, {_wkb(conn)} "
                "FROM patrol_tracks WHERE day = :d ORDER BY person_id, started_at"),
                {"d": day})]


def day_checkins(conn: Connection, day: date) -> list[tuple]:
    """(person id, at, note, wkb) of every check-in of a day, by person and time."""
    return [(int(p), _time(a), n or "", bytes(g)) for p, a, n, g in conn.execute(text(
        f"SELECT person_id, at, note, {_wkb(conn)} FROM patrol_checkins WHERE day = :d "
        "ORDER BY person_id, at"), {"d": day})]


def person_checkins(conn: Connection, person_id: int) -> list[tuple]:
    """(day, wkb) of every check-in of a person (a grid worker's last visit to his cells)."""
    return [(_day(d), bytes(g)) for d, g in conn.execute(text(
        f"SELECT day, {_wkb(conn)} FROM patrol_checkins WHERE person_id = :p"),
        {"p": person_id})]


def last_patrol(conn: Connection, share: float) -> dict[int, date]:
    """segment id → the last day it counted as patrolled."""
    return {int(s): _day(d) for s, d in conn.execute(text(
        "SELECT segment_id, max(day) FROM patrol_days WHERE covered_share >= :share "
        "OR checked_in = :t GROUP BY segment_id"), {"share": share, "t": True})}


def next_day(d: date) -> date:
    return d + timedelta(days=1)


def has_track(conn: Connection, person_id: int, started: datetime, points: int,
              source: str) -> bool:
    return conn.execute(text(
        "SELECT 1 FROM patrol_tracks WHERE person_id = :p AND day = :d AND started_at = :s "
        "AND points = :n AND source = :src"),
        {"p": person_id, "d": started.date(), "s": _t(conn, started), "n": points,
         "src": source}).first() is not None


def person_days(conn: Connection, start: date, end: date) -> list[tuple[int, date]]:
    """Every (person, day) with a track or a check-in in [start, end)."""
    rows = conn.execute(text(
        "SELECT person_id, day FROM patrol_tracks WHERE day >= :s AND day < :e UNION "
        "SELECT person_id, day FROM patrol_checkins WHERE day >= :s AND day < :e"),
        {"s": start, "e": end}).all()
    return sorted({(int(p), _day(d)) for p, d in rows})
