"""Store benchmark (issue 2): service-path transitions, report with ownership, bulk load.

Each figure is compared with raw sqlite3 (sqlean, same file, WAL, synchronous=NORMAL) doing
the same writes in the same run.
"""

from __future__ import annotations

import math
import random
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from ..bootstrap import create_store, open_store
from ..domain.actions import Action
from ..domain.case import CaseState, Source
from ..domain.clock import SettableClock
from ..domain.people import AssignmentKind, Role
from ..services import admin
from ..services import cases as svc
from ..services.places import load_places
from . import Figure, Report, timer
from .floors import copy_store, drop_indexes, fresh, raw_connection
from .synthetic import X0, Y0, regular_layers

T0 = datetime(2026, 3, 2, 8, 30)


def build(path: Path, n_cells: int) -> tuple:
    store = create_store(str(path), admin_password=None)
    layers = regular_layers(n_cells)
    with timer() as t:
        load_places(store.uow(), layers)
    uow = store.uow
    for username, roles, dept in (("acc", [Role.ACCEPTOR], None),
                                  ("disp", [Role.DISPATCHER], None),
                                  ("shift", [Role.SHIFT_LEADER], None),
                                  ("w1", [Role.GRID_WORKER], None),
                                  ("h1", [Role.DEPT_HANDLER], "sanitation"),
                                  ("chief", [Role.ROAD_CHIEF], "enforcement")):
        admin.add_person(uow(), username, username, roles, dept)
    for seg in layers.segments[:50]:
        admin.assign(uow(), AssignmentKind.ROAD_CHIEF_SEGMENT, seg.code, person="chief",
                     valid_from=datetime(2020, 1, 1))
    return store, layers, t["s"]


def run(n_cells: int = 100_000, n_reports: int = 2000, n_cases: int = 600,
        n_bulk: int = 200_000, workdir: str | None = None) -> Report:
    rep = Report("store: closed loop on SpatiaLite")
    root = Path(workdir or tempfile.mkdtemp(prefix="gridapp-bench-"))
    path = root / "bench.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    print(f"building a store of {n_cells:,} cells in {path} …", flush=True)
    store, layers, load_s = build(path, n_cells)
    rep.add(Figure("load unit grid cells (validate + write + R*Tree)", n_cells / load_s, "rows/s"))
    cols = int(math.ceil(math.sqrt(n_cells)))
    rows = n_cells // cols  # complete rows only
    rng = random.Random(7)
    points = [(X0 + rng.uniform(1, cols * 100 - 1), Y0 + rng.uniform(1, rows * 100 - 1))
              for _ in range(n_reports)]
    classes = ["E0102", "E0104", "E0501", "E0111", "E0506", "E0407", "C0309", "E0201"]

    # --- report with ownership assignment, through the service -------------------------
    store.clock = clock = SettableClock(T0)  # the bench's simulated time
    with timer() as t:
        ids = []
        for i, (x, y) in enumerate(points):
            clock.set(T0 + timedelta(seconds=i * 40))
            out = svc.report(store.uow(), "w1", source=Source.GRID_PATROL,
                             class_code=classes[i % len(classes)], x=x, y=y,
                             description="bench")
            ids.append(out.case.id)
    ours = n_reports / t["s"]
    raw = _raw_reports(path, store.srid, points[: n_reports // 2])
    rep.add(Figure(f"report + ownership into {n_cells:,} cells (service)", ours, "/s", raw,
                   "raw sqlite3 same SQL", "target ≥ 0.3×"))

    # --- transitions through the full service path --------------------------------------
    # In turns with the floor (a third of each at a time), so that a change of the machine's
    # load weighs on both. First one workstation taking a case through the loop (each step
    # finds the rows it wrote itself kept: store/written.py), then two workstations taking
    # turns, as the command room and a department do: each step on the other's commit reads
    # the case and its trail again.
    reported = [i for i in ids if svc.view(store.uow(write=False), None, i).case.state
                is CaseState.REPORTED]
    clock.set(T0 + timedelta(days=40))
    ours, raw = _transitions_in_turns(path, [store], reported[:n_cases])
    rep.add(Figure("case transitions, full service path (perm+audit+commit)", ours, "/s", raw,
                   "raw sqlite3 UPDATE+INSERT+COMMIT, in turns", "target ≥ 0.3×"))
    other = open_store(str(path))
    other.clock = clock
    ours, raw = _transitions_in_turns(path, [store, other], reported[n_cases:2 * n_cases])
    other.close()
    rep.add(Figure("same, two workstations taking turns at each step", ours, "/s", raw,
                   "raw sqlite3 UPDATE+INSERT+COMMIT, in turns", "(nothing kept)"))

    # --- bulk load ----------------------------------------------------------------------
    ours, raw = _bulk(store, n_bulk)
    rep.add(Figure(f"bulk load {n_bulk:,} cases + their audit rows (1 txn)", ours, "rows/s",
                   raw, "fastest raw executemany, same rows", "target ≥ 0.5×"))
    store.close()
    return rep


def _raw_reports(path: Path, srid: int, points) -> float:
    """The SQL a report needs (cell, segment, insert case + audit), hand-written, per txn."""
    from ..store.spatial.spatialite import SpatiaLite
    sl = SpatiaLite()
    con = raw_connection(path)
    cell_sql = sl.locate_cell(srid).replace(":x", "?1").replace(":y", "?2")
    seg_sql = sl.nearest_segment(srid).replace(":x", "?1").replace(":y", "?2") \
        .replace(":tol", "?3")
    with timer() as t:
        for i, (x, y) in enumerate(points):
            con.execute("BEGIN IMMEDIATE")
            cell = con.execute(cell_sql, (x, y)).fetchone()
            con.execute(seg_sql, (x, y, 30.0)).fetchone()
            cur = con.execute(
                "INSERT INTO cases (source, kind, class_code, description, address, x, y, "
                "cell_code, reporter_id, reporter_contact, state, version, reported_at, "
                "rectifier_ids, return_count, rework_count, extension_count, reopen_count, "
                "supervision_count, updated_at) VALUES ('grid_patrol','event','E0102','raw','',"
                "?,?,?,2,'','reported',1,?,'',0,0,0,0,0,?)",
                (x, y, cell[0], f"2026-01-01 00:00:{i % 60:02d}", "2026-01-01"))
            con.execute("INSERT INTO case_events (case_id, seq, action, actor_id, actor_role, at, "
                        "to_state, reason, data, attachments) VALUES (?,1,'report',2,'grid_worker',"
                        "'2026-01-01','reported','', '{}', '[]')", (cur.lastrowid,))
            con.execute("COMMIT")
    con.close()
    return len(points) / t["s"]


LOOP = (("acc", Action.REGISTER, {}),
        ("disp", Action.DISPATCH, {"assignee": ("department", "sanitation")}),
        ("h1", Action.SIGN, {}), ("h1", Action.RECTIFY, {"note": "done"}),
        ("disp", Action.ASSIGN_VERIFIER, {"verifier": "w1"}),
        ("w1", Action.VERIFY_PASS, {}), ("shift", Action.CLOSE, {}))


def _transitions_in_turns(path: Path, stations: list, work: list[int],
                          turns: int = 3) -> tuple[float, float]:
    """Transitions per second through the service (each case's steps by the `stations` in
    turn) and through the raw floor, a share of each at a time."""
    ours_s = raw_s = 0.0
    steps = raw_steps = 0
    for k in range(turns):
        part = work[k::turns]
        with timer() as t:
            for cid in part:
                for j, (user, action, values) in enumerate(LOOP):
                    svc.perform(stations[j % len(stations)].uow(), user, cid, action, **values)
        ours_s += t["s"]
        steps += len(part) * len(LOOP)
        n = 2000 // turns
        raw_s += n / _raw_transitions(path, part, n)
        raw_steps += n
    return steps / ours_s, raw_steps / raw_s


def _raw_transitions(path: Path, ids, n: int) -> float:
    con = raw_connection(path)
    ids = list(ids) * (n // max(1, len(ids)) + 1)
    with timer() as t:
        for k in range(n):
            cid = ids[k]
            con.execute("BEGIN IMMEDIATE")
            v = con.execute("SELECT version FROM cases WHERE id=?", (cid,)).fetchone()[0]
            con.execute("UPDATE cases SET state='closed', version=version+1, updated_at=? "
                        "WHERE id=? AND version=?", ("2026-01-01", cid, v))
            con.execute("INSERT INTO case_events (case_id, seq, action, actor_id, actor_role, at,"
                        " from_state, to_state, reason, data, attachments) VALUES "
                        "(?,?,'close',2,'shift_leader','2026-01-01','verified','closed','','{}','[]')",
                        (cid, v + 1))
            con.execute("COMMIT")
    con.close()
    return n / t["s"]


def hotline_columns(first_id: int, n: int, seed: int = 3) -> tuple[dict, dict]:
    """Column data of `n` imported hotline cases and their report rows, as an import makes."""
    import numpy as np
    rng = np.random.default_rng(seed)
    ids = np.arange(first_id, first_id + n)
    t = np.datetime64("2026-01-01T08:00:00") + rng.integers(0, 365 * 86400, n).astype(
        "timedelta64[s]")
    ts = np.char.replace(np.datetime_as_string(t, unit="us"), "T", " ").tolist()
    classes = np.array(["E0102", "E0104", "E0501", "E0506", "E0111", "E0201"])
    cases = {
        "id": ids.tolist(),
        "source": "hotline_12345", "kind": "event",
        "class_code": classes[rng.integers(0, len(classes), n)].tolist(),
        "description": "市民来电反映", "address": "", "x": (X0 + rng.uniform(0, 30000, n)).tolist(),
        "y": (Y0 + rng.uniform(0, 30000, n)).tolist(), "cell_code": "420102001001001",
        "reporter_id": 2, "reporter_contact": "", "external_id": [f"HL{i}" for i in range(n)],
        "state": "reported", "version": 1, "reported_at": ts, "rectifier_ids": "",
        "return_count": 0, "rework_count": 0, "extension_count": 0, "reopen_count": 0,
        "supervision_count": 0, "updated_at": "2026-11-21 10:00:00.000000"}  # import time
    events = {"case_id": cases["id"], "seq": 1, "action": "report", "actor_id": 2,
              "actor_role": "acceptor", "at": ts, "from_state": None, "to_state": "reported",
              "reason": "", "data": "{}", "attachments": "[]"}
    return cases, events


def _bulk(store, n: int) -> tuple[float, float]:
    """Our bulk writer against the fastest raw executemany the driver reaches on the same
    rows, into a byte-identical copy of the store as it was before ours: the columns that
    hold one value written into the statement (a hand-written load would not bind a constant
    a million times) and the rest bound, one change number (the row triggers idle, as ours),
    the secondary indexes dropped before and rebuilt after."""
    from ..store.bulk import insert_columns
    db = Path(store.engine.url.database)
    twin = db.with_name(f"{db.stem}-floor{db.suffix}")
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    copy_store(db, twin)
    with store.uow() as uow:
        first = (uow.conn.exec_driver_sql("SELECT max(id) FROM cases").scalar() or 0) + 1
        cases, events = hotline_columns(first, n)
        with timer() as t:
            insert_columns(uow.conn, "cases", cases, n)
            insert_columns(uow.conn, "case_events", events, n)
            uow.commit()  # durable: the commit is part of the load
    ours = 2 * n / t["s"]
    con = raw_connection(twin)  # the same rows, ids included: the twin has none of them
    cases["change_seq"] = (con.execute("SELECT max(change_seq) FROM cases").fetchone()[0]
                           or 0) + 1
    case_sql, crow = _raw_insert("cases", cases, store.srid)
    event_sql, erow = _raw_insert("case_events", events)
    with timer() as t:
        con.execute("BEGIN")
        ddl = drop_indexes(con, ("cases", "case_events"))
        con.executemany(case_sql, crow)
        con.executemany(event_sql, erow)
        for sql in ddl:
            con.execute(sql)
        con.execute("COMMIT")
    con.close()
    fresh(twin)
    return ours, 2 * n / t["s"]


def _raw_insert(table: str, columns: dict, srid: int | None = None):
    """An INSERT with the constant columns as SQL literals, and the rows of the others; with
    `srid`, the point made from x and y in the statement (as a hand-written load would, so
    the geometry triggers stay idle)."""
    names, values, varying = [], [], []
    for name, v in columns.items():
        names.append(name)
        if isinstance(v, list):
            values.append("?")
            varying.append(v)
        elif v is None:
            values.append("NULL")
        elif isinstance(v, int | float):
            values.append(repr(v))
        elif isinstance(v, str):
            values.append("'" + v.replace("'", "''") + "'")
        else:  # a datetime, as the store writes times
            values.append(f"'{v.isoformat(' ', 'microseconds')}'")
    if srid is not None:
        names.append("geom")
        values.append(f"MakePoint(?, ?, {srid})")
        varying.extend([columns["x"], columns["y"]])
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(values)})"
    return sql, zip(*varying, strict=True)
