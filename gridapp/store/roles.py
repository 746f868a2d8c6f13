"""PostGIS roles: an owner that owns the schema, a workstation role that may act but never
change or delete an audit row, nor write one with a time other than the server's."""

from __future__ import annotations

import re

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from .db import StoreUnavailable

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# Rows a workstation writes carry the server's time (services stamp them with it in the same
# transaction); only the owner writes past times (history migration) or migrated rows.
_TIME_GUARD = """
CREATE OR REPLACE FUNCTION gridapp_audit_time_guard() RETURNS trigger AS $$
DECLARE
    zone text := COALESCE((SELECT value::json->>'time_zone' FROM meta WHERE key = 'settings'),
                          'Asia/Shanghai');
    server timestamp := now() AT TIME ZONE zone;
BEGIN
    IF pg_has_role(session_user, '{owner}', 'MEMBER') THEN
        RETURN NEW;
    END IF;
    IF NEW.data::jsonb ? 'migrated' THEN
        RAISE EXCEPTION 'only the store owner migrates history (case %, row %)',
            NEW.case_id, NEW.seq USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.action IN ('report', 'reject') AND NEW.data::jsonb ? 'imported' THEN
        RETURN NEW;  -- a hotline ticket keeps the time the citizen called
    END IF;
    IF NEW.at < server - interval '5 minutes' OR NEW.at > server + interval '5 minutes' THEN
        RAISE EXCEPTION 'audit row of case % is stamped %, the server''s clock says %',
            NEW.case_id, NEW.at, server USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql
"""


def act_as_owner(conn) -> None:
    """Within this transaction, act as the store's owner role when `init` made one."""
    exists = conn.execute(text("SELECT to_regclass('meta')")).scalar()
    if exists is None:
        return
    roles = conn.execute(text("SELECT value FROM meta WHERE key = 'roles'")).scalar()
    if roles:
        owner = _check(roles.split(",")[0])
        if not conn.execute(text("SELECT pg_has_role(session_user, :r, 'MEMBER')"),
                            {"r": owner}).scalar():
            raise StoreUnavailable(f"this store's schema must be upgraded by a member of its "
                                   f"owner role {owner} (connect as the user who ran init)")
        conn.execute(text(f"SET LOCAL ROLE {owner}"))


def _check(name: str) -> str:
    if not _NAME.match(name):
        raise StoreUnavailable(f"role name {name!r}: use lower-case letters, digits and _")
    return name


def default_roles(engine: Engine) -> tuple[str, str]:
    db = _check(re.sub(r"[^a-z0-9_]", "_", (engine.url.database or "gridapp").lower()))
    return f"{db}_owner", f"{db}_workstation"


def secure(engine: Engine, owner: str, workstation: str, password: str | None) -> None:
    """Create (or bring up to date) the owner and workstation roles of this store."""
    owner, workstation = _check(owner), _check(workstation)
    try:
        with engine.begin() as conn:
            roles = set(conn.execute(text("SELECT rolname FROM pg_roles")).scalars())
            if owner not in roles:
                conn.execute(text(f"CREATE ROLE {owner} NOLOGIN"))
            conn.execute(text(f"GRANT {owner} TO current_user"))
            if workstation not in roles:
                conn.execute(text(f"CREATE ROLE {workstation} LOGIN"))
            if password:
                # a utility statement takes no bind parameters: quote the literal safely
                quoted = conn.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar()
                conn.execute(text(f"ALTER ROLE {workstation} PASSWORD {quoted}"))
            tables = conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'spatial_ref_sys'")).scalars().all()
            for t in tables:
                conn.execute(text(f'ALTER TABLE "{t}" OWNER TO {owner}'))
            db = conn.execute(text("SELECT current_database()")).scalar()
            conn.execute(text(f'GRANT CONNECT ON DATABASE "{db}" TO {workstation}'))
            conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {workstation}"))
            conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
                              f"public TO {workstation}"))
            conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version, "
                              f"spatial_ref_sys FROM {workstation}"))
            conn.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON case_events "
                              f"FROM {workstation}"))
            conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public "
                              f"TO {workstation}"))
            conn.execute(text(f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
                              f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {workstation}"))
            conn.execute(text(_TIME_GUARD.replace("{owner}", owner)))
            conn.execute(text("DROP TRIGGER IF EXISTS case_events_time_guard ON case_events"))
            conn.execute(text("CREATE TRIGGER case_events_time_guard BEFORE INSERT ON "
                              "case_events FOR EACH ROW EXECUTE FUNCTION "
                              "gridapp_audit_time_guard()"))
            conn.execute(text("INSERT INTO meta (key, value) VALUES ('roles', :v) ON CONFLICT "
                              "(key) DO UPDATE SET value = EXCLUDED.value"),
                         {"v": f"{owner},{workstation}"})
    except DBAPIError as exc:
        raise StoreUnavailable(f"cannot set up the roles {owner} and {workstation}: "
                               f"{str(exc.orig).splitlines()[0]} (connect as a user who may "
                               "create roles, e.g. postgres)") from None
