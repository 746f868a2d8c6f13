"""UI fixtures: windows on the mini store, rendered synchronously, settings kept in a temp dir."""

from datetime import datetime, timedelta

import numpy as np
import pytest
from factories import act, cell_center

from gridapp.app.session import Session
from gridapp.domain.actions import Action
from gridapp.domain.case import Source
from gridapp.ui.i18n import set_language
from gridapp.ui.map.canvas import MapCanvas

MapCanvas.synchronous = True


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
    """The mini store with three cases: reported, dispatched and overdue, closed."""
    store = sqlite_store
    now = datetime.now().replace(microsecond=0)
    x, y = cell_center("420102001001", 2)
    a = act(store, 'worker1', None, Action.REPORT, source=Source.GRID_PATROL, class_code='E0102', x=x, y=y, description='路边暴露垃圾', at=now - timedelta(hours=1)).case
    x2, y2 = cell_center("420102002002", 6)
    b = act(store, 'acceptor', None, Action.REPORT, source=Source.HOTLINE_12345, class_code='E0506', x=x2, y=y2, description='共享单车堆积', at=now - timedelta(days=10)).case
    act(store, 'acceptor', b.id, Action.REGISTER, at=now - timedelta(days=10))
    act(store, 'dispatcher', b.id, Action.DISPATCH, assignee=("department", 'enforcement'),
        at=now - timedelta(days=10))
    store.clock = None  # from here on the store tells time itself, as at a workstation
    return store, a, b


@pytest.fixture
def window(qtbot, seeded):
    """Build a window for a user; returns (window, store, case a, case b)."""
    from gridapp.ui.main import build_window
    store, a, b = seeded
    made = []

    def make(username: str):
        session = Session.open(store, username, f"secret-{username}")
        w = build_window(store, session, None)
        qtbot.addWidget(w)
        w.resize(1400, 900)
        w.show()
        qtbot.waitExposed(w)
        w.canvas.zoom_to(w.ctx.data.extent)
        made.append(w)
        return w
    return make, store, a, b


def index_of(w, case_id: int) -> int:
    return int(np.flatnonzero(w.ctx.data.cases.id == case_id)[0])
