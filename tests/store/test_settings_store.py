"""Settings in the store: `gridapp settings set` refuses bad values; old bad values don't bite."""

import json
from datetime import datetime

import pytest
from click.testing import CliRunner
from factories import cell_center, cli_env, clock
from sqlalchemy import text

from gridapp.cli import main
from gridapp.domain.case import Source
from gridapp.services import cases as svc
from gridapp.store.health import full_check


@pytest.fixture
def settings_cli(sqlite_store):
    url = sqlite_store.url
    sqlite_store.close()

    def run(*args):
        return CliRunner().invoke(main, ["--db", url, *map(str, args)], env=cli_env(args))
    return run


@pytest.mark.parametrize("key, value, words", [
    ("duplicates.window_hours", "nan", "a number > 0 and ≤ 8784"),
    ("photo_max_bytes", "-1", "a whole number ≥ 1024 and ≤ 104857600"),
    ("warning_share", "inf", "a number > 0 and < 1"),
    ("photo_max_pixels", "lots", "a whole number ≥ 10000 and ≤ 80000000"),
])
def test_settings_set_refuses_bad_values_in_one_line(settings_cli, key, value, words):
    r = settings_cli("settings", "set", key, value, "--as", "admin")
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and f"setting {key} must be {words}, not {value!r}" in lines[0]
    r = settings_cli("--json", "settings", "show")
    assert r.exit_code == 0 and "NaN" not in r.stdout
    assert json.loads(r.stdout)["photo_max_bytes"] == 10 * 1024 * 1024  # unchanged


def test_settings_set_saves_a_good_value(settings_cli):
    r = settings_cli("settings", "set", "duplicates.window_hours", "48", "--as", "admin")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip() == "duplicates.window_hours = 48.0"
    r = settings_cli("settings", "show")
    assert json.loads(r.stdout)["duplicates"]["window_hours"] == 48.0


def test_a_bad_value_saved_by_an_older_gridapp_no_longer_breaks_reports(store):
    """`duplicates.window_hours nan` used to make every later report fail."""
    poisoned = {"warning_share": 0.8, "road_tolerance_m": 30.0, "photo_max_bytes": -1,
                "duplicates": {"enabled": True, "radius_m": 50.0, "window_hours": "NaN",
                               "auto_link": True}}
    raw = json.dumps(poisoned).replace('"NaN"', "NaN")
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = :v WHERE key = 'settings'"), {"v": raw})
        conn.execute(text("UPDATE meta SET value = value || '1' WHERE key = 'config_revision'"))
    x, y = cell_center("420102001001", 2)
    at = datetime(2026, 11, 2, 9)
    clock(store, at)
    first = svc.report(store.uow(), "worker1", class_code="E0102", x=x, y=y,
                       description="暴露垃圾", source=Source.GRID_PATROL).case
    again = svc.report(store.uow(), "worker2", class_code="E0102", x=x + 5, y=y,
                       description="暴露垃圾", source=Source.GRID_PATROL).case
    assert again.duplicate_of == first.id  # the default 72 h window is in force
    report = full_check(store)
    settings = next(f for f in report.findings if f.check == "settings")
    assert not settings.ok
    assert "duplicates.window_hours" in settings.detail and "photo_max_bytes" in settings.detail
