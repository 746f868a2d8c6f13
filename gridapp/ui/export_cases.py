"""Export the cases the list shows, in its order, off the UI thread, saying which filter."""

from __future__ import annotations

from pathlib import Path

from ..io.export import cases_frame, export_cases_table
from .i18n import tr
from .workers import Job

IN_LIST = 20_000  # up to this many ids are asked for by id; more: read all, keep those


def export_job(model, ids: list[int], filter_text: str, path: str) -> Job:
    """A job writing the listed cases to `path` (CSV or XLSX); its result is the count."""
    store, user = model.store, model.session.person.name
    when = model.clock().strftime("%Y-%m-%d %H:%M")
    note = tr("筛选：{f}；共 {n} 件；{u} 导出于 {t}", f=filter_text, n=len(ids), u=user, t=when)

    def work(progress) -> int:
        progress(0, 3, tr("读取案件"))
        if not ids:
            frame = cases_frame(store, "WHERE 1 = 0")
        elif len(ids) <= IN_LIST:
            binds = {f"i{k}": v for k, v in enumerate(ids)}
            frame = cases_frame(store, f"WHERE c.id IN ({', '.join(':' + k for k in binds)})",
                                binds)
        else:
            frame = cases_frame(store)
        progress(1, 3, tr("整理"))
        frame = frame.set_index("id").loc[ids].reset_index()  # the list's order
        progress(2, 3, tr("写入文件"))
        n = export_cases_table(store, Path(path), frame, note=note)
        progress(3, 3, tr("完成"))
        return n
    return Job(work, "export")
