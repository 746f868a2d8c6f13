"""The demo's writer stages its batches and copies them in id order: the store ends up with
exactly the rows (values, types, change numbers) that writing each batch straight into the
store's tables gave, with the same indexes, triggers and spatial index."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import text

from gridapp.demo.build import _Writer
from gridapp.demo.staging import stage_path
from gridapp.domain.case import Case, CaseEvent, CaseState, Source
from gridapp.domain.catalog import CaseKind
from gridapp.domain.places import Location
from gridapp.store.bulk import CaseBulkWriter, case_rows
from gridapp.store.store import Store

T0 = datetime(2026, 3, 1, 9, 0)


def _batch(ids: list[int]):
    """Cases of one street: their ids fall among another street's, as in the demo."""
    cases, events = [], []
    for i in ids:
        at = T0 + timedelta(minutes=i)
        c = Case(source=Source.HOTLINE_12345, kind=CaseKind.EVENT, class_code="E0506",
                 x=None if i == 4 else 500_000.0 + i, y=None if i == 4 else 3_400_000.0,
                 reported_at=at, reporter_id=2, description=f"第{i}件",
                 location=Location("420102002002005", "420102002002", "420102002"),
                 external_id=f"HL-{i}")
        c.id = i
        cases.append(c)
        events.append(CaseEvent(i, 1, "report", 2, "acceptor", at, None, CaseState.REPORTED,
                                "导入", {"source": "hotline_12345"}))
        if i % 2:
            events.append(CaseEvent(i, 2, "register", 3, "acceptor", at, CaseState.REPORTED,
                                    CaseState.REGISTERED, "它's \"引号\"\n换行",
                                    {"z": [1, 2.5, None], "a": "中文"}, ("abc",)))
    return case_rows(cases, events, sqlite=True)


BATCHES = ([1, 3, 5, 8], [2, 4, 9], [6, 7])


def _dump(store: Store) -> dict:
    with store.read() as conn:
        q = lambda sql: conn.execute(text(sql)).all()  # noqa: E731
        cols = [r[1] for r in q("PRAGMA table_info(cases)") if r[1] != "geom"]
        ecols = [r[1] for r in q("PRAGMA table_info(case_events)")]
        return {
            "cases": q(f"SELECT {', '.join(cols)}, hex(geom), "
                       f"{', '.join(f'typeof({c})' for c in cols)} FROM cases ORDER BY id"),
            "events": q(f"SELECT *, {', '.join(f'typeof({c})' for c in ecols)} "
                        "FROM case_events ORDER BY case_id, seq"),
            "schema": q("SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN "
                        "('cases', 'case_events') ORDER BY type, name"),
            "rtree": q("SELECT pkid, xmin, ymin FROM idx_cases_geom ORDER BY pkid"),
            "changes": q("SELECT seq FROM change_counter"),
        }


def test_staged_batches_store_what_direct_batches_stored(tmp_path):
    direct = Store.create(str(tmp_path / "direct.sqlite"))
    for ids in BATCHES:  # as the writer did before: each batch into the store's tables
        with direct.uow() as uow:
            CaseBulkWriter(uow.conn).write_prepared(_batch(ids), rebuild_indexes=False)
            uow.commit()
    staged = Store.create(str(tmp_path / "staged.sqlite"))
    writer = _Writer(staged)
    for ids in BATCHES:
        writer.put(_batch(ids))
    writer.close()
    try:
        a, b = _dump(direct), _dump(staged)
        assert len(a["cases"]) == 9 and len(a["events"]) == 14 and len(a["rtree"]) == 8
        assert a == b
        assert not stage_path(staged.url).exists()
    finally:
        direct.close()
        staged.close()


def test_a_failed_build_leaves_no_staging_file(tmp_path):
    store = Store.create(str(tmp_path / "s.sqlite"))
    writer = _Writer(store)
    writer.put(_batch([1, 2]))
    writer.stop()  # the build failed: no copy
    try:
        assert not stage_path(store.url).exists()
        with store.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM cases")).scalar() == 0
    finally:
        store.close()
