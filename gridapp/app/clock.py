"""The store's time as a window tells it: overdue and warning flags follow the store's clock
(the PostgreSQL server's; on SQLite this computer's in the district's zone), not the zone this
workstation happens to be set to."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

RESYNC_S = 300.0  # read the store's clock again every five minutes (drift, daylight saving)


class StoreClock:
    """Reads `uow.now()` now and then and carries it on with this computer's monotonic clock
    in between, so asking the time costs nothing and never waits for the store."""

    def __init__(self, store, resync_s: float = RESYNC_S) -> None:
        self.store, self.resync_s = store, resync_s
        self._base: tuple[datetime, float] | None = None

    def sync(self) -> None:
        try:
            with self.store.uow(write=False) as uow:
                now = uow.now()
        except Exception:  # noqa: BLE001 (store unreachable: keep counting from the last read)
            if self._base is None:
                raise
            return
        self._base = (now, time.monotonic())

    def __call__(self) -> datetime:
        if self._base is None or time.monotonic() - self._base[1] > self.resync_s:
            self.sync()
        at, mono = self._base
        return (at + timedelta(seconds=time.monotonic() - mono)).replace(microsecond=0)
