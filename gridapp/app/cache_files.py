"""Cache files beside the store: written whole or not at all, and if asked, behind the opening.

A cache file is written to a temporary name in the same folder and renamed over the old one
when complete, so a crash or a full disk mid-write leaves the old file (or none), never half
a file that loads. Writing the city's map cache (~150 MB) took a tenth of the first opening;
`write_behind` hands it to one writer thread after the map is handed to the window, which
`wait_written` joins before the window closes or the cache is read again. One thread writes
in the order asked, so an older map never replaces a newer one.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO

import numpy as np

_lock = threading.Lock()
_writer: ThreadPoolExecutor | None = None
_pending: list[Future] = []


def save_arrays(path: Path, **arrays) -> None:
    """`np.savez` of the arrays to `path`, atomically (a temporary file renamed)."""
    write_atomically(path, lambda f: np.savez(f, **arrays))


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """`write(file)` into a temporary file beside `path`, renamed to `path` once complete."""
    # a name of this process and thread (mkstemp's would make the file private to its
    # owner: the cache is created as np.savez created it, by the umask)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_behind(write: Callable[[], None]) -> None:
    """Run `write` on the cache writer thread (after any write asked before it). An OSError
    (a read-only folder, a full disk) only costs the next opening its speed."""
    def quietly() -> None:
        with contextlib.suppress(OSError):
            write()
    global _writer
    with _lock:
        if _writer is None:
            _writer = ThreadPoolExecutor(1, thread_name_prefix="gridapp-cache-write")
        _pending[:] = [f for f in _pending if not f.done()]
        _pending.append(_writer.submit(quietly))


def wait_written(timeout: float | None = None) -> bool:
    """Wait for the cache files being written; False if some are still being written."""
    with _lock:
        pending = list(_pending)
    end = None if timeout is None else time.monotonic() + timeout
    for f in pending:
        try:
            f.result(None if end is None else max(0.0, end - time.monotonic()))
        except TimeoutError:
            return False
    return True
