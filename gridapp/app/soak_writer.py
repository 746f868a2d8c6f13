"""Another workstation for the soak: reports cases, moves cases through the loop as whoever
may act, and edits places with plain SQL as QGIS would — logging every committed change.

Run as its own process (`python -m gridapp.app.soak_writer`), often under `faketime` so that
its clock disagrees with the client's. Each log line is JSON with `t`, the system-wide
monotonic clock at commit (comparable across processes, unlike wall clocks).
"""

from __future__ import annotations

import argparse
import json
import random
import select
import signal
import sys
import time
from datetime import datetime

from sqlalchemy.exc import OperationalError

from ..domain.case import CaseState, Source
from ..domain.errors import DomainError
from ..domain.people import Role
from ..domain.workflow import Action
from ..services import cases as svc
from . import actions as app_actions

# what a workstation's user types into each field the action asks for
TEXT = {"note": "浸泡测试", "reason": "浸泡测试：原因", "extra": "1d", "satisfaction": "satisfied",
        "reason_code": "invalid"}
WHO = {  # the command-room role acting on a case in each state
    CaseState.REPORTED: Role.ACCEPTOR, CaseState.REGISTERED: Role.DISPATCHER,
    CaseState.RETURNED: Role.DISPATCHER, CaseState.EXTENSION_PENDING: Role.DISPATCHER,
    CaseState.SUSPENSION_PENDING: Role.LEADER, CaseState.SUSPENDED: Role.DISPATCHER,
    CaseState.VERIFIED: Role.SHIFT_LEADER, CaseState.CLOSED: Role.ACCEPTOR,
}


class Workstation:
    def __init__(self, store, rng: random.Random, log, number: int,
                 places: float = 0.15) -> None:
        self.store, self.rng, self.log, self.number = store, rng, log, number
        self.places = places  # share of actions that edit a place (the rest: cases)
        self.sqlite = store.backend == "sqlite"
        with store.read() as conn:
            q = conn.exec_driver_sql
            self.people = q("SELECT p.id, p.username, r.role, p.department_id FROM people p "
                            "JOIN person_roles r ON r.person_id = p.id "
                            "WHERE p.active AND p.password_hash IS NOT NULL").all()
            self.cells = q("SELECT code, cx, cy FROM grid_cells").all()
            self.streets = q("SELECT code, name FROM streets").all()
            self.comp_classes = [r[0] for r in q("SELECT DISTINCT class_code FROM components")]
            self.classes = [r[0] for r in q("SELECT code FROM catalog_classes WHERE version = "
                                            "(SELECT max(version) FROM catalog_versions)")]
        self.by_role: dict[str, list[str]] = {}
        self.by_id = {}
        for pid, user, role, dept in self.people:
            self.by_role.setdefault(role, []).append(user)
            self.by_id[pid] = (user, dept)
        self.moved: dict[str, float] = {}
        self.added = 0

    def emit(self, **entry) -> None:
        entry["t"] = time.monotonic()
        entry["writer"] = self.number
        self.log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.log.flush()

    # ---- cases ---------------------------------------------------------------------------
    def report(self) -> None:
        code, cx, cy = self.rng.choice(self.cells)
        user = self.rng.choice(self.by_role.get(Role.GRID_WORKER.value) or
                               self.by_role[Role.ACCEPTOR.value])
        out = svc.report(self.store.uow(), user, source=Source.GRID_PATROL,
                         class_code=self.rng.choice(self.classes),
                         x=cx + self.rng.uniform(-15, 15), y=cy + self.rng.uniform(-15, 15),
                         description="浸泡测试上报")
        self.emit(kind="case", id=out.case.id, state=out.case.state.value,
                  version=out.case.version)

    def _actors(self, row) -> list[str]:
        """Who could act on a case in this state (the unit holding it, its grid worker…)."""
        state = CaseState(row.state)
        if state in WHO:
            return list(self.by_role.get(WHO[state].value, []))[:3]
        if state is CaseState.RECTIFIED:
            worker = self.by_id.get(row.grid_worker_id)
            return [worker[0]] if worker else self.by_role.get(Role.GRID_WORKER.value, [])[:3]
        if row.assignee_person_id is not None:
            return [self.by_id[row.assignee_person_id][0]]
        return [u for pid, (u, d) in self.by_id.items() if d == row.assignee_department_id
                and u in self.by_role.get(Role.DEPT_HANDLER.value, [])][:3]

    def advance(self) -> None:
        """One step of a random open case, by someone the transition table allows."""
        with self.store.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, state, version, assignee_person_id, assignee_department_id, "
                "grid_worker_id FROM cases WHERE state NOT IN ('closed', 'rejected') "
                "ORDER BY id DESC LIMIT 300").all()
        if not rows:
            return self.report()
        row = self.rng.choice(rows)
        for user in self._actors(row):
            view = svc.view(self.store.uow(write=False), user, row.id)
            allowed = [a for a in view.allowed if a is not Action.REOPEN]
            if not allowed:
                continue
            action = self.rng.choice(allowed)
            fields = app_actions.FIELDS[action]
            values = {k: TEXT[k] for k in fields if k in TEXT}
            out = app_actions.perform(self.store, user, row.id, action, view.case.version,
                                      **values)
            self.emit(kind="case", id=row.id, state=out.case.state.value,
                      version=out.case.version)
            return None
        return None

    # ---- places, edited by another program -------------------------------------------------
    def _sql(self, sql: str, params: dict) -> None:
        """Plain SQL on the store, not through gridapp (its triggers are what answer)."""
        import re
        if not self.sqlite:
            sql = re.sub(r"(?<!:):(\w+)", r"%(\1)s", sql)
        # an editor takes the write lock up front (BEGIN IMMEDIATE), or a commit elsewhere
        # while it waits leaves it a stale snapshot it cannot write from
        with self.store.engine.connect().execution_options(sqlite_immediate=True) as conn, \
                conn.begin():
            conn.exec_driver_sql(sql, params)

    def rename_street(self) -> None:
        code, name = self.rng.choice(self.streets)
        new = f"{name}{self.rng.randint(1, 99)}号段" if self.rng.random() < 0.5 else name
        self._sql("UPDATE streets SET name = :n WHERE code = :c", {"n": new, "c": code})
        self.emit(kind="street", code=code, name=new)

    def move_cell(self) -> None:
        code, cx, _cy = self.rng.choice(self.cells)
        dx = -0.5 if self.moved.get(code) else 0.5  # there and back: the grid stays sound
        self.moved[code] = 0.0 if self.moved.get(code) else dx
        shift = "ST_Translate(geom, :dx, 0, 0)" if self.sqlite else "ST_Translate(geom, :dx, 0)"
        self._sql(f"UPDATE grid_cells SET geom = {shift} WHERE code = :c", {"dx": dx, "c": code})
        with self.store.read() as conn:
            cx = conn.exec_driver_sql(
                "SELECT cx FROM grid_cells WHERE code = " + ("?" if self.sqlite else "%s"),
                (code,)).scalar()
        self.emit(kind="cell", code=code, cx=cx)

    def add_component(self) -> None:
        code, cx, cy = self.rng.choice(self.cells)
        self.added += 1
        cls = self.rng.choice(self.comp_classes or ["C0101"])
        serial = 900000 + self.number * 9000 + self.added % 9000
        comp = f"{code[:6]}{cls[1:5]}{serial:06d}"
        point = "MakePoint(:x, :y, :srid)" if self.sqlite else \
            "ST_SetSRID(ST_MakePoint(:x, :y), :srid)"
        self._sql("DELETE FROM components WHERE code = :c", {"c": comp})
        self._sql("INSERT INTO components (code, class_code, name, status, geom) VALUES "
                  f"(:c, :k, '浸泡测试部件', 'normal', {point})",
                  {"c": comp, "k": cls, "x": cx, "y": cy, "srid": self.store.srid})
        self.emit(kind="component", code=comp)

    def step(self) -> str:
        r = self.rng.random()
        if r >= self.places:  # a case: a new report (3 in 10), else the next step of one
            r = (r - self.places) / (1 - self.places)
            if r < 0.3:
                self.report()
                return "report"
            self.advance()
            return "transition"
        place = self.rng.choice([self.rename_street, self.move_cell, self.add_component])
        place()
        return place.__name__


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="one other workstation of a gridapp soak")
    ap.add_argument("--db", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--seconds", type=float, required=True)
    ap.add_argument("--number", type=int, default=0)
    ap.add_argument("--pause", type=float, default=0.4, help="mean seconds between actions")
    ap.add_argument("--places", type=float, default=0.15,
                    help="share of actions that edit a place as QGIS would")
    args = ap.parse_args(argv)
    from ..bootstrap import open_store
    store = open_store(args.db)
    stop = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))
    rng = random.Random(1000 + args.number)
    counts: dict[str, int] = {}
    errors: dict[str, int] = {}
    with open(args.log, "a", encoding="utf-8") as log:
        ws = Workstation(store, rng, log, args.number, args.places)
        end = time.monotonic() + args.seconds
        ws.emit(kind="start", wall=datetime.now().isoformat())
        while time.monotonic() < end and not stop["now"]:
            try:
                kind = ws.step()
                counts[kind] = counts.get(kind, 0) + 1
            except DomainError as exc:  # a race lost to another workstation: a normal day
                errors[exc.code] = errors.get(exc.code, 0) + 1
            except OperationalError as exc:  # the store busy for longer than we wait
                key = "busy" if "locked" in str(exc.orig) else "operational"
                errors[key] = errors.get(key, 0) + 1
            # not time.sleep: under faketime its absolute monotonic sleep fails with EINVAL
            select.select([], [], [], rng.expovariate(1 / args.pause))
        ws.emit(kind="end", counts=counts, refused=errors)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
