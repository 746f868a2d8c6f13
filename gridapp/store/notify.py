"""PostgreSQL LISTEN/NOTIFY: wake a workstation the moment another one commits a change.

The triggers of migration 0005 notify channel `gridapp_changes` on every write. A listener
holds its own connection on a background thread and calls back (from that thread); polling
the change mark stays as the safety net when the connection drops.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy.engine import make_url

CHANNEL = "gridapp_changes"


class ChangeListener:
    def __init__(self, url: str, callback: Callable[[], None]) -> None:
        u = make_url(url)
        self.dsn = u.set(drivername="postgresql").render_as_string(hide_password=False)
        self.callback = callback
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gridapp-listen", daemon=True)

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self, seconds: float = 3.0) -> None:
        self._stop.set()
        self._thread.join(seconds)

    def _run(self) -> None:
        import psycopg
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.dsn, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self._stop.is_set():
                        if any(True for _ in conn.notifies(timeout=1.0, stop_after=1)):
                            self.callback()
            except psycopg.Error:
                self._stop.wait(5.0)  # the server went away: try again (polling covers it)
