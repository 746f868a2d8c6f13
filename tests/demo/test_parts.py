"""The demo's year in parts: by street, echoes with their originals, a helper that fails
loudly and never outlives its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime

import pytest

from gridapp.demo.parts import Helper, HelperFailed, Schedule, split
from gridapp.demo.simulation import Spec
from gridapp.domain.case import Source

T = datetime(2026, 5, 1, 9)


def _spec(street: str, minute: int, case_id: int) -> Spec:
    return Spec(T.replace(minute=minute), "E0102", Source.GRID_PATROL, 0.0, 0.0, "垃圾",
                case_id=case_id, street=street)


def test_parts_are_streets_in_time_order_largest_first():
    specs = [_spec(s, k, k + 1) for k, s in enumerate("ABAABCB")]
    parts = split(specs, seed=7)
    assert [(p.street, [s.case_id for s in p.specs]) for p in parts] == [
        ("A", [1, 3, 4]), ("B", [2, 5, 7]), ("C", [6])]  # ties: by street
    assert [p.stream for p in parts] == ["7:cases:A", "7:cases:B", "7:cases:C"]
    schedule = Schedule(parts)
    assert [schedule.take().street for _ in range(3)] == ["A", "B", "C"]
    assert schedule.take() is None


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
        time.sleep(0.5)  # let it set its parent-death signal
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
