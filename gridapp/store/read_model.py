"""The read side in one place: what the client, the CLI and the exports read, and what changed.

Readers take a mark before they read (store/changes.py) and later ask for the changes after
it; nothing here depends on a clock. The rule for "who is responsible at time t" is the
domain's `in_charge`, written once in SQL below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime

import pandas as pd

from ..domain.people import AssignmentKind
from ..services.reading import (
    CASE_COLUMNS,
    NOTHING,
    CaseSelection,
    Changes,
    DayPatrols,
    Mark,
    PlaceRows,
)
from . import patrols, read_tables
from .case_columns import case_columns
from .changes import after, current_mark, mark_is_valid
from .read_tables import in_charge_sql

# case rows fetched at a time: small batches are read ~25 % faster than 100,000-row ones
# (their tuples stay in the CPU's cache), and a million rows at once would take 1.5 GB
CHUNK = 2_000


class SqlReadModel:
    """Reads for one store; each call is its own short read transaction."""

    def __init__(self, store) -> None:
        self.store = store
        self.sqlite = store.backend == "sqlite"

    def _sql(self, sql: str) -> str:
        """Named binds in the driver's own style (raw cursors are the fast path)."""
        return sql if self.sqlite else re.sub(r"(?<!:):(\w+)", r"%(\1)s", sql)

    def _params(self, params: dict) -> dict:
        # SQLite keeps times as SQLAlchemy writes them; compare in the same text form
        if not self.sqlite:
            return params
        return {k: v.isoformat(" ", "microseconds") if isinstance(v, datetime) else v
                for k, v in params.items()}

    # ---- marks and changes ---------------------------------------------------------------
    def mark(self) -> Mark:
        with self.store.read() as conn:
            return current_mark(conn)

    def mark_is_valid(self, mark: Mark) -> bool:
        with self.store.read() as conn:
            return mark_is_valid(conn, mark)

    def changes(self, since: Mark) -> Changes:
        """Everything written after `since` (a change that commits meanwhile comes again)."""
        with self.store.read() as conn:
            mark = current_mark(conn)
            cond, params = after(conn, since)
            ids = conn.exec_driver_sql(self._sql(f"SELECT id FROM cases WHERE {cond}"),
                                       params).scalars().all()
            cond, params = after(conn, since, "seq")
            logged = conn.exec_driver_sql(self._sql(
                f"SELECT DISTINCT tbl, row_id FROM change_log WHERE {cond}"), params).all()
        deleted = frozenset(int(r) for t, r in logged if t == "cases" and r is not None)
        tables = frozenset(t for t, r in logged if t != "cases")
        return Changes(mark, tuple(sorted(int(i) for i in ids)), deleted, tables)

    # ---- the map's layers ----------------------------------------------------------------
    def places(self, at: datetime) -> PlaceRows:
        """Every place layer, and who is in charge of each segment at `at`."""
        g = self.store.spatial.as_wkb("geom")
        with self.store.read() as conn:
            # the driver's own cursor: its plain tuples cost half the CPU of SQLAlchemy's
            # rows (~0.3 s for a city's cells and components)
            cur = conn.connection.cursor()

            def q(sql, params=None):
                cur.execute(self._sql(sql), self._params(params or {}))
                return cur.fetchall()
            try:
                version = q("SELECT max(version) FROM catalog_versions")[0][0]
                chiefs = dict(q("SELECT a.target_code, a.person_id FROM assignments a WHERE "
                                f"a.kind = :kind AND {in_charge_sql('a')}",
                                {"kind": AssignmentKind.ROAD_CHIEF_SEGMENT.value, "at": at}))
                district = q(f"SELECT {g} FROM districts")
                return PlaceRows(
                    streets=q(f"SELECT code, name, {g} FROM streets ORDER BY code"),
                    communities=q(f"SELECT code, name, {g} FROM communities ORDER BY code"),
                    classes=q("SELECT code, name FROM catalog_classes WHERE version = :v "
                              "ORDER BY code", {"v": version}),
                    cells=q(f"SELECT code, street_code, community_code, cx, cy, {g} "
                            "FROM grid_cells ORDER BY code"),
                    segments=q(f"SELECT id, code, name, road_class, {g}, road_name "
                               "FROM road_segments ORDER BY id"),
                    components=q(f"SELECT code, class_code, {g} FROM components ORDER BY code"),
                    district=bytes(district[0][0]) if district and district[0][0] else None,
                    chiefs={k: v for k, v in chiefs.items() if v is not None})
            finally:
                cur.close()

    def case_rows(self, ids: Sequence[int] | None = None) -> Iterator[list[tuple]]:
        """CASE_COLUMNS of every case in id order, or of the given ids, in chunks."""
        select = f"SELECT {', '.join(CASE_COLUMNS)} FROM cases "
        with self.store.read() as conn:
            cur = conn.connection.cursor()
            try:
                if ids is None:
                    cur.execute(select + "ORDER BY id")
                    while rows := cur.fetchmany(CHUNK):
                        yield rows
                    return
                ids = list(ids)
                step = 900  # SQLite's bound-parameter limit
                for k in range(0, len(ids), step):
                    part = ids[k:k + step]
                    ph = ", ".join("?" if self.sqlite else "%s" for _ in part)
                    cur.execute(select + f"WHERE id IN ({ph})", part)
                    if rows := cur.fetchall():
                        yield rows
            finally:
                cur.close()

    def case_columns(self) -> Iterator[list]:
        """CASE_COLUMNS of every case in id order, in chunks, one sequence per column: on
        SQLite read column-wise (numbers parsed, times as byte strings: store/case_columns.py
        says how), elsewhere the rows' values."""
        if not self.sqlite:
            for rows in self.case_rows():
                yield list(zip(*rows, strict=True))
            return
        # one read transaction: every chunk (each a few queries) sees the same store
        with self.store.read() as conn, conn.begin():
            cur = conn.connection.cursor()
            try:
                yield from case_columns(cur)
            finally:
                cur.close()

    def case_count(self) -> int:
        """How many cases there are (what a progress bar over `case_rows()` counts to)."""
        with self.store.read() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM cases").scalar())

    def search_cases(self, text: str, limit: int = 200) -> list[int]:
        """Ids of cases whose description, address or ticket number holds `text`, newest
        first; a case number (year + 8 digits) finds its case."""
        t = text.strip()
        if not t:
            return []
        like = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = ("SELECT id FROM cases WHERE description LIKE :t ESCAPE '\\' OR address LIKE :t "
               "ESCAPE '\\' OR external_id LIKE :t ESCAPE '\\'")
        params: dict = {"t": like, "n": limit}
        if t.isdigit() and len(t) == 12:
            sql += " OR id = :id"
            params["id"] = int(t[4:])
        with self.store.read() as conn:
            return [int(i) for i in conn.exec_driver_sql(
                self._sql(sql + " ORDER BY id DESC LIMIT :n"), params).scalars()]

    def overlapping_cells(self, since: Mark = NOTHING, min_area: float = 1.0
                          ) -> list[tuple[str, str, float]]:
        """Unit grid cells that overlap (by more than `min_area` m²) where at least one of
        the two was written after `since` — cells edited in QGIS or by SQL included."""
        with self.store.read() as conn:
            cond, params = after(conn, since, "a.change_seq")
            sql = self.store.spatial.overlapping_cells(cond)
            rows = conn.exec_driver_sql(self._sql(sql), {**params, "min_area": min_area}).all()
        pairs = {tuple(sorted((a, b))): float(area) for a, b, area in rows}
        return sorted((a, b, area) for (a, b), area in pairs.items())

    def addresses(self, ids: Sequence[int]) -> dict[int, str]:
        """Case id → address (the list shows them row by row as they scroll into view)."""
        out: dict[int, str] = {}
        ids = [int(i) for i in ids]
        with self.store.read() as conn:
            for k in range(0, len(ids), 900):
                part = ids[k:k + 900]
                binds = {f"i{j}": v for j, v in enumerate(part)}
                sql = f"SELECT id, address FROM cases WHERE id IN " \
                      f"({', '.join(':' + b for b in binds)})"
                out.update((int(i), a or "") for i, a in
                           conn.exec_driver_sql(self._sql(sql), binds).all())
        return out

    def unit_names(self) -> tuple[dict[int, str], dict[int, str]]:
        """Names of every department and every person by id (责任单位 columns, warnings)."""
        with self.store.read() as conn:
            depts = dict(conn.exec_driver_sql("SELECT id, name FROM departments").all())
            people = dict(conn.exec_driver_sql("SELECT id, name FROM people").all())
        return depts, people

    def assigned_verifications(self, person_id: int) -> frozenset[int]:
        """Rectified cases whose verification a dispatcher gave to this grid worker (指派核查),
        which wait for him outside his own cells."""
        who = ("json_extract(e.data, '$.verifier_id')" if self.sqlite
               else "(e.data ->> 'verifier_id')::bigint")
        sql = ("SELECT DISTINCT c.id FROM cases c JOIN case_events e ON e.case_id = c.id "
               f"WHERE c.state = 'rectified' AND e.action = 'assign_verifier' AND {who} = :p")
        with self.store.read() as conn:
            return frozenset(int(i) for i in conn.exec_driver_sql(
                self._sql(sql), {"p": int(person_id)}).scalars())

    # ---- patrols ------------------------------------------------------------------------
    def last_patrols(self, share: float) -> dict[int, date]:
        """Segment id → the last day it counted as patrolled (`share` of it covered, or a
        check-in on it)."""
        with self.store.read() as conn:
            return patrols.last_patrol(conn, share)

    def day_patrols(self, day: date) -> DayPatrols:
        """Every track and check-in of one day (the map's track layer)."""
        with self.store.read() as conn:
            return DayPatrols(day, patrols.day_tracks(conn, day), patrols.day_checkins(conn, day))

    def checkin_points(self, person_id: int) -> list[tuple]:
        """(day, wkb) of every check-in of a person."""
        with self.store.read() as conn:
            return patrols.person_checkins(conn, int(person_id))

    # ---- exports -----------------------------------------------------------------------------
    def layer_table(self, name: str, at: datetime) -> pd.DataFrame:
        return read_tables.layer_table(self.store, name, at)

    def case_table(self, which: CaseSelection) -> pd.DataFrame:
        return read_tables.case_table(self.store, which)

    def totals(self) -> dict[str, int]:
        """How many cases, audit rows and people the store holds."""
        with self.store.read() as conn:
            return {k: int(conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar())
                    for k, t in (("cases", "cases"), ("audit_rows", "case_events"),
                                 ("people", "people"))}

    def district_wkb(self) -> bytes | None:
        return read_tables.district_wkb(self.store)

    def style_names(self, at: datetime) -> tuple[list, list, list]:
        return read_tables.style_names(self.store, at)

    def meta(self, key: str) -> str | None:
        with self.store.read() as conn:
            return conn.exec_driver_sql(self._sql("SELECT value FROM meta WHERE key = :k"),
                                        {"k": key}).scalar()


__all__ = ["SqlReadModel", "in_charge_sql"]
