"""The triggers of change tracking, as SQL (used by the migrations that add tracked tables).

A tracked place table carries `change_seq`; gridapp's own writes stamp it (store/changes.py)
and these triggers stamp every other writer's rows, log the table in `change_log` and bump
the services' cache key, `meta.config_revision`.
"""

from __future__ import annotations

NEXT = "UPDATE change_counter SET seq = seq + 1;"
CURRENT = "(SELECT seq FROM change_counter)"
BUMP_SQLITE = ("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
               "WHERE key = 'config_revision';")
XID = "pg_current_xact_id()::text::bigint"


def sqlite_triggers(table: str, derived: dict[str, str] | None = None) -> list[str]:
    """SQLite: stamp, log and (for places) recompute `derived` columns on another writer's
    insert, update and delete; `derived` maps a column to an SQL expression of {g}."""
    log = "" if table == "cases" else \
        f"INSERT INTO change_log (seq, tbl) VALUES ({CURRENT}, '{table}');"
    bump = "" if table == "cases" else BUMP_SQLITE
    # derived columns recomputed in the same statement, so that no second update fires
    derive = "".join(f", {c} = {e.format(g='NEW.geom')}" for c, e in (derived or {}).items())
    row = "OLD.id" if table == "cases" else "NULL"
    out = [
        f"""CREATE TRIGGER {table}_stamp_insert AFTER INSERT ON {table}
            WHEN NEW.change_seq IS NULL BEGIN {NEXT}
            UPDATE {table} SET change_seq = {CURRENT}{derive} WHERE id = NEW.id; {log} {bump} END""",
        f"""CREATE TRIGGER {table}_stamp_update AFTER UPDATE ON {table}
            WHEN NEW.change_seq IS OLD.change_seq BEGIN {NEXT}
            UPDATE {table} SET change_seq = {CURRENT} WHERE id = NEW.id; {log} {bump} END""",
        f"""CREATE TRIGGER {table}_log_delete AFTER DELETE ON {table}
            BEGIN {NEXT} INSERT INTO change_log (seq, tbl, row_id)
            VALUES ({CURRENT}, '{table}', {row}); {bump} END""",
    ]
    if derived:
        # a moved cell or segment, whoever moved it (SpatiaLite's functions are loaded by
        # every client that can write geometry: gridapp, QGIS, spatialite)
        sets = ", ".join(f"{c} = {e.format(g='NEW.geom')}" for c, e in derived.items())
        out.append(f"""CREATE TRIGGER {table}_derive AFTER UPDATE OF geom ON {table}
            BEGIN UPDATE {table} SET {sets} WHERE id = NEW.id; END""")
    return out


def postgres_place_triggers(table: str) -> list[str]:
    """PostgreSQL: stamp another writer's rows, log the table once per statement (the
    functions come from migration 0005)."""
    return [
        f"""CREATE TRIGGER {table}_stamp_insert BEFORE INSERT ON {table}
            FOR EACH ROW WHEN (NEW.change_seq IS NULL) EXECUTE FUNCTION gridapp_stamp()""",
        f"""CREATE TRIGGER {table}_stamp_update BEFORE UPDATE ON {table}
            FOR EACH ROW WHEN (NEW.change_seq IS NOT DISTINCT FROM OLD.change_seq)
            EXECUTE FUNCTION gridapp_stamp()""",
        f"""CREATE TRIGGER {table}_log AFTER INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION gridapp_log_table()""",
    ]
