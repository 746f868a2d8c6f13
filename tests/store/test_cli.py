"""`gridapp case …` runs a case through every path of the loop, with --json output."""

import json

import pytest
from click.testing import CliRunner
from factories import X0, Y0, cell_center, cli_env

from gridapp.cli import main


@pytest.fixture
def cli(sqlite_store):
    url = sqlite_store.url
    sqlite_store.close()
    runner = CliRunner()

    def run(*args, ok=True):
        result = runner.invoke(main, ["--db", url, "--json", *map(str, args)],
                               env={**cli_env(args), "GRIDAPP_NEW_PASSWORD": "new-secret"})
        if ok:
            assert result.exit_code == 0, (args, result.output, result.stderr)
            return json.loads(result.stdout)
        assert result.exit_code == 2, (args, result.output)
        return json.loads(result.stderr)
    return run


def test_every_path_from_the_shell(cli):
    x, y = cell_center("420102001002", 3)
    c = cli("case", "report", "--as", "worker1", "--class", "E0102", "--x", x, "--y", y,
            "--desc", "暴露垃圾")
    n = c["number"]
    assert c["state"] == "reported" and c["cell_code"] == "420102001002003"
    assert cli("case", "register", n, "--as", "acceptor")["state"] == "registered"
    assert cli("case", "suggest", n)[0]["basis"] == "street"
    d = cli("case", "dispatch", n, "--as", "dispatcher", "--department", "sanitation")
    assert d["state"] == "dispatched" and d["deadline_at"]
    assert cli("case", "return", n, "--as", "sanitation1", "--reason", "非本部门")["state"] == \
        "returned"
    cli("case", "dispatch", n, "--as", "dispatcher", "--department", "sanitation")
    cli("case", "sign", n, "--as", "sanitation1")
    cli("case", "extend", n, "--as", "sanitation1", "--by", "1d", "--reason", "车辆检修")
    assert cli("case", "extension", n, "--as", "boss", "--approve")["extension_count"] == 1
    cli("case", "suspend", n, "--as", "sanitation1", "--reason", "等待资金")
    assert cli("case", "suspension", n, "--as", "boss", "--approve")["state"] == "suspended"
    cli("case", "resume", n, "--as", "dispatcher")
    cli("case", "rectify", n, "--as", "sanitation1", "--note", "已清运")
    assert cli("case", "verify", n, "--as", "worker1", "--fail", "--note", "有残留")[
        "rework_count"] == 1
    cli("case", "rectify", n, "--as", "sanitation2", "--note", "再次清运")
    cli("case", "assign-verifier", n, "--as", "dispatcher", "--verifier", "worker2")
    cli("case", "verify", n, "--as", "worker2", "--pass")
    assert cli("case", "close", n, "--as", "leader_shift")["state"] == "closed"
    cli("case", "reinspect", n, "--as", "worker1", "--note", "回头看合格")
    assert cli("case", "reopen", n, "--as", "worker1", "--reason", "反弹")["state"] == "registered"
    cli("case", "supervise", n, "--as", "boss", "--note", "今日办结")
    shown = cli("case", "show", n, "--as", "dispatcher")
    assert shown["allowed_actions"] == ["dispatch"]
    assert [e["action"] for e in shown["events"]][-3:] == ["reinspect", "reopen", "supervise"]
    assert len(shown["events"]) == shown["version"]


def test_hotline_case_with_gcj02_reply_and_visit(cli):
    from gridapp.io.crs import store_to_lonlat
    x, y = X0 + 650, Y0 + 330
    lon, lat = (float(v) for v in store_to_lonlat(x, y, 4547, "gcj02"))
    c = cli("case", "report", "--as", "acceptor", "--class", "E0506", "--source",
            "hotline_12345", "--lon", lon, "--lat", lat, "--coords", "gcj02",
            "--contact", "李女士", "--external-id", "12345-0001")
    assert abs(c["x"] - x) < 0.01 and abs(c["y"] - y) < 0.01
    n = c["number"]
    cli("case", "register", n, "--as", "acceptor")
    cli("case", "dispatch", n, "--as", "dispatcher", "--department", "enforcement")
    cli("case", "sign", n, "--as", "enforce1")
    cli("case", "rectify", n, "--as", "enforce1", "--note", "已清理")
    cli("case", "assign-verifier", n, "--as", "dispatcher", "--verifier", "worker2")
    cli("case", "verify", n, "--as", "worker2", "--pass")
    cli("case", "close", n, "--as", "leader_shift")
    cli("case", "reply", n, "--as", "acceptor", "--note", "已处理")
    v = cli("case", "visit", n, "--as", "acceptor", "--satisfaction", "satisfied")
    assert v["satisfaction"] == "satisfied" and v["replied_at"]


def test_rejected_duplicate_and_errors(cli):
    x, y = cell_center("420102002001", 6)
    a = cli("case", "report", "--as", "worker2", "--class", "E0111", "--x", x, "--y", y)
    b = cli("case", "report", "--as", "worker1", "--class", "E0111", "--x", x + 5, "--y", y)
    assert b["state"] == "rejected" and b["duplicate_of_number"] == a["number"]
    bad = cli("case", "close", a["number"], "--as", "leader_shift", ok=False)
    assert bad["error"] == "illegal_transition" and a["number"] in bad["message"]
    stale = cli("case", "register", a["number"], "--as", "acceptor", "--expected-version", "7",
                ok=False)
    assert stale["error"] == "stale_case"
    r = cli("case", "reject", a["number"], "--as", "acceptor", "--reason", "invalid")
    assert r["reject_reason"] == "invalid"
    outside = cli("case", "report", "--as", "worker1", "--class", "E0111", "--x", X0 - 100, "--y",
                  Y0, ok=False)
    assert "outside" in outside["message"]
    listed = cli("case", "list", "--state", "rejected")
    assert listed["total"] == 2


def test_admin_verbs(cli):
    assert cli("catalog", "list")["version"] == 1
    assert cli("catalog", "edit", "E0102", "--as", "admin", "--limit", "6h")["version"] == 2
    denied = cli("catalog", "edit", "E0102", "--as", "worker1", "--limit", "6h", ok=False)
    assert denied["error"] == "permission_denied"
    assert cli("calendar", "deadline", "2026-09-30T17:00", "2h")["deadline"].startswith(
        "2026-10-08 10:00")
    cli("settings", "set", "duplicates.radius_m", "80", "--as", "admin")
    assert cli("settings", "show")["duplicates"]["radius_m"] == 80.0
    cli("person", "add", "newchief", "--name", "新路长", "--role", "road_chief", "--as", "admin")
    a = cli("assign", "road-chief", "420102-R002-01", "newchief", "--from", "2026-01-01",
            "--as", "admin")
    d = cli("dept", "add", "parks", "园林局", "--as", "admin")  # ends without a TypeError
    assert d["code"] == "parks" and d["id"] > 0
    assert a["target"] == "420102-R002-01"


def test_nobody_acts_without_their_password(sqlite_store):
    url = sqlite_store.url
    sqlite_store.close()
    runner = CliRunner()
    base = ["--db", url, "--json"]
    wrong = runner.invoke(main, [*base, "catalog", "edit", "E0102", "--as", "admin", "--limit",
                                 "6h"], env={"GRIDAPP_PASSWORD": "guess"})
    assert wrong.exit_code == 2 and "wrong user name or password" in wrong.stderr
    # no environment variable: the password is asked for at a hidden prompt
    typed = runner.invoke(main, [*base, "settings", "set", "warning_share", "0.7", "--as",
                                 "admin"], input="admin-pass\n", env={"GRIDAPP_PASSWORD": ""})
    assert typed.exit_code == 0, typed.output
    # creating people and resetting passwords need an authenticated administrator
    not_admin = runner.invoke(main, [*base, "person", "add", "mallory", "--name", "M", "--role",
                                     "admin", "--as", "worker1"],
                              env={"GRIDAPP_PASSWORD": "secret-worker1",
                                   "GRIDAPP_NEW_PASSWORD": "whatever1"})
    assert not_admin.exit_code == 2 and "not 系统管理员" in not_admin.stderr
    system = runner.invoke(main, [*base, "case", "list"])
    assert system.exit_code == 0
    as_system = runner.invoke(main, [*base, "case", "register", "1", "--as", "system"],
                              env={"GRIDAPP_PASSWORD": "anything"})
    assert as_system.exit_code == 2 and "not a login" in as_system.stderr
    # no password option exists at all: a password on the command line is refused by click
    on_line = runner.invoke(main, [*base, "person", "passwd", "worker1", "--password", "x"])
    assert on_line.exit_code == 2 and "No such option" in on_line.output
    own = runner.invoke(main, [*base, "person", "passwd", "worker1"],
                        env={"GRIDAPP_PASSWORD": "secret-worker1",
                             "GRIDAPP_NEW_PASSWORD": "new-secret-1"})
    assert own.exit_code == 0, own.output
    old = runner.invoke(main, [*base, "case", "list"], env={"GRIDAPP_PASSWORD": "secret-worker1"})
    assert old.exit_code == 0
