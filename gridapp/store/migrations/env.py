"""Alembic environment: always run from gridapp.store.migrate with a live connection."""

from alembic import context

from gridapp.store.models import Base

# SpatiaLite keeps its own bookkeeping tables; autogenerate must never touch them.
_SPATIALITE_OWN = ("spatial_ref_sys", "geometry_columns", "spatialite_history", "sql_statements_log",
                   "views_geometry_columns", "virts_geometry_columns", "SpatialIndex",
                   "ElementaryGeometries", "KNN", "KNN2", "data_licenses", "spatial_ref_sys_aux")


def include_name(name, type_, parent_names):
    if type_ == "table":
        return not (name in _SPATIALITE_OWN or name.startswith(("idx_", "geometry_columns_",
                                                                 "views_", "virts_", "vector_")))
    return True


connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  include_name=include_name, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
