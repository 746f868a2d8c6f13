"""Several workstations on one PostGIS store at the same moment (real threads)."""

import threading
from datetime import datetime

import numpy as np
import pytest
from factories import cell_center, clock

from gridapp.domain.case import CaseState, Source
from gridapp.domain.errors import InvalidInput
from gridapp.services import cases as svc
from gridapp.services.hotline import ReportBatch, import_reports
from gridapp.services.ports import CaseQuery

pytestmark = pytest.mark.postgis
T0 = datetime(2026, 11, 2, 9, 0)


def _together(n, fn):
    """Run fn(i) for i in range(n) in threads started at one moment; results or errors."""
    barrier = threading.Barrier(n)
    out = [None] * n

    def run(i):
        barrier.wait()
        try:
            out[i] = fn(i)
        except Exception as exc:  # noqa: BLE001  (each thread's own outcome is the point)
            out[i] = exc
    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return out


def _cases(store):
    with store.uow(write=False) as uow:
        return uow.cases.find(CaseQuery(limit=None))


def test_concurrent_reports_of_one_problem_link_to_one_original(postgis_store):
    store = postgis_store
    clock(store, T0)
    x, y = cell_center("420102002001", 6)

    def reporter(i):
        got = []
        for k in range(12):
            got.append(svc.report(store.uow(), ("worker1", "worker2", "acceptor", "chief1")[i],
                                  source=Source.GRID_PATROL, class_code="E0111",
                                  x=x + (k % 3), y=y + i).case)
        return got
    results = _together(4, reporter)
    assert all(isinstance(r, list) for r in results), results
    cases = _cases(store)
    originals = [c for c in cases if c.state is CaseState.REPORTED]
    assert len(cases) == 48 and len(originals) == 1
    assert all(c.duplicate_of == originals[0].id for c in cases if c is not originals[0]
               and c.state is CaseState.REJECTED)


def test_a_report_during_a_hotline_import_gets_its_own_number(postgis_store):
    store = postgis_store
    clock(store, T0)
    n = 3000
    rng = np.random.default_rng(3)
    xs = rng.uniform(529000 + 5, 529000 + 795, n)
    ys = rng.uniform(3386000 + 5, 3386000 + 395, n)
    batch = ReportBatch([f"GD{i:07d}" for i in range(n)], [T0] * n, ["E0104"] * n, xs, ys,
                        ["hotline_12345"] * n, ["道路不洁"] * n, [""] * n, [""] * n,
                        list(range(2, n + 2)))
    x, y = cell_center("420102001002", 2)

    def work(i):
        if i == 0:
            return import_reports(store.uow(), "acceptor", batch)
        return [svc.report(store.uow(), "worker1", source=Source.GRID_PATROL,
                           class_code="E0102", x=x + 60 * (k % 2), y=y, description="垃圾").case
                for k in range(10)]
    summary, reports = _together(2, work)
    assert not isinstance(summary, Exception) and not isinstance(reports, Exception), \
        (summary, reports)
    cases = _cases(store)
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)) == n + 10 and summary.imported == n


def test_one_case_per_ticket_even_when_two_enter_it_at_once(postgis_store):
    store = postgis_store
    clock(store, T0)
    x, y = cell_center("420102002002", 3)
    results = _together(2, lambda i: svc.report(
        store.uow(), "acceptor", source=Source.HOTLINE_12345, class_code="E0506",
        x=x - 150 * i, y=y, external_id="12345-20261102-0001").case)
    ok = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(ok) == 1 and len(refused) == 1, results
    assert isinstance(refused[0], InvalidInput) and "12345-20261102-0001" in str(refused[0])
    assert len(_cases(store)) == 1
