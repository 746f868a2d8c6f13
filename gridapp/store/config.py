"""Catalog versions, work calendar, settings and store meta; cached per config revision."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from ..domain.calendar import WorkCalendar, parse_periods
from ..domain.catalog import CaseKind, Catalog, CatalogClass, TimeLimit, TimeUnit
from ..domain.errors import NotFound
from ..domain.settings import Settings
from . import models as m
from .cache import CacheView

META = m.MetaEntry.__table__
VERS = m.CatalogVersion.__table__
CLS = m.CatalogClass.__table__
DAYS = m.CalendarDay.__table__
PRESETS = m.HotlinePreset.__table__
SCHEMES = m.AssessmentScheme.__table__


class SqlConfigRepository:
    def __init__(self, conn: Connection, view: CacheView,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        # versions and presets are stamped by the store's clock like every action, so a
        # scheme's "when" reads the same on every workstation whatever zone it is set to
        self.conn, self.view, self.clock = conn, view, clock
        self.cache = view.cache

    # --- meta -----------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        return self.conn.execute(select(META.c.value).where(META.c.key == key)).scalar()

    def set_meta(self, key: str, value: str) -> None:
        if self.conn.execute(update(META).where(META.c.key == key).values(value=value)).rowcount == 0:
            self.conn.execute(insert(META).values(key=key, value=value))

    def _bump(self) -> None:
        self.view.bump()

    def _fresh(self) -> dict[str, Any]:
        return self.view.current()

    # --- catalog --------------------------------------------------------------------
    def catalog(self, version: int | None = None) -> Catalog:
        if version is None:
            cur = self._fresh()
            if "catalog_version" not in cur:
                cur["catalog_version"] = self.conn.execute(select(func.max(VERS.c.version))).scalar()
            version = cur["catalog_version"]
            if version is None:
                raise NotFound("the store has no catalog yet (run `gridapp init`)")
        if version not in self.cache.catalogs:
            rows = self.conn.execute(select(CLS).where(CLS.c.version == version)
                                     .order_by(CLS.c.code)).all()
            if not rows:
                raise NotFound(f"no catalog version {version}", value=version)
            self.cache.catalogs[version] = Catalog(version, [
                CatalogClass(r.code, r.name, CaseKind(r.kind), r.large_code, r.large_name,
                             r.department_code, TimeLimit(r.limit_amount, TimeUnit(r.limit_unit)),
                             r.register_condition, r.close_condition, bool(r.active))
                for r in rows])
        return self.cache.catalogs[version]

    def save_catalog(self, classes: Iterable[CatalogClass], by: int | None, note: str) -> int:
        """Store `classes` as a new catalog version; older versions stay for old cases."""
        version = (self.conn.execute(select(func.max(VERS.c.version))).scalar() or 0) + 1
        classes = list(classes)
        Catalog(version, classes)  # rejects duplicates before anything is written
        self.conn.execute(insert(VERS).values(version=version, created_at=self.clock(),
                                              created_by=by, note=note))
        self.conn.execute(insert(CLS), [{
            "version": version, "code": c.code, "name": c.name, "kind": c.kind.value,
            "large_code": c.large_code, "large_name": c.large_name,
            "department_code": c.department_code, "limit_amount": c.time_limit.amount,
            "limit_unit": c.time_limit.unit.value, "register_condition": c.register_condition,
            "close_condition": c.close_condition, "active": c.active} for c in classes])
        self._bump()
        return version

    def catalog_versions(self) -> list[tuple[int, datetime, str]]:
        return [(r.version, r.created_at, r.note)
                for r in self.conn.execute(select(VERS).order_by(VERS.c.version))]

    # --- calendar -------------------------------------------------------------------
    def calendar(self) -> WorkCalendar:
        cur = self._fresh()
        if "calendar" not in cur:
            cfg = json.loads(self.meta("calendar") or "{}")
            rows = self.conn.execute(select(DAYS.c.day, DAYS.c.kind)).all()
            base = WorkCalendar(parse_periods(cfg["periods"]) if "periods" in cfg
                                else WorkCalendar().periods,
                                frozenset(cfg.get("weekend", [5, 6])))
            cur["calendar"] = base.with_days(
                holidays=[r.day for r in rows if r.kind == "holiday"],
                workdays=[r.day for r in rows if r.kind == "workday"])
        return cur["calendar"]

    def save_calendar(self, calendar: WorkCalendar, names: dict[date, str]) -> None:
        self.set_meta("calendar", json.dumps({
            "periods": ",".join(f"{s:%H:%M}-{e:%H:%M}" for s, e in calendar.periods),
            "weekend": sorted(calendar.weekend)}))
        self.conn.execute(delete(DAYS))
        rows = [{"day": d, "kind": "holiday", "name": names.get(d, "")} for d in calendar.holidays]
        rows += [{"day": d, "kind": "workday", "name": names.get(d, "")} for d in calendar.workdays]
        if rows:
            self.conn.execute(insert(DAYS), rows)
        self._bump()

    # --- hotline import presets ------------------------------------------------------
    def presets(self) -> dict[str, dict]:
        return {r.name: dict(r.mapping) for r in self.conn.execute(select(PRESETS))}

    def save_preset(self, name: str, mapping: dict) -> None:
        self.conn.execute(delete(PRESETS).where(PRESETS.c.name == name))
        self.conn.execute(insert(PRESETS).values(name=name, mapping=mapping,
                                                 updated_at=self.clock()))

    def delete_preset(self, name: str) -> None:
        self.conn.execute(delete(PRESETS).where(PRESETS.c.name == name))

    # --- settings -------------------------------------------------------------------
    def settings(self) -> Settings:
        cur = self._fresh()
        if "settings" not in cur:
            raw = self.meta("settings")
            # a value saved before settings were checked gives way to its default here;
            # `gridapp store check` names it
            cur["settings"] = Settings.load(_json(raw))[0] if raw else Settings()
        return cur["settings"]

    def save_settings(self, settings: Settings) -> None:
        Settings.from_dict(settings.to_dict())  # never store a value outside its range
        self.set_meta("settings", json.dumps(settings.to_dict(), ensure_ascii=False,
                                             allow_nan=False))
        self._bump()

    # --- assessment schemes (考核方案), versioned like the catalog ----------------------
    def assessment_scheme(self, version: int | None = None) -> tuple[int, dict] | None:
        """(version, scheme dict) of the given or the latest version; None if none saved."""
        q = select(SCHEMES.c.version, SCHEMES.c.scheme)
        q = q.where(SCHEMES.c.version == version) if version is not None else \
            q.order_by(SCHEMES.c.version.desc()).limit(1)
        row = self.conn.execute(q).first()
        return (row.version, dict(row.scheme)) if row else None

    def save_assessment_scheme(self, scheme: dict, by: int | None, note: str) -> int:
        version = (self.conn.execute(select(func.max(SCHEMES.c.version))).scalar() or 0) + 1
        self.conn.execute(insert(SCHEMES).values(version=version, created_at=self.clock(),
                                                 created_by=by, note=note, scheme=scheme))
        return version

    def assessment_schemes(self) -> list[tuple[int, datetime, int | None, str]]:
        return [(r.version, r.created_at, r.created_by, r.note) for r in self.conn.execute(
            select(SCHEMES.c.version, SCHEMES.c.created_at, SCHEMES.c.created_by,
                   SCHEMES.c.note).order_by(SCHEMES.c.version))]


def _json(raw: str) -> dict:
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
