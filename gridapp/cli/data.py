"""`gridapp demo`, and later `import` / `export`: data in and out."""

from __future__ import annotations

import sys
import time

import click

from . import parse_at, pass_ctx


class ProgressLine:
    """One updating line per stage on a terminal; plain lines otherwise."""

    def __init__(self) -> None:
        self.stage = None
        self.t0 = time.perf_counter()
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int, what: str) -> None:
        if what != self.stage and self.stage is not None and self.tty:
            click.echo("", err=True)
        self.stage = what
        pct = f"{100 * done / total:5.1f}%" if total > 1 else ""
        msg = f"[{time.perf_counter() - self.t0:6.1f}s] {what} {pct} {done:,}/{total:,}" \
            if total > 1 else f"[{time.perf_counter() - self.t0:6.1f}s] {what}"
        if self.tty:
            click.echo("\r" + msg, err=True, nl=False)
        elif total <= 1 or done == total or done % max(1, total // 10) == 0:
            click.echo(msg, err=True)


@click.command()
@click.option("--scale", type=click.Choice(["tiny", "district", "city"]), default="district",
              show_default=True, help="district ≈ 6,000 cells and 50,000 cases; city ≈ 100,000 "
              "cells, 20,000 segments and 1,000,000 cases.")
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--until", help="The demo's 'now' (ISO); default today 16:00.")
@click.option("--no-basemap", is_flag=True, help="Skip the offline basemap tiles.")
@pass_ctx
def demo(ctx, scale, seed, until, no_basemap):
    """Build the demo district (江滨区) into a new store: places, people, a year of cases."""
    from ..bootstrap import default_db
    from ..demo.build import build_demo
    from ..demo.staff import DEMO_PASSWORD
    db = ctx.db or default_db()
    progress = ProgressLine()
    store = build_demo(db, scale, seed, parse_at(until), progress, basemap=not no_basemap)
    if progress.tty:
        click.echo("", err=True)
    with store.uow(write=False) as uow:
        counts = uow.loader.counts()
        counts["cases"] = uow.conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
        counts["audit_rows"] = uow.conn.exec_driver_sql(
            "SELECT count(*) FROM case_events").scalar()
        counts["people"] = uow.conn.exec_driver_sql("SELECT count(*) FROM people").scalar()
    ctx.emit({"db": store.url, **counts, "password": DEMO_PASSWORD},
             f"demo store {store.url}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items())
             + f"\nlog in as admin, shift01, dispatcher01, acceptor01, wg0001, lz0001, "
               f"sanitation01 … with password {DEMO_PASSWORD}")


COMMANDS = [demo]
