"""The one symbology definition: complete, checked, and what the client's theme draws with."""

import pytest

from gridapp.domain.case import CaseState
from gridapp.domain.places import RoadClass
from gridapp.io.catalog import read_catalog
from gridapp.io.symbology import SymbologyError, load, symbology
from gridapp.paths import resource


def test_every_state_road_class_and_default_component_class_has_its_symbol():
    sym = symbology()
    assert set(sym.states) == {s.value for s in CaseState}
    assert set(sym.roads) == {c.value for c in RoadClass}
    components = {c.code for c in read_catalog(resource("catalog", "default_catalog.csv"))
                  if c.kind.value == "component"}
    assert components <= set(sym.components)
    # components have their own symbols: not the case colours, and no two classes alike
    symbols = [(m.shape, m.color) for m in sym.components.values()]
    assert len(set(symbols)) == len(symbols)
    assert not {m.color for m in sym.components.values()} & set(sym.states.values())
    assert sym.component("C9999") == sym.other_component


def test_palettes_by_index_wrap_around():
    sym = symbology()
    assert sym.street_color(0) == sym.pastel[0]
    assert sym.street_color(len(sym.pastel) + 1) == sym.pastel[1]
    assert sym.chief_color(None) == sym.colors["no_chief"]
    assert sym.chief_color(15) == sym.strong[15 % len(sym.strong)]


def test_bad_definitions_are_named(tmp_path):
    good = resource("symbology.toml").read_text(encoding="utf-8")
    bad = tmp_path / "symbology.toml"
    bad.write_text(good.replace('closed = "#95c99a"', 'closed = "green"'), encoding="utf-8")
    with pytest.raises(SymbologyError, match=r"cases\.states\.closed must be a colour"):
        load(bad)
    bad.write_text(good.replace('C0110 = { shape = "triangle"', 'C0110 = { shape = "blob"'),
                   encoding="utf-8")
    with pytest.raises(SymbologyError, match=r"components\.classes\.C0110\.shape"):
        load(bad)
    bad.write_text(good.replace('[roads.classes.branch]', '[roads.classes.other]'),
                   encoding="utf-8")
    with pytest.raises(SymbologyError, match="missing 'branch'"):
        load(bad)
    bad.write_text("version = [", encoding="utf-8")
    with pytest.raises(SymbologyError, match="symbology.toml"):
        load(bad)
