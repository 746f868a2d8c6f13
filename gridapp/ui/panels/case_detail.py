"""The selected case: fields, photos before and after, where it is, its history, its actions.

It follows the model's current case, and reads the case again whenever another workstation
(or this one) changed it, so its buttons always match the case's version."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app.viewport import Viewport
from ...domain.places import LocatedBy
from ...domain.workflow import Action
from ...services import cases as svc
from .. import labels, theme
from ..errors import show_error
from ..i18n import follow_language, tr
from ..map.renderers import render_layer
from ..map.snapshot import RenderSnapshot
from ..photo_viewer import PHASES, Photo, PhotoViewer, decode
from ..workers import Job
from .dialogs import lonlat_text

MINI = (300, 190)
THUMB = (160, 120)
THUMBS = 8


class CaseDetailPanel(QWidget):
    action_requested = Signal(object, object)  # case, Action
    printed = Signal(str)                      # the case sheet went to the printer

    def __init__(self, app, basemap=None, parent=None) -> None:
        super().__init__(parent)
        self.app, self.basemap = app, basemap
        self.view: svc.CaseView | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel()
        self.title.setObjectName("case_title")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        self.actions_box = QWidget()
        self.actions = QHBoxLayout(self.actions_box)
        self.actions.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.actions_box)
        tools = QHBoxLayout()
        self.print_button = QPushButton()
        self.print_button.setObjectName("print_sheet")
        self.print_button.clicked.connect(lambda: self.print_sheet())
        tools.addWidget(self.print_button)
        tools.addStretch(1)
        outer.addLayout(tools)
        self.sheet_job = None
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.fields = QFormLayout()
        self.body.addLayout(self.fields)
        self.mini = QLabel()
        self.mini.setFixedSize(*MINI)
        self.body.addWidget(self.mini)
        self.photos = QHBoxLayout()
        self.body.addLayout(self.photos)
        self.timeline = QTreeWidget()
        self.timeline.setColumnCount(4)
        self.timeline.setRootIsDecorated(False)
        self.timeline.setMinimumHeight(180)
        self.body.addWidget(self.timeline)
        self.body.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        follow_language(self, lambda: self.show_case(self.view.case.id if self.view else None))
        app.current_case_changed.connect(self.show_case)
        app.data_changed.connect(self._data_changed)
        app.session_changed.connect(lambda *_: self.show_case(app.current_case))
        self.show_case(None)

    def _data_changed(self, changes) -> None:
        if self.view is not None and (self.view.case.id in changes.case_ids or changes.config):
            self.show_case(self.view.case.id)

    def show_case(self, case_id: int | None) -> None:
        """Load the case fresh from the store (its version is what actions will check)."""
        self._clear()
        self.print_button.setText(tr("打印处理单") + " (Ctrl+P)")
        self.print_button.setEnabled(case_id is not None)
        # no case: no empty frame and no empty timeline (Qt heads its columns "1 2 3 4")
        self.scroll.setVisible(case_id is not None)
        if case_id is None:
            self.view = None
            self.title.setText(tr("在地图或列表中选择一个案件"))
            return
        app = self.app
        store = app.store
        self.view = svc.view(store.uow(write=False), app.session.username, int(case_id))
        c = self.view.case
        color = theme.STATE_COLORS[c.state.value]
        status = c.deadline_status(app.clock())
        flag = {"overdue": f" <span style='color:{theme.OVERDUE}'>● {tr('超期')}</span>",
                "warning": f" <span style='color:{theme.WARNING}'>● {tr('预警')}</span>"}.get(
            status.value, "")
        with store.uow(write=False) as uow:
            cls = uow.config.catalog(c.catalog_version).find(c.class_code)
            people = uow.people
            assignee = ""
            if c.assignee:
                assignee = people.get(c.assignee.person_id).name if c.assignee.person_id \
                    else people.department(c.assignee.department_id).name
            chief = people.get(c.location.road_chief_id).name if c.location.road_chief_id \
                else ""
            worker = people.get(c.location.grid_worker_id).name \
                if c.location.grid_worker_id else ""
            reporter = people.get(c.reporter_id).name
            actors = {e.actor_id: people.get(e.actor_id).name for e in self.view.events}
        name = cls.name if cls else c.class_code
        self.title.setText(f"<b style='font-size:14pt'>{c.number}</b> &nbsp; "
                           f"<span style='background:{color};color:white;padding:2px'>"
                           f"&nbsp;{labels.state(c.state.value)}&nbsp;</span>{flag}<br>"
                           f"{tr(c.kind.label_zh)}·{name}")
        rows = [
            ("问题描述", c.description), ("地址", c.address), ("来源", labels.source(c.source.value)),
            ("上报人", tr("{what}（{n}）", what=reporter, n=c.reporter_contact)
             if c.reporter_contact else reporter),
            ("上报时间", labels.dt(c.reported_at)), ("单元网格", c.location.cell_code or ""),
            ("网格员", worker), ("路长", chief), ("责任单位", assignee),
            ("处置时限", labels.dt(c.deadline_at)), ("部件编码", c.component_code or ""),
            ("热线工单号", c.external_id or ""), ("立案条件", cls.register_condition if cls else ""),
            ("结案条件", cls.close_condition if cls else ""),
            ("退回/返工/延期/督办", f"{c.return_count} / {c.rework_count} / "
                             f"{c.extension_count} / {c.supervision_count}"),
        ]
        if not c.placed:
            rows.insert(2, ("位置", tr("待定位") + (f"（{tr('地址匹配')}：{c.locate_match}）"
                                                  if c.locate_match else "")))
        else:   # WGS-84 lon/lat, as people read positions (never projected metres)
            where = lonlat_text(store, c.x, c.y)
            if c.located_by is LocatedBy.MAP:
                where += f" · {tr('地图标定')}"
            elif c.located_by is not None:  # a rough point from the ticket's address
                where += " · " + tr("按地址定位（{how}），可信度 {p:.0%}",
                                    how=labels.located(c.located_by),
                                    p=c.locate_confidence or 0.0)
            rows.insert(2, ("位置", where))
        if c.duplicate_of:   # the original by its number, as people name cases
            with store.uow(write=False) as uow:
                rows.append(("重复于", uow.cases.get(c.duplicate_of).number))
        if c.satisfaction:
            rows.append(("满意度", tr(c.satisfaction.label_zh)))
        for label, value in rows:
            if value:
                v = QLabel(str(value))
                v.setWordWrap(True)
                v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.fields.addRow(tr(label), v)
        if c.placed:
            self.mini.setPixmap(self._mini_map(c))
        else:
            self.mini.setText(tr("待定位：尚无位置。受理员、值班长或派遣员点击“标定位置”，"
                                 "再在地图上点击问题所在处。"))
            self.mini.setWordWrap(True)
        self._photos()
        self.timeline.setHeaderLabels([tr("时间"), tr("环节"), tr("经办人"), tr("说明")])
        for e in self.view.events:
            item = QTreeWidgetItem([labels.dt(e.at), labels.action(e.action),
                                    tr("{what}（{n}）", what=actors[e.actor_id],
                                       n=labels.role(e.actor_role)),
                                    e.reason])
            item.setToolTip(3, e.reason)
            self.timeline.addTopLevelItem(item)
        for col in range(3):
            self.timeline.resizeColumnToContents(col)
        for action in self.view.allowed:
            b = QPushButton(labels.action(action))
            b.setObjectName(f"action_{action.value}")
            b.clicked.connect(lambda _=False, a=action: self.action_requested.emit(
                self.view.case, a))
            self.actions.addWidget(b)
        self.actions.addStretch(1)

    def _clear(self) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        for lay in (self.actions, self.photos):
            while lay.count():
                widget = lay.takeAt(0).widget()
                if widget is not None:  # gone from view now, deleted when Qt is idle
                    widget.hide()
                    widget.setParent(None)
                    widget.deleteLater()
        self.timeline.clear()
        self.mini.clear()

    def _mini_map(self, c) -> QPixmap:
        snap = RenderSnapshot(self.app.derived, self.app.raster, self.basemap)
        vp = Viewport(c.x, c.y, 1.2, *MINI)
        img = QImage(*MINI, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0xFFF2EFE9)
        p = QPainter(img)
        for key, style in (("basemap", ""), ("cells", "outline"), ("segments", "class")):
            p.drawImage(0, 0, render_layer(key, vp, snap, style))
        p.setPen(theme.qcolor(theme.OVERDUE))
        p.setBrush(theme.qcolor(theme.STATE_COLORS[c.state.value]))
        p.drawEllipse(MINI[0] // 2 - 7, MINI[1] // 2 - 7, 14, 14)
        p.end()
        return QPixmap.fromImage(img)

    def case_photos(self) -> list[Photo]:
        """Every photo of the shown case, with the phase, time and person of its action."""
        if self.view is None:
            return []
        events = {e.seq: e for e in self.view.events}
        out = []
        with self.app.store.uow(write=False) as uow:
            for seq, phase, sha in self.view.photos:
                _ref, data = uow.photos.get(sha)
                ev = events.get(seq)
                who = uow.people.get(ev.actor_id).name if ev else ""
                out.append(Photo(sha, phase, ev.at if ev else None, who, data))
        return out

    def _photos(self) -> None:
        self.photo_list = self.case_photos()
        for k, photo in enumerate(self.photo_list[:THUMBS]):
            pix = QPixmap.fromImage(decode(photo.data)).scaled(
                *THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            box = QVBoxLayout()
            pic = QToolButton()
            pic.setObjectName(f"photo_{k}")
            pic.setIcon(QIcon(pix))
            pic.setIconSize(QSize(*THUMB))
            pic.setToolTip(photo.caption + " — " + tr("点击查看大图"))
            pic.setCursor(Qt.CursorShape.PointingHandCursor)
            pic.clicked.connect(lambda _=False, k=k: self.open_photo(k))
            box.addWidget(pic)
            box.addWidget(QLabel(tr(PHASES.get(photo.phase, photo.phase))))
            holder = QWidget()
            holder.setLayout(box)
            self.photos.addWidget(holder)
        if len(self.photo_list) > THUMBS:
            more = QPushButton(tr("全部 {n} 张…", n=len(self.photo_list)))
            more.clicked.connect(lambda: self.open_photo(THUMBS))
            self.photos.addWidget(more)
        self.photos.addStretch(1)

    def open_photo(self, k: int) -> PhotoViewer:
        """The photo large, in a viewer of every photo of the case."""
        self.viewer = PhotoViewer(self.photo_list, k, self.view.case.number, self)
        self.viewer.show()
        return self.viewer

    def print_sheet(self, printer=None) -> Job | None:
        """案件处理单 of the shown case: made off the UI thread, then printed on the printer
        the user picks (or on `printer`, already chosen)."""
        from ..print_sheet import ask_printer, print_pdf, sheet_job
        if self.view is None:
            return None
        case = self.view.case
        job = self.sheet_job = sheet_job(self.app.store, case.id, self.app.session.person.name)
        self.print_button.setEnabled(False)

        def made(pdf) -> None:
            self.print_button.setEnabled(True)
            chosen = printer or ask_printer(self, tr("打印案件处理单 {n}", n=case.number))
            if chosen is None:
                return
            try:
                print_pdf(pdf, chosen)
            except OSError as exc:
                show_error(self, tr("打印"), exc)
                return
            self.printed.emit(str(pdf))

        def failed(exc) -> None:
            self.print_button.setEnabled(True)
            show_error(self, tr("打印"), exc)
        job.finished.connect(made)
        job.failed.connect(failed)
        return job.start()

    def allowed(self) -> list[Action]:
        return list(self.view.allowed) if self.view else []


__all__ = ["CaseDetailPanel", "np"]
