"""A case through the whole loop from the UI, each step by the right role."""

from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QPushButton
from ui_support import idle, index_of, submit

from gridapp.domain.case import CaseState, Source
from gridapp.domain.workflow import Action
from gridapp.services import cases as svc


def act(qtbot, w, case_id, action: Action, **fields):
    """Select the case, press the action's button, fill the dialog, submit; wait until the
    window has taken the change in."""
    w.select_case(index_of(w, case_id))
    button = w.detail.findChild(QPushButton, f"action_{action.value}")
    assert button is not None, (action, w.model.session.username,
                                w.detail.view and w.detail.view.case.state)
    button.click()
    dialog = w.dialog
    for name, value in fields.items():
        widget = dialog.inputs[name]
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        elif hasattr(widget, "findData"):
            widget.setCurrentIndex(widget.findData(value))
        elif hasattr(widget, "add_path"):
            for p in value:
                widget.add_path(Path(p))
        else:
            widget.setText(value)
    submit(qtbot, dialog)
    idle(qtbot, w)
    return dialog


def test_a_case_travels_the_whole_loop_from_the_ui(window, qtbot, tmp_path, messages):
    make, store, a, b = window
    photo = tmp_path / "after.jpg"
    Image.new("RGB", (80, 60), (90, 160, 90)).save(photo)
    steps = [
        ("acceptor", Action.REGISTER, {"note": "符合立案条件"}),
        ("dispatcher", Action.DISPATCH, {"assignee": "department:sanitation"}),
        ("sanitation1", Action.SIGN, {}),
        ("sanitation1", Action.RECTIFY, {"note": "已清运", "photos": [photo]}),
        ("worker1", Action.VERIFY_PASS, {"note": "现场核查合格"}),
        ("leader_shift", Action.CLOSE, {}),
    ]
    for user, action, fields in steps:
        w = make(user)
        allowed = w.detail.allowed() if w.detail.view else []
        dialog = act(qtbot, w, a.id, action, **fields)
        assert dialog.outcome is not None, (user, action, allowed, messages)
        # the window shows the new state everywhere, without F5
        k = index_of(w, a.id)
        assert w.model.data.cases.state[k] == list(CaseState).index(dialog.outcome.case.state)
        assert w.detail.view.case.state is dialog.outcome.case.state
        w.close()
    final = svc.view(store.uow(), None, a.id)
    assert final.case.state is CaseState.CLOSED
    assert [e.action for e in final.events] == ["report", "register", "dispatch", "sign",
                                                "rectify", "verify_pass", "close"]
    assert final.photos and final.photos[0][1] == "rectify"
    w = make("leader_shift")
    w.select_case(index_of(w, a.id))
    assert w.detail.photos.count() >= 2  # the photo and the stretch
    assert w.detail.timeline.topLevelItemCount() == 7


def test_buttons_are_exactly_what_the_role_allows(window):
    make, store, a, b = window
    w = make("worker1")
    w.select_case(index_of(w, a.id))
    assert w.detail.allowed() == []  # a reported case: nothing for a grid worker
    w2 = make("acceptor")
    w2.select_case(index_of(w2, a.id))
    names = {b.objectName() for b in w2.detail.findChildren(QPushButton)
             if b.objectName().startswith("action_")}
    assert names == {"action_register", "action_reject"}


def test_a_stale_write_is_explained_and_the_view_refreshed(window, qtbot, messages):
    make, store, a, b = window
    w = make("acceptor")
    w.select_case(index_of(w, a.id))  # this workstation shows version 1
    svc.perform(store.uow(), 'leader_shift', a.id, Action.REGISTER, note='另一工作站已立案')  # another acts first
    shown = [text for _kind, text in messages]
    # the user presses 不予立案 on what the screen still shows
    w.detail.findChild(QPushButton, "action_reject").click()
    dialog = w.dialog
    dialog.inputs["note"].setPlainText("无效")
    submit(qtbot, dialog)
    idle(qtbot, w)
    shown = [text for _kind, text in messages]
    assert dialog.outcome is None and shown and "其他工作站" in shown[0]
    assert w.detail.view.case.state is CaseState.REGISTERED  # refreshed
    assert svc.view(store.uow(), None, a.id).case.state is CaseState.REGISTERED


def test_separation_of_duties_in_the_ui(window, monkeypatch):
    make, store, a, b = window
    svc.perform(store.uow(), 'enforce1', b.id, Action.SIGN)
    w = make("dual")  # dual is no enforcement handler: he cannot even rectify this one
    w.select_case(index_of(w, b.id))
    assert Action.RECTIFY not in w.detail.allowed()


def test_report_from_a_map_click(window, qtbot):
    make, store, a, b = window
    w = make("worker2")
    w.a_report.trigger()
    from factories import cell_center
    x, y = cell_center("420102002001", 3)
    w.canvas.clicked.emit(x, y)
    dialog = w.dialog
    dialog.klass.setCurrentIndex(dialog.klass.findData("E0111"))
    dialog.description.setPlainText("垃圾桶满溢")
    submit(qtbot, dialog)
    idle(qtbot, w)
    assert dialog.outcome is not None
    case = dialog.outcome.case
    assert case.location.cell_code == "420102002001003" and case.reporter_id
    assert case.source is Source.GRID_PATROL  # his own patrol, as the dialog offered
    assert w.detail.view.case.id == case.id and not w.report_mode


def test_a_road_chief_reports_from_his_patrol(window, qtbot):
    """A road chief's report on the map is offered as 路长巡查 (as from his field package)."""
    make, store, a, b = window
    w = make("chief1")
    w.a_report.trigger()
    from factories import cell_center
    w.canvas.clicked.emit(*cell_center("420102002001", 3))
    dialog = w.dialog
    assert dialog.source.currentText() == "路长巡查"
    dialog.klass.setCurrentIndex(dialog.klass.findData("E0111"))
    submit(qtbot, dialog)
    idle(qtbot, w)
    assert dialog.outcome.case.source is Source.ROAD_CHIEF_PATROL


def test_a_case_without_a_position_is_found_and_placed_with_a_click(window, qtbot):
    """待定位: a ticket whose address matched nothing is listed by its filter, placed by a
    click on the map (Esc first: nothing happens), then dispatched like any other."""
    from factories import cell_center
    from PySide6.QtCore import QPoint, Qt

    from gridapp.domain.case import Source
    from gridapp.services.locating import report_unplaced
    make, store, a, b = window
    c = report_unplaced(store.uow(), "acceptor", source=Source.HOTLINE_12345,
                        class_code="E0102", description="垃圾堆放", address="某小区门口").case
    w = make("acceptor")
    cl = w.case_list
    cl.unplaced.setChecked(True)
    idle(qtbot, w)
    assert [int(w.model.data.cases.id[k]) for k in cl.model.rows] == [c.id]
    assert cl.chips.keys().count("unplaced") == 1
    w.select_case(index_of(w, c.id))  # no point: the map stays where it was
    vp_before = w.canvas.viewport
    assert w.canvas.viewport == vp_before and w.detail.mini.pixmap().isNull()
    button = w.detail.findChild(QPushButton, "action_place")
    button.click()
    assert w.placing is not None
    qtbot.keyClick(w.canvas, Qt.Key.Key_Escape)
    assert w.placing is None
    button = w.detail.findChild(QPushButton, "action_place")
    button.click()
    x, y = cell_center("420102002002", 6)
    px, py = w.canvas.viewport.to_screen(x, y)
    qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(px), int(py)))
    dialog = w.dialog
    assert dialog.action is Action.PLACE and "420102002002006" in dialog.hint.text()
    dialog.inputs["note"].setPlainText("回拨市民核实位置")
    submit(qtbot, dialog)
    idle(qtbot, w)
    placed = svc.view(store.uow(), None, c.id).case
    assert placed.placed and placed.location.cell_code == "420102002002006"
    assert cl.model.rows.size == 0  # no longer 待定位
    cl.remove_filter("unplaced")
    idle(qtbot, w)
    w.select_case(index_of(w, c.id))
    names = {b.objectName() for b in w.detail.findChildren(QPushButton)}
    assert "action_place" in names  # placed by hand, it can still be corrected
    assert act(qtbot, w, c.id, Action.REGISTER).outcome is not None


def test_the_window_keeps_working_while_another_workstation_holds_the_store(window, qtbot,
                                                                            messages):
    """A SpatiaLite file locked by another workstation's write: the form says 正在提交…, the
    window goes on (its timers tick, it cannot be half-dismissed), and the action is done as
    soon as the lock is released."""
    import sqlean  # the store's own SQLite library: a second copy in one process would not
    # see its locks (POSIX locks never conflict within a process) and closing it would drop them
    make, store, a, b = window
    w = make("acceptor")
    w.select_case(index_of(w, a.id))
    w.detail.findChild(QPushButton, "action_register").click()
    dialog = w.dialog
    dialog.inputs["note"].setPlainText("符合立案条件")
    other = sqlean.connect(store.engine.url.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")   # the other workstation is writing
    try:
        dialog.submit()
        assert dialog.submitting and dialog.status.isVisible()
        assert not dialog.inputs["note"].isEnabled()
        ticks = []
        from PySide6.QtCore import QTimer
        timer = QTimer(w)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(50)
        qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5000)  # the UI thread is free
        closed = []
        dialog.finished.connect(closed.append)
        dialog.reject()                   # Esc while the store answers: the form stays
        assert not closed and dialog.outcome is None, messages
    finally:
        other.execute("COMMIT")
        other.close()
    qtbot.waitUntil(lambda: not dialog.submitting, timeout=30000)
    idle(qtbot, w)
    assert dialog.outcome is not None and closed == [1]   # accepted
    assert w.detail.view.case.state is CaseState.REGISTERED


def test_answered_forms_are_freed(window, qtbot):
    """A window open all day opens thousands of forms: each is freed once answered."""
    from gridapp.ui.panels.dialogs import ActionDialog
    make, store, a, b = window
    w = make("acceptor")
    w.select_case(index_of(w, a.id))
    for _ in range(5):
        w.detail.findChild(QPushButton, "action_register").click()
        w.dialog.reject()              # the user changes his mind
    qtbot.waitUntil(lambda: not w.findChildren(ActionDialog), timeout=5000)
    assert w.dialog is None
    dialog = act(qtbot, w, a.id, Action.REGISTER, note="符合立案条件")
    assert dialog.outcome is not None  # what the form did stays readable after it is freed
    qtbot.waitUntil(lambda: not w.findChildren(ActionDialog), timeout=5000)
