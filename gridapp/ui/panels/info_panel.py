"""What the user clicked that is not a case: a cell or a road segment, and who answers for it."""

from __future__ import annotations

from datetime import datetime

import numpy as np
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ...app.map_data import OPEN
from ...domain.places import RoadClass
from .. import labels
from ..i18n import tr


class InfoPanel(QWidget):
    def __init__(self, window, parent=None) -> None:
        super().__init__(parent)
        self.window = window
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.text = QTextBrowser()
        self.text.setObjectName("info_text")
        lay.addWidget(self.text)
        self.text.setHtml(f"<p>{tr('点击地图查看网格或路段信息')}</p>")

    def _open_cases(self, mask: np.ndarray) -> str:
        c = self.window.ctx.data.cases
        sel = mask & OPEN[c.state]
        over = sel & c.overdue(self.window.ctx.now)
        return tr("在办案件 {n} 件（超期 {o} 件）", n=int(sel.sum()), o=int(over.sum()))

    def show_cell(self, i: int) -> None:
        d = self.window.ctx.data
        code = str(d.cells.codes[i])
        with self.window.store.uow(write=False) as uow:
            a = uow.people.responsible("grid_worker_cell", code, datetime.now())
            worker = uow.people.get(a.person_id) if a else None
        rows = [("网格编码", code), ("社区", d.community_names[d.cells.community_idx[i]]),
                ("街道", d.street_names[d.cells.street_idx[i]]),
                ("网格员", f"{worker.name}（{worker.username}）" if worker else tr("未分配")),
                ("案件", self._open_cases(d.cases.cell == i))]
        self._table(tr("单元网格"), rows)

    def show_segment(self, i: int) -> None:
        d = self.window.ctx.data
        s = d.segments
        code = str(s.codes[i])
        cls = RoadClass(["main", "secondary", "branch"][int(s.road_class[i])])
        with self.window.store.uow(write=False) as uow:
            a = uow.people.responsible("road_chief_segment", code, datetime.now())
            chief = uow.people.get(a.person_id) if a else None
        rows = [("路段", str(s.names[i])), ("编码", code), ("道路等级", tr(cls.label_zh)),
                ("路长", f"{chief.name}（{chief.username}）" if chief else tr("未分配")),
                ("巡查频次", tr("每 {n} 天一次", n=cls.patrol_interval_days)),
                ("案件", self._open_cases(d.cases.segment == int(s.ids[i])))]
        self._table(tr("路长责任段"), rows)

    def _table(self, title: str, rows) -> None:
        body = "".join(f"<tr><td><b>{tr(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
        self.text.setHtml(f"<h3>{title}</h3><table cellpadding=3>{body}</table>")


__all__ = ["InfoPanel", "labels"]
