"""Bulk writes (imports, the demo generator): column-wise, one transaction, all or nothing.

SQLite: the driver's per-parameter binding is the cost of a wide insert, so a column holding
the same value in every row of the batch is written into the statement as a literal and only
the varying columns are bound. A large batch also drops the secondary indexes of the target
table and rebuilds them afterwards (a sorted build beats millions of random B-tree updates);
SQLite's DDL is transactional, so the batch stays atomic. PostgreSQL: COPY.
"""

from __future__ import annotations

import functools
import itertools
import json
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from ..domain.audit import GENESIS, canonical_json, digest
from ..domain.case import Case, CaseEvent
from ..services.progress import CHUNK, Progress, quiet
from . import models as m
from .cases import case_number, case_to_row
from .changes import log_table, stamp
from .timetext import SMALL, times_text

T = TypeVar("T")
# the point's geometry is written from x/y (store/migrations 0008), never given as a column
CASE_COLUMNS = [c.name for c in m.Case.__table__.c if c.name != "geom"]
EVENT_COLUMNS = [c.name for c in m.CaseEvent.__table__.c if c.name != "id"]
_CASE_VALUES = operator.itemgetter(*CASE_COLUMNS)  # a row dict's values in column order
REBUILD_AT = 50_000  # rows in one batch from which dropping and rebuilding indexes pays
# tables whose rows carry the writing transaction's change number (store/changes.py)
STAMPED = {"cases", "districts", "streets", "communities", "grid_cells", "road_segments",
           "components", "landmarks", "patrol_tracks", "patrol_checkins"}


def sqlite_time(v):
    """The text SQLAlchemy's SQLite DateTime writes, so comparisons stay consistent."""
    if isinstance(v, datetime):
        return v.isoformat(" ", "microseconds")
    if isinstance(v, date):
        return v.isoformat()
    return v


def _times_as_text(values: list) -> list | None:
    """A column of times as SQLAlchemy writes them (None: not a time column). Decided by
    its first value that is set, so a column starting with empty rows is converted too."""
    first = next((x for x in values if x is not None), None)
    if not isinstance(first, date):
        return None
    if len(values) >= SMALL:
        fast = times_text(values)
        if fast is not None:
            return fast
    iso = datetime.isoformat
    return [iso(x, " ", "microseconds") if type(x) is datetime else sqlite_time(x)
            for x in values]


def _literal(v) -> str | None:
    """SQL literal for a value we may inline, or None if it must be bound."""
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str) and "\x00" not in v and len(v) < 200:
        return "'" + v.replace("'", "''") + "'"
    return None


def insert_columns(conn: Connection, table: str, columns: Mapping[str, Sequence | object],
                   n: int, rebuild_indexes: bool | None = None,
                   progress: Progress | None = None, what: str = "",
                   rtree_after: bool = False, later: list[Callable[[], None]] | None = None,
                   schema: str | None = None) -> int:
    """Insert `n` rows given column-wise (a sequence per column, or one value for all);
    `progress(done, n, what)` every CHUNK rows. `rtree_after`: a batch of new cases that
    rebuilds its indexes also fills the R*Tree of their points once after its rows (see
    `_rtree_after`). `later`: what remains after the rows (filling the R*Tree, making the
    indexes again) is appended there for the caller to run, not run here. `schema` (SQLite):
    the rows go to the table of that name in this attached database (a staging copy of the
    store's table, without its indexes; with `rebuild_indexes=False`), stamped as the
    store's own."""
    if n == 0:
        return 0
    progress = progress or quiet
    what = what or f"writing {table}"
    progress(0, n, what)  # converting the columns below takes seconds for a million rows
    sqlite = conn.dialect.name == "sqlite"
    if table in STAMPED:  # one number for the whole batch: the per-row triggers stay idle
        columns = {**columns, "change_seq": log_table(conn, table) if table != "cases"
                   else stamp(conn)}
    # one value for all rows: known to be the same (no column to scan), a time written once
    same = {k for k, v in columns.items() if not isinstance(v, list | tuple)}
    cols = {k: ([sqlite_time(v) if sqlite else v] * n if k in same else list(v))
            for k, v in columns.items()}
    del columns  # the caller's tuples, copied: a million rows' worth less at the peak
    try:
        if sqlite:
            for k, v in cols.items():
                as_text = None if k in same else _times_as_text(v)
                if as_text is not None:
                    cols[k] = as_text
                    progress(0, n, what)  # a million times take half a second each
            return _sqlite_insert(conn, table, cols, n, rebuild_indexes, progress, what,
                                  rtree_after, later, schema, same)
        return _copy(conn, table, cols, n, progress, what)
    except conn.dialect.loaded_dbapi.Error as exc:
        # the driver's own error, raised like any other statement's (IntegrityError, …)
        raise DBAPIError.instance(f"bulk insert into {table}", None, exc,
                                  conn.dialect.loaded_dbapi.Error) from exc


def _sqlite_insert(conn, table, cols, n, rebuild, progress: Progress, what: str,
                   rtree_after: bool = False, later: list | None = None,
                   schema: str | None = None, same: Iterable[str] = ()) -> int:
    """`same`: the columns given as one value for every row."""
    same = set(same)
    if schema is not None:
        if rebuild or rtree_after:
            raise ValueError("a staging table has no indexes or R*Tree to rebuild")
        rebuild = False
    names, values, varying = [], [], []
    for name, seq in cols.items():
        first = seq[0]
        lit = _literal(first)
        if lit is not None and (name in same or seq.count(first) == n):  # count: C speed
            names.append(name)
            values.append(lit)
        else:
            names.append(name)
            values.append("?")
            varying.append(seq)
    point_made = table == "cases" and "x" in cols and "y" in cols and "geom" not in cols
    if point_made:
        # the point written with the row: the geometry triggers (0008) then stay idle
        names.append("geom")
        k = names.index("x")
        xy = [values[k], values[names.index("y")]]
        for j, name in enumerate(("x", "y")):
            if xy[j] == "?":
                varying.append(cols[name])
        values.append(f"CASE WHEN {xy[0]} IS NULL OR {xy[1]} IS NULL THEN NULL ELSE "
                      f"MakePoint({xy[0]}, {xy[1]}, {_srid(conn)}) END" if "?" not in xy
                      else f"MakePoint({xy[0]}, {xy[1]}, {_srid(conn)})")
    target = f'"{schema}".{table}' if schema else table
    sql = f"INSERT INTO {target} ({', '.join(names)}) VALUES ({', '.join(values)})"
    if rebuild is None:  # only when the batch is large next to what the table holds already
        rebuild = n >= REBUILD_AT and n >= _rows_estimate(conn, table) // 2
    indexes = drop_indexes(conn, table) if rebuild else []
    rtree = _rtree_after(conn, table, cols, n) if rebuild and rtree_after else None
    checked = _geometry_checked(conn, _srid(conn)) if rebuild and point_made else None
    cursor = conn.connection.cursor()
    rows = zip(*varying, strict=True)
    try:
        for start in range(0, n, CHUNK):
            progress(start, n, what)
            if varying:
                cursor.executemany(sql, itertools.islice(rows, CHUNK))
            else:
                for _ in range(min(CHUNK, n - start)):
                    cursor.execute(sql)
    finally:
        cursor.close()
    if checked is not None:
        checked()
    if later is not None:
        if rtree is not None:
            later.append(rtree)
        later.extend(functools.partial(conn.exec_driver_sql, ddl) for ddl in indexes)
        return n
    if rtree is not None:
        progress(0, len(indexes) + 1, f"indexing {table}")
        rtree()
    for k, ddl in enumerate(indexes):
        progress(k, len(indexes), f"indexing {table}")
        conn.exec_driver_sql(ddl)
    progress(n, n, what)
    return n


# SpatiaLite's trigger adding each new case's point to the R*Tree of case points
_RTREE_TRIGGER = "gii_cases_geom"
# what the trigger's RTreeAlign inserts for the cases of a rowid range, in rowid order (a
# case without a point gets no entry, as RTreeAlign makes none for NULL)
RTREE_FILL = ('INSERT INTO "idx_cases_geom" (pkid, xmin, xmax, ymin, ymax) SELECT ROWID, '
              'MbrMinX("geom"), MbrMaxX("geom"), MbrMinY("geom"), MbrMaxY("geom") FROM cases '
              'WHERE ROWID BETWEEN ? AND ? AND "geom" IS NOT NULL ORDER BY ROWID')


def _rtree_after(conn, table: str, cols: dict, n: int):
    """For a batch of new cases with their own ids, none yet in the store between the
    lowest and the highest: drop the trigger that adds each point to the R*Tree (a tree
    insert a row costs about as much as the rest of the row) and return what fills it
    after the rows — the trigger's own two statements over the batch, in id order, as the
    trigger ran them — and makes the trigger again. None: the trigger stays.

    The trigger's `RTreeAlign(tree, rowid, geom)` inserts the point's bounding box into the
    tree with a statement it prepares at every call; the batch inserts the same boxes
    (`MbrMinX` … read from the same blob header) in the same order with one statement, so
    the tree is the same node for node (tests/store/test_bulk.py) at half the cost."""
    ids = cols.get("id")
    if table != "cases" or not ids or len(ids) != n:
        return None
    lo, hi = min(ids), max(ids)
    trigger = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                                   "name = ?", (_RTREE_TRIGGER,)).scalar()
    if trigger is None or hi - lo + 1 != n or conn.exec_driver_sql(
            "SELECT count(*) FROM cases WHERE id BETWEEN ? AND ?", (lo, hi)).scalar():
        return None
    conn.exec_driver_sql(f'DROP TRIGGER "{_RTREE_TRIGGER}"')

    def fill() -> None:
        # rowid order: the order the rows were inserted, one id after the other
        conn.exec_driver_sql('DELETE FROM "idx_cases_geom" WHERE pkid BETWEEN ? AND ?',
                             (lo, hi))
        conn.exec_driver_sql(RTREE_FILL, (lo, hi))
        conn.exec_driver_sql(trigger)
    return fill


# SpatiaLite's trigger checking each new case's geometry type and SRID
_GEOMETRY_TRIGGER = "ggi_cases_geom"


def _geometry_checked(conn, srid: int):
    """For a batch whose points are all `MakePoint(x, y, srid)` or NULL: check once that the
    geometry column takes XY points of `srid` (what the trigger asks of every row, ~4 µs
    each: its own look-up of the column) and drop the trigger for the batch; return what
    makes it again. None: the column wants something else, the trigger stays and says so."""
    column = conn.exec_driver_sql(
        "SELECT geometry_type, srid FROM geometry_columns WHERE lower(f_table_name) = "
        "'cases' AND lower(f_geometry_column) = 'geom'").first()
    trigger = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                                   "name = ?", (_GEOMETRY_TRIGGER,)).scalar()
    if trigger is None or column is None or tuple(column) != (1, srid):  # 1: POINT XY
        return None
    conn.exec_driver_sql(f'DROP TRIGGER "{_GEOMETRY_TRIGGER}"')
    return functools.partial(conn.exec_driver_sql, trigger)


def _srid(conn) -> int:
    return int(conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'srid'").scalar())


def _rows_estimate(conn, table: str) -> int:
    # asked, not tried: the caught error of max(rowid) on a WITHOUT ROWID table kept every
    # caller's frame in a reference cycle, a whole batch's rows alive until a full GC pass
    ddl = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND "
                               "name = ?", (table,)).scalar() or ""
    if "WITHOUT ROWID" in ddl.upper():
        return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0
    return conn.exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar() or 0


def drop_indexes(conn: Connection, table: str) -> list[str]:
    """SQLite: drop the secondary indexes of `table` and return the DDL that makes them
    again (a large insert here, or a writer of many batches, rebuilds them once after)."""
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL", (table,)).all()
    for name, _ in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def _beside(work: list[Callable[[], None]], prepare: Callable[[], T],
            progress: Progress | None = None, what: str = "indexing") -> T:
    """`prepare()` here while `work` runs on a thread (statements SQLite runs without the
    GIL); the connection is the thread's until its work is done, whatever happens here.
    `progress(0, 0, what)` every quarter second while the work outlasts `prepare` (an
    index of a million rows takes seconds; the callback may cancel)."""
    if not work:
        return prepare()
    with ThreadPoolExecutor(1, thread_name_prefix="gridapp-bulk-index") as pool:
        done = pool.submit(lambda: [w() for w in work])
        try:
            result = prepare()
            while progress is not None and done not in futures.wait([done], 0.25).done:
                progress(0, 0, what)
        finally:
            futures.wait([done])
        done.result()  # its error, if any
    return result


def _copy(conn, table, cols, n, progress: Progress, what: str) -> int:
    names = list(cols)
    cursor = conn.connection.cursor()
    try:
        with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for k, row in enumerate(zip(*(cols[k] for k in names), strict=True)):
                if k % CHUNK == 0:
                    progress(k, n, what)
                copy.write_row(row)
    finally:
        cursor.close()
    progress(n, n, what)
    return n


def _sealed(events: list[CaseEvent], progress: Progress = quiet) -> list[CaseEvent]:
    """Rows not sealed yet get their hash in place: the writer's callers hand over rows they
    have just made (a copy of each would cost as much as the hash)."""
    if all(e.hash for e in events):
        return events
    last: dict[int | None, str] = {}
    for k, e in enumerate(events):
        if k % CHUNK == 0:
            progress(k, len(events), "sealing audit rows")
        if not e.hash:
            object.__setattr__(e, "hash", digest(
                last.get(e.case_id, GENESIS) if e.seq > 1 else GENESIS, e))
        last[e.case_id] = e.hash
    return events


def _as_json(data: list, progress: Progress) -> list[str]:
    """The data column as stored, in chunks with progress between (seconds a million)."""
    out: list[str] = []
    for start in range(0, len(data), CHUNK):
        progress(start, len(data), "preparing audit rows")
        out.extend([canonical_json(d) if d else "{}" for d in data[start:start + CHUNK]])
    return out


_EVENT_FIELDS = operator.attrgetter("case_id", "seq", "action", "actor_id", "actor_role", "at",
                                    "from_state", "to_state", "reason", "data", "attachments",
                                    "hash")


def _transposed(fields: Sequence[str], rows: Sequence[tuple], progress: Progress
                ) -> dict[str, list]:
    """Rows of `fields` as columns, a chunk at a time with progress between (a million
    wide rows take seconds in one call)."""
    cols: list[list] = [[] for _ in fields]
    n = len(rows)
    for start in range(0, n, CHUNK):
        progress(start, n, "preparing cases")
        for col, part in zip(cols, zip(*rows[start:start + CHUNK], strict=True), strict=True):
            col.extend(part)
    return dict(zip(fields, cols, strict=True))


class CaseRows:
    """Cases and their audit rows as the columns the store keeps (plain values that pickle
    cheaply: a process that made the cases hands them to the one that writes them)."""

    def __init__(self, cases: dict[str, list], n_cases: int, events: dict[str, list],
                 n_events: int) -> None:
        self.cases, self.n_cases, self.events, self.n_events = cases, n_cases, events, n_events


def case_rows(cases: Sequence[Case], events: Iterable[CaseEvent],
              sqlite: bool = False) -> CaseRows:
    """What `CaseBulkWriter.write` would insert for these cases and audit rows (sealed here
    if they are not yet, each case's rows given in order), for `write_prepared`. `sqlite`:
    times already as the text SQLite keeps (made by the process that prepares the rows)."""
    events = _sealed(list(events))
    last: dict[int, datetime] = {e.case_id: e.at for e in events}
    rows = []
    for c in cases:
        c.number = case_number(c.id, c.reported_at)
        row = case_to_row(c, last.get(c.id, c.reported_at))
        row["id"] = c.id
        rows.append(_CASE_VALUES(row))
    case_cols = dict(zip(CASE_COLUMNS, map(list, zip(*rows, strict=True)), strict=True)) \
        if rows else {}
    event_cols: dict[str, list] = {}
    if events:
        (case_id, seq, action, actor_id, actor_role, at, from_state, to_state, reason,
         data, attachments, hashes) = (list(c) for c in zip(*map(_EVENT_FIELDS, events),
                                                             strict=True))
        event_cols = {
            "case_id": case_id, "seq": seq, "action": action, "actor_id": actor_id,
            "actor_role": actor_role, "at": at,
            "from_state": [s.value if s else None for s in from_state],
            "to_state": [s.value for s in to_state], "reason": reason,
            "data": [canonical_json(d) if d else "{}" for d in data],
            "attachments": [json.dumps(list(a)) if a else "[]" for a in attachments],
            "hash": hashes}
    if sqlite:
        for cols in (case_cols, event_cols):
            for k, v in cols.items():
                as_text = _times_as_text(v)
                if as_text is not None:
                    cols[k] = as_text
    return CaseRows(case_cols, len(rows), event_cols, len(events))


class CaseBulkWriter:
    """Writes cases with explicit ids (from `reserve`) and their audit rows."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def write(self, cases: Sequence[Case], events: Iterable[CaseEvent],
              progress: Progress | None = None, data_json: Sequence[str] | None = None) -> int:
        """Cases with their audit rows; a case was last updated at its last audit row.

        Rows not sealed yet are sealed here, chained per case in the order given (a batch
        holds whole new cases, each from its first row). `data_json`: each row's data as
        `audit.seal_encoded` returned it, so it is not encoded a second time.
        """
        progress = progress or quiet
        events = _sealed(list(events), progress)
        # times never go backwards within a case (the engine refuses it) and each case's
        # rows come in order: its last row given is its latest
        last: dict[int, datetime] = {e.case_id: e.at for e in events}
        values = _CASE_VALUES
        rows = []
        for k, c in enumerate(cases):
            if k % CHUNK == 0:
                progress(k, len(cases), "preparing cases")
            c.number = case_number(c.id, c.reported_at)
            row = case_to_row(c, last.get(c.id, c.reported_at))
            row["id"] = c.id
            rows.append(values(row))
        n = len(rows)
        progress(n, n, "preparing cases")
        if rows:  # rows to columns in C (a comprehension per column costs seconds a million)
            # handed over, not kept: neither the row tuples nor the column tuples stay alive
            # beside the writer's copies (a few hundred MB at the peak of a million rows)
            held = [dict(zip(CASE_COLUMNS, zip(*rows, strict=True), strict=True))]
            del rows
            insert_columns(self.conn, "cases", held.pop(), n, progress=progress,
                           what="writing cases")
            self._sync_sequence()
        if events:
            # one pass in C over the rows, then a column per field (a list each)
            progress(0, len(events), "preparing audit rows")
            (case_id, seq, action, actor_id, actor_role, at, from_state, to_state, reason,
             data, attachments, hashes) = (list(c) for c in zip(*map(_EVENT_FIELDS, events),
                                                                 strict=True))
            insert_columns(self.conn, "case_events", {
                "case_id": case_id, "seq": seq, "action": action, "actor_id": actor_id,
                "actor_role": actor_role, "at": at,
                "from_state": [s.value if s else None for s in from_state],
                "to_state": [s.value for s in to_state], "reason": reason,
                "data": list(data_json) if data_json is not None else
                _as_json(data, progress),
                "attachments": [json.dumps(list(a)) if a else "[]" for a in attachments],
                "hash": hashes}, len(events), progress=progress,
                what="writing audit rows")
        return n

    def write_columns(self, fields: Sequence[str], rows: Sequence[tuple | None],
                      engine: Mapping[int, tuple[Case, datetime]],
                      events: Callable[[], Mapping[str, Sequence]],
                      progress: Progress | None = None) -> int:
        """Cases as tuples of `fields` (every column of `cases`) and their sealed audit rows
        column-wise as `events()` gives them (data and attachments as the JSON to keep); a
        None row is the case `engine` holds at that place with the time of its last audit
        row, written as `write` writes it.

        SQLite: `events()` runs while the cases' R*Tree and indexes are made on a thread of
        their own (SQLite builds them without holding the GIL): sealing the audit rows costs
        about as much as those statements."""
        progress = progress or quiet
        if set(fields) != set(CASE_COLUMNS):
            raise ValueError("a bulk write names every column of cases: "
                             f"{sorted(set(fields) ^ set(CASE_COLUMNS))}")
        if engine:  # the engine's cases, as `write` makes their rows
            order = operator.itemgetter(*fields)
            rows = list(rows)
            for k, (c, updated) in engine.items():
                row = case_to_row(c, updated)
                row["id"] = c.id
                rows[k] = order(row)
        n = len(rows)
        held = [_transposed(fields, rows, progress) if n else {}]
        return self.write_case_columns(held.pop(), n, {}, events, progress)

    def write_case_columns(self, cases: Mapping[str, Sequence | object], n: int,
                           engine: Mapping[int, tuple[Case, datetime]],
                           events: Callable[[], Mapping[str, Sequence]],
                           progress: Progress | None = None) -> int:
        """`write_columns` with the `n` cases column-wise (a sequence per column of `cases`,
        or one value for every row); the row at each place in `engine` is its case with
        the time of its last audit row, written as `write` writes it."""
        progress = progress or quiet
        if n and set(cases) != set(CASE_COLUMNS):
            raise ValueError("a bulk write names every column of cases: "
                             f"{sorted(set(cases) ^ set(CASE_COLUMNS))}")
        cols = dict(cases)
        if engine:  # copies: the caller's lists are left as they were (some share one)
            for name, v in cols.items():
                cols[name] = list(v) if isinstance(v, list | tuple) else [v] * n
            for k, (c, updated) in engine.items():
                row = case_to_row(c, updated)
                row["id"] = c.id
                for name, column in cols.items():
                    column[k] = row[name]
        later: list[Callable[[], None]] = []
        if n:
            held = [cols]
            del cols
            insert_columns(self.conn, "cases", held.pop(), n, progress=progress,
                           what="writing cases", rtree_after=True, later=later)
            self._sync_sequence()
        sqlite = self.conn.dialect.name == "sqlite"

        def prepare() -> dict[str, list]:
            cols = dict(events())
            if set(cols) != set(EVENT_COLUMNS):
                raise ValueError("a bulk write names every column of case_events: "
                                 f"{sorted(set(cols) ^ set(EVENT_COLUMNS))}")
            if sqlite:  # the times as SQLite keeps them, here rather than in the insert
                for k, v in cols.items():
                    cols[k] = _times_as_text(v) or v
            return cols
        progress(0, 1, "preparing audit rows")
        cols = _beside(later, prepare, progress, "indexing cases")
        m = len(cols["seq"])
        if m:
            insert_columns(self.conn, "case_events", cols, m, progress=progress,
                           what="writing audit rows")
        return n

    def write_rows(self, case_rows: list[dict], event_rows: list[dict]) -> None:
        """Rows as dicts keyed by column name (cases need their `id`)."""
        if case_rows:
            columns = zip(*map(operator.itemgetter(*CASE_COLUMNS), case_rows), strict=True)
            insert_columns(self.conn, "cases", dict(zip(CASE_COLUMNS, map(list, columns),
                                                        strict=True)), len(case_rows))
        if event_rows:
            cols = {k: [r[k] for r in event_rows] for k in EVENT_COLUMNS}
            cols["data"] = [json.dumps(d, ensure_ascii=False) for d in cols["data"]]
            cols["attachments"] = [json.dumps(a) for a in cols["attachments"]]
            insert_columns(self.conn, "case_events", cols, len(event_rows))
        if case_rows:
            self._sync_sequence()

    def _sync_sequence(self) -> None:
        """PostgreSQL: the id sequence past the ids just written."""
        if self.conn.dialect.name == "postgresql":
            # never backwards: ids handed out by the sequence but not yet written stay taken
            self.conn.execute(text(
                "SELECT setval(pg_get_serial_sequence('cases', 'id'), GREATEST((SELECT max(id) "
                "FROM cases), (SELECT last_value FROM cases_id_seq)))"))

    def write_prepared(self, rows: CaseRows, rebuild_indexes: bool | None = None,
                       schema: str | None = None) -> int:
        """Cases and audit rows prepared by `case_rows` (the same rows `write` writes).
        `rebuild_indexes` as `insert_columns` takes it (False: a writer of many batches that
        dropped them itself, and need not size the tables at every batch); `schema` too
        (SQLite: into staging tables, copied to the store's by the caller)."""
        if rows.n_cases:
            insert_columns(self.conn, "cases", rows.cases, rows.n_cases,
                           rebuild_indexes=rebuild_indexes, what="writing cases",
                           schema=schema)
            self._sync_sequence()
        if rows.n_events:
            insert_columns(self.conn, "case_events", rows.events, rows.n_events,
                           rebuild_indexes=rebuild_indexes, what="writing audit rows",
                           schema=schema)
        return rows.n_cases
