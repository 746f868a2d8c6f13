"""Wire real dependencies: open or create a store and seed it. Creates nothing at import."""

from __future__ import annotations

import os

from .domain.calendar import WorkCalendar
from .io.catalog import read_catalog, read_departments
from .io.holidays import official_days
from .paths import data_dir, resource
from .services.setup import initialize
from .store.build import StoreBuild
from .store.store import Store

DEFAULT_SRID = 4547  # CGCS2000 / 3-degree Gauss-Kruger CM 114E


def default_db() -> str:
    """GRIDAPP_DB, else the demo store in the user's data folder."""
    return os.environ.get("GRIDAPP_DB") or str(data_dir() / "demo.gridapp.sqlite")


def default_calendar() -> tuple[WorkCalendar, dict]:
    holidays, workdays, names = official_days()
    return WorkCalendar().with_days(holidays, workdays), names


def create_store(url: str, srid: int = DEFAULT_SRID, admin_password: str | None = None,
                 district_code: str = "", district_name: str = "") -> Store:
    """A new store with the default catalog, departments and calendar, or nothing at all.

    Built out of sight and published only when complete (`gridapp.store.build`).
    """
    with StoreBuild(url) as build:
        store = seed_store(build, srid, admin_password, district_code, district_name)
        return build.publish(store)


def seed_store(build: StoreBuild, srid: int = DEFAULT_SRID, admin_password: str | None = None,
               district_code: str = "", district_name: str = "") -> Store:
    """The new store of `build`, seeded; the caller adds to it and publishes it."""
    store = Store.create(build.url, srid)
    build.begin(store)
    calendar, names = default_calendar()
    initialize(store.uow(), classes=read_catalog(resource("catalog", "default_catalog.csv")),
               departments=read_departments(resource("catalog", "departments.csv")),
               calendar=calendar, day_names=names, admin_password=admin_password,
               district_code=district_code, district_name=district_name)
    return store


def open_store(url: str | None = None) -> Store:
    return Store.open(url or default_db())
