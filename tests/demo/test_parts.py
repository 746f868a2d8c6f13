"""The demo's year in parts: by street, echoes with their originals, a helper that fails
loudly and never outlives its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from gridapp.demo.parts import Helper, HelperFailed, Schedule, split
from gridapp.demo.reports import SOURCES, Reports
from gridapp.domain.case import Source

T = datetime(2026, 5, 1, 9)


def _reports(streets: str) -> Reports:
    n = len(streets)
    at = np.datetime64("2026-05-01T09:00") + np.arange(n).astype("timedelta64[m]")
    return Reports(at.astype("datetime64[us]"), np.array(["E0102"] * n),
                   np.full(n, SOURCES.index(Source.HOTLINE_12345), np.int8),
                   np.arange(n, dtype=float), np.zeros(n), np.arange(n) * 3,
                   np.array([-1] * (n - 1) + [0]), np.array([0] * (n - 1) + [123456789]),
                   np.array([None] * n, dtype=object), np.full(n, 114.1), np.full(n, 30.5),
                   np.array(list(streets), dtype=object), np.array(["春晖社区"] * n, dtype=object),
                   np.array(["汉正路"] * n, dtype=object), np.arange(n) + 1,
                   np.arange(n) + 1, {})


def test_parts_are_streets_in_time_order_largest_first():
    parts = split(_reports("ABAABCB"), seed=7)
    assert [(p.street, p.reports.case_id.tolist()) for p in parts] == [
        ("A", [1, 3, 4]), ("B", [2, 5, 7]), ("C", [6])]  # ties: by street
    assert [p.stream for p in parts] == ["7:cases:A", "7:cases:B", "7:cases:C"]
    schedule = Schedule(parts)
    assert [schedule.take().street for _ in range(3)] == ["A", "B", "C"]
    assert schedule.take() is None


def test_reports_become_specs():
    specs = _reports("AB").specs()
    assert [s.case_id for s in specs] == [1, 2] and [s.street for s in specs] == ["A", "B"]
    first, echo = specs
    assert first.external_id == "12345-20260501-0000000" and first.lonlat == (114.1, 30.5)
    assert first.address == "春晖社区汉正路1号附近" and first.description == "路边有成堆暴露垃圾"
    assert first.contact == "王先生 13100000000" and first.at == datetime(2026, 5, 1, 9)
    assert echo.external_id == "12345-20260501-0000000E" and echo.contact == "市民 13123456789"
    assert echo.description == "路边有成堆暴露垃圾"  # ticket 3: 3 % 3 descriptions


def test_a_helper_that_fails_says_why(tmp_path):
    aide = Helper()
    try:
        aide.start(f"sqlite:///{tmp_path / 'missing' / 'none.sqlite'}", T, T, 4547, 100,
                   Schedule([]), lambda rows: None)
        with pytest.raises(HelperFailed, match="helper process failed"):
            aide.join(lambda: None)
    finally:
        aide.stop()


PARENT = """
import sys, time
from gridapp.demo.parts import Helper
aide = Helper()
print(aide.proc.pid, flush=True)
time.sleep(600)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal is Linux's")
def test_a_killed_build_leaves_no_helper_behind():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        # serve() sets its parent-death signal, then waits on the pipe for its first message:
        # waiting there means the signal is set (a fixed sleep was too short under load)
        for _ in range(600):
            if _alive(child) and "pipe_read" in Path(f"/proc/{child}/wchan").read_text():
                break
            time.sleep(0.1)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        for _ in range(100):
            if not _alive(child):
                break
            time.sleep(0.1)
        assert not _alive(child)
    finally:
        parent.kill()
        parent.communicate()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie is gone too: its parent was killed
        return f.read().split(") ")[1][0] != "Z"
