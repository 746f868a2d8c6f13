"""Alembic, driven from code: create a store, or upgrade one made by an older version."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS = Path(__file__).parent / "migrations"

# SpatiaLite keeps its own bookkeeping tables; autogenerate must never touch them.
_SPATIALITE_OWN = ("spatial_ref_sys", "geometry_columns", "spatialite_history", "sql_statements_log",
                   "views_geometry_columns", "virts_geometry_columns", "SpatialIndex",
                   "ElementaryGeometries", "KNN", "KNN2", "data_licenses", "spatial_ref_sys_aux")


def include_name(name, type_, parent_names) -> bool:
    """Alembic filter: only gridapp's own tables, never the spatial extension's."""
    if type_ == "table":
        return not (name in _SPATIALITE_OWN or name.startswith(("idx_", "geometry_columns_",
                                                                 "views_", "virts_", "vector_")))
    return True


def alembic_config(connection: Connection, srid: int | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    cfg.attributes["srid"] = srid
    return cfg


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest schema revision this gridapp knows (its migration scripts, read once)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, srid: int | None = None, revision: str = "head") -> None:
    """Bring the schema to `revision` (new stores need `srid`, the CRS of their geometry)."""
    with engine.connect().execution_options(sqlite_immediate=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            from .roles import act_as_owner
            act_as_owner(conn)  # new tables belong to the owner; workstations get their grants
        command.upgrade(alembic_config(conn, srid), revision)
