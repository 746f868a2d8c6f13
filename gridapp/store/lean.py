"""Hot statements run on the driver's cursor, with SQLAlchemy's own value conversions.

A transition runs a handful of small statements; SQLAlchemy's per-call execution (parameter
construction, compiled-cache lookup, result set-up, events) costs more than the driver's
execute. `LeanStatement` compiles its statement once per dialect (qmark on SQLite, pyformat
on psycopg) and keeps the bind and result processors SQLAlchemy would use for it, so the
values written and read are the same; driver errors still go through SQLAlchemy's error
handling (the store's `handle_error` translation). Only for statements inside a transaction
that the connection already began: anything else takes the ordinary path.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement


@dataclass
class _Plan:
    """One statement compiled for one dialect."""

    sql: str
    order: tuple[str, ...] | None            # positional paramstyles: names in order
    keys: dict[str, str]                     # named paramstyles: name → escaped name
    binds: tuple[tuple[str, Callable[[Any], Any], bool], ...]  # names whose values convert,
    # each with its processor and whether that leaves None alone (then not called for None)
    fixed: dict[str, Any]                    # values the statement itself holds
    args: Callable[[Mapping[str, Any]], Any]  # the driver's arguments from the bound values
    columns: Sequence[Any]                   # the selected columns (their types)
    # (column index, result processor, leaves None alone) of the columns that convert, from
    # the first cursor
    convert: tuple[tuple[int, Callable[[Any], Any], bool], ...] | None = None


class LeanResult:
    """The rows (converted as SQLAlchemy converts them), the row count, and the same rows as
    the driver returned them (what is stored)."""

    __slots__ = ("rows", "rowcount", "stored")

    def __init__(self, rows: list[tuple], rowcount: int, stored: list[tuple]) -> None:
        self.rows, self.rowcount, self.stored = rows, rowcount, stored


class LeanStatement:
    """`stmt` run through the DBAPI cursor of the connection's transaction.

    `column_keys`: for an INSERT or UPDATE, the parameters every call gives (SQLAlchemy
    compiles an INSERT for the keys of its parameters).
    """

    def __init__(self, stmt: ClauseElement, column_keys: Sequence[str] | None = None) -> None:
        self.stmt = stmt
        self.column_keys = list(column_keys) if column_keys is not None else None
        self._plans: weakref.WeakKeyDictionary[Dialect, _Plan] = weakref.WeakKeyDictionary()
        self._last: tuple[weakref.ref[Dialect], _Plan] | None = None  # one store is usual

    def plan(self, dialect: Dialect) -> _Plan:
        last = self._last
        if last is not None and last[0]() is dialect:
            return last[1]
        plan = self._plans.get(dialect)
        if plan is None:
            plan = self._plans[dialect] = self._compile(dialect)
        self._last = (weakref.ref(dialect), plan)
        return plan

    def _compile(self, dialect: Dialect) -> _Plan:
        compiled: Any = self.stmt.compile(dialect=dialect, column_keys=self.column_keys)
        if compiled.post_compile_params or compiled.literal_execute_params:
            raise ValueError("a lean statement cannot expand parameters (IN lists) per call")
        binds, fixed = [], {}
        for name, bind in compiled.binds.items():
            if not bind.required:
                fixed[name] = bind.effective_value
            impl = bind.type.dialect_impl(dialect)
            proc = impl.bind_processor(dialect)
            if proc is not None:
                proc = _empty_json_written_first(_iso_times_first(impl, proc))
                binds.append((name, proc, _keeps_none(proc)))
        escaped = getattr(compiled, "escaped_bind_names", None) or {}
        order = tuple(compiled.positiontup) if compiled.positional else None
        columns = list(getattr(self.stmt, "selected_columns", ()))
        keys = {n: escaped.get(n, n) for n in compiled.binds}
        return _Plan(compiled.string, order, keys, tuple(binds), fixed,
                     _arguments(order, keys), columns)

    def execute(self, conn: Connection, params: Mapping[str, Any],
                bound: bool = False, convert: bool = True) -> LeanResult:
        """Run with `params` (by bind name; `bound`: already through `bind_values`); the rows
        as tuples of converted values (`convert=False`: the rows as stored, to be converted
        by `converted`, or not at all; `stored` empty: the rows came converted, through
        SQLAlchemy)."""
        if not conn.in_transaction():  # autobegin and the rest: SQLAlchemy's own way
            result = conn.execute(self.stmt, dict(params))
            rows = [tuple(r) for r in result] if result.returns_rows else []
            return LeanResult(rows, result.rowcount, [])
        plan = self.plan(conn.dialect)
        if plan.fixed:
            params = {**plan.fixed, **params}
        values = params if bound else _bound(plan.binds, params)
        described, stored, rowcount = _run(conn, plan.sql, plan.args(values))
        rows = stored
        if stored:
            converters = plan.convert
            if converters is None:
                converters = plan.convert = tuple(
                    (i, _empty_json_first(p), _keeps_none(p))
                    for i, (col, d) in enumerate(zip(plan.columns, described, strict=True))
                    if (p := col.type.dialect_impl(conn.dialect).result_processor(conn.dialect,
                                                                                  d[1]))
                    is not None)
            if converters and convert:
                rows = _converted(stored, converters)
        return LeanResult(rows, rowcount, stored)

    def converted(self, dialect: Dialect, stored: Sequence[tuple]) -> list[tuple]:
        """Rows as stored (from `execute(..., convert=False)` on `dialect`) converted as
        `execute` converts them."""
        converters = self.plan(dialect).convert
        if converters is None:  # no row read yet: its columns' types are not known
            raise LookupError("no row of this statement was read on this dialect yet")
        return _converted(stored, converters) if converters else list(stored)

    def converts(self, dialect: Dialect) -> bool:
        """Whether `converted` can convert rows (a row of it was read on `dialect`)."""
        return self.plan(dialect).convert is not None

    def bind_values(self, dialect: Dialect, params: Mapping[str, Any]) -> Mapping[str, Any]:
        """`params` as the driver receives them (after SQLAlchemy's bind processors)."""
        return _bound(self.plan(dialect).binds, params)


def _converted(stored: Sequence[tuple],
               converters: tuple[tuple[int, Callable[[Any], Any], bool], ...]) -> list[tuple]:
    rows = []
    for row in stored:
        cells = list(row)
        for i, p, keeps_none in converters:
            v = cells[i]
            if v is not None or not keeps_none:
                cells[i] = p(v)
        rows.append(tuple(cells))
    return rows


def _bound(binds: tuple[tuple[str, Callable[[Any], Any], bool], ...],
           params: Mapping[str, Any]) -> Mapping[str, Any]:
    if not binds:
        return params
    values = dict(params)
    for name, proc, keeps_none in binds:
        if name in values:
            v = values[name]
            if v is not None or not keeps_none:
                values[name] = proc(v)
    return values


def _arguments(order: tuple[str, ...] | None,
               keys: dict[str, str]) -> Callable[[Mapping[str, Any]], Any]:
    """The driver's arguments from bound values by name: a tuple in the statement's order
    (positional paramstyles) or a dict by escaped name."""
    if order is None:
        return lambda values: {key: values[n] for n, key in keys.items()}
    if not order:
        return lambda values: ()
    if len(order) == 1:
        name = order[0]
        return lambda values: (values[name],)
    return itemgetter(*order)


def _keeps_none(proc: Callable[[Any], Any]) -> bool:
    """Whether `proc` turns None into None (most do; JSON writes 'null'): then None values
    need no call."""
    try:
        return proc(None) is None
    except Exception:  # noqa: BLE001 - it cannot take None: it is always called
        return False


# SQLite's DATETIME as SQLAlchemy writes it by default
_SQLITE_DATETIME = ("%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d"
                    ".%(microsecond)06d")


def _iso_times_first(impl: Any, proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """SQLite DATETIME in its default format: a naive datetime written by `isoformat` (the
    same text, a fifth of the time of SQLAlchemy's %-formatting of seven fields); anything
    else (a date, an aware datetime) by SQLAlchemy's processor."""
    if getattr(impl, "_storage_format", None) != _SQLITE_DATETIME:
        return proc

    def write(value: Any) -> Any:
        if type(value) is datetime and value.tzinfo is None:
            return value.isoformat(" ", "microseconds")
        return proc(value)
    return write


def _empty_json_written_first(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A processor that writes {} as '{}' and [] as '[]' (most audit rows' data and
    attachments) without the JSON encoder, when that is what it writes for them anyway."""
    try:
        if not (proc({}) == "{}" and proc([]) == "[]"):
            return proc
    except Exception:  # noqa: BLE001 - no JSON writer: left as it is
        return proc

    def write(value: Any) -> Any:
        if not value and type(value) in (dict, list):
            return "{}" if type(value) is dict else "[]"
        return proc(value)
    return write


def _empty_json_first(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A processor that reads '{}' as {} and '[]' as [] (most audit rows' data and
    attachments) without the JSON parser, when that is what it reads them as anyway."""
    try:
        if not (proc("{}") == {} and proc("[]") == []):
            return proc
    except Exception:  # noqa: BLE001 - no JSON text reader: left as it is
        return proc

    def read(value: Any) -> Any:
        if value == "{}":
            return {}
        if value == "[]":
            return []
        return proc(value)
    return read


def _run(conn: Connection, sql: str, args: Any) -> tuple[Any, list, int]:
    """The description, rows and row count of `sql` on the connection's DBAPI cursor."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, args)
        described = cursor.description
        # every row fetched: no statement is left open on the connection
        rows = cursor.fetchall() if described is not None else []
        return described, rows, cursor.rowcount
    except conn.dialect.loaded_dbapi.Error as exc:
        # the store's error translation (busy, read-only, full, damaged) and SQLAlchemy's
        # exception classes, exactly as on the ordinary path
        conn._handle_dbapi_exception(exc, sql, args, cursor, None)
    finally:
        cursor.close()


def driver_sql(conn: Connection, sql: str) -> list:
    """`sql` without parameters on the DBAPI cursor (also while a transaction begins); its
    rows as the driver returns them."""
    return _run(conn, sql, ())[1]
