"""Times the store writes or judges by are the district's clock, whatever this computer's
zone: a case's updated_at, an assignment's start, and every `--at` of the analysis verbs."""

import json
from datetime import datetime

import pytest
from click.testing import CliRunner
from factories import act, cell_center, cli_env, clock
from sqlalchemy import text

from gridapp.cli import main
from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.domain.people import AssignmentKind
from gridapp.services import admin

T0 = datetime(2026, 11, 2, 9, 0)  # long before this computer's now


def test_updated_at_is_the_store_clock_not_this_computers(sqlite_store):
    x, y = cell_center("420102001001", 2)
    c = act(sqlite_store, "acceptor", None, Action.REPORT, source=Source.HOTLINE_12345,
            class_code="E0102", x=x, y=y, description="暴露垃圾", at=T0).case
    act(sqlite_store, "acceptor", c.id, Action.REGISTER, at=T0.replace(minute=20))
    with sqlite_store.engine.connect() as conn:
        stored = conn.execute(text("SELECT updated_at FROM cases WHERE id = :i"),
                              {"i": c.id}).scalar_one()
    assert str(stored).startswith("2026-11-02 09:20:00")


def test_an_assignment_starts_on_the_store_clock(sqlite_store):
    clock(sqlite_store, T0)
    a = admin.assign(sqlite_store.uow(), AssignmentKind.ROAD_CHIEF_SEGMENT, "420102-R001-01",
                     person="chief2")
    assert a.valid_from == T0


@pytest.fixture
def cli(sqlite_store, frozen_clock):
    frozen_clock(T0)
    url = sqlite_store.url
    sqlite_store.close()

    def run(*args):
        return CliRunner().invoke(main, ["--db", url, "--json", *args], env=cli_env(args))
    return run


def test_at_with_an_offset_is_read_in_the_district_zone(cli):
    out = cli("warnings", "--at", "2026-11-02T00:30Z")
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["at"] == "2026-11-02T08:30"
    out = cli("warnings", "--at", "2026-11-02T08:30+08:00")
    assert json.loads(out.stdout)["at"] == "2026-11-02T08:30"


@pytest.mark.parametrize("verb", [("warnings",), ("indicators", "--period", "2026-10"),
                                  ("assess", "--period", "2026-10")])
@pytest.mark.parametrize("at, why", [("1900-01-01", "earliest plausible"),
                                     ("2035-06-01T10:00", "in the future"),
                                     ("2026-11-02T09:30", "in the future")])
def test_an_impossible_at_is_refused(cli, verb, at, why):
    out = cli(*verb, "--at", at)
    assert out.exit_code == 2, out.output
    assert why in json.loads(out.stderr)["message"] and "Traceback" not in out.output
