"""Export the cases the list shows, in its order, off the UI thread, saying which filter."""

from __future__ import annotations

from pathlib import Path

from ..io.export import cases_frame, export_cases_table
from ..services.reading import CaseSelection
from .i18n import tr
from .workers import Job


def export_job(model, ids: list[int], filter_text: str, path: str) -> Job:
    """A job writing the listed cases to `path` (CSV or XLSX); its result is the count."""
    store, user = model.store, model.session.person.name
    when = model.clock().strftime("%Y-%m-%d %H:%M")
    note = tr("筛选：{f}；共 {n} 件；{u} 导出于 {t}", f=filter_text, n=len(ids), u=user, t=when)

    def work(progress) -> int:
        progress(0, 3, tr("读取案件"))
        frame = cases_frame(store, CaseSelection(ids=tuple(ids)))
        progress(1, 3, tr("整理"))
        frame = frame.set_index("id").loc[ids].reset_index()  # the list's order
        progress(2, 3, tr("写入文件"))
        n = export_cases_table(store, Path(path), frame, note=note, translate=tr)
        progress(3, 3, tr("完成"))
        return n
    return Job(work, "export")
