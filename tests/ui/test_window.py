"""The window as the client runs it: login and scope, filters, map ↔ list selection, warnings,
search, language, exports, layout; changes made elsewhere shown; switching user in place."""

import json
import re
import threading

import numpy as np
import pypdfium2
import pytest
from factories import act
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolButton  # noqa: E402
from ui_support import NOW, idle, index_of, refreshed

from gridapp.app.map_data import STATES
from gridapp.domain.actions import Action
from gridapp.services import cases as svc
from gridapp.ui import theme
from gridapp.ui.i18n import set_language
from gridapp.ui.login import LoginDialog


def test_login_refuses_a_wrong_password_and_scopes_the_road_chief(qtbot, seeded):
    store, a, b = seeded
    d = LoginDialog(store, "chief1")
    qtbot.addWidget(d)
    d.password.setText("nope")
    d.try_login()
    assert d.session is None and d.error.text() == "用户名或密码错误"
    d.password.setText("secret-chief1")
    d.try_login()
    assert d.session is not None and d.session.segment_ids


def test_the_map_is_drawn_on_render_threads_with_the_basemap(window, qtbot):
    make, store, a, b = window
    w = make("leader_shift")
    images = w.canvas._images
    assert {"basemap", "cells", "segments", "cases"} <= set(images)
    base = images["basemap"]
    opaque = sum(base.pixelColor(x, y).alpha() > 0 for x in range(0, base.width(), 40)
                 for y in range(0, base.height(), 40))
    assert opaque > 50  # tiles were warped onto the map on a worker thread
    for k in range(8):  # zoom and pan as a user does: every render on the threads again
        w.canvas.zoom(1.5 if k % 2 else 1 / 1.3, 400, 300)
        idle(qtbot, w)
    assert w.canvas._image_vp == w.canvas.viewport


def test_a_road_chief_sees_and_opens_only_his_own_cases(window, qtbot, messages):
    make, store, a, b = window
    w = make("chief2")  # chief2 holds the east segments: b lies on none of them
    assert w.case_list.model.rowCount() == 0
    minx, miny, maxx, maxy = w.canvas.viewport.extent
    assert maxx - minx < 2000  # zoomed to his roads, not the whole district
    assert not w.find(b.number)  # not his: refused, and said so
    assert w.model.current_case is None
    assert "不在您的责任范围" in w.statusBar().currentMessage()
    assert w.warnings.tree.topLevelItemCount() == 0  # no other unit's warnings either


def test_filters_chips_and_counts(window):
    make, store, a, b = window
    w = make("leader_shift")
    cl = w.case_list
    assert cl.model.rowCount() == 2
    cl.state.set_selected({STATES.index("reported")}, emit=True)
    assert cl.model.rowCount() == 1
    # several states at once
    cl.state.set_selected({STATES.index("reported"), STATES.index("dispatched")}, emit=True)
    assert cl.model.rowCount() == 2 and cl.state.text() == "状态（2）"
    cl.state.set_selected(set(), emit=True)
    cl.deadline.setCurrentIndex(cl.deadline.findData("overdue"))
    rows = cl.model.rows
    assert [int(w.model.data.cases.id[i]) for i in rows] == [b.id]
    assert "超期 1" in cl.counts.text()
    # every active filter is a chip; its ✕ removes just that filter
    assert cl.chips.keys() == ["deadline", "open_only"]
    w.findChild(QToolButton, "chip_deadline").click()
    assert cl.model.rowCount() == 2 and cl.deadline.currentData() is None
    assert cl.chips.keys() == ["open_only"]


def test_list_columns_name_the_unit_and_the_address(window, qtbot):
    make, store, a, b = window
    w = make("leader_shift")
    cl = w.case_list
    from gridapp.ui.panels.case_list import COLUMNS
    col = {k: i for i, (k, _) in enumerate(COLUMNS)}
    row = int(np.flatnonzero(cl.model.rows == index_of(w, b.id))[0])
    assert cl.model.data(cl.model.index(row, col["unit"])) == "区城管执法大队"
    assert cl.model.data(cl.model.index(row, col["due"])) == "超期"
    cl.model.data(cl.model.index(row, col["address"]))  # asks for the rows in view
    qtbot.waitUntil(lambda: cl.model.data(cl.model.index(row, col["address"])) != "…", timeout=30000)


def test_selecting_on_the_map_selects_in_the_list_and_back(window):
    make, store, a, b = window
    w = make("leader_shift")
    w.canvas.clicked.emit(b.x + 1.0, b.y)
    assert w.detail.view.case.id == b.id
    row = w.case_list.table.currentIndex().row()
    assert int(w.model.data.cases.id[w.case_list.model.rows[row]]) == b.id
    i = int(np.flatnonzero(w.case_list.model.rows == index_of(w, a.id))[0])
    w.case_list.table.selectRow(i)
    assert w.detail.view.case.id == a.id
    assert w.model.selection.case_ids == (a.id,)
    w.canvas.clicked.emit(a.x + 300, a.y)  # no case there: the cell under the click
    assert w.model.selection.cell >= 0 and "单元网格" in w.info.text.toPlainText()


def test_daily_warnings_and_a_supervision_order(window, qtbot):
    make, store, a, b = window
    w = make("boss")
    assert w.warnings.tree.topLevelItemCount() == 1
    top = w.warnings.tree.topLevelItem(0)
    assert top.text(0) == "区城管执法大队"
    job = w.supervise_unit(w.warnings.units[0], "请今日办结")
    qtbot.waitUntil(lambda: not job.running and "已督办 1 件" in w.statusBar().currentMessage(), timeout=30000)
    idle(qtbot, w)
    assert w.warnings.tree.topLevelItem(0) is top  # the same units: the tree is not rebuilt
    opened = []
    w.warnings.case_selected.connect(opened.append)
    w.warnings._open(top.child(0), 0)   # a double click on the case opens it, by its id
    assert opened == [index_of(w, b.id)]
    assert svc.view(store.uow(), None, b.id).case.supervision_count == 1


def test_search_lists_what_a_text_can_mean(window, qtbot):
    make, store, a, b = window
    w = make("leader_shift")
    assert w.find("420102002002006") and w.model.selection.cell >= 0
    assert w.find(b.number) and w.detail.view.case.id == b.id
    # a road: the road itself and each of its segments, listed to choose from
    assert w.find("解放大道") and w.results.isVisible()
    kinds = [h.kind for h in w.search_results]
    assert kinds[:3] == ["road", "segment", "segment"]
    w.results.list.setCurrentRow(1)  # one segment
    w.results._pick(w.results.list.currentItem())
    assert w.model.selection.segment >= 0 and not w.results.isVisible()
    assert w.find("解放大道")
    w.results.list.setCurrentRow(0)  # the road: every segment of it, not its first
    w.results._pick(w.results.list.currentItem())
    road = w.model.road_segments("解放大道")
    assert w.model.selection.road == "解放大道" and len(road) == kinds.count("segment") > 1
    assert re.search(rf"路段数\s*{len(road)}\b", w.info.text.toPlainText())
    idle(qtbot, w)
    shot = w.canvas.grab().toImage()
    colour = QColor(theme.SELECTION).rgb()
    for i in road:  # the selection's colour on each segment's middle stretch
        x0, y0, x1, y1 = w.model.data.segments.bounds[i]
        px, py = w.canvas.viewport.to_screen(np.array([(x0 + x1) / 2]), np.array([(y0 + y1) / 2]))
        cx, cy = int(px[0]), int(py[0])
        near = [shot.pixel(x, y) for x in range(cx - 6, cx + 7) for y in range(cy - 6, cy + 7)
                if 0 <= x < shot.width() and 0 <= y < shot.height()]
        assert colour in near, f"segment {i} is not highlighted"
    assert w.find("单车") and w.detail.view.case.id == b.id  # by its description
    assert not w.find("不存在的地方")


def test_a_case_found_is_shown_even_when_a_filter_hid_it(window):
    make, store, a, b = window
    w = make("leader_shift")
    w.case_list.state.set_selected({STATES.index("reported")}, emit=True)
    assert index_of(w, b.id) not in set(w.case_list.model.rows.tolist())
    assert w.find(b.number)
    assert index_of(w, b.id) in set(w.case_list.model.rows.tolist())
    assert w.case_list.state.selected() == set() and "已清除筛选" in \
        w.statusBar().currentMessage()


def test_changes_made_elsewhere_show_in_list_map_and_detail(window, qtbot):
    """Another workstation registers a case, with its clock two days behind ours: the list,
    the map arrays and the open detail all show it after the next refresh."""
    make, store, a, b = window
    w = make("leader_shift")
    w.select_case(index_of(w, a.id))
    assert w.detail.view.case.state.value == "reported"
    act(store, "acceptor", a.id, Action.REGISTER)
    with store.engine.begin() as conn:  # and its rows say it happened long ago
        conn.exec_driver_sql("UPDATE cases SET updated_at = '2001-01-01 00:00:00.000000' "
                             "WHERE id = ?", (a.id,))
    refreshed(qtbot, w)
    k = index_of(w, a.id)
    assert STATES[w.model.data.cases.state[k]] == "registered"
    assert w.detail.view.case.state.value == "registered"
    row = int(np.flatnonzero(w.case_list.model.rows == k)[0])
    assert w.case_list.model.data(w.case_list.model.index(row, 3)) == "待派遣"
    # a street renamed in QGIS (plain SQL, no gridapp): the list's filter offers the new name
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE streets SET name = '一元新街' WHERE code = '420102001'")
    refreshed(qtbot, w)
    assert "一元新街" in [a.text() for a in w.case_list.street.menu_.actions()]
    assert "一元新街" in list(w.model.data.street_names)


def test_a_cell_moved_in_qgis_onto_its_neighbour_is_reported(window, qtbot, messages):
    make, store, a, b = window
    w = make("leader_shift")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE grid_cells SET geom = ST_Translate(geom, 30, 0, 0) "
                             "WHERE code = '420102001001001'")
    refreshed(qtbot, w)
    box = w.overlap_box   # a notice beside the window: the map goes on working
    assert box is not None and not box.isModal()
    assert "420102001001001" in box.text() and "重叠" in box.text()
    refreshed(qtbot, w)   # the same overlap is not told twice
    with store.engine.begin() as conn:  # another edit elsewhere: added to the unread notice
        conn.exec_driver_sql("UPDATE grid_cells SET community_code = community_code WHERE code = '420102001001002'")
    refreshed(qtbot, w)
    assert w.overlap_box is box and box.text().count("420102001001001") == 1
    k = int(np.flatnonzero(w.model.data.cells.codes == "420102001001001")[0])
    assert w.model.data.cells.bounds[k][0] == pytest.approx(529030.0)  # the map moved it


def test_switching_user_in_place(window, qtbot, monkeypatch):
    from gridapp.app.session import Session
    make, store, a, b = window
    w = make("leader_shift")
    w.select_case(index_of(w, b.id))
    assert w.case_list.model.rowCount() == 2 and w.warnings.tree.topLevelItemCount() == 1
    w.model.switch_session(Session.open(store, "worker1", "secret-worker1"))
    assert w.model.current_case is None and w.detail.view is None
    listed = set(int(i) for i in w.model.data.cases.id[w.case_list.model.rows])
    assert listed == {a.id}  # a lies in worker1's cells, b does not
    assert "赵网格" in w.user_label.text()
    assert w.warnings.tree.topLevelItemCount() == 0
    w.model.switch_session(Session.open(store, "leader_shift", "secret-leader_shift"))
    assert w.case_list.model.rowCount() == 2


def test_language_switches_while_running(window):
    make, store, a, b = window
    w = make("leader_shift")
    w.select_case(index_of(w, b.id))
    set_language("en")
    assert w.m_file.title() == "File" and w.list_dock.windowTitle() == "Case list"
    from PySide6.QtCore import Qt
    assert w.case_list.model.headerData(0, Qt.Orientation.Horizontal) == "Case no."
    assert "To sign" in w.detail.title.text() and "Overdue" in w.detail.title.text()
    set_language("zh")
    assert w.m_file.title() == "文件"


def test_the_freshness_in_the_status_bar_follows_the_language(window, qtbot):
    """Seen walking the client: after 视图 → English the status bar still said 数据更新于."""
    make, store, a, b = window
    w = make("dispatcher")
    act(store, "acceptor", a.id, Action.REGISTER)
    refreshed(qtbot, w)
    assert w.fresh_label.text() == "数据更新于 10:00:00"
    set_language("en")
    assert w.fresh_label.text() == "Data as of 10:00:00"
    set_language("zh")
    assert w.fresh_label.text() == "数据更新于 10:00:00"


def test_export_map_png_and_pdf(window, tmp_path):
    make, store, a, b = window
    w = make("leader_shift")
    png = w.export_map("png", str(tmp_path / "map.png"))
    pdf = w.export_map("pdf", str(tmp_path / "map.pdf"))
    from PIL import Image
    img = Image.open(png)
    assert img.size[0] >= 1200 and len(set(img.convert("L").get_flattened_data())) > 20
    page = pypdfium2.PdfDocument(pdf)[0].render(scale=0.5).to_pil()
    assert len(set(page.convert("L").get_flattened_data())) > 20  # not blank: map, legend, title


def test_export_from_the_file_menu_asks_where_and_writes_there(window, qtbot, tmp_path,
                                                                 monkeypatch):
    """文件 → 导出案件表… as a user picks it: the save dialog comes up, the file is written."""
    from PySide6.QtWidgets import QFileDialog
    make, store, a, b = window
    w = make("leader_shift")
    asked = []
    out = tmp_path / "menu.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (asked.append(args[1]), (str(out), "Excel (*.xlsx)"))[1])
    action = next(act for act, key in w._texts.items() if key == "导出案件表…")
    action.trigger()
    qtbot.waitUntil(lambda: "已导出" in w.statusBar().currentMessage(), timeout=30000)
    assert asked == ["导出案件表"] and out.exists()


def test_export_writes_what_the_list_shows_and_says_which(window, qtbot, tmp_path):
    from python_calamine import CalamineWorkbook
    make, store, a, b = window
    w = make("leader_shift")
    w.case_list.deadline.setCurrentIndex(w.case_list.deadline.findData("overdue"))
    job = w.export_cases(str(tmp_path / "cases.xlsx"))
    qtbot.waitUntil(lambda: not job.running and "已导出 1 件" in w.statusBar().currentMessage(), timeout=30000)
    book = CalamineWorkbook.from_path(str(tmp_path / "cases.xlsx"))
    rows = book.get_sheet_by_name("案件").to_python()
    assert len(rows) == 2 and rows[1][0] == b.number
    note = book.get_sheet_by_name("说明").to_python()[1][0]
    assert "时限：超期" in note and "共 1 件" in note
    from PySide6.QtWidgets import QProgressDialog
    qtbot.waitUntil(lambda: not w.findChildren(QProgressDialog), timeout=5000)  # freed
    job = w.export_cases(str(tmp_path / "cases.csv"))
    qtbot.waitUntil(lambda: not job.running, timeout=30000)
    lines = (tmp_path / "cases.csv").read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("# ") and "时限：超期" in lines[0] and len(lines) == 3
    set_language("en")  # the export speaks the interface's language
    job = w.export_cases(str(tmp_path / "cases-en.xlsx"))
    qtbot.waitUntil(lambda: not job.running, timeout=30000)
    book = CalamineWorkbook.from_path(str(tmp_path / "cases-en.xlsx"))
    rows = book.get_sheet_by_name("Cases").to_python()
    head = dict(zip(rows[0], rows[1], strict=True))
    assert head["State"] == "To sign" and head["Deadline status"] == "Overdue"
    assert "Longitude (WGS-84)" in head and "Deadline: Overdue" in \
        book.get_sheet_by_name("Note").to_python()[1][0]
    set_language("zh")


def test_two_exports_at_once_each_answer_on_their_own_box(window, qtbot, tmp_path):
    """The soak started an export while one was running: the first one's end freed the
    second one's box, whose progress then reached a freed widget."""
    from PySide6.QtWidgets import QProgressDialog
    make, store, a, b = window
    w = make("leader_shift")
    first = w.export_cases(str(tmp_path / "one.xlsx"))
    second = w.export_cases(str(tmp_path / "two.csv"))
    qtbot.waitUntil(lambda: not first.running and not second.running, timeout=30000)
    qtbot.waitUntil(lambda: not w.findChildren(QProgressDialog), timeout=5000)  # both freed
    assert (tmp_path / "one.xlsx").exists() and (tmp_path / "two.csv").exists()
    assert "已导出" in w.statusBar().currentMessage()


def test_replies_to_the_user_come_on_the_ui_thread(window, qtbot, tmp_path, monkeypatch):
    """The bulletin's 'done' message box is made on the UI thread, not the worker's."""
    from PySide6.QtWidgets import QMessageBox
    threads = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda *a: threads.append(threading.current_thread()))
    make, store, a, b = window
    w = make("leader_shift")
    job = w.dashboard.make_bulletin(str(tmp_path / "bulletins"))
    qtbot.waitUntil(lambda: bool(threads), timeout=60000)
    assert threads == [threading.main_thread()] and not job.running


def test_closing_stops_every_job(window, qtbot, tmp_path):
    make, store, a, b = window
    w = make("leader_shift")
    job = w.dashboard.make_bulletin(str(tmp_path / "bulletins"))
    w.refresh_data()
    w.close()
    assert not job.running
    assert w._refresh_job is None or not w._refresh_job.running


def test_layout_and_layers_are_restored(window, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from gridapp.ui.main import build_window
    make, store, a, b = window
    w = make("leader_shift")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w.settings = settings
    w.model.layers.update("cells", visible=False)
    w.close()
    w2 = build_window(store, w.model.session, settings, clock=lambda: NOW)
    qtbot.addWidget(w2)
    assert not w2.model.layers.get("cells").visible
    assert json.loads(settings.value("layers"))[1]["key"] == "cells"
    w2.close()


def test_every_interface_string_has_english():
    import ast
    import re
    from pathlib import Path

    from gridapp.ui.i18n import missing
    cjk = re.compile(r"[\u4e00-\u9fff]")
    texts = set()
    for path in Path("gridapp/ui").rglob("*.py"):
        if path.name == "soak.py":
            continue  # what the soak's user types into the forms: input, not interface text
        tree = ast.parse(path.read_text("utf-8"))
        docs = {id(n.body[0].value) for n in ast.walk(tree)
                if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef)
                and n.body and isinstance(n.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    cjk.search(node.value) and id(node) not in docs:
                texts.add(node.value)
    texts -= {"中文"}
    assert missing(texts) == []


def test_todo_shows_what_waits_counts_it_in_the_title_and_tells_of_news(window, qtbot):
    from PySide6.QtCore import Qt
    make, store, a, b = window
    w = make("dispatcher")
    assert not w.todo_dock.visibleRegion().isEmpty()  # the day starts from 待办
    assert w.todo.tree.topLevelItemCount() == 0 and "待办" not in w.windowTitle()
    act(store, "acceptor", a.id, Action.REGISTER)  # at the acceptor's desk
    refreshed(qtbot, w)
    head = w.todo.tree.topLevelItem(0)
    assert head.text(0) == "待派遣（1）" and "（1 件待办）" in w.windowTitle()
    assert w.notifier.last[0] == "新待办 1 件" and a_number(a) in w.notifier.last[1]
    row = head.child(0)
    assert row.text(0) == a_number(a)
    rect = w.todo.tree.visualItemRect(row)
    qtbot.mouseClick(w.todo.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.detail.view.case.id == a.id
    set_language("en")
    assert w.todo.tree.topLevelItem(0).text(0) == "To dispatch (1)"
    assert w.todo_dock.windowTitle() == "To-do (1)"
    assert "(1 waiting)" in w.windowTitle()
    set_language("zh")


def a_number(case) -> str:
    return case.number


def test_qt_file_dialog_is_chinese_in_the_chinese_window(qtbot):
    """Seen walking the client: the photo and folder pickers said "Look in:" and "Files of
    type:" (Qt 6.11 texts its zh_CN catalog lacks) among Chinese buttons."""
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

    from gridapp.ui import i18n
    i18n.install_qt_language()
    try:
        dialog = QFileDialog(None, "选择照片", "", "图片 (*.jpg)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        label = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
        assert label["lookInLabel"] == "查找范围(&L)："
        assert label["fileTypeLabel"] == "文件类型(&T)："
        # a first fix (a Python QTranslator subclass) made every image undecodable: the
        # basemap went blank; a tile read on a thread, as the render threads do, still reads
        png = QBuffer()
        png.open(QBuffer.OpenModeFlag.WriteOnly)
        tile = QImage(256, 256, QImage.Format.Format_RGB32)
        tile.fill(0x336699)
        tile.save(png, "PNG")
        data = bytes(png.data())
        read = []
        worker = threading.Thread(target=lambda: read.append(QImage.fromData(data)))
        worker.start()
        worker.join()
        assert not read[0].isNull() and read[0].width() == 256
    finally:
        for t in i18n._qt_translators:
            QApplication.instance().removeTranslator(t)
        i18n._qt_translators.clear()


def test_the_photo_picker_names_its_filter_in_the_interface_language(qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from gridapp.ui.panels.dialogs import PhotoPicker
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args: (asked.append(args[3]), ([], ""))[1])
    picker = PhotoPicker()
    qtbot.addWidget(picker)
    picker._add()
    set_language("en")
    picker._add()
    set_language("zh")
    assert asked == ["图片 (*.jpg *.jpeg *.png *.webp)", "Images (*.jpg *.jpeg *.png *.webp)"]


def test_the_next_user_starts_with_an_empty_search(window):
    """Seen walking the client: after 切换用户 the search box still held the last user's
    case number."""
    from gridapp.app.session import Session
    make, store, a, b = window
    w = make("acceptor")
    w.search.setText(a.number)
    w.model.switch_session(Session.open(store, "leader_shift", "secret-leader_shift"))
    assert w.search.text() == "" and not w.results.isVisible()


def test_components_legend_says_to_zoom_in_where_they_are_not_drawn(window, qtbot):
    from gridapp.ui.map.renderers import COMPONENTS_MAX_RES
    make, store, a, b = window
    w = make("leader_shift")
    w.model.layers.update("components", visible=True)
    w.a_legend.setChecked(True)
    w.toggle_legend()
    assert len(w.model.data.components_class)
    x0, y0, x1, y1 = w.model.data.extent
    w.canvas.zoom_to((x0 - 3000, y0 - 3000, x1 + 3000, y1 + 3000))  # afar: not drawn
    idle(qtbot, w)
    assert w.canvas.viewport.res > COMPONENTS_MAX_RES
    labels_far = [label for _k, _c, label in w.legend.view.items]
    assert any(label.startswith("放大到 1:") for label in labels_far)
    assert not any(kind == "square" for kind, _c, _l in w.legend.view.items)
    x, y = w.model.data.components_xy[0]
    w.canvas.zoom_to((x - 150, y - 150, x + 150, y + 150))  # close up: drawn, and listed
    idle(qtbot, w)
    assert w.canvas.viewport.res <= COMPONENTS_MAX_RES
    assert any(kind == "square" for kind, _c, _l in w.legend.view.items)
    assert not any(label.startswith("放大到") for _k, _c, label in w.legend.view.items)


def test_todo_keeps_its_state_column_in_a_narrow_dock(window, qtbot):
    """The class gives way (elided, whole in its tooltip); number, time left and state show."""
    make, store, a, b = window
    w = make("dispatcher")
    act(store, "acceptor", a.id, Action.REGISTER)
    refreshed(qtbot, w)
    w.todo_dock.setFloating(True)  # a dock as narrow as a road chief's laptop leaves it
    w.todo_dock.resize(250, 400)
    qtbot.waitUntil(lambda: w.todo.tree.viewport().width() < 250)
    tree, header = w.todo.tree, w.todo.tree.header()
    row = tree.topLevelItem(0).child(0)
    assert row.text(3) and row.toolTip(1) == row.text(1)
    for col in (0, 2, 3):  # whole, inside the visible width
        assert header.sectionViewportPosition(col) + header.sectionSize(col) <= \
            tree.viewport().width() + 1, col
        assert header.sectionSize(col) >= tree.fontMetrics().horizontalAdvance(row.text(col))
