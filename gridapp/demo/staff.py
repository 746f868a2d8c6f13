"""The people of the demo district: command room, handlers, grid workers, road chiefs."""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from ..domain.people import Assignment, AssignmentKind, Role
from ..domain.places import RoadSegment, UnitGridCell
from .names import Namer

DEMO_PASSWORD = "demo1234"  # every demo account; the README lists them


@dataclass
class StaffMember:
    username: str
    name: str
    roles: tuple[Role, ...]
    department: str | None = None  # department code


@dataclass
class Staff:
    people: list[StaffMember] = field(default_factory=list)
    # (kind, target code, username or department code, valid_from, valid_to)
    assignments: list[tuple[AssignmentKind, str, str, datetime, datetime | None]] = \
        field(default_factory=list)


COMMAND_ROOM = [  # username, roles, how many
    ("acceptor", (Role.ACCEPTOR,), 4),
    ("shift", (Role.SHIFT_LEADER,), 3),
    ("dispatcher", (Role.DISPATCHER,), 3),
    ("leader", (Role.LEADER,), 2),
]
PROFESSIONAL = ["sanitation", "municipal", "water", "landscape", "enforcement", "traffic",
                "lighting", "power", "telecom", "gas", "construction"]


def make_staff(cells: list[UnitGridCell], segments: list[RoadSegment], street_codes: list[str],
               segment_streets: dict[str, str], namer: Namer, rng: random.Random,
               year_start: datetime, handover: datetime) -> Staff:
    st = Staff()
    for prefix, roles, n in COMMAND_ROOM:
        for i in range(1, n + 1):
            st.people.append(StaffMember(f"{prefix}{i:02d}", namer.person(), roles))
    for dept in PROFESSIONAL:
        for i in range(1, 4):
            st.people.append(StaffMember(f"{dept}{i:02d}", namer.person(), (Role.DEPT_HANDLER,),
                                         dept))
    for sc in street_codes:
        for i in range(1, 3):
            st.people.append(StaffMember(f"street{sc[-3:]}-{i}", namer.person(),
                                         (Role.DEPT_HANDLER,), f"street-{sc}"))
    # grid workers: one per ~60 cells of a community, each over a run of consecutive cells
    by_comm: dict[str, list[str]] = defaultdict(list)
    for c in cells:
        by_comm[c.community_code].append(c.code)
    wn = 0
    for comm in sorted(by_comm):
        codes = sorted(by_comm[comm])
        k = max(1, math.ceil(len(codes) / 60))
        per = math.ceil(len(codes) / k)
        for j in range(k):
            wn += 1
            user = f"wg{wn:04d}"
            st.people.append(StaffMember(user, namer.person(), (Role.GRID_WORKER,),
                                         f"street-{comm[:9]}"))
            for code in codes[j * per:(j + 1) * per]:
                st.assignments.append((AssignmentKind.GRID_WORKER_CELL, code, user, year_start,
                                       None))
    # road chiefs: each holds up to 5 consecutive segments of one road; some hand over mid-year
    by_road: dict[str, list[RoadSegment]] = defaultdict(list)
    for s in segments:
        by_road[s.road_name].append(s)
    cn = 0
    for road in sorted(by_road):
        segs = by_road[road]
        for j in range(0, len(segs), 5):
            group = segs[j:j + 5]
            cn += 1
            user = f"lz{cn:04d}"
            street = segment_streets.get(group[0].code, street_codes[0])
            st.people.append(StaffMember(user, namer.person(), (Role.ROAD_CHIEF,),
                                         f"street-{street}"))
            successor = None
            if rng.random() < 0.1:  # 换人: the history must keep both
                cn += 1
                successor = f"lz{cn:04d}"
                st.people.append(StaffMember(successor, namer.person(), (Role.ROAD_CHIEF,),
                                             f"street-{street}"))
            for s in group:
                st.assignments.append((AssignmentKind.ROAD_CHIEF_SEGMENT, s.code, user,
                                       year_start, handover if successor else None))
                if successor:
                    st.assignments.append((AssignmentKind.ROAD_CHIEF_SEGMENT, s.code, successor,
                                           handover, None))
    st.people.append(StaffMember("supervisor01", namer.person(),
                                 (Role.GRID_WORKER, Role.SHIFT_LEADER)))  # 督查员
    return st


def assignment_rows(staff: Staff, person_ids: dict[str, int]) -> list[Assignment]:
    return [Assignment(kind, target, person_ids[who], None, start, end)
            for kind, target, who, start, end in staff.assignments]
