"""Case handling in the client: the class search, the address of a map point, registering
with a corrected class and point, the photo viewer, the case sheet, messages in the
interface's language."""

import pytest
from factories import cell_center
from PySide6.QtCore import Qt
from ui_support import idle, index_of, submit


def open_report(w, x, y):
    w.a_report.trigger()
    w.canvas.clicked.emit(x, y)
    return w.dialog


def test_class_search_by_pinyin_initials_and_report(window, qtbot):
    make, store, a, b = window
    w = make("worker2")
    x, y = cell_center("420102002001", 3)
    dialog = open_report(w, x, y)
    box = dialog.klass
    box.lineEdit().setFocus()
    qtbot.keyClicks(box.lineEdit(), "blj")
    assert box.hits()[0].startswith("暴露垃圾  E0102")
    box.choose_display(box.hits()[0])
    assert box.code() == "E0102"
    box.setEditText("")
    qtbot.keyClicks(box.lineEdit(), "E0111")
    assert box.code() == "E0111"            # a code typed and left as it is
    box.setEditText("垃圾")                  # several classes: the user is asked to choose
    assert box.code() is None
    submit(qtbot, dialog)
    assert dialog.outcome is None
    box.setEditText("暴露垃圾")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    submit(qtbot, dialog)
    idle(qtbot, w)
    assert dialog.outcome is not None and dialog.outcome.case.class_code == "E0102"


def test_the_report_dialog_shows_lon_lat_and_fills_the_address(window, qtbot):
    make, store, a, b = window
    w = make("worker2")
    from factories import X0, Y0
    dialog = open_report(w, X0 + 410, Y0 + 212)
    assert "°E" in dialog.position.text() and "°N" in dialog.position.text()
    assert " m" not in dialog.position.text()
    qtbot.waitUntil(lambda: dialog.address.text() != "", timeout=10000)
    assert dialog.address.text() == "江岸区 大智街 保成社区 黄浦路与解放大道交叉口附近"


def test_the_acceptor_corrects_class_and_point_when_registering(window, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QPushButton

    from gridapp.services import cases as svc
    make, store, a, b = window
    w = make("acceptor")
    w.select_case(index_of(w, a.id))
    w.detail.findChild(QPushButton, "action_register").click()
    dialog = w.dialog
    box = dialog.inputs["class_code"]
    assert box.code() == "E0102"                          # the reported class, to correct
    box.setEditText("")
    qtbot.keyClicks(box.lineEdit(), "jcljzt")             # 积存垃圾渣土 by its initials
    box.choose_display(box.hits()[0])
    assert box.code() == "E0103" and "1 工作日" in dialog.hint.text()
    dialog.inputs["x"].button.click()                     # 在地图上选点
    assert not dialog.isVisible() and w.picking is dialog
    qtbot.keyClick(w.canvas, Qt.Key.Key_Escape)           # never mind: back to the form
    assert dialog.isVisible() and w.picking is None and dialog.point is None
    dialog.inputs["x"].button.click()
    x, y = cell_center("420102002002", 6)
    px, py = w.canvas.viewport.to_screen(x, y)
    qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(px), int(py)))
    assert dialog.isVisible() and dialog.point is not None
    assert "420102002002006" in dialog.hint.text()
    assert "°E" in dialog.inputs["x"].label.text()
    qtbot.waitUntil(lambda: "大智社区" in dialog.inputs["address"].text(), timeout=10000)
    dialog.inputs["note"].setPlainText("类别、位置有误，已更正")
    submit(qtbot, dialog)
    idle(qtbot, w)
    assert dialog.outcome is not None
    v = svc.view(store.uow(), None, a.id)
    assert v.case.class_code == "E0103" and v.case.location.cell_code == "420102002002006"
    row = v.events[-1].data
    assert row["previous"]["class"] == "E0102" and row["previous"]["cell_code"] == \
        "420102001001002"
    assert "大智社区" in v.case.address


def _photo(path, size, colour, orientation=None):
    from PIL import Image
    img = Image.new("RGB", size, colour)
    if orientation:
        exif = Image.Exif()
        exif[0x0112] = orientation      # as a phone held upright writes it
        img.save(path, exif=exif)
    else:
        img.save(path)
    return path


def test_photos_open_large_with_before_and_after_side_by_side(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QToolButton

    from gridapp.domain.actions import Action
    from gridapp.services.photos import add_photo
    make, store, a, b = window

    def stored(p):
        return add_photo(store.uow(), p.read_bytes(), p.name)
    before = stored(_photo(tmp_path / "before.jpg", (160, 80), (200, 60, 60), orientation=6))
    svc_act = __import__("factories").act
    x, y = cell_center("420102001001", 3)
    c = svc_act(store, "worker1", None, Action.REPORT, class_code="E0103", x=x, y=y,
                photos=[before]).case
    svc_act(store, "acceptor", c.id, Action.REGISTER)
    svc_act(store, "dispatcher", c.id, Action.DISPATCH, assignee=("department", "sanitation"))
    svc_act(store, "sanitation1", c.id, Action.SIGN)
    after = [stored(_photo(tmp_path / f"after{k}.png", (120, 90), (60, 160 + k, 60)))
             for k in range(2)]
    svc_act(store, "sanitation1", c.id, Action.RECTIFY, note="已清运", photos=after)
    w = make("leader_shift")
    idle(qtbot, w)
    w.select_case(index_of(w, c.id))
    thumb = w.detail.findChild(QToolButton, "photo_0")
    assert thumb is not None and thumb.iconSize().width() == 160
    thumb.click()
    v = w.detail.viewer
    qtbot.waitExposed(v)
    v.activateWindow()      # the viewer has the keyboard, as when it opens on a desk
    qtbot.waitUntil(v.isActiveWindow, timeout=30000)
    assert v.single.view.item.pixmap().size().toTuple() == (80, 160)   # EXIF: upright
    assert v.single.caption.text().startswith("上报 · ") and "赵网格" in v.single.caption.text()
    fitted = v.single.view.scale_factor()
    qtbot.keyClick(v, Qt.Key.Key_Plus)
    assert v.single.view.scale_factor() > fitted
    qtbot.keyClick(v, Qt.Key.Key_1)
    assert v.single.view.scale_factor() == 1.0
    qtbot.keyClick(v, Qt.Key.Key_Right)
    assert v.index == 1 and v.single.caption.text().startswith("处置后")
    assert "陈环卫" in v.single.caption.text() and "2/3" in v.single.caption.text()
    v.buttons["compare"].click()
    assert v.comparing and v.split.isVisible() and not v.single.isVisible()
    assert "上报" in v.left.caption.text() and "处置后" in v.right.caption.text()
    left, right = v.left.view.scale_factor(), v.right.view.scale_factor()
    v.zoom(2.0)     # both sides zoom together
    assert v.left.view.scale_factor() == pytest.approx(2 * left)
    assert v.right.view.scale_factor() == pytest.approx(2 * right)
    qtbot.keyClick(v, Qt.Key.Key_Right)
    assert "2/2" in v.right.caption.text() and "1/1" in v.left.caption.text()
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    assert not v.isVisible()


def test_ctrl_p_prints_the_case_sheet_of_the_selected_case(window, qtbot, tmp_path,
                                                           monkeypatch):
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrinter

    from gridapp.ui import print_sheet
    make, store, a, b = window
    w = make("leader_shift")
    out = tmp_path / "printed.pdf"

    def chosen(parent, title):      # the user picks "print to file" in Qt's dialog
        p = print_sheet.new_printer()
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        assert b.number in title
        return p
    monkeypatch.setattr(print_sheet, "ask_printer", chosen)
    maps = []
    monkeypatch.setattr(w, "export_map", lambda fmt, path=None: maps.append(fmt))
    w.select_case(index_of(w, b.id))
    with qtbot.waitSignal(w.detail.printed, timeout=20000):
        w.findChild(type(w.a_report), "打印…").trigger()
    doc = pdfium.PdfDocument(str(out))
    assert len(doc) == 1 and maps == []
    w.detail.show_case(None)
    w.print_current()               # nothing selected: Ctrl+P prints the map as before
    assert maps == ["pdf"]


def test_messages_in_the_interface_language_and_database_errors_explained(window, qtbot,
                                                                          messages,
                                                                          monkeypatch):
    import sqlite3

    from PySide6.QtWidgets import QPushButton
    from sqlalchemy.exc import OperationalError

    from gridapp.ui.i18n import set_language
    make, store, a, b = window
    w = make("acceptor")
    w.select_case(index_of(w, a.id))
    w.detail.findChild(QPushButton, "action_reject").click()
    dialog = w.dialog
    dialog.inputs["reason_code"].setCurrentIndex(dialog.inputs["reason_code"].findData(
        "duplicate"))
    submit(qtbot, dialog)                            # a duplicate without its original
    assert messages[-1][1] == f"案件 {a.number}：作为重复案件不予立案时，须指明原案件。"
    set_language("en")
    submit(qtbot, dialog)
    assert messages[-1][1] == f"Case {a.number}: a duplicate must name its original case."
    set_language("zh")
    raw = OperationalError("UPDATE cases SET state=? WHERE cases.id = ? AND version = ?",
                           ("registered", a.id, 1), sqlite3.OperationalError("disk I/O error"))
    monkeypatch.setattr(w.model, "perform", lambda *args: (_ for _ in ()).throw(raw))
    dialog.inputs["duplicate_of"].setEditText(b.number)
    submit(qtbot, dialog)
    box = dialog.error_box
    assert box.text() == "数据库拒绝了此次更改，未保存任何内容。"
    assert "UPDATE cases" in box.detailedText() and "disk I/O error" in box.detailedText()
    assert dialog.outcome is None
    box.close()


def test_a_duplicate_shows_its_original_by_number(window, qtbot):
    from gridapp.domain.actions import Action
    make, store, a, b = window
    __import__("factories").act(store, "acceptor", a.id, Action.REJECT,
                                reason_code="duplicate", duplicate_of=b.number)
    w = make("leader_shift")
    w.select_case(index_of(w, a.id))
    texts = [w.detail.fields.itemAt(k).widget().text() for k in range(w.detail.fields.count())
             if w.detail.fields.itemAt(k).widget() is not None]
    assert b.number in texts and f"#{b.id}" not in texts


def test_a_duplicate_is_rejected_by_choosing_its_original_nearby(window, qtbot):
    from PySide6.QtWidgets import QPushButton

    from gridapp.domain.actions import Action
    from gridapp.domain.case import Source
    from gridapp.services import cases as svc
    make, store, a, b = window
    with store.uow() as uow:      # the automatic link is off: the acceptor decides
        s = uow.config.settings()
        from dataclasses import replace
        uow.config.save_settings(replace(s, duplicates=replace(s.duplicates, auto_link=False)))
        uow.commit()
    again = __import__("factories").act(store, "acceptor", None, Action.REPORT,
                                        source=Source.HOTLINE_12345, class_code="E0102",
                                        x=a.x + 20, y=a.y).case
    w = make("acceptor")
    w.select_case(index_of(w, again.id))
    w.detail.findChild(QPushButton, "action_reject").click()
    dialog = w.dialog
    dialog.inputs["reason_code"].setCurrentIndex(dialog.inputs["reason_code"].findData(
        "duplicate"))
    originals = dialog.inputs["duplicate_of"]
    assert originals.count() == 1 and originals.itemData(0) == a.number
    assert "相距 20 米" in originals.itemText(0)
    originals.setCurrentIndex(0)
    submit(qtbot, dialog)
    idle(qtbot, w)
    assert dialog.outcome is not None
    assert svc.view(store.uow(), None, again.id).case.duplicate_of == a.id


def test_no_case_chosen_shows_no_empty_timeline(window, qtbot):
    """Before a case is chosen the panel says how to choose one; no empty frame, no empty
    table headed "1 2 3 4"."""
    make, store, a, b = window
    w = make("acceptor")
    w.detail.show_case(None)
    assert w.detail.scroll.isHidden() and "选择一个案件" in w.detail.title.text()
    w.select_case(index_of(w, a.id))
    assert not w.detail.scroll.isHidden() and not w.detail.timeline.isHidden()
    assert w.detail.timeline.headerItem().text(0) == "时间"


def test_a_report_sent_before_its_address_arrives(window, qtbot, monkeypatch):
    """The user submits before the address look-up is back: the form is freed, the late
    address goes nowhere (no error in the event loop)."""
    import threading

    from gridapp.app import addresses
    make, store, a, b = window
    w = make("worker2")
    gate = threading.Event()
    real = addresses.address_at
    monkeypatch.setattr(addresses, "address_at",
                        lambda *args: (gate.wait(10), real(*args))[1])
    x, y = cell_center("420102002001", 3)
    dialog = open_report(w, x, y)
    dialog.klass.setCurrentIndex(dialog.klass.findData("E0111"))
    submit(qtbot, dialog)
    assert dialog.outcome is not None
    qtbot.waitUntil(lambda: w.dialog is None, timeout=5000)
    qtbot.wait(50)                 # the form is gone
    job = dialog.address_job
    gate.set()                     # now the address comes back
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    qtbot.wait(100)


def test_a_report_outside_ones_cells_is_confirmed_not_refused(window, qtbot):
    """Seen walking the client: a grid worker reporting next to, not in, their own cells got
    "该案件不在您的责任范围内" and no case number; the same after handing a case back."""
    make, store, a, b = window
    w = make("worker1")
    x, y = cell_center("420102002002", 2)  # not worker1's cell
    dialog = open_report(w, x, y)
    dialog.klass.setCurrentIndex(dialog.klass.findData("E0111"))
    submit(qtbot, dialog)
    idle(qtbot, w)
    number = dialog.outcome.case.number
    assert w.statusBar().currentMessage() == f"已上报，案卷号 {number}"
    assert not w.model.may_see(index_of(w, dialog.outcome.case.id))


def test_the_approver_sees_the_time_asked_and_the_deadline_it_gives(window, qtbot):
    """Seen walking the client: 批准延期 showed a bare note field, not what was asked."""
    from factories import act

    from gridapp.domain.actions import Action
    make, store, a, b = window
    act(store, "enforce1", b.id, Action.SIGN)
    act(store, "enforce1", b.id, Action.REQUEST_EXTENSION, extra="1d", reason="需调车")
    w = make("dispatcher")
    w.select_case(index_of(w, b.id))
    dialog = w.open_action(w.detail.view.case, Action.APPROVE_EXTENSION)
    said = dialog.hint.text()
    assert said.startswith("申请延期 1 工作日：批准后应于 ")
    submit(qtbot, dialog)
    assert f"{dialog.outcome.case.deadline_at:%Y-%m-%d %H:%M}" in said
