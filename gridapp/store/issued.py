"""Issued bulletins: a published period's figures kept as they were (store side: rows and
blobs; gridapp.analysis.issued encodes the tables)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select

from .models import IssuedBulletin, IssuedBulletinLevel


@dataclass(frozen=True)
class IssuedRecord:
    """One issue of a period's bulletin: its header, JSON texts and a blob per level."""

    period: str
    made_at: datetime
    made_by: str
    scheme_version: int
    issue: int
    headline: str
    classes: str
    levels: dict[str, bytes] = field(default_factory=dict)


def last_issue(conn: Connection, period: str) -> tuple[datetime, int] | None:
    """When the period's bulletin was last issued and its issue number (None: never)."""
    row = conn.execute(select(IssuedBulletin.made_at, IssuedBulletin.issue)
                       .where(IssuedBulletin.period == period)).first()
    return None if row is None else (row[0], row[1])


def read(conn: Connection, period: str) -> IssuedRecord | None:
    """The period's issued bulletin with its level blobs, or None."""
    t = IssuedBulletin.__table__
    head = conn.execute(select(t).where(t.c.period == period)).mappings().first()
    if head is None:
        return None
    rows = conn.execute(select(IssuedBulletinLevel.level, IssuedBulletinLevel.data)
                        .where(IssuedBulletinLevel.period == period)).all()
    return IssuedRecord(head["period"], head["made_at"], head["made_by"],
                        head["scheme_version"], head["issue"], head["headline"],
                        head["classes"], {lv: bytes(d) for lv, d in rows})


def keep(conn: Connection, record: IssuedRecord) -> None:
    """Keep `record` as its period's issue, replacing an older one (in the caller's
    transaction)."""
    conn.execute(delete(IssuedBulletinLevel).where(IssuedBulletinLevel.period == record.period))
    conn.execute(delete(IssuedBulletin).where(IssuedBulletin.period == record.period))
    conn.execute(insert(IssuedBulletin).values(
        period=record.period, made_at=record.made_at, made_by=record.made_by,
        scheme_version=record.scheme_version, issue=record.issue, headline=record.headline,
        classes=record.classes))
    if record.levels:
        conn.execute(insert(IssuedBulletinLevel), [
            {"period": record.period, "level": lv, "data": data}
            for lv, data in record.levels.items()])
