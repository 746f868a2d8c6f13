"""Field packages for QField: made for one person, edited as QField edits them, merged back
through the transition table, conflicts held, merging twice changes nothing."""

import io
import json
import re
from datetime import datetime

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
from factories import X0, Y0, act, clock
from PIL import Image

from gridapp.app import problem_text
from gridapp.domain.actions import Action
from gridapp.domain.case import CaseState
from gridapp.domain.errors import InvalidInput, PermissionDenied
from gridapp.io.field_import import decide, import_package
from gridapp.io.field_package import export_package
from gridapp.services import cases as svc
from gridapp.store import field as fq

T0 = datetime(2026, 11, 2, 9, 0)
ON_ROAD = (X0 + 150, Y0 + 205)  # on 解放大道西段, chief1's segment


def jpeg(color=(200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buf, "JPEG")
    return buf.getvalue()


def _case_for_chief(store, dx: float) -> object:
    c = svc.report(store.uow(), "worker1", class_code="E0102", x=ON_ROAD[0] + dx,
                   y=ON_ROAD[1]).case
    act(store, "acceptor", c.id, Action.REGISTER)
    act(store, "dispatcher", c.id, Action.DISPATCH, assignee="road_chief:chief1")
    return act(store, "chief1", c.id, Action.SIGN).case


def qfield_edits(folder, layer: str, rows: list[dict], point: bool = True) -> None:
    """Rows added to an edit layer of the package's GeoPackage, as QField writes them."""
    gpkg = next(folder.glob("*.gpkg"))
    geoms = [r.pop("geometry", None) for r in rows]
    df = pd.DataFrame(rows)
    if point:
        df = gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geoms, crs="EPSG:4547"))
    pyogrio.write_dataframe(df, gpkg, layer=layer, driver="GPKG", append=True)


@pytest.fixture
def package(store, tmp_path):
    clock(store, T0)
    a, b = _case_for_chief(store, 0), _case_for_chief(store, 80)
    clock(store, datetime(2026, 11, 2, 10, 0))
    info = export_package(store, "chief1", tmp_path, "chief1")
    return store, info, a, b


def test_a_package_carries_his_area_cases_and_the_forms_his_role_allows(package):
    store, info, a, b = package
    folder = info.folder
    assert info.project.exists() and (folder / "package.json").exists()
    assert info.edit_layers == ("reports", "checkins", "rectifications")  # no verification
    layers = {name for name, _ in pyogrio.list_layers(next(folder.glob("*.gpkg")))}
    assert {"segments", "cases", "components", "reports", "checkins",
            "rectifications"} <= layers and "verifications" not in layers
    cases = pyogrio.read_dataframe(next(folder.glob("*.gpkg")), layer="cases")
    assert set(cases.id) == {a.id, b.id} and set(cases.state) == {"in_progress"}
    segs = pyogrio.read_dataframe(next(folder.glob("*.gpkg")), layer="segments")
    assert list(segs.code) == ["420102-R001-01"]
    project = info.project.read_text(encoding="utf-8")
    assert 'type="ValueMap"' in project and 'type="ExternalResource"' in project
    assert "uuid()" in project and "'chief1'" in project and "E0102 暴露垃圾" in project
    with store.read() as conn:
        pkg = fq.package(conn, info.id)
    assert pkg["cases"] == {a.id: a.version, b.id: b.version}
    with pytest.raises(PermissionDenied):
        export_package(store, "chief2", folder.parent, "chief1")  # only his own


def test_the_round_trip_applies_holds_the_conflict_and_is_idempotent(package):
    store, info, a, b = package
    folder = info.folder
    (folder / "DCIM" / "fixed.jpg").write_bytes(jpeg((30, 160, 30)))
    (folder / "DCIM" / "found.jpg").write_bytes(jpeg())
    clock(store, datetime(2026, 11, 2, 11, 0))
    act(store, "boss", b.id, Action.SUPERVISE, note="抓紧处置")  # the command room meanwhile
    when = datetime(2026, 11, 2, 10, 40)
    qfield_edits(folder, "reports", [{
        "uuid": "r-1", "made_at": when, "person": "chief1", "class_code": "E0102",
        "description": "路面垃圾", "address": "解放大道", "photo": "DCIM/found.jpg",
        "geometry": shapely.Point(X0 + 300, Y0 + 210)}])
    qfield_edits(folder, "checkins", [{"uuid": "c-1", "made_at": when, "person": "chief1",
                                       "note": "到岗", "geometry": shapely.Point(*ON_ROAD)}])
    qfield_edits(folder, "rectifications", [
        {"uuid": "x-a", "made_at": when, "person": "chief1", "case_id": a.id,
         "note": "已清理", "photo": "DCIM/fixed.jpg"},
        {"uuid": "x-b", "made_at": when, "person": "chief1", "case_id": b.id,
         "note": "已清理"}], point=False)
    clock(store, datetime(2026, 11, 2, 12, 0))
    r = import_package(store, folder, "chief1")
    assert sorted(x["edit"] for x in r.applied) == ["c-1", "r-1", "x-a"]
    assert [x["edit"] for x in r.conflicts] == ["x-b"] and not r.refused
    view = svc.view(store.uow(), "chief1", a.id)
    assert view.case.state is CaseState.RECTIFIED
    last = view.events[-1]
    assert last.action == "rectify" and last.actor_id == view.case.rectifier_ids.__iter__().__next__()
    assert last.at == datetime(2026, 11, 2, 12, 0)  # the store's clock at the merge …
    assert last.data["field"]["time"] == "2026-11-02T10:40:00"  # … the device's time kept
    assert last.data["field"]["package"] == info.id and last.attachments
    new = next(x for x in r.applied if x["edit"] == "r-1")
    reported = svc.view(store.uow(), "chief1", new["case"])
    assert reported.case.source.value == "road_chief_patrol" and reported.photos
    assert svc.view(store.uow(), "chief1", b.id).case.state is CaseState.IN_PROGRESS  # held
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM patrol_checkins").scalar() == 1
        held = fq.edits(conn, "conflict")
    assert [(d["edit_id"], d["case_id"]) for d in held] == [("x-b", b.id)]
    # merged again: nothing changes
    again = import_package(store, folder, "chief1")
    assert (again.applied, again.conflicts, again.skipped) == ([], [], 4)
    # the command room decides: chief1's fix accepted as a new action
    with pytest.raises(PermissionDenied):
        decide(store, info.id, "x-b", True, "chief1")
    out = decide(store, info.id, "x-b", True, "dispatcher")
    assert out["status"] == "accepted"
    view_b = svc.view(store.uow(), "chief1", b.id)
    assert view_b.case.state is CaseState.RECTIFIED
    assert view_b.events[-1].data["field"]["conflict_accepted_by"] == "dispatcher"


def test_bad_edits_are_named_and_nothing_is_merged(package):
    store, info, a, _b = package
    folder = info.folder
    (folder / "DCIM" / "half.jpg").write_bytes(jpeg()[:200])
    clock(store, datetime(2026, 11, 2, 12, 0))
    qfield_edits(folder, "reports", [
        {"uuid": "r-1", "made_at": datetime(2026, 11, 3, 9, 0), "person": "chief1",
         "class_code": "E0102", "geometry": shapely.Point(*ON_ROAD)},
        {"uuid": "r-2", "made_at": datetime(2026, 11, 2, 11, 0), "person": "chief1",
         "class_code": "Z9999", "photo": "DCIM/half.jpg",
         "geometry": shapely.Point(X0 + 5000, Y0)}])
    qfield_edits(folder, "rectifications", [
        {"uuid": "x-a", "made_at": datetime(2026, 11, 2, 9, 30), "person": "chief1",
         "case_id": a.id, "note": ""}], point=False)
    with pytest.raises(InvalidInput) as err:
        import_package(store, folder, "chief1")
    msg = str(err.value)
    assert "reports row 1 [made_at]: 2026-11-03 09:00 is in the future" in msg
    assert "reports row 2 [geometry]" in msg and "outside every unit grid cell" in msg
    assert "reports row 2 [class_code]: 'Z9999'" in msg
    assert "half.jpg is damaged or incomplete" in msg
    assert "rectifications row 1 [made_at]: 2026-11-02 09:30 is before the package was made" \
        in msg and "rectifications row 1 [note]" in msg
    with store.read() as conn:
        assert fq.edits(conn) == []
    assert svc.view(store.uow(), "chief1", a.id).case.state is CaseState.IN_PROGRESS
    # the client shows every line in Chinese, with the layer by its form's name
    zh = problem_text.lines(msg, "zh")
    assert zh.splitlines()[0] == "外业包有 6 个问题，未合并任何内容："
    assert "chief1.gpkg，新上报 第 1 行 [made_at]：2026-11-03 09:00 晚于当前时间" in zh
    assert "chief1.gpkg，新上报 第 2 行 [class_code]：'Z9999' 不是分类目录中的类别" in zh
    assert "照片 DCIM/half.jpg 已损坏或不完整，无法显示" in zh
    assert "处置反馈 第 1 行 [note]：处置反馈须填写处置说明" in zh
    for line in zh.splitlines():   # no English left but the columns' own names
        words = re.findall(r"[A-Za-z]{3,}", re.sub(r"\[[^\]]*\]|'[^']*'|\S+\.(gpkg|jpg)", "", line))
        assert words == [], line


def test_a_package_from_elsewhere_is_refused(package, tmp_path):
    store, info, _a, _b = package
    meta = json.loads((info.folder / "package.json").read_text(encoding="utf-8"))
    meta["package"] = "00000000-0000-0000-0000-000000000000"
    (info.folder / "package.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(InvalidInput, match="was not made by this store"):
        import_package(store, info.folder, "chief1")
    with pytest.raises(InvalidInput, match="not a field package"):
        import_package(store, tmp_path, "chief1")


def test_the_command_line_exports_merges_and_decides(sqlite_store, tmp_path):
    from click.testing import CliRunner
    from factories import cli_env
    from sqlalchemy.engine import make_url

    from gridapp.cli import main
    from gridapp.domain.clock import wall_clock
    store = sqlite_store
    clock(store, T0)
    a = _case_for_chief(store, 0)
    db = make_url(store.url).database

    def run(*args):
        args = ["--db", db, "--json", *map(str, args)]
        r = CliRunner().invoke(main, args, env=cli_env(args))
        assert r.exit_code == 0, r.output
        return json.loads(r.output)
    store.close()
    out = run("field", "export", "--for", "chief1", "--out", tmp_path, "--as", "admin")
    folder = tmp_path / out["folder"]
    assert out["cases"] == 1 and out["edit_layers"] == ["reports", "checkins", "rectifications"]
    qfield_edits(folder, "rectifications", [
        {"uuid": "x-a", "made_at": wall_clock("Asia/Shanghai"), "person": "chief1",
         "case_id": a.id, "note": "已清理"}], point=False)
    merged = run("field", "import", folder, "--as", "chief1")
    assert [x["edit"] for x in merged["applied"]] == ["x-a"]
    assert run("field", "conflicts") == []
