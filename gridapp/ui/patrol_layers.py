"""The patrol layers in the window: 路长责任段 按巡查 (days since each segment's last patrol
against its rhythm) and 巡查轨迹 (who went where on the day chosen), read on a worker when
shown, read again when patrol records, assignments or the day change; tooltips on hover."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from PySide6.QtCore import QDate, QObject, QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..analysis.patrol import STATUS_LABELS_ZH
from ..app.hit import segment_at
from ..app.patrol_layers import STATUSES, DayTracks, LastPatrols, clock_text
from ..services.reading import PATROL_TABLES
from .errors import explain
from .i18n import follow_language, tr
from .workers import Job

STATUS_NAMES = STATUS_LABELS_ZH  # translated where shown
HOVER_PX = 6  # how close the pointer must be to a track or segment for its tooltip


class DayPicker(QWidget):
    """The day whose tracks are drawn: ◀ date ▶, and what that day holds."""

    def __init__(self, day: date, on_day, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("track_day")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        row = QHBoxLayout()
        self.caption = QLabel()
        self.back, self.forward = QToolButton(), QToolButton()
        self.back.setText("◀")
        self.forward.setText("▶")
        self.date = QDateEdit(QDate(day.year, day.month, day.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.back.clicked.connect(lambda: self.step(-1))
        self.forward.clicked.connect(lambda: self.step(1))
        self.date.dateChanged.connect(lambda *_: on_day(self.day))
        for w in (self.caption, self.back, self.date, self.forward):
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("track_summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(tr("轨迹日期"))
        self.back.setToolTip(tr("前一天"))
        self.forward.setToolTip(tr("后一天"))

    @property
    def day(self) -> date:
        return self.date.date().toPython()

    def step(self, days: int) -> None:
        self.date.setDate(self.date.date().addDays(days))

    def set_day(self, day: date) -> None:
        self.date.setDate(QDate(day.year, day.month, day.day))


class PatrolLayers(QObject):
    """Keeps the canvas's patrol data current and explains what is under the pointer."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.w, self.model, self.canvas = window, window.model, window.canvas
        self.today = self.model.clock().date()
        self.picker = DayPicker(self.today, self._day_chosen)
        window.layers_panel.layout().addWidget(self.picker)
        self._jobs: dict[str, Job] = {}
        self._again: set[str] = set()
        self._shown: set[str] = set()
        self._tip = ""
        self.model.layers.changed.connect(self._layers_changed)
        self.model.data_changed.connect(self._data_changed)
        self.model.session_changed.connect(lambda *_: self.reload())
        self.model.clock_changed.connect(self._clock_changed)
        self.canvas.hovered.connect(self.hover)
        window.layers_panel.list.currentRowChanged.connect(lambda *_: self._show_picker())
        follow_language(self.picker, self._summarise)
        self._show_picker()
        self.reload()

    # ---- what is shown ---------------------------------------------------------------
    def _wanted(self) -> set[str]:
        layers = self.model.layers
        out = set()
        seg, tracks = layers.get("segments"), layers.get("tracks")
        if seg.visible and seg.style == "patrol":
            out.add("last")
        if tracks.visible:
            out.add("tracks")
        return out

    def _show_picker(self) -> None:
        key = self.w.layers_panel._key()
        self.picker.setVisible(key == "tracks")

    def _layers_changed(self, _key) -> None:
        wanted = self._wanted()
        for what in wanted - self._shown:  # shown (again): read what the store holds now
            self.load(what)
        self._shown = wanted
        self.w.update_legend()

    def _day_chosen(self, day: date) -> None:
        if "tracks" in self._wanted():
            self.load("tracks")
        else:
            self.canvas.tracks = None

    def _data_changed(self, changes) -> None:
        if changes.tables & (PATROL_TABLES | {"assignments", "road_segments", "meta"}):
            self.reload()

    def _clock_changed(self, *_args) -> None:
        today = self.model.clock().date()
        if today != self.today:  # a new day: runs move on, yesterday's 待巡 may be missed
            if self.picker.day == self.today:
                self.picker.set_day(today)
            self.today = today
            self.reload()

    def reload(self) -> None:
        """Read again whatever is shown; what is hidden is read when it is shown."""
        wanted = self._shown = self._wanted()
        if "last" not in wanted:
            self.canvas.last_patrols = None
        if "tracks" not in wanted:
            self.canvas.tracks = None
        for what in wanted:
            self.load(what)

    # ---- reading on a worker ----------------------------------------------------------
    def load(self, what: str) -> Job | None:
        """Read the segments' last patrols ("last") or the chosen day's tracks ("tracks")."""
        if what in self._jobs:
            self._again.add(what)
            return self._jobs[what]
        store, session, day = self.model.store, self.model.session, self.picker.day
        read = store.read_model

        def work(_progress):
            if what == "last":
                with store.uow(write=False) as uow:
                    share = uow.config.settings().patrol.share
                return LastPatrols.read(read, share)
            only = None if session.sees_everything else session.person.id
            return DayTracks.read(read, day, read.unit_names()[1], only)
        job = self._jobs[what] = Job(work, f"patrol-{what}")
        # bound methods, not lambdas holding self: Qt drops them with this object, so an
        # answer arriving after the window is gone reaches nothing
        last = what == "last"
        job.finished.connect(self._last_loaded if last else self._tracks_loaded)
        job.failed.connect(self._last_failed if last else self._tracks_failed)
        job.start()
        return job

    def _last_loaded(self, result) -> None:
        self._loaded("last", result)

    def _tracks_loaded(self, result) -> None:
        self._loaded("tracks", result)

    def _last_failed(self, exc) -> None:
        self._failed("last", exc)

    def _tracks_failed(self, exc) -> None:
        self._failed("tracks", exc)

    def _loaded(self, what: str, result) -> None:
        self._jobs.pop(what, None)
        if what in self._again:
            self._again.discard(what)
            self.load(what)
            return
        if what == "last":
            self.canvas.last_patrols = result
            self.canvas.invalidate(["segments"])
        else:
            if result.day != self.picker.day:  # another day was chosen meanwhile
                self.load("tracks")
                return
            self.canvas.tracks = result
            self.canvas.invalidate(["tracks"])
            self._summarise()
        self.w.update_legend()

    def _failed(self, what: str, exc) -> None:
        self._jobs.pop(what, None)
        self._again.discard(what)
        self.model.message.emit(tr("巡查数据未能读取：{e}", e=explain(exc)))

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def _summarise(self) -> None:
        t = self.canvas.tracks
        if t is None:
            self.picker.summary.setText("")
            return
        km = float(t.metres.sum()) / 1000
        self.picker.summary.setText(
            tr("{n} 人巡查，{k} 条轨迹，{km:.1f} 公里，{c} 次打卡", n=len(t.people), k=len(t),
               km=km, c=len(t.checkin_person)) if len(t.people) else tr("这一天没有巡查记录"))

    # ---- under the pointer -------------------------------------------------------------
    def describe(self, x: float, y: float) -> str:
        """What the patrol layers show at a point (empty: nothing of theirs there)."""
        res = self.canvas.viewport.res
        t = self.canvas.tracks
        if t is not None and "tracks" in self._wanted():
            k = segment_at(t, x, y, HOVER_PX * res)
            if k >= 0:
                pid = int(t.person[k])
                text = tr("{who}：{a}–{b}，{km:.1f} 公里", who=t.names.get(pid, str(pid)),
                          a=clock_text(int(t.started[k])), b=clock_text(int(t.ended[k])),
                          km=float(t.metres[k]) / 1000)
                at = t.passed_at(k, x, y)
                if at is not None:
                    text += "\n" + tr("约 {t} 经过此处", t=clock_text(at))
                return text
            if len(t.checkin_person):
                d = np.hypot(t.checkin_xy[:, 0] - x, t.checkin_xy[:, 1] - y)
                i = int(np.argmin(d))
                if d[i] <= HOVER_PX * res:
                    pid = int(t.checkin_person[i])
                    note = t.checkin_note[i]
                    return tr("{who} 巡查打卡 {t}", who=t.names.get(pid, str(pid)),
                              t=clock_text(int(t.checkin_at[i]))) + (f"\n{note}" if note else "")
        snap = self.canvas.snapshot()
        sp = snap.segment_patrol() if "last" in self._wanted() else None
        if sp is not None:
            s = segment_at(snap.data.segments, x, y, HOVER_PX * res)
            if s >= 0:
                name = str(snap.data.segments.names[s])
                every = tr("每 {n} 天一次", n=int(sp.every[s]))
                status = tr(STATUS_NAMES[STATUSES[int(sp.status[s])]])
                if sp.days_since[s] < 0:
                    return f"{name}\n{every} · {status}"
                last = date(1970, 1, 1) + timedelta(days=int(sp.last_day[s]))
                return f"{name}\n" + tr("上次巡查 {d}（{n} 天前）", d=last.isoformat(),
                                        n=int(sp.days_since[s])) + f"\n{every} · {status}"
        return ""

    def hover(self, x: float, y: float) -> None:
        text = self.describe(x, y) if self._wanted() else ""
        if text:
            QToolTip.showText(QCursor.pos() + QPoint(12, 12), text, self.canvas)
        elif QToolTip.isVisible() and self._tip:
            QToolTip.hideText()
        self._tip = text


def install(window) -> PatrolLayers:
    """The patrol layers' data, day picker and tooltips for a window."""
    window.patrol_layers = PatrolLayers(window)
    return window.patrol_layers
