"""Python's cycle collector on the UI thread only.

CPython collects cycles in whichever thread crosses its allocation threshold: a render thread
or a job's thread could collect a closed dialog's cycle and so delete Qt objects off the
thread they live on, which Qt answers with a crash or a hang (a test once hung with a render
thread stuck in the basemap's tile reader). pyqtgraph's GarbageCollector turns automatic
collection off and collects on a timer of the UI thread instead.
"""

from __future__ import annotations

import gc

_collector = None


def collect_on_ui_thread() -> None:
    """From now on, cycles are collected only on this (the UI) thread, about once a second."""
    global _collector
    if _collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector
        _collector = GarbageCollector(interval=1.0)


def release() -> None:
    """Back to automatic collection, after collecting what is left here (tests, once their
    windows are closed: the next test may run no event loop to collect on)."""
    global _collector
    if _collector is not None:
        _collector.timer.stop()
        _collector = None
        gc.collect()
        gc.enable()
