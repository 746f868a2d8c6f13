"""Typed SQLAlchemy 2 models: the store's schema (the migrations create and evolve it)."""

from __future__ import annotations

from datetime import date, datetime

from geoalchemy2 import Geometry
from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Geometry SRID is per store (chosen at `gridapp init`); migrations pass the real one.
# The models use 0 only for Python-side typing; SQL goes through store/spatial.
SRID_PLACEHOLDER = 0


def geom(kind: str, index: bool = True) -> Geometry:
    return Geometry(kind, srid=SRID_PLACEHOLDER, spatial_index=index)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class MetaEntry(Base):
    """Store-wide facts: CRS, district, settings JSON, config revision."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class District(Base):
    __tablename__ = "districts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(Text)
    geom = mapped_column(geom("MULTIPOLYGON"), nullable=True)
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Street(Base):
    __tablename__ = "streets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(Text)
    geom = mapped_column(geom("MULTIPOLYGON"), nullable=True)
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Community(Base):
    __tablename__ = "communities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    street_code: Mapped[str] = mapped_column(String(9), index=True)
    name: Mapped[str] = mapped_column(Text)
    geom = mapped_column(geom("MULTIPOLYGON"), nullable=True)
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class GridCell(Base):
    __tablename__ = "grid_cells"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(15), unique=True)
    community_code: Mapped[str] = mapped_column(String(12), index=True)
    street_code: Mapped[str] = mapped_column(String(9), index=True)
    area_m2: Mapped[float] = mapped_column(Float)
    cx: Mapped[float] = mapped_column(Float)
    cy: Mapped[float] = mapped_column(Float)
    geom = mapped_column(geom("MULTIPOLYGON"))
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class RoadSegment(Base):
    __tablename__ = "road_segments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    road_name: Mapped[str] = mapped_column(Text)
    road_class: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text, default="")
    length_m: Mapped[float] = mapped_column(Float)
    geom = mapped_column(geom("MULTILINESTRING"))
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Department(Base):
    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    street_code: Mapped[str | None] = mapped_column(String(9), nullable=True, index=True)


class Component(Base):
    __tablename__ = "components"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    class_code: Mapped[str] = mapped_column(String(5), index=True)
    name: Mapped[str] = mapped_column(Text, default="")
    owner_department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"),
                                                            nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="normal")
    geom = mapped_column(geom("POINT"))
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text)
    password_hash: Mapped[str | None] = mapped_column(Text, nullable=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"),
                                                      nullable=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(default=True)


class PersonRole(Base):
    __tablename__ = "person_roles"
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)


class Assignment(Base):
    """Road chief ↔ segment, grid worker ↔ cell, department ↔ class, valid over a period."""

    __tablename__ = "assignments"
    __table_args__ = (Index("ix_assignments_lookup", "kind", "target_code", "valid_from"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    target_code: Mapped[str] = mapped_column(String(32))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True,
                                                  index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"),
                                                      nullable=True)
    valid_from: Mapped[datetime] = mapped_column(DateTime)
    valid_to: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class CatalogVersion(Base):
    __tablename__ = "catalog_versions"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class CatalogClass(Base):
    __tablename__ = "catalog_classes"
    version: Mapped[int] = mapped_column(ForeignKey("catalog_versions.version"),
                                         primary_key=True)
    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    large_code: Mapped[str] = mapped_column(String(2))
    large_name: Mapped[str] = mapped_column(Text)
    department_code: Mapped[str] = mapped_column(String(32))
    limit_amount: Mapped[float] = mapped_column(Float)
    limit_unit: Mapped[str] = mapped_column(String(16))
    register_condition: Mapped[str] = mapped_column(Text, default="")
    close_condition: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)


class CalendarDay(Base):
    """A day that breaks the weekly rule: a public holiday, or a make-up workday (调休)."""

    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # holiday | workday
    name: Mapped[str] = mapped_column(Text, default="")


class Case(Base):
    __tablename__ = "cases"
    # Partial indexes where most rows have no value (imports write none of those entries).
    __table_args__ = (
        Index("ix_cases_dup", "class_code", "reported_at"),
        Index("ix_cases_state_deadline", "state", "deadline_at"),
        Index("ix_cases_change_seq", "change_seq"),  # what changed since a client last looked
        Index("ix_cases_registered_at", "registered_at"),  # a period's cases (indicators)
        Index("ix_cases_reported_at", "reported_at"),
        *(Index(f"ix_cases_{c}", c, sqlite_where=text(f"{c} IS NOT NULL"),
                postgresql_where=text(f"{c} IS NOT NULL"))
          for c in ("segment_id", "assignee_department_id", "assignee_person_id",
                    "duplicate_of")),
        Index("ix_cases_unplaced", "reported_at", sqlite_where=text("x IS NULL"),
              postgresql_where=text("x IS NULL")),
        # one case per hotline ticket, whoever creates it (report, import, migration)
        Index("uq_cases_external_id", "external_id", unique=True,
              sqlite_where=text("external_id IS NOT NULL"),
              postgresql_where=text("external_id IS NOT NULL")),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    class_code: Mapped[str] = mapped_column(String(5))
    catalog_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    # The point as x/y (store CRS): duplicate checks use x/y ranges and the map loads
    # arrays; `geom` is the same point for QGIS and GDAL, kept equal by triggers (0008).
    # NULL while the case has no position yet (待定位: a ticket whose address matched nothing)
    x: Mapped[float | None] = mapped_column(Float, nullable=True)
    y: Mapped[float | None] = mapped_column(Float, nullable=True)
    geom = mapped_column(geom("POINT"), nullable=True)
    cell_code: Mapped[str | None] = mapped_column(String(15), nullable=True, index=True)
    community_code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    street_code: Mapped[str | None] = mapped_column(String(9), nullable=True)
    segment_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    segment_distance: Mapped[float | None] = mapped_column(Float, nullable=True)
    road_chief_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    grid_worker_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    component_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    reporter_id: Mapped[int] = mapped_column(Integer)
    reporter_contact: Mapped[str] = mapped_column(Text, default="")
    external_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    state: Mapped[str] = mapped_column(String(24))
    version: Mapped[int] = mapped_column(Integer)
    reported_at: Mapped[datetime] = mapped_column(DateTime)  # (class_code, reported_at) index
    registered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    dispatched_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    rectified_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    assignee_department_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    assignee_person_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_department_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_person_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    time_limit_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    deadline_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    warning_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    suspended_remaining_minutes: Mapped[float | None] = mapped_column(Float, nullable=True)
    pending_extension_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rectifier_ids: Mapped[str] = mapped_column(Text, default="")
    verifier_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reject_reason: Mapped[str | None] = mapped_column(String(24), nullable=True)
    duplicate_of: Mapped[int | None] = mapped_column(Integer, nullable=True)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    visited_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    satisfaction: Mapped[str | None] = mapped_column(String(16), nullable=True)
    return_count: Mapped[int] = mapped_column(Integer, default=0)
    rework_count: Mapped[int] = mapped_column(Integer, default=0)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    supervision_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # how the position was found when the report had none: from the address (road,
    # intersection, landmark, …) or by hand on the map; NULL for a reported point
    located_by: Mapped[str | None] = mapped_column(String(16), nullable=True)
    locate_match: Mapped[str | None] = mapped_column(Text, nullable=True)
    locate_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)


class CaseEvent(Base):
    """The audit trail: one row per state change or recorded act, never updated."""

    __tablename__ = "case_events"
    # keyed by (case, seq): rows of a case sit together and no surrogate key is needed
    __table_args__ = (Index("ix_case_events_at", "at"),
                      Index("ix_case_events_action_at", "action", "at", "actor_id"),
                      {"sqlite_with_rowid": False})
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    action: Mapped[str] = mapped_column(String(32))
    actor_id: Mapped[int] = mapped_column(Integer)
    actor_role: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime)
    from_state: Mapped[str | None] = mapped_column(String(24), nullable=True)
    to_state: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    attachments: Mapped[list] = mapped_column(JSON, default=list)
    # SHA-256 of this row's content and of the previous row of its case (domain/audit.py)
    hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Photo(Base):
    """Content-addressed photo blobs (sha256), written before the transition that cites them."""

    __tablename__ = "photos"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    mime: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class CasePhoto(Base):
    """Which photo belongs to which audit row of which case (before/after evidence)."""

    __tablename__ = "case_photos"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("photos.sha256"), primary_key=True)
    phase: Mapped[str] = mapped_column(String(32))


class Landmark(Base):
    """A named point addresses mention (school, station, market, hospital): 12345 tickets
    without coordinates are located by it."""

    __tablename__ = "landmarks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    kind: Mapped[str] = mapped_column(Text, server_default="")
    geom = mapped_column(geom("POINT"))
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class HotlinePreset(Base):
    """A named column mapping for hotline exports (saved by the import dialog or the CLI)."""

    __tablename__ = "hotline_presets"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    mapping: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AssessmentScheme(Base):
    """考核方案: weights, deductions and thresholds; a new version per change, never edited."""

    __tablename__ = "assessment_schemes"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, server_default="")
    scheme: Mapped[dict] = mapped_column(JSON)


class ChangeLog(Base):
    """Which table changed at which change number (places, configuration, deleted cases)."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_seq", "seq"),
                      Index("ux_change_log_tx", "seq", "tbl", unique=True,
                            sqlite_where=text("row_id IS NULL"),
                            postgresql_where=text("row_id IS NULL")))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    tbl: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class ChangeCounter(Base):
    """SQLite's store-wide change number (one row); PostgreSQL numbers by transaction id."""

    __tablename__ = "change_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)


class PatrolTrack(Base):
    """One person's patrol track of one day: a line in the store's CRS and, per vertex, its
    second after `started_at` (int32, little-endian): 28,800 GPS points of a day in one row."""

    __tablename__ = "patrol_tracks"
    __table_args__ = (Index("ix_patrol_tracks_day", "day", "person_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    day: Mapped[date] = mapped_column(Date)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime] = mapped_column(DateTime)
    points: Mapped[int] = mapped_column(Integer)
    length_m: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(Text, server_default="")
    times: Mapped[bytes] = mapped_column(LargeBinary)
    geom = mapped_column(geom("LINESTRING"))
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class PatrolCheckin(Base):
    """巡查打卡: a person on site at a point and time (from a field package)."""

    __tablename__ = "patrol_checkins"
    __table_args__ = (Index("ix_patrol_checkins_day", "day", "person_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, server_default="")
    source: Mapped[str] = mapped_column(Text, server_default="")
    geom = mapped_column(geom("POINT"))
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class PatrolDay(Base):
    """What a person's tracks and check-ins of a day covered of a segment he was in charge
    of that day (recomputed when that person-day gets new tracks or check-ins)."""

    __tablename__ = "patrol_days"
    segment_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    person_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    covered_share: Mapped[float] = mapped_column(Float)
    checked_in: Mapped[bool] = mapped_column(default=False)
    within_m: Mapped[float] = mapped_column(Float)


class FieldPackage(Base):
    """A field package made for one person (QField): the case versions it carried."""

    __tablename__ = "field_packages"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    made_at: Mapped[datetime] = mapped_column(DateTime)
    made_by: Mapped[int] = mapped_column(Integer)
    cases: Mapped[dict] = mapped_column(JSON)   # case id → version when packed


class FieldEdit(Base):
    """One edit made in the field, once merged: applied, or a conflict held for a decision."""

    __tablename__ = "field_edits"
    __table_args__ = (Index("ix_field_edits_status", "status"),)
    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    edit_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    layer: Mapped[str] = mapped_column(String(32))
    person_id: Mapped[int] = mapped_column(Integer)
    case_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    field_time: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(16))   # applied|conflict|accepted|dropped|refused
    data: Mapped[dict] = mapped_column(JSON)
    message: Mapped[str] = mapped_column(Text, server_default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    decided_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class IssuedBulletin(Base):
    """A bulletin of an ended period as it was published (the next one's 上期 reads it)."""

    __tablename__ = "issued_bulletins"
    period: Mapped[str] = mapped_column(String(16), primary_key=True)  # Period.label
    made_at: Mapped[datetime] = mapped_column(DateTime)
    made_by: Mapped[str] = mapped_column(String(64), server_default="")
    scheme_version: Mapped[int] = mapped_column(Integer)
    issue: Mapped[int] = mapped_column(Integer)       # 1, 2, …: a newer issue replaces it
    headline: Mapped[str] = mapped_column(Text)       # JSON: the district's counts and rates
    classes: Mapped[str] = mapped_column(Text)        # JSON: cases reported per class


class IssuedBulletinLevel(Base):
    """One level's published table of an issued bulletin, as one blob of columns."""

    __tablename__ = "issued_bulletin_levels"
    period: Mapped[str] = mapped_column(ForeignKey("issued_bulletins.period"), primary_key=True)
    level: Mapped[str] = mapped_column(String(32), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
