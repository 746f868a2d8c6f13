"""History migration speed: cases with their timelines through the transition table, beside a
bulk insert of exactly the same rows (the floor) in the same run."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import text

from ..bootstrap import create_store
from ..domain.actions import Action
from ..domain.case import Source
from ..services.history import HistoryCase, HistoryStep, migrate_history
from ..services.places import load_places
from ..store.bulk import CASE_COLUMNS, EVENT_COLUMNS, insert_columns
from ..store.store import Store
from . import Figure, Report
from .synthetic import X0, Y0, regular_layers

T0 = datetime(2024, 1, 2, 8, 0)


def synthetic_cases(n: int, side: int, seed: int = 9) -> list[HistoryCase]:
    """`n` closed cases over two years, each with report … close (7 steps)."""
    rng = np.random.default_rng(seed)
    xs = X0 + rng.uniform(1, side * 100 - 1, n)
    ys = Y0 + rng.uniform(1, side * 100 - 1, n)
    start = rng.integers(0, 700 * 24 * 60, n)
    out = []
    for i in range(n):
        t = T0 + timedelta(minutes=int(start[i]))
        mins = (0, 10, 20, 40, 200, 260, 300)
        acts = (Action.REPORT, Action.REGISTER, Action.DISPATCH, Action.SIGN, Action.RECTIFY,
                Action.VERIFY_PASS, Action.CLOSE)
        steps = [HistoryStep(a, t + timedelta(minutes=m), i + 2, None,
                             {"department": "sanitation"} if a is Action.DISPATCH else
                             {"note": "已处置"} if a is Action.RECTIFY else {})
                 for a, m in zip(acts, mins, strict=True)]
        out.append(HistoryCase(f"H{i:08d}", i + 2, "E0102", Source.GRID_PATROL,
                               float(xs[i]), float(ys[i]), steps, "", "历史案件", "",
                               t + timedelta(minutes=480)))
    return out


def run(n_cases: int = 100_000, n_cells: int = 10_000, workdir: str | None = None) -> Report:
    rep = Report("history migration")
    root = Path(workdir or tempfile.mkdtemp(prefix="gridapp-bench-history-"))
    base = root / "base.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(base) + suffix).unlink(missing_ok=True)
    store = create_store(str(base), admin_password="bench-admin")
    load_places(store.uow(), regular_layers(n_cells))
    store.close()
    side = int(np.sqrt(n_cells))
    cases = synthetic_cases(n_cases, side)
    ours_path, raw_path = root / "ours.sqlite", root / "raw.sqlite"
    shutil.copy(base, ours_path)
    shutil.copy(base, raw_path)
    ours = Store.open(str(ours_path))
    t = time.perf_counter()
    s = migrate_history(ours.uow(), "admin", cases, "bench.csv")
    ours_s = time.perf_counter() - t
    with ours.read() as conn:  # the same rows, to insert raw
        case_rows = conn.execute(text(f"SELECT {', '.join(CASE_COLUMNS)} FROM cases")).all()
        event_rows = conn.execute(text(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM case_events")).all()
    ours.close()
    raw = Store.open(str(raw_path))
    t = time.perf_counter()
    with raw.uow() as uow:
        # as the migration writes them: a large batch's R*Tree filled after its rows
        insert_columns(uow.conn, "cases", {c: [r[k] for r in case_rows]
                                           for k, c in enumerate(CASE_COLUMNS)}, len(case_rows),
                       rtree_after=True)
        insert_columns(uow.conn, "case_events", {c: [r[k] for r in event_rows]
                                                 for k, c in enumerate(EVENT_COLUMNS)},
                       len(event_rows))
        uow.commit()
    raw_s = time.perf_counter() - t
    raw.close()
    per_case = s.events / max(s.cases, 1)
    load = os.getloadavg()[0]  # on a shared machine the floor says how much CPU there was
    rep.add(Figure(f"migrate {s.cases:,} cases × {per_case:.0f} events (rules+seal+write)",
                   s.cases / ours_s, "cases/s", s.cases / raw_s,
                   "bulk insert of the same rows", f"target ≥ 10,000 cases/s; load "
                   f"{load:.1f} on {os.cpu_count()} CPUs"))
    shutil.rmtree(root, ignore_errors=True) if workdir is None else None
    return rep
