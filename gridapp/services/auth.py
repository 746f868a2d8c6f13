"""Passwords (argon2) and login."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..domain.errors import NotFound, PermissionDenied
from ..domain.people import Person
from .ports import UnitOfWork

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    if len(password) < 6:
        raise PermissionDenied("a password needs at least 6 characters")
    return _hasher.hash(password)


def login(uow: UnitOfWork, username: str, password: str) -> Person:
    """The person if the password matches; one message for every failure (no user probing)."""
    with uow:
        try:
            person = uow.people.by_username(username)
            stored = uow.people.password_hash(username)
        except NotFound:
            person, stored = None, None
        ok = False
        if stored:
            try:
                ok = _hasher.verify(stored, password)
            except (VerificationError, InvalidHashError):
                ok = False
        if not ok or person is None or not person.active:
            raise PermissionDenied("wrong user name or password", user=username)
        if stored and _hasher.check_needs_rehash(stored):  # stored: it just verified
            uow.people.set_password_hash(person.id, _hasher.hash(password))
            uow.commit()
        return person
