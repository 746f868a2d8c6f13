"""The soak, as part of the suite: the real window left running (threaded rendering, default
layers, basemap) under random use, while four other workstations with skewed clocks report,
move cases through the loop and edit places with plain SQL. See `gridapp soak --help`."""

import json
import os
import subprocess
import sys

import pytest


def _soak(tmp_path, minutes: float, db: str | None = None) -> dict:
    out = tmp_path / "soak.json"
    cmd = [sys.executable, "-m", "gridapp.cli", "soak", "--minutes", str(minutes),
           "--writers", "4", "--out", str(out)]
    if db:
        cmd[3:3] = ["--db", db]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "GRIDAPP_DB")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=minutes * 60 + 300)
    assert out.exists(), f"the soak died (exit {run.returncode}): {run.stderr[-3000:]}"
    report = json.loads(out.read_text("utf-8"))
    assert run.returncode == 0 and report["ok"], run.stdout[-3000:]
    return report


@pytest.mark.slow
def test_soak_two_minutes_on_spatialite(tmp_path):
    r = _soak(tmp_path, 2.0)
    assert r["gui_actions"] > 100 and r["changes_seen"] > 100  # what a busy machine still does
    assert r["clocks"], "faketime is missing: the other workstations ran on our clock"
    assert r["worst_delay_s"] <= 5.0 and r["integrity"] == "ok"
    assert r["rss_end_mb"] - r["rss_start_mb"] < 150


@pytest.mark.slow
@pytest.mark.postgis
def test_soak_one_minute_on_postgis(tmp_path, postgis):
    r = _soak(tmp_path, 1.0, postgis.create_database("soak_suite"))
    assert r["backend"] == "postgresql" and r["changes_seen"] > 100
    assert r["worst_delay_s"] <= 5.0
