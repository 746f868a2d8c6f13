"""First set-up of a store: default catalog, departments, calendar, settings, admin."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..domain.calendar import WorkCalendar
from ..domain.catalog import CatalogClass
from ..domain.people import Person, Role
from ..domain.places import DepartmentKind
from ..domain.settings import Settings
from .auth import hash_password
from .ports import DepartmentInfo, UnitOfWork


def initialize(uow: UnitOfWork, *, classes: Iterable[CatalogClass],
               departments: Iterable[dict[str, str]], calendar: WorkCalendar,
               day_names: dict[date, str], admin_password: str | None,
               district_code: str = "", district_name: str = "") -> None:
    """Seed a new store in one transaction (nothing is left half-seeded)."""
    with uow:
        for d in departments:
            uow.people.add_department(DepartmentInfo(0, d["code"], d["name"],
                                                     DepartmentKind(d.get("kind") or
                                                                    "professional").value,
                                                     d.get("street_code") or None))
        uow.config.save_catalog(classes, None, "default catalog")
        uow.config.save_calendar(calendar, day_names)
        uow.config.save_settings(Settings())
        uow.people.add(Person(0, "admin", "系统管理员", frozenset({Role.ADMIN})),
                       hash_password(admin_password) if admin_password else None)
        if district_code:
            uow.config.set_meta("district_code", district_code)
            uow.config.set_meta("district_name", district_name)
        uow.commit()
