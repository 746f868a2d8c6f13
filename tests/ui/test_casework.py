"""Case handling in the client: the class search, the address of a map point, registering
with a corrected class and point, the photo viewer, the case sheet, messages in the
interface's language."""

from conftest import idle
from factories import cell_center
from PySide6.QtCore import Qt


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
    dialog.submit()
    assert dialog.outcome is None
    box.setEditText("暴露垃圾")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    dialog.submit()
    idle(qtbot, w)
    assert dialog.outcome is not None and dialog.outcome.case.class_code == "E0102"
