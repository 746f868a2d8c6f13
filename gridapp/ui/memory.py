"""The client's heap over a working day.

The window replaces its case arrays (hundreds of kB each) at every refresh, on worker
threads as well as the UI thread. glibc's allocator then raises its mmap threshold to the
largest block freed so far and gives each thread an arena of its own, so those arrays come
from heaps that fragment and are seldom returned: the soak saw the client grow by ~0.4 GB in
half an hour on the demo district. A fixed threshold (blocks from 256 kB are mapped and
returned whole when freed), two arenas, and a trim of the heap now and then keep it flat.
Nothing here on other C libraries or systems.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_MMAP_THRESHOLD = -3   # <malloc.h>
M_ARENA_MAX = -8
MMAP_THRESHOLD = 256 * 1024


def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


_LIBC = _libc()


def tame_allocator() -> bool:
    """Fixed mmap threshold and two arenas (glibc only); True when set."""
    if _LIBC is None:
        return False
    ok = _LIBC.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
    return _LIBC.mallopt(M_ARENA_MAX, 2) == 1 and ok


def trim() -> None:
    """Hand the heap's free pages back to the system (a few ms; once a minute is plenty)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)
