"""Engines for both backends: SpatiaLite through sqlean (can load extensions), PostGIS."""

from __future__ import annotations

import os
from pathlib import Path

# Must be set before GeoAlchemy2 loads the extension; Debian's libsqlite3-mod-spatialite.
os.environ.setdefault("SPATIALITE_LIBRARY_PATH", "mod_spatialite")

# mod_spatialite links the system PROJ, and SQLite loads extensions RTLD_GLOBAL: any library
# loaded after it that carries its own PROJ (pyproj's, GDAL's in pyogrio) would bind its C++
# symbols to the system copy and corrupt the heap (seen as a crash at exit). Loading them
# first binds each to its own PROJ.
import pyogrio  # noqa: E402, F401
import pyproj  # noqa: E402, F401
import sqlean  # noqa: E402  (stdlib sqlite3 here cannot load extensions)
from geoalchemy2.admin.dialects.sqlite import init_spatialite, load_spatialite_driver  # noqa: E402
from sqlalchemy import Engine, create_engine, event  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from . import guard  # noqa: E402
from .changes import track_transactions  # noqa: E402
from .errors import StoreUnavailable  # noqa: E402, F401  (re-exported: raised by open/create)
from .lean import driver_sql  # noqa: E402
from .lease import busy_timeout_seconds  # noqa: E402
from .sharing import register  # noqa: E402

# The driver binds int, float and str as they are but sends every other value, None too,
# through its adapter look-up, which for None ends in two failed attribute look-ups: ~0.8 µs
# a NULL, most of a bulk insert's binding when many columns are empty. An adapter for None
# found in the table answers at once; `{}.get` returns None for any key (C, no Python frame).
sqlean.register_adapter(type(None), {}.get)


def normalize_url(url_or_path: str) -> str:
    """Accept a plain file path for SpatiaLite as well as a full database URL."""
    if "://" in url_or_path:
        return url_or_path
    return f"sqlite:///{Path(url_or_path).expanduser().resolve()}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_connect(dbapi_conn, _record) -> None:
    try:
        load_spatialite_driver(dbapi_conn)
    except Exception as exc:  # the Debian package is missing
        raise StoreUnavailable(
            "cannot load mod_spatialite: install it with "
            "`apt-get install libsqlite3-mod-spatialite`") from exc
    cur = dbapi_conn.cursor()
    # Wide case rows pack better in 8 KiB pages (≈20 % faster bulk loads); only a new,
    # empty file takes it, so it must come before WAL mode writes the header.
    cur.execute("PRAGMA page_size=8192")
    # WAL lets the map read while a transition commits; NORMAL is durable across app crashes.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # a writer waits this long for another (a long import) before it says who holds the store
    cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_seconds() * 1000)}")
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA temp_store=MEMORY")  # index builds and sorts stay off the disk
    cur.close()
    init_spatialite(dbapi_conn, transaction=True, init_mode="WGS84")


def _sqlite_begin(conn) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    # on the driver's cursor (every unit of work begins here); busy still reads StoreBusy
    driver_sql(conn, "BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_store_engine(url: str) -> Engine:
    """An engine for `url` with the connection set-up its backend needs."""
    url = normalize_url(url)
    if is_sqlite(url):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, module=sqlean, poolclass=NullPool if path == ":memory:"
                               else None)
        event.listen(engine, "connect", _sqlite_connect)
        if path and path != ":memory:":  # never read as a plain file by this process
            event.listen(engine, "connect", lambda _c, _r, p=path: register(p))
        # pysqlite's implicit BEGIN lets a reader upgrade to writer and fail with "locked";
        # write units of work take the lock at BEGIN so two workstations queue instead.
        event.listen(engine, "connect", lambda c, r: setattr(c, "isolation_level", None))
        event.listen(engine, "begin", _sqlite_begin)
        guard.install(engine)
        track_transactions(engine)
        return engine
    engine = create_engine(url, pool_pre_ping=True)
    guard.install(engine)
    track_transactions(engine)
    return engine
