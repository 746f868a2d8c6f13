"""UI fixtures: windows on the mini store as the client runs them — layers rendered on the
render threads with the basemap on, data refreshed on a worker — on a frozen clock."""

from datetime import timedelta

import pytest
from factories import act, cell_center, clock
from ui_support import NOW, idle, index_of, refreshed  # noqa: F401 (tests import them too)

from gridapp.app.session import Session
from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.ui.i18n import set_language

# the clock of every window: a Monday morning, whatever day the suite runs on


@pytest.fixture(autouse=True)
def chinese():
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture(autouse=True)
def messages(monkeypatch):
    """Message boxes are recorded instead of waiting for a click (a test would hang)."""
    from PySide6.QtWidgets import QMessageBox
    shown: list[tuple[str, str]] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda *args, k=kind: shown.append((k, args[2])))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    return shown


@pytest.fixture
def seeded(sqlite_store):
    """The mini store with two cases: a reported an hour ago, b dispatched ten days ago
    (overdue)."""
    store = sqlite_store
    x, y = cell_center("420102001001", 2)
    a = act(store, "worker1", None, Action.REPORT, source=Source.GRID_PATROL,
            class_code="E0102", x=x, y=y, description="路边暴露垃圾",
            at=NOW - timedelta(hours=1)).case
    x2, y2 = cell_center("420102002002", 6)
    b = act(store, "acceptor", None, Action.REPORT, source=Source.HOTLINE_12345,
            class_code="E0506", x=x2, y=y2, description="共享单车堆积",
            at=NOW - timedelta(days=10)).case
    act(store, "acceptor", b.id, Action.REGISTER, at=NOW - timedelta(days=10))
    act(store, "dispatcher", b.id, Action.DISPATCH, assignee=("department", "enforcement"),
        at=NOW - timedelta(days=10))
    clock(store, NOW)  # the store's clock and the windows' agree: a Monday morning
    return store, a, b


@pytest.fixture
def window(qtbot, seeded):
    """Build a window for a user; returns (make, store, case a, case b)."""
    from gridapp.ui.main import build_window
    store, a, b = seeded
    made = []

    def make(username: str):
        session = Session.open(store, username, f"secret-{username}")
        w = build_window(store, session, None, clock=lambda: NOW)
        qtbot.addWidget(w)
        w.resize(1400, 900)
        w.show()
        qtbot.waitExposed(w)
        w.canvas.zoom_to(w.model.data.extent)
        idle(qtbot, w)
        made.append(w)
        return w
    yield make, store, a, b
    for w in made:
        w.close()
