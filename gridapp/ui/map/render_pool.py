"""The threads maps are rendered on: Python threads that live as long as the process.

Not Qt's QThreadPool: a pooled Qt thread gets a fresh Python thread state for every job, and
pyproj keeps each OS thread's PROJ context in C-level thread storage but frees it with the
Python thread state, so the next job on that thread used a freed context and crashed (the
first-zoom segfault, seen in draw_basemap). A Python worker keeps one thread state for its
whole life, so its PROJ context stays valid. The soak harness exercises this on every run.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_pending: set[Future] = set()


def workers() -> int:
    return max(2, os.cpu_count() or 2)


def submit(fn: Callable[[], object]) -> Future:
    """Run `fn` on a render thread."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="gridapp-render")
        future = _pool.submit(fn)
        _pending.add(future)
    future.add_done_callback(_pending.discard)
    return future


def drain(timeout: float = 30.0) -> bool:
    """Wait until every submitted render has finished; False if some were still running."""
    with _lock:
        pending = list(_pending)
    if not pending:
        return True
    _, not_done = wait(pending, timeout=timeout)
    return not not_done
