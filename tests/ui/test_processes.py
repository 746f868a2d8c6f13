"""Jobs in a child process (ui/processes.py): the window's threads never wait for them."""

import os
import threading
import time
from pathlib import Path

import pytest
from ui_support import hold

from gridapp.domain.errors import InvalidInput
from gridapp.services.progress import Cancelled
from gridapp.ui.processes import ProcessJob


def _count(progress, n: int) -> tuple[int, int]:
    for i in range(n):
        progress(i + 1, n, f"step {i + 1}")
    return os.getpid(), n


def _refuse(_progress, what: str):
    raise InvalidInput(f"no {what} here")


class _Odd(Exception):
    def __init__(self, a, b):  # an exception pickle cannot rebuild from its args
        super().__init__(f"{a}/{b}")


def _odd(_progress):
    raise _Odd(1, 2)


def _half_file(progress, path: str) -> None:
    part = Path(path)
    part.write_text("half")
    try:
        progress(0, 1, "writing")
        time.sleep(60)
    finally:
        part.unlink()


def _settled(job, qtbot, timeout=30000):
    qtbot.waitUntil(lambda: job.outcome is not None, timeout=timeout)
    return job.outcome


def test_result_and_progress_come_back_on_the_ui_thread(qapp, qtbot):
    seen, threads = [], []
    job = ProcessJob(_count, (3,), "count")
    job.progress.connect(lambda d, t, w: (seen.append((d, t, w)),
                                          threads.append(threading.current_thread())))
    job.start()
    kind, (pid, n) = _settled(job, qtbot)
    assert kind == "ok" and n == 3 and pid != os.getpid()  # worked in another process
    assert seen == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
    assert set(threads) == {threading.main_thread()}
    assert not job.running


def test_a_failure_in_the_child_is_reported_as_itself(qapp, qtbot):
    kind, exc = _settled(ProcessJob(_refuse, ("photo",), "refuse").start(), qtbot)
    assert kind == "error" and isinstance(exc, InvalidInput) and "no photo here" in str(exc)
    kind, exc = _settled(ProcessJob(_odd, (), "odd").start(), qtbot)
    assert kind == "error" and "_Odd: 1/2" in str(exc)  # its text, if not its class


def test_cancel_stops_the_child_and_leaves_no_half_file(qapp, qtbot, tmp_path):
    part = tmp_path / "cases.part.xlsx"
    job = ProcessJob(_half_file, (str(part),), "slow")
    job.start()
    qtbot.waitUntil(lambda: job.last_progress is not None, timeout=30000)
    assert part.exists()
    pid = job.pid
    job.cancel()
    kind, exc = _settled(job, qtbot)
    assert kind == "error" and isinstance(exc, Cancelled)
    assert not part.exists()  # the child unwound: its finally removed the half file
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def _gated(progress, folder: str) -> str:
    """Reports a step, then 'commits' once let go (a file appears); the steps after it
    are the commit's: no progress is reported there."""
    gate = Path(folder)
    progress(0, 2, "writing")
    hold(gate, "at_commit")
    progress(1, 2, "committing")  # the last step a cancel may stop
    (gate / "committed").touch()
    return "saved"


def test_a_job_that_asks_stops_at_its_next_step_not_in_between(qapp, qtbot, tmp_path):
    job = ProcessJob(_gated, (str(tmp_path),), "import", asks=True).start()
    qtbot.waitUntil(lambda: (tmp_path / "at_commit").exists(), timeout=30000)
    job.cancel()
    time.sleep(0.3)  # the child is not killed: it is still working and its work unwinds
    assert job.running and not (tmp_path / "committed").exists()
    (tmp_path / "go").touch()
    kind, exc = _settled(job, qtbot)
    assert kind == "error" and isinstance(exc, Cancelled)
    assert not (tmp_path / "committed").exists()  # stopped at "committing", before the commit


def _committing(progress, folder: str) -> str:
    progress(1, 1, "committing")
    hold(folder, "at_commit")  # the commit: no step left at which to stop
    return "saved"


def test_a_cancel_during_the_commit_lets_it_finish_and_reports_what_was_saved(qapp, qtbot,
                                                                             tmp_path):
    job = ProcessJob(_committing, (str(tmp_path),), "import", asks=True).start()
    qtbot.waitUntil(lambda: (tmp_path / "at_commit").exists(), timeout=30000)
    job.cancel()
    (tmp_path / "go").touch()
    assert _settled(job, qtbot) == ("ok", "saved")


def _bulletin_ready(_progress) -> tuple[bool, int, int]:
    import sys

    from gridapp.io.bulletin_pdf import cjk_font
    from gridapp.store.migrate import head_revision
    return ("reportlab.platypus" in sys.modules, cjk_font.cache_info().currsize,
            head_revision.cache_info().currsize)


@pytest.mark.skipif("forkserver" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="children are spawned here: nothing is preloaded")
def test_a_job_finds_reportlab_the_font_and_the_schema_head_loaded_by_the_server(qapp, qtbot):
    kind, (imported, fonts, heads) = _settled(ProcessJob(_bulletin_ready, (), "ready").start(),
                                              qtbot)
    assert kind == "ok" and imported and fonts == 1 and heads == 1


def test_what_the_server_preloads_imports_no_qt():
    import subprocess
    import sys
    code = ("import sys, gridapp.ui.preloaded; "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
