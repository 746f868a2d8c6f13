"""Administration: people, departments, assignments, catalog, calendar, settings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from ..domain.calendar import WorkCalendar
from ..domain.catalog import CatalogClass, TimeLimit
from ..domain.errors import InvalidInput, NotFound, PermissionDenied
from ..domain.people import Assignment, AssignmentKind, Person, Role
from ..domain.places import DepartmentKind
from ..domain.settings import Settings
from .auth import hash_password
from .ports import DepartmentInfo, UnitOfWork


def require_admin(uow: UnitOfWork, username: str) -> Person:
    person = uow.people.by_username(username)
    if Role.ADMIN not in person.roles:
        raise PermissionDenied(f"{username} is not an administrator", user=username)
    return person


def add_department(uow: UnitOfWork, code: str, name: str, kind: str = "professional",
                   street_code: str | None = None) -> DepartmentInfo:
    with uow:
        if uow.people.department_by_code(code):
            raise InvalidInput(f"department {code} already exists", value=code)
        info = uow.people.add_department(
            DepartmentInfo(0, code, name, DepartmentKind(kind).value, street_code))
        uow.commit()
    return info


def add_person(uow: UnitOfWork, username: str, name: str, roles: Iterable[Role | str],
               department: str | None = None, password: str | None = None) -> Person:
    with uow:
        try:
            uow.people.by_username(username)
            raise InvalidInput(f"user {username} already exists", value=username)
        except NotFound:
            pass
        dept_id = None
        if department:
            dept = uow.people.department_by_code(department)
            if dept is None:
                raise NotFound(f"no department with code {department!r}", value=department)
            dept_id = dept.id
        person = uow.people.add(Person(0, username, name, frozenset(Role(r) for r in roles),
                                       dept_id), hash_password(password) if password else None)
        uow.commit()
    return person


def set_password(uow: UnitOfWork, username: str, password: str) -> None:
    with uow:
        person = uow.people.by_username(username)
        uow.people.set_password_hash(person.id, hash_password(password))
        uow.commit()


def assign(uow: UnitOfWork, kind: AssignmentKind | str, target_code: str, *,
           person: str | None = None, department: str | None = None,
           valid_from: datetime | None = None) -> Assignment:
    """Make `person` (or `department`) responsible for `target_code` from `valid_from` on.

    Whoever held it before keeps it in the history up to that moment.
    """
    kind = AssignmentKind(kind)
    with uow:
        at = valid_from or uow.now()  # the store's clock, not this computer's zone
        person_id = dept_id = None
        if kind is AssignmentKind.DEPARTMENT_CLASS:
            uow.config.catalog()[target_code]
            info = uow.people.department_by_code(department or "")
            if info is None:
                raise NotFound(f"no department with code {department!r}", value=department)
            dept_id = info.id
        else:
            p = uow.people.by_username(person or "")
            needed = Role.ROAD_CHIEF if kind is AssignmentKind.ROAD_CHIEF_SEGMENT \
                else Role.GRID_WORKER
            if needed not in p.roles:
                raise InvalidInput(f"{p.username} is not a {needed.value}", value=p.username)
            if kind is AssignmentKind.ROAD_CHIEF_SEGMENT and \
                    uow.places.segment_id(target_code) is None:
                raise NotFound(f"no road segment with code {target_code!r}", value=target_code)
            person_id = p.id
        uow.people.end_assignments(kind.value, target_code, at)
        a = uow.people.add_assignment(Assignment(kind, target_code, person_id, dept_id, at))
        uow.commit()
    return a


def save_catalog(uow: UnitOfWork, username: str | None, classes: Iterable[CatalogClass],
                 note: str = "") -> int:
    """A new catalog version; cases dispatched under older versions keep their deadlines."""
    with uow:
        by = require_admin(uow, username).id if username else None
        version = uow.config.save_catalog(classes, by, note)
        uow.commit()
    return version


def edit_class(uow: UnitOfWork, username: str, code: str, *, limit: str | None = None,
               department: str | None = None, name: str | None = None,
               active: bool | None = None, note: str = "") -> int:
    """Change one class; the whole catalog is saved as the next version."""
    with uow:
        require_admin(uow, username)
        catalog = uow.config.catalog()
        cls = catalog[code]
        if department and uow.people.department_by_code(department) is None:
            raise NotFound(f"no department with code {department!r}", value=department)
        changed = replace(cls, time_limit=TimeLimit.parse(limit) if limit else cls.time_limit,
                          department_code=department or cls.department_code,
                          name=name or cls.name, active=cls.active if active is None else active)
        classes = [changed if c.code == code else c for c in catalog]
    return save_catalog(uow, username, classes, note or f"edit {code}")


def save_calendar(uow: UnitOfWork, username: str | None, calendar: WorkCalendar,
                  names: dict[date, str] | None = None) -> None:
    with uow:
        if username:
            require_admin(uow, username)
        uow.config.save_calendar(calendar, names or {})
        uow.commit()


def save_settings(uow: UnitOfWork, username: str | None, settings: Settings) -> None:
    with uow:
        if username:
            require_admin(uow, username)
        uow.config.save_settings(settings)
        uow.commit()
