"""`gridapp bench` at a tiny scale: every figure is printed beside its floor, the floors do
their work (the rows they write are really there), --json and --compare read back."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from gridapp.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def _figures(path) -> dict[str, dict]:
    return {f["name"]: f for rep in json.loads(path.read_text()) for f in rep["figures"]}


def test_store_and_data_benches_print_every_figure_beside_a_floor(tmp_path):
    out = tmp_path / "run.json"
    r = CliRunner().invoke(main, ["bench", "--json", str(out), "--workdir", str(tmp_path / "w"),
                                  "store", "--cells", "400", "--reports", "40", "--cases",
                                  "10", "--bulk", "2000"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["bench", "--json", str(tmp_path / "data.json"), "--workdir",
                                  str(tmp_path / "w"), "data", "--polygons", "300",
                                  "--hotline", "500", "--hotline-cells", "400", "--no-grid"])
    assert r.exit_code == 0, r.output
    assert "load average" in r.output
    figs = {**_figures(out), **_figures(tmp_path / "data.json")}
    floored = [n for n in figs if n.startswith(("report + ownership", "case transitions",
                                                 "bulk load", "import "))]
    assert len(floored) == 5, sorted(figs)
    for name in floored:
        f = figs[name]
        assert f["floor"] and f["floor"] > 0 and f["ratio"] > 0 and f["target"], f
        assert len(f["load"]) == 3
    # the import floors wrote the same rows as the imports, into copies of the same store
    w = tmp_path / "w"
    for ours, floor, table, n in (("polygons.sqlite", "polygons-floor.sqlite", "grid_cells",
                                   300), ("hotline.sqlite", "hotline-floor.sqlite", "cases",
                                          500)):
        counts = []
        for db in (ours, floor):
            con = sqlite3.connect(w / db)
            counts.append(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            con.close()
        assert counts[0] == counts[1] >= n

    again = CliRunner().invoke(main, ["bench", "--compare", str(out), "--workdir",
                                      str(tmp_path / "w"), "store", "--cells", "400",
                                      "--reports", "40", "--cases", "10", "--bulk", "2000"])
    assert again.exit_code == 0, again.output
    assert "change against the earlier run" in again.output
    assert "bulk load 2,000 cases" in again.output.split("change against")[1]


def test_a_file_that_is_not_a_bench_run_is_refused(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"a": 1}')
    r = CliRunner().invoke(main, ["bench", "--compare", str(bad), "store"])
    assert r.exit_code == 2 and "not a bench JSON file" in r.output


def test_analysis_bench_puts_the_bulletin_beside_the_indicators(tmp_path):
    from gridapp.bench.analysis_bench import run
    from gridapp.demo.build import build_demo
    from gridapp.domain.period import Period
    store = build_demo(str(tmp_path / "tiny.sqlite"), "tiny", seed=11,
                       until=datetime(2026, 11, 20, 16), basemap=False)
    try:
        rep = run(store, Period.parse("2026-10"))
        with store.read() as conn:  # last month issued first (the routine), then this one
            issued = {p for (p,) in conn.execute(text("SELECT period FROM issued_bulletins"))}
    finally:
        store.close()
    figs = {f.name: f for f in rep.figures}
    ind = figs["indicators of every unit at 7 levels, one month"]
    as_issued = figs["the bulletin (XLSX + PDF, charts, map; 上期 as issued)"]
    recomputed = figs["the bulletin, 上期 recomputed (last month never issued)"]
    assert ind.floor and ind.floor > 0 and ind.target == "target ≤ 1.2×"
    for b in (as_issued, recomputed):  # the floor: our indicators, measured in turns with it
        assert b.floor and b.floor > 0 and b.floor_name == "our indicators, in turns with it"
    assert as_issued.floor == recomputed.floor and issued == {"2026-09", "2026-10"}


def test_the_analysis_bench_never_changes_the_store_it_measures(tmp_path):
    """It issues bulletins: a SpatiaLite store is benched on a copy; PostGIS only when told."""
    import hashlib

    from gridapp.demo.build import build_demo
    db = tmp_path / "tiny.sqlite"
    build_demo(str(db), "tiny", seed=11, until=datetime(2026, 11, 20, 16), basemap=False).close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    work = tmp_path / "w"
    work.mkdir()
    r = CliRunner().invoke(main, ["--db", str(db), "bench", "--workdir", str(work), "analysis",
                                  "--period", "2026-10"])
    assert r.exit_code == 0, r.output
    assert "on a copy" in r.output and "the bulletin" in r.output
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before and not any(work.iterdir())
    r = CliRunner().invoke(main, ["--db", "postgresql://nobody@localhost:1/none", "bench",
                                  "analysis"])
    assert r.exit_code == 1 and "--in-place" in r.output


def test_the_12345_floor_leaves_the_store_as_a_live_index_load_does(tmp_path):
    """The floor drops the indexes and the R*Tree's trigger and makes them again after its
    rows: the same schema, points and rows as the earlier floor that kept them live."""
    import math

    from gridapp.bench.floors import copy_store, hotline_floor, raw_connection
    from gridapp.bench.import_bench import hotline_file
    from gridapp.bench.store_bench import build
    base = tmp_path / "base.sqlite"
    store, _, _ = build(base, 400)
    store.close()
    side = int(math.ceil(math.sqrt(400)))
    hotline_file(tmp_path / "h.csv", 300, min(side, 400 // side))
    seen, stamps, boxed = [], [], []
    for name, live in (("fast.sqlite", False), ("live.sqlite", True)):
        copy_store(base, tmp_path / name)
        assert hotline_floor(tmp_path / "h.csv", tmp_path / name, "%Y-%m-%dT%H:%M:%S",
                             live) > 0
        con = raw_connection(tmp_path / name)
        seen.append((
            con.execute("SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN "
                        "('cases', 'case_events') ORDER BY name").fetchall(),
            con.execute("SELECT id, external_id, x, y, ST_X(geom), ST_Y(geom), reported_at "
                        "FROM cases ORDER BY id").fetchall(),
            con.execute("SELECT case_id, at, data FROM case_events ORDER BY case_id").fetchall()))
        stamps.append(con.execute("SELECT count(DISTINCT change_seq) FROM cases").fetchone()[0])
        boxed.append(con.execute(
            "SELECT count(*) FROM cases c JOIN idx_cases_geom r ON r.pkid = c.id WHERE "
            "r.xmin <= c.x AND c.x <= r.xmax AND r.ymin <= c.y AND c.y <= r.ymax").fetchone()[0])
        con.close()
    assert len(seen[0][1]) == len(seen[0][2]) == 300
    # every point in the R*Tree; the earlier floor's points, set by the geometry trigger's
    # update after each insert, never reached it (its spatial index stayed empty)
    assert boxed == [300, 0]
    assert seen[0] == seen[1]
    # one change number for the batch; the earlier floor's geometry trigger updated each row
    # after its insert, and the update trigger gave each its own number (more work still)
    assert stamps == [1, 300]
