"""maps/ is what the symbology definition makes, and a project can be made for any store."""

import zipfile

from click.testing import CliRunner

from gridapp.cli import main
from gridapp.io.maps import check_maps, shipped_files
from gridapp.io.qgis_styles import layer_styles
from gridapp.io.symbology import load, symbology
from gridapp.paths import MAPS, resource


def test_committed_maps_equal_what_the_definition_makes():
    assert check_maps(MAPS) == [], "run `gridapp maps build` and commit maps/"


def test_maps_build_and_check(tmp_path):
    r = CliRunner().invoke(main, ["maps", "build", "--out", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.q*")} == set(
        shipped_files())
    r = CliRunner().invoke(main, ["maps", "build", "--check", "--out", str(tmp_path)])
    assert r.exit_code == 0 and "up to date" in r.output
    style = tmp_path / "styles" / "cases-state.qml"
    style.write_text(style.read_text(encoding="utf-8").replace("229,57,53", "0,0,0"),
                     encoding="utf-8")
    r = CliRunner().invoke(main, ["maps", "build", "--check", "--out", str(tmp_path)])
    assert r.exit_code == 1 and "styles/cases-state.qml" in r.output


def test_a_changed_colour_reaches_the_qgis_styles(tmp_path):
    edited = tmp_path / "symbology.toml"
    edited.write_text(resource("symbology.toml").read_text(encoding="utf-8").replace(
        'overdue = "#e53935"', 'overdue = "#123456"'), encoding="utf-8")
    before = layer_styles("cases")[0].text
    after = layer_styles("cases", sym=load(edited))[0].text
    assert "229,57,53" in before and "18,52,86" in after and "229,57,53" not in after
    assert symbology().colors["overdue"] == "#e53935"


def test_a_project_for_a_spatialite_store_points_at_it_by_a_relative_path(sqlite_store,
                                                                         tmp_path):
    out = tmp_path / "maps" / "mine.qgz"
    r = CliRunner().invoke(main, ["--db", sqlite_store.url, "maps", "project", str(out)])
    assert r.exit_code == 0, r.output
    with zipfile.ZipFile(out) as z:
        text = z.read("mine.qgs").decode("utf-8")
    assert "dbname='../store.sqlite'" in text and str(tmp_path) not in text
    assert "一元街" in text and "路长甲" in text  # the store's streets and chiefs in the legend
    r = CliRunner().invoke(main, ["--db", sqlite_store.url, "maps", "project",
                                  str(tmp_path / "mine.txt")])
    assert r.exit_code == 2 and "a QGIS project is .qgs or .qgz" in r.output


def test_a_project_for_a_postgis_store_connects_by_service(store, tmp_path):
    out = tmp_path / "mine.qgs"
    r = CliRunner().invoke(main, ["--db", store.url, "maps", "project", str(out),
                                  "--service", "district"])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    if store.backend == "postgresql":
        assert "service='district'" in text and "password" not in text
    else:
        assert "dbname='./store.sqlite'" in text
