"""The 12345 import's column-wise path (services/hotline_rows.py) stores exactly what every
row through the transition table as objects stored: cases, audit rows and their seals, row
for row; the district's real export (addresses, catch-all, 待定位, another source) and a
file of duplicates, of each other and of cases already in the store."""

import shutil
from datetime import timedelta

import pytest
from factories import cell_center, clock
from test_hotline_import import ticket, write
from test_real_exports import MAPPING, NOW, XLSX, add_catch_all, add_landmarks

from gridapp.domain import workflow as wf
from gridapp.domain.audit import first_broken
from gridapp.io.hotline import HotlineMapping, import_context, parse_hotline
from gridapp.io.mapping import load_mapping
from gridapp.services.hotline import import_reports
from gridapp.store.store import Store


@pytest.fixture(autouse=True)
def _the_day_of_the_export(frozen_clock):
    frozen_clock(NOW)


def _stored(store):
    from sqlalchemy import text as sql
    with store.engine.connect() as conn:
        return {table: conn.execute(sql(f"SELECT * FROM {table} ORDER BY {order}")).all()
                for table, order in (("cases", "id"), ("case_events", "case_id, seq"))}


def _duplicates(tmp_path):
    """Clusters of tickets close in place and time (duplicates of each other), a second
    source, rows without coordinates, and a ticket with an apostrophe and a backslash."""
    a, b = cell_center("420102001001", 2), cell_center("420102002002", 6)
    when = NOW - timedelta(days=2)
    rows = []
    for k in range(30):
        base = a if k % 3 else b
        rows.append(ticket(100 + k, (base[0] + (k % 4) * 7, base[1] + (k % 5) * 3),
                           cls=["暴露垃圾", "共享单车乱停放"][k % 2],
                           when=f"{when + timedelta(minutes=37 * k):%Y-%m-%d %H:%M}",
                           来源="12319" if k % 7 == 0 else "12345"))
    rows.append({**ticket(200, a), "经度": "", "纬度": "", "问题地址": "不知道哪里"})
    rows.append(ticket(201, a, 问题描述='他说"路灯\\坏了"，王\'s 店门口'))
    return write(tmp_path, rows, "dups.csv")


def _import(store, path, mapping):
    clock(store, NOW)
    return import_reports(store.uow(), "acceptor",
                          parse_hotline(path, mapping, import_context(store, NOW)))


def test_the_column_wise_import_stores_what_the_engine_path_stored(sqlite_template, tmp_path,
                                                                   monkeypatch):
    import gridapp.services.hotline as hotline
    dups = _duplicates(tmp_path)
    later = write(tmp_path, [ticket(300 + k, cell_center("420102001001", 2),
                                    when=f"{NOW - timedelta(hours=20 - k):%Y-%m-%d %H:%M}")
                             for k in range(3)], "later.csv")

    def imported(name, lean):
        shutil.copy(sqlite_template, tmp_path / name)
        store = Store.open(str(tmp_path / name))
        add_catch_all(store)
        add_landmarks(store)
        summaries = []
        with monkeypatch.context() as m:
            m.setattr(hotline, "LEAN", lean)
            summaries.append(_import(store, XLSX, load_mapping(MAPPING)))
            summaries.append(_import(store, dups, HotlineMapping()))
            summaries.append(_import(store, later, HotlineMapping()))  # originals in the store
        return store, summaries

    lean, got = imported("lean.sqlite", True)
    engine, expected = imported("engine.sqlite", False)
    assert got == expected
    assert got[1].linked_duplicates > 5 and got[2].linked_duplicates == 3
    assert got[0].unplaced == 3 and got[0].located_from_address == 5
    rows, reference = _stored(lean), _stored(engine)
    assert len(rows["cases"]) == 45 + 32 + 3
    assert rows == reference
    with lean.uow(write=False) as uow:  # sealed chains that replay to the stored state
        for case_id, *_ in rows["cases"]:
            trail = uow.cases.events(case_id)
            assert first_broken(trail) is None
            assert wf.replay(trail).state is uow.cases.get(case_id).state
    lean.close()
    engine.close()


def test_a_row_the_fast_path_does_not_vouch_for_goes_through_the_engine(sqlite_store, tmp_path,
                                                                        monkeypatch):
    """A duplicate (the REJECT rule) is the engine's; every other row is built column-wise."""
    import gridapp.services.hotline_rows as rows
    calls = []
    real = rows.ColumnRows

    def counted(out, linked):
        calls.append(sorted(out.engine))
        return real(out, linked)
    monkeypatch.setattr(rows, "ColumnRows", counted)
    s = _import(sqlite_store, _duplicates(tmp_path), HotlineMapping())
    assert s.linked_duplicates == len(calls[0]) > 0


def test_report_times_become_the_same_datetime64_as_numpy_makes():
    from datetime import UTC, datetime

    import numpy as np

    from gridapp.services.hotline import _datetime64
    naive = [datetime(2026, 11, 2, 9, 30, 0, 123456), datetime(1900, 1, 1), datetime(3000, 1, 1)]
    aware = [datetime(2026, 11, 2, 9, 30, tzinfo=UTC)]
    for times in (naive, naive[:1], []):
        got = _datetime64(times)
        assert got.dtype == np.dtype("datetime64[us]")
        assert got.tolist() == np.array(times, dtype="datetime64[us]").tolist()
    with pytest.warns(UserWarning):  # numpy's own answer for aware times, warning included
        assert _datetime64(aware).tolist() == [datetime(2026, 11, 2, 9, 30)]
