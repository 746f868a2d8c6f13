"""The client's theme draws with the shared symbology definition (no colours of its own)."""

from gridapp.io.symbology import symbology
from gridapp.ui import theme


def test_theme_names_come_from_the_definition():
    sym = symbology()
    assert sym.states == theme.STATE_COLORS
    assert (sym.colors["overdue"], sym.colors["warning"]) == (theme.OVERDUE, theme.WARNING)
    assert {k: r.color for k, r in sym.roads.items()} == theme.ROAD_COLORS
    assert theme.ROAD_WIDTHS["main"] == sym.roads["main"].width_px
    assert theme.ROAD_METRES["branch"] == sym.roads["branch"].width_m
    assert list(sym.pastel) == theme.PASTEL and list(sym.strong) == theme.STRONG
    assert theme.component_color("C0114") == sym.components["C0114"].color
    assert theme.component_symbol("C0114").shape == "star"


def test_legend_lists_component_classes_with_their_own_colours():
    from types import SimpleNamespace

    import numpy as np

    from gridapp.app.layers import LayerStack
    from gridapp.ui.map.decorations import legend_items
    layers = LayerStack()
    layers.update("components", visible=True)
    data = SimpleNamespace(components_class=np.array([0, 1, 1]),
                           classes=np.array(["C0101", "C0114"], dtype=object),
                           class_names=np.array(["上水井盖", "路灯"], dtype=object),
                           cases=None, street_names=np.array([], dtype=object))
    items = legend_items(layers, data)
    at = items.index(("title", "", "部件"))
    assert ("square", theme.component_color("C0114"), "路灯") in items[at:]
    assert ("square", theme.component_color("C0101"), "上水井盖") in items[at:]
