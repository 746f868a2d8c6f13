"""The client's heap over a working day.

The window replaces its case arrays (hundreds of kB each) at every refresh, on worker
threads as well as the UI thread, and glibc gives each thread an arena of its own, whose
freed pages are seldom returned: the soak saw the client grow by ~0.4 GB in half an hour on
the demo district. Two arenas and a trim of the heap once a minute return what was freed.
(A fixed mmap threshold was tried as well: `gridapp bench startup` showed it made the main
window 2–8× slower to appear, every large array then costing a fresh mapping.) Nothing here
on other C libraries or systems.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_ARENA_MAX = -8   # <malloc.h>


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
    """Two arenas for all threads (glibc only); True when set."""
    if _LIBC is None:
        return False
    return _LIBC.mallopt(M_ARENA_MAX, 2) == 1


def trim() -> None:
    """Hand the heap's free pages back to the system (a few ms; once a minute is plenty)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)
