"""'Duplicate of' names the original by its case number in exports and the CLI, not its id."""

import json

from click.testing import CliRunner
from factories import act, cell_center, cli_env

from gridapp.cli import main
from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.io.export import case_table, cases_frame


def test_exports_and_the_cli_name_the_original_by_number(sqlite_store):
    store = sqlite_store
    x, y = cell_center("420102001001", 2)
    first = act(store, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
                class_code="E0102", x=x, y=y).case
    x2, y2 = cell_center("420102002002", 6)
    second = act(store, "acceptor", None, Action.REPORT, source=Source.HOTLINE_12345,
                 class_code="E0506", x=x2, y=y2).case
    act(store, "acceptor", second.id, Action.REJECT, reason_code="duplicate",
        duplicate_of=first.number)
    df = cases_frame(store).set_index("number")
    assert df.loc[second.number, "duplicate_of_number"] == first.number
    assert df.loc[first.number, "duplicate_of_number"] is None or \
        df.loc[first.number, "duplicate_of_number"] != df.loc[first.number, "duplicate_of_number"]
    table = case_table(store).set_index("案卷号")
    assert table.loc[second.number, "重复于"] == first.number
    url = store.url
    store.close()
    args = ["case", "show", second.number]
    r = CliRunner().invoke(main, ["--db", url, "--json", *args], env=cli_env(args))
    assert json.loads(r.stdout)["duplicate_of_number"] == first.number
    r = CliRunner().invoke(main, ["--db", url, *args], env=cli_env(args))
    assert f"duplicate of {first.number}" in r.stdout
