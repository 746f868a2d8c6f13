"""`gridapp gui`: start the desktop client (Qt is imported only here, lazily)."""

from __future__ import annotations

import click


@click.command()
@click.option("--user", help="Log in as this user (asks for the password).")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Interface language.")
@click.pass_obj
def gui(ctx, user, lang):
    """Open the command-room client on the store."""
    try:
        from ..ui.main import run
    except ImportError as exc:  # the desktop client is not installed or Qt libraries are missing
        raise click.ClickException(f"the desktop client cannot start: {exc}") from exc
    raise SystemExit(run(ctx.db, user=user, lang=lang))


COMMANDS = [gui]
