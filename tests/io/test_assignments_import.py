"""Assignment sheets: new people created, history of who held what kept, bad rows refused."""

from datetime import datetime

import pandas as pd
import pytest

from gridapp.io.assignments import read_assignments
from gridapp.services.assignments import AssignmentsRejected, import_assignments


def write(tmp_path, rows, name="assign.xlsx"):
    path = tmp_path / name
    df = pd.DataFrame(rows)
    df.to_excel(path, index=False) if name.endswith(".xlsx") else df.to_csv(path, index=False)
    return path


def test_import_creates_people_and_keeps_history(sqlite_store, tmp_path):
    rows = [{"类型": "路长", "对象编码": "420102-R001-01", "账号": "newchief", "姓名": "新路长",
             "部门": "enforcement", "起始日期": "2026-07-01"},
            {"类型": "网格员", "对象编码": "420102001001001", "账号": "worker2",
             "起始日期": "2026-07-01"},
            {"类型": "部门", "对象编码": "E0102", "部门": "municipal", "起始日期": "2026-07-01"}]
    path = write(tmp_path, rows)
    out = import_assignments(sqlite_store.uow(), path.name, read_assignments(path))
    assert out == {"assignments": 3, "people_created": 1}
    with sqlite_store.uow(write=False) as uow:
        before, after = datetime(2026, 6, 1), datetime(2026, 8, 1)
        chief = lambda at: uow.people.get(uow.people.responsible(  # noqa: E731
            "road_chief_segment", "420102-R001-01", at).person_id).username
        assert (chief(before), chief(after)) == ("chief1", "newchief")
        dept = uow.people.responsible("department_class", "E0102", after).department_id
        assert uow.people.department(dept).code == "municipal"
        assert "road_chief" in {r.value for r in uow.people.by_username("newchief").roles}


def test_a_batch_of_answers_is_responsible_asked_row_by_row(sqlite_store, tmp_path):
    """`responsible_many` (the 12345 import's ownership) names whom `responsible` names, on
    both stores: a handover, an ended assignment, a target nobody holds, an empty one."""
    from gridapp.store.memory import snapshot
    rows = [{"类型": "路长", "对象编码": "420102-R001-01", "账号": "newchief", "姓名": "新路长",
             "部门": "enforcement", "起始日期": "2026-07-01"},
            {"类型": "网格员", "对象编码": "420102001001001", "账号": "worker2", "姓名": "网格员2",
             "起始日期": "2026-07-01", "结束日期": "2026-09-01"}]
    path = write(tmp_path, rows)
    import_assignments(sqlite_store.uow(), path.name, read_assignments(path))
    times = [datetime(2026, m, d, h) for m in (5, 6, 7, 8, 9, 10) for d in (1, 15)
             for h in (0, 12)]
    kinds = {"road_chief_segment": ["420102-R001-01", "420102-R001-02", "NOBODY", None, ""],
             "grid_worker_cell": ["420102001001001", "420102001001003", "NOBODY", None]}
    for store in (sqlite_store, snapshot(sqlite_store)):
        with store.uow(write=False) as uow:
            for kind, codes in kinds.items():
                targets = [c for c in codes for _ in times]
                at = times * len(codes)
                expected = [(a.person_id if (a := uow.people.responsible(kind, t, w)) else None)
                            if t else None for t, w in zip(targets, at, strict=True)]
                assert uow.people.responsible_many(kind, targets, at) == expected
                assert len({e for e in expected if e}) >= 2  # a handover in each


def test_bad_rows_refused_whole(sqlite_store, tmp_path):
    rows = [{"kind": "road_chief", "target": "NO-SUCH", "username": "chief1"},
            {"kind": "grid_worker", "target": "420102001001001", "username": "ghost"},
            {"kind": "grid_worker", "target": "420102001001002", "username": "chief1"},
            {"kind": "department", "target": "E0102", "department": "nowhere"},
            {"kind": "grid_worker", "target": "420102001001003", "username": "worker1"}]
    path = write(tmp_path, rows, "a.csv")
    with pytest.raises(AssignmentsRejected) as e:
        import_assignments(sqlite_store.uow(), path.name, read_assignments(path))
    text = str(e.value)
    assert "a.csv, row 2: no road segment NO-SUCH" in text
    assert "row 3: unknown user ghost; give a name to create" in text
    assert "row 4: chief1 is not a grid_worker" in text
    assert "row 5: no department 'nowhere'" in text
    with sqlite_store.uow(write=False) as uow:
        a = uow.people.responsible("grid_worker_cell", "420102001001003", datetime.now())
        assert uow.people.get(a.person_id).username == "worker1"  # untouched


def test_unknown_kind_and_bad_dates(tmp_path):
    from gridapp.io.errors import ImportRejected
    path = write(tmp_path, [{"kind": "boss", "target": "x"},
                            {"kind": "路长", "target": "x", "valid_from": "someday"}], "b.csv")
    with pytest.raises(ImportRejected) as e:
        read_assignments(path)
    assert "b.csv, row 2 [kind]: kind 'boss' unknown" in str(e.value)
    assert "row 3 [valid_from]: cannot read the date 'someday'" in str(e.value)
