"""Login and role scoping, filters, map ↔ list selection, warnings, search, language, export."""

import json

import numpy as np
import pypdfium2
from conftest import index_of

from gridapp.app.map_data import STATES
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


def test_a_road_chief_starts_on_his_segments(window):
    make, store, a, b = window
    w = make("chief2")
    assert w.ctx.case_filter.segments == w.session.segment_ids
    minx, miny, maxx, maxy = w.canvas.viewport.extent
    assert maxx - minx < 2000  # zoomed to his roads, not the whole district


def test_filters_and_counts(window):
    make, store, a, b = window
    w = make("leader_shift")
    assert w.case_list.model.rowCount() == 2
    w.case_list.state.setCurrentIndex(w.case_list.state.findData(STATES.index("reported")))
    assert w.case_list.model.rowCount() == 1
    w.case_list.state.setCurrentIndex(0)
    w.case_list.deadline.setCurrentIndex(w.case_list.deadline.findData("overdue"))
    rows = w.case_list.model.rows
    assert [int(w.ctx.data.cases.id[i]) for i in rows] == [b.id]
    assert "超期 1" in w.case_list.counts.text()


def test_selecting_on_the_map_selects_in_the_list_and_back(window):
    make, store, a, b = window
    w = make("leader_shift")
    w.canvas.clicked.emit(b.x + 1.0, b.y)
    assert w.detail.view.case.id == b.id
    row = w.case_list.table.currentIndex().row()
    assert int(w.ctx.data.cases.id[w.case_list.model.rows[row]]) == b.id
    i = int(np.flatnonzero(w.case_list.model.rows == index_of(w, a.id))[0])
    w.case_list.table.selectRow(i)
    assert w.detail.view.case.id == a.id
    assert w.canvas.selection.cases.tolist() == [index_of(w, a.id)]
    w.canvas.clicked.emit(a.x + 300, a.y)  # no case there: the cell under the click
    assert w.canvas.selection.cell >= 0 and "单元网格" in w.info.text.toPlainText()


def test_daily_warnings_and_a_supervision_order(window):
    make, store, a, b = window
    w = make("boss")
    assert w.warnings.tree.topLevelItemCount() == 1
    assert w.warnings.tree.topLevelItem(0).text(0) == "区城管执法大队"
    assert w.supervise_unit(w.warnings.units[0], "请今日办结") == 1
    from gridapp.services import cases as svc
    assert svc.view(store.uow(), None, b.id).case.supervision_count == 1


def test_search(window):
    make, store, a, b = window
    w = make("leader_shift")
    assert w.find("420102002002006") and w.canvas.selection.cell >= 0
    assert w.find(b.number) and w.detail.view.case.id == b.id
    assert w.find("解放大道") and w.canvas.selection.segment >= 0
    assert not w.find("不存在的地方")


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


def test_layout_and_layers_are_restored(window, tmp_path):
    from PySide6.QtCore import QSettings

    from gridapp.ui.main import build_window
    make, store, a, b = window
    w = make("leader_shift")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w.settings = settings
    w.layers.update("cells", visible=False)
    w.close()
    w2 = build_window(store, w.session, settings)
    assert not w2.layers.get("cells").visible
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
