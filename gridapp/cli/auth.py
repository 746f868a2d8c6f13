"""Who acts from the command line: every such command checks the person's password.

The password comes from GRIDAPP_PASSWORD (scripts), else from the system keyring (service
`gridapp`, the user name), else from a hidden prompt; never from a command-line argument.
"""

from __future__ import annotations

import os

import click

from ..domain.errors import PermissionDenied
from ..domain.people import Role

KEYRING_SERVICE = "gridapp"


def _keyring_password(username: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, username)
    except (KeyringError, RuntimeError):  # no keyring on this machine (a server, CI)
        return None


def password_for(username: str) -> str:
    """The password of `username`: environment, keyring, or a hidden prompt."""
    return (os.environ.get("GRIDAPP_PASSWORD") or _keyring_password(username)
            or click.prompt(f"Password of {username}", hide_input=True, err=True))


def authenticate(ctx, username: str, *roles: Role) -> str:
    """`username` after checking their password (and that they hold one of `roles`)."""
    from ..services.auth import login
    from ..services.cases import SYSTEM
    if username == SYSTEM:
        raise PermissionDenied("the system account is not a login; act as yourself",
                               user=username)
    person = login(ctx.store.uow(), username, password_for(username))
    if roles and not person.roles & set(roles):
        raise PermissionDenied(f"{username} is not {' or '.join(r.label_zh for r in roles)} "
                               f"({' or '.join(r.value for r in roles)})", user=username)
    return username


def as_admin(ctx, username: str) -> str:
    return authenticate(ctx, username, Role.ADMIN)
