"""People, departments and their time-bounded assignments (cached per config revision)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection, and_, bindparam, insert, or_, select, update

from ..domain.errors import NotFound
from ..domain.people import Actor, Assignment, AssignmentKind, Person, Role, in_charge
from ..services.ports import DepartmentInfo
from . import models as m
from .cache import CacheView

PEOPLE = m.Person.__table__
ROLES = m.PersonRole.__table__
ASSIGN = m.Assignment.__table__
DEPT = m.Department.__table__
SEG = m.RoadSegment.__table__

_BY_USERNAME = select(PEOPLE).where(PEOPLE.c.username == bindparam("u"))
_BY_ID = select(PEOPLE).where(PEOPLE.c.id == bindparam("pid"))
_ROLES = select(ROLES.c.role).where(ROLES.c.person_id == bindparam("pid"))
_OF_KIND = select(ASSIGN).where(ASSIGN.c.kind == bindparam("kind"))
_SEGMENTS_OF = select(SEG.c.id, ASSIGN.c.valid_from, ASSIGN.c.valid_to).join(
    ASSIGN, ASSIGN.c.target_code == SEG.c.code).where(
    ASSIGN.c.kind == AssignmentKind.ROAD_CHIEF_SEGMENT.value,
    ASSIGN.c.person_id == bindparam("pid"))
_CELLS_OF = select(ASSIGN.c.target_code, ASSIGN.c.valid_from, ASSIGN.c.valid_to).where(
    ASSIGN.c.kind == AssignmentKind.GRID_WORKER_CELL.value,
    ASSIGN.c.person_id == bindparam("pid"))


def _dept(r) -> DepartmentInfo:
    return DepartmentInfo(r.id, r.code, r.name, r.kind, r.street_code)


def _assignment(r) -> Assignment:
    return Assignment(AssignmentKind(r.kind), r.target_code, r.person_id, r.department_id,
                      r.valid_from, r.valid_to, r.id)


class SqlPeopleRepository:
    def __init__(self, conn: Connection, view: CacheView) -> None:
        self.conn, self.view = conn, view

    # --- people -----------------------------------------------------------------------
    def _load(self, row) -> Person:
        roles = self.conn.execute(_ROLES, {"pid": row.id}).scalars()
        return Person(row.id, row.username, row.name, frozenset(Role(x) for x in roles),
                      row.department_id, bool(row.active))

    def by_username(self, username: str) -> Person:
        people = self.view.current().setdefault("people", {})
        if username not in people:
            row = self.conn.execute(_BY_USERNAME, {"u": username}).first()
            if row is None:
                raise NotFound(f"no user named {username!r}", value=username)
            people[username] = self._load(row)
        return people[username]

    def get(self, person_id: int) -> Person:
        by_id = self.view.current().setdefault("people_by_id", {})
        if person_id not in by_id:
            row = self.conn.execute(_BY_ID, {"pid": person_id}).first()
            if row is None:
                raise NotFound(f"no person with id {person_id}", value=person_id)
            by_id[person_id] = self._load(row)
        return by_id[person_id]

    def actor(self, username: str, at: datetime) -> Actor:
        """The person with the segments and cells assigned to them at `at`."""
        person = self.by_username(username)
        return Actor(person, *self.scope(person.id, at))

    def add(self, person: Person, password_hash: str | None) -> Person:
        pid = self.conn.execute(insert(PEOPLE).values(
            username=person.username, name=person.name, password_hash=password_hash,
            department_id=person.department_id, phone="", active=person.active)
            .returning(PEOPLE.c.id)).scalar_one()
        if person.roles:
            self.conn.execute(insert(ROLES), [{"person_id": pid, "role": r.value}
                                              for r in sorted(person.roles)])
        self.view.bump()
        return Person(pid, person.username, person.name, person.roles, person.department_id,
                      person.active)

    def password_hash(self, username: str) -> str | None:
        return self.conn.execute(select(PEOPLE.c.password_hash)
                                 .where(PEOPLE.c.username == username)).scalar()

    def set_password_hash(self, person_id: int, password_hash: str) -> None:
        self.conn.execute(update(PEOPLE).where(PEOPLE.c.id == person_id)
                          .values(password_hash=password_hash))

    def people_with_role(self, role: Role) -> list[Person]:
        ids = self.conn.execute(select(ROLES.c.person_id).where(ROLES.c.role == role.value)
                                .order_by(ROLES.c.person_id)).scalars().all()
        return [self.get(i) for i in ids]

    # --- assignments ------------------------------------------------------------------
    def _of_kind(self, kind: str) -> dict[str, list[Assignment]]:
        cache = self.view.current().setdefault("assignments", {})
        if kind not in cache:
            by_target: dict[str, list[Assignment]] = defaultdict(list)
            for r in self.conn.execute(_OF_KIND, {"kind": kind}):
                by_target[r.target_code].append(_assignment(r))
            for lst in by_target.values():
                lst.sort(key=lambda a: a.valid_from, reverse=True)
            cache[kind] = dict(by_target)
        return cache[kind]

    def responsible(self, kind: str, target_code: str, at: datetime) -> Assignment | None:
        for a in self._of_kind(kind).get(target_code, ()):
            if a.active_at(at):
                return a
        return None

    def responsible_many(self, kind: str, targets, at) -> list[int | None]:
        by_target = self._of_kind(kind)
        out: list[int | None] = [None] * len(targets)
        if not by_target:
            return out
        get = by_target.get
        for k, target in enumerate(targets):
            held = get(target) if target else None
            if held:  # `responsible`'s answer: the latest assignment in charge then
                t = at[k]
                for a in held:
                    if in_charge(a.valid_from, a.valid_to, t):
                        out[k] = a.person_id
                        break
        return out

    def scope(self, person_id: int, at: datetime) -> tuple[frozenset[int], frozenset[str]]:
        scopes = self.view.current().setdefault("scopes", {})
        if person_id not in scopes:
            scopes[person_id] = (self.conn.execute(_SEGMENTS_OF, {"pid": person_id}).all(),
                                 self.conn.execute(_CELLS_OF, {"pid": person_id}).all())
        segs, cells = scopes[person_id]
        return (frozenset(s for s, f, t in segs if in_charge(f, t, at)),
                frozenset(c for c, f, t in cells if in_charge(f, t, at)))

    def assignments_of(self, person_id: int) -> list[Assignment]:
        return [_assignment(r) for r in self.conn.execute(
            select(ASSIGN).where(ASSIGN.c.person_id == person_id).order_by(ASSIGN.c.valid_from))]

    def add_assignment(self, a: Assignment) -> Assignment:
        aid = self.conn.execute(insert(ASSIGN).values(
            kind=a.kind.value, target_code=a.target_code, person_id=a.person_id,
            department_id=a.department_id, valid_from=a.valid_from, valid_to=a.valid_to)
            .returning(ASSIGN.c.id)).scalar_one()
        self.view.bump()
        return Assignment(a.kind, a.target_code, a.person_id, a.department_id, a.valid_from,
                          a.valid_to, aid)

    def add_assignments(self, rows: list[Assignment]) -> int:
        """Many assignments at once (imports, the demo); no history to close."""
        if rows:
            self.conn.execute(insert(ASSIGN), [
                {"kind": a.kind.value, "target_code": a.target_code, "person_id": a.person_id,
                 "department_id": a.department_id, "valid_from": a.valid_from,
                 "valid_to": a.valid_to} for a in rows])
            self.view.bump()
        return len(rows)

    def end_assignments(self, kind: str, target_code: str, at: datetime) -> int:
        """Close every assignment of `target_code` still open at `at` (history stays true)."""
        n = self.conn.execute(update(ASSIGN).where(
            ASSIGN.c.kind == kind, ASSIGN.c.target_code == target_code,
            and_(ASSIGN.c.valid_from <= at, or_(ASSIGN.c.valid_to.is_(None),
                                                ASSIGN.c.valid_to > at)))
            .values(valid_to=at)).rowcount
        if n:
            self.view.bump()
        return n

    # --- departments ------------------------------------------------------------------
    def _departments(self) -> list[DepartmentInfo]:
        cur = self.view.current()
        if "departments" not in cur:
            cur["departments"] = [_dept(r) for r in
                                  self.conn.execute(select(DEPT).order_by(DEPT.c.code))]
        return cur["departments"]

    def department(self, department_id: int) -> DepartmentInfo:
        for d in self._departments():
            if d.id == department_id:
                return d
        raise NotFound(f"no department with id {department_id}", value=department_id)

    def department_by_code(self, code: str) -> DepartmentInfo | None:
        return next((d for d in self._departments() if d.code == code), None)

    def street_department(self, street_code: str) -> DepartmentInfo | None:
        return next((d for d in self._departments()
                     if d.street_code == street_code and d.kind == "street"), None)

    def add_department(self, info: DepartmentInfo) -> DepartmentInfo:
        did = self.conn.execute(insert(DEPT).values(
            code=info.code, name=info.name, kind=info.kind, street_code=info.street_code)
            .returning(DEPT.c.id)).scalar_one()
        self.view.bump()
        return DepartmentInfo(did, info.code, info.name, info.kind, info.street_code)

    def departments(self) -> list[DepartmentInfo]:
        return list(self._departments())
