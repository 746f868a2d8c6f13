"""`gridapp`: the desktop client by default, and verbs to script everything else."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import datetime

import click

from ..domain import times
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

    def at(self, value: str | None, what: str = "--at") -> datetime:
        """`--at` as the district's wall clock (the store's now when not given): an offset
        (Z, +08:00) is converted into the store's zone, and a time the store cannot have
        seen (before its earliest plausible date, after now plus the skew) is refused."""
        with self.store.uow(write=False) as uow:
            settings, now = uow.config.settings(), uow.now()
        when = parse_at(value)
        if when is None:
            return now
        return times.check_plausible(times.to_district(when, settings.time_zone),
                                     settings.earliest, now, settings.future_skew, what)

    def local(self, value: str | None) -> datetime | None:
        """A time option that may lie anywhere (a filter, a start date) as the district's
        wall clock: an offset (Z, +08:00) is converted into the store's zone."""
        when = parse_at(value)
        if when is None or when.tzinfo is None:
            return when
        with self.store.uow(write=False) as uow:
            return times.to_district(when, uow.config.settings().time_zone)

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


# Each verb and the module defining it: a verb's module is imported only when it is used,
# so `gridapp gui` starts without loading the modules (and libraries) of every other verb.
VERBS = {
    "init": "admin", "dept": "admin", "person": "admin", "assign": "admin",
    "catalog": "admin", "calendar": "admin", "settings": "admin",
    "indicators": "analysis", "assess": "analysis", "report": "analysis",
    "analyze": "analysis", "warnings": "analysis", "audit": "audit", "bench": "bench",
    "case": "cases", "demo": "data", "import": "data", "export": "data", "gui": "gui",
    "maps": "maps", "soak": "soak", "field": "field", "patrol": "patrol", "store": "store_cmds", "backup": "store_cmds",
    "restore": "store_cmds",
}
EXTENDS = {"data": ("history",)}  # modules that add sub-commands to a verb of another


class GridappGroup(click.Group):
    """Turns domain and store errors into one clear line (or JSON) and exit status 2."""

    def list_commands(self, ctx):
        return sorted(set(VERBS) | set(self.commands))

    def get_command(self, ctx, name):
        if name not in self.commands and name in VERBS:
            _load(VERBS[name])
        return self.commands.get(name)

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


def _load(module_name: str) -> None:
    """Import a verb's module and add the commands it defines."""
    import importlib
    module = importlib.import_module(f"{__name__}.{module_name}")
    for extra in EXTENDS.get(module_name, ()):
        importlib.import_module(f"{__name__}.{extra}")
    for command in module.COMMANDS:
        main.add_command(command)
