"""考核方案 in the store: read the one in force, save a new version (admin or leader)."""

from __future__ import annotations

from typing import Any

from ..domain.assessment import Scheme, default_scheme
from ..domain.errors import PermissionDenied
from ..domain.people import Role
from .ports import UnitOfWork


def current_scheme(uow: UnitOfWork) -> tuple[int, Scheme]:
    """(version, scheme) in force; version 0 is the shipped default, never saved yet."""
    with uow:
        saved = uow.config.assessment_scheme()
    return (saved[0], Scheme.from_dict(saved[1])) if saved else (0, default_scheme())


def save_scheme(uow: UnitOfWork, username: str, data: dict[str, Any], note: str = "") -> int:
    """Validate and store a scheme as a new version; earlier bulletins keep theirs."""
    scheme = Scheme.from_dict(data)  # every mistake named before anything is written
    with uow:
        person = uow.people.by_username(username)
        if not person.roles & {Role.ADMIN, Role.LEADER}:
            raise PermissionDenied(f"{username} may not change the assessment scheme "
                                   "(administrator or leader only)", user=username)
        version = uow.config.save_assessment_scheme(scheme.to_dict(), person.id, note)
        uow.commit()
    return version
