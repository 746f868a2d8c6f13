"""Export the cases the list shows, in its order, in a child process, saying which filter."""

from __future__ import annotations

from . import offloaded
from .i18n import language, tr
from .processes import ProcessJob


def export_job(model, ids: list[int], filter_text: str, path: str) -> ProcessJob:
    """A job writing the listed cases to `path` (CSV or XLSX); its result is the count. It
    runs in its own process: writing tens of thousands of rows would otherwise hold up the
    threads that keep the window current."""
    now = model.clock()
    note = tr("筛选：{f}；共 {n} 件；{u} 导出于 {t}", f=filter_text, n=len(ids),
              u=model.session.person.name, t=now.strftime("%Y-%m-%d %H:%M"))
    return ProcessJob(offloaded.export_cases,
                      (model.store.url, list(ids), note, path, now, language()), "export")
