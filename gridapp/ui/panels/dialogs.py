"""Action dialogs: one form per action, built from what the action asks for."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...app.actions import FIELDS, REQUIRED
from ...domain.case import RejectReason, Satisfaction, Source, patrol_source
from ...domain.errors import StaleCase
from ...domain.people import Role
from ...domain.workflow import Action
from ...io.crs import store_to_lonlat
from ...services import cases as svc
from ...services.photos import add_photo
from ...store.sharing import OwnStoreFile, refuse_own_store
from .. import labels
from ..class_picker import ClassPicker
from ..errors import show_error
from ..i18n import tr
from ..workers import Job

EXTRA = [("2h", "2 工作时"), ("4h", "4 工作时"), ("1d", "1 工作日"), ("2d", "2 工作日"),
         ("3d", "3 工作日"), ("5d", "5 工作日"), ("10d", "10 工作日")]
LABELS = {"note": "说明", "reason": "原因", "reason_code": "不予立案原因",
          "duplicate_of": "原案卷号", "assignee": "派遣至", "extra": "延期时长",
          "satisfaction": "满意度", "photos": "照片", "verifier": "核查人",
          "x": "位置", "class_code": "问题类别", "address": "地址"}


def lonlat_text(store, x: float | None, y: float | None) -> str:
    """A position as a person reads it: WGS-84 longitude and latitude, 6 decimals."""
    if x is None or y is None:
        return tr("待定位")
    lon, lat = store_to_lonlat(x, y, store.srid)
    return f"{float(lon):.6f}°E, {float(lat):.6f}°N"


def limit_text(limit) -> str:
    """'4 工作时' / '4 working hours' (a time limit in the interface's language)."""
    amount = int(limit.amount) if float(limit.amount).is_integer() else limit.amount
    return f"{amount} {tr(limit.unit.label_zh)}"


class PointField(QWidget):
    """Where the case is (lon/lat); with `pick` a button asks for a click on the map."""

    pick = Signal()

    def __init__(self, store, x, y, pickable: bool, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.label, 1)
        self.button = QPushButton(tr("在地图上选点…"))
        self.button.setObjectName("pick_point")
        self.button.clicked.connect(self.pick.emit)
        self.button.setVisible(pickable)
        lay.addWidget(self.button)
        self.show_point(x, y)

    def show_point(self, x, y, changed: bool = False) -> None:
        text = lonlat_text(self.store, x, y)
        self.label.setText(text + (tr("（已更正）") if changed else ""))


def fill_address(dialog, field: QLineEdit, x: float, y: float) -> Job:
    """The address of (x, y) into `field`, looked up off the UI thread; what the user typed
    meanwhile is kept."""
    from ...app.addresses import address_at
    store = dialog.app.store
    typed = field.text()
    job = Job(lambda _progress: address_at(store, x, y), "address")

    def done(address) -> None:
        if not isValid(field):  # the form was answered and freed before the address came
            return
        if field.text() == typed:   # untouched meanwhile
            field.setText(address.text)
            field.setCursorPosition(0)
        dialog.address_job = None
    job.finished.connect(done)
    job.failed.connect(lambda _exc: setattr(dialog, "address_job", None))
    dialog.address_job = job
    return job.start()


class PhotoPicker(QWidget):
    """Choose photo files; they are checked and stored before the action runs."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(60)
        add = QPushButton(tr("添加照片…"))
        add.clicked.connect(self._add)
        lay.addWidget(self.list, 1)
        lay.addWidget(add)
        self.paths: list[Path] = []

    def _add(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, tr("选择照片"), "",
                                                tr("图片 (*.jpg *.jpeg *.png *.webp)"))
        for f in files:
            self.add_path(Path(f))

    def add_path(self, path: Path) -> None:
        try:
            refuse_own_store(path)
        except OwnStoreFile as exc:
            show_error(self, tr("选择照片"), exc)
            return
        self.paths.append(path)
        self.list.addItem(path.name)


class SubmitDialog(QDialog):
    """A form whose OK writes to the store. The writing runs off the UI thread — a SpatiaLite
    file locked by another workstation waits up to its busy timeout, a PostGIS round trip
    can be slow — so the window keeps drawing and taking in changes meanwhile; the form stays
    up with its inputs off ("正在提交…") until the store has answered, and cannot be dismissed
    half-way (what the store says decides: done, or the error to correct)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self.status = QLabel()
        self.status.setObjectName("submit_status")
        self.status.hide()

    @property
    def submitting(self) -> bool:
        return self.job is not None

    def _editable(self) -> list[QWidget]:
        """What is switched off while the store works (the inputs, the buttons), leaving
        alone what was off already (it stays off afterwards)."""
        return [w for w in self.findChildren(QWidget)
                if isinstance(w, (QLineEdit, QPlainTextEdit, QComboBox, QDialogButtonBox,
                                  PhotoPicker, ClassPicker)) and w.isEnabled()]

    def submit_off_thread(self, work, done, failed) -> Job:
        """Run `work()` on a worker thread; `done(result)` or `failed(exc)` on the UI thread."""
        widgets = self._editable()
        for w in widgets:
            w.setEnabled(False)
        self.status.setText(tr("正在提交…"))
        self.status.show()

        def settle() -> None:
            self.job = None
            self.status.hide()
            for w in widgets:
                w.setEnabled(True)

        def ok(result) -> None:
            settle()
            done(result)

        def error(exc) -> None:
            settle()
            failed(exc)
        self.job = Job(lambda _progress: work(), "submit")
        self.job.finished.connect(ok)
        self.job.failed.connect(error)
        return self.job.start()

    def reject(self) -> None:
        if self.submitting:
            return  # the store is answering: its answer closes the form or explains
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.submitting:
            event.ignore()
            return
        super().closeEvent(event)


def _store_photos(store, paths) -> list:
    """The chosen photo files checked and stored (on the worker thread: files may be large)."""
    return [add_photo(store.uow(), p.read_bytes(), p.name) for p in paths]


class ActionDialog(SubmitDialog):
    """Asks what `action` needs, then performs it as the model's user (off the UI thread);
    the result is in `outcome` (and `performed`); a case changed meanwhile elsewhere emits
    `stale`."""

    performed = Signal(object)
    stale = Signal()
    pick_point = Signal(object)   # the dialog waits (hidden) for a click on the map

    def __init__(self, app, case, action: Action, parent=None,
                 point: tuple[float, float] | None = None) -> None:
        super().__init__(parent)
        self.app, self.case, self.action, self.point = app, case, action, point
        self.outcome = None
        self.address_job = None
        self.setWindowTitle(f"{labels.action(action)} · {case.number}")
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        head = QLabel(f"<b>{case.number}</b> · {labels.state(case.state.value)} · "
                      f"{case.description[:40]}")
        lay.addWidget(head)
        form = QFormLayout()
        self.inputs: dict[str, QWidget] = {}
        for name in FIELDS[action]:
            if name == "y":
                continue  # one row shows the point
            widget = self._input(name)
            self.inputs[name] = widget
            text = tr(LABELS[name]) + (" *" if name in REQUIRED or self._note_required(name)
                                       else "")
            form.addRow(text, widget)
        lay.addLayout(form)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self._hints: dict[str, str] = {}   # place, class, deadline: each its own line
        lay.addWidget(self.hint)
        lay.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(labels.action(action))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if action is Action.DISPATCH:
            self._fill_assignees()
        if action is Action.PLACE and point is not None:
            self._preview_place()
            if not case.address:
                fill_address(self, self.inputs["address"], *point)
        if action is Action.REGISTER:
            self.inputs["class_code"].currentIndexChanged.connect(self._preview_class)
        if action in (Action.APPROVE_EXTENSION, Action.DENY_EXTENSION):
            self._preview_extension()

    def _note_required(self, name: str) -> bool:
        return name == "note" and self.action in (
            Action.RECTIFY, Action.VERIFY_FAIL, Action.DENY_EXTENSION, Action.DENY_SUSPENSION,
            Action.REPLY, Action.SUPERVISE)

    def _input(self, name: str) -> QWidget:
        if name == "note":
            w = QPlainTextEdit()
            w.setMaximumHeight(80)
            return w
        if name == "reason":
            return QLineEdit()
        if name == "duplicate_of":  # the originals nearby, chosen; a number may be typed
            return self._originals()
        if name == "address":
            return QLineEdit(self.case.address or "")
        if name == "class_code":  # 立案: the acceptor may correct a wrong class
            with self.app.store.uow(write=False) as uow:
                return ClassPicker(uow.config.catalog(), self.case.class_code)
        if name == "verifier":  # a grid worker, who then verifies outside his own cells
            w = QComboBox()
            with self.app.store.uow(write=False) as uow:
                for p in uow.people.people_with_role(Role.GRID_WORKER):
                    if p.active and p.id not in self.case.rectifier_ids:
                        w.addItem(tr("{what}（{n}）", what=p.name, n=p.username), p.username)
            return w
        if name == "x":  # the point clicked on the map (标定位置), or one to correct (立案)
            x, y = self.point if self.point else (self.case.x, self.case.y)
            w = PointField(self.app.store, x, y, pickable=self.action is Action.REGISTER)
            w.pick.connect(lambda: self.pick_point.emit(self))
            return w
        if name == "reason_code":
            w = QComboBox()
            for r in RejectReason:
                w.addItem(tr(r.label_zh), r.value)
            return w
        if name == "extra":
            w = QComboBox()
            for value, text in EXTRA:
                w.addItem(tr(text), value)
            w.setCurrentIndex(2)
            return w
        if name == "satisfaction":
            w = QComboBox()
            for sat in Satisfaction:
                w.addItem(tr(sat.label_zh), sat.value)
            return w
        if name == "assignee":
            w = QComboBox()
            w.currentIndexChanged.connect(self._preview_deadline)
            return w
        if name == "photos":
            return PhotoPicker()
        raise ValueError(name)

    def _originals(self) -> QComboBox:
        """Open cases of the same class near this one, reported before it, nearest first."""
        w = QComboBox()
        w.setEditable(True)
        w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        w.lineEdit().setPlaceholderText(tr("选择附近的原案件，或输入案卷号"))
        c = self.case
        if not c.placed:
            return w
        with self.app.store.uow(write=False) as uow:
            radius = max(4 * uow.config.settings().duplicates.radius_m, 200.0)
            found = uow.cases.duplicate_candidates(
                c.class_code, c.x, c.y, radius, c.reported_at - timedelta(days=30),
                c.reported_at)
            cls = uow.config.catalog().find(c.class_code)
        found = sorted((o for o in found if o.case_id != c.id),
                       key=lambda o: (o.x - c.x) ** 2 + (o.y - c.y) ** 2)
        for o in found[:20]:
            d = ((o.x - c.x) ** 2 + (o.y - c.y) ** 2) ** 0.5
            w.addItem(tr("{n} · {cls} · 相距 {d} 米 · {t}", n=o.number,
                         cls=cls.name if cls else c.class_code, d=f"{d:.0f}",
                         t=f"{o.reported_at:%m-%d %H:%M}"), o.number)
        w.setCurrentIndex(-1)
        return w

    def _fill_assignees(self) -> None:
        """The ownership rule's suggestions first, then every department."""
        combo: QComboBox = self.inputs["assignee"]
        store = self.app.store
        ranked = svc.dispatch_suggestions(store.uow(write=False), self.case.id)
        basis = {"owner": "权属单位", "class_department": "专业部门", "road_chief": "路长",
                 "street": "属地街道"}
        with store.uow(write=False) as uow:
            seen = set()
            for s in ranked:
                a = s.assignee
                if a.person_id:
                    p = uow.people.get(a.person_id)
                    combo.addItem(f"★ {p.name}（{tr(basis[s.basis])}）", f"road_chief:{p.username}")
                    seen.add(f"road_chief:{p.username}")
                else:
                    d = uow.people.department(a.department_id)
                    combo.addItem(f"★ {d.name}（{tr(basis[s.basis])}）", f"department:{d.code}")
                    seen.add(f"department:{d.code}")
            for d in uow.people.departments():
                if f"department:{d.code}" not in seen:
                    combo.addItem(d.name, f"department:{d.code}")
        self._preview_deadline()

    def _preview_place(self) -> None:
        """Where the case would go: the cell, the road and the people in charge there."""
        from ...services.locating import where
        store, (x, y) = self.app.store, self.point
        loc = where(store.uow(write=False), x, y, self.case.reported_at)
        if not loc.inside_district:
            self.say("place", tr("此处不在辖区任何单元网格内，请重新选择位置。"))
            return
        with store.uow(write=False) as uow:
            people = uow.people
            chief = people.get(loc.road_chief_id).name if loc.road_chief_id else "—"
            worker = people.get(loc.grid_worker_id).name if loc.grid_worker_id else "—"
        road = self.app.segment_name(loc.segment_code) if loc.segment_code else "—"
        self.say("place", tr("单元网格 {cell}，网格员 {worker}；路段 {road}，路长 {chief}。",
                             cell=loc.cell_code, worker=worker, road=road, chief=chief))

    def say(self, key: str, text: str) -> None:
        """One line of the hint under the form (the place, the class, the deadline)."""
        self._hints[key] = text
        self.hint.setText("\n".join(t for t in self._hints.values() if t))

    def set_point(self, x: float, y: float) -> None:
        """The point picked on the map: shown, its place previewed, its address filled."""
        self.point = (x, y)
        self.inputs["x"].show_point(x, y, changed=True)
        self._preview_place()
        fill_address(self, self.inputs["address"], x, y)

    def _preview_class(self, *_args) -> None:
        code = self.inputs["class_code"].code()
        if not code or code == self.case.class_code:
            self.say("class", "")
            return
        with self.app.store.uow(write=False) as uow:
            cls = uow.config.catalog()[code]
        self.say("class", tr("类别更正为 {name}（{code}），处置时限 {limit}。", name=cls.name,
                             code=code, limit=limit_text(cls.time_limit)))

    def _preview_deadline(self, *_args) -> None:
        if self.action is not Action.DISPATCH:
            return
        with self.app.store.uow(write=False) as uow:
            cls = uow.config.catalog()[self.case.class_code]
            cal = uow.config.calendar()
        deadline = cal.add_working_minutes(self.app.clock(), cls.time_limit.working_minutes(
            cal.minutes_per_day))
        limit = limit_text(cls.time_limit)
        self.say("deadline", tr("处置时限 {limit}：如现在派遣，应于 {when} 前处置完毕。",
                             limit=limit, when=f"{deadline:%Y-%m-%d %H:%M}"))

    def _preview_extension(self) -> None:
        """What the approver decides on: the time asked for and the deadline it would give
        (the reason is the last line of the case's history)."""
        extra = self.case.pending_extension_minutes
        if not extra:
            return
        with self.app.store.uow(write=False) as uow:
            cal = uow.config.calendar()
        days, rest = divmod(extra, cal.minutes_per_day)
        span = tr("{n} 工作日", n=days) if not rest else tr("{n} 工作时", n=f"{extra / 60:g}")
        when = cal.add_working_minutes(self.case.deadline_at or self.app.clock(), extra)
        self.say("deadline", tr("申请延期 {span}：批准后应于 {when} 前处置完毕。", span=span,
                                when=f"{when:%Y-%m-%d %H:%M}"))

    def values(self) -> dict:
        out = {}
        for name, w in self.inputs.items():
            if isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText().strip()
            elif isinstance(w, QLineEdit):
                out[name] = w.text().strip()
            elif name == "duplicate_of":   # a listed original, or the number typed
                text = w.currentText().strip()
                k = w.findText(text)
                out[name] = w.itemData(k) if k >= 0 else text.split(" ")[0] if text else None
            elif isinstance(w, QComboBox):
                data = w.currentData()
                # the assignee is "kind:code" (Qt cannot look up Python tuples in a combo)
                out[name] = tuple(data.split(":", 1)) if name == "assignee" and data else data
            elif isinstance(w, PhotoPicker):
                out[name] = w.paths
            elif isinstance(w, ClassPicker):
                out[name] = w.code()
        if self.point is not None and "x" in self.inputs:
            out["x"], out["y"] = self.point
        return out

    def submit(self) -> None:
        picker = self.inputs.get("class_code")
        if isinstance(picker, ClassPicker) and picker.code() is None:
            QMessageBox.warning(self, tr("无法完成"), tr(
                "请从列表中选择问题类别（“{t}”不是唯一的类别）。", t=picker.currentText()))
            return
        if self.submitting:
            return
        v = self.values()
        app, case, action = self.app, self.case, self.action

        def work():
            v["photos"] = _store_photos(app.store, v.get("photos", []))
            return app.perform(case, action, v)

        def done(outcome) -> None:
            self.outcome = outcome
            self.performed.emit(outcome)
            self.accept()

        def failed(exc) -> None:  # shown to the user, who can correct and retry
            show_error(self, tr("无法完成"), exc)
            if isinstance(exc, StaleCase):
                self.stale.emit()  # the case changed under us: show it as it is now
                self.reject()
        self.submit_off_thread(work, done, failed)


class ReportDialog(SubmitDialog):
    """上报 at a point of the map: class, source, description, photos (stored off the UI
    thread)."""

    def __init__(self, app, x: float, y: float, parent=None) -> None:
        super().__init__(parent)
        self.app, self.x, self.y = app, x, y
        self.outcome = None
        self.setWindowTitle(tr("上报问题"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        with app.store.uow(write=False) as uow:
            self.klass = ClassPicker(uow.config.catalog())
        self.source = QComboBox()
        for s in Source:
            self.source.addItem(tr(s.label_zh), s.value)
        # his own patrol unless he says otherwise (a road chief's is 路长巡查)
        self.source.setCurrentIndex(self.source.findData(patrol_source(app.session.person.roles)))
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(80)
        self.address = QLineEdit()
        self.photos = PhotoPicker()
        form.addRow(tr("问题类别") + " *", self.klass)
        form.addRow(tr("来源"), self.source)
        form.addRow(tr("问题描述"), self.description)
        form.addRow(tr("地址"), self.address)
        form.addRow(tr("照片"), self.photos)
        lay.addLayout(form)
        self.position = QLabel(tr("位置：{p}", p=lonlat_text(app.store, x, y)))
        self.position.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.position)
        lay.addWidget(self.status)
        self.address_job = None
        fill_address(self, self.address, x, y)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("提交上报"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def submit(self) -> None:
        store = self.app.store
        code = self.klass.code()
        if code is None:
            QMessageBox.warning(self, tr("无法完成"), tr(
                "请从列表中选择问题类别（“{t}”不是唯一的类别）。", t=self.klass.currentText()))
            return
        if self.submitting:
            return
        user, paths = self.app.session.username, list(self.photos.paths)
        fields = dict(source=Source(self.source.currentData()), class_code=code, x=self.x,
                      y=self.y, description=self.description.toPlainText().strip(),
                      address=self.address.text().strip())

        def work():
            return svc.report(store.uow(), user, photos=_store_photos(store, paths), **fields)

        def done(outcome) -> None:
            self.outcome = outcome
            self.accept()
        self.submit_off_thread(work, done, lambda exc: show_error(self, tr("无法完成"), exc))


def confirm(parent, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes
