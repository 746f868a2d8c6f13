"""What the user clicked that is not a case: a cell or a road segment, and who answers for it."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ...app.map_data import OPEN
from ...domain.people import AssignmentKind
from ...domain.places import RoadClass
from ..i18n import follow_language, tr


class InfoPanel(QWidget):
    def __init__(self, app, parent=None) -> None:
        super().__init__(parent)
        self.app = app
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.text = QTextBrowser()
        self.text.setObjectName("info_text")
        lay.addWidget(self.text)
        app.selection_changed.connect(lambda *_: self.show_selection())
        app.data_changed.connect(lambda *_: self.show_selection())
        follow_language(self, self.show_selection)
        self.show_selection()

    def show_selection(self) -> None:
        sel = self.app.selection
        if sel.road:
            self.show_road(sel.road)
        elif sel.segment >= 0:
            self.show_segment(sel.segment)
        elif sel.cell >= 0:
            self.show_cell(sel.cell)
        elif not sel.case_ids:
            self.text.setHtml(f"<p>{tr('点击地图查看网格或路段信息')}</p>")

    def _open_cases(self, mask: np.ndarray) -> str:
        app = self.app
        c = app.data.cases
        sel = mask & OPEN[c.state] & app.derived.access_mask
        over = sel & app.derived.overdue
        return tr("在办案件 {n} 件（超期 {o} 件）", n=int(sel.sum()), o=int(over.sum()))

    def _who(self, kind: AssignmentKind, code: str) -> str:
        return self._whos(kind, [code])[0]

    def _whos(self, kind: AssignmentKind, codes: list[str]) -> list[str]:
        """Who answers for each place now, read in one unit of work."""
        at, out = self.app.clock(), []
        with self.app.store.uow(write=False) as uow:
            for code in codes:
                a = uow.people.responsible(kind.value, code, at)
                p = uow.people.get(a.person_id) if a and a.person_id else None
                out.append(f"{p.name}（{p.username}）" if p else tr("未分配"))
        return out

    def show_cell(self, i: int) -> None:
        d = self.app.data
        code = str(d.cells.codes[i])
        rows = [("网格编码", code), ("社区", d.community_names[d.cells.community_idx[i]]),
                ("街道", d.street_names[d.cells.street_idx[i]]),
                ("网格员", self._who(AssignmentKind.GRID_WORKER_CELL, code)),
                ("案件", self._open_cases(d.cases.cell == i))]
        self._table(tr("单元网格"), rows)

    def show_segment(self, i: int) -> None:
        d = self.app.data
        s = d.segments
        code = str(s.codes[i])
        cls = RoadClass(["main", "secondary", "branch"][int(s.road_class[i])])
        rows = [("路段", str(s.names[i])), ("编码", code), ("道路等级", tr(cls.label_zh)),
                ("路长", self._who(AssignmentKind.ROAD_CHIEF_SEGMENT, code)),
                ("巡查频次", tr("每 {n} 天一次", n=cls.patrol_interval_days)),
                ("案件", self._open_cases(d.cases.segment == int(s.ids[i])))]
        self._table(tr("路长责任段"), rows)

    def show_road(self, road: str) -> None:
        """A road found by name: all its segments, every road chief on it, its open cases."""
        d = self.app.data
        s = d.segments
        idx = self.app.road_segments(road)
        # in the road's order; a chief of several segments is named once
        chiefs = list(dict.fromkeys(self._whos(AssignmentKind.ROAD_CHIEF_SEGMENT,
                                               [str(c) for c in s.codes[idx]])))
        rows = [("道路", road), ("路段数", str(len(idx))), ("路长", tr("、").join(chiefs)),
                ("案件", self._open_cases(np.isin(d.cases.segment, s.ids[idx])))]
        self._table(tr("道路"), rows)

    def _table(self, title: str, rows) -> None:
        body = "".join(f"<tr><td><b>{tr(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
        self.text.setHtml(f"<h3>{title}</h3><table cellpadding=3>{body}</table>")
