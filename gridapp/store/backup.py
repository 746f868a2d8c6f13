"""Backups and restores of a whole store, online and consistent while others work.

SpatiaLite: SQLite's online backup API copies every page in one read transaction (writers
go on in WAL mode and are not in the copy), into a temporary file that is checked
(`PRAGMA integrity_check`, schema version) and only then renamed into place; the result is
one self-contained file (`<store>-<stamp>.backup.sqlite`), itself a store.
PostGIS: `pg_dump --format=custom` (one snapshot) of a pg_dump at least as new as the
server, checked with `pg_restore --list`. A restore never destroys anything: the store it
replaces is kept beside it (`…-before-restore-<stamp>`), and a store open elsewhere is not
replaced without `--force`.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlean
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from ..domain.clock import wall_clock
from ..services.backup import BackupFile, BackupOutcome, WrittenBackup
from ..services.backup import backup_if_due as rotate
from . import migrate
from .errors import StoreBusy, StoreDamaged, StoreUnavailable, store_label
from .health import header_problem, summarize
from .lease import holder

SQLITE_SUFFIX = ".backup.sqlite"
PG_SUFFIX = ".backup.dump"
DAMAGED = "-DAMAGED"
_NAME = re.compile(r"^(?P<name>.+)-(?P<stamp>\d{8}-\d{6})(?P<damaged>-DAMAGED)?"
                   r"(?P<suffix>\.backup\.(sqlite|dump))$")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    taken_at: datetime
    size: int
    problem: str | None = None  # the copy failed its check: kept, marked, never rotated in

    @property
    def sound(self) -> bool:
        return self.problem is None


def store_name(url: URL) -> str:
    if url.get_backend_name() == "sqlite":
        return Path(url.database).stem
    return str(url.database)


def backup_path(url: URL, folder: Path, at: datetime, damaged: bool = False) -> Path:
    suffix = SQLITE_SUFFIX if url.get_backend_name() == "sqlite" else PG_SUFFIX
    return folder / f"{store_name(url)}-{at:%Y%m%d-%H%M%S}{DAMAGED if damaged else ''}{suffix}"


def list_backups(folder: Path, url: URL) -> list[BackupFile]:
    """The sound backups of this store in `folder`, oldest first (damaged ones never count)."""
    if not folder.is_dir():
        return []
    out = []
    for p in folder.iterdir():
        m = _NAME.match(p.name)
        if m and m["name"] == store_name(url) and not m["damaged"]:
            out.append(BackupFile(p, datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")))
    return sorted(out, key=lambda b: b.taken_at)


def default_folder(url: URL, setting: str = "") -> Path:
    """The backup folder: the setting, else `backups` beside a SQLite store or in user data."""
    if setting:
        return Path(setting).expanduser()
    if url.get_backend_name() == "sqlite":
        return Path(url.database).parent / "backups"
    from ..paths import data_dir
    return data_dir() / "backups"


# --- writing a backup ---------------------------------------------------------------------

def write_backup(store, folder: Path, at: datetime | None = None) -> BackupResult:
    """A checked backup of `store` in `folder`, named by store and time."""
    at = (at or _store_now(store)).replace(microsecond=0)
    url = store.engine.url
    folder.mkdir(parents=True, exist_ok=True)
    dest = backup_path(url, folder, at)
    part = dest.with_name(dest.name + ".part")
    try:
        if url.get_backend_name() == "sqlite":
            sqlite_copy(Path(url.database), part)
        else:
            _pg_dump(store, part)
        problem = check_backup(part, url.get_backend_name())
        if problem:
            dest = backup_path(url, folder, at, damaged=True)
        _fsync(part)
        os.replace(part, dest)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise _os_error(exc, folder) from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return BackupResult(dest, at, dest.stat().st_size, problem)


def _store_now(store) -> datetime:
    """The store's clock (the district's time), so a backup's name says the hour the command
    room knows; this computer's district time if the store cannot tell (a damaged store is
    still backed up)."""
    try:
        return store.now()
    except Exception:  # noqa: BLE001 (any store failure: the name still needs a time)
        return wall_clock()


def sqlite_copy(source: Path, dest: Path) -> None:
    """Every page of `source` in one read transaction, as one file in rollback-journal mode."""
    dest.unlink(missing_ok=True)
    src = sqlean.connect(source, timeout=60)
    try:
        dst = sqlean.connect(dest)
        try:
            src.backup(dst)  # pages=-1: one step, one snapshot, never restarted by writers
            dst.execute("PRAGMA journal_mode=DELETE")  # a single file, no -wal beside it
        finally:
            dst.close()
    except sqlean.Error as exc:
        raise _sqlite_failure(exc, source, dest) from None
    finally:
        src.close()


def _sqlite_failure(exc: Exception, source: Path, dest: Path) -> StoreUnavailable:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == 13:
        free = shutil.disk_usage(dest.parent).free / 2**20
        return StoreUnavailable(f"the disk holding {dest.parent} is full ({free:.1f} MB free); "
                                f"no backup written")
    if code in (5, 6):
        return StoreBusy(f"{source} stayed locked for 60 s; no backup written, try again")
    if code in (11, 26):
        return StoreDamaged(f"{source} is damaged ({exc}); no backup written — restore an "
                            "older backup with `gridapp restore`")
    return StoreUnavailable(f"cannot back up {source} to {dest.parent}: {exc}")


def _os_error(exc: OSError, folder: Path) -> StoreUnavailable:
    import errno
    if exc.errno == errno.ENOSPC:
        return StoreUnavailable(f"the disk holding {folder} is full; no backup written")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreUnavailable(f"cannot write backups into {folder}: {exc.strerror}")
    return StoreUnavailable(f"cannot write a backup into {folder}: {exc}")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- checking a backup -------------------------------------------------------------------

def check_backup(path: Path, backend: str | None = None) -> str | None:
    """What is wrong with a backup file, or None when it can be restored."""
    if not path.exists():
        return "there is no such file"
    if backend is None:
        backend = "sqlite" if path.read_bytes()[:16] == b"SQLite format 3\x00" else "postgresql"
    return _check_sqlite(path) if backend == "sqlite" else _check_dump(path)


def _check_sqlite(path: Path) -> str | None:
    problem = header_problem(path)
    if problem:
        return problem
    conn = sqlean.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        if rows != ["ok"]:
            return "integrity_check: " + summarize(rows)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
        if not {"alembic_version", "meta", "cases"} <= tables:
            return "it is a SQLite file but not a gridapp store"
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        srid = conn.execute("SELECT value FROM meta WHERE key = 'srid'").fetchone()
    except (sqlean.DatabaseError, UnicodeDecodeError) as exc:
        return f"it cannot be read ({exc})"
    finally:
        conn.close()
    return _revision_problem(rev[0] if rev else None) or (None if srid else "it has no CRS")


def _revision_problem(rev: str | None) -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    if rev is None:
        return "it has no schema version"
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    if rev not in {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}:
        return f"it was made by a newer gridapp (schema {rev})"
    return None


def _check_dump(path: Path) -> str | None:
    tool = _pg_tool("pg_restore", None)
    r = subprocess.run([str(tool), "--list", str(path)], capture_output=True, text=True)
    if r.returncode != 0:
        return f"pg_restore cannot read it ({_last_line(r.stderr)})"
    toc = r.stdout
    if "TABLE DATA public meta" not in toc or "TABLE DATA public alembic_version" not in toc:
        return "it is a PostgreSQL dump but not of a gridapp store"
    return None


# --- PostgreSQL tools ----------------------------------------------------------------------

def _tool_major(path: Path) -> int | None:
    try:
        out = subprocess.run([str(path), "--version"], capture_output=True, text=True,
                             timeout=30).stdout
    except OSError:
        return None
    m = re.search(r"\(PostgreSQL\)\s+(\d+)", out)  # pg_dump (PostgreSQL) 15.18 (Debian …)
    return int(m.group(1)) if m else None


def _pg_tool(name: str, server_major: int | None) -> Path:
    """The newest `name` (pg_dump, pg_restore) able to talk to a server of `server_major`."""
    exe = name + (".exe" if os.name == "nt" else "")
    found = {Path(p) for p in glob.glob(f"/usr/lib/postgresql/*/bin/{exe}")}
    found |= {Path(p) for p in glob.glob(f"C:/Program Files/PostgreSQL/*/bin/{exe}")}
    if shutil.which(name):
        found.add(Path(shutil.which(name)))
    majors = {p: _tool_major(p) for p in found}
    usable = [(m, p) for p, m in majors.items()
              if m is not None and (server_major is None or m >= server_major)]
    if not usable:
        have = ", ".join(sorted({str(m) for m in majors.values() if m})) or "none"
        need = f"PostgreSQL {server_major} or newer" if server_major else "PostgreSQL"
        raise StoreUnavailable(
            f"{name} for {need} is not installed (found: {have}); install "
            f"postgresql-client-{server_major or ''} (Debian) or the PostgreSQL client tools")
    return max(usable)[1]


def _libpq(url: URL, database: str | None = None) -> tuple[str, dict[str, str]]:
    """A libpq connection string without the password, and the environment carrying it."""
    parts = {"host": url.host or "localhost", "port": str(url.port or 5432),
             "user": url.username or "", "dbname": database or url.database or ""}
    parts |= {k: str(v) for k, v in url.query.items()}
    conninfo = " ".join(f"{k}='{v}'" for k, v in parts.items() if v)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)  # never on a command line other users can see
    return conninfo, env


def _server_major(conn) -> int:
    return int(conn.execute(text("SHOW server_version_num")).scalar()) // 10000


def _pg_dump(store, dest: Path) -> None:
    with store.engine.connect() as conn:
        major = _server_major(conn)
    tool = _pg_tool("pg_dump", major)
    conninfo, env = _libpq(store.engine.url)
    r = subprocess.run([str(tool), "--format=custom", "--file", str(dest), "--dbname",
                        conninfo], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise StoreUnavailable(f"pg_dump of {store_label(store.engine.url)} failed: "
                               f"{_last_line(r.stderr)}")


def _last_line(stderr: str) -> str:
    lines = [ln.strip() for ln in stderr.strip().splitlines() if ln.strip()]
    return lines[-1].removeprefix("pg_dump: error: ").removeprefix("pg_restore: error: ") \
        if lines else "no message"


# --- restoring -----------------------------------------------------------------------------

@dataclass(frozen=True)
class RestoreResult:
    store: str
    backup: Path
    kept: str | None  # where the replaced store was kept, if there was one


def restore(url: str, backup: Path, force: bool = False,
            at: datetime | None = None) -> RestoreResult:
    """Replace the store at `url` by `backup`, after checking it; the old one is kept."""
    u = make_url(url)
    backend = "sqlite" if u.get_backend_name() == "sqlite" else "postgresql"
    problem = check_backup(backup, backend)
    if problem:
        raise StoreDamaged(f"backup {backup} cannot be restored: {problem}; nothing was changed")
    stamp = f"{(at or wall_clock()):%Y%m%d-%H%M%S}"  # the district's time, as backups are named
    if backend == "sqlite":
        return _restore_sqlite(Path(u.database), backup, force, stamp)
    return _restore_postgres(u, backup, force, stamp)


def _restore_sqlite(target: Path, backup: Path, force: bool, stamp: str) -> RestoreResult:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.restoring")
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{staging}{suffix}").unlink(missing_ok=True)
    try:
        sqlite_copy(backup, staging)
        conn = sqlean.connect(staging)
        conn.execute("PRAGMA journal_mode=WAL")
        for sql, params in _new_identity(backup):
            conn.execute(sql.replace("%s", "?"), params)
        conn.commit()
        conn.close()
        _fsync(staging)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    kept = None
    if target.exists():
        kept = target.with_name(f"{target.stem}-before-restore-{stamp}{target.suffix}")
        if not _quiesce(target) and not force:
            staging.unlink(missing_ok=True)
            who = holder(target)
            by = f" by `{who['program']}` (user {who['user']} on {who['host']})" if who else ""
            raise StoreBusy(f"{target} is open elsewhere{by}: close gridapp there and try "
                            "again, or restore with --force (what they write afterwards is "
                            "lost)")
        os.replace(target, kept)
        for suffix in ("-wal", "-shm"):  # a store forced away keeps its own journal
            side = Path(f"{target}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{kept}{suffix}"))
    os.replace(staging, target)
    return RestoreResult(str(target), backup, str(kept) if kept else None)


def _quiesce(path: Path) -> bool:
    """True if nobody else has `path` open; its WAL is then folded into the file."""
    conn = sqlean.connect(path, timeout=0.2, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")  # in WAL mode this fails while any other connection lives
        conn.execute("ROLLBACK")
        conn.execute("PRAGMA journal_mode=DELETE")  # folds and removes -wal and -shm
        return True
    except sqlean.OperationalError:
        return False
    finally:
        conn.close()


def _restore_postgres(url: URL, backup: Path, force: bool, stamp: str) -> RestoreResult:
    name = url.database
    staging = f"{name}_restoring_{stamp.replace('-', '_')}"
    kept = f"{name}_before_restore_{stamp.replace('-', '_')}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    from .guard import install
    install(admin)
    try:
        with admin.connect() as conn:
            major = _server_major(conn)
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                  {"n": name}).scalar()
            others = _sessions(conn, name) if exists else []
            if others and not force:
                raise StoreBusy(f"{store_label(url)} is open elsewhere ({others[0]}"
                                f"{f' and {len(others) - 1} more' if len(others) > 1 else ''}):"
                                " close gridapp there and try again, or restore with --force")
            conn.execute(text(f'CREATE DATABASE "{staging}"'))
        try:
            _pg_restore(url, staging, backup, major)
            _check_restored(url.set(database=staging), backup)
            with admin.connect() as conn:
                if exists:
                    if force:
                        conn.execute(text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = :n AND pid <> pg_backend_pid()"), {"n": name})
                    _copy_database_grants(conn, name, staging)
                    conn.execute(text(f'ALTER DATABASE "{name}" RENAME TO "{kept}"'))
                conn.execute(text(f'ALTER DATABASE "{staging}" RENAME TO "{name}"'))
        except BaseException:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{staging}"'))
            raise
    finally:
        admin.dispose()
    return RestoreResult(store_label(url), backup, kept if exists else None)


def _new_identity(backup: Path) -> list[tuple[str, tuple]]:
    """A restored store is a re-made store: a new identity, so no client trusts old caches."""
    import json
    import uuid
    note = json.dumps({"backup": backup.name, "at": wall_clock().isoformat(timespec="seconds")})
    return [("UPDATE meta SET value = %s WHERE key = 'store_id'", (uuid.uuid4().hex,)),
            ("DELETE FROM meta WHERE key = 'restored_from'", ()),
            ("INSERT INTO meta (key, value) VALUES ('restored_from', %s)", (note,))]


def _sessions(conn, name: str) -> list[str]:
    rows = conn.execute(text(
        "SELECT usename, application_name, client_addr::text, backend_start "
        "FROM pg_stat_activity WHERE datname = :n AND pid <> pg_backend_pid() "
        "ORDER BY backend_start"), {"n": name}).all()
    return [f"{r.usename} from {r.client_addr or 'this host'}"
            f"{' (' + r.application_name + ')' if r.application_name else ''} "
            f"since {r.backend_start:%Y-%m-%d %H:%M}" for r in rows]


def _pg_restore(url: URL, database: str, backup: Path, major: int) -> None:
    tool = _pg_tool("pg_restore", major)
    conninfo, env = _libpq(url, database)
    r = subprocess.run([str(tool), "--exit-on-error", "--dbname", conninfo, str(backup)],
                       capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise StoreUnavailable(f"pg_restore into {database} failed: {_last_line(r.stderr)}; "
                               "the store was not changed")


def _check_restored(url: URL, backup: Path) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            n = conn.execute(text("SELECT count(*) FROM meta")).scalar()
            for sql, params in _new_identity(backup):
                conn.exec_driver_sql(sql, params)
    finally:
        engine.dispose()
    problem = _revision_problem(rev) or (None if n else "it holds no store settings")
    if problem:
        raise StoreDamaged(f"the restored database is not usable ({problem}); the store was "
                           "not changed")


def _copy_database_grants(conn, source: str, target: str) -> None:
    """Owner and CONNECT/CREATE/TEMP grants live on the database, outside any dump."""
    owner = conn.execute(text("SELECT pg_get_userbyid(datdba) FROM pg_database "
                              "WHERE datname = :n"), {"n": source}).scalar()
    conn.execute(text(f'ALTER DATABASE "{target}" OWNER TO "{owner}"'))
    rows = conn.execute(text(
        "SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid("
        "a.grantee)) END, a.privilege_type FROM pg_database d, aclexplode(d.datacl) a "
        "WHERE d.datname = :n"), {"n": source}).all()
    for grantee, privilege in rows:
        conn.execute(text(f'GRANT {privilege} ON DATABASE "{target}" TO {grantee}'))


# --- the client's daily backup ----------------------------------------------------------

class StoreBackups:
    """gridapp.services.backup.BackupTarget for one store."""

    def __init__(self, store) -> None:
        self.store = store

    def backups(self, folder: Path) -> list[BackupFile]:
        return list_backups(folder, self.store.engine.url)

    def write(self, folder: Path, at: datetime) -> WrittenBackup:
        result = write_backup(self.store, folder, at)
        return WrittenBackup(result.path, result.problem)

    def remove(self, path: Path) -> None:
        path.unlink(missing_ok=True)


def backup_if_due(store, folder: str | Path | None = None, keep: int | None = None, *,
                  keep_weeks: int | None = None, now: datetime | None = None) -> BackupOutcome:
    """Today's backup if there is none yet, rotated; settings `backup.*` fill what is None.

    Never raises for a store or folder problem: the outcome carries it as one line.
    """
    with store.uow(write=False) as uow:
        policy = uow.config.settings().backup
        now = now or uow.now()  # "today" is the district's day, not this computer's
    target = Path(folder) if folder else default_folder(store.engine.url, policy.folder)
    try:
        return rotate(StoreBackups(store), target, policy.keep_days if keep is None else keep,
                      policy.keep_weeks if keep_weeks is None else keep_weeks,
                      now)
    except StoreUnavailable as exc:
        return BackupOutcome(problem=str(exc), message=f"no backup today: {exc}")
