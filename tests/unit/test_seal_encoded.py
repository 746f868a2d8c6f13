"""The migration's seals (`seal_encoded`, `seal_texts`) give the same hashes as `seal_chain`
and the same data text as the bulk writer kept before, on awkward rows."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from gridapp.domain.audit import (
    canonical,
    canonical_json,
    first_broken,
    seal_chain,
    seal_encoded,
    seal_texts,
)
from gridapp.domain.case import CaseEvent, CaseState


def _rows() -> list[CaseEvent]:
    at = datetime(2025, 10, 6, 9, 0)
    return [
        CaseEvent(7, 1, "report", 3, "acceptor", at, None, CaseState.REPORTED,
                  "路边\"垃圾\"\n\t\\ 堆放 \u2028", {"x": 1234.5, "y": -0.1, "class": "E0102",
                                                   "external_id": "OLD-1"}),
        CaseEvent(7, 2, "register", 3, "acceptor", at + timedelta(microseconds=1),
                  CaseState.REPORTED, CaseState.REGISTERED, "", {}),
        CaseEvent(7, 3, "dispatch", 12, "dispatcher", at.replace(tzinfo=UTC),
                  CaseState.REGISTERED, CaseState.DISPATCHED, "（历史记录，无说明）",
                  {"person_id": None, "department_id": 2, "on_time": True,
                   "nested": {"b": [1, 2.0, None, False], "a": "é"},
                   "migrated": {"source": "旧.csv", "row": 5, "by": "admin",
                                "inferred_time": True}}),
        CaseEvent(7, 4, "rectify", 40, "dept_handler", at + timedelta(days=1),
                  CaseState.DISPATCHED, CaseState.RECTIFIED, "emoji 🚧 ok", {"on_time": False},
                  ("a" * 64, "b" * 64)),
    ]


def test_the_same_hashes_and_data_text_as_the_per_row_seal():
    expected = seal_chain(_rows())
    rows = _rows()
    data = seal_encoded(rows)
    assert [r.hash for r in rows] == [e.hash for e in expected]
    assert data == [canonical_json(e.data) if e.data else "{}" for e in expected]
    assert first_broken(rows) is None


def test_a_chain_continues_from_the_row_before():
    first, rest = _rows()[:1], _rows()[1:]
    seal_encoded(first)
    seal_encoded(rest, first[0].hash)
    assert [r.hash for r in first + rest] == [e.hash for e in seal_chain(_rows())]


def test_a_case_without_id_seals_like_the_per_row_seal():
    row = replace(_rows()[0], case_id=None)
    seal_encoded([row])
    assert row.hash == seal_chain([replace(row, hash="")])[0].hash


def test_sealing_canonical_texts_restarts_each_case_at_its_first_row():
    one, two = _rows(), [replace(r, case_id=8) for r in _rows()[:2]]
    rows = one + two + [replace(r, case_id=9) for r in _rows()[:1]]
    hashes = seal_texts([canonical(r).decode() for r in rows], [r.seq for r in rows])
    expected = seal_chain(one) + seal_chain(two) + seal_chain(rows[-1:])
    assert hashes == [e.hash for e in expected]
