"""`seal_new` (every action's seal) gives the same hashes as the per-row `seal_chain`."""

from datetime import UTC, datetime, timedelta

from gridapp.domain.audit import GENESIS, first_broken, seal_chain, seal_new
from gridapp.domain.case import CaseEvent, CaseState


def _rows() -> list[CaseEvent]:
    at = datetime(2026, 4, 1, 8, 30)
    return [
        CaseEvent(11, 1, "report", 2, "grid_worker", at, None, CaseState.REPORTED,
                  "井盖\"缺失\"\n\\ \u2028", {"x": 530000.25, "y": 3390000.0, "class": "C0101",
                                             "source": "grid_patrol", "external_id": "A-1"}),
        CaseEvent(11, 2, "register", 3, "acceptor", at + timedelta(microseconds=7),
                  CaseState.REPORTED, CaseState.REGISTERED, "", {}),
        CaseEvent(11, 3, "dispatch", 4, "dispatcher", at.replace(tzinfo=UTC),
                  CaseState.REGISTERED, CaseState.DISPATCHED, "",
                  {"person_id": None, "department_id": 2, "nested": {"b": [1, 2.0, None],
                                                                     "a": "é"}}),
        CaseEvent(11, 4, "rectify", 40, "dept_handler", at + timedelta(days=1),
                  CaseState.DISPATCHED, CaseState.RECTIFIED, "🚧", {"on_time": False},
                  ("c" * 64,)),
    ]


def test_seal_new_is_seal_chain():
    expected = seal_chain(_rows())
    rows = _rows()
    assert seal_new(rows) is rows
    assert [r.hash for r in rows] == [e.hash for e in expected]
    assert first_broken(rows) is None


def test_seal_new_continues_a_chain_row_by_row():
    rows = _rows()
    prev = GENESIS
    for r in rows:  # as the services seal: one new row after the trail's last hash
        seal_new([r], prev)
        prev = r.hash
    assert [r.hash for r in rows] == [e.hash for e in seal_chain(_rows())]
