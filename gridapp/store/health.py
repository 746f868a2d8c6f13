"""Is the store sound? A quick check when it is opened, a full check on demand.

Opening (SpatiaLite): the file header is read at once (a truncated file or one that is not a
database is refused in microseconds), then `PRAGMA quick_check` reads every page on a
background thread — reads go on meanwhile, the first write waits for the verdict. Measured:
0.16 s for the 50,000-case demo district (128 MB), 3.1 s warm / 25 s cold for a 1,000,000-case
store (2.4 GB). Opening (PostGIS): one query — standby, read-only database, pages that failed
their checksum, and whether this login may change cases at all.

`full_check` is `gridapp store check`: integrity, foreign keys, spatial index against
geometry, geometry SRID and validity, schema version, settings; on PostGIS amcheck (B-tree
indexes and heap pages) when the extension can be used.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url

from .build import half_built, half_built_message
from .errors import RESTORE_HINT, StoreDamaged, StoreUnavailable, os_user, store_label, truncation
from .guard import guard_for

MAGIC = b"SQLite format 3\x00"
PLACE_TABLES = ("districts", "streets", "communities", "grid_cells", "road_segments",
                "components")


@dataclass(frozen=True)
class Finding:
    check: str
    ok: bool
    detail: str
    warning: bool = False  # cannot be judged here (e.g. amcheck missing): not damage

    def line(self) -> str:
        mark = "ok" if self.ok else ("warning" if self.warning else "FAILED")
        return f"{self.check:<16} {mark:<8} {self.detail}"


@dataclass
class CheckReport:
    store: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok or f.warning for f in self.findings)

    def add(self, check: str, ok: bool, detail: str, warning: bool = False) -> None:
        self.findings.append(Finding(check, ok, detail, warning))

    def problems(self) -> list[Finding]:
        return [f for f in self.findings if not f.ok and not f.warning]

    def to_dict(self) -> dict:
        return {"store": self.store, "ok": self.ok,
                "findings": [{"check": f.check, "ok": f.ok, "warning": f.warning,
                              "detail": f.detail} for f in self.findings]}


# --- opening -----------------------------------------------------------------------------

def header_problem(path: Path) -> str | None:
    """What is wrong with a SQLite file's header (not a database, truncated), if anything."""
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except OSError:
        return None  # permissions: opening says it better
    if not head:
        return "is an empty file"
    if not head.startswith(MAGIC):
        return "is not a gridapp store (not a SQLite database)"
    trunc = truncation(path)
    if trunc:
        return f"is truncated ({trunc})"
    return None


def summarize(rows: list[str], keep: int = 2) -> str:
    """SQLite's check output (rows of several lines each) as one short line."""
    lines = [ln.strip() for r in rows for ln in str(r).splitlines()
             if ln.strip() and not ln.startswith("***")]
    more = f" (and {len(lines) - keep} more)" if len(lines) > keep else ""
    return "; ".join(lines[:keep]) + more


def damaged_message(label: str, problem: str) -> str:
    return f"{label} failed its check ({problem}); it is read-only — {RESTORE_HINT}"


def refuse_unreadable(url: str) -> None:
    """Raise StoreDamaged at once for a file that is no database or is cut short."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        problem = header_problem(Path(u.database))
        if problem:
            raise StoreDamaged(f"{u.database} {problem}: {RESTORE_HINT}")


def start_open_check(engine: Engine) -> None:
    """The quick check of an opened store; its verdict makes the store read-only if need be."""
    guard = guard_for(engine)
    label = store_label(engine.url)
    note = half_built(engine)
    if note is not None:
        raise StoreUnavailable(half_built_message(label, note))
    if engine.dialect.name == "sqlite":
        path = engine.url.database
        if not os.access(path, os.W_OK):
            guard.refuse_writes(f"{label} is write-protected for user {os_user()}; "
                                "it is opened read-only")
            return
        check, cancel = sqlite_quick_check(path)

        def verdict() -> str | None:
            problem = check()
            return damaged_message(label, problem) if problem else None

        guard.start(verdict, cancel)
        return
    with engine.connect() as conn:
        damage, read_only = postgres_open_problem(conn)
    if damage:
        guard.refuse_writes(damaged_message(label, damage))
    elif read_only:
        guard.refuse_writes(f"{label} is read-only: {read_only}")


def sqlite_quick_check(path: str) -> tuple[Callable[[], str | None], Callable[[], None]]:
    """(check, cancel): `PRAGMA quick_check` on a connection of its own, cancellable."""
    import sqlean
    holder: dict = {}

    def check() -> str | None:
        conn = sqlean.connect(path, timeout=30, check_same_thread=False)
        holder["conn"] = conn
        try:
            conn.execute("PRAGMA query_only=ON")
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(20)")]
        except sqlean.OperationalError as exc:
            if "interrupt" in str(exc):
                return None  # cancelled: the store is closing, no verdict
            return f"quick_check could not read it: {exc}"
        except sqlean.DatabaseError as exc:
            return f"quick_check: {summarize([str(exc)])}"
        finally:
            holder.pop("conn", None)
            conn.close()
        return None if rows == ["ok"] else "quick_check: " + summarize(rows)

    def cancel() -> None:
        conn = holder.get("conn")
        if conn is not None:
            conn.interrupt()

    return check, cancel


def postgres_open_problem(conn: Connection) -> tuple[str | None, str | None]:
    """(damage, read-only reason) from one cheap query at open."""
    row = conn.execute(text(
        "SELECT pg_is_in_recovery(), current_setting('transaction_read_only'), "
        "(SELECT checksum_failures FROM pg_stat_database WHERE datname = current_database()), "
        "has_table_privilege(current_user, 'cases', 'INSERT, UPDATE') OR "
        "has_table_privilege(current_user, 'case_events', 'INSERT'), current_user")).one()
    recovery, read_only, failures, may_write, user = row
    if failures:
        return (f"PostgreSQL found {failures} damaged page(s) (checksum failures) in this "
                "database", None)
    if recovery:
        return None, "the server is a standby (read-only replica)"
    if read_only == "on":
        return None, "the database is set read-only (default_transaction_read_only)"
    if not may_write:
        return None, f"the login {user} may only read this database"
    return None, None


# --- the full check ----------------------------------------------------------------------

def full_check(store) -> CheckReport:
    """Every check gridapp knows for this backend; never raises for a damaged store."""
    report = CheckReport(store_label(store.engine.url))
    checks = _SQLITE if store.backend == "sqlite" else _POSTGRES
    for name, fn in checks:
        try:
            fn(store, report)
        except StoreUnavailable as exc:
            report.add(name, False, str(exc))
        except Exception as exc:  # noqa: BLE001 - a damaged store breaks checks in odd ways
            report.add(name, False, f"could not run: {type(exc).__name__}: "
                       f"{str(exc).splitlines()[0] if str(exc) else ''}")
    return report


def _sqlite_header(store, report: CheckReport) -> None:
    path = Path(store.engine.url.database)
    problem = header_problem(path)
    size = path.stat().st_size
    report.add("file", problem is None, f"{path.name} {problem}" if problem else
               f"{size / 2**20:,.1f} MB, header consistent")


def _sqlite_integrity(store, report: CheckReport) -> None:
    with store.engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check(20)")]
    if rows == ["ok"]:
        report.add("integrity", True, "PRAGMA integrity_check: ok")
    else:
        report.add("integrity", False, summarize(rows))


def _sqlite_foreign_keys(store, report: CheckReport) -> None:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if not rows:
        report.add("foreign keys", True, "every reference points at an existing row")
        return
    by_table: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in rows:
        by_table[(table, parent)] = by_table.get((table, parent), 0) + 1
    report.add("foreign keys", False, "; ".join(
        f"{n} row(s) of {t} point at missing {p}" for (t, p), n in sorted(by_table.items())))


def _sqlite_spatial_index(store, report: CheckReport) -> None:
    """Every R*Tree against its table: same rows, boxes that hold their geometry.

    (SpatiaLite's CheckSpatialIndex would log into the store, which a read-only store
    refuses; these reads say the same.)
    """
    bad, missing, n = [], [], 0
    with store.engine.connect() as conn:
        cols = conn.exec_driver_sql(
            "SELECT f_table_name, f_geometry_column, spatial_index_enabled "
            "FROM geometry_columns ORDER BY 1").all()
        for table, column, enabled in cols:
            if not enabled:
                missing.append(table)
                continue
            n += 1
            idx = f'"idx_{table}_{column}"'
            row = conn.exec_driver_sql(
                f'SELECT (SELECT count(*) FROM "{table}" t WHERE t."{column}" IS NOT NULL AND '
                f"NOT EXISTS (SELECT 1 FROM {idx} r WHERE r.pkid = t.rowid)), "
                f"(SELECT count(*) FROM {idx} r WHERE NOT EXISTS (SELECT 1 FROM \"{table}\" t "
                f'WHERE t.rowid = r.pkid AND t."{column}" IS NOT NULL)), '
                f'(SELECT count(*) FROM "{table}" t JOIN {idx} r ON r.pkid = t.rowid WHERE '
                f'r.xmin > MbrMinX(t."{column}") OR r.xmax < MbrMaxX(t."{column}") OR '
                f'r.ymin > MbrMinY(t."{column}") OR r.ymax < MbrMaxY(t."{column}") OR '
                f'MbrMinX(t."{column}") - r.xmin > 1 OR r.xmax - MbrMaxX(t."{column}") > 1 OR '
                f'MbrMinY(t."{column}") - r.ymin > 1 OR r.ymax - MbrMaxY(t."{column}") > 1)'
            ).one()
            unindexed, stale, wrong = row
            if unindexed or stale or wrong:
                bad.append(f"{table} ({unindexed} not in the index, {stale} in it for nothing, "
                           f"{wrong} with a wrong box)")
    if bad or missing:
        detail = []
        if bad:
            detail.append(f"R*Tree does not match the geometries of {', '.join(bad)}")
        if missing:
            detail.append(f"no spatial index on {', '.join(missing)}")
        report.add("spatial index", False, "; ".join(detail) +
                   " (the map and locating cases would miss places)")
    else:
        report.add("spatial index", True, f"{n} R*Tree indexes match their geometries")


def _geometries(store, report: CheckReport) -> None:
    problems, total = [], 0
    valid = "ST_IsValid(geom) = 1" if store.backend == "sqlite" else "ST_IsValid(geom)"
    with store.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        for table in PLACE_TABLES:
            if table not in tables:
                continue
            row = conn.execute(text(
                f"SELECT count(*), sum(CASE WHEN geom IS NULL THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN ST_SRID(geom) <> :srid THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN {valid} THEN 0 ELSE 1 END) "
                f"FROM {table}"), {"srid": store.srid}).one()
            n, null, srid, invalid = (v or 0 for v in row)
            total += n
            if null:
                problems.append(f"{null} {table} without geometry")
            if srid:
                problems.append(f"{srid} {table} not in EPSG:{store.srid}")
            if invalid - null > 0:
                problems.append(f"{invalid - null} invalid {table} geometries")
    report.add("geometries", not problems, "; ".join(problems) if problems else
               f"{total:,} place geometries valid, EPSG:{store.srid}")


def _schema(store, report: CheckReport) -> None:
    from . import migrate
    from .models import Base
    rev, head = migrate.current_revision(store.engine), migrate.head_revision()
    with store.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
    missing = sorted(set(Base.metadata.tables) - present)
    ok = rev == head and not missing
    detail = f"schema {rev}" + ("" if rev == head else f", this gridapp expects {head}")
    if missing:
        detail += f"; missing tables: {', '.join(missing)}"
    report.add("schema", ok, detail)


def _settings(store, report: CheckReport) -> None:
    import json

    from ..domain.settings import Settings
    with store.engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'settings'").scalar()
    _, problems = Settings.load(json.loads(raw) if raw else {})
    report.add("settings", not problems, "; ".join(problems) + " (defaults used until set)"
               if problems else "every setting within its range")


def _pg_amcheck(store, report: CheckReport) -> None:
    with store.engine.connect() as conn:
        tx = conn.begin()  # a CREATE EXTENSION made only for the check is rolled back
        try:
            available = conn.exec_driver_sql(
                "SELECT 1 FROM pg_available_extensions WHERE name = 'amcheck'").scalar()
            if not available:
                report.add("amcheck", False, "the amcheck extension is not installed on the "
                           "server (PostgreSQL contrib); indexes and pages not checked", True)
                return
            try:
                with conn.begin_nested():
                    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS amcheck")
            except Exception:  # noqa: BLE001 - not allowed for this login
                report.add("amcheck", False, "amcheck cannot be used by this login (a "
                           "superuser must run CREATE EXTENSION amcheck once); indexes and "
                           "pages not checked", True)
                return
            rels = conn.exec_driver_sql(
                "SELECT c.oid::regclass::text, c.relkind FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "LEFT JOIN pg_am a ON a.oid = c.relam "
                "WHERE n.nspname = current_schema() AND c.relpersistence = 'p' "
                "AND (c.relkind IN ('r', 'm') OR (c.relkind = 'i' AND a.amname = 'btree')) "
                "ORDER BY 1").all()
            problems = []
            tables = [r for r, k in rels if k in ("r", "m")]
            indexes = [r for r, k in rels if k == "i"]
            for rel in tables:
                rows = conn.exec_driver_sql(
                    "SELECT blkno, msg FROM verify_heapam(%s::regclass, check_toast => true) "
                    "LIMIT 3", (rel,)).all()
                problems += [f"{rel} block {b}: {msg}" for b, msg in rows]
            for rel in indexes:
                try:
                    with conn.begin_nested():
                        conn.exec_driver_sql("SELECT bt_index_check(%s::regclass, true)",
                                             (rel,))
                except Exception as exc:  # noqa: BLE001 - amcheck reports by raising
                    problems.append(f"{rel}: {str(getattr(exc, 'orig', exc)).splitlines()[0]}")
        finally:
            tx.rollback()
    report.add("amcheck", not problems, "; ".join(problems[:5]) if problems else
               f"{len(tables)} tables and {len(indexes)} B-tree indexes sound (amcheck)")


def _pg_checksums(store, report: CheckReport) -> None:
    with store.engine.connect() as conn:
        enabled = conn.exec_driver_sql("SHOW data_checksums").scalar()
        failures = conn.exec_driver_sql(
            "SELECT checksum_failures FROM pg_stat_database "
            "WHERE datname = current_database()").scalar()
    if failures:
        report.add("checksums", False, f"{failures} page(s) failed their checksum")
    elif enabled != "on":
        report.add("checksums", False, "data checksums are off: PostgreSQL cannot notice a "
                   "damaged page by itself (pg_checksums --enable while the server is down)",
                   True)
    else:
        report.add("checksums", True, "data checksums on, no failures")


def _pg_foreign_keys(store, report: CheckReport) -> None:
    problems = []
    with store.engine.connect() as conn:
        not_valid = conn.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname FROM pg_constraint "
            "WHERE contype = 'f' AND NOT convalidated AND connamespace = "
            "current_schema()::regnamespace").all()
        problems += [f"{c} on {t} is not validated" for t, c in not_valid]
        insp = inspect(conn)
        for table in insp.get_table_names():
            for fk in insp.get_foreign_keys(table):
                cond = " AND ".join(f"p.{r} = c.{c}" for c, r in
                                    zip(fk["constrained_columns"], fk["referred_columns"],
                                        strict=True))
                notnull = " AND ".join(f"c.{c} IS NOT NULL" for c in fk["constrained_columns"])
                n = conn.exec_driver_sql(
                    f"SELECT count(*) FROM {table} c WHERE {notnull} AND NOT EXISTS "
                    f"(SELECT 1 FROM {fk['referred_table']} p WHERE {cond})").scalar()
                if n:
                    problems.append(f"{n} row(s) of {table} point at missing "
                                    f"{fk['referred_table']}")
    report.add("foreign keys", not problems, "; ".join(problems) if problems else
               "every reference points at an existing row")


def _pg_spatial_index(store, report: CheckReport) -> None:
    with store.engine.connect() as conn:
        cols = conn.exec_driver_sql(
            "SELECT f_table_name, f_geometry_column FROM geometry_columns "
            "WHERE f_table_schema = current_schema() ORDER BY 1").all()
        problems = []
        for table, column in cols:
            idx = conn.exec_driver_sql(
                "SELECT bool_and(i.indisvalid AND i.indisready) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                "JOIN pg_attribute t ON t.attrelid = i.indrelid AND t.attnum = ANY(i.indkey) "
                "WHERE i.indrelid = %s::regclass AND a.amname = 'gist' AND t.attname = %s",
                (table, column)).scalar()
            if idx is None:
                problems.append(f"no GiST index on {table}.{column}")
            elif not idx:
                problems.append(f"the GiST index on {table}.{column} is invalid (REINDEX it)")
    report.add("spatial index", not problems, "; ".join(problems) if problems else
               f"{len(cols)} GiST indexes present and valid")


_SQLITE = [("file", _sqlite_header), ("integrity", _sqlite_integrity),
           ("foreign keys", _sqlite_foreign_keys), ("spatial index", _sqlite_spatial_index),
           ("geometries", _geometries), ("schema", _schema), ("settings", _settings)]
_POSTGRES = [("checksums", _pg_checksums), ("amcheck", _pg_amcheck),
             ("foreign keys", _pg_foreign_keys), ("spatial index", _pg_spatial_index),
             ("geometries", _geometries), ("schema", _schema), ("settings", _settings)]
