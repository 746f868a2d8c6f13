"""A fake unit of work for fast service tests: the mini district in memory, no database.

The in-memory store (gridapp/store/memory.py) answers the services' ports like the SQL
store; this builds it straight from the factories' district, people and assignments, so a
service test takes milliseconds (cosmicpython's `fakes.py`).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from factories import PEOPLE, SINCE, mini_layers

from gridapp.bootstrap import default_calendar
from gridapp.domain.catalog import Catalog
from gridapp.domain.clock import SettableClock
from gridapp.domain.codes import grid_code
from gridapp.domain.people import Assignment, AssignmentKind, Person, Role
from gridapp.domain.settings import Settings
from gridapp.io.catalog import read_catalog, read_departments
from gridapp.paths import resource
from gridapp.services.ports import ComponentInfo, DepartmentInfo
from gridapp.store.memory import MemoryData, MemoryPlaces, MemoryStore

CHIEFS = {"420102-R001-01": "chief1", "420102-R001-02": "chief2", "420102-R002-01": "chief2"}


def fake_store(at: datetime = datetime(2026, 11, 2, 9, 0)) -> MemoryStore:
    """The mini district, its people (ids as in the SQL mini store) and a clock held at `at`."""
    layers = mini_layers()
    calendar, _ = default_calendar()
    data = MemoryData(Catalog(1, read_catalog(resource("catalog", "default_catalog.csv"))),
                      calendar, Settings())
    for i, d in enumerate(read_departments(resource("catalog", "departments.csv")), start=1):
        data.departments[i] = DepartmentInfo(i, d["code"], d["name"], d.get("kind") or
                                             "professional", d.get("street_code") or None)
    for street in layers.streets:  # 属地: each street office receives cases, as load_places
        i = len(data.departments) + 1
        data.departments[i] = DepartmentInfo(i, f"street-{street.code}", street.name + "办事处",
                                             "street", street.code)
    dept_id = {d.code: d.id for d in data.departments.values()}
    data.people[1] = Person(1, "system", "系统自动", frozenset({Role.ACCEPTOR}))
    data.people[2] = Person(2, "admin", "系统管理员", frozenset({Role.ADMIN}))
    for pid, (username, name, roles, dept) in enumerate(PEOPLE, start=3):
        data.people[pid] = Person(pid, username, name, frozenset(roles), dept_id.get(dept))
    by_name = {p.username: p.id for p in data.people.values()}
    assignments: dict = defaultdict(lambda: defaultdict(list))
    for segment, chief in CHIEFS.items():
        assignments[AssignmentKind.ROAD_CHIEF_SEGMENT.value][segment].append(Assignment(
            AssignmentKind.ROAD_CHIEF_SEGMENT, segment, by_name[chief], None, SINCE))
    for community in {c.community_code for c in layers.cells}:
        worker = "worker1" if community.startswith("420102001") else "worker2"
        for serial in range(1, 9):
            code = grid_code(community, serial)
            assignments[AssignmentKind.GRID_WORKER_CELL.value][code].append(Assignment(
                AssignmentKind.GRID_WORKER_CELL, code, by_name[worker], None, SINCE))
    data.assignments = assignments
    for c in layers.components:
        data.components[c.code] = ComponentInfo(c.code, c.class_code,
                                                dept_id.get(c.owner_department_code))
    places = MemoryPlaces([c.code for c in layers.cells], [c.geometry for c in layers.cells],
                          list(range(1, len(layers.segments) + 1)),
                          [s.code for s in layers.segments],
                          [s.geometry for s in layers.segments])
    store = MemoryStore(data, places)
    store.clock = SettableClock(at)
    return store
