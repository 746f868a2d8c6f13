"""People, departments and their time-bounded assignments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, and_, insert, or_, select, update

from ..domain.errors import NotFound
from ..domain.people import Assignment, AssignmentKind, Person, Role
from ..services.ports import DepartmentInfo
from . import models as m

PEOPLE = m.Person.__table__
ROLES = m.PersonRole.__table__
ASSIGN = m.Assignment.__table__
DEPT = m.Department.__table__
SEG = m.RoadSegment.__table__


def _active(at: datetime):
    return and_(ASSIGN.c.valid_from <= at,
                or_(ASSIGN.c.valid_to.is_(None), ASSIGN.c.valid_to > at))


def _dept(r) -> DepartmentInfo:
    return DepartmentInfo(r.id, r.code, r.name, r.kind, r.street_code)


class SqlPeopleRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _person(self, where) -> Person | None:
        r = self.conn.execute(select(PEOPLE).where(where)).first()
        if r is None:
            return None
        roles = self.conn.execute(select(ROLES.c.role).where(ROLES.c.person_id == r.id)).scalars()
        return Person(r.id, r.username, r.name, frozenset(Role(x) for x in roles),
                      r.department_id, bool(r.active))

    def by_username(self, username: str) -> Person:
        p = self._person(PEOPLE.c.username == username)
        if p is None:
            raise NotFound(f"no user named {username!r}", value=username)
        return p

    def get(self, person_id: int) -> Person:
        p = self._person(PEOPLE.c.id == person_id)
        if p is None:
            raise NotFound(f"no person with id {person_id}", value=person_id)
        return p

    def add(self, person: Person, password_hash: str | None) -> Person:
        pid = self.conn.execute(insert(PEOPLE).values(
            username=person.username, name=person.name, password_hash=password_hash,
            department_id=person.department_id, phone="", active=person.active)
            .returning(PEOPLE.c.id)).scalar_one()
        if person.roles:
            self.conn.execute(insert(ROLES), [{"person_id": pid, "role": r.value}
                                              for r in sorted(person.roles)])
        return Person(pid, person.username, person.name, person.roles, person.department_id,
                      person.active)

    def password_hash(self, username: str) -> str | None:
        return self.conn.execute(select(PEOPLE.c.password_hash)
                                 .where(PEOPLE.c.username == username)).scalar()

    def set_password_hash(self, person_id: int, password_hash: str) -> None:
        self.conn.execute(update(PEOPLE).where(PEOPLE.c.id == person_id)
                          .values(password_hash=password_hash))

    def responsible(self, kind: str, target_code: str, at: datetime) -> Assignment | None:
        r = self.conn.execute(select(ASSIGN).where(
            ASSIGN.c.kind == kind, ASSIGN.c.target_code == target_code, _active(at))
            .order_by(ASSIGN.c.valid_from.desc()).limit(1)).first()
        return _assignment(r) if r else None

    def scope(self, person_id: int, at: datetime) -> tuple[frozenset[int], frozenset[str]]:
        segs = self.conn.execute(
            select(SEG.c.id).join(ASSIGN, ASSIGN.c.target_code == SEG.c.code).where(
                ASSIGN.c.kind == AssignmentKind.ROAD_CHIEF_SEGMENT.value,
                ASSIGN.c.person_id == person_id, _active(at))).scalars()
        cells = self.conn.execute(select(ASSIGN.c.target_code).where(
            ASSIGN.c.kind == AssignmentKind.GRID_WORKER_CELL.value,
            ASSIGN.c.person_id == person_id, _active(at))).scalars()
        return frozenset(segs), frozenset(cells)

    def add_assignment(self, a: Assignment) -> Assignment:
        aid = self.conn.execute(insert(ASSIGN).values(
            kind=a.kind.value, target_code=a.target_code, person_id=a.person_id,
            department_id=a.department_id, valid_from=a.valid_from, valid_to=a.valid_to)
            .returning(ASSIGN.c.id)).scalar_one()
        return Assignment(a.kind, a.target_code, a.person_id, a.department_id, a.valid_from,
                          a.valid_to, aid)

    def end_assignments(self, kind: str, target_code: str, at: datetime) -> int:
        """Close every assignment of `target_code` still open at `at` (history stays true)."""
        return self.conn.execute(update(ASSIGN).where(
            ASSIGN.c.kind == kind, ASSIGN.c.target_code == target_code, _active(at))
            .values(valid_to=at)).rowcount

    def department(self, department_id: int) -> DepartmentInfo:
        r = self.conn.execute(select(DEPT).where(DEPT.c.id == department_id)).first()
        if r is None:
            raise NotFound(f"no department with id {department_id}", value=department_id)
        return _dept(r)

    def department_by_code(self, code: str) -> DepartmentInfo | None:
        r = self.conn.execute(select(DEPT).where(DEPT.c.code == code)).first()
        return _dept(r) if r else None

    def street_department(self, street_code: str) -> DepartmentInfo | None:
        r = self.conn.execute(select(DEPT).where(DEPT.c.street_code == street_code,
                                                 DEPT.c.kind == "street")).first()
        return _dept(r) if r else None

    def add_department(self, info: DepartmentInfo) -> DepartmentInfo:
        did = self.conn.execute(insert(DEPT).values(
            code=info.code, name=info.name, kind=info.kind, street_code=info.street_code)
            .returning(DEPT.c.id)).scalar_one()
        return DepartmentInfo(did, info.code, info.name, info.kind, info.street_code)

    def departments(self) -> list[DepartmentInfo]:
        return [_dept(r) for r in self.conn.execute(select(DEPT).order_by(DEPT.c.code))]

    def people_with_role(self, role: Role) -> list[Person]:
        ids = self.conn.execute(select(ROLES.c.person_id).where(ROLES.c.role == role.value)
                                .order_by(ROLES.c.person_id)).scalars().all()
        return [self.get(i) for i in ids]


def _assignment(r) -> Assignment:
    return Assignment(AssignmentKind(r.kind), r.target_code, r.person_id, r.department_id,
                      r.valid_from, r.valid_to, r.id)
