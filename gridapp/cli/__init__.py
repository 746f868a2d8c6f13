"""`gridapp`: the desktop client by default, and verbs to script everything else."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import datetime

import click

from ..domain.errors import DomainError
from ..io.errors import ImportRejected
from ..store.errors import StoreUnavailable


@dataclass
class Context:
    db: str | None
    as_json: bool
    _store: object = None

    @property
    def store(self):
        if self._store is None:
            from ..bootstrap import open_store
            self._store = open_store(self.db)
        return self._store

    def close(self) -> None:
        """Close the store at the end of the command (its WAL is folded back in)."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def emit(self, data, human: str | None = None) -> None:
        if self.as_json:
            click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            click.echo(human if human is not None else data)


pass_ctx = click.make_pass_decorator(Context)


def parse_at(value: str | None) -> datetime | None:
    """`--at` for back-dated entry (imports, tests, training): ISO date and time."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date and time like 2026-11-02T09:30") from None


class GridappGroup(click.Group):
    """Turns domain and store errors into one clear line (or JSON) and exit status 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (DomainError, ImportRejected, StoreUnavailable) as exc:
            obj = ctx.find_object(Context)
            code = getattr(exc, "code", type(exc).__name__)
            if obj is not None and obj.as_json:
                click.echo(json.dumps({"error": code, "message": str(exc)}, ensure_ascii=False),
                           err=True)
            else:
                click.echo(f"error ({code}): {exc}", err=True)
            sys.exit(2)


@click.group(cls=GridappGroup, invoke_without_command=True)
@click.option("--db", envvar="GRIDAPP_DB", help="Store: a SpatiaLite file path or a database "
              "URL (postgresql+psycopg://…). Default: the demo store.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.version_option(package_name="gridapp")
@click.pass_context
def main(ctx, db, as_json):
    """gridapp: grid and road-chief city management, one map, the closed loop."""
    ctx.obj = Context(db, as_json)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        from .gui import gui
        ctx.invoke(gui)


def _register() -> None:
    from . import admin, analysis, audit, bench, cases, data, gui, history, maps, soak, store_cmds  # noqa: F401
    for module in (admin, analysis, audit, bench, cases, data, gui, maps, soak, store_cmds):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
