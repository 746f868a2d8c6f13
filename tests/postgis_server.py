"""A throwaway PostGIS server for the multi-workstation tests (started and stopped by pytest).

initdb refuses to run as root, so as root the server runs as `postgres`.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bindir() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostGISServer:
    """initdb + pg_ctl start in a temporary directory; `url` once started."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        self.dir: Path | None = None
        self.port = _free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/gis"

    @property
    def available(self) -> bool:
        return self.bindir is not None and Path("/usr/share/postgresql").exists()

    def _run(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if os.geteuid() == 0:
            cmd = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{c}'" for c in cmd)]
        subprocess.run(cmd, check=True, capture_output=True, text=True)

    def start(self) -> str:
        assert self.bindir is not None, "PostgreSQL server binaries not found"
        self.dir = Path(tempfile.mkdtemp(prefix="gridapp-pg-"))
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        data, log = self.dir / "data", self.dir / "log"
        self._run(self.bindir / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        self._run(self.bindir / "pg_ctl", "-D", data, "-l", log, "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off",
                  "-w", "start")
        self._run(self.bindir / "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "-c", "CREATE DATABASE gis")
        self._run(self.bindir / "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "-d", "gis", "-c", "CREATE EXTENSION postgis")
        return self.url

    def create_database(self, name: str) -> str:
        """A fresh database with PostGIS, for a test that needs its own."""
        for sql, db in ((f"CREATE DATABASE {name}", "postgres"),
                        ("CREATE EXTENSION postgis", name)):
            self._run(self.bindir / "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U",
                      "postgres", "-d", db, "-c", sql)
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def create_database_from(self, name: str, template: str) -> str:
        """A copy of `template` (fast: PostgreSQL copies the files)."""
        self._run(self.bindir / "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U",
                  "postgres", "-d", "postgres", "-c", f"CREATE DATABASE {name} TEMPLATE {template}")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.dir is None:
            return
        try:
            self._run(self.bindir / "pg_ctl", "-D", self.dir / "data", "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None


if __name__ == "__main__":  # manual use: start one and print its URL
    server = PostGISServer()
    print(server.start())
    input("PostGIS running; press Enter to stop ")
    server.stop()
