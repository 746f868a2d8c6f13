"""Test helpers for unusual stores: damage a file on purpose, run the CLI as another user."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import sqlean
from factories import cli_env

CLI = "import sys; from gridapp.cli import main; sys.exit(main())"


def copy_store(template: Path, to: Path) -> Path:
    shutil.copy(template, to)
    return to


def flip_bytes(path: Path, n: int = 20, seed: int = 0) -> None:
    """Flip one bit in each of `n` bytes at random places (the issue's damaged store)."""
    size = path.stat().st_size
    rng = random.Random(seed)
    with path.open("r+b") as f:
        for _ in range(n):
            pos = rng.randrange(size)
            f.seek(pos)
            b = f.read(1)[0]
            f.seek(pos)
            f.write(bytes([b ^ (1 << rng.randrange(8))]))


def damage_page(path: Path, btree: str, offset: int, xor: int = 0x40) -> None:
    """Flip bits at `offset` of the first leaf page of table or index `btree`.

    A negative offset counts from the end of the page (where the cells are).
    """
    conn = sqlean.connect(path)
    page = conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                        "ORDER BY pageno LIMIT 1", (btree,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    pos = (page - 1) * page_size + (offset if offset >= 0 else page_size + offset)
    with path.open("r+b") as f:
        f.seek(pos)
        b = f.read(1)[0]
        f.seek(pos)
        f.write(bytes([b ^ xor]))


def raw_check(path: Path, pragma: str = "quick_check") -> bool:
    """True if SQLite itself finds `path` sound (checked on a copy, independently of gridapp)."""
    probe = path.with_name(path.name + ".probe")
    shutil.copy(path, probe)
    try:
        conn = sqlean.connect(probe)
        try:
            return conn.execute(f"PRAGMA {pragma}").fetchall() == [("ok",)]
        except (sqlean.DatabaseError, UnicodeDecodeError):
            return False
        finally:
            conn.close()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{probe}{suffix}").unlink(missing_ok=True)


def without_file_override() -> list[str]:
    """A command prefix under which file permissions bind, even for root (else [])."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        import pytest
        pytest.skip("running as root without setpriv: file permissions cannot bind")
    caps = "-dac_override,-dac_read_search,-fowner"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


def run_cli(*args: object, env: dict | None = None, prefix: list[str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    """`gridapp ARGS` in a child process (exactly as a user runs it)."""
    full_env = {**os.environ, **cli_env(args), **(env or {})}
    return subprocess.run([*(prefix or []), sys.executable, "-c", CLI, *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=full_env)


def one_line(stderr: str) -> str:
    """The single error line a user sees; fails if there is a traceback or SQL in it."""
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "[SQL" not in stderr and "parameters" not in stderr
    return lines[0]
