"""A SpatiaLite file shared by several processes: what keeps it sound.

SQLite's locks are POSIX advisory locks, and POSIX drops every lock a process holds on a file
as soon as the process closes ANY descriptor of that file. So if code in a process that has
the store open also opens the store file itself as a plain file (a photo picker pointed at
it, an import of it, a copy, a second SQLite library such as GDAL's) and closes it again,
that process silently loses its locks: another process then believes it is alone, checkpoints
and deletes the -wal and -shm files under the live connections, and both go on writing to
different logs — "database disk image is malformed". (Reproduced: one open()/close() of the
main file in the client, one CLI write elsewhere, and the client holds -wal/-shm "(deleted)";
tests/store/test_sharing.py.)

Two defences: gridapp never opens a file it has open as a store (`refuse_own_store`), and a
client that finds its log files deleted under it drops its connections before using them
again (`orphaned_logs`). Network file systems (SMB, NFS) do not give these locks reliably at
all: several machines share a PostGIS server, never a file.
"""

from __future__ import annotations

import os
from pathlib import Path

_OPEN: dict[tuple[int, int], str] = {}  # (device, inode) → path of each store file open here


class OwnStoreFile(Exception):
    """A file that this process has open as its store was about to be read as a file."""


def register(path: str) -> None:
    """Remember a SQLite store file this process has connections to."""
    try:
        st = os.stat(path)
    except OSError:
        return
    _OPEN[(st.st_dev, st.st_ino)] = str(path)


def refuse_own_store(path) -> None:
    """Raise OwnStoreFile if `path` is a store this process has open (or its -wal/-shm)."""
    p = Path(path)
    candidates = [p]
    if p.name.endswith(("-wal", "-shm", "-journal")):
        candidates.append(p.with_name(p.name.rsplit("-", 1)[0]))
    for c in candidates:
        try:
            st = os.stat(c)
        except OSError:
            continue
        key = (st.st_dev, st.st_ino)
        if key in _OPEN and _still_names(_OPEN[key], key):
            raise OwnStoreFile(
                f"{p} is the gridapp store this program has open; it is never read as an "
                "ordinary file (that would release the store's locks and can corrupt it). "
                "Choose another file.")


def _still_names(path: str, key: tuple[int, int]) -> bool:
    """Whether the registered store path still is that file. A store deleted since (a test's
    temporary folder) frees its inode for the next new file, which must not be refused."""
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if st is None or (st.st_dev, st.st_ino) != key:
        _OPEN.pop(key, None)
        return False
    return True


def orphaned_logs(path: str) -> list[str]:
    """The store's -wal/-shm files this process still holds although they were deleted
    (another process removed them: our locks were lost). Linux only; [] elsewhere."""
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        return []
    found = []
    targets = {f"{path}-wal (deleted)", f"{path}-shm (deleted)"}
    for fd in fd_dir.iterdir():
        try:
            link = os.readlink(fd)
        except OSError:
            continue
        if link in targets:
            found.append(link)
    return found
