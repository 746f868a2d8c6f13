"""Photo blobs, content-addressed by sha256 so a retried upload is the same row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Connection, insert, select

from ..domain.errors import NotFound
from ..services.ports import PhotoRef
from . import models as m

PH = m.Photo.__table__
CP = m.CasePhoto.__table__


class SqlPhotoRepository:
    def __init__(self, conn: Connection, clock: Callable[[], datetime] = datetime.now) -> None:
        self.conn, self.clock = conn, clock  # the store's clock, as for every action

    def put(self, ref: PhotoRef, data: bytes) -> None:
        if not self.exists(ref.sha256):
            self.conn.execute(insert(PH).values(
                sha256=ref.sha256, mime=ref.mime, size=ref.size, width=ref.width,
                height=ref.height, data=data, created_at=self.clock()))

    def exists(self, sha256: str) -> bool:
        return self.conn.execute(select(PH.c.sha256).where(PH.c.sha256 == sha256)).first() \
            is not None

    def get(self, sha256: str) -> tuple[PhotoRef, bytes]:
        r = self.conn.execute(select(PH).where(PH.c.sha256 == sha256)).first()
        if r is None:
            raise NotFound(f"no photo {sha256}", value=sha256)
        return PhotoRef(r.sha256, r.mime, r.size, r.width, r.height), r.data

    def for_case(self, case_id: int) -> list[tuple[int, str, str]]:
        """(audit seq, phase, sha256) of every photo of the case, in order."""
        return [(r.seq, r.phase, r.sha256) for r in self.conn.execute(
            select(CP).where(CP.c.case_id == case_id).order_by(CP.c.seq, CP.c.sha256))]
