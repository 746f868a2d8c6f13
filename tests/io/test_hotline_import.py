"""12345 exports: GCJ-02 converted, duplicates linked, re-imports skipped, bad rows named."""

from datetime import datetime

import pandas as pd
import pytest
from factories import X0, Y0, act, cell_center, cli_env

from gridapp.cli import main
from gridapp.domain import workflow as wf
from gridapp.domain.actions import Action
from gridapp.domain.case import CaseState, Source
from gridapp.domain.errors import InvalidInput
from gridapp.io.crs import store_to_lonlat
from gridapp.io.errors import ImportRejected
from gridapp.io.hotline import HotlineMapping, import_context, parse_hotline
from gridapp.services.hotline import import_reports
from gridapp.services.ports import CaseQuery


def ticket(n, xy, cls="暴露垃圾", when="2026-11-02 09:30", **extra):
    lon, lat = store_to_lonlat(xy[0], xy[1], 4547, "gcj02")
    return {"工单编号": f"GD2026{n:06d}", "受理时间": when, "问题分类": cls,
            "经度": f"{float(lon):.7f}", "纬度": f"{float(lat):.7f}",
            "问题地址": "三阳路12号", "问题描述": "路边垃圾成堆", "来电人": "王先生",
            "联系电话": "13900000000", **extra}


def write(tmp_path, rows, name="export.csv"):
    path = tmp_path / name
    df = pd.DataFrame(rows)
    if name.endswith(".xlsx"):
        df.to_excel(path, index=False)
    else:
        df.to_csv(path, index=False, encoding="utf-8-sig")
    return path


NOW = datetime(2026, 11, 20, 12, 0)


@pytest.fixture(autouse=True)
def _the_day_of_the_export(frozen_clock):
    """The store's clock on the day the export was made, whatever day the suite runs."""
    frozen_clock(NOW)


def run(store, path, mapping=None, user="acceptor"):
    batch = parse_hotline(path, mapping or HotlineMapping(), import_context(store, NOW))
    return import_reports(store.uow(), user, batch)


def all_cases(store):
    with store.uow(write=False) as uow:
        return {c.external_id: c for c in uow.cases.find(CaseQuery(limit=None))}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_locates_links_duplicates_and_skips_known_tickets(store, tmp_path, fmt):
    a, b = cell_center("420102001001", 2), cell_center("420102002002", 6)
    rows = [ticket(1, a), ticket(2, (a[0] + 15, a[1]), when="2026-11-02 11:00"),
            ticket(3, b, "共享单车乱停放", "2026-11-02 10:00"),
            ticket(4, (X0 + 150, Y0 + 210), "占道经营", "2026-11-03 08:00")]
    path = write(tmp_path, rows, f"export.{fmt}")
    s = run(store, path)
    assert (s.imported, s.linked_duplicates, s.already_imported) == (4, 1, 0)
    got = all_cases(store)
    first, dup = got["GD2026000001"], got["GD2026000002"]
    assert abs(first.x - a[0]) < 0.01 and abs(first.y - a[1]) < 0.01  # GCJ-02 undone
    assert first.state is CaseState.REPORTED and first.source is Source.HOTLINE_12345
    assert first.location.cell_code == "420102001001002" and first.class_code == "E0102"
    assert dup.state is CaseState.REJECTED and dup.duplicate_of == first.id
    assert got["GD2026000004"].location.road_chief_id is not None  # 10 m from 解放大道
    assert got["GD2026000003"].class_code == "E0506"
    with store.uow(write=False) as uow:
        assert wf.replay(uow.cases.events(dup.id)).state is CaseState.REJECTED
        trail = uow.cases.events(first.id)
    assert trail[0].actor_role == "acceptor" and trail[0].data["imported"]["row"] == 2  # as the spreadsheet numbers it
    # the loop continues from the imported case like any other
    assert act(store, 'acceptor', first.id, Action.REGISTER).case.state is CaseState.REGISTERED
    # the same export again: nothing new
    again = run(store, path)
    assert (again.imported, again.already_imported) == (0, 4)
    # a later ticket near an open imported case links to it
    more = write(tmp_path, [ticket(5, (a[0], a[1] + 10), when="2026-11-02 15:00")], "more.csv")
    assert run(store, more).linked_duplicates == 1


def test_bad_rows_are_named_and_nothing_is_written(sqlite_store, tmp_path):
    a = cell_center("420102001001", 2)
    rows = [ticket(1, a), ticket(2, a, when="明天上午"), ticket(3, a, cls="外星人入侵"),
            {**ticket(4, a), "经度": ""}, ticket(1, (a[0], a[1] + 100)),
            {**ticket(6, a), "纬度": "95.0"}]
    path = write(tmp_path, rows)
    with pytest.raises(ImportRejected) as e:
        run(sqlite_store, path)
    text = str(e.value)
    # rows as Excel shows them: the header is row 1
    assert "6 problem(s)" in text
    assert "export.csv, row 3 [受理时间]: cannot read the time '明天上午'" in text
    assert "row 4 [问题分类]: class '外星人入侵' is not in the catalog" in text
    assert "row 5 [经度]: only one coordinate: 经度 is empty" in text
    assert "row 6 [工单编号]: ticket GD2026000001 appears on rows 2, 6 with different " \
        "content" in text
    assert "row 7 [经度, 纬度]: (" in text and ", 95.0) is far from 江岸区" in text  # lat 95: none
    assert all_cases(sqlite_store) == {}


def test_points_outside_the_district_are_refused(sqlite_store, tmp_path):
    a = cell_center("420102001001", 2)
    path = write(tmp_path, [ticket(1, a), ticket(2, (X0 - 500, Y0 - 500))])
    with pytest.raises(ImportRejected, match=r"export.csv, row 3 \[经度, 纬度\]: \(\d+\.\d+, "
                       r"\d+\.\d+\) lies outside every unit grid cell of 江岸区 \(\d+ m from "):
        run(sqlite_store, path)
    assert all_cases(sqlite_store) == {}


def test_only_acceptors_import(sqlite_store, tmp_path):
    path = write(tmp_path, [ticket(1, cell_center("420102001001", 2))])
    with pytest.raises(Exception, match="may not import"):
        run(sqlite_store, path, user="worker1")


def test_presets_map_columns_and_categories_and_are_saved(sqlite_store, tmp_path):
    from click.testing import CliRunner
    a = cell_center("420102002001", 7)
    lon, lat = store_to_lonlat(a[0], a[1], 4547, "bd09")
    rows = [{"TicketNo": "B-1", "CallTime": "02/11/2026 09:05", "Topic": "垃圾乱倒",
             "X": f"{float(lon):.7f}", "Y": f"{float(lat):.7f}", "Channel": "12319"}]
    path = write(tmp_path, rows, "baidu.csv")
    args = ["--db", sqlite_store.url, "--json", "import", "hotline", str(path), "--as",
            "acceptor", "--preset", "baidu", "--map", "external_id=TicketNo", "--map",
            "reported_at=CallTime", "--map", "category=Topic", "--map", "lon=X", "--map",
            "lat=Y", "--map", "source=Channel", "--category", "垃圾乱倒=E0102",
            "--coords", "bd09", "--time-format", "%d/%m/%Y %H:%M", "--save-preset", "baidu"]
    r = CliRunner().invoke(main, args, env=cli_env(args))
    assert r.exit_code == 0, r.output
    c = all_cases(sqlite_store)["B-1"]
    assert c.source is Source.HOTLINE_12319 and c.class_code == "E0102"
    assert c.reported_at.isoformat() == "2026-11-02T09:05:00"
    assert abs(c.x - a[0]) < 0.01 and abs(c.y - a[1]) < 0.01
    with sqlite_store.uow(write=False) as uow:
        saved = uow.config.presets()["baidu"]
    assert saved["columns"]["external_id"] == "TicketNo" and saved["coords"] == "bd09"
    rows2 = [{**rows[0], "TicketNo": "B-2", "X": rows[0]["X"]}]
    r2 = CliRunner().invoke(main, ["--db", sqlite_store.url, "import", "hotline",
                                   str(write(tmp_path, rows2, "b2.csv")), "--as", "acceptor",
                                   "--preset", "baidu"], env=cli_env(["--as", "acceptor"]))
    assert r2.exit_code == 0 and "imported 1 case(s) (1 linked as duplicates," in r2.output


def test_gb18030_csv_and_dry_run(sqlite_store, tmp_path):
    path = tmp_path / "gbk.csv"
    pd.DataFrame([ticket(1, cell_center("420102001002", 1))]).to_csv(path, index=False,
                                                                      encoding="gb18030")
    batch = parse_hotline(path, HotlineMapping(), import_context(sqlite_store, NOW))
    assert batch.description == ["路边垃圾成堆"]
    s = import_reports(sqlite_store.uow(), "acceptor", batch, dry_run=True)
    assert s.imported == 1 and all_cases(sqlite_store) == {}


def test_cancelled_import_leaves_nothing(sqlite_store, tmp_path):
    from gridapp.io.places_import import Cancelled
    rows = [ticket(i, cell_center("420102001001", 1 + i % 8), when=f"2026-11-0{1 + i % 5} 10:00")
            for i in range(1, 40)]
    path = write(tmp_path, rows)
    batch = parse_hotline(path, HotlineMapping(), import_context(sqlite_store, NOW))

    def cancel(done, total, what):
        if what.startswith("writing"):
            raise Cancelled("the user pressed cancel")
    with pytest.raises(Cancelled):
        import_reports(sqlite_store.uow(), "acceptor", batch, cancel)
    assert all_cases(sqlite_store) == {}


def test_overlong_texts_are_named_by_row_and_nothing_is_written(sqlite_store, tmp_path):
    rows = [ticket(1, cell_center("420102001001", 2)),
            ticket(2, cell_center("420102001001", 3), 问题描述="堆" * 2500)]
    with pytest.raises(InvalidInput, match=r"row \d \[description\]: 2,500 characters; at most"):
        run(sqlite_store, write(tmp_path, rows))
    assert all_cases(sqlite_store) == {}


def test_the_import_takes_the_readers_cells_only_while_the_places_are_the_same(
        sqlite_store, tmp_path):
    """The reader's cells ride on the batch with the place index they came from; the import
    takes them from that same index only (looking up the rows without one), and looks all
    up again once the places have changed."""
    rows = [ticket(k, cell_center("420102001001", 2 + k % 3)) for k in range(6)]
    rows.append({**ticket(9, cell_center("420102001001", 2)), "经度": "", "纬度": ""})
    batch = parse_hotline(write(tmp_path, rows), HotlineMapping(),
                          import_context(sqlite_store, NOW))
    assert batch.cells_from is not None and batch.cells[-1] is None
    assert all(batch.cells[:6]) and len(batch.cells) == len(batch)
    x, y = batch.x[:6], batch.y[:6]
    with sqlite_store.uow(write=False) as uow:
        fresh = uow.places.locate_many(x, y, 30.0)
        wrong = ["not-a-cell"] * 5 + [None]
        assert uow.places.locate_many(x, y, 30.0, (batch.cells_from, batch.cells[:6])) == fresh
        taken = uow.places.locate_many(x, y, 30.0, (uow.places.index(), wrong))
        assert taken.cell_code == wrong[:5] + fresh.cell_code[5:]  # the index's own word
        assert taken.segment_id == fresh.segment_id
        # another index (the places changed since): every cell looked up again
        assert uow.places.locate_many(x, y, 30.0, (object(), wrong)) == fresh


def test_without_a_district_only_points_outside_china_are_refused(sqlite_store, tmp_path):
    """A store without its district's boundary checks lon/lat against China's box, and
    names exactly the rows outside it, in file order."""
    rows = [ticket(k, cell_center("420102001001", 2)) for k in range(5)]
    rows[1] = {**rows[1], "经度": "10.5"}
    rows[3] = {**rows[3], "纬度": "80.25"}
    ctx = import_context(sqlite_store, NOW)
    ctx.district, ctx.places = None, None
    with pytest.raises(ImportRejected) as e:
        parse_hotline(write(tmp_path, rows), HotlineMapping(), ctx)
    problems = [line for line in str(e.value).splitlines() if "not a lon/lat in China" in line]
    assert len(problems) == 2
    assert "row 3" in problems[0] and "10.5" in problems[0] and "row 5" in problems[1]
