"""立案 corrects a wrong class and point: audited, the ownership recomputed, the time limit
of the new class given at dispatch; bad corrections are refused and change nothing."""

import json

import pytest
from click.testing import CliRunner
from factories import X0, Y0, act, cell_center, cli_env

from gridapp.cli import main
from gridapp.domain.actions import Action
from gridapp.domain.case import CaseState, Source
from gridapp.domain.errors import IllegalTransition, InvalidInput
from gridapp.domain.places import LocatedBy
from gridapp.services import cases as svc


def reported(store, cls="E0102", where=("420102001001", 2)):
    x, y = cell_center(*where)
    return act(store, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
               class_code=cls, x=x, y=y, description="路边垃圾").case


def test_register_corrects_class_and_point_and_the_audit_keeps_both(store):
    case = reported(store)
    x, y = cell_center("420102002002", 6)     # the worker clicked the wrong block
    out = act(store, "acceptor", case.id, Action.REGISTER, class_code="E0103", x=x, y=y,
              address="大智街 大智社区 黄浦路东侧", note="类别与位置已更正")
    c = out.case
    assert c.state is CaseState.REGISTERED and c.class_code == "E0103"
    assert c.location.cell_code == "420102002002006" and c.location.street_code == "420102002"
    assert c.location.grid_worker_id is not None and c.located_by is LocatedBy.MAP
    assert c.address == "大智街 大智社区 黄浦路东侧"
    row = svc.view(store.uow(), None, case.id).events[-1]
    assert row.action == "register" and row.reason == "类别与位置已更正"
    assert row.data["class"] == "E0103" and row.data["previous"]["class"] == "E0102"
    assert row.data["previous"]["cell_code"] == "420102001001002"
    assert row.data["cell_code"] == "420102002002006"
    assert (row.data["previous"]["x"], row.data["previous"]["y"]) == cell_center(
        "420102001001", 2)
    # dispatch gives the corrected class's time limit (1 working day, not 4 hours)
    d = act(store, "dispatcher", case.id, Action.DISPATCH, assignee=("department",
                                                                     "sanitation")).case
    with store.uow(write=False) as uow:
        day = uow.config.calendar().minutes_per_day
    assert d.time_limit_minutes == day != 240
    stored = svc.view(store.uow(), None, case.id).case   # read back from the store
    assert (stored.class_code, stored.location.cell_code) == ("E0103", "420102002002006")


def test_register_without_corrections_records_none(store):
    case = reported(store)
    out = act(store, "acceptor", case.id, Action.REGISTER, class_code="E0102")
    row = out.events[0]
    assert "previous" not in row.data and out.case.class_code == "E0102"


@pytest.mark.parametrize("values, says", [
    ({"class_code": "E9999"}, "'E9999' is no class"),
    ({"x": X0 - 5000, "y": Y0 - 5000}, "outside every unit grid cell"),
    ({"x": X0 + 100}, "needs both x and y"),
])
def test_bad_corrections_are_refused_and_change_nothing(store, values, says):
    case = reported(store)
    with pytest.raises(InvalidInput, match=says) as err:
        act(store, "acceptor", case.id, Action.REGISTER, **values)
    assert err.value.params["case"] == case.number
    v = svc.view(store.uow(), None, case.id)
    assert v.case.state is CaseState.REPORTED and len(v.events) == 1
    assert v.case.class_code == "E0102"


def test_a_component_case_keeps_a_class_that_describes_its_component(sqlite_store):
    x, y = X0 + 150, Y0 + 205
    case = act(sqlite_store, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
               class_code="C0101", x=x, y=y, component_code="4201020101000001").case
    with pytest.raises(InvalidInput, match="component 4201020101000001"):
        act(sqlite_store, "acceptor", case.id, Action.REGISTER, class_code="E0102")


def test_only_at_registration(sqlite_store):
    case = reported(sqlite_store)
    act(sqlite_store, "acceptor", case.id, Action.REGISTER)
    with pytest.raises(IllegalTransition):
        act(sqlite_store, "acceptor", case.id, Action.REGISTER, class_code="E0103")


def test_from_the_shell_with_lon_lat_and_the_address_of_a_report(sqlite_store):
    from gridapp.io.crs import store_to_lonlat
    url = sqlite_store.url
    sqlite_store.close()
    runner = CliRunner()

    def cli(*args):
        r = runner.invoke(main, ["--db", url, "--json", *map(str, args)], env=cli_env(args))
        assert r.exit_code == 0, (args, r.output, r.stderr)
        return json.loads(r.stdout)
    c = cli("case", "report", "--as", "worker1", "--class", "E0102", "--x", X0 + 150,
            "--y", Y0 + 215)
    assert c["address"] == "江岸区 一元街 三阳社区 解放大道北侧（黄浦路口以西约 250 米）"
    lon, lat = store_to_lonlat(*cell_center("420102002002", 6), 4547)
    r = cli("case", "register", c["number"], "--as", "acceptor", "--class", "E0103",
            "--lon", f"{float(lon):.7f}", "--lat", f"{float(lat):.7f}")
    assert r["class_code"] == "E0103" and r["cell_code"] == "420102002002006"
    assert r["events"][0]["data"]["previous"]["class"] == "E0102"
