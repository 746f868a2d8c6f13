"""Long imports report progress from the start to the commit; a cancel is honoured up to the
commit (nothing written), and a Ctrl-C during the commit is reported as saved, not aborted."""

import os
import signal
from datetime import timedelta

import pytest
from click.testing import CliRunner
from factories import cell_center, cli_env
from test_hotline_import import NOW, all_cases, ticket, write

from gridapp.bench.synthetic import regular_layers
from gridapp.cli import main
from gridapp.cli.data import ProgressLine
from gridapp.io.hotline import HotlineMapping, import_context, parse_hotline
from gridapp.services.hotline import import_reports
from gridapp.services.places import PlaceLayers, load_places
from gridapp.services.progress import COMMITTING, Cancelled


@pytest.fixture(autouse=True)
def _the_day_of_the_export(frozen_clock):
    """The store's clock on the day the tickets were exported, whatever today is."""
    frozen_clock(NOW)


def export(tmp_path, n=40, when=None):
    cells = [cell_center("420102001001", k) for k in range(1, 9)]
    when = when or NOW - timedelta(days=3)
    return write(tmp_path, [ticket(k, (cells[k % 8][0] + k % 5, cells[k % 8][1]),
                                   when=f"{when + timedelta(minutes=k):%Y-%m-%d %H:%M}")
                            for k in range(n)])


def audit_rows(store):
    with store.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM case_events").scalar()


def test_a_hotline_import_reports_progress_from_reading_the_file_to_the_commit(store, tmp_path):
    seen = []
    progress = lambda done, total, what: seen.append(what)  # noqa: E731
    batch = parse_hotline(export(tmp_path), HotlineMapping(), import_context(store, NOW),
                          progress=progress)
    import_reports(store.uow(), "acceptor", batch, progress)
    assert seen[0].startswith("reading")  # before the file is read, not after
    assert seen[-1] == COMMITTING  # the last word before the commit
    stages = list(dict.fromkeys(seen))
    for stage in ("checking times", "ownership and duplicates", "sealing audit rows",
                  "writing cases", "writing audit rows"):
        assert stage in stages
    assert stages.index("ownership and duplicates") < stages.index("writing cases")


def test_a_large_batch_is_located_in_chunks_with_progress_and_the_same_result(
        store, tmp_path, monkeypatch):
    import gridapp.services.hotline as hotline
    monkeypatch.setattr(hotline, "LOCATE_CHUNK", 7)
    seen = []
    batch = parse_hotline(export(tmp_path), HotlineMapping(), import_context(store, NOW))
    import_reports(store.uow(), "acceptor", batch,
                   lambda done, total, what: seen.append((what, done)))
    assert [d for w, d in seen if w == "cells and road segments"] == list(range(0, 40, 7))
    with store.uow(write=False) as uow:
        expected = uow.places.locate_many(batch.x, batch.y, 0.0).cell_code
    by_ticket = {k: c.location.cell_code for k, c in all_cases(store).items()}
    assert [by_ticket[t] for t in batch.external_id] == expected


@pytest.mark.parametrize("stop_at", ["ownership and duplicates", "sealing audit rows",
                                     "writing cases", "writing audit rows", COMMITTING])
def test_a_cancel_up_to_the_commit_leaves_nothing(store, tmp_path, stop_at):
    before = (len(all_cases(store)), audit_rows(store))
    batch = parse_hotline(export(tmp_path), HotlineMapping(), import_context(store, NOW))

    def progress(done, total, what):
        if what == stop_at:
            raise Cancelled(what)
    with pytest.raises(Cancelled):
        import_reports(store.uow(), "acceptor", batch, progress)
    assert (len(all_cases(store)), audit_rows(store)) == before


def test_a_places_load_cancelled_at_its_commit_leaves_nothing(store):
    layers = regular_layers(60)
    fresh = PlaceLayers(streets=[], communities=[], cells=[], segments=[
        s.__class__(f"Z{s.code}", s.road_name, s.road_class, s.name, s.geometry)
        for s in layers.segments[:5]])

    def progress(done, total, what):
        if what == COMMITTING:
            raise Cancelled(what)
    with store.read() as conn:
        before = conn.exec_driver_sql("SELECT count(*) FROM road_segments").scalar()
    with pytest.raises(Cancelled):
        load_places(store.uow(), fresh, progress)
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM road_segments").scalar() == before


def _ctrl_c_at(monkeypatch, stage):
    """Press Ctrl-C (a real SIGINT) when the command line's progress reaches `stage`."""
    shown = ProgressLine.__call__

    def call(self, done, total, what):
        shown(self, done, total, what)
        if what == stage:
            os.kill(os.getpid(), signal.SIGINT)
    monkeypatch.setattr(ProgressLine, "__call__", call)


def _cli_import(sqlite_store, path):
    args = ["--db", sqlite_store.url, "import", "hotline", str(path), "--as", "acceptor"]
    return CliRunner().invoke(main, args, env=cli_env(args))


def test_ctrl_c_before_the_commit_cancels_and_says_nothing_was_written(sqlite_store, tmp_path,
                                                                       monkeypatch):
    path = export(tmp_path, when=NOW - timedelta(days=3))
    before = (len(all_cases(sqlite_store)), audit_rows(sqlite_store))
    _ctrl_c_at(monkeypatch, "writing audit rows")
    r = _cli_import(sqlite_store, path)
    assert r.exit_code == 130
    assert "cancelled before the commit: nothing was written" in r.output
    assert "Aborted" not in r.output
    assert (len(all_cases(sqlite_store)), audit_rows(sqlite_store)) == before


def test_ctrl_c_during_the_commit_saves_and_says_so(sqlite_store, tmp_path, monkeypatch):
    path = export(tmp_path, n=40, when=NOW - timedelta(days=3))
    _ctrl_c_at(monkeypatch, COMMITTING)
    handler = signal.getsignal(signal.SIGINT)  # Python's, or ignored in a background job
    r = _cli_import(sqlite_store, path)
    assert r.exit_code == 0, r.output
    assert "imported 40 case(s)" in r.output and "Aborted" not in r.output
    assert "everything above was saved" in r.output
    assert sum(1 for c in all_cases(sqlite_store).values() if c.external_id) == 40
    assert signal.getsignal(signal.SIGINT) is handler  # given back
